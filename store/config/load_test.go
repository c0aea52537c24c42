package config

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// broken is a config with one problem and what Load must say about it.
type broken struct {
	name   string
	text   string
	line   int
	key    string
	phrase string
}

// brokenConfigs: each has exactly one problem, on a known line.
var brokenConfigs = []broken{
	{"toml syntax", "[profiles.dev\nbase_url = \"https://a\"\n", 1, "", "invalid TOML"},
	{"toml unterminated string", "[profiles.dev]\nbase_url = \"https://a\n", 2, "", "invalid TOML"},
	{"toml duplicate key", "[profiles.dev]\nbase_url = \"https://a\"\nbase_url = \"https://b\"\n", 3, "base_url", "already defined"},
	{"unknown top-level key", "defualt_profile = \"dev\"\n[profiles.dev]\nbase_url = \"https://a\"\n", 1, "defualt_profile", "did you mean default_profile"},
	{"unknown profile key", "[profiles.dev]\nbase_url = \"https://a\"\nbase_ulr = \"https://a\"\n", 3, "profiles.dev.base_ulr", "did you mean base_url"},
	{"unknown auth key", "[profiles.staging]\nbase_url = \"https://a\"\n[profiles.staging.auth]\ntype = \"bearer\"\ntokne = \"keyring\"\n", 5, "profiles.staging.auth.tokne", "did you mean token"},
	{"unknown key far from any", "[profiles.dev]\nbase_url = \"https://a\"\ncolour = \"red\"\n", 3, "profiles.dev.colour", "unknown key in a profile, which takes base_url"},
	{"timeout is a number", "[profiles.dev]\nbase_url = \"https://a\"\ntimeout = 30\n", 3, "profiles.dev.timeout", `duration string such as "30s"`},
	{"auth scopes is a string", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\ntoken_url = \"https://idp/t\"\nclient_id = \"c\"\nclient_secret = \"keyring\"\nscopes = \"a b\"\n", 8, "profiles.dev.auth.scopes", "must be an array of strings"},
	{"protected is a string", "[profiles.dev]\nbase_url = \"https://a\"\nprotected = \"yes\"\n", 3, "profiles.dev.protected", "true or false"},
	{"bad duration", "[profiles.dev]\nbase_url = \"https://a\"\ntimeout = \"30 seconds\"\n", 3, "profiles.dev.timeout", "is not a duration"},
	{"zero timeout", "[profiles.dev]\nbase_url = \"https://a\"\ntimeout = \"0s\"\n", 3, "profiles.dev.timeout", "more than zero"},
	{"negative leeway", "[profiles.dev]\nbase_url = \"https://a\"\nleeway = \"-5s\"\n", 3, "profiles.dev.leeway", "must not be negative"},
	{"missing base_url", "[profiles.dev]\ntimeout = \"5s\"\n", 1, "profiles.dev.base_url", "is required"},
	{"base_url not absolute", "[profiles.dev]\nbase_url = \"api.example.com\"\n", 2, "profiles.dev.base_url", "not an absolute URL"},
	{"base_url not http", "[profiles.dev]\nbase_url = \"ftp://api.example.com\"\n", 2, "profiles.dev.base_url", "http or https"},
	{"base_url with query", "[profiles.dev]\nbase_url = \"https://api.example.com/?v=1\"\n", 2, "profiles.dev.base_url", "must not have a query"},
	{"base_url with credentials", "[profiles.dev]\nbase_url = \"https://bob:hunter2@api.example.com\"\n", 2, "profiles.dev.base_url", "user:password@"},
	{"jwks_url plain http", "[profiles.dev]\nbase_url = \"https://a\"\njwks_url = \"http://idp.example.com/jwks\"\n", 3, "profiles.dev.jwks_url", "must use https"},
	{"issuer with fragment", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com/#x\"\n", 3, "profiles.dev.issuer", "fragment"},
	{"unknown auth type", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"jwt\"\n", 4, "profiles.dev.auth.type", `is "jwt", not an auth type`},
	{"auth without type", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntoken = \"keyring\"\n", 3, "profiles.dev.auth.type", "is required"},
	{"bearer without token", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"bearer\"\n", 4, "profiles.dev.auth.token", "auth type bearer needs token"},
	{"bearer with empty token", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"bearer\"\ntoken = \"\"\n", 5, "profiles.dev.auth.token", "needs token"},
	{"basic without password", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"basic\"\nusername = \"alice\"\n", 4, "profiles.dev.auth.password", "needs password"},
	{"basic without username", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"basic\"\npassword = \"prompt\"\n", 4, "profiles.dev.auth.username", "needs username"},
	{"basic user with colon", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"basic\"\nusername = \"a:b\"\npassword = \"prompt\"\n", 5, "profiles.dev.auth.username", "RFC 7617"},
	{"api_key without value", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"api_key\"\nname = \"X-API-Key\"\n", 4, "profiles.dev.auth.value", "needs value"},
	{"api_key without name", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"api_key\"\nvalue = \"env:API_KEY\"\n", 4, "profiles.dev.auth.name", "needs name"},
	{"api_key in body", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"api_key\"\nname = \"k\"\nin = \"body\"\nvalue = \"keyring\"\n", 6, "profiles.dev.auth.in", `"header" or "query"`},
	{"api_key bad header name", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"api_key\"\nname = \"X API Key\"\nvalue = \"keyring\"\n", 5, "profiles.dev.auth.name", "not a valid header name"},
	{"client credentials without token_url", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_id = \"c\"\nclient_secret = \"keyring\"\n", 4, "profiles.dev.auth.token_url", "or set issuer or discovery"},
	{"client credentials without client_id", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_secret = \"keyring\"\n", 5, "profiles.dev.auth.client_id", "needs client_id"},
	{"client credentials without secret", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_id = \"c\"\n", 5, "profiles.dev.auth.client_secret", "mutual-TLS"},
	{"device without device_url", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"oauth2_device\"\nclient_id = \"c\"\ntoken_url = \"https://idp.example.com/token\"\n", 4, "profiles.dev.auth.device_url", "needs device_url"},
	{"auth code without auth_url", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"oauth2_auth_code\"\nclient_id = \"c\"\ntoken_url = \"https://idp.example.com/token\"\n", 4, "profiles.dev.auth.auth_url", "needs auth_url"},
	{"refresh without refresh_token", "[profiles.dev]\nbase_url = \"https://a\"\ndiscovery = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_refresh\"\nclient_id = \"c\"\n", 5, "profiles.dev.auth.refresh_token", "needs refresh_token"},
	{"redirect port out of range", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_auth_code\"\nclient_id = \"c\"\nredirect_port = 70000\n", 7, "profiles.dev.auth.redirect_port", "port from 1 to 65535"},
	{"token_url over http", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_id = \"c\"\nclient_secret = \"keyring\"\ntoken_url = \"http://idp.example.com/token\"\n", 7, "profiles.dev.auth.token_url", "must use https"},
	{"literal bearer token", "[profiles.staging]\nbase_url = \"https://a\"\n[profiles.staging.auth]\ntype = \"bearer\"\ntoken = \"eyJhbGciOiJIUzI1NiJ9.e30.sig\"\n", 5, "profiles.staging.auth.token", `why401 secret set staging token`},
	{"literal client secret", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\ntoken_url = \"https://idp/t\"\nclient_id = \"c\"\nclient_secret = \"s3cr3t-v4lue\"\n", 7, "profiles.dev.auth.client_secret", `why401 secret set dev client_secret`},
	{"literal hmac secret", "[profiles.dev]\nbase_url = \"https://a\"\nhmac_secret = \"0123456789abcdef\"\n", 3, "profiles.dev.hmac_secret", `why401 secret set dev hmac_secret`},
	{"bad env reference", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"bearer\"\ntoken = \"env:1BAD\"\n", 5, "profiles.dev.auth.token", "does not name an environment variable"},
	{"secret as a number", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"bearer\"\ntoken = 12345\n", 5, "profiles.dev.auth.token", `token = "keyring"; it is an integer`},
	{"extra carries a secret", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_id = \"c\"\nclient_secret = \"keyring\"\nextra = { client_secret = \"x\" }\n", 8, "profiles.dev.auth.extra.client_secret", "literal secret"},
	{"key of another auth type", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"bearer\"\ntoken = \"keyring\"\nusername = \"alice\"\n", 6, "profiles.dev.auth.username", "not used by auth type bearer"},
	{"bad profile name", "[profiles.Staging]\nbase_url = \"https://a\"\n", 1, "profiles.Staging", "lowercase letters"},
	{"profile name too long", "[profiles." + strings.Repeat("a", 64) + "]\nbase_url = \"https://a\"\n", 1, "profiles." + strings.Repeat("a", 64), "1 to 63"},
	{"default_profile missing", "default_profile = \"prod\"\n[profiles.dev]\nbase_url = \"https://a\"\n", 1, "default_profile", "not in this file; add [profiles.prod] or name one of: dev"},
	{"duplicate header names", "[profiles.dev]\nbase_url = \"https://a\"\nheaders = { \"Accept\" = \"a\", \"accept\" = \"b\" }\n", 3, "profiles.dev.headers.accept", "case-insensitive"},
	{"authorization header", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.headers]\nAuthorization = \"Bearer abc\"\n", 4, "profiles.dev.headers.Authorization", "literal secret"},
	{"headers not a table", "[profiles.dev]\nbase_url = \"https://a\"\nheaders = [\"Accept\"]\n", 3, "profiles.dev.headers", "must be a table"},
	{"client_cert without client_key", "[profiles.dev]\nbase_url = \"https://a\"\nclient_cert = \"c.pem\"\n", 3, "profiles.dev.client_cert", "needs client_key"},
	{"client_key without client_cert", "[profiles.dev]\nbase_url = \"https://a\"\nclient_key = \"keyring\"\n", 3, "profiles.dev.client_key", "without client_cert"},
	{"alg none", "[profiles.dev]\nbase_url = \"https://a\"\nalgs = [\"RS256\", \"none\"]\n", 3, "profiles.dev.algs", "element 2 is \"none\""},
	{"unknown alg", "[profiles.dev]\nbase_url = \"https://a\"\nalgs = [\"RS257\"]\n", 3, "profiles.dev.algs", "not a JWS algorithm"},
	{"profiles not a table", "profiles = \"dev\"\n", 1, "profiles", "must be a table"},
	{"array of profiles", "[[profiles]]\nbase_url = \"https://a\"\n", 1, "profiles", "must be a table"},
	{"header value with a line break", "[profiles.dev]\nbase_url = \"https://a\"\nheaders = { X = \"a\\nb\" }\n", 3, "profiles.dev.headers.X", "line break"},
	{"header name with a space", "[profiles.dev]\nbase_url = \"https://a\"\nheaders = { \"X Y\" = \"1\" }\n", 3, `profiles.dev.headers."X Y"`, "not a valid header name"},
	{"header value not a string", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.headers]\nX-N = 1\n", 4, "profiles.dev.headers.X-N", "must be a string"},
	{"key with a line break", "\"bad\\nkey\" = 1\n", 1, `"bad\nkey"`, "unknown key in the top level"},
	{"default_profile not a name", "default_profile = \"Prod\"\n[profiles.dev]\nbase_url = \"https://a\"\n", 1, "default_profile", `"Prod" is not a profile name`},
	{"default_profile without profiles", "default_profile = \"dev\"\n", 1, "default_profile", "the file has no profiles"},
	{"extra sets grant_type", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_id = \"c\"\nclient_secret = \"keyring\"\nextra = { grant_type = \"password\" }\n", 8, "profiles.dev.auth.extra.grant_type", "sent by the oauth2_client_credentials flow itself"},
	{"extra sets scope", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_id = \"c\"\nclient_secret = \"keyring\"\nextra = { scope = \"a\" }\n", 8, "profiles.dev.auth.extra.scope", "set scopes in [auth]"},
	{"scope with a space", "[profiles.dev]\nbase_url = \"https://a\"\nscopes = [\"a b\"]\n", 3, "profiles.dev.scopes", "element 1 is not a scope"},
	{"scopes with a number", "[profiles.dev]\nbase_url = \"https://a\"\nscopes = [\"a\", 2]\n", 3, "profiles.dev.scopes", "element 2 is an integer"},
	{"redirect port as a string", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_auth_code\"\nclient_id = \"c\"\nredirect_port = \"8080\"\n", 7, "profiles.dev.auth.redirect_port", "must be an integer"},
	{"timeout as a date", "[profiles.dev]\nbase_url = \"https://a\"\ntimeout = 2024-01-01\n", 3, "profiles.dev.timeout", "it is a date or time"},
	{"auth is a string", "[profiles.dev]\nbase_url = \"https://a\"\nauth = \"bearer\"\n", 3, "profiles.dev.auth", "must be a table"},
	{"profile is a string", "[profiles]\ndev = \"https://a\"\n", 2, "profiles.dev", "must be a table"},
	{"none with a token", "[profiles.dev]\nbase_url = \"https://a\"\n[profiles.dev.auth]\ntype = \"none\"\ntoken = \"keyring\"\n", 5, "profiles.dev.auth.token", "takes no other keys"},
	{"resource with fragment", "[profiles.dev]\nbase_url = \"https://a\"\nissuer = \"https://idp.example.com\"\n[profiles.dev.auth]\ntype = \"oauth2_client_credentials\"\nclient_id = \"c\"\nclient_secret = \"keyring\"\nresource = \"https://api#x\"\n", 8, "profiles.dev.auth.resource", "fragment"},
}

