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
		meaning, _ := challenge.ErrorMeaning(e)
		out = append(out, "error "+e+": "+meaning)
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
