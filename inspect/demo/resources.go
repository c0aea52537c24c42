package demo

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/why401/why401/inspect/token"
)

// stepUpMaxAge is how recent a sign-in /v1/reports wants (RFC 9470 max_age).
const stepUpMaxAge = 5 * time.Minute

// maxBody bounds what a resource reads of a request body.
const maxBody = 64 << 10

// apiPolicy is the /v1 API's: this issuer, and the API's identifier or
// the host-wide one of the root resource metadata.
func (s *Server) apiPolicy() policy {
	base := s.URL()
	return policy{issuer: base, audiences: []string{base + apiPath, base}}
}

// authenticate reads a Bearer token and verifies it under p. On failure it
// has already answered, the way a answers.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request, p policy, a answer) (map[string]any, bool) {
	raw, ok := bearerToken(r)
	if !ok {
		a.noCredentials(w)
		return nil, false
	}
	claims, f := s.verify(raw, p)
	if f != nil {
		a.refuse(w, f)
		return nil, false
	}
	return claims, true
}

// bearerToken reads `Authorization: Bearer <token>`. Other schemes are not
// a Bearer handler's to judge, so they count as nothing sent, as in
// ASP.NET Core (NoResult) and Spring.
func bearerToken(r *http.Request) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	tok = strings.TrimSpace(tok)
	if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
		return "", false
	}
	return tok, true
}

// me says who the token belongs to: any valid token will do.
func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	if claims, ok := s.authenticate(w, r, s.apiPolicy(), aspnet{}); ok {
		writeJSON(w, http.StatusOK, whoami(claims))
	}
}

func whoami(claims map[string]any) map[string]any {
	out := map[string]any{"aud": token.Audiences(claims), "scopes": scopesOf(claims)}
	for _, name := range []string{"sub", "client_id", "iss", "acr", "roles", "cnf"} {
		if v, ok := claims[name]; ok {
			out[name] = v
		}
	}
	for _, name := range []string{"exp", "auth_time"} {
		if t, ok := claimTime(claims, name); ok {
			out[name] = t.Format(time.RFC3339)
		}
	}
	return out
}

func (s *Server) listOrders(w http.ResponseWriter, r *http.Request) {
	claims, ok := s.authenticate(w, r, s.apiPolicy(), aspnet{})
	if !ok {
		return
	}
	if !hasScope(claims, "orders:read") {
		insufficientScope(w, "orders:read")
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"orders": []map[string]any{
		{"id": "ord_1001", "item": "coffee beans", "quantity": 2, "status": "shipped"},
		{"id": "ord_1002", "item": "grinder", "quantity": 1, "status": "processing"},
	}})
}

func (s *Server) createOrder(w http.ResponseWriter, r *http.Request) {
	claims, ok := s.authenticate(w, r, s.apiPolicy(), aspnet{})
	if !ok {
		return
	}
	if !hasScope(claims, "orders:write") {
		insufficientScope(w, "orders:write")
		return
	}
	var order map[string]any
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&order); err != nil || order == nil {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusBadRequest)
		_, _ = fmt.Fprintf(w, `{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The body must be a JSON object.","status":400}`)
		return
	}
	id := "ord_" + strings.ToLower(rand.Text()[:8])
	w.Header().Set("Location", "/v1/orders/"+id)
	writeJSON(w, http.StatusCreated, map[string]any{"id": id, "status": "created", "order": order})
}

// admin wants the admin role; without it the answer is an authorization
// decision, worded as the Kubernetes API server's RBAC denial.
func (s *Server) admin(w http.ResponseWriter, r *http.Request) {
	claims, ok := s.authenticate(w, r, s.apiPolicy(), aspnet{})
	if !ok {
		return
	}
	if !slices.Contains(token.Strings(claims["roles"]), "admin") {
		forbiddenStatus(w, claimString(claims, "sub"))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"admin": true, "settings": map[string]any{"maintenance": false}})
}

// forbiddenStatus is a Kubernetes Status object: 403, no challenge,
// since the caller is known and simply not allowed.
func forbiddenStatus(w http.ResponseWriter, user string) {
	const group = "demo.why401.dev"
	msg := fmt.Sprintf(`admin "settings" is forbidden: User %q cannot get resource "admin" in API group %q at the cluster scope`, user, group)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	writeJSON(w, http.StatusForbidden, map[string]any{
		"kind": "Status", "apiVersion": "v1", "metadata": map[string]any{}, "status": "Failure",
		"message": msg, "reason": "Forbidden", "code": http.StatusForbidden,
		"details": map[string]any{"name": "settings", "group": group, "kind": "admin"},
	})
}

