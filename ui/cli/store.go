package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/debuglog"
	"github.com/why401/why401/store/secrets"
)

// paths locates the config, state and cache directories (CONTRACT).
func (e *env) paths() config.Paths {
	return config.Locate(e.configDir, e.getenv)
}

func (e *env) configPath() string {
	return filepath.Join(e.paths().Config, config.FileName)
}

// loadConfig reads the config; a missing file is errNoProfiles with a
// sentence on how to create one.
func (e *env) loadConfig() (*config.Config, error) {
	cfg, err := config.Load(e.configPath())
	if errors.Is(err, config.ErrNoConfig) {
		return nil, fmt.Errorf("there is no config at %s yet; create a profile with: why401 profile add NAME --base-url URL", e.configPath())
	}
	return cfg, err
}

// profileNamed loads the config and finds a profile by name, or the
// default one when name is "".
func (e *env) profileNamed(name string) (*config.Config, config.Profile, error) {
	cfg, err := e.loadConfig()
	if err != nil {
		return nil, config.Profile{}, exitError{exitUsage, err}
	}
	if name == "" {
		p, ok := cfg.Default()
		if !ok {
			return nil, config.Profile{}, usageErr("the config at %s has no profiles", cfg.Path)
		}
		return cfg, p, nil
	}
	p, ok := cfg.Profile(name)
	if !ok {
		return nil, config.Profile{}, usageErr("there is no profile %q in %s", name, cfg.Path)
	}
	return cfg, p, nil
}

// keyring is the OS keyring (or the one a test injected), one per run, so
// that once a call has hung every later call fails fast instead of waiting.
func (e *env) keyring() secrets.Keyring {
	if e.kr == nil {
		if e.keyringFor != nil {
			e.kr = e.keyringFor()
		} else {
			wait := secrets.DefaultTimeout
			if e.keyringWait > 0 {
				wait = e.keyringWait
			}
			e.kr = secrets.Split(secrets.OS(wait), secrets.DefaultLimit())
		}
	}
	return e.kr
}

// resolver resolves secret references lazily, once per run: a prompt is
// asked and a cmd: helper run at most once.
func (e *env) resolver() *secrets.Resolver {
	if e.res == nil {
		e.res = &secrets.Resolver{Keyring: e.keyring(), Getenv: e.getenv, Prompt: e.promptSecret}
	}
	return e.res
}

// promptSecret asks for a secret on the terminal without echo.
func (e *env) promptSecret(label string) (string, error) {
	f, ok := e.stdin.(interface{ Fd() uintptr })
	if !ok || !e.isTerminal(e.stdin) {
		return "", errors.New("there is no terminal to ask for it on")
	}
	fmt.Fprintf(e.stderr, "%s: ", label)
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(e.stderr)
	if err != nil {
		return "", fmt.Errorf("cannot read the secret: %w", err)
	}
	return string(b), nil
}

// openDebugLog starts the --debug log in the state directory.
func (e *env) openDebugLog() error {
	l, err := debuglog.Open(e.paths().State, time.Now)
	if err != nil {
		return exitError{exitUsage, err}
	}
	e.log = l
	return nil
}
