package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/store/secrets"
)

// commented is a hand-written config: comments everywhere, keys in an
// order of the user's own, odd spacing.
const commented = `# My why401 config.
# Keep prod last.

default_profile = "staging"   # the usual one

# --- staging ---
# shared with the team
[profiles.staging]
headers = { "Accept" = "application/json" }
base_url    = "https://staging.example.com"   # aligned by hand
timeout = "10s"

  # the staging token lives in the keyring
[profiles.staging.auth]
token = "keyring"
type  = "bearer"

# Nothing below this line is shared.

# dev runs on my laptop
[profiles.dev]
base_url = "http://127.0.0.1:8080"
scopes = [
  "a",   # first
  "b",
]

# prod: careful
[profiles.prod]
base_url = "https://api.example.com"
# prod auth
[profiles.prod.auth]
type = "basic"
username = "ops"
password = "prompt"
# trailing comment at the end of the file
`

func TestAddProfileAppendsAndKeepsText(t *testing.T) {
	path := writeConfig(t, commented)
	spec := ProfileSpec{Name: "qa", BaseURL: "https://qa.example.com",
		Auth: AuthSpec{Type: AuthBearer, Token: secrets.Ref{Kind: secrets.KindKeyring}}}
	if err := AddProfile(path, spec); err != nil {
		t.Fatal(err)
	}
	want := commented + "\n[profiles.qa]\nbase_url = \"https://qa.example.com\"\n[profiles.qa.auth]\ntype = \"bearer\"\ntoken = \"keyring\"\n"
	if got := readText(t, path); got != want {
		t.Fatalf("after AddProfile:\n%s\nwant:\n%s", got, want)
	}
	if err := RemoveProfile(path, "qa"); err != nil {
		t.Fatal(err)
	}
	if got := readText(t, path); got != commented {
		t.Fatalf("add then remove did not restore the file:\n%s", got)
	}
}

func TestRemoveProfileTakesOnlyItsLines(t *testing.T) {
	path := writeConfig(t, commented)
	if err := RemoveProfile(path, "dev"); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(commented, `# dev runs on my laptop
[profiles.dev]
base_url = "http://127.0.0.1:8080"
scopes = [
  "a",   # first
  "b",
]

`, "", 1)
	if got := readText(t, path); got != want {
		t.Fatalf("after RemoveProfile dev:\n%s\nwant:\n%s", got, want)
	}
	if err := RemoveProfile(path, "prod"); err != nil {
		t.Fatal(err)
	}
	want = strings.Split(want, "# prod: careful")[0]
	want = strings.TrimRight(want, "\n") + "\n"
	if got := readText(t, path); got != want {
		t.Fatalf("after RemoveProfile prod:\n%s\nwant:\n%s", got, want)
	}
	cfg, err := Load(path)
	if err != nil || strings.Join(cfg.Names(), ",") != "staging" {
		t.Fatalf("Load after removals: %v %v", cfg, err)
	}
}

func TestRemoveDefaultProfileAndScatteredKeys(t *testing.T) {
	text := `default_profile = "b"

[profiles]
a = { base_url = "https://a" }
# b's URL
b.base_url = "https://b"
b.timeout = "5s"

# b's auth
[profiles.b.auth]
type = "none"
`
	path := writeConfig(t, text)
	if err := RemoveProfile(path, "b"); err != nil {
		t.Fatal(err)
	}
	want := "[profiles]\na = { base_url = \"https://a\" }\n"
	if got := readText(t, path); got != want {
		t.Fatalf("got:\n%q\nwant:\n%q", got, want)
	}
	cfg, err := Load(path)
	if p, ok := cfg.Default(); err != nil || !ok || p.Name != "a" {
		t.Fatalf("default after removing it: %v %v", p.Name, err)
	}
}

