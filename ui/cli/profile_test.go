package cli

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// world is one user's machine for the commands that use the store: a
// home with the XDG config, state and cache dirs, and one in-memory
// keyring shared by every run of the test. It keeps every run's output,
// so a test can scan all of it.
type world struct {
	t    *testing.T
	home string
	kr   secrets.Keyring
	env  map[string]string

	mu      sync.Mutex
	outputs []result
}

func newWorld(t *testing.T) *world {
	t.Helper()
	home := t.TempDir()
	return &world{t: t, home: home, kr: secrets.Memory(), env: map[string]string{
		"HOME":            home,
		"XDG_CONFIG_HOME": filepath.Join(home, "config"),
		"XDG_STATE_HOME":  filepath.Join(home, "state"),
		"XDG_CACHE_HOME":  filepath.Join(home, "cache"),
	}}
}

func (w *world) configDir() string  { return filepath.Join(w.home, "config", "why401") }
func (w *world) configPath() string { return filepath.Join(w.configDir(), "config.toml") }
func (w *world) stateDir() string   { return filepath.Join(w.home, "state", "why401") }
func (w *world) cacheDir() string   { return filepath.Join(w.home, "cache", "why401") }

// run runs the command line in this world; o.env adds to (or replaces)
// the world's variables, and o.keyring, when set, replaces its keyring.
func (w *world) run(o inv, args ...string) result {
	w.t.Helper()
	vars := map[string]string{}
	for k, v := range w.env {
		vars[k] = v
	}
	for k, v := range o.env {
		vars[k] = v
	}
	o.env = vars
	if o.keyring == nil {
		o.keyring = w.kr
	}
	r := run(w.t, o, args...)
	w.mu.Lock()
	w.outputs = append(w.outputs, r)
	w.mu.Unlock()
	return r
}

// ok runs args and fails the test unless they exit 0.
func (w *world) ok(o inv, args ...string) result {
	w.t.Helper()
	r := w.run(o, args...)
	if r.code != 0 {
		w.t.Fatalf("%q: want exit 0:\n%s", args, r)
	}
	return r
}

// writeConfig writes the config file as given.
func (w *world) writeConfig(text string) {
	w.t.Helper()
	if err := os.MkdirAll(w.configDir(), 0o700); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(w.configPath(), []byte(text), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) load() *config.Config {
	w.t.Helper()
	cfg, err := config.Load(w.configPath())
	if err != nil {
		w.t.Fatalf("the config does not load: %v\n%s", err, readFile(w.t, w.configPath()))
	}
	return cfg
}

// item reads a keyring item; "" when there is none.
func (w *world) item(profile, name string) string {
	w.t.Helper()
	v, err := w.kr.Get(secrets.Service(profile), name)
	if secrets.IsNotFound(err) {
		return ""
	}
	if err != nil {
		w.t.Fatalf("keyring: %v", err)
	}
	return v
}

func (w *world) setItem(profile, name, value string) {
	w.t.Helper()
	if err := w.kr.Set(secrets.Service(profile), name, value); err != nil {
		w.t.Fatal(err)
	}
}

func jsonOf(t *testing.T, r result) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("stdout is not a JSON object: %v\n%s", err, r)
	}
	return m
}

