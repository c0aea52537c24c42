package keys

import (
	"bytes"
	"crypto/rsa"
	"fmt"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// Issue is a finding about the key or the verification: an id from the
// lint table (ALG_CONFUSION, KID_NOT_IN_JWKS, …), a severity and a sentence.
type Issue struct {
	ID       string
	Severity string // info | warning | error
	Message  string
}

// Request is what Verify needs from a JWS, as plain values.
type Request struct {
	Alg          string   // the header's alg
	KID          string   // the header's kid, "" when absent
	SigningInput string   // the first two segments exactly as received
	Signature    []byte   // the decoded third segment
	Allowed      []string // algorithms the user allows; empty: those that fit the keys
}

// Result says whether the signature verified, with which key and why.
type Result struct {
	Verified bool
	Alg      string
	Key      string // the key that verified (or was tried), as Key.Name says
	Reason   string // why that key was chosen: "kid match", "the only key", …
	Err      string // why it did not verify, one sentence
	Issues   []Issue
}

type candidate struct {
	key Key
	set Set
}

// Verify checks req's signature against the trusted sets. The header's alg
// and kid only select among these keys; they never bring a key of their own.
func Verify(req Request, sets ...Set) Result {
	res := Result{Alg: req.Alg}
	all := flatten(sets)
	if len(all) == 0 {
		res.Err = "no key was given"
		return res
	}
	if msg, ok := refuseAlg(req, all); !ok {
		res.Err = msg.Message
		res.Issues = append(res.Issues, msg)
		return res
	}
	fit := fitting(all, req.Alg)
	if len(fit) == 0 {
		res.Err = fmt.Sprintf("none of the keys can verify %s (%s)", req.Alg, describeKeys(all))
		return res
	}
	chosen, reason, issues := choose(fit, all, req.Alg, req.KID)
	res.Issues = append(res.Issues, issues...)
	res.Reason = reason
	if len(chosen) == 0 {
		res.Err = fmt.Sprintf("the token's kid %q is not in %s (it has %s)", req.KID, sources(all), kidList(all))
		if c, ok := tryAll(req, fit); ok {
			res.Err += fmt.Sprintf("; the signature does match %s, so the kid is wrong", c.key.Name(c.set))
		}
		return res
	}
	return finish(req, res, chosen)
}

// refuseAlg applies the checks that must happen before any key is tried.
func refuseAlg(req Request, all []candidate) (Issue, bool) {
	if IsHMAC(req.Alg) && anyAsymmetric(all) && !anySymmetric(all) {
		return Issue{"ALG_CONFUSION", "error", fmt.Sprintf(
			"The token asks for %s but the key you gave is %s: using a public key as an HMAC secret is the algorithm-confusion attack, so it was not tried.",
			req.Alg, all[0].key.Type())}, false
	}
	if IsHMAC(req.Alg) && slices.ContainsFunc(all, func(c candidate) bool { return c.key.PublicAsSecret }) {
		return Issue{"ALG_CONFUSION", "error", fmt.Sprintf(
			"The HMAC secret you gave is a public key: a %s signature made with it is the algorithm-confusion attack, since anyone holding the public key can make one.",
			req.Alg)}, false
	}
	if len(req.Allowed) > 0 && !slices.Contains(req.Allowed, req.Alg) {
		return Issue{"ALG_NOT_EXPECTED", "error", fmt.Sprintf(
			"The token uses %s, which is not among the allowed algorithms (%s).", req.Alg, strings.Join(req.Allowed, ", "))}, false
	}
	if jwt.GetSigningMethod(methodName(req.Alg)) == nil || req.Alg == "none" {
		return Issue{"ALG_UNSUPPORTED", "error", fmt.Sprintf("why401 cannot verify the %q algorithm.", req.Alg)}, false
	}
	return Issue{}, true
}

// choose picks the keys to try. A kid that matches wins; a token without a
// kid may use any fitting key, which deserves a warning when there are many.
func choose(fit, all []candidate, alg, kid string) ([]candidate, string, []Issue) {
	if kid != "" {
		var match []candidate
		for _, c := range fit {
			if c.key.ID == kid {
				match = append(match, c)
			}
		}
		if len(match) > 0 {
			return match, "kid match", nil
		}
		if !setsHaveKIDs(all) {
			return fit, onlyReason(fit, alg, "the keys given have no kids to match "+kid), nil
		}
		return nil, "", []Issue{{"KID_NOT_IN_JWKS", "warning", fmt.Sprintf(
			"The token's kid %q is not in %s: the issuer may have rotated its keys, or the token is from another environment.", kid, sources(all))}}
	}
	reason := onlyReason(fit, alg, "the token has no kid")
	if len(fit) > 1 && setsHaveKIDs(all) {
		return fit, reason, []Issue{{"KID_NOT_IN_JWKS", "warning",
			"The token has no kid and the key set holds several keys, so a server cannot tell which key to use."}}
	}
	return fit, reason, nil
}

func onlyReason(fit []candidate, alg, why string) string {
	if len(fit) == 1 {
		return "the only key that fits " + alg + "; " + why
	}
	return fmt.Sprintf("%s; tried the %d keys that fit %s", why, len(fit), alg)
}

func finish(req Request, res Result, chosen []candidate) Result {
	var lastErr error
	for _, c := range chosen {
		res.Key = c.key.Name(c.set)
		err := verifyWith(req, c.key.Public)
		if err == nil {
			res.Verified = true
			res.Err = ""
			if len(chosen) > 1 {
				res.Reason += fmt.Sprintf("; %s matched", c.key.Name(c.set))
			}
			res.Issues = append(res.Issues, keyIssues(req, c.key)...)
			return res
		}
		if trimmed, ok := trailingWS(c.key); ok && verifyWith(req, trimmed) == nil {
			res.Verified = true
			res.Issues = append(res.Issues, Issue{"KEY_TRAILING_WS", "warning",
				"The signature verifies only after removing trailing whitespace from the secret: your copy has a stray newline or space."})
			res.Issues = append(res.Issues, keyIssues(req, Key{Public: trimmed})...)
			return res
		}
		lastErr = err
		res.Issues = append(res.Issues, sizeIssues(req, c.key)...)
	}
	if len(chosen) > 1 {
		res.Key = fmt.Sprintf("%d keys from %s", len(chosen), sources(chosen))
	}
	res.Err = "the signature does not match: " + plainErr(lastErr)
	return res
}

func verifyWith(req Request, key any) error {
	m := jwt.GetSigningMethod(methodName(req.Alg))
	if m == nil {
		return fmt.Errorf("unsupported algorithm %s", req.Alg)
	}
	return m.Verify(req.SigningInput, req.Signature, key)
}

// methodName maps RFC 9864's fully specified "Ed25519" to golang-jwt's EdDSA.
func methodName(alg string) string {
	if alg == "Ed25519" {
		return "EdDSA"
	}
	return alg
}

func trailingWS(k Key) ([]byte, bool) {
	b, ok := k.Public.([]byte)
	if !ok {
		return nil, false
	}
	t := bytes.TrimRight(b, " \t\r\n")
	return t, len(t) != len(b)
}

// keyIssues are lints about the key that verified: weak secrets and small RSA keys.
func keyIssues(req Request, k Key) []Issue {
	var out []Issue
	switch p := k.Public.(type) {
	case []byte:
		if Guessable(p) {
			out = append(out, Issue{"HMAC_KEY_GUESSABLE", "error",
				"The HMAC secret is a well-known example or default value: anyone can forge tokens with it."})
		} else if n := HashSize(req.Alg); len(p) < n {
			out = append(out, Issue{"HMAC_KEY_SHORT", "warning", fmt.Sprintf(
				"The HMAC secret is %d bytes; %s needs at least %d (RFC 7518 §3.2), or it can be brute-forced.", len(p), req.Alg, n)})
		}
	case *rsa.PublicKey:
		if p.N.BitLen() < 2048 {
			out = append(out, Issue{"RSA_KEY_SMALL", "warning", fmt.Sprintf(
				"The RSA key has %d bits; RFC 7518 §3.3 requires at least 2048.", p.N.BitLen())})
		}
	}
	return out
}

// sizeIssues explains a failed RSA verification caused by a signature of
// the wrong length, which usually means a truncated token.
func sizeIssues(req Request, k Key) []Issue {
	p, ok := k.Public.(*rsa.PublicKey)
	if !ok || len(req.Signature) == p.Size() {
		return nil
	}
	return []Issue{{"SIG_LENGTH", "error", fmt.Sprintf(
		"The signature is %d bytes but the %d-bit RSA key makes %d-byte signatures: the token was probably cut short.",
		len(req.Signature), p.N.BitLen(), p.Size())}}
}

func tryAll(req Request, fit []candidate) (candidate, bool) {
	for _, c := range fit {
		if verifyWith(req, c.key.Public) == nil {
			return c, true
		}
	}
	return candidate{}, false
}

func plainErr(err error) string {
	if err == nil {
		return "no key matched"
	}
	s := err.Error()
	for _, noise := range []string{"token signature is invalid: ", "crypto/rsa: "} {
		s = strings.ReplaceAll(s, noise, "")
	}
	return s
}