func TestLoadBrokenConfigs(t *testing.T) {
	for _, tc := range brokenConfigs {
		t.Run(tc.name, func(t *testing.T) {
			path := writeConfig(t, tc.text)
			cfg, err := Load(path)
			if err == nil {
				t.Fatalf("Load accepted it: %+v", cfg)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not an *Error: %v", err, err)
			}
			if _, many := err.(ErrorList); many {
				t.Fatalf("want one problem, got:\n%v", err)
			}
			if e.File != path || e.Line != tc.line || e.Key != tc.key || !strings.Contains(e.Msg, tc.phrase) {
				t.Fatalf("got  %s:%d key %q: %s\nwant line %d key %q, message containing %q", e.File, e.Line, e.Key, e.Msg, tc.line, tc.key, tc.phrase)
			}
			checkOneLine(t, err)
		})
	}
}

func checkOneLine(t *testing.T, err error) {
	t.Helper()
	s := err.Error()
	if strings.ContainsAny(s, "\r\n") {
		t.Fatalf("error is not one line: %q", s)
	}
	if !strings.Contains(s, ".toml:") {
		t.Fatalf("error does not name the file: %q", s)
	}
}

func TestLoadReportsEveryProblemInLineOrder(t *testing.T) {
	text := `[profiles.b]
base_url = "https://a"
timeout = 3

[profiles.a]
base_ulr = "https://a"

[profiles.b.auth]
type = "bearer"
token = "not-a-reference-value"
`
	path := writeConfig(t, text)
	_, err := Load(path)
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("want an ErrorList, got %T: %v", err, err)
	}
	var got []string
	for _, e := range list {
		got = append(got, e.Key)
	}
	want := []string{"profiles.b.timeout", "profiles.a.base_ulr", "profiles.b.auth.token"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("keys %v, want %v\n%v", got, want, err)
	}
	var first *Error
	if !errors.As(err, &first) || first.Key != want[0] {
		t.Fatalf("errors.As finds %v, want the first problem", first)
	}
	if n := strings.Count(err.Error(), "\n"); n != len(want)-1 {
		t.Fatalf("want one line per problem:\n%v", err)
	}
	if strings.Contains(err.Error(), "not-a-reference-value") {
		t.Fatalf("the literal secret is echoed: %v", err)
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(t.TempDir() + "/config.toml")
	if !errors.Is(err, ErrNoConfig) {
		t.Fatalf("got %v, want ErrNoConfig", err)
	}
}

