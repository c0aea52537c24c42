package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/store/secrets"
)

// doctorOut runs doctor --json and returns the report.
func doctorOut(t *testing.T, w *world, o inv, args ...string) (map[string]any, result) {
	t.Helper()
	r := w.run(o, append([]string{"doctor", "--json"}, args...)...)
	return jsonOf(t, r), r
}

func secretOf(t *testing.T, report map[string]any, profile, name string) map[string]any {
	t.Helper()
	p := byName(listOf(report, "profiles"), profile)
	if p == nil {
		t.Fatalf("doctor --json has no profile %s: %v", profile, report["profiles"])
	}
	s := byName(listOf(p, "secrets"), name)
	if s == nil {
		t.Fatalf("doctor --json: profile %s has no secret %s: %v", profile, name, p)
	}
	return s
}

// TestDoctorNoConfig: the paths, a working keyring, and how to create a
// config when there is none.
func TestDoctorNoConfig(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	m, r := doctorOut(t, w, inv{})
	paths, _ := m["paths"].(map[string]any)
	if paths["config"] != w.configDir() || paths["state"] != w.stateDir() || paths["cache"] != w.cacheDir() {
		t.Errorf("paths = %v", paths)
	}
	c, _ := m["config"].(map[string]any)
	if c["path"] != w.configPath() || c["exists"] != false || c["error"] != nil {
		t.Errorf("config = %v", c)
	}
	k, _ := m["keyring"].(map[string]any)
	if k["available"] != true {
		t.Errorf("keyring = %v, want available (in-memory)", k)
	}
	if _, ok := k["probe_ms"].(float64); !ok {
		t.Errorf("keyring has no probe_ms: %v", k)
	}
	for _, key := range []string{"version", "go", "os"} {
		if s, _ := m[key].(string); s == "" {
			t.Errorf("doctor --json has no %s", key)
		}
	}
	if r.code != 0 || m["ok"] != true {
		t.Errorf("no config is not a problem: want ok and exit 0:\n%s", r)
	}

	h := w.run(inv{}, "doctor")
	for _, want := range []string{w.configDir(), w.stateDir(), w.cacheDir(), "why401 profile add", "available"} {
		if !strings.Contains(h.stdout, want) {
			t.Errorf("doctor does not say %q:\n%s", want, h)
		}
	}
	if h.code != 0 || h.stderr != "" {
		t.Errorf("want exit 0 and no stderr:\n%s", h)
	}
	// --config-dir moves the config, and doctor says where it looks.
	dir := filepath.Join(t.TempDir(), "elsewhere")
	m, _ = doctorOut(t, w, inv{}, "--config-dir", dir)
	if p, _ := m["paths"].(map[string]any); p["config"] != dir {
		t.Errorf("--config-dir: paths = %v", p)
	}
	m, _ = doctorOut(t, w, inv{env: map[string]string{"WHY401_CONFIG_DIR": dir}})
	if p, _ := m["paths"].(map[string]any); p["config"] != dir {
		t.Errorf("WHY401_CONFIG_DIR: paths = %v", p)
	}
}

// TestDoctorBrokenConfig: the config's error, and exit 1.
func TestDoctorBrokenConfig(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.writeConfig("[profiles.dev]\nbase_url = \"https://dev.example.test\"\ncolour = \"blue\"\n")
	m, r := doctorOut(t, w, inv{})
	c, _ := m["config"].(map[string]any)
	msg, _ := c["error"].(string)
	if r.code != 1 || m["ok"] != false || c["exists"] != true || !strings.Contains(msg, "colour") || !strings.Contains(msg, ":3") {
		t.Errorf("want exit 1 and the error naming line 3 and the key:\n%s", r)
	}
	h := w.run(inv{}, "doctor")
	if h.code != 1 || !strings.Contains(h.stdout, "colour") || !strings.Contains(h.stdout, w.configPath()) {
		t.Errorf("human doctor: want exit 1 and the error:\n%s", h)
	}
	// Not TOML at all.
	w.writeConfig("[profiles.dev\n")
	if m, r := doctorOut(t, w, inv{}); r.code != 1 || m["config"].(map[string]any)["error"] == nil {
		t.Errorf("a syntax error: want exit 1 and the error:\n%s", r)
	}
}

