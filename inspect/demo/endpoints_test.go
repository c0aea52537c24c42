package demo

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestIntendedDiagnosis sends each story's credential and feeds the real
// response to the explainer, with a demo profile's expectations and keys
// and without them: the intended diagnosis must come first either way.
func TestIntendedDiagnosis(t *testing.T) {
	s, clock := startServer(t)
	c := s.Credentials()
	prof := demoProfile(t, s)
	for _, e := range s.Endpoints() {
		t.Run(e.Method+" "+e.Path+" "+e.Credential, func(t *testing.T) {
			auth, ok := c.Header(e.Credential)
			if !ok {
				t.Fatalf("no credential called %q", e.Credential)
			}
			ex := send(t, e.Method, s.URL()+e.Path, auth, nil, bodyFor(e.Method), false)
			if e.Intended == "OK" {
				if ex.status/100 != 2 {
					t.Fatalf("status %d, want 2xx\n%s", ex.status, ex.body)
				}
				return
			}
			if ex.status < 400 {
				t.Fatalf("status %d, want a refusal", ex.status)
			}
			for name, p := range map[string]profile{"with the demo profile": prof, "without expectations": {}} {
				r := explainFirst(ex, clock, p)
				if len(r) == 0 || r[0] != e.Intended {
					t.Errorf("%s: diagnoses %v, want %s first\nstatus %d\nWWW-Authenticate %q\nbody %s",
						name, r, e.Intended, ex.status, ex.header.Values("WWW-Authenticate"), ex.body)
				}
			}
		})
	}
}

func explainFirst(ex exchange, clock *testClock, p profile) []string {
	return diagnosisIDs(explainResult(ex, clock, p))
}

func bodyFor(method string) string {
	if method == http.MethodPost {
		return `{"item":"coffee beans","quantity":1}`
	}
	return ""
}

// TestEveryEndpointVerifies gives every endpoint its right credential (a
// 2xx) and a forged one: valid claims signed by a key that is not in the
// JWKS, under a kid that is (a 401). Basic and Digest get a wrong password.
func TestEveryEndpointVerifies(t *testing.T) {
	s, clock := startServer(t)
	probes := probes()
	seen := map[string]bool{}
	for _, e := range s.Endpoints() {
		key := e.Method + " " + e.Path
		if seen[key] {
			continue
		}
		seen[key] = true
		t.Run(key, func(t *testing.T) {
			probe, ok := probes[key]
			if !ok {
				t.Fatalf("no probe for %s", key)
			}
			if got := probe(t, s, clock, false); got/100 != 2 {
				t.Errorf("right credential: status %d, want 2xx", got)
			}
			if got := probe(t, s, clock, true); got != http.StatusUnauthorized {
				t.Errorf("forged credential: status %d, want 401", got)
			}
		})
	}
}

// probe sends an endpoint its right credential, or a forged one, and
// returns the final status.
type probe func(t *testing.T, s *Server, clock *testClock, forge bool) int

func probes() map[string]probe {
	return map[string]probe{
		"GET /v1/me":        bearerProbe("GET", "/v1/me", nil),
		"GET /v1/orders":    bearerProbe("GET", "/v1/orders", map[string]any{"scope": "orders:read"}),
		"POST /v1/orders":   bearerProbe("POST", "/v1/orders", map[string]any{"scope": "orders:write"}),
		"GET /v1/admin":     bearerProbe("GET", "/v1/admin", map[string]any{"roles": []string{"admin"}}),
		"GET /v1/reports":   reportsProbe,
		"GET /v1/dpop/me":   dpopProbe,
		"GET /v2/me":        movedProbe,
		"GET /gateway/me":   bearerProbe("GET", "/gateway/me", map[string]any{"scope": "gateway:invoke"}),
		"POST /mcp":         mcpProbe,
		"GET /legacy/basic": basicProbe,
		"GET /legacy/digest": func(t *testing.T, s *Server, _ *testClock, forge bool) int {
			return digestProbe(t, s, forge)
		},
		"GET /inventory/items":                       inventoryProbe,
		"GET /registry/v2/demo/app/manifests/latest": registryProbe,
	}
}