func listOf(m map[string]any, key string) []map[string]any {
	raw, _ := m[key].([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, x := range raw {
		if o, ok := x.(map[string]any); ok {
			out = append(out, o)
		}
	}
	return out
}

func byName(list []map[string]any, name string) map[string]any {
	for _, o := range list {
		if o["name"] == name {
			return o
		}
	}
	return nil
}

// addCase is one non-interactive `profile add` per auth type.
type addCase struct {
	name    string
	flags   []string
	auth    config.AuthType
	secrets []string // keyring items the output says to store
	check   func(t *testing.T, p config.Profile)
}

func addCases() []addCase {
	return []addCase{
		{"plain", nil, config.AuthNone, nil, nil},
		{"none", []string{"--auth", "none"}, config.AuthNone, nil, nil},
		{"tok", []string{"--auth", "bearer"}, config.AuthBearer, []string{"token"}, func(t *testing.T, p config.Profile) {
			if p.Auth.Token.Kind != secrets.KindKeyring {
				t.Errorf("token = %v, want keyring", p.Auth.Token)
			}
		}},
		{"pw", []string{"--auth", "basic", "--username", "alice"}, config.AuthBasic, []string{"password"}, func(t *testing.T, p config.Profile) {
			if p.Auth.Username != "alice" || p.Auth.Password.Kind != secrets.KindKeyring {
				t.Errorf("auth = %+v", p.Auth)
			}
		}},
		{"key-header", []string{"--auth", "api_key", "--key-name", "X-API-Key"}, config.AuthAPIKey, []string{"value"}, func(t *testing.T, p config.Profile) {
			if p.Auth.Name != "X-API-Key" || p.Auth.In != config.InHeader || p.Auth.Value.Kind != secrets.KindKeyring {
				t.Errorf("auth = %+v", p.Auth)
			}
		}},
		{"key-query", []string{"--auth", "api_key", "--key-name", "api_key", "--key-in", "query"}, config.AuthAPIKey, []string{"value"}, func(t *testing.T, p config.Profile) {
			if p.Auth.Name != "api_key" || p.Auth.In != config.InQuery {
				t.Errorf("auth = %+v", p.Auth)
			}
		}},
		{"cc", []string{"--auth", "oauth2_client_credentials", "--token-url", "https://idp.example.test/oauth2/token",
			"--client-id", "svc", "--auth-scope", "orders:read,orders:write", "--resource", "https://api.example.test/"},
			config.AuthOAuth2ClientCredentials, []string{"client_secret"}, func(t *testing.T, p config.Profile) {
				a := p.Auth
				if a.TokenURL == nil || a.TokenURL.String() != "https://idp.example.test/oauth2/token" || a.ClientID != "svc" ||
					!slices.Equal(a.Scopes, []string{"orders:read", "orders:write"}) || a.Resource != "https://api.example.test/" ||
					a.ClientSecret.Kind != secrets.KindKeyring {
					t.Errorf("auth = %+v", a)
				}
			}},
		{"cc-discovered", []string{"--auth", "oauth2_client_credentials", "--issuer", "https://idp.example.test/", "--client-id", "svc"},
			config.AuthOAuth2ClientCredentials, []string{"client_secret"}, func(t *testing.T, p config.Profile) {
				if p.Issuer != "https://idp.example.test/" || p.Auth.TokenURL != nil {
					t.Errorf("issuer %q, token_url %v", p.Issuer, p.Auth.TokenURL)
				}
			}},
		{"device", []string{"--auth", "oauth2_device", "--device-url", "https://idp.example.test/oauth2/device",
			"--token-url", "https://idp.example.test/oauth2/token", "--client-id", "cli"}, config.AuthOAuth2Device, nil, func(t *testing.T, p config.Profile) {
			if p.Auth.DeviceURL == nil || p.Auth.ClientID != "cli" || !p.Auth.ClientSecret.IsZero() {
				t.Errorf("auth = %+v", p.Auth)
			}
		}},
		{"code", []string{"--auth", "oauth2_auth_code", "--auth-url", "https://idp.example.test/oauth2/authorize",
			"--token-url", "https://idp.example.test/oauth2/token", "--client-id", "cli", "--auth-scope", "openid"}, config.AuthOAuth2AuthCode, nil,
			func(t *testing.T, p config.Profile) {
				if p.Auth.AuthURL == nil || p.Auth.ClientID != "cli" || !slices.Equal(p.Auth.Scopes, []string{"openid"}) {
					t.Errorf("auth = %+v", p.Auth)
				}
			}},
		{"rt", []string{"--auth", "oauth2_refresh", "--issuer", "https://idp.example.test/", "--client-id", "cli"},
			config.AuthOAuth2Refresh, []string{"refresh_token"}, func(t *testing.T, p config.Profile) {
				if p.Auth.RefreshToken.Kind != secrets.KindKeyring {
					t.Errorf("refresh_token = %v", p.Auth.RefreshToken)
				}
			}},
	}
}

// TestProfileAddEveryAuthType: `profile add` with flags and no terminal
// writes a profile that loads, that list and show (human and JSON) show,
// and says how to store each secret it needs.
func TestProfileAddEveryAuthType(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	cases := addCases()
	for _, c := range cases {
		args := append([]string{"profile", "add", c.name, "--base-url", "https://" + c.name + ".api.example.test",
			"--audience", "api://" + c.name}, c.flags...)
		r := w.run(inv{}, args...)
		if r.code != 0 {
			t.Errorf("%s: want exit 0:\n%s", c.name, r)
			continue
		}
		if !strings.Contains(r.stdout, "Added profile "+c.name) || !strings.Contains(r.stdout, w.configPath()) {
			t.Errorf("%s: the output does not say what was added where:\n%s", c.name, r)
		}
		for _, s := range c.secrets {
			if !strings.Contains(r.stdout, "why401 secret set "+c.name+" "+s) {
				t.Errorf("%s: the output does not say how to store %s:\n%s", c.name, s, r)
			}
		}
		for _, s := range secretNames() {
			if !slices.Contains(c.secrets, s) && strings.Contains(r.stdout, "secret set "+c.name+" "+s) {
				t.Errorf("%s: the output asks for %s, which auth %s does not use:\n%s", c.name, s, c.auth, r)
			}
		}
	}

	cfg := w.load()
	if got, want := cfg.Names(), namesOf(cases); !slices.Equal(got, want) {
		t.Fatalf("profiles %v, want %v in the order added", got, want)
	}
	if info, err := os.Stat(w.configPath()); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("config mode: %v %v, want 0600", info.Mode(), err)
	}
	if cfg.DefaultProfile != "" {
		t.Errorf("default_profile = %q without --default", cfg.DefaultProfile)
	}

	list := w.ok(inv{}, "profile", "list")
	listJSON := jsonOf(t, w.ok(inv{}, "profile", "list", "--json"))
	if listJSON["config"] != w.configPath() {
		t.Errorf("list --json config = %v", listJSON["config"])
	}
	profiles := listOf(listJSON, "profiles")
	if len(profiles) != len(cases) {
		t.Errorf("list --json has %d profiles, want %d", len(profiles), len(cases))
	}
	for i, c := range cases {
		p, ok := cfg.Profile(c.name)
		if !ok {
			continue
		}
		if p.BaseURL.String() != "https://"+c.name+".api.example.test" || p.Audience != "api://"+c.name || p.Auth.Type != c.auth {
			t.Errorf("%s: loaded base_url %v, audience %q, auth %q", c.name, p.BaseURL, p.Audience, p.Auth.Type)
		}
		if c.check != nil {
			t.Run(c.name, func(t *testing.T) { c.check(t, p) })
		}
		if !hasLine(list.stdout, c.name, string(c.auth), "https://"+c.name+".api.example.test") {
			t.Errorf("%s: not in profile list:\n%s", c.name, list.stdout)
		}
		if i < len(profiles) {
			j := profiles[i]
			if j["name"] != c.name || j["auth"] != string(c.auth) || j["base_url"] != "https://"+c.name+".api.example.test" {
				t.Errorf("list --json [%d] = %v", i, j)
			}
			if j["default"] != (i == 0) {
				t.Errorf("list --json [%d] default = %v; the first profile is the default", i, j["default"])
			}
		}

		show := w.ok(inv{}, "profile", "show", c.name)
		if !strings.Contains(show.stdout, c.name) || !strings.Contains(show.stdout, string(c.auth)) ||
			!strings.Contains(show.stdout, "api://"+c.name) {
			t.Errorf("%s: profile show:\n%s", c.name, show)
		}
		d := jsonOf(t, w.ok(inv{}, "profile", "show", c.name, "--json"))
		if d["name"] != c.name || d["auth"] != string(c.auth) || d["audience"] != "api://"+c.name {
			t.Errorf("%s: show --json = %v", c.name, d)
		}
		secs := listOf(d, "secrets")
		var names []string
		for _, s := range secs {
			names = append(names, s["name"].(string))
			if s["ref"] != "keyring" || !strings.Contains(s["where"].(string), "service why401/"+c.name+", account "+s["name"].(string)) {
				t.Errorf("%s: secret %v", c.name, s)
			}
			// Nothing is stored yet: it does not resolve, and says how to fix that.
			if s["resolves"] != false || !strings.Contains(s["detail"].(string), "why401 secret set "+c.name+" "+s["name"].(string)) {
				t.Errorf("%s: unstored secret %v", c.name, s)
			}
			if !strings.Contains(show.stdout, s["name"].(string)) {
				t.Errorf("%s: show does not list secret %v:\n%s", c.name, s["name"], show.stdout)
			}
		}
		if !slices.Equal(names, c.secrets) {
			t.Errorf("%s: show --json secrets %v, want %v", c.name, names, c.secrets)
		}
	}
	// Once stored, show says it resolves.
	w.setItem("tok", "token", "tok-value-0123456789")
	d := jsonOf(t, w.ok(inv{}, "profile", "show", "tok", "--json"))
	if s := listOf(d, "secrets"); len(s) != 1 || s[0]["resolves"] != true {
		t.Errorf("stored token: %v", d["secrets"])
	}
}

func namesOf(cases []addCase) []string {
	var out []string
	for _, c := range cases {
		out = append(out, c.name)
	}
	return out
}

// hasLine reports whether some line of s holds every field as a word.
func hasLine(s string, fields ...string) bool {
	for _, line := range strings.Split(s, "\n") {
		words := strings.Fields(line)
		all := true
		for _, f := range fields {
			if !slices.Contains(words, f) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// TestProfileAddDefault: --default sets default_profile, which list and
// show (without a name) follow.
func TestProfileAddDefault(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.ok(inv{}, "profile", "add", "dev", "--base-url", "https://dev.example.test")
	w.ok(inv{}, "profile", "add", "staging", "--base-url", "https://staging.example.test", "--default")
	w.ok(inv{}, "profile", "add", "qa", "--base-url", "https://qa.example.test")
	if cfg := w.load(); cfg.DefaultProfile != "staging" {
		t.Errorf("default_profile = %q, want staging", cfg.DefaultProfile)
	}
	if !strings.Contains(readFile(t, w.configPath()), `default_profile = "staging"`) {
		t.Errorf("config:\n%s", readFile(t, w.configPath()))
	}
	list := w.ok(inv{}, "profile", "list")
	if !hasLine(list.stdout, "*", "staging") || hasLine(list.stdout, "*", "dev") {
		t.Errorf("list does not mark staging as the default:\n%s", list.stdout)
	}
	for _, p := range listOf(jsonOf(t, w.ok(inv{}, "profile", "list", "--json")), "profiles") {
		if p["default"] != (p["name"] == "staging") {
			t.Errorf("list --json: %v", p)
		}
	}
	if d := jsonOf(t, w.ok(inv{}, "profile", "show", "--json")); d["name"] != "staging" {
		t.Errorf("show without a name shows %v, want the default", d["name"])
	}
	// --profile wins over the default.
	if d := jsonOf(t, w.ok(inv{}, "--profile", "qa", "profile", "show", "--json")); d["name"] != "qa" {
		t.Errorf("--profile qa profile show shows %v", d["name"])
	}
	// A later --default moves it.
	w.ok(inv{}, "profile", "add", "prod", "--base-url", "https://api.example.test", "--default")
	cfg := w.load()
	if cfg.DefaultProfile != "prod" || strings.Count(readFile(t, w.configPath()), "\ndefault_profile") != 1 {
		t.Errorf("default_profile = %q:\n%s", cfg.DefaultProfile, readFile(t, w.configPath()))
	}
	if p, _ := cfg.Profile("prod"); !p.Protected {
		t.Error("a profile named prod is protected by default")
	}
}

// TestProfileAddRefused: a taken name fails (exit 1), a bad name or a
// missing base URL without a terminal is a usage error (exit 2); none
// changes the config.
func TestProfileAddRefused(t *testing.T) {
	t.Parallel()
	w := newWorld(t)

	r := w.run(inv{}, "profile", "add", "api", "--auth", "bearer")
	if r.code != 2 || !strings.Contains(r.stderr, "--base-url") {
		t.Errorf("no --base-url, no terminal: want exit 2 naming --base-url:\n%s", r)
	}
	checkOneSentence(t, r, false)
	if _, err := os.Stat(w.configPath()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a refused add created the config: %v", err)
	}

	w.ok(inv{}, "profile", "add", "api", "--base-url", "https://api.example.test", "--auth", "bearer")
	before := readFile(t, w.configPath())

	r = w.run(inv{}, "profile", "add", "api", "--base-url", "https://other.example.test")
	if r.code != 1 || !strings.Contains(r.stderr, "api") || !strings.Contains(r.stderr, "exists") {
		t.Errorf("taken name: want exit 1 saying it exists:\n%s", r)
	}
	checkOneSentence(t, r, false)

	for _, name := range []string{"Staging", "my profile", "a.b", "_x", "ünï", strings.Repeat("a", 64), "a/b", ""} {
		r := w.run(inv{}, "profile", "add", name, "--base-url", "https://x.example.test")
		if r.code != 2 {
			t.Errorf("name %q: want exit 2:\n%s", name, r)
		}
		checkOneSentence(t, r, false)
	}
	// An auth type that does not exist is a usage error too.
	r = w.run(inv{}, "profile", "add", "bogus", "--base-url", "https://x.example.test", "--auth", "kerberos")
	if r.code != 2 || !strings.Contains(r.stderr, "kerberos") {
		t.Errorf("--auth kerberos: want exit 2 naming it:\n%s", r)
	}
	checkOneSentence(t, r, false)
	// A base URL that is not one is refused, and the file is kept.
	r = w.run(inv{}, "profile", "add", "bad-url", "--base-url", "ftp://x.example.test")
	if r.code == 0 {
		t.Errorf("--base-url ftp://…: want a failure:\n%s", r)
	}
	checkOneSentence(t, r, false)

	if after := readFile(t, w.configPath()); after != before {
		t.Errorf("refused adds changed the config:\n%s", after)
	}
}

// commentedConfig is a hand-written config with comments everywhere the
// user might put them.
const commentedConfig = `# My why401 config — keep these notes!
# (top comment, second line)

default_profile = "dev"   # the one I use most

# ── development ──
[profiles.dev]
base_url = "https://dev.api.example.test"   # local tunnel
# audience = "api://dev"   (not yet)
timeout = "5s"

[profiles.dev.auth]
type = "bearer"
token = "keyring"   # stored with secret set

# ── staging, shared with the team ──
[profiles.staging]
base_url = "https://staging.api.example.test"
issuer = "https://idp.example.test/"   # comment on issuer

# trailing notes at the end of the file
`

func commentLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "#"); i >= 0 {
			out = append(out, strings.TrimSpace(l[i:]))
		}
	}
	return out
}

// TestProfileAddRmKeepComments: comments and order of a hand-written
// config survive `profile add` and `profile rm`.
func TestProfileAddRmKeepComments(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.writeConfig(commentedConfig)

	w.ok(inv{}, "profile", "add", "qa", "--base-url", "https://qa.api.example.test", "--auth", "basic", "--username", "bob")
	after := readFile(t, w.configPath())
	if !strings.HasPrefix(after, strings.TrimRight(commentedConfig, "\n")) {
		t.Errorf("add did not keep the file as written before its new profile:\n%s", after)
	}
	for _, c := range commentLines(commentedConfig) {
		if !strings.Contains(after, c) {
			t.Errorf("add lost the comment %q", c)
		}
	}
	if got := w.load().Names(); !slices.Equal(got, []string{"dev", "staging", "qa"}) {
		t.Errorf("profiles after add: %v", got)
	}

	// Removing what was added gives the hand-written file back.
	w.ok(inv{}, "profile", "rm", "qa")
	after = readFile(t, w.configPath())
	if strings.TrimSpace(after) != strings.TrimSpace(commentedConfig) {
		t.Errorf("add then rm did not give the file back:\n--- got\n%s\n--- want\n%s", after, commentedConfig)
	}

	// Removing a hand-written profile keeps every other comment; the
	// comment block directly above its table goes with it.
	w.ok(inv{}, "profile", "rm", "staging")
	after = readFile(t, w.configPath())
	for _, c := range commentLines(commentedConfig) {
		gone := c == "# ── staging, shared with the team ──" || c == "# comment on issuer"
		switch kept := strings.Contains(after, c); {
		case gone && kept:
			t.Errorf("rm staging kept its own comment %q", c)
		case !gone && !kept:
			t.Errorf("rm staging lost the comment %q, which is not staging's:\n%s", c, after)
		}
	}
	if strings.Contains(after, "staging.api.example.test") {
		t.Errorf("rm left staging's keys:\n%s", after)
	}
	if got := w.load().Names(); !slices.Equal(got, []string{"dev"}) {
		t.Errorf("profiles after rm: %v", got)
	}

	// Removing the default profile removes default_profile, and keeps the rest.
	w.ok(inv{}, "profile", "add", "qa", "--base-url", "https://qa.api.example.test")
	w.ok(inv{}, "profile", "rm", "dev")
	cfg := w.load()
	if cfg.DefaultProfile != "" || !slices.Equal(cfg.Names(), []string{"qa"}) {
		t.Errorf("after rm of the default: default %q, profiles %v:\n%s", cfg.DefaultProfile, cfg.Names(), readFile(t, w.configPath()))
	}
	after = readFile(t, w.configPath())
	for _, c := range []string{"# My why401 config — keep these notes!", "# (top comment, second line)"} {
		if !strings.Contains(after, c) {
			t.Errorf("rm dev lost the comment %q:\n%s", c, after)
		}
	}
}

// TestProfileRm removes the profile and its keyring items, and nothing
// of the other profiles.
func TestProfileRm(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.ok(inv{}, "profile", "add", "gone", "--base-url", "https://gone.example.test", "--auth", "oauth2_refresh",
		"--token-url", "https://idp.example.test/token", "--client-id", "c")
	w.ok(inv{}, "profile", "add", "kept", "--base-url", "https://kept.example.test", "--auth", "bearer")
	items := []string{"token", "password", "value", "client_secret", "refresh_token", "client_key", "hmac_secret",
		"access_token", "access_token.meta"}
	for _, it := range items {
		w.setItem("gone", it, "gone-"+it+"-0123456789")
		w.setItem("kept", it, "kept-"+it+"-0123456789")
	}
	r := w.ok(inv{}, "profile", "rm", "gone")
	if !strings.Contains(r.stdout, "gone") || !strings.Contains(r.stdout, "keyring") {
		t.Errorf("rm does not say what it removed:\n%s", r)
	}
	for _, it := range items {
		if v := w.item("gone", it); v != "" {
			t.Errorf("keyring item %s of the removed profile survived", it)
		}
		if v := w.item("kept", it); v != "kept-"+it+"-0123456789" {
			t.Errorf("keyring item %s of another profile was touched", it)
		}
	}
	if got := w.load().Names(); !slices.Equal(got, []string{"kept"}) {
		t.Errorf("profiles after rm: %v", got)
	}
	if strings.Contains(r.stdout, "0123456789") {
		t.Errorf("rm printed a secret value:\n%s", r)
	}

	// A profile that does not exist: the operation fails, in one sentence.
	r = w.run(inv{}, "profile", "rm", "gone")
	if r.code != 1 || !strings.Contains(r.stderr, "gone") {
		t.Errorf("rm of a missing profile: want exit 1 naming it:\n%s", r)
	}
	checkOneSentence(t, r, false)
	// No config at all.
	r = newWorld(t).run(inv{}, "profile", "rm", "x")
	if r.code != 1 {
		t.Errorf("rm without a config: want exit 1:\n%s", r)
	}
	checkOneSentence(t, r, false)
}

// editorScript writes a small shell script that replaces the file it is
// given with text (or, with text "", exits 1 without touching it).
func editorScript(t *testing.T, text string) string {
	t.Helper()
	body := "#!/bin/sh\nexit 1\n"
	if text != "" {
		src := writeFile(t, "new.toml", []byte(text))
		body = "#!/bin/sh\ncat '" + src + "' > \"$1\"\n"
	}
	p := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(p, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestProfileEdit: $EDITOR edits a copy; a valid result is saved, an
// invalid one (without a terminal to ask again) leaves the file as it was.
func TestProfileEdit(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.writeConfig(commentedConfig)

	valid := commentedConfig + "\n[profiles.qa]\nbase_url = \"https://qa.example.test\"   # added in the editor\n"
	r := w.run(inv{env: map[string]string{"EDITOR": editorScript(t, valid)}}, "profile", "edit")
	if r.code != 0 || !strings.Contains(r.stdout, "Saved") {
		t.Fatalf("valid edit: want exit 0 and Saved:\n%s", r)
	}
	if got := readFile(t, w.configPath()); got != valid {
		t.Errorf("saved config:\n%s\nwant:\n%s", got, valid)
	}
	if info, _ := os.Stat(w.configPath()); info.Mode().Perm() != 0o600 {
		t.Errorf("mode after edit: %v", info.Mode())
	}
	if got := w.load().Names(); !slices.Equal(got, []string{"dev", "staging", "qa"}) {
		t.Errorf("profiles after edit: %v", got)
	}
	noTemps(t, w.configDir())

	// Invalid: an unknown key. Without a terminal nothing is asked; exit 1.
	invalid := valid + "colour = \"blue\"\n"
	r = w.run(inv{env: map[string]string{"EDITOR": editorScript(t, invalid)}}, "profile", "edit")
	if r.code != 1 {
		t.Errorf("invalid edit: want exit 1:\n%s", r)
	}
	if !strings.Contains(r.stderr, "colour") || !strings.Contains(r.stderr, "not changed") {
		t.Errorf("invalid edit: stderr should name the problem and say the config was not changed:\n%s", r)
	}
	if got := readFile(t, w.configPath()); got != valid {
		t.Errorf("an invalid edit changed the file:\n%s", got)
	}
	noTemps(t, w.configDir())

	// A literal secret is refused the same way.
	r = w.run(inv{env: map[string]string{"EDITOR": editorScript(t,
		"[profiles.x]\nbase_url = \"https://x.example.test\"\n[profiles.x.auth]\ntype = \"bearer\"\ntoken = \"eyJhbGciOiJIUzI1NiJ9.e30.literal\"\n")}},
		"profile", "edit")
	if r.code != 1 || !strings.Contains(r.stderr, "secret set") {
		t.Errorf("literal secret: want exit 1 saying how to store it:\n%s", r)
	}
	if got := readFile(t, w.configPath()); got != valid {
		t.Errorf("a refused edit changed the file:\n%s", got)
	}

	// An editor that fails: exit 1, file unchanged.
	r = w.run(inv{env: map[string]string{"EDITOR": editorScript(t, "")}}, "profile", "edit")
	if r.code != 1 {
		t.Errorf("failing editor: want exit 1:\n%s", r)
	}
	checkOneSentence(t, r, false)
	if got := readFile(t, w.configPath()); got != valid {
		t.Errorf("a failed editor changed the file:\n%s", got)
	}
	// VISUAL wins over EDITOR.
	visual := valid + "\n[profiles.vis]\nbase_url = \"https://vis.example.test\"\n"
	w.ok(inv{env: map[string]string{"EDITOR": editorScript(t, ""), "VISUAL": editorScript(t, visual)}}, "profile", "edit")
	if got := readFile(t, w.configPath()); got != visual {
		t.Errorf("VISUAL was not used:\n%s", got)
	}
	// Neither set: a usage error.
	r = w.run(inv{}, "profile", "edit")
	if r.code != 2 || !strings.Contains(r.stderr, "EDITOR") {
		t.Errorf("no editor: want exit 2 naming $EDITOR:\n%s", r)
	}
}

// noTemps fails when an edit left a temporary copy next to the config.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n := e.Name(); n != "config.toml" && n != "config.toml.lock" {
			t.Errorf("left behind in the config dir: %s", n)
		}
	}
}

