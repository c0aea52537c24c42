package config

// Template is a commented starter config: every key of CONTRACT with its
// meaning and default, all commented out, so it loads as a valid config
// with no profiles. AddProfile starts a new file with it; the docs show it.
// Lines "# key = …" are the example profile; "#   …" lines are notes.
func Template() string { return template }

const template = `# why401 configuration.
#
# One [profiles.NAME] table per environment (names: lowercase letters,
# digits, "_" and "-"). Secrets are never written here: a secret key takes
# a reference instead —
#   "keyring"   the OS keyring; store the value with: why401 secret set PROFILE KEY
#   "env:NAME"  an environment variable
#   "cmd:LINE"  the output of a command, run without a shell
#   "prompt"    asked once per run, without echo
#
# The example below shows every key; remove the "# " to use a line.

# default_profile = "staging"          # used when --profile is not given; else the first profile

# [profiles.staging]
# base_url  = "https://staging.api.example.com"   # required
# headers   = { "Accept" = "application/json" }    # sent with every request
# protected = false        # default: true when the name contains "prod"; confirms non-GET/HEAD/OPTIONS
# history   = true         # default: false when protected
# timeout   = "30s"        # default 30s
# issuer    = "https://idp.example.com/"   # expected iss; also the discovery base unless discovery is set
# audience  = "api://orders"               # expected in aud
# scopes    = ["orders:read"]              # scopes this profile's requests are expected to need
# algs      = ["RS256", "ES256"]           # allowed signature algorithms
# leeway    = "30s"        # clock leeway for exp/nbf; default 0s
# jwks_url  = "https://idp.example.com/.well-known/jwks.json"   # verification keys: jwks_url,
# discovery = "https://idp.example.com/"   #   discovery (an issuer URL), key_file (PEM / JWK / JWKS),
# key_file  = "keys/staging.jwks.json"     #   or hmac_secret (a secret reference)
# hmac_secret = "keyring"
# introspection_url = "https://idp.example.com/oauth2/introspect"   # RFC 7662, for opaque tokens
# ca_file   = "certs/ca.pem"               # also used for JWKS, discovery and token endpoints
# client_cert = "certs/client.pem"         # PEM file; its key is client_key, a secret reference
# client_key  = "keyring"
# insecure_skip_verify = false             # shown loudly on every screen when true
#
#   Relative file paths are relative to this file's directory; "~/" is your home.

# [profiles.staging.auth]
# type = "bearer"          # none | bearer | basic | api_key | oauth2_client_credentials |
#                          # oauth2_device | oauth2_auth_code | oauth2_refresh
# token = "keyring"        # bearer: a secret reference
#
#   basic:    username = "alice", password = <secret reference>
#   api_key:  name = "X-API-Key", in = "header" (default) | "query", value = <secret reference>
#   oauth2_*: client_id = "…", client_secret = <secret reference>,
#             token_url, auth_url (auth_code), device_url (device) — each optional
#               when the profile's issuer or discovery supplies it,
#             scopes = ["openid"], resource = "https://api.example.com" (RFC 8707),
#             extra = { audience = "api" } (more token-request parameters),
#             redirect_port = 0 (auth_code; 0: a random free port),
#             refresh_token = <secret reference> (oauth2_refresh: the first refresh token;
#               a rotated one is saved to the keyring item refresh_token),
#             retry_on_401 = true (default: refresh and retry once after a 401)
#   Introspection authenticates with the profile's client_id and client_secret.
`
