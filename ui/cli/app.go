package cli

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/inspect/demo"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/demoprofiles"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/store/secrets"
	"github.com/why401/why401/store/send"
	"github.com/why401/why401/ui/tui"
)

// prefill reads `why401 [METHOD] [URL]`: one argument that names an HTTP
// method is the method, otherwise it is the URL with GET (CONTRACT).
func prefill(args []string) (requests.Request, error) {
	switch len(args) {
	case 0:
		return requests.Request{}, nil
	case 1:
		if requests.IsMethod(args[0]) {
			return requests.Request{Method: strings.ToUpper(args[0])}, nil
		}
		if !looksLikeURL(args[0]) {
			return requests.Request{}, usageErr("unknown command %q; why401 --help lists them (a URL starts with / or a scheme)", args[0])
		}
		return requests.Request{Method: http.MethodGet, URL: args[0]}, nil
	case 2:
		if !requests.IsMethod(args[0]) {
			return requests.Request{}, usageErr("%q is not an HTTP method: use why401 [METHOD] [URL]", args[0])
		}
		return requests.Request{Method: strings.ToUpper(args[0]), URL: args[1]}, nil
	}
	return requests.Request{}, usageErr("too many arguments: use why401 [METHOD] [URL]")
}

// looksLikeURL tells a URL or path from a mistyped subcommand.
func looksLikeURL(s string) bool {
	return strings.HasPrefix(s, "/") || strings.Contains(s, "://") || strings.Contains(s, ".") || strings.Contains(s, ":")
}

// runApp starts the terminal app on the user's config. A broken config is
// reported in one sentence before the program starts; no config opens the
// app with a first-run hint. No secret is resolved here: the active
// profile's are resolved at its first send, inside a tea.Cmd.
func (e *env) runApp(args []string) error {
	if !e.isTerminal(e.stdout) {
		return usageErr("the terminal app needs a terminal; for scripts use why401 send, decode or explain")
	}
	deps, err := e.appDeps(args)
	if err != nil {
		return err
	}
	return e.startProgram(deps, os.Stdin)
}

// appDeps reads the arguments and the config into what the app starts with.
func (e *env) appDeps(args []string) (tui.Deps, error) {
	req, err := prefill(args)
	if err != nil {
		return tui.Deps{}, err
	}
	deps := tui.Deps{Request: req, Profile: e.profile, Now: time.Now}
	cfg, err := config.Load(e.configPath())
	switch {
	case errors.Is(err, config.ErrNoConfig):
		deps.ConfigErr = "no profiles yet: add one with why401 profile add NAME, or try why401 demo"
	case err != nil:
		return deps, exitError{exitUsage, err}
	default:
		deps.Config = cfg
		if e.profile != "" {
			if _, ok := cfg.Profile(e.profile); !ok {
				return deps, usageErr("there is no profile %q; why401 profile list shows them", e.profile)
			}
		}
		deps.Backend = e.appBackend(cfg)
	}
	return deps, nil
}

// appBackend is the app's I/O over the user's config, keyring and history.
// Secrets set to "prompt" cannot be asked for under the full-screen app.
func (e *env) appBackend(cfg *config.Config) *backend {
	res := &secrets.Resolver{Keyring: e.keyring(), Getenv: e.getenv, Prompt: func(label string) (string, error) {
		return "", fmt.Errorf("%s is set to prompt, which the terminal app cannot ask for: store it with why401 secret set", label)
	}}
	e.res = res
	d := send.Deps{Resolver: res, Keyring: e.keyring(), Now: time.Now, UserAgent: "why401/" + version(),
		Cache: auth.NewSessionCache(auth.KeyringCache{Keyring: e.keyring()})}
	h := history.Open(e.paths().State)
	saved := requests.Store{Dir: filepath.Dir(e.configPath())} // it adds requests/PROFILE.toml
	return newBackend(e, cfg, d, &h, &saved)
}

// runDemoApp is `why401 demo`: the app on an in-process demo API with the
// demo profiles; secrets live in memory and nothing is written to the
// user's config, keyring, history or cache.
func (e *env) runDemoApp() error {
	if !e.isTerminal(e.stdout) {
		return usageErr("the terminal app needs a terminal; try why401 demo send -p dev GET /v1/orders")
	}
	srv, err := demo.New(demo.Options{})
	if err != nil {
		return exitError{exitUsage, err}
	}
	if err := srv.Start(); err != nil {
		return exitError{exitUsage, err}
	}
	defer srv.Close()
	deps, err := e.demoDeps(srv)
	if err != nil {
		return err
	}
	return e.startProgram(deps, os.Stdin)
}

// demoDeps is the app on the demo server: its profiles, secrets in memory,
// history in memory, the first request of the story composed.
func (e *env) demoDeps(srv *demo.Server) (tui.Deps, error) {
	cfg, kr, err := demoprofiles.Build(srv.Credentials(), srv.URL())
	if err != nil {
		return tui.Deps{}, exitError{exitUsage, err}
	}
	e.kr, e.res, e.noDiskCache = kr, nil, true
	name := e.profile
	if name == "" {
		name = cfg.DefaultProfile
	}
	if _, ok := cfg.Profile(name); !ok {
		return tui.Deps{}, usageErr("there is no demo profile %q; use one of %v", name, demoprofiles.Names())
	}
	d := send.Deps{Resolver: e.resolver(), Keyring: kr, Now: time.Now, UserAgent: "why401/" + version(),
		Cache: auth.NewSessionCache(auth.KeyringCache{Keyring: kr})}
	return tui.Deps{Config: cfg, Profile: name, Label: "demo", Now: time.Now, Backend: newBackend(e, cfg, d, nil, nil),
		Request: requests.Request{Method: http.MethodGet, URL: "/v1/orders"}}, nil
}

// startProgram runs the Bubble Tea program on the terminal. in is where
// keys come from; when stdin carried a token, it is the terminal itself.
func (e *env) startProgram(deps tui.Deps, in *os.File) error {
	// The first box-drawing character measured builds the width table
	// (1–2 ms); build it on another core while the program starts.
	go ansi.StringWidthWc("─")
	opts := []tea.ProgramOption{tea.WithOutput(e.stdout), tea.WithInput(in)}
	if e.noColor || e.getenv("NO_COLOR") != "" {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii)) // bold and reverse stay; no colour
	}
	if _, err := tea.NewProgram(tui.New(deps), opts...).Run(); err != nil {
		return exitError{exitFailed, fmt.Errorf("the terminal app stopped: %w", err)}
	}
	return nil
}