// profileConfig writes two environments with different issuers and
// audiences and a key_file each, an HMAC profile whose secret is in the
// keyring, and a profile with a relative key_file.
func profileConfig(t *testing.T, w *world) {
	t.Helper()
	pem := publicPEM(t, &testRSA().PublicKey)
	keyFile := writeFile(t, "rs.pem", pem)
	if err := os.MkdirAll(filepath.Join(w.configDir(), "keys"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(w.configDir(), "keys", "rs.pem"), pem, 0o600); err != nil {
		t.Fatal(err)
	}
	w.writeConfig(`[profiles.staging]
base_url = "https://staging.api.example.test"
issuer = "https://staging-idp.example.test/"
audience = "api://orders-staging"
key_file = "` + keyFile + `"

[profiles.prod]
base_url = "https://api.example.test"
issuer = "https://idp.example.test/"
audience = "api://orders"
key_file = "` + keyFile + `"

[profiles.rel]
base_url = "https://rel.api.example.test"
key_file = "keys/rs.pem"

[profiles.hs]
base_url = "https://hs.api.example.test"
issuer = "https://hs-idp.example.test/"
audience = "api://hs"
hmac_secret = "keyring"
`)
}

const profileHMAC = "hs-profile-secret-Vb7Qm2Lx9Rt4Wz8Kc3Np6Jd1Gf5Hs0Ay"

// TestDecodeWithProfile: --profile brings the profile's key sources
// (key_file, an hmac_secret in the keyring) and expectations.
func TestDecodeWithProfile(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	profileConfig(t, w)
	w.setItem("hs", "hmac_secret", profileHMAC)
	prodTok := sign(t, jwt.SigningMethodRS256, testRSA(), claimsAround(map[string]any{
		"iss": "https://idp.example.test/", "aud": "api://orders"}), nil)

	decode := func(o inv, args ...string) (map[string]any, result) {
		t.Helper()
		r := w.run(o, append([]string{"decode", "--json", "--now", demoNow}, args...)...)
		var m map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
			t.Fatalf("%q: stdout is not JSON:\n%s", args, r)
		}
		return m, r
	}

	// key_file and matching expectations: verified, no findings of note.
	m, r := decode(inv{}, "--profile", "prod", prodTok)
	if r.code != 0 || sigStatus(t, m) != "verified" || hasErrorFinding(m) {
		t.Errorf("prod token with --profile prod: want verified, exit 0:\n%s", r)
	}
	if key, _ := obj(t, m, "signature")["key"].(string); !strings.Contains(key, "key_file") && !strings.Contains(key, "rs.pem") {
		t.Errorf("signature.key %q does not say the key came from the profile's key_file", key)
	}
	// Relative key_file: relative to the config's directory.
	if m, r := decode(inv{}, "--profile", "rel", prodTok); r.code != 0 || sigStatus(t, m) != "verified" {
		t.Errorf("relative key_file: want verified:\n%s", r)
	}
	// The same token against staging: verified (same key), but neither
	// the issuer nor the audience is staging's.
	m, r = decode(inv{}, "--profile", "staging", prodTok)
	if r.code != 1 || sigStatus(t, m) != "verified" || !hasFinding(m, "ISS_MISMATCH") || !hasFinding(m, "AUD_MISMATCH") {
		t.Errorf("prod token with --profile staging: want ISS_MISMATCH, AUD_MISMATCH and exit 1:\n%s", r)
	}
	// Without --profile nothing is expected and nothing verified.
	if m, r := decode(inv{}, prodTok); r.code != 0 || sigStatus(t, m) != "unverified" || hasFinding(m, "ISS_MISMATCH") {
		t.Errorf("without --profile: want unverified, no expectations:\n%s", r)
	}
	// -p works after the command too.
	if _, r := decode(inv{}, prodTok, "-p", "staging"); r.code != 1 {
		t.Errorf("-p after decode: want exit 1:\n%s", r)
	}

	// hmac_secret = "keyring": resolved from the keyring.
	hsTok := sign(t, jwt.SigningMethodHS256, []byte(profileHMAC), claimsAround(map[string]any{
		"iss": "https://hs-idp.example.test/", "aud": "api://hs"}), nil)
	m, r = decode(inv{}, "--profile", "hs", hsTok)
	if r.code != 0 || sigStatus(t, m) != "verified" {
		t.Errorf("HS256 with the profile's keyring hmac_secret: want verified:\n%s", r)
	}
	if strings.Contains(r.stdout+r.stderr, profileHMAC) {
		t.Error("decode printed the HMAC secret")
	}
	wrong := sign(t, jwt.SigningMethodHS256, []byte(profileHMAC+"-other"), claimsAround(map[string]any{
		"iss": "https://hs-idp.example.test/", "aud": "api://hs"}), nil)
	if m, r := decode(inv{}, "--profile", "hs", wrong); r.code != 1 || sigStatus(t, m) != "invalid" {
		t.Errorf("HS256 with another secret: want invalid, exit 1:\n%s", r)
	}
	// The same profile on a machine where the secret is not stored: the
	// key cannot be read (exit 2), and the error says how to store it.
	_, r = decode(inv{keyring: secrets.Memory()}, "--profile", "hs", hsTok)
	if r.code != 2 || !strings.Contains(r.stderr, "why401 secret set hs hmac_secret") {
		t.Errorf("hmac_secret not stored: want exit 2 saying how to store it:\n%s", r)
	}
	checkOneSentence(t, r, true)

	// A profile that does not exist.
	_, r = decode(inv{}, "--profile", "nope", prodTok)
	if r.code != 2 || !strings.Contains(r.stderr, "nope") {
		t.Errorf("--profile nope: want exit 2 naming it:\n%s", r)
	}
	checkOneSentence(t, r, true)
}

