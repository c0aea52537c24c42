package cli

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/store/secrets"
)

// Fixtures shared by the command tests. The demo token (RS256, kid
// demo-2026) is valid at demoNow: iat/nbf 2025-12-31T23:45Z, exp 00:45Z.
const (
	demoKeyPath   = "../../testdata/demo-key.pem"
	demoTokenPath = "../../testdata/demo-token.jwt"
	vectorsPath   = "../../testdata/jose-vectors.json"
	corpusPath    = "../../testdata/challenges-public.json"
	demoNow       = "2026-01-01T00:00:00Z"
)

var demoNowTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// inv describes one invocation: what stdin holds, which streams are
// terminals and what the environment says.
type inv struct {
	stdin     string
	stdinTTY  bool
	stdoutTTY bool
	env       map[string]string
	// keyring is what the run sees as the OS keyring; nil gives the run
	// a fresh in-memory one, so no test ever touches the user's keyring.
	keyring secrets.Keyring
}

type result struct {
	code           int
	stdout, stderr string
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\n--- stdout\n" + r.stdout + "\n--- stderr\n" + r.stderr
}

// run executes the command line with controlled streams, terminal
// detection and environment. XDG_CACHE_HOME always points to a temporary
// directory, so nothing touches the user's real cache.
func run(t *testing.T, o inv, args ...string) result {
	t.Helper()
	stdin := strings.NewReader(o.stdin)
	var stdout, stderr bytes.Buffer
	home := t.TempDir()
	vars := map[string]string{"XDG_CACHE_HOME": t.TempDir(), "HOME": home,
		"XDG_STATE_HOME": filepath.Join(home, "state"), "XDG_CONFIG_HOME": filepath.Join(home, "config")}
	for k, v := range o.env {
		vars[k] = v
	}
	e := &env{
		stdin: stdin, stdout: &stdout, stderr: &stderr,
		getenv: func(k string) string { return vars[k] },
		isTerminal: func(f any) bool {
			switch f {
			case any(stdin):
				return o.stdinTTY
			case any(&stdout):
				return o.stdoutTTY
			}
			return false
		},
	}
	kr := o.keyring
	if kr == nil {
		kr = secrets.Memory()
	}
	e.keyringFor = func() secrets.Keyring { return kr }
	code := e.run(args)
	return result{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// checkOneSentence asserts the CONTRACT's error format: stderr is exactly
// one line "why401: …." with no stack trace, and with --json stdout is the
// object {"error": "…"} holding the same sentence.
func checkOneSentence(t *testing.T, r result, jsonOut bool) {
	t.Helper()
	if strings.Contains(r.stderr+r.stdout, "panic") || strings.Contains(r.stderr+r.stdout, "goroutine ") {
		t.Errorf("output has a panic or stack trace:\n%s", r)
	}
	if !strings.HasSuffix(r.stderr, "\n") || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("stderr is not exactly one line:\n%s", r)
	}
	line := strings.TrimSuffix(r.stderr, "\n")
	if !strings.HasPrefix(line, "why401: ") || !strings.HasSuffix(line, ".") {
		t.Errorf("stderr %q does not read \"why401: <sentence>.\"", line)
	}
	if len(strings.TrimPrefix(line, "why401: ")) < 10 {
		t.Errorf("stderr %q is too short to be a clear sentence", line)
	}
	if !jsonOut {
		return
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &obj); err != nil {
		t.Errorf("with --json, stdout is not a JSON object: %v\n%s", err, r)
		return
	}
	msg, ok := obj["error"].(string)
	if !ok || msg == "" {
		t.Errorf(`with --json, stdout has no "error" string: %s`, r.stdout)
		return
	}
	if len(obj) != 1 {
		t.Errorf(`with --json, stdout should be {"error": …} only: %s`, r.stdout)
	}
	if "why401: "+msg != line {
		t.Errorf("JSON error %q differs from stderr %q", msg, line)
	}
}

// sgr matches the colour sequences the CLI itself writes.
var sgr = regexp.MustCompile("\x1b\\[[0-9;]*m")

func noESC(t *testing.T, what, s string) {
	t.Helper()
	if i := strings.IndexByte(s, 0x1b); i >= 0 {
		lo, hi := max(0, i-40), min(len(s), i+40)
		t.Errorf("%s holds an ESC byte near %q", what, s[lo:hi])
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func demoToken(t *testing.T) string {
	return strings.TrimSpace(readFile(t, demoTokenPath))
}

// testRSA is a second RSA key, generated once: it signs tokens the tests
// make up and serves as the "wrong key" for the demo token.
var testRSA = sync.OnceValue(func() *rsa.PrivateKey {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return k
})

func publicPEM(t *testing.T, pub any) []byte {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// claimsAround returns claims valid at demoNow, plus extra.
func claimsAround(extra map[string]any) jwt.MapClaims {
	c := jwt.MapClaims{
		"iss": "https://id.example.test/",
		"sub": "user-7",
		"aud": "api://orders",
		"jti": "t-1",
		"iat": demoNowTime.Add(-10 * time.Minute).Unix(),
		"nbf": demoNowTime.Add(-10 * time.Minute).Unix(),
		"exp": demoNowTime.Add(50 * time.Minute).Unix(),
	}
	for k, v := range extra {
		c[k] = v
	}
	return c
}

// sign makes a compact JWS with jwt/v5; header entries are added to (or
// replace) the library's.
func sign(t *testing.T, m jwt.SigningMethod, key any, claims jwt.MapClaims, header map[string]any) string {
	t.Helper()
	tok := jwt.NewWithClaims(m, claims)
	for k, v := range header {
		tok.Header[k] = v
	}
	s, err := tok.SignedString(key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestVersion(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		args []string
	}{
		{"command", []string{"version"}},
		{"flag", []string{"--version"}},
		{"command with --no-color", []string{"--no-color", "version"}},
		{"command then --no-color", []string{"version", "--no-color"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, inv{}, c.args...)
			if r.code != 0 {
				t.Fatalf("want exit 0:\n%s", r)
			}
			if !strings.HasPrefix(r.stdout, "why401 ") || strings.Count(r.stdout, "\n") != 1 || !strings.HasSuffix(r.stdout, "\n") {
				t.Errorf("stdout %q is not one line starting \"why401 \"", r.stdout)
			}
			if r.stderr != "" {
				t.Errorf("stderr: %q", r.stderr)
			}
		})
	}
	r := run(t, inv{}, "version", "extra")
	if r.code != 2 {
		t.Errorf("version with an argument: want exit 2:\n%s", r)
	}
	checkOneSentence(t, r, false)
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"decode", "--help"}, {"challenge", "--help"}, {"help", "decode"}} {
		r := run(t, inv{}, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") {
			t.Errorf("%q: want exit 0 and usage on stdout:\n%s", args, r)
		}
	}
}

// TestGlobalFlagsEitherSide: the global flags work before or after the
// subcommand (CONTRACT "Commands").
func TestGlobalFlagsEitherSide(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"--no-color before", []string{"--no-color", "decode", "--now", demoNow, tok}, 0},
		{"--no-color after", []string{"decode", "--now", demoNow, tok, "--no-color"}, 0},
		{"--no-color between", []string{"decode", "--no-color", "--now", demoNow, tok}, 0},
		{"--config-dir before", []string{"--config-dir", dir, "decode", "--now", demoNow, tok}, 0},
		{"--config-dir= after", []string{"decode", "--now", demoNow, tok, "--config-dir=" + dir}, 0},
		{"--debug before challenge", []string{"--debug", "challenge", "Basic realm=\"x\""}, 0},
		{"--no-color after challenge", []string{"challenge", "Basic realm=\"x\"", "--no-color"}, 0},
		// decode uses a profile only when one is named, and there is no config yet.
		{"-p before decode", []string{"-p", "dev", "decode", "--now", demoNow, tok}, 2},
		{"--profile after decode", []string{"decode", "--now", demoNow, tok, "--profile", "dev"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, inv{stdoutTTY: true}, c.args...)
			if r.code != c.code {
				t.Fatalf("want exit %d:\n%s", c.code, r)
			}
			if c.code == 0 {
				if r.stderr != "" {
					t.Errorf("stderr: %q", r.stderr)
				}
				if strings.Contains(strings.Join(c.args, " "), "--no-color") {
					noESC(t, "stdout with --no-color on a terminal", r.stdout)
				}
			} else {
				checkOneSentence(t, r, false)
			}
		})
	}
}