// mintFor mints claims with the demo's key, or forges them.
func mintFor(t *testing.T, s *Server, claims map[string]any, forge bool, opts ...MintOption) string {
	if forge {
		opts = append(opts, WithSigningKey(newECKey(t)))
	}
	return mustMint(t, s, claims, opts...)
}

func bearerProbe(method, path string, claims map[string]any) probe {
	return func(t *testing.T, s *Server, _ *testClock, forge bool) int {
		tok := mintFor(t, s, claims, forge)
		return send(t, method, s.URL()+path, "Bearer "+tok, nil, bodyFor(method), false).status
	}
}

func reportsProbe(t *testing.T, s *Server, clock *testClock, forge bool) int {
	tok := mintFor(t, s, map[string]any{"acr": "mfa", "auth_time": clock.Now().Add(-time.Minute)}, forge)
	return send(t, "GET", s.URL()+"/v1/reports", "Bearer "+tok, nil, "", false).status
}

func inventoryProbe(t *testing.T, s *Server, _ *testClock, forge bool) int {
	tok := mintFor(t, s, map[string]any{"iss": otherHost(s.URL())}, forge)
	return send(t, "GET", s.URL()+"/inventory/items", "Bearer "+tok, nil, "", false).status
}

func mcpProbe(t *testing.T, s *Server, _ *testClock, forge bool) int {
	tok := mintFor(t, s, map[string]any{"aud": s.URL() + mcpPath, "scope": "mcp:tools"}, forge)
	return send(t, "POST", s.URL()+mcpPath, "Bearer "+tok, nil, `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`, false).status
}

// movedProbe follows the redirect resending Authorization, as curl
// --location-trusted does; a forged token is refused before the redirect.
func movedProbe(t *testing.T, s *Server, _ *testClock, forge bool) int {
	tok := mintFor(t, s, nil, forge)
	return send(t, "GET", s.URL()+"/v2/me", "Bearer "+tok, nil, "", true).status
}

func basicProbe(t *testing.T, s *Server, _ *testClock, forge bool) int {
	c := s.Credentials()
	req, _ := http.NewRequest("GET", s.URL()+"/legacy/basic", nil)
	pass := c.BasicPassword
	if forge {
		pass += "x"
	}
	req.SetBasicAuth(c.BasicUser, pass)
	return send(t, "GET", s.URL()+"/legacy/basic", req.Header.Get("Authorization"), nil, "", false).status
}

// registryProbe goes through the token service as the demo user, as
// docker login and pull do; the forged token carries the same access.
func registryProbe(t *testing.T, s *Server, _ *testClock, forge bool) int {
	path := s.URL() + "/registry/v2/demo/app/manifests/latest"
	var tok string
	if forge {
		tok = mintFor(t, s, map[string]any{"aud": registryService, "access": []map[string]any{
			{"type": "repository", "name": registryRepo, "actions": []string{"pull"}}}}, true)
	} else {
		tok = registryTokenFor(t, s, "repository:demo/app:pull", true)
	}
	return send(t, "GET", path, "Bearer "+tok, nil, "", false).status
}

func registryTokenFor(t *testing.T, s *Server, scope string, asUser bool) string {
	t.Helper()
	c := s.Credentials()
	req, _ := http.NewRequest("GET", s.URL()+"/registry/token?service="+registryService+"&scope="+scope, nil)
	auth := ""
	if asUser {
		req.SetBasicAuth(c.BasicUser, c.BasicPassword)
		auth = req.Header.Get("Authorization")
	}
	ex := send(t, "GET", req.URL.String(), auth, nil, "", false)
	if ex.status != http.StatusOK {
		t.Fatalf("registry token: %d %s", ex.status, ex.body)
	}
	_, rest, _ := strings.Cut(string(ex.body), `"token":"`)
	tok, _, _ := strings.Cut(rest, `"`)
	return tok
}
