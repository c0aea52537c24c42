package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/store/secrets"
)

// brokenKeyring fails every call with one class of keyring error, as the
// OS keyring does without a Secret Service (Unavailable) or when locked.
type brokenKeyring struct{ class secrets.Class }

func (b brokenKeyring) fail(op, service, account string) error {
	return &secrets.Error{Class: b.class, Op: op, Service: service, Account: account,
		Err: errors.New("no D-Bus session bus")}
}

func (b brokenKeyring) Get(service, account string) (string, error) {
	return "", b.fail("get", service, account)
}
func (b brokenKeyring) Set(service, account, _ string) error { return b.fail("set", service, account) }
func (b brokenKeyring) Delete(service, account string) error {
	return b.fail("delete", service, account)
}

// TestSecretSet: the value comes from stdin and lands in the keyring
// under why401/<profile>, account NAME; one trailing newline is dropped
// and the output says so; the value is never printed.
func TestSecretSet(t *testing.T) {
	t.Parallel()
	const value = "set-secret-Hq4Zr8Lm2Xv6Tn0Bw3Kp"
	cases := []struct {
		name, stdin, stored string
		trimmed             bool
	}{
		{"token", value + "\n", value, true},
		{"password", value, value, false},
		{"value", value + "\r\n", value, true},
		{"client_secret", "  " + value + " \n", "  " + value + " ", true}, // only the newline goes
		{"refresh_token", value + "\n\n", value + "\n", true},             // one newline, not all
		{"hmac_secret", "multi\nline\n", "multi\nline", true},
		{"client_key", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			r := w.ok(inv{stdin: c.stdin}, "secret", "set", "staging", c.name)
			if got := w.item("staging", c.name); got != c.stored {
				t.Errorf("keyring why401/staging %s = %q, want %q", c.name, got, c.stored)
			}
			if !strings.Contains(r.stdout, "Stored "+c.name) || !strings.Contains(r.stdout, "staging") {
				t.Errorf("the output does not say what was stored:\n%s", r)
			}
			if says := strings.Contains(r.stdout, "newline"); says != c.trimmed {
				t.Errorf("output mentions the trailing newline: %v, want %v:\n%s", says, c.trimmed, r)
			}
			if strings.Contains(r.stdout+r.stderr, c.stored) {
				t.Errorf("the value was printed:\n%s", r)
			}
			// Nothing else in the keyring, nothing on disk.
			for _, other := range secretNames() {
				if other != c.name && w.item("staging", other) != "" {
					t.Errorf("item %s was written too", other)
				}
			}
			if _, err := os.Stat(filepath.Join(w.home, "config")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("secret set wrote under the config dir: %v", err)
			}
		})
	}
	// Setting again replaces the value.
	w := newWorld(t)
	w.ok(inv{stdin: "first-value-123"}, "secret", "set", "dev", "token")
	w.ok(inv{stdin: "second-value-456"}, "secret", "set", "dev", "token")
	if got := w.item("dev", "token"); got != "second-value-456" {
		t.Errorf("after a second set: %q", got)
	}
}

// TestSecretValueArgumentRefused: a value given as an argument is refused
// as a usage error, never stored and never echoed.
func TestSecretValueArgumentRefused(t *testing.T) {
	t.Parallel()
	const value = "argv-secret-Jc5Wn9Qd2Ls7Fx1Rb4Tm"
	for _, args := range [][]string{
		{"secret", "set", "staging", "token", value},
		{"secret", "set", "staging", "token", "--", value},
		{"secret", "set", "staging", "token", value, "--json"},
		{"secret", "set", "staging", "token", "extra", value},
		{"secret", "set", "staging", "token", "-" + value},
		{"secret", "set", "staging", "token", "--value=" + value},
		{"secret", "set", "staging", "token", "--value", value},
		{"secret", "rm", "staging", "token", value},
	} {
		w := newWorld(t)
		r := w.run(inv{stdin: "from-stdin-value\n"}, args...)
		if r.code != 2 {
			t.Errorf("%q: want exit 2:\n%s", args, r)
		}
		if strings.Contains(r.stdout+r.stderr, value) || strings.Contains(r.stdout+r.stderr, value[5:]) {
			t.Errorf("%q: the value was echoed:\n%s", args, r)
		}
		// With --debug the value reaches no log line either.
		w.run(inv{stdin: "from-stdin-value\n"}, append([]string{"--debug"}, args...)...)
		if log, _ := os.ReadFile(filepath.Join(w.stateDir(), "debug.log")); strings.Contains(string(log), value[5:]) {
			t.Errorf("%q: the value is in the debug log:\n%s", args, log)
		}
		if w.item("staging", "token") != "" {
			t.Errorf("%q: something was stored", args)
		}
		if strings.Contains(r.stdout+r.stderr, "panic") {
			t.Errorf("%q: %s", args, r)
		}
	}
	// The plain case says why, in one sentence.
	r := newWorld(t).run(inv{}, "secret", "set", "staging", "token", value)
	checkOneSentence(t, r, false)
	if !strings.Contains(r.stderr, "stdin") {
		t.Errorf("the refusal should say to give the value on stdin:\n%s", r)
	}
}