func TestSetDefault(t *testing.T) {
	path := writeConfig(t, commented)
	if err := SetDefault(path, "prod"); err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(commented, `default_profile = "staging"   # the usual one`, `default_profile = "prod"   # the usual one`, 1)
	if got := readText(t, path); got != want {
		t.Fatalf("SetDefault replaced more than the value:\n%s", got)
	}
	if err := SetDefault(path, "nope"); err == nil || !strings.Contains(err.Error(), "no profile") {
		t.Fatalf("SetDefault to a missing profile: %v", err)
	}

	noDefault := "# header comment\n\n# about dev\n[profiles.dev]\nbase_url = \"https://a\"\n"
	path = writeConfig(t, noDefault)
	if err := SetDefault(path, "dev"); err != nil {
		t.Fatal(err)
	}
	want = "# header comment\n\ndefault_profile = \"dev\"\n\n# about dev\n[profiles.dev]\nbase_url = \"https://a\"\n"
	if got := readText(t, path); got != want {
		t.Fatalf("inserted default:\n%q\nwant\n%q", got, want)
	}

	rootKeys := "profiles.dev.base_url = \"https://a\" # root dotted key\n[profiles.x]\nbase_url = \"https://x\"\n"
	path = writeConfig(t, rootKeys)
	if err := SetDefault(path, "x"); err != nil {
		t.Fatal(err)
	}
	want = "profiles.dev.base_url = \"https://a\" # root dotted key\ndefault_profile = \"x\"\n[profiles.x]\nbase_url = \"https://x\"\n"
	if got := readText(t, path); got != want {
		t.Fatalf("inserted after root keys:\n%q", got)
	}
}

func TestAddProfileNewFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nested", "why401")
	path := filepath.Join(dir, FileName)
	if err := AddProfile(path, ProfileSpec{Name: "dev", BaseURL: "https://dev.example.com"}); err != nil {
		t.Fatal(err)
	}
	got := readText(t, path)
	if !strings.HasPrefix(got, Template()) || !strings.HasSuffix(got, "\n\n[profiles.dev]\nbase_url = \"https://dev.example.com\"\n") {
		t.Fatalf("new file:\n%s", got)
	}
	checkMode(t, path, 0o600)
	checkMode(t, dir, 0o700)
	if err := SetDefault(path, "dev"); err != nil {
		t.Fatal(err)
	}
	if cfg, err := Load(path); err != nil || cfg.DefaultProfile != "dev" {
		t.Fatalf("after SetDefault on the template: %v", err)
	}
}

func checkMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != want {
		t.Errorf("%s has mode %v, want %v", path, fi.Mode().Perm(), want)
	}
}

func TestEditsRefuseAndWriteNothing(t *testing.T) {
	path := writeConfig(t, commented)
	os.Chmod(path, 0o644)
	cases := []struct {
		name   string
		do     func() error
		phrase string
	}{
		{"taken name", func() error { return AddProfile(path, ProfileSpec{Name: "dev", BaseURL: "https://a"}) }, "already exists"},
		{"bad name", func() error { return AddProfile(path, ProfileSpec{Name: "Dev", BaseURL: "https://a"}) }, "lowercase"},
		{"invalid result", func() error { return AddProfile(path, ProfileSpec{Name: "qa"}) }, "base_url: is required"},
		{"bearer without token", func() error {
			return AddProfile(path, ProfileSpec{Name: "qa", BaseURL: "https://a", Auth: AuthSpec{Type: AuthBearer}})
		}, "needs token"},
		{"remove missing", func() error { return RemoveProfile(path, "qa") }, "no profile"},
	}
	for _, tc := range cases {
		err := tc.do()
		if err == nil || !strings.Contains(err.Error(), tc.phrase) {
			t.Errorf("%s: got %v, want an error containing %q", tc.name, err, tc.phrase)
		}
		if got := readText(t, path); got != commented {
			t.Fatalf("%s: the file changed", tc.name)
		}
	}
	checkMode(t, path, 0o644) // untouched, not even re-written
	inline := writeConfig(t, "profiles = { a = { base_url = \"https://a\" }, b = { base_url = \"https://b\" } }\n")
	if err := RemoveProfile(inline, "b"); err == nil || !strings.Contains(err.Error(), "by hand") {
		t.Errorf("RemoveProfile from an inline table: %v", err)
	}
	missing := filepath.Join(t.TempDir(), FileName)
	if err := RemoveProfile(missing, "dev"); !errors.Is(err, ErrNoConfig) {
		t.Errorf("RemoveProfile on a missing file: %v", err)
	}
	broken := writeConfig(t, "[profiles.dev]\nbase_url = 1\n")
	if err := AddProfile(broken, ProfileSpec{Name: "qa", BaseURL: "https://a"}); err == nil || !strings.Contains(err.Error(), "until the config is fixed") {
		t.Errorf("AddProfile to a broken file: %v", err)
	}
}