// doctorFixture is one profile per kind of secret reference.
func doctorFixture(w *world, marker string) {
	value := filepath.Join(filepath.Dir(marker), "helper-value")
	if err := os.WriteFile(value, []byte("helper-token-0123456789\n"), 0o600); err != nil {
		w.t.Fatal(err)
	}
	w.writeConfig(`[profiles.kr-ok]
base_url = "https://a.example.test"
[profiles.kr-ok.auth]
type = "bearer"
token = "keyring"

[profiles.kr-missing]
base_url = "https://b.example.test"
[profiles.kr-missing.auth]
type = "basic"
username = "alice"
password = "keyring"

[profiles.env-set]
base_url = "https://c.example.test"
[profiles.env-set.auth]
type = "api_key"
name = "X-API-Key"
value = "env:WHY401_DOCTOR_SET"

[profiles.env-unset]
base_url = "https://d.example.test"
[profiles.env-unset.auth]
type = "bearer"
token = "env:WHY401_DOCTOR_UNSET"

[profiles.helper]
base_url = "https://e.example.test"
hmac_secret = "keyring"
[profiles.helper.auth]
type = "bearer"
token = 'cmd:sh -c "touch ` + marker + `; cat ` + value + `"'

[profiles.asked]
base_url = "https://f.example.test"
[profiles.asked.auth]
type = "basic"
username = "bob"
password = "prompt"
`)
}

// TestDoctorSecrets: each profile's secrets, resolved or why not; cmd:
// helpers run only with --resolve; prompts are never asked.
func TestDoctorSecrets(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	marker := filepath.Join(t.TempDir(), "helper-ran")
	doctorFixture(w, marker)
	w.setItem("kr-ok", "token", "kr-ok-token-0123456789")
	w.setItem("helper", "hmac_secret", "helper-hmac-0123456789")
	env := map[string]string{"WHY401_DOCTOR_SET": "env-value-0123456789"}

	m, r := doctorOut(t, w, inv{env: env})
	if r.code != 1 || m["ok"] != false {
		t.Errorf("missing secrets: want exit 1 and ok false:\n%s", r)
	}
	if _, err := os.Stat(marker); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("doctor without --resolve ran the cmd: helper (%v)", err)
	}
	check := func(m map[string]any, profile, name string, resolves any, detail ...string) {
		t.Helper()
		s := secretOf(t, m, profile, name)
		if s["resolves"] != resolves {
			t.Errorf("%s %s: resolves = %v, want %v: %v", profile, name, s["resolves"], resolves, s)
		}
		d, _ := s["detail"].(string)
		for _, want := range detail {
			if !strings.Contains(d, want) {
				t.Errorf("%s %s: detail %q does not say %q", profile, name, d, want)
			}
		}
	}
	check(m, "kr-ok", "token", true)
	check(m, "kr-missing", "password", false, "why401 secret set kr-missing password")
	check(m, "env-set", "value", true)
	check(m, "env-unset", "token", false, "WHY401_DOCTOR_UNSET")
	check(m, "helper", "token", nil, "--resolve")
	check(m, "helper", "hmac_secret", true)
	check(m, "asked", "password", nil)
	if s := secretOf(t, m, "kr-ok", "token"); s["ref"] != "keyring" || !strings.Contains(s["where"].(string), "why401/kr-ok") {
		t.Errorf("kr-ok token: %v", s)
	}
	if s := secretOf(t, m, "env-set", "value"); s["ref"] != "env:WHY401_DOCTOR_SET" {
		t.Errorf("env-set value: %v", s)
	}

	h := w.run(inv{env: env}, "doctor")
	if h.code != 1 || !strings.Contains(h.stdout, "why401 secret set kr-missing password") || !strings.Contains(h.stdout, "WHY401_DOCTOR_UNSET") {
		t.Errorf("human doctor: want exit 1 with the hints:\n%s", h)
	}
	for _, v := range []string{"kr-ok-token-0123456789", "env-value-0123456789", "helper-hmac-0123456789", "helper-token-0123456789"} {
		if strings.Contains(r.stdout+r.stderr+h.stdout+h.stderr, v) {
			t.Errorf("doctor printed a secret value %q", v)
		}
	}
	if _, err := os.Stat(marker); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("doctor without --resolve ran the cmd: helper (%v)", err)
	}

	// --resolve runs the helper.
	m, r = doctorOut(t, w, inv{env: env}, "--resolve")
	if _, err := os.Stat(marker); err != nil {
		t.Fatalf("doctor --resolve did not run the cmd: helper: %v\n%s", err, r)
	}
	check(m, "helper", "token", true)
	check(m, "asked", "password", nil)
	if strings.Contains(r.stdout+r.stderr, "helper-token-0123456789") {
		t.Error("doctor --resolve printed the helper's output")
	}

	// All fine: exit 0. The missing ones stored, the variable exported.
	w.setItem("kr-missing", "password", "kr-missing-pw-0123456789")
	env["WHY401_DOCTOR_UNSET"] = "now-set-0123456789"
	m, r = doctorOut(t, w, inv{env: env})
	if r.code != 0 || m["ok"] != true {
		t.Errorf("everything resolves: want exit 0 and ok:\n%s", r)
	}
	if h := w.run(inv{env: env}, "doctor"); h.code != 0 {
		t.Errorf("human doctor, everything resolves: want exit 0:\n%s", h)
	}
	// A prompt is not asked, even with --resolve and a "terminal".
	if _, r := doctorOut(t, w, inv{env: env, stdinTTY: true}, "--resolve"); r.code != 0 || r.stderr != "" {
		t.Errorf("doctor --resolve with a terminal: want exit 0 and nothing asked:\n%s", r)
	}
}