// TestExplainWithProfile: a token from prod explained with --profile
// staging is WRONG_ENVIRONMENT, ranked first, naming prod.
func TestExplainWithProfile(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	profileConfig(t, w)
	prodTok := sign(t, jwt.SigningMethodRS256, testRSA(), claimsAround(map[string]any{
		"iss": "https://idp.example.test/", "aud": "api://orders"}), nil)
	base := []string{"explain", "--json", "--now", demoNow, "--status", "401",
		"--response-header", `WWW-Authenticate: Bearer realm="orders", error="invalid_token"`, "--token", prodTok}

	r := w.run(inv{}, append(base, "--profile", "staging")...)
	if r.code != 0 {
		t.Fatalf("want exit 0:\n%s", r)
	}
	m := parseExplain(t, r)
	ids := m.ids()
	if len(ids) == 0 || ids[0] != "WRONG_ENVIRONMENT" {
		t.Fatalf("diagnosis %v: want WRONG_ENVIRONMENT first", ids)
	}
	first := m.diagnosis()[0]
	text := first["title"].(string) + " " + first["detail"].(string) + " " + first["fix"].(string) + " " + strings.Join(evidenceOf(first), " ")
	if !strings.Contains(text, "prod") {
		t.Errorf("WRONG_ENVIRONMENT does not name prod: %v", first)
	}
	if tok := m.object("token"); tok == nil || obj(t, tok, "signature")["status"] != "verified" {
		t.Errorf("the token was not verified with staging's key_file: %v", m["token"])
	}
	// Human output too, naming prod in its first cause.
	h := w.run(inv{}, "explain", "--now", demoNow, "--status", "401",
		"--response-header", `WWW-Authenticate: Bearer error="invalid_token"`, "--token", prodTok, "--profile", "staging")
	if h.code != 0 || !strings.Contains(h.stdout, "prod") {
		t.Errorf("human explain does not name prod:\n%s", h)
	}

	// With --profile prod the token is at home: no WRONG_ENVIRONMENT.
	r = w.run(inv{}, append(base, "--profile", "prod")...)
	if r.code != 0 || slices.Contains(parseExplain(t, r).ids(), "WRONG_ENVIRONMENT") {
		t.Errorf("--profile prod: no WRONG_ENVIRONMENT expected:\n%s", r)
	}
	// A missing profile is a usage error.
	r = w.run(inv{}, append(base, "--profile", "nope")...)
	if r.code != 2 || !strings.Contains(r.stderr, "nope") {
		t.Errorf("--profile nope: want exit 2:\n%s", r)
	}
	checkOneSentence(t, r, true)
	// No config at all: also a usage error.
	r = newWorld(t).run(inv{}, append(base, "--profile", "staging")...)
	if r.code != 2 {
		t.Errorf("--profile without a config: want exit 2:\n%s", r)
	}
	checkOneSentence(t, r, true)
}

