package config

import (
	"os"
	"path/filepath"
	"testing"
)

// writeConfig writes text as config.toml in a fresh temp dir.
func writeConfig(t testing.TB, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func readText(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustLoad(t testing.TB, text string) *Config {
	t.Helper()
	cfg, err := Load(writeConfig(t, text))
	if err != nil {
		t.Fatalf("Load: %v\n%s", err, text)
	}
	return cfg
}

func ptr[T any](v T) *T { return &v }

// contractExample is CONTRACT's example config, verbatim.
const contractExample = `default_profile = "staging"          # used when --profile is not given; else the first profile

[profiles.staging]
base_url  = "https://staging.api.example.com"   # required
headers   = { "Accept" = "application/json" }    # sent with every request
protected = false        # default: true when the name contains "prod"; confirm non-GET/HEAD/OPTIONS
history   = true         # default: false when protected
timeout   = "30s"
issuer    = "https://idp.example.com/"   # expected ` + "`iss`" + `; also the discovery base unless ` + "`discovery`" + ` is set
audience  = "api://orders"               # expected in ` + "`aud`" + `
scopes    = ["orders:read"]              # scopes this profile's requests are expected to need
algs      = ["RS256", "ES256"]           # allowed signature algorithms
leeway    = "30s"
jwks_url  = ""           # verification keys: jwks_url, discovery (an issuer URL), key_file
discovery = ""           #   (PEM / JWK / JWKS), or hmac_secret (a secret reference)
key_file  = ""
hmac_secret = ""
introspection_url = ""   # RFC 7662, for opaque tokens
ca_file   = ""           # also used for JWKS, discovery and token endpoints
client_cert = ""         # PEM file; its key is ` + "`client_key`" + `, a secret reference
client_key  = ""
insecure_skip_verify = false             # shown loudly on every screen when true

[profiles.staging.auth]
type = "bearer"          # none | bearer | basic | api_key | oauth2_client_credentials |
                         # oauth2_device | oauth2_auth_code | oauth2_refresh
token = "keyring"        # bearer: a secret reference (below)
# basic:   username = "alice", password = <secret reference>
# api_key: name = "X-API-Key", in = "header" | "query", value = <secret reference>
# oauth2_*: token_url, auth_url, device_url (each optional when ` + "`issuer`/`discovery`" + ` supplies
#           it), client_id, client_secret = <secret reference>, scopes = [...],
#           resource = "...", extra = { k = "v" }, redirect_port = 0 (0: random),
#           refresh_token = <secret reference> (oauth2_refresh: the first refresh token; a
#           rotated one is saved to the keyring item ` + "`refresh_token`" + ` and used from then on),
#           retry_on_401 = true (default)
# introspection (introspection_url) authenticates with the profile's client_id/client_secret.
`
