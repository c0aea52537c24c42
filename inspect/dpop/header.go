package dpop

import (
	"slices"
	"strings"
)

// rsaAlgs are the RSA signature algorithms (RFC 7518 §3.3, §3.5).
func rsaAlgs() []string {
	return []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}
}

// verifiable reports whether alg is an asymmetric JWS algorithm this
// package can verify. Ed25519 is RFC 9864's fully-specified name for
// EdDSA with that curve.
func verifiable(alg string) bool {
	switch alg {
	case "ES256", "ES384", "ES512", "EdDSA", "Ed25519":
		return true
	}
	return slices.Contains(rsaAlgs(), alg)
}

// checkTyp applies RFC 9449 §4.3 point 4. Media type names are
// case-insensitive and "application/" may be left out (RFC 7515 §4.1.9),
// so those spellings pass.
func checkTyp(header map[string]any) []Problem {
	typ, present, ok := stringClaim(header, "typ")
	switch {
	case !present:
		return []Problem{problem(CheckTyp, "the header has no typ; a DPoP proof must have typ dpop+jwt")}
	case !ok:
		return []Problem{problem(CheckTyp, "typ is %s but must be the string dpop+jwt", kind(header["typ"]))}
	}
	norm := strings.TrimPrefix(strings.ToLower(typ), "application/")
	if norm == "dpop+jwt" {
		return nil
	}
	hint := ""
	if norm == "jwt" || norm == "at+jwt" {
		hint = " (is this an access token rather than a proof?)"
	}
	return []Problem{problem(CheckTyp, "typ is %s but must be dpop+jwt%s", show(typ), hint)}
}

// checkAlg applies RFC 9449 §4.3 point 5 and the challenge's algs. It
// returns the alg when the signature can be checked with it.
func checkAlg(header map[string]any, algs []string) (string, []Problem) {
	alg, present, ok := stringClaim(header, "alg")
	switch {
	case !present:
		return "", []Problem{problem(CheckAlg, "the header has no alg")}
	case !ok:
		return "", []Problem{problem(CheckAlg, "alg is %s but must be a string such as ES256", kind(header["alg"]))}
	case strings.EqualFold(alg, "none"):
		return "", []Problem{problem(CheckAlg, "alg is %s: the proof is unsigned, but a DPoP proof must be signed with an asymmetric algorithm such as ES256", show(alg))}
	case strings.HasPrefix(alg, "HS"):
		return "", []Problem{problem(CheckAlg, "alg is %s, a symmetric (HMAC) algorithm; a DPoP proof must use an asymmetric one such as ES256, since it is verified with the public jwk", show(alg))}
	}
	var probs []Problem
	if len(algs) > 0 && !slices.Contains(algs, alg) {
		probs = append(probs, problem(CheckAlg, "alg is %s but the server accepts only %s (the challenge's algs)", show(alg), show(strings.Join(algs, " "))))
	}
	if !verifiable(alg) {
		probs = append(probs, problem(CheckAlg, "alg is %s, which is not an asymmetric JWS algorithm why401 can verify (RS*, PS*, ES*, EdDSA)", show(alg)))
		return "", probs
	}
	return alg, probs
}