func TestAddProfileFullSpecRoundTrips(t *testing.T) {
	spec := ProfileSpec{
		Name: "prod-eu", BaseURL: "https://api.example.com/v1",
		Headers:   []Header{{"Accept", "application/json"}, {"X-Weird", "quote \" and \\ and \t tab, é"}},
		Protected: ptr(true), History: ptr(true), Timeout: 90 * time.Second,
		Issuer: "https://idp.example.com/", Audience: "api://orders \x01\x7f\n\r é",
		Scopes: []string{"orders:read"}, Algs: []string{"RS256", "ES256"}, Leeway: 5 * time.Second,
		JWKSURL: "https://idp.example.com/jwks", Discovery: "https://idp.example.com/",
		KeyFile: "/keys/k.pem", HMACSecret: secrets.Ref{Kind: secrets.KindEnv, Arg: "HMAC"},
		IntrospectionURL: "https://idp.example.com/introspect",
		CAFile:           "/certs/ca.pem", ClientCert: "/certs/c.pem", ClientKey: secrets.Ref{Kind: secrets.KindKeyring},
		InsecureSkipVerify: true,
		Auth: AuthSpec{Type: AuthOAuth2AuthCode, TokenURL: "https://idp.example.com/token",
			AuthURL: "https://idp.example.com/authorize", ClientID: "cli",
			ClientSecret: secrets.Ref{Kind: secrets.KindCmd, Arg: "pass show 'idp secret'"},
			Scopes:       []string{"openid", "orders:read"}, Resource: "https://api.example.com",
			Extra: []Param{{"audience", "api"}, {"prompt", "consent"}}, RedirectPort: 8765,
			RetryOn401: ptr(false)},
	}
	path := filepath.Join(t.TempDir(), FileName)
	if err := AddProfile(path, spec); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p := cfg.Profiles[0]
	if p.Name != spec.Name || p.BaseURL.String() != spec.BaseURL || len(p.Headers) != 2 || p.Headers[1] != spec.Headers[1] ||
		!p.Protected || !p.History || p.Timeout != spec.Timeout || p.Issuer != spec.Issuer || p.Audience != spec.Audience ||
		p.Leeway != spec.Leeway || p.JWKSURL.String() != spec.JWKSURL || p.Discovery.String() != spec.Discovery ||
		p.KeyFile != spec.KeyFile || p.HMACSecret != spec.HMACSecret || p.IntrospectionURL.String() != spec.IntrospectionURL ||
		p.CAFile != spec.CAFile || p.ClientCert != spec.ClientCert || p.ClientKey != spec.ClientKey || !p.InsecureSkipVerify {
		t.Fatalf("profile %+v", p)
	}
	a := p.Auth
	if a.Type != spec.Auth.Type || a.TokenURL.String() != spec.Auth.TokenURL || a.AuthURL.String() != spec.Auth.AuthURL ||
		a.ClientID != "cli" || a.ClientSecret != spec.Auth.ClientSecret || strings.Join(a.Scopes, " ") != "openid orders:read" ||
		a.Resource != spec.Auth.Resource || len(a.Extra) != 2 || a.Extra[1] != spec.Auth.Extra[1] || a.RedirectPort != 8765 || a.RetryOn401 {
		t.Fatalf("auth %+v", a)
	}
}

func TestEditThroughSymlinkKeepsLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "dotfiles", "why401.toml")
	os.MkdirAll(filepath.Dir(real), 0o700)
	if err := os.WriteFile(real, []byte(commented), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, FileName)
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	if err := AddProfile(link, ProfileSpec{Name: "qa", BaseURL: "https://qa"}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the symlink was replaced: %v", err)
	}
	if !strings.Contains(readText(t, real), "[profiles.qa]") {
		t.Fatal("the link's target was not edited")
	}
}

func TestReplaceAndParse(t *testing.T) {
	path := writeConfig(t, commented)
	bad := commented + "[profiles.qa]\nbase_url = \"nope\"\n"
	if _, err := Parse(path, []byte(bad)); err == nil || !strings.Contains(err.Error(), "not an absolute URL") {
		t.Fatalf("Parse: %v", err)
	}
	if err := Replace(path, []byte(bad)); err == nil {
		t.Fatal("Replace saved an invalid config")
	}
	if readText(t, path) != commented {
		t.Fatal("a refused Replace changed the file")
	}
	good := strings.Replace(commented, "timeout = \"10s\"", "timeout = \"20s\"", 1)
	if err := Replace(path, []byte(good)); err != nil {
		t.Fatal(err)
	}
	if readText(t, path) != good {
		t.Fatal("Replace did not write the new text")
	}
	checkMode(t, path, 0o600)
	checkNoTemps(t, path)
}
