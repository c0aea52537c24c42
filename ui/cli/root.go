// Package cli is why401's command line: cobra commands that wire the pure
// core (inspect/) to files, stdin and the terminal, and print reports.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/why401/why401/store/debuglog"
	"github.com/why401/why401/store/secrets"
	"github.com/why401/why401/ui/safe"
)

// Exit codes shared by every command (CONTRACT "Exit codes").
const (
	exitOK     = 0
	exitFailed = 1
	exitUsage  = 2
)

// exitError carries an exit code with the error that caused it.
type exitError struct {
	code int
	err  error
}

func (e exitError) Error() string { return e.err.Error() }
func (e exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return exitError{exitUsage, fmt.Errorf(format, args...)}
}

// silentExit ends a command with a code after it printed its own report.
type silentExit int

func (s silentExit) Error() string { return fmt.Sprintf("exit %d", int(s)) }

// env is what commands get instead of globals: streams and global flags.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	isTerminal     func(any) bool

	configDir   string
	profile     string
	noColor     bool
	debug       bool
	showVersion bool

	args        []string
	keyringFor  func() secrets.Keyring // tests inject an in-memory keyring
	log         *debuglog.Log          // nil unless --debug
	res         *secrets.Resolver      // created on first use
	kr          secrets.Keyring        // created on first use
	keyringDown string                 // why the keyring failed its probe, when it did
	noDiskCache bool                   // the demo: nothing goes to the user\'s cache
	keyringWait time.Duration          // per keyring call; 0: secrets.DefaultTimeout
	jsonOut     bool                   // set by a command's --json, so errors are JSON too
}

// Execute runs the command line and returns the process exit code.
func Execute(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv, isTerminal: isTerminal}
	return e.run(args)
}

func (e *env) run(args []string) int {
	e.args = args
	root := e.rootCommand()
	root.SetArgs(args)
	// Flag errors happen before RunE sees --json, so look for it here:
	// with --json every error must also be JSON on stdout.
	e.jsonOut = wantsJSON(args)
	err := root.Execute()
	code := e.report(err)
	e.log.Printf("exit %d", code)
	e.log.Close()
	return code
}

// report prints err as one sentence (and as JSON with --json) and maps it to
// an exit code. Cobra's own errors (unknown flags, bad arguments) are usage errors.
func (e *env) report(err error) int {
	if err == nil {
		return exitOK
	}
	var s silentExit
	if errors.As(err, &s) {
		return int(s)
	}
	code := exitUsage
	var x exitError
	if errors.As(err, &x) {
		code = x.code
	}
	msg := sentence(safe.Line(strings.ReplaceAll(err.Error(), "\n", "; ")))
	e.log.Printf("error: %s", msg)
	fmt.Fprintln(e.stderr, "why401: "+msg)
	if e.jsonOut {
		writeJSON(e.stdout, map[string]string{"error": msg})
	}
	return code
}

// flagError rewords pflag's errors so they never repeat an argument's
// value: a mistyped command line may hold a token or a password.
func flagError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, " in -"); i >= 0 && strings.HasPrefix(msg, "unknown shorthand flag") {
		msg = msg[:i]
	}
	if strings.HasPrefix(msg, "invalid argument ") {
		if i := strings.Index(msg, " for "); i >= 0 {
			msg = "invalid value" + msg[i:]
		}
	}
	return msg
}

// argShape shows the command line for the debug log without any value:
// flag names and subcommands are kept, everything else could be a token.
func argShape(args []string) string {
	out := make([]string, 0, len(args))
	for i, a := range args {
		name, _, _ := strings.Cut(a, "=")
		switch {
		case strings.HasPrefix(a, "-"):
			out = append(out, name)
		case i == 0 && slices.Contains(commandNames(), a),
			i == 1 && slices.Contains([]string{"profile", "secret", "demo"}, args[0]):
			out = append(out, a)
		default:
			out = append(out, "<value>")
		}
	}
	return strings.Join(out, " ")
}

func commandNames() []string {
	return []string{"decode", "challenge", "explain", "inspect", "send", "profile", "secret", "doctor", "version", "demo", "help"}
}

func wantsJSON(args []string) bool {
	if i := slices.Index(args, "--"); i >= 0 {
		args = args[:i]
	}
	return slices.Contains(args, "--json") || slices.Contains(args, "--json=true")
}

func (e *env) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Short: "Explain why an HTTP request got 401 or 403",
		Long: "why401 decodes the token a request carried, parses the WWW-Authenticate challenge\n" +
			"that came back, and says in plain words why the request was refused.\n\n" +
			"Without a command it opens the terminal app on your profiles (METHOD and URL prefill the\n" +
			"request; a URL starting with / joins the profile's base URL); why401 demo opens it on the\n" +
			"built-in demo API.",
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
		Use:               "why401 [METHOD] [URL]",
		Args:              cobra.MaximumNArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return e.runApp(args)
		},
		// --version is global (CONTRACT): accepted before or after any subcommand.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if e.showVersion {
				e.printVersion()
				return silentExit(exitOK)
			}
			if e.debug {
				if err := e.openDebugLog(); err != nil {
					return err
				}
				e.log.Printf("run why401 %s", argShape(e.args))
			}
			return nil
		},
	}
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageErr("%s", flagError(err)) })
	pf := root.PersistentFlags()
	pf.StringVar(&e.configDir, "config-dir", e.getenv("WHY401_CONFIG_DIR"), "configuration directory (or WHY401_CONFIG_DIR)")
	pf.StringVarP(&e.profile, "profile", "p", "", "credential profile to use")
	pf.BoolVar(&e.noColor, "no-color", false, "never colour the output (NO_COLOR is honoured too)")
	pf.BoolVar(&e.debug, "debug", false, "write a redacted debug log")
	pf.BoolVar(&e.showVersion, "version", false, "print the version")
	root.AddCommand(e.decodeCommand(), e.challengeCommand(), e.explainCommand(), e.versionCommand(),
		e.profileCommand(), e.secretCommand(), e.doctorCommand(), e.sendCommand(), e.demoCommand(), e.inspectCommand())
	return root
}
