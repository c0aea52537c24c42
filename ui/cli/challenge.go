package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/why401/why401/inspect/challenge"
)

func (e *env) challengeCommand() *cobra.Command {
	var asJSON, strict bool
	cmd := &cobra.Command{
		Use:   "challenge [--json] [--strict] [VALUE...|-]",
		Short: "Parse WWW-Authenticate / Proxy-Authenticate field values",
		Long: "Parse WWW-Authenticate or Proxy-Authenticate field values per RFC 9110 §11.\n" +
			"Each VALUE is one field value; with - (or no VALUE and stdin not a terminal) each\n" +
			"stdin line is one field, and a line starting with space or tab continues the previous one.",
		RunE: func(cmd *cobra.Command, args []string) error {
			e.jsonOut = asJSON
			return e.runChallenge(args, asJSON, strict)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the parse as JSON")
	cmd.Flags().BoolVar(&strict, "strict", false, "RFC grammar only; exit 1 on any error diagnostic")
	return cmd
}

// challengeJSON is the CONTRACT shape of `challenge --json`.
type challengeJSON struct {
	Challenges  []challenge.Challenge  `json:"challenges"`
	Diagnostics []challenge.Diagnostic `json:"diagnostics"`
}

func (e *env) runChallenge(args []string, asJSON, strict bool) error {
	fields, err := e.challengeFields(args)
	if err != nil {
		return err
	}
	mode := challenge.Lenient
	if strict {
		mode = challenge.Strict
	}
	res := challenge.Parse(fields, mode)
	if asJSON {
		out := challengeJSON{Challenges: res.Challenges, Diagnostics: res.Diagnostics}
		if out.Challenges == nil {
			out.Challenges = []challenge.Challenge{}
		}
		if out.Diagnostics == nil {
			out.Diagnostics = []challenge.Diagnostic{}
		}
		writeJSON(e.stdout, out)
	} else {
		renderChallenges(e.stdout, res, style{on: e.colour()})
	}
	if strict && res.HasErrors() {
		return silentExit(exitFailed)
	}
	return nil
}

// challengeFields takes the field values from the arguments or stdin.
func (e *env) challengeFields(args []string) ([]string, error) {
	useStdin := len(args) == 1 && args[0] == "-" || len(args) == 0 && !e.isTerminal(e.stdin)
	if !useStdin {
		if len(args) == 0 {
			return nil, usageErr("give one or more field values, or - to read them from stdin")
		}
		for _, a := range args {
			if a == "-" {
				return nil, usageErr("- (stdin) cannot be mixed with field values")
			}
		}
		return args, nil
	}
	fields, err := readFieldLines(io.LimitReader(e.stdin, maxStdin+1))
	if err != nil {
		return nil, exitError{exitUsage, fmt.Errorf("cannot read stdin: %w", err)}
	}
	return fields, nil
}

// readFieldLines reads one field value per line (challenge.SplitFieldLines);
// blank lines, common when pasting, are not fields.
func readFieldLines(r io.Reader) ([]string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(b) > maxStdin {
		return nil, fmt.Errorf("it holds more than %d bytes", maxStdin)
	}
	var fields []string
	for _, f := range challenge.SplitFieldLines(string(b)) {
		if strings.TrimSpace(f) != "" {
			fields = append(fields, f)
		}
	}
	return fields, nil
}