// TestExplainSharedIssuer: environments often share one identity
// provider and differ by audience. A token whose audience is the active
// profile's is at home, even though its issuer is also the other
// profile's: no WRONG_ENVIRONMENT. One with the other's audience is.
func TestExplainSharedIssuer(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	keyFile := writeFile(t, "rs.pem", publicPEM(t, &testRSA().PublicKey))
	w.writeConfig(`[profiles.staging]
base_url = "https://staging.api.example.test"
issuer = "https://tenant.idp.example.test/"
audience = "api://orders-staging"
key_file = "` + keyFile + `"

[profiles.prod]
base_url = "https://api.example.test"
issuer = "https://tenant.idp.example.test/"
audience = "api://orders"
key_file = "` + keyFile + `"
`)
	explainWith := func(aud string) exOut {
		t.Helper()
		tok := sign(t, jwt.SigningMethodRS256, testRSA(), claimsAround(map[string]any{
			"iss": "https://tenant.idp.example.test/", "aud": aud}), nil)
		r := w.run(inv{}, "explain", "--json", "--now", demoNow, "--profile", "staging", "--status", "401",
			"--response-header", `WWW-Authenticate: Bearer error="invalid_token"`, "--token", tok)
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		return parseExplain(t, r)
	}
	if ids := explainWith("api://orders-staging").ids(); slices.Contains(ids, "WRONG_ENVIRONMENT") {
		t.Errorf("staging's own token (shared issuer, staging's audience) is diagnosed %v: "+
			"WRONG_ENVIRONMENT must not come from a claim the active profile shares", ids)
	}
	m := explainWith("api://orders")
	if ids := m.ids(); len(ids) == 0 || ids[0] != "WRONG_ENVIRONMENT" {
		t.Errorf("prod's token with --profile staging: diagnosis %v, want WRONG_ENVIRONMENT first", ids)
	}
}