// reports wants a multi-factor sign-in no older than stepUpMaxAge
// (RFC 9470): acr and auth_time, which only a user's sign-in carries.
func (s *Server) reports(w http.ResponseWriter, r *http.Request) {
	claims, ok := s.authenticate(w, r, s.apiPolicy(), aspnet{})
	if !ok {
		return
	}
	at, hasAT := claimTime(claims, "auth_time")
	switch {
	case claimString(claims, "acr") != "mfa":
		stepUp(w, "A different authentication level is required")
	case !hasAT || s.now().Sub(at) > stepUpMaxAge:
		stepUp(w, "More recent authentication is required")
	default:
		writeJSON(w, http.StatusOK, map[string]any{"report": "quarterly revenue", "figures": []int{120, 135, 150}})
	}
}

func stepUp(w http.ResponseWriter, desc string) {
	w.Header().Set("WWW-Authenticate", challengeOf("Bearer", q("error", "insufficient_user_authentication"),
		q("error_description", desc), q("acr_values", "mfa"), q("max_age", fmt.Sprint(int(stepUpMaxAge/time.Second)))))
	w.WriteHeader(http.StatusUnauthorized)
}

// movedMe authenticates, then sends the client to the same server under
// its other name: a client that follows redirects drops Authorization on
// the way (it is another host), and the target answers 401.
func (s *Server) movedMe(w http.ResponseWriter, r *http.Request) {
	if _, ok := s.authenticate(w, r, s.apiPolicy(), aspnet{}); ok {
		to := otherHost(s.URL())
		if to == "http://"+r.Host { // the client already uses the other name
			to = s.URL()
		}
		http.Redirect(w, r, to+"/v1/me", http.StatusTemporaryRedirect)
	}
}

// inventory is a service behind a Keycloak adapter configured with the
// identity provider's other host name, the classic frontend-URL mismatch:
// the demo's own tokens carry the 127.0.0.1 issuer.
func (s *Server) inventory(w http.ResponseWriter, r *http.Request) {
	base := s.URL()
	p := policy{issuer: otherHost(base), audiences: []string{base + apiPath, base}}
	if _, ok := s.authenticate(w, r, p, keycloak{realm: "demo", issuer: p.issuer}); ok {
		writeJSON(w, http.StatusOK, map[string]any{"items": []map[string]any{{"sku": "BEAN-1KG", "stock": 42}}})
	}
}

// gateway stands behind an API Gateway authorizer that wants the scope
// gateway:invoke and says nothing but Unauthorized.
func (s *Server) gateway(w http.ResponseWriter, r *http.Request) {
	claims, ok := s.authenticate(w, r, s.apiPolicy(), gateway{})
	if !ok {
		return
	}
	if !hasScope(claims, "gateway:invoke") {
		gatewayUnauthorized(w)
		return
	}
	w.Header().Set("x-amzn-RequestId", requestID())
	writeJSON(w, http.StatusOK, whoami(claims))
}

// mcp is an MCP server (Streamable HTTP) whose tokens must be issued for
// its own resource identifier, which its RFC 9728 metadata names.
func (s *Server) mcp(w http.ResponseWriter, r *http.Request) {
	base := s.URL()
	meta := base + "/.well-known/oauth-protected-resource" + mcpPath
	claims, ok := s.authenticate(w, r, policy{issuer: base, audiences: []string{base + mcpPath}}, mcpServer{metadata: meta})
	if !ok {
		return
	}
	if !hasScope(claims, "mcp:tools") {
		insufficientScope(w, "mcp:tools", q("resource_metadata", meta))
		return
	}
	var req struct {
		ID any `json:"id"`
	}
	_ = json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&req) // a notification has no id
	writeJSON(w, http.StatusOK, map[string]any{"jsonrpc": "2.0", "id": req.ID, "result": map[string]any{
		"tools": []map[string]any{{"name": "whoami", "description": "Says whose token this is: " + claimString(claims, "sub")}},
	}})
}