// TestSecretSetRefused: an unknown NAME, a bad profile name, an empty
// value: usage errors, nothing stored.
func TestSecretSetRefused(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name  string
		stdin string
		args  []string
		say   string
	}{
		{"unknown name", "v-0123456789", []string{"secret", "set", "staging", "apikey"}, "apikey"},
		{"meta item", "v-0123456789", []string{"secret", "set", "staging", "access_token.meta"}, "access_token.meta"},
		{"split part", "v-0123456789", []string{"secret", "set", "staging", "token.1"}, "token.1"},
		{"bad profile", "v-0123456789", []string{"secret", "set", "Staging", "token"}, "Staging"},
		{"probe service", "v-0123456789", []string{"secret", "set", "__probe__", "token"}, "__probe__"},
		{"empty", "", []string{"secret", "set", "staging", "token"}, "empty"},
		{"newline only", "\n", []string{"secret", "set", "staging", "token"}, "empty"},
		{"one argument", "v-0123456789", []string{"secret", "set", "staging"}, "NAME"},
		{"no arguments", "v-0123456789", []string{"secret", "set"}, "NAME"},
		{"rm unknown name", "", []string{"secret", "rm", "staging", "apikey"}, "apikey"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newWorld(t)
			r := w.run(inv{stdin: c.stdin}, c.args...)
			if r.code != 2 || !strings.Contains(r.stderr, c.say) {
				t.Errorf("want exit 2 mentioning %q:\n%s", c.say, r)
			}
			checkOneSentence(t, r, false)
			for _, p := range []string{"staging", "Staging", "__probe__"} {
				for _, n := range append(secretNames(), "apikey", "access_token.meta", "token.1") {
					if w.item(p, n) != "" {
						t.Errorf("stored %s/%s", p, n)
					}
				}
			}
		})
	}
}

// TestSecretRm removes the item and says so; a missing item is not an
// error, and the output says there was none.
func TestSecretRm(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.ok(inv{stdin: "rm-me-0123456789\n"}, "secret", "set", "staging", "password")
	w.setItem("staging", "token", "keep-me-0123456789")
	w.setItem("dev", "password", "keep-me-too-0123456789")

	r := w.ok(inv{}, "secret", "rm", "staging", "password")
	if !strings.Contains(r.stdout, "Removed password") || !strings.Contains(r.stdout, "staging") {
		t.Errorf("rm does not say what it removed:\n%s", r)
	}
	if w.item("staging", "password") != "" {
		t.Error("the item is still in the keyring")
	}
	if w.item("staging", "token") == "" || w.item("dev", "password") == "" {
		t.Error("rm removed other items")
	}
	r = w.ok(inv{}, "secret", "rm", "staging", "password")
	if !strings.Contains(r.stdout, "no password") || strings.Contains(r.stdout, "Removed") {
		t.Errorf("rm of a missing item should say there was none:\n%s", r)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}
}

// TestSecretKeyringUnavailable: without a keyring, set and rm fail
// (exit 1) in one sentence saying so and naming the alternatives.
func TestSecretKeyringUnavailable(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	for _, args := range [][]string{{"secret", "set", "staging", "token"}, {"secret", "rm", "staging", "token"}} {
		r := w.run(inv{stdin: "unavail-0123456789\n", keyring: brokenKeyring{secrets.Unavailable}}, args...)
		if r.code != 1 || !strings.Contains(r.stderr, "not available") || !strings.Contains(r.stderr, "env:") {
			t.Errorf("%q: want exit 1 saying the keyring is not available, with alternatives:\n%s", args, r)
		}
		checkOneSentence(t, r, false)
		if strings.Contains(r.stdout+r.stderr, "unavail-0123456789") {
			t.Errorf("%q: the value was printed:\n%s", args, r)
		}
	}
}

