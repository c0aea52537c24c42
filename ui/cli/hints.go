package cli

import (
	"strings"

	"github.com/why401/why401/inspect/challenge"
)

// schemeHints says in a few words what a challenge asks for. The full
// explanation, with the token, is the explain command's job.
func schemeHints(c challenge.Challenge) []string {
	var out []string
	if e, ok := c.Get("error"); ok {
		out = append(out, "error "+e+": "+bearerErrorMeaning(e))
	}
	switch strings.ToLower(c.Scheme) {
	case "basic":
		out = append(out, "wants a user name and password (RFC 7617)")
	case "digest":
		if s, _ := c.Get("stale"); strings.EqualFold(s, "true") {
			out = append(out, "stale=true: the nonce expired; retry with the same password")
		}
	case "negotiate", "ntlm":
		out = append(out, "Windows integrated authentication (Kerberos/NTLM); nothing to decode as a JWT")
	}
	if u, ok := c.Get("resource_metadata"); ok {
		out = append(out, "protected resource metadata (RFC 9728) at "+u)
	}
	return out
}

func bearerErrorMeaning(code string) string {
	switch code {
	case "invalid_token":
		return "the token is expired, revoked, malformed or otherwise invalid (RFC 6750 §3.1)"
	case "insufficient_scope":
		return "the token lacks a scope this request needs (RFC 6750 §3.1)"
	case "invalid_request":
		return "the request is malformed, e.g. a token sent two ways (RFC 6750 §3.1)"
	case "insufficient_user_authentication":
		return "a stronger or more recent login is needed (RFC 9470)"
	case "insufficient_claims":
		return "the token was revoked by continuous access evaluation; get a new one with the claims challenge"
	case "use_dpop_nonce":
		return "retry with the server's DPoP-Nonce in the proof (RFC 9449 §9)"
	case "invalid_dpop_proof":
		return "the DPoP proof failed its checks (RFC 9449 §7.1)"
	}
	return "not an error code defined by RFC 6750, 9449 or 9470"
}