// TestProfileShowKeySources: show names the key sources that decode and
// explain actually use. A profile's issuer is the discovery base only when
// no jwks_url, key_file or hmac_secret is given, so with one of those
// show must not claim that keys come from discovery.
func TestProfileShowKeySources(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	profileConfig(t, w)
	w.setItem("hs", "hmac_secret", profileHMAC)
	for name, want := range map[string][]string{
		"prod": {"key_file"},
		"hs":   {"hmac_secret"},
	} {
		d := jsonOf(t, w.ok(inv{}, "profile", "show", name, "--json"))
		var got []string
		for _, k := range d["key_sources"].([]any) {
			got = append(got, strings.Fields(k.(string))[0])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: key_sources %v, want %v (decode --profile %s fetches no discovery document)", name, d["key_sources"], want, name)
		}
	}
}

// TestProfileEditAgain: in a terminal, an invalid edit asks whether to
// edit again; yes reopens the editor on the same copy, no discards it.
func TestProfileEditAgain(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.writeConfig(commentedConfig)
	valid := commentedConfig + "\n[profiles.qa]\nbase_url = \"https://qa.example.test\"\n"
	dir := t.TempDir()
	src := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// First run: invalid; second run: valid.
	script := filepath.Join(dir, "editor.sh")
	body := "#!/bin/sh\nif [ -e '" + dir + "/ran' ]; then cat '" + src("valid.toml", valid) + "' > \"$1\"; else touch '" + dir +
		"/ran'; cat '" + src("invalid.toml", valid+"bogus = 1\n") + "' > \"$1\"; fi\n"
	if err := os.WriteFile(script, []byte(body), 0o700); err != nil {
		t.Fatal(err)
	}
	r := w.run(inv{stdin: "y\n", stdinTTY: true, env: map[string]string{"EDITOR": script}}, "profile", "edit")
	if r.code != 0 || !strings.Contains(r.stderr, "bogus") || !strings.Contains(r.stderr, "again") {
		t.Errorf("edit again: want the problem, the question and exit 0:\n%s", r)
	}
	if got := readFile(t, w.configPath()); got != valid {
		t.Errorf("after editing again:\n%s", got)
	}
	os.Remove(filepath.Join(dir, "ran"))
	r = w.run(inv{stdin: "n\n", stdinTTY: true, env: map[string]string{"EDITOR": script}}, "profile", "edit")
	if r.code != 1 {
		t.Errorf("declined: want exit 1:\n%s", r)
	}
	if got := readFile(t, w.configPath()); got != valid {
		t.Errorf("a declined edit changed the file:\n%s", got)
	}
	noTemps(t, w.configDir())
}