// TestUsageErrors: unknown flags and bad arguments are usage errors (exit
// 2) reported as one sentence, and as JSON too when --json was given.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	cases := []struct {
		name string
		args []string
	}{
		{"unknown global flag", []string{"--bogus", "version"}},
		{"unknown decode flag", []string{"decode", "--bogus", tok}},
		{"unknown challenge flag", []string{"challenge", "--bogus", "Basic"}},
		{"decode flag without value", []string{"decode", tok, "--now"}},
		{"bad --leeway", []string{"decode", "--leeway", "soon", tok}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, inv{}, c.args...)
			if r.code != 2 {
				t.Fatalf("want exit 2:\n%s", r)
			}
			checkOneSentence(t, r, false)
			if r.stdout != "" {
				t.Errorf("stdout should be empty: %q", r.stdout)
			}
		})
	}
	// With --json, every error is also a JSON object on stdout (CONTRACT
	// "Exit codes"), including flag and argument errors.
	jsonCases := []struct {
		name string
		args []string
	}{
		{"decode --json, bad --now", []string{"decode", "--json", "--now", "yesterday", tok}},
		{"decode --json, unknown flag after", []string{"decode", "--json", "--bogus", tok}},
		{"decode --json, unknown flag before", []string{"decode", "--bogus", "--json", tok}},
		{"decode --json, two tokens", []string{"decode", "--json", tok, tok}},
		{"decode --json, bad --leeway", []string{"decode", "--json", "--leeway", "soon", tok}},
		{"challenge --json, - mixed with values", []string{"challenge", "--json", "-", "Basic"}},
	}
	for _, c := range jsonCases {
		t.Run(c.name, func(t *testing.T) {
			r := run(t, inv{}, c.args...)
			if r.code != 2 {
				t.Fatalf("want exit 2:\n%s", r)
			}
			checkOneSentence(t, r, true)
		})
	}
}

