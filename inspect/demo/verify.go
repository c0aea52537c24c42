package demo

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/why401/why401/inspect/keys"
	"github.com/why401/why401/inspect/token"
)

// clockLeeway is the clock skew the resources forgive, as frameworks do
// (Spring 60 s, ASP.NET Core 5 min).
const clockLeeway = time.Minute

// policy is what a resource demands of a token's identity claims.
type policy struct {
	issuer    string
	audiences []string // any one will do
}

// failKind is the first check a token failed.
type failKind int

const (
	failMalformed failKind = iota + 1
	failIssuer
	failKey
	failSignature
	failNoExpiry
	failExpired
	failNotYetValid
	failAudience
)

// failure says why a token was refused, with the value the server quotes.
type failure struct {
	kind  failKind
	value string    // the iss or aud refused, the kid not found
	at    time.Time // exp or nbf
}

// verify checks a token the way a resource server does. The issuer comes
// first because it decides which keys apply (a server trusting one issuer
// refuses the others before looking for keys); then the key and the
// signature against the published JWKS; then the time claims by the
// server's clock; then the audience.
func (s *Server) verify(raw string, p policy) (map[string]any, *failure) {
	t := token.Decode(raw)
	if t.Kind != token.KindJWS || t.Claims == nil {
		return nil, &failure{kind: failMalformed}
	}
	if iss, _ := t.Claims["iss"].(string); iss != p.issuer {
		return nil, &failure{kind: failIssuer, value: iss}
	}
	if f := s.checkSignature(t); f != nil {
		return nil, f
	}
	if f := checkTimes(t.Claims, s.now()); f != nil {
		return nil, f
	}
	aud := token.Audiences(t.Claims)
	if !slices.ContainsFunc(aud, func(a string) bool { return slices.Contains(p.audiences, a) }) {
		return nil, &failure{kind: failAudience, value: strings.Join(aud, ", ")}
	}
	return t.Claims, nil
}

// checkSignature verifies with inspect/keys against the JWKS the demo
// publishes, allowing ES256 only (no algorithm confusion, no alg none).
func (s *Server) checkSignature(t token.Token) *failure {
	res := keys.Verify(keys.Request{
		Alg: t.Alg(), KID: t.KID(), SigningInput: t.SigningInput(), Signature: t.Signature, Allowed: []string{"ES256"},
	}, s.keys.trusted)
	if res.Verified {
		return nil
	}
	if t.KID() != "" && slices.ContainsFunc(res.Issues, func(i keys.Issue) bool { return i.ID == "KID_NOT_IN_JWKS" }) {
		return &failure{kind: failKey, value: t.KID()}
	}
	return &failure{kind: failSignature}
}

func checkTimes(claims map[string]any, now time.Time) *failure {
	times := token.EvaluateTimes(claims, now, clockLeeway)
	switch times.Status {
	case token.TimeExpired:
		return &failure{kind: failExpired, at: *times.Exp}
	case token.TimeNotYetValid:
		return &failure{kind: failNotYetValid, at: *times.Nbf}
	case token.TimeNoExpiry:
		return &failure{kind: failNoExpiry}
	}
	return nil
}

// scopesOf reads scope (a space-separated string) or scp (string or list).
func scopesOf(claims map[string]any) []string {
	var out []string
	for _, name := range []string{"scope", "scp"} {
		out = append(out, token.Strings(claims[name])...)
	}
	return out
}

func hasScope(claims map[string]any, scope string) bool {
	return slices.Contains(scopesOf(claims), scope)
}

// claimTime reads a NumericDate claim.
func claimTime(claims map[string]any, name string) (time.Time, bool) {
	n, ok := claims[name].(json.Number)
	if !ok {
		return time.Time{}, false
	}
	sec, err := n.Int64()
	if err != nil {
		f, ferr := n.Float64()
		if ferr != nil {
			return time.Time{}, false
		}
		sec = int64(f)
	}
	return time.Unix(sec, 0).UTC(), true
}

func claimString(claims map[string]any, name string) string {
	s, _ := claims[name].(string)
	return s
}