// TestProfileAddConcurrent: profile adds running at once lose nothing.
func TestProfileAddConcurrent(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	w.writeConfig(commentedConfig)
	const n = 8
	var wg sync.WaitGroup
	codes := make([]int, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := "c" + string(rune('a'+i))
			codes[i] = w.run(inv{}, "profile", "add", name, "--base-url", "https://"+name+".example.test", "--auth", "bearer").code
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != 0 {
			t.Errorf("add %d: exit %d", i, c)
		}
	}
	cfg := w.load()
	if len(cfg.Profiles) != n+2 {
		t.Errorf("after %d concurrent adds: %v", n, cfg.Names())
	}
	for _, c := range commentLines(commentedConfig) {
		if !strings.Contains(readFile(t, w.configPath()), c) {
			t.Errorf("lost the comment %q", c)
		}
	}
}

// TestProfileAddBrokenConfig: add refuses to touch a config that does not
// load, and says why.
func TestProfileAddBrokenConfig(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	broken := "[profiles.dev]\nbase_url = \"https://dev.example.test\"\ncolour = \"blue\"\n"
	w.writeConfig(broken)
	r := w.run(inv{}, "profile", "add", "qa", "--base-url", "https://qa.example.test")
	if r.code != 1 || !strings.Contains(r.stderr, "colour") {
		t.Errorf("want exit 1 naming the problem:\n%s", r)
	}
	checkOneSentence(t, r, false)
	if readFile(t, w.configPath()) != broken {
		t.Error("add changed a broken config")
	}
	for _, args := range [][]string{{"profile", "list"}, {"profile", "show", "dev"}} {
		if r := w.run(inv{}, args...); r.code == 0 || !strings.Contains(r.stderr, "colour") {
			t.Errorf("%q on a broken config: want a failure naming the problem:\n%s", args, r)
		}
	}
}