func TestLoadTooLarge(t *testing.T) {
	_, err := Load(writeConfig(t, "# "+strings.Repeat("x", maxFileSize)+"\n"))
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Msg, "larger than") {
		t.Fatalf("got %v", err)
	}
}

func TestLoadContractExample(t *testing.T) {
	cfg := mustLoad(t, contractExample)
	p, ok := cfg.Default()
	if !ok || p.Name != "staging" || cfg.DefaultProfile != "staging" {
		t.Fatalf("default %+v %v", p, ok)
	}
	if p.BaseURL.String() != "https://staging.api.example.com" || p.Issuer != "https://idp.example.com/" ||
		p.Audience != "api://orders" || p.Timeout != 30*time.Second || p.Leeway != 30*time.Second ||
		strings.Join(p.Scopes, ",") != "orders:read" || strings.Join(p.Algs, ",") != "RS256,ES256" ||
		p.Protected || !p.History || !p.ProtectedSet || !p.HistorySet || p.InsecureSkipVerify {
		t.Fatalf("profile %+v", p)
	}
	if len(p.Headers) != 1 || p.Headers[0] != (Header{"Accept", "application/json"}) {
		t.Fatalf("headers %+v", p.Headers)
	}
	if p.JWKSURL != nil || p.Discovery != nil || p.KeyFile != "" || !p.HMACSecret.IsZero() || !p.ClientKey.IsZero() {
		t.Fatalf("empty strings must mean unset: %+v", p)
	}
	if p.Auth.Type != AuthBearer || p.Auth.Token.String() != "keyring" {
		t.Fatalf("auth %+v", p.Auth)
	}
	if p.DiscoveryBase().String() != "https://idp.example.com/" {
		t.Fatalf("discovery base %v", p.DiscoveryBase())
	}
}

