package demo

import (
	"fmt"
	"strings"
)

// Endpoint is one request to the demo and what explaining the answer
// should rank first.
type Endpoint struct {
	Method string
	Path   string
	// Credential is what to send: "none", "Basic", or a token field of
	// Credentials sent as Bearer ("ProdToken", …); see Credentials.Header.
	Credential string
	Intended   string // the diagnosis id that comes first, or "OK"
	Note       string
}

// Endpoints lists the demo's stories: the package doc's table.
func (s *Server) Endpoints() []Endpoint {
	return []Endpoint{
		{"GET", "/v1/me", "ProdToken", "OK", "who you are; any valid token of the /v1 API"},
		{"GET", "/v1/me", "none", "NO_CREDENTIALS", "ASP.NET Core: a bare Bearer challenge"},
		{"GET", "/v1/me", "DevToken", "TOKEN_EXPIRED", "ASP.NET Core: The token expired at '…'"},
		{"GET", "/v1/me", "StagingToken", "AUDIENCE_MISMATCH", "ASP.NET Core: The audience '…' is invalid"},
		{"GET", "/v1/me", "RotatedToken", "KEY_NOT_FOUND", "ASP.NET Core: The signature key was not found (kid rotated out of the JWKS)"},
		{"GET", "/v1/me", "OtherEnvToken", "WRONG_ENVIRONMENT", "ASP.NET Core: The issuer '…' is invalid; iss and aud are the other environment's"},
		{"GET", "/v1/orders", "ProdToken", "INSUFFICIENT_SCOPE", `403 insufficient_scope, scope="orders:read" (a client-credentials token has it)`},
		{"POST", "/v1/orders", "ProdToken", "INSUFFICIENT_SCOPE", `403 insufficient_scope, scope="orders:write"`},
		{"GET", "/v1/admin", "ProdToken", "FORBIDDEN_AUTHZ", "403, no challenge, a Kubernetes RBAC Status body: the admin role is needed"},
		{"GET", "/v1/reports", "ProdToken", "STEP_UP_REQUIRED", `RFC 9470 acr_values="mfa", max_age="300": approve a device sign-in with MFA`},
		{"GET", "/v1/dpop/me", "ProdToken", "DPOP_REQUIRED", `DPoP only: DPoP algs="ES256", then use_dpop_nonce with a DPoP-Nonce`},
		{"GET", "/v1/dpop/me", "DPoPToken", "DPOP_REQUIRED", "a DPoP-bound token (cnf.jkt) sent as Bearer"},
		{"GET", "/v2/me", "ProdToken", "AUTH_STRIPPED_ON_REDIRECT", "307 to this server under its other host name; Authorization does not follow"},
		{"GET", "/inventory/items", "ProdToken", "ISSUER_MISMATCH", "Keycloak: Invalid token issuer (the service knows the IdP as localhost)"},
		{"GET", "/gateway/me", "ProdToken", "NO_CHALLENGE", `API Gateway: 401 {"message":"Unauthorized"}; scope gateway:invoke is needed`},
		{"POST", "/mcp", "ProdToken", "RESOURCE_METADATA", "MCP: invalid_token with resource_metadata; tokens must be for resource …/mcp"},
		{"GET", "/legacy/basic", "ProdToken", "WRONG_SCHEME", "nginx auth_basic: Basic only"},
		{"GET", "/legacy/digest", "ProdToken", "WRONG_SCHEME", "Apache mod_auth_digest: Digest (SHA-256, MD5) only"},
		{"GET", "/registry/v2/demo/app/manifests/latest", "none", "REGISTRY_TOKEN_FLOW", "registry token auth: get a token from /registry/token as the demo user"},
	}
}

// Describe is what `demo serve` prints after the base URL: the identity
// endpoints, the demo credentials and the endpoints, one per line.
func (s *Server) Describe() string {
	base, c := s.URL(), s.Credentials()
	var b strings.Builder
	line := func(name, format string, args ...any) {
		fmt.Fprintf(&b, "%-16s %s\n", name, fmt.Sprintf(format, args...))
	}
	line("issuer", "%s", c.Issuer)
	line("audience", "%s", c.Audience)
	line("discovery", "%s/.well-known/openid-configuration", base)
	line("jwks", "%s (kid %s; the rotated-out kid %s is not published)", c.JWKSURL, s.keys.current.kid, s.keys.rotated.kid)
	line("token", "%s (client_credentials, refresh_token, device_code; resource= for …/mcp)", c.TokenURL)
	line("device", "%s, approve at %s/device", c.DeviceURL, base)
	line("metadata", "%s/.well-known/oauth-protected-resource/v1 and …/mcp", base)
	line("client", "%s secret %s", c.ClientID, c.ClientSecret)
	line("public client", "%s (device flow, no secret)", c.PublicClientID)
	line("user", "%s password %s (Basic, Digest, device sign-in, registry)", c.BasicUser, c.BasicPassword)
	line("dev token", "%s (expired an hour ago)", c.DevToken)
	line("staging token", "%s (issued for %s)", c.StagingToken, c.StagingAudience)
	line("prod token", "%s (valid; no orders:read)", c.ProdToken)
	line("rotated token", "%s (signed with the rotated-out key)", c.RotatedToken)
	line("other-env token", "%s (issuer %s)", c.OtherEnvToken, c.OtherEnvIssuer)
	line("dpop token", "%s (bound to the demo DPoP key, jkt %s)", c.DPoPToken, c.DPoPJKT)
	for _, e := range s.Endpoints() {
		fmt.Fprintf(&b, "%-4s %-40s %-13s → %-25s %s\n", e.Method, e.Path, e.Credential, e.Intended, e.Note)
	}
	return b.String()
}