// TestDebugLog: --debug writes $XDG_STATE_HOME/why401/debug.log, mode
// 0600, and neither a token given on the command line nor a secret
// resolved from the keyring reaches it.
func TestDebugLog(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	profileConfig(t, w)
	w.setItem("hs", "hmac_secret", profileHMAC)
	tok := sign(t, jwt.SigningMethodHS256, []byte(profileHMAC), claimsAround(map[string]any{
		"iss": "https://hs-idp.example.test/", "aud": "api://hs"}), nil)
	const stored = "debug-stored-Pz3Vk8Ns1Qw6Hy2Lc7Rd"

	runs := [][]string{
		{"--debug", "decode", "--now", demoNow, "--profile", "hs", tok},
		{"decode", "--json", "--now", demoNow, "-p", "hs", "--debug", tok},
		{"--debug", "decode", "--profile", "hs", "--now", demoNow, "Authorization: Bearer " + tok},
		{"--debug", "explain", "--profile", "hs", "--now", demoNow, "--status", "401",
			"--response-header", `WWW-Authenticate: Bearer error="invalid_token"`, "--token=" + tok},
		{"--debug", "explain", "--json", "--status", "401", "--request-header", "Authorization: Bearer " + tok},
		{"--debug", "decode", tok, "--bogus-flag"}, // an error line in the log
		{"--debug", "decode", "--profile", "nope", tok},
		{"--debug", "profile", "show", "hs"},
		{"--debug", "doctor", "--json"},
	}
	for _, args := range runs {
		if r := w.run(inv{}, args...); strings.Contains(r.stdout+r.stderr, "panic") {
			t.Errorf("%q:\n%s", args, r)
		}
	}
	w.ok(inv{stdin: stored + "\n"}, "--debug", "secret", "set", "hs", "token")
	w.ok(inv{stdin: stored}, "secret", "set", "hs", "password", "--debug")

	path := filepath.Join(w.home, "state", "why401", "debug.log")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no debug log at $XDG_STATE_HOME/why401/debug.log: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("debug.log mode %v, want 0600", info.Mode().Perm())
	}
	if dir, _ := os.Stat(filepath.Dir(path)); dir.Mode().Perm()&0o077 != 0 {
		t.Errorf("state dir mode %v: others can list it", dir.Mode().Perm())
	}
	log := readFile(t, path)
	if n := strings.Count(log, "\n"); n < len(runs)+2 {
		t.Errorf("debug.log has %d lines for %d runs:\n%s", n, len(runs)+2, log)
	}
	sig := tok[strings.LastIndexByte(tok, '.')+1:]
	for what, s := range map[string]string{"the token": tok, "the token's signature": sig,
		"the HMAC secret from the keyring": profileHMAC, "the value given to secret set": stored} {
		if strings.Contains(log, s) {
			t.Errorf("debug.log holds %s:\n%s", what, log)
		}
	}
	// Without --debug nothing is written.
	w2 := newWorld(t)
	w2.run(inv{}, "decode", "--now", demoNow, tok)
	if _, err := os.Stat(filepath.Join(w2.home, "state")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a run without --debug wrote to the state dir: %v", err)
	}
}

// TestSecretSplitItems: behind a keyring with a size limit (as on Windows
// and macOS) a long value is stored as NAME.1, NAME.2, … with NAME holding
// split:N; doctor and decode read it back whole, and profile rm removes
// every part.
func TestSecretSplitItems(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	mem := w.kr
	w.kr = secrets.Split(mem, 16)
	profileConfig(t, w)
	long := profileHMAC + "-" + profileHMAC
	parts := (len(long) + 15) / 16
	w.ok(inv{stdin: long + "\n"}, "secret", "set", "hs", "hmac_secret")
	head, err := mem.Get(secrets.Service("hs"), "hmac_secret")
	if err != nil || head != "split:"+strconv.Itoa(parts) {
		t.Fatalf("header item = %q, %v; want split:%d", head, err, parts)
	}
	var joined string
	for i := 1; i <= parts; i++ {
		part, err := mem.Get(secrets.Service("hs"), "hmac_secret."+strconv.Itoa(i))
		if err != nil || len(part) > 16 {
			t.Fatalf("part %d: %q %v", i, part, err)
		}
		joined += part
	}
	if joined != long {
		t.Fatalf("the parts do not join to the value")
	}
	m, _ := doctorOut(t, w, inv{})
	if s := secretOf(t, m, "hs", "hmac_secret"); s["resolves"] != true {
		t.Errorf("doctor cannot read the split value: %v", s)
	}
	tok := sign(t, jwt.SigningMethodHS256, []byte(long), claimsAround(map[string]any{
		"iss": "https://hs-idp.example.test/", "aud": "api://hs"}), nil)
	if r := w.run(inv{}, "decode", "--now", demoNow, "--profile", "hs", tok); r.code != 0 || !strings.Contains(r.stdout, "verified") {
		t.Errorf("decode with the split hmac_secret: want verified:\n%s", r)
	}
	w.ok(inv{}, "profile", "rm", "hs")
	for _, n := range []string{"hmac_secret", "hmac_secret.1", "hmac_secret.3", "hmac_secret." + strconv.Itoa(parts)} {
		if _, err := mem.Get(secrets.Service("hs"), n); !secrets.IsNotFound(err) {
			t.Errorf("profile rm left %s (%v)", n, err)
		}
	}
}
