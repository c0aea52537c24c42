package demo

import (
	"net/http"
)

// discovery is the OpenID Provider metadata (OIDC Discovery 1.0), served
// at the RFC 8414 location as well. There is no authorization endpoint:
// users sign in through the device flow, which needs no browser redirect.
func (s *Server) discovery(w http.ResponseWriter, r *http.Request) {
	iss, base := s.issuerFor(r), s.URL()
	writeJSON(w, http.StatusOK, map[string]any{
		"issuer":                                iss,
		"jwks_uri":                              iss + "/jwks.json",
		"token_endpoint":                        iss + "/oauth/token",
		"device_authorization_endpoint":         iss + "/oauth/device_authorization",
		"grant_types_supported":                 []string{"client_credentials", "refresh_token", deviceGrantType},
		"token_endpoint_auth_methods_supported": []string{"client_secret_basic", "client_secret_post", "none"},
		"scopes_supported":                      []string{"orders:read", "orders:write", "gateway:invoke", "mcp:tools", "profile", "openid", "offline_access"},
		"response_types_supported":              []string{},
		"subject_types_supported":               []string{"public"},
		"id_token_signing_alg_values_supported": []string{dpopAlg},
		"acr_values_supported":                  []string{"pwd", "mfa"},
		"dpop_signing_alg_values_supported":     []string{dpopAlg},
		"protected_resources":                   []string{base + apiPath, base + mcpPath, base},
	})
}

// jwks publishes the current key only: the rotated-out key's kid is gone,
// which is what makes its tokens KEY_NOT_FOUND.
func (s *Server) jwks(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=300")
	_, _ = w.Write(s.keys.jwks)
}

// resourceMetadata is RFC 9728 protected resource metadata: the root
// document describes the whole host, the path ones the /v1 API and the
// MCP server. Each resource value is the identifier its URL was built
// from (§3.3), and the token endpoint issues tokens for each.
func (s *Server) resourceMetadata(w http.ResponseWriter, r *http.Request) {
	base := s.URL()
	api := []string{"orders:read", "orders:write", "gateway:invoke", "profile"}
	docs := map[string]map[string]any{
		"":    {"resource": base, "resource_name": "why401 demo API (whole host)", "scopes_supported": api},
		"v1":  {"resource": base + apiPath, "resource_name": "why401 demo API", "scopes_supported": api},
		"mcp": {"resource": base + mcpPath, "resource_name": "why401 demo MCP server", "scopes_supported": []string{"mcp:tools"}},
	}
	doc, ok := docs[r.PathValue("path")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	doc["authorization_servers"] = []string{base}
	doc["bearer_methods_supported"] = []string{"header"}
	doc["dpop_signing_alg_values_supported"] = []string{dpopAlg}
	writeJSON(w, http.StatusOK, doc)
}
