package demo

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// answer is how one kind of server refuses a request: the headers and
// body a real framework of that kind sends.
type answer interface {
	noCredentials(w http.ResponseWriter)
	refuse(w http.ResponseWriter, f *failure)
}

// aspnet answers as ASP.NET Core's JwtBearer handler does: a bare Bearer
// challenge when nothing was sent, else invalid_token with the handler's
// error_description, and no body either way.
type aspnet struct{}

func (aspnet) noCredentials(w http.ResponseWriter) {
	w.Header().Set("Server", "Kestrel")
	w.Header().Set("WWW-Authenticate", "Bearer")
	w.WriteHeader(http.StatusUnauthorized)
}

func (aspnet) refuse(w http.ResponseWriter, f *failure) {
	params := []string{q("error", "invalid_token")}
	if d := aspnetDescription(f); d != "" {
		params = append(params, q("error_description", d))
	}
	w.Header().Set("Server", "Kestrel")
	w.Header().Set("WWW-Authenticate", challengeOf("Bearer", params...))
	w.WriteHeader(http.StatusUnauthorized)
}

// aspnetDescription is JwtBearerHandler.CreateErrorDescription: instants
// in the invariant culture, MM/dd/yyyy HH:mm:ss UTC; a malformed token
// gets no description at all.
func aspnetDescription(f *failure) string {
	const invariant = "01/02/2006 15:04:05"
	switch f.kind {
	case failIssuer:
		return fmt.Sprintf("The issuer '%s' is invalid", orNull(f.value))
	case failKey:
		return "The signature key was not found"
	case failSignature:
		return "The signature is invalid"
	case failNoExpiry:
		return "The token has no expiration"
	case failExpired:
		return fmt.Sprintf("The token expired at '%s'", f.at.UTC().Format(invariant))
	case failNotYetValid:
		return fmt.Sprintf("The token is not valid before '%s'", f.at.UTC().Format(invariant))
	case failAudience:
		return fmt.Sprintf("The audience '%s' is invalid", orNull(f.value))
	}
	return ""
}

func orNull(s string) string {
	if s == "" {
		return "(null)"
	}
	return s
}

// keycloak answers as a Keycloak-protected service does, with the
// messages of Keycloak's TokenVerifier.
type keycloak struct {
	realm  string
	issuer string // what the service was configured with
}

func (k keycloak) noCredentials(w http.ResponseWriter) {
	w.Header().Set("WWW-Authenticate", challengeOf("Bearer", q("realm", k.realm)))
	w.WriteHeader(http.StatusUnauthorized)
}

func (k keycloak) refuse(w http.ResponseWriter, f *failure) {
	w.Header().Set("WWW-Authenticate", challengeOf("Bearer", q("realm", k.realm),
		q("error", "invalid_token"), q("error_description", k.description(f))))
	w.WriteHeader(http.StatusUnauthorized)
}

func (k keycloak) description(f *failure) string {
	switch f.kind {
	case failMalformed:
		return "Failed to parse JWT"
	case failIssuer:
		return fmt.Sprintf("Invalid token issuer. Expected '%s', but was '%s'", k.issuer, f.value)
	case failKey, failSignature:
		return "Invalid token signature"
	case failAudience:
		return "Expected audience not available in the token"
	}
	return "Token is not active" // Keycloak's word for every time check
}

// gateway answers as an AWS API Gateway REST API with a Cognito
// authorizer: 401 and {"message":"Unauthorized"} whatever went wrong, and
// no challenge. Of API Gateway's headers it keeps x-amzn-RequestId only
// (see the package doc on x-amzn-ErrorType).
type gateway struct{}

func (gateway) noCredentials(w http.ResponseWriter) { gatewayUnauthorized(w) }

func (gateway) refuse(w http.ResponseWriter, _ *failure) { gatewayUnauthorized(w) }

func gatewayUnauthorized(w http.ResponseWriter) {
	w.Header().Set("x-amzn-RequestId", requestID())
	writeJSON(w, http.StatusUnauthorized, map[string]string{"message": "Unauthorized"})
}

// requestID looks like the UUIDs AWS puts in x-amzn-RequestId.
func requestID() string {
	t := strings.ToLower(rand.Text())
	return t[:8] + "-" + t[8:12] + "-" + t[12:16] + "-" + t[16:20] + "-" + t[20:]
}

// mcpServer answers as the MCP TypeScript SDK's requireBearerAuth does:
// invalid_token even when nothing was sent, and the RFC 9728 metadata URL
// in every challenge. The SDK repeats error and error_description in a
// JSON body; the demo leaves the body empty, because the explainer quotes
// a bare "invalid_token" body as SERVER_SAYS above the metadata pointer.
type mcpServer struct{ metadata string }

func (m mcpServer) noCredentials(w http.ResponseWriter) {
	m.invalid(w, "Missing Authorization header")
}

func (m mcpServer) refuse(w http.ResponseWriter, _ *failure) { m.invalid(w, "Invalid token") }

func (m mcpServer) invalid(w http.ResponseWriter, desc string) {
	w.Header().Set("WWW-Authenticate", challengeOf("Bearer", q("error", "invalid_token"),
		q("error_description", desc), q("resource_metadata", m.metadata)))
	w.WriteHeader(http.StatusUnauthorized)
}

// insufficientScope is RFC 6750's 403, with Spring Security's wording and
// the scope the endpoint needs.
func insufficientScope(w http.ResponseWriter, scope string, more ...string) {
	params := append([]string{q("error", "insufficient_scope"),
		q("error_description", "The request requires higher privileges than provided by the access token."),
		q("scope", scope)}, more...)
	w.Header().Set("WWW-Authenticate", challengeOf("Bearer", params...))
	w.WriteHeader(http.StatusForbidden)
}

// q renders a quoted auth-param. RFC 6750 keeps error_description to
// printable ASCII without '"' and '\', so values quoted from a token are
// cleaned the same way and never need escaping.
func q(name, value string) string {
	clean := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' {
			return '?'
		}
		return r
	}, value)
	return name + `="` + clean + `"`
}

// challengeOf writes a challenge as RFC 9110 §11.6.1 does.
func challengeOf(scheme string, params ...string) string {
	if len(params) == 0 {
		return scheme
	}
	return scheme + " " + strings.Join(params, ", ")
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away: nothing to do
}
