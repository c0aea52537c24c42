package cli

import (
	"context"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/why401/why401/inspect/keys"
	"github.com/why401/why401/inspect/token"
)

// decodeFlags are the decode command's options.
type decodeFlags struct {
	json           bool
	keyFile        string
	secretFile     string
	secretEnv      string
	secretEncoding string
	jwksURL        string
	discover       string
	algs           []string
	now            string
	leeway         time.Duration
}

func (e *env) decodeCommand() *cobra.Command {
	var fl decodeFlags
	cmd := &cobra.Command{
		Use:   "decode [flags] [TOKEN|-]",
		Short: "Decode, lint and optionally verify a token",
		Long: "Decode a JWS, JWE or opaque token, lint it and, given a key, verify its signature.\n" +
			"The token may be raw, a Bearer or DPoP value, an Authorization line, a cookie,\n" +
			"a curl command or a raw HTTP request; with - or no argument it is read from stdin.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e.jsonOut = fl.json
			return e.runDecode(cmd.Context(), fl, args)
		},
	}
	addDecodeFlags(cmd.Flags(), &fl)
	return cmd
}

// addDecodeFlags declares the flags decode and explain share: output and
// the keys and clock a token is checked with.
func addDecodeFlags(f *pflag.FlagSet, fl *decodeFlags) {
	f.BoolVar(&fl.json, "json", false, "print the report as JSON")
	f.StringVar(&fl.keyFile, "key", "", "verify with a PEM public key or certificate, a JWK or a JWKS `FILE`")
	f.StringVar(&fl.secretFile, "secret-file", "", "verify with the HMAC secret in `FILE` (used byte for byte)")
	f.StringVar(&fl.secretEnv, "secret-env", "", "verify with the HMAC secret in environment variable `VAR`")
	f.StringVar(&fl.secretEncoding, "secret-encoding", keys.EncodingRaw, "how the secret is written: raw, base64 or base64url")
	f.StringVar(&fl.jwksURL, "jwks", "", "verify with the key set at `URL`")
	f.StringVar(&fl.discover, "discover", "", "verify with the keys found by OIDC / RFC 8414 discovery from `ISSUER_URL`")
	f.StringSliceVar(&fl.algs, "alg", nil, "allowed algorithms, e.g. RS256,ES256 (default: those that fit the key)")
	f.StringVar(&fl.now, "now", "", "evaluate time claims at this RFC 3339 `TIME` (default: the local clock)")
	f.DurationVar(&fl.leeway, "leeway", 0, "clock leeway for exp and nbf")
}

func (e *env) runDecode(ctx context.Context, fl decodeFlags, args []string) error {
	raw, err := e.readArgOrStdin(args, "a token")
	if err != nil {
		return err
	}
	opts, err := fl.options()
	if err != nil {
		return err
	}
	in, err := token.ReadInput(raw)
	if err != nil {
		return exitError{exitUsage, err}
	}
	kid := token.Decode(in.Token).KID()
	opts.Keys, err = e.loadKeys(ctx, fl, kid)
	if err != nil {
		return exitError{exitUsage, err}
	}
	if e.profile != "" {
		_, p, err := e.profileNamed(e.profile)
		if err != nil {
			return err
		}
		if err := e.withProfile(ctx, p, &opts, kid); err != nil {
			return exitError{exitUsage, err}
		}
	}
	rep := token.Analyze(in, opts)
	if fl.json {
		writeJSON(e.stdout, rep)
	} else {
		renderToken(e.stdout, rep, style{on: e.colour()})
	}
	return silentExit(decodeExit(rep, len(opts.Keys) > 0))
}

// decodeExit maps a report to CONTRACT's decode exit codes.
func decodeExit(r token.Report, keyGiven bool) int {
	switch {
	case r.Kind == token.KindMalformed:
		return exitUsage
	case r.Signature.Status == token.SigInvalid, r.HasErrors():
		return exitFailed
	case keyGiven && r.Kind == token.KindJWS && r.Signature.Status != token.SigVerified:
		return exitFailed
	}
	return exitOK
}

