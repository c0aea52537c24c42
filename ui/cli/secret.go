package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// secretNames are the keyring accounts CONTRACT defines.
func secretNames() []string {
	return []string{"token", "password", "value", "client_secret", "refresh_token", "client_key",
		"hmac_secret", "access_token"}
}

func (e *env) secretCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "secret set|rm PROFILE NAME",
		Short: "Store or remove a secret in the OS keyring",
		Long: "Store a profile's secret in the OS keyring (service why401/PROFILE, account NAME).\n" +
			"The value comes from stdin or a no-echo prompt; it is never an argument, so it\n" +
			"stays out of shell history. NAME is one of: " + strings.Join(secretNames(), ", ") + ".",
	}
	cmd.AddCommand(&cobra.Command{
		Use:  "set PROFILE NAME",
		Args: secretArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return e.runSecretSet(args[0], args[1]) },
	}, &cobra.Command{
		Use:  "rm PROFILE NAME",
		Args: secretArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return e.runSecretRm(args[0], args[1]) },
	})
	return cmd
}

func secretArgs(_ *cobra.Command, args []string) error {
	if len(args) > 2 {
		return usageErr("a secret value is never an argument (it would land in shell history): give only PROFILE and NAME, and the value on stdin or at the prompt")
	}
	if len(args) < 2 {
		return usageErr("give PROFILE and NAME, e.g. why401 secret set staging token")
	}
	if !config.ValidProfileName(args[0]) {
		return usageErr("%q is not a profile name (lower-case letters, digits, - and _)", args[0])
	}
	if !slices.Contains(secretNames(), args[1]) {
		return usageErr("%q is not a secret name; use one of %s", args[1], strings.Join(secretNames(), ", "))
	}
	return nil
}

// interactiveKeyringWait covers an unlock prompt the keyring may show
// while the user types their password.
const interactiveKeyringWait = 60 * time.Second

func (e *env) runSecretSet(profile, name string) error {
	e.keyringWait = interactiveKeyringWait
	value, note, err := e.readSecretValue(profile, name)
	if err != nil {
		return err
	}
	if value == "" {
		return usageErr("the value is empty; nothing was stored")
	}
	e.log.AddSecret(value)
	if err := e.keyring().Set(secrets.Service(profile), name, value); err != nil {
		return exitError{exitFailed, err}
	}
	fmt.Fprintf(e.stdout, "Stored %s for profile %s in the keyring (%d bytes%s).\n", name, profile, len(value), note)
	return nil
}

// readSecretValue takes the value from a no-echo prompt in a terminal, else
// from stdin, whose one trailing newline is dropped (and said so).
func (e *env) readSecretValue(profile, name string) (string, string, error) {
	if e.isTerminal(e.stdin) {
		v, err := e.promptSecret(fmt.Sprintf("%s for %s", name, profile))
		return v, "", err
	}
	b, err := io.ReadAll(io.LimitReader(e.stdin, 1<<20+1))
	if err != nil || len(b) > 1<<20 {
		return "", "", usageErr("cannot read the value from stdin (at most 1 MiB)")
	}
	v := string(b)
	if t := strings.TrimSuffix(strings.TrimSuffix(v, "\n"), "\r"); t != v {
		return t, "; the trailing newline from stdin was removed", nil
	}
	return v, "", nil
}

func (e *env) runSecretRm(profile, name string) error {
	err := e.keyring().Delete(secrets.Service(profile), name)
	switch {
	case secrets.IsNotFound(err):
		fmt.Fprintf(e.stdout, "There was no %s for profile %s in the keyring.\n", name, profile)
		return nil
	case err != nil:
		return exitError{exitFailed, err}
	}
	fmt.Fprintf(e.stdout, "Removed %s for profile %s from the keyring.\n", name, profile)
	return nil
}
