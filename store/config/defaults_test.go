package config

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestProtectedAndHistoryDefaults(t *testing.T) {
	cases := []struct {
		name, extra              string
		protected, history       bool
		protectedSet, historySet bool
	}{
		{"staging", "", false, true, false, false},
		{"prod", "", true, false, false, false},
		{"preprod-eu", "", true, false, false, false},
		{"production", "", true, false, false, false},
		{"prod", "protected = false\n", false, true, true, false},
		{"prod", "history = true\n", true, true, false, true},
		{"dev", "protected = true\n", true, false, true, false},
		{"dev", "protected = true\nhistory = true\n", true, true, true, true},
		{"dev", "history = false\n", false, false, false, true},
	}
	for _, tc := range cases {
		text := "[profiles." + tc.name + "]\nbase_url = \"https://a\"\n" + tc.extra
		p := mustLoad(t, text).Profiles[0]
		if p.Protected != tc.protected || p.History != tc.history || p.ProtectedSet != tc.protectedSet || p.HistorySet != tc.historySet {
			t.Errorf("%s %q: protected %v (set %v), history %v (set %v); want %v (%v), %v (%v)", tc.name, tc.extra,
				p.Protected, p.ProtectedSet, p.History, p.HistorySet, tc.protected, tc.protectedSet, tc.history, tc.historySet)
		}
	}
}

func TestOtherDefaults(t *testing.T) {
	cfg := mustLoad(t, `[profiles.dev]
base_url = "https://a"

[profiles.cc]
base_url = "https://a"
issuer = "https://idp.example.com"
[profiles.cc.auth]
type = "oauth2_client_credentials"
client_id = "c"
client_secret = "env:CLIENT_SECRET"

[profiles.noretry]
base_url = "https://a"
discovery = "http://127.0.0.1:8080"
[profiles.noretry.auth]
type = "oauth2_device"
client_id = "c"
retry_on_401 = false

[profiles.key]
base_url = "https://a"
[profiles.key.auth]
type = "api_key"
name = "X-API-Key"
value = "cmd:pass show api"
`)
	dev, _ := cfg.Profile("dev")
	if dev.Timeout != DefaultTimeout || dev.Leeway != 0 || dev.Auth.Type != AuthNone || !dev.Auth.RetryOn401 || dev.Algs != nil {
		t.Errorf("dev: %+v", dev)
	}
	cc, _ := cfg.Profile("cc")
	if !cc.Auth.RetryOn401 || cc.Auth.TokenURL != nil || cc.DiscoveryBase().String() != "https://idp.example.com" ||
		cc.Auth.ClientSecret.String() != "env:CLIENT_SECRET" {
		t.Errorf("cc: %+v", cc.Auth)
	}
	nr, _ := cfg.Profile("noretry")
	if nr.Auth.RetryOn401 || nr.DiscoveryBase().String() != "http://127.0.0.1:8080" {
		t.Errorf("noretry: %+v", nr.Auth)
	}
	key, _ := cfg.Profile("key")
	if key.Auth.In != InHeader || key.Auth.Value.String() != "cmd:pass show api" {
		t.Errorf("key: %+v", key.Auth)
	}
}

func TestDefaultProfile(t *testing.T) {
	profiles := "[profiles.zeta]\nbase_url = \"https://a\"\n[profiles.alpha]\nbase_url = \"https://a\"\n[profiles.mid]\nbase_url = \"https://a\"\n"
	cfg := mustLoad(t, profiles)
	if p, ok := cfg.Default(); !ok || p.Name != "zeta" {
		t.Errorf("without default_profile the first profile in the file is the default, got %q", p.Name)
	}
	if got := strings.Join(cfg.Names(), ","); got != "zeta,alpha,mid" {
		t.Errorf("profiles not in file order: %s", got)
	}
	cfg = mustLoad(t, "default_profile = \"mid\"\n"+profiles)
	if p, ok := cfg.Default(); !ok || p.Name != "mid" {
		t.Errorf("default_profile ignored, got %q", p.Name)
	}
	if _, ok := mustLoad(t, "# nothing yet\n").Default(); ok {
		t.Error("an empty config has a default profile")
	}
	if _, ok := cfg.Profile("nope"); ok {
		t.Error("Profile found a missing profile")
	}
}

func TestOrderAndPaths(t *testing.T) {
	path := writeConfig(t, `[profiles.dev]
base_url = "https://a"
headers = { "X-B" = "2", "Accept" = "a", "X-A" = "1" }
ca_file = "certs/ca.pem"
key_file = "/etc/keys.jwks"
client_cert = "../client.pem"
client_key = "prompt"
[profiles.dev.auth]
type = "oauth2_auth_code"
client_id = "c"
auth_url = "https://idp.example.com/authorize?prompt=login"
token_url = "https://idp.example.com/token"
redirect_port = 8765
extra = { z = "1", a = "2", m = "3" }
resource = "api://orders"
scopes = ["openid", "orders:read"]
`)
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p := cfg.Profiles[0]
	var names []string
	for _, h := range p.Headers {
		names = append(names, h.Name)
	}
	if strings.Join(names, ",") != "X-B,Accept,X-A" {
		t.Errorf("headers not in file order: %v", names)
	}
	names = nil
	for _, e := range p.Auth.Extra {
		names = append(names, e.Name)
	}
	if strings.Join(names, ",") != "z,a,m" {
		t.Errorf("extra not in file order: %v", names)
	}
	dir := filepath.Dir(path)
	if p.CAFile != filepath.Join(dir, "certs/ca.pem") || p.KeyFile != "/etc/keys.jwks" || p.ClientCert != filepath.Join(filepath.Dir(dir), "client.pem") {
		t.Errorf("paths: %q %q %q", p.CAFile, p.KeyFile, p.ClientCert)
	}
	if p.Auth.RedirectPort != 8765 || p.Auth.AuthURL.Query().Get("prompt") != "login" || p.Auth.Resource != "api://orders" {
		t.Errorf("auth: %+v", p.Auth)
	}
	if p.Timeout != 30*time.Second {
		t.Errorf("timeout %v", p.Timeout)
	}
}

func TestHomeAndIssuerStrings(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	p := mustLoad(t, "[profiles.dev]\nbase_url = \"https://a\"\nca_file = \"~/certs/ca.pem\"\nissuer = \"accounts.google.com\"\n").Profiles[0]
	if p.CAFile != filepath.Join(home, "certs/ca.pem") {
		t.Errorf("ca_file %q", p.CAFile)
	}
	// An issuer that is not a URL is only an expectation, not a discovery base.
	if p.Issuer != "accounts.google.com" || p.DiscoveryBase() != nil {
		t.Errorf("issuer %q, discovery base %v", p.Issuer, p.DiscoveryBase())
	}
}

func TestAuthTypeHelpers(t *testing.T) {
	var oauth []string
	for _, at := range AuthTypes() {
		if at.IsOAuth2() {
			oauth = append(oauth, string(at))
		}
	}
	if strings.Join(oauth, ",") != "oauth2_client_credentials,oauth2_device,oauth2_auth_code,oauth2_refresh" {
		t.Errorf("IsOAuth2: %v", oauth)
	}
}