func (fl decodeFlags) options() (token.Options, error) {
	opts := token.Options{Leeway: fl.leeway, Algs: fl.algs}
	if fl.leeway < 0 {
		return opts, usageErr("--leeway must not be negative")
	}
	if fl.now != "" {
		t, err := time.Parse(time.RFC3339, fl.now)
		if err != nil {
			return opts, usageErr("--now %q is not an RFC 3339 time such as 2026-01-01T00:00:00Z", fl.now)
		}
		opts.Now = t
	}
	for _, a := range fl.algs {
		if !keys.Known(a) {
			return opts, usageErr("--alg %q is not a JWS algorithm (known: %s)", a, strings.Join(keys.Algorithms(), ", "))
		}
	}
	return opts, nil
}

// loadKeys reads every key source the user named. The kid lets a cached
// JWKS be refetched when it lacks the token's key.
func (e *env) loadKeys(ctx context.Context, fl decodeFlags, kid string) ([]keys.Set, error) {
	var sets []keys.Set
	if fl.keyFile != "" {
		s, err := keys.LoadFile(fl.keyFile)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	if s, ok, err := e.loadSecret(fl); err != nil {
		return nil, err
	} else if ok {
		sets = append(sets, s)
	}
	fetch := e.fetcher()
	if fl.jwksURL != "" {
		s, err := fetch.JWKS(ctx, fl.jwksURL, kid)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	if fl.discover != "" {
		s, _, err := fetch.Discover(ctx, fl.discover, kid)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

func (e *env) loadSecret(fl decodeFlags) (keys.Set, bool, error) {
	var raw []byte
	var source string
	switch {
	case fl.secretFile != "" && fl.secretEnv != "":
		return keys.Set{}, false, usageErr("give the HMAC secret with --secret-file or --secret-env, not both")
	case fl.secretFile != "":
		b, err := readFileCapped(fl.secretFile, 1<<20)
		if err != nil {
			return keys.Set{}, false, fmt.Errorf("cannot read the secret file: %w", err)
		}
		raw, source = b, "--secret-file "+fl.secretFile
	case fl.secretEnv != "":
		v := e.getenv(fl.secretEnv)
		if v == "" {
			return keys.Set{}, false, fmt.Errorf("%s is empty or not set", envVarName(fl.secretEnv))
		}
		raw, source = []byte(v), "--secret-env "+fl.secretEnv
	default:
		return keys.Set{}, false, nil
	}
	secret, err := keys.DecodeSecret(raw, fl.secretEncoding)
	if err != nil {
		return keys.Set{}, false, err
	}
	return keys.SecretSet(secret, source), true, nil
}

// readArgOrStdin returns the single argument, or stdin for "-" or when no
// argument was given and stdin is not a terminal.
func (e *env) readArgOrStdin(args []string, what string) (string, error) {
	if len(args) == 1 && args[0] != "-" {
		return args[0], nil
	}
	if len(args) == 0 && e.isTerminal(e.stdin) {
		return "", usageErr("give %s as an argument, or - to read it from stdin", what)
	}
	b, err := io.ReadAll(io.LimitReader(e.stdin, maxStdin+1))
	if err != nil {
		return "", exitError{exitUsage, fmt.Errorf("cannot read stdin: %w", err)}
	}
	if len(b) > maxStdin {
		return "", usageErr("stdin holds more than %d bytes", maxStdin)
	}
	return string(b), nil
}

// maxStdin bounds what is read from stdin: enough for a pasted request.
const maxStdin = 8 << 20

// envVarName names the variable for an error, unless the argument does not
// look like a variable name: then it may be the secret itself, pasted by
// mistake, and must not be echoed.
func envVarName(name string) string {
	if len(name) <= 64 && envNameRE.MatchString(name) {
		return "environment variable " + name
	}
	return "the environment variable named by --secret-env"
}

var envNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