// TestColour: human output is coloured only on a terminal, and never with
// --no-color, NO_COLOR or TERM=dumb.
func TestColour(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	commands := map[string][]string{
		"decode":    {"decode", "--now", demoNow, "--key", demoKeyPath, tok},
		"challenge": {"challenge", `Bearer realm="api" error="invalid_token"`},
	}
	cases := []struct {
		name   string
		tty    bool
		env    map[string]string
		before []string
		after  []string
		colour bool
	}{
		{"not a terminal", false, nil, nil, nil, false},
		{"terminal", true, nil, nil, nil, true},
		{"terminal, --no-color before", true, nil, []string{"--no-color"}, nil, false},
		{"terminal, --no-color after", true, nil, nil, []string{"--no-color"}, false},
		{"terminal, NO_COLOR=1", true, map[string]string{"NO_COLOR": "1"}, nil, nil, false},
		{"terminal, NO_COLOR=true", true, map[string]string{"NO_COLOR": "true"}, nil, nil, false},
		{"terminal, TERM=dumb", true, map[string]string{"TERM": "dumb"}, nil, nil, false},
		{"terminal, TERM=xterm-256color", true, map[string]string{"TERM": "xterm-256color"}, nil, nil, true},
		{"not a terminal, --no-color", false, nil, []string{"--no-color"}, nil, false},
	}
	for cmd, base := range commands {
		for _, c := range cases {
			t.Run(cmd+"/"+c.name, func(t *testing.T) {
				args := append(append(append([]string{}, c.before...), base...), c.after...)
				r := run(t, inv{stdoutTTY: c.tty, env: c.env}, args...)
				if r.code != 0 {
					t.Fatalf("want exit 0:\n%s", r)
				}
				has := strings.Contains(r.stdout, "\x1b[")
				if has != c.colour {
					t.Errorf("colour = %v, want %v:\n%q", has, c.colour, r.stdout)
				}
				if !c.colour {
					noESC(t, "stdout", r.stdout)
				}
				noESC(t, "stderr", r.stderr)
			})
		}
	}
}

// TestJSONHasNoColour: JSON output is never coloured, even on a terminal.
func TestJSONHasNoColour(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	for _, args := range [][]string{
		{"decode", "--json", "--now", demoNow, tok},
		{"challenge", "--json", `Bearer realm="api"`},
	} {
		r := run(t, inv{stdoutTTY: true}, args...)
		if r.code != 0 {
			t.Fatalf("%q: want exit 0:\n%s", args, r)
		}
		noESC(t, "JSON stdout", r.stdout)
		if !json.Valid([]byte(r.stdout)) {
			t.Errorf("%q: stdout is not JSON:\n%s", args, r.stdout)
		}
	}
}
