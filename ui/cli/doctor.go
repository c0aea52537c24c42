package cli

import (
	"context"
	"fmt"
	"os"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

func (e *env) doctorCommand() *cobra.Command {
	var asJSON, resolve bool
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check paths, the config, the keyring and each profile's secrets",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e.jsonOut = asJSON
			return e.runDoctor(cmd.Context(), asJSON, resolve)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&resolve, "resolve", false, "also run cmd: helpers to check they resolve")
	return cmd
}

type doctorReport struct {
	Version  string            `json:"version"`
	Go       string            `json:"go"`
	OS       string            `json:"os"`
	Paths    map[string]string `json:"paths"`
	Config   doctorConfig      `json:"config"`
	Keyring  doctorKeyring     `json:"keyring"`
	Profiles []doctorProfile   `json:"profiles"`
	OK       bool              `json:"ok"`
}

type doctorConfig struct {
	Path   string `json:"path"`
	Exists bool   `json:"exists"`
	Error  string `json:"error,omitempty"`
}

type doctorKeyring struct {
	Available bool    `json:"available"`
	Class     string  `json:"class,omitempty"`
	Reason    string  `json:"reason,omitempty"`
	ProbeMS   float64 `json:"probe_ms"`
}

type doctorProfile struct {
	Name    string        `json:"name"`
	Secrets []secretState `json:"secrets"`
}

func (e *env) runDoctor(ctx context.Context, asJSON, resolve bool) error {
	p := e.paths()
	r := doctorReport{Version: version(), Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH,
		Paths: map[string]string{"config": p.Config, "state": p.State, "cache": p.Cache}, OK: true}
	// Probe first: a hung keyring then costs the probe's 3 s once, not a
	// timeout per secret.
	st := secrets.Probe(ctx, e.keyring())
	r.Keyring = doctorKeyring{Available: st.Available, Class: string(st.Class), Reason: st.Reason,
		ProbeMS: float64(st.Took.Microseconds()) / 1000}
	e.keyringDown = st.Reason
	r.Config, r.Profiles = e.doctorConfig(ctx, resolve)
	r.OK = r.Config.Error == "" && st.Available && allResolve(r.Profiles)
	if asJSON {
		writeJSON(e.stdout, r)
	} else {
		e.renderDoctor(r)
	}
	if !r.OK {
		return silentExit(exitFailed)
	}
	return nil
}

func (e *env) doctorConfig(ctx context.Context, resolve bool) (doctorConfig, []doctorProfile) {
	dc := doctorConfig{Path: e.configPath()}
	if _, err := os.Stat(dc.Path); err != nil {
		return dc, []doctorProfile{}
	}
	dc.Exists = true
	cfg, err := config.Load(dc.Path)
	if err != nil {
		dc.Error = err.Error()
		return dc, []doctorProfile{}
	}
	out := []doctorProfile{}
	for _, pr := range cfg.Profiles {
		out = append(out, doctorProfile{Name: pr.Name, Secrets: e.secretStates(ctx, pr.Name, profileSecrets(pr), resolve)})
	}
	return dc, out
}

func allResolve(ps []doctorProfile) bool {
	for _, p := range ps {
		for _, s := range p.Secrets {
			if s.Resolves != nil && !*s.Resolves {
				return false
			}
		}
	}
	return true
}

func (e *env) renderDoctor(r doctorReport) {
	st := style{on: e.colour()}
	w := e.stdout
	ok := func(b bool) string {
		if b {
			return st.green("✔")
		}
		return st.red("✖")
	}
	fmt.Fprintf(w, "why401 %s (%s, %s)\n", r.Version, r.Go, r.OS)
	fmt.Fprintf(w, "  config dir  %s\n  state dir   %s\n  cache dir   %s\n", r.Paths["config"], r.Paths["state"], r.Paths["cache"])
	switch {
	case !r.Config.Exists:
		fmt.Fprintf(w, "%s config      none yet at %s: why401 profile add NAME --base-url URL creates it\n", st.yellow("▲"), r.Config.Path)
	case r.Config.Error != "":
		fmt.Fprintf(w, "%s config      %s\n", ok(false), r.Config.Error)
	default:
		fmt.Fprintf(w, "%s config      %s (%d profiles)\n", ok(true), r.Config.Path, len(r.Profiles))
	}
	if r.Keyring.Available {
		fmt.Fprintf(w, "%s keyring     available (probe %.1f ms)\n", ok(true), r.Keyring.ProbeMS)
	} else {
		fmt.Fprintf(w, "%s keyring     %s: %s (probe %.1f ms)\n", ok(false), r.Keyring.Class, r.Keyring.Reason, r.Keyring.ProbeMS)
	}
	for _, p := range r.Profiles {
		for _, s := range p.Secrets {
			mark, detail := st.dim("·"), s.Detail
			if s.Resolves != nil {
				mark = ok(*s.Resolves)
				if *s.Resolves {
					detail = "resolves"
				}
			}
			fmt.Fprintf(w, "%s %-11s %s %s (%s): %s\n", mark, p.Name, s.Name, s.Ref, s.Where, detail)
		}
	}
}
