package cli

import (
	"errors"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/ui/tui"
)

func (e *env) inspectCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "inspect [TOKEN|-]",
		Short: "Open the terminal app with a token loaded (or a header, cookie or curl command)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			raw := ""
			if len(args) == 1 || !e.isTerminal(e.stdin) {
				var err error
				if raw, err = e.readArgOrStdin(args, "a token"); err != nil {
					return err
				}
			}
			return e.runTUI(tui.Deps{Token: raw})
		},
	}
}

// runTUI starts the terminal app. The config is optional here: inspecting
// a token needs no profile, and a broken config is reported, not fatal.
func (e *env) runTUI(deps tui.Deps) error {
	if !e.isTerminal(e.stdout) {
		return usageErr("the terminal app needs a terminal; for scripts use why401 decode, explain or send")
	}
	cfg, err := config.Load(e.configPath())
	switch {
	case err == nil:
		deps.Config = cfg
	case !errors.Is(err, config.ErrNoConfig):
		// Shown in the app: a line on stderr would vanish under the alt screen.
		deps.ConfigErr = "the config is not loaded (decoding works without it): " + sentence(err.Error())
	}
	deps.Profile, deps.Now = e.profile, time.Now
	if deps.Config != nil {
		if _, ok := deps.Config.Profile(e.profile); e.profile != "" && !ok {
			return usageErr("there is no profile %q; why401 profile list shows them", e.profile)
		}
		deps.Backend = e.appBackend(deps.Config)
	}
	in := os.Stdin
	if !e.isTerminal(e.stdin) {
		// The token came on stdin; keys come from the terminal itself.
		tty, _, err := tea.OpenTTY()
		if err != nil {
			return usageErr("cannot open the terminal for keys: %v", err)
		}
		defer tty.Close()
		in = tty
	}
	return e.startProgram(deps, in)
}
