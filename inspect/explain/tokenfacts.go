package explain

import (
	"slices"
	"time"

	"github.com/why401/why401/inspect/token"
)

// claimString returns a string claim of the token sent.
func (f *facts) claimString(name string) string {
	s, _ := f.claims[name].(string)
	return s
}

// audiences returns aud as a list.
func (f *facts) audiences() []string { return token.Audiences(f.claims) }

// scopes collects what the token grants: scope / scp (space-separated
// string or array), roles and permissions.
func (f *facts) scopes() []string {
	var out []string
	for _, name := range []string{"scope", "scp", "roles", "permissions", "scopes"} {
		out = append(out, token.Strings(f.claims[name])...)
	}
	return dedupe(out)
}

func dedupe(in []string) []string {
	var out []string
	for _, s := range in {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// timeClaim returns a time claim of the token sent, as the decoder
// evaluated it (one reading of NumericDate for the whole program).
func (f *facts) timeClaim(name string) *time.Time {
	if f.tok == nil {
		return nil
	}
	t := f.tok.Times
	switch name {
	case "exp":
		return t.Exp
	case "nbf":
		return t.Nbf
	case "iat":
		return t.Iat
	case "auth_time":
		return t.AuthTime
	}
	return nil
}

// jwt reports whether the token sent is a decoded JWS.
func (f *facts) jwt() bool { return f.tok != nil && f.tok.Kind == token.KindJWS }

// hasFinding reports whether the token report carries a finding id.
func (f *facts) hasFinding(id string) (token.Finding, bool) {
	if f.tok == nil {
		return token.Finding{}, false
	}
	for _, x := range f.tok.Findings {
		if x.ID == id {
			return x, true
		}
	}
	return token.Finding{}, false
}

// cnfJKT is the token's DPoP key binding (RFC 9449 §6.1), "" when unbound.
func (f *facts) cnfJKT() string {
	cnf, _ := f.claims["cnf"].(map[string]any)
	s, _ := cnf["jkt"].(string)
	return s
}

func since(a, b time.Time) string { return token.Duration(a.Sub(b)) }