func TestTemplateLoads(t *testing.T) {
	cfg := mustLoad(t, Template())
	if len(cfg.Profiles) != 0 {
		t.Fatalf("template defines profiles: %v", cfg.Names())
	}
	for _, k := range append(append(rootKeys(), profileKeys()...), allAuthKeys()...) {
		if !strings.Contains(Template(), k) {
			t.Errorf("template does not mention %s", k)
		}
	}
}

// TestTemplateExampleIsValid uncomments the template's example lines
// ("# key = …", "# [table]") and loads the result.
func TestTemplateExampleIsValid(t *testing.T) {
	var b strings.Builder
	for _, l := range strings.Split(Template(), "\n") {
		rest, ok := strings.CutPrefix(l, "# ")
		if ok && rest != "" && (rest[0] == '[' || rest[0] >= 'a' && rest[0] <= 'z' && strings.Contains(rest, "=")) {
			l = rest
		}
		b.WriteString(l + "\n")
	}
	cfg, err := Load(writeConfig(t, b.String()))
	if err != nil {
		t.Fatalf("uncommented template: %v\n%s", err, b.String())
	}
	p, ok := cfg.Default()
	if !ok || p.Name != "staging" || p.Auth.Type != AuthBearer || p.ClientCert == "" || p.KeyFile == "" {
		t.Fatalf("uncommented template gives %+v", cfg)
	}
}