// TestDoctorFailingHelper: a cmd: helper that fails with --resolve is a
// problem (exit 1) whose detail shows its stderr.
func TestDoctorFailingHelper(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.writeConfig(`[profiles.helper]
base_url = "https://e.example.test"
[profiles.helper.auth]
type = "bearer"
token = 'cmd:sh -c "echo vault is sealed >&2; exit 3"'
`)
	if _, r := doctorOut(t, w, inv{}); r.code != 0 {
		t.Errorf("without --resolve the helper is not run: want exit 0:\n%s", r)
	}
	m, r := doctorOut(t, w, inv{}, "--resolve")
	s := secretOf(t, m, "helper", "token")
	if r.code != 1 || s["resolves"] != false || !strings.Contains(s["detail"].(string), "vault is sealed") {
		t.Errorf("failing helper: want exit 1 and its stderr:\n%s", r)
	}
}

// TestDoctorKeyringUnavailable: doctor answers at once and says why, and
// the profiles' keyring secrets say it too; env: secrets still resolve.
func TestDoctorKeyringUnavailable(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	doctorFixture(w, filepath.Join(t.TempDir(), "marker"))
	o := inv{keyring: brokenKeyring{secrets.Unavailable}, env: map[string]string{"WHY401_DOCTOR_SET": "env-value-0123456789"}}

	start := time.Now()
	m, r := doctorOut(t, w, o)
	if took := time.Since(start); took > time.Second {
		t.Errorf("doctor took %v with an unavailable keyring, want well within 3s", took)
	}
	k, _ := m["keyring"].(map[string]any)
	reason, _ := k["reason"].(string)
	if r.code != 1 || m["ok"] != false || k["available"] != false || k["class"] != "unavailable" ||
		!strings.Contains(reason, "not available") || !strings.Contains(reason, "env:") {
		t.Errorf("want exit 1, keyring unavailable with its reason and the alternatives:\n%s", r)
	}
	if s := secretOf(t, m, "kr-ok", "token"); s["resolves"] != false || !strings.Contains(s["detail"].(string), "not available") {
		t.Errorf("a keyring secret without a keyring: %v", s)
	}
	if s := secretOf(t, m, "env-set", "value"); s["resolves"] != true {
		t.Errorf("an env: secret without a keyring: %v", s)
	}

	start = time.Now()
	h := w.run(o, "doctor")
	if took := time.Since(start); took > time.Second {
		t.Errorf("human doctor took %v", took)
	}
	if h.code != 1 || !strings.Contains(h.stdout, "unavailable") || !strings.Contains(h.stdout, "not available") {
		t.Errorf("human doctor: want exit 1 saying the keyring is unavailable and why:\n%s", h)
	}

	// Locked is told apart.
	m, _ = doctorOut(t, w, inv{keyring: brokenKeyring{secrets.Locked}})
	if k, _ := m["keyring"].(map[string]any); k["class"] != "locked" || !strings.Contains(k["reason"].(string), "locked") {
		t.Errorf("locked keyring: %v", k)
	}
}

// hangingKeyring never answers, like a Secret Service that owns the bus
// name and never replies; release ends the blocked calls.
type hangingKeyring struct{ release chan struct{} }

func (h hangingKeyring) Get(string, string) (string, error) {
	<-h.release
	return "", errors.New("released")
}
func (h hangingKeyring) Set(string, string, string) error { <-h.release; return errors.New("released") }
func (h hangingKeyring) Delete(string, string) error      { <-h.release; return errors.New("released") }

// TestDoctorKeyringHangs: a keyring that never answers does not hang
// doctor: it says so within the probe's 3 s (plus a margin).
func TestDoctorKeyringHangs(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	hang := hangingKeyring{release: make(chan struct{})}
	defer close(hang.release)
	done := make(chan result, 1)
	go func() { done <- w.run(inv{keyring: hang}, "doctor", "--json") }()
	select {
	case r := <-done:
		if r.code != 1 || !strings.Contains(r.stdout, `"timeout"`) {
			t.Errorf("want exit 1 and a timeout class:\n%s", r)
		}
	case <-time.After(secrets.ProbeTimeout + 2*time.Second):
		t.Fatal("doctor hung on a keyring that never answers")
	}
}
