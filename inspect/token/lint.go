package token

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/why401/why401/inspect/keys"
)

// Severity of a finding.
type Severity string

const (
	SevInfo    Severity = "info"
	SevWarning Severity = "warning"
	SevError   Severity = "error"
)

// Finding is one lint result: a stable id, a severity and a sentence.
type Finding struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// lintInput is what the token lints look at.
type lintInput struct {
	tok     Token
	times   Times
	opts    Options
	lengthy time.Duration
}

// Lint runs every check that needs only the token, the clock and the
// user's expectations. Key checks come from verification.
func Lint(t Token, times Times, opts Options) []Finding {
	in := lintInput{tok: t, times: times, opts: opts, lengthy: opts.maxLifetime()}
	var out []Finding
	for _, check := range checks(t.Kind) {
		out = append(out, check(in)...)
	}
	return out
}

type check func(lintInput) []Finding

func checks(k Kind) []check {
	header := []check{lintHeaderRefs, lintKID, lintCrit, lintDuplicates}
	switch k {
	case KindJWS:
		return append(header, lintAlg, lintSignature, lintTyp, lintZip, lintB64,
			lintTimes, lintTimeTypes, lintLifetime, lintAccessToken, lintIDToken,
			lintJTI, lintSensitive, lintExpectations)
	case KindJWE, KindMalformed:
		return header
	}
	return nil
}

func f(id string, sev Severity, format string, args ...any) Finding {
	return Finding{ID: id, Severity: sev, Message: fmt.Sprintf(format, args...)}
}

func lintAlg(in lintInput) []Finding {
	alg, isString := in.tok.HeaderFields["alg"].(string)
	switch {
	case isString && strings.EqualFold(alg, "none"):
		return []Finding{f("ALG_NONE", SevError, "The token is unsigned (alg %q): anyone can change its claims, and no server should accept it.", alg)}
	case !isString:
		return []Finding{f("ALG_MISSING_OR_UNKNOWN", SevError, "The header has no alg string, so no server can verify the token.")}
	case !keys.Known(alg):
		return []Finding{f("ALG_MISSING_OR_UNKNOWN", SevError, "The alg %q is not a registered JWS algorithm.", alg)}
	case len(in.opts.Algs) > 0 && !slices.Contains(in.opts.Algs, alg):
		return []Finding{f("ALG_NOT_EXPECTED", SevError, "The token uses %s, which is not among the allowed algorithms (%s).", alg, strings.Join(in.opts.Algs, ", "))}
	}
	return nil
}

func lintSignature(in lintInput) []Finding {
	alg := in.tok.Alg()
	sig := in.tok.Signature
	if strings.EqualFold(alg, "none") {
		return nil
	}
	if len(sig) == 0 && alg == "" {
		return []Finding{f("SIG_EMPTY", SevError, "The signature segment is empty and the header names no alg: the token is not signed.")}
	}
	if len(sig) == 0 {
		return []Finding{f("SIG_EMPTY", SevError, "The signature segment is empty although alg is %s: the signature was stripped.", alg)}
	}
	if n := keys.SignatureSize(alg); n > 0 && len(sig) != n {
		return []Finding{f("SIG_LENGTH", SevError, "The signature is %d bytes but %s signatures are %d: the token was cut or altered.", len(sig), alg, n)}
	}
	if strings.HasPrefix(alg, "ES") && ecdsaZero(sig) {
		return []Finding{f("SIG_LENGTH", SevError, "The ECDSA signature has r or s equal to zero, the \"psychic signature\" forgery (CVE-2022-21449).")}
	}
	return nil
}

func ecdsaZero(sig []byte) bool {
	half := len(sig) / 2
	r := new(big.Int).SetBytes(sig[:half])
	s := new(big.Int).SetBytes(sig[half:])
	return r.Sign() == 0 || s.Sign() == 0
}

func lintHeaderRefs(in lintInput) []Finding {
	h := in.tok.HeaderFields
	var out []Finding
	for _, name := range []string{"jku", "x5u"} {
		if u, ok := h[name]; ok {
			out = append(out, f("JKU_X5U_PRESENT", SevWarning, "The header names a remote key URL (%s %v); why401 never fetches it, and a server that does can be tricked into trusting an attacker's key.", name, u))
		}
	}
	if _, ok := h["jwk"]; ok && in.tok.Kind == KindJWS {
		out = append(out, f("JWK_EMBEDDED", SevWarning, "The header embeds its own key (jwk): a signature checked with it proves nothing unless the key is pinned elsewhere."))
	}
	if _, ok := h["x5c"]; ok {
		out = append(out, f("X5C_PRESENT", SevInfo, "The header carries a certificate chain (x5c): trust it only after validating the chain to a known root."))
	}
	return out
}

func lintKID(in lintInput) []Finding {
	v, ok := in.tok.HeaderFields["kid"]
	if !ok {
		return nil
	}
	kid, isString := v.(string)
	if !isString {
		return []Finding{f("KID_SUSPICIOUS", SevWarning, "The kid is a %s, not a string: servers that look it up may misbehave.", jsonType(v))}
	}
	for _, bad := range []string{"../", `..\`, "'", `"`, ";", "|", "`", "$(", "\x00", "--", "\n", "\r"} {
		if strings.Contains(kid, bad) {
			return []Finding{f("KID_SUSPICIOUS", SevWarning, "The kid %q contains %q, typical of path-traversal or injection attempts against the key lookup.", kid, bad)}
		}
	}
	if strings.HasPrefix(kid, "/") {
		return []Finding{f("KID_SUSPICIOUS", SevWarning, "The kid %q is a file path, typical of attacks on servers that read keys from disk.", kid)}
	}
	return nil
}

// lintCrit: every crit entry must be understood (RFC 7515 §4.1.11), and we
// understand none, including b64 (RFC 7797), whose payload we would misread.
func lintCrit(in lintInput) []Finding {
	v, ok := in.tok.HeaderFields["crit"]
	if !ok {
		return nil
	}
	list, isList := v.([]any)
	if !isList || len(list) == 0 {
		return []Finding{f("CRIT_UNKNOWN", SevError, "The crit header must be a non-empty list of names (RFC 7515 §4.1.11).")}
	}
	return []Finding{f("CRIT_UNKNOWN", SevError, "The header marks %v as critical; a verifier that does not understand them must reject the token.", list)}
}

func lintDuplicates(in lintInput) []Finding {
	var out []Finding
	if d := in.tok.notes.dupHeader; len(d) > 0 {
		out = append(out, f("DUPLICATE_JSON_KEYS", SevError, "The header repeats %s; libraries disagree on which copy wins, a known way to smuggle values.", strings.Join(d, ", ")))
	}
	if d := in.tok.notes.dupPayload; len(d) > 0 {
		out = append(out, f("DUPLICATE_JSON_KEYS", SevError, "The payload repeats %s; libraries disagree on which copy wins, a known way to smuggle claims.", strings.Join(d, ", ")))
	}
	return out
}

// knownTypes are registered or widely used typ values (compared without
// the optional "application/" prefix, case-insensitively, RFC 7515 §4.1.9).
func knownTypes() []string {
	return []string{"jwt", "at+jwt", "dpop+jwt", "logout+jwt", "secevent+jwt", "jose", "jose+json",
		"id_token+jwt", "oauth-authz-req+jwt", "token-introspection+jwt", "client-authentication+jwt",
		"jwk-set+jwt", "statuslist+jwt", "kb+jwt", "vc+sd-jwt", "dc+sd-jwt", "entity-statement+jwt"}
}

func lintTyp(in lintInput) []Finding {
	v, ok := in.tok.HeaderFields["typ"]
	if !ok {
		return nil
	}
	typ, _ := v.(string)
	norm := strings.ToLower(strings.TrimPrefix(strings.ToLower(typ), "application/"))
	if in.opts.Typ != "" && !strings.EqualFold(norm, strings.TrimPrefix(strings.ToLower(in.opts.Typ), "application/")) {
		return []Finding{f("TYP_UNEXPECTED", SevWarning, "The typ is %q but %q was expected (RFC 8725 §3.11).", typ, in.opts.Typ)}
	}
	if !slices.Contains(knownTypes(), norm) {
		return []Finding{f("TYP_UNEXPECTED", SevWarning, "The typ %q is not a known token type: a server that checks typ will refuse it.", typ)}
	}
	return nil
}

func lintZip(in lintInput) []Finding {
	if _, ok := in.tok.HeaderFields["zip"]; ok {
		return []Finding{f("ZIP_IN_JWS", SevWarning, "A signed token has a zip header, which is defined only for encrypted tokens and invites decompression bombs.")}
	}
	return nil
}

func lintB64(in lintInput) []Finding {
	if segs := in.tok.notes.nonCanonical; len(segs) > 0 {
		return []Finding{f("B64_NON_CANONICAL", SevWarning, "The %s segment uses padding, the +/ alphabet or non-zero spare bits; strict libraries reject it.", strings.Join(segs, " and "))}
	}
	return nil
}

func lintTimes(in lintInput) []Finding {
	t := in.times
	var out []Finding
	switch t.Status {
	case TimeExpired:
		out = append(out, f("EXPIRED", SevError, "The token expired at %s, %s.", stamp(*t.Exp), Ago(t.Now.Sub(*t.Exp))))
	case TimeNotYetValid:
		out = append(out, f("NOT_YET_VALID", SevError, "The token is not valid before %s (nbf), %s.", stamp(*t.Nbf), In(t.Nbf.Sub(t.Now))))
	case TimeNoExpiry:
		out = append(out, f("EXP_MISSING", SevWarning, "The token has no exp claim: if it leaks it stays usable forever."))
	}
	if t.Iat != nil && t.Iat.After(t.Now.Add(t.Leeway)) {
		out = append(out, f("IAT_FUTURE", SevWarning, "The token claims to be issued %s (iat), so the issuer's clock or this one is wrong.", In(t.Iat.Sub(t.Now))))
	}
	if t.Exp != nil && t.Iat != nil && !t.Exp.After(*t.Iat) {
		out = append(out, f("TIME_WINDOW_INCONSISTENT", SevError, "The token expires (exp %s) no later than it was issued (iat %s).", stamp(*t.Exp), stamp(*t.Iat)))
	}
	if t.Exp != nil && t.Nbf != nil && t.Nbf.After(*t.Exp) {
		out = append(out, f("TIME_WINDOW_INCONSISTENT", SevError, "The token becomes valid (nbf %s) after it expires (exp %s).", stamp(*t.Nbf), stamp(*t.Exp)))
	}
	return out
}

func lintTimeTypes(in lintInput) []Finding {
	var out []Finding
	for _, name := range []string{"exp", "nbf", "iat", "auth_time"} {
		v, ok := in.tok.Claims[name]
		if !ok {
			continue
		}
		n, isNum := v.(json.Number)
		if !isNum {
			out = append(out, f("TIME_NOT_NUMERICDATE", SevWarning, "The %s claim is a %s, not a number of seconds (RFC 7519 NumericDate): most servers ignore or reject it.", name, jsonType(v)))
			continue
		}
		if x, err := n.Float64(); err == nil && x > 1e11 {
			out = append(out, f("TIME_NOT_NUMERICDATE", SevWarning, "The %s claim (%s) looks like milliseconds; NumericDate counts seconds, so it reads as a date far in the future.", name, n))
		}
	}
	return out
}

func lintLifetime(in lintInput) []Finding {
	t := in.times
	if t.Exp == nil || t.Iat == nil {
		return nil
	}
	if life := t.Exp.Sub(*t.Iat); life > in.lengthy {
		return []Finding{f("LIFETIME_LONG", SevWarning, "The token lives %s (iat to exp), longer than %s: a leaked copy stays useful that long.", Duration(life), Duration(in.lengthy))}
	}
	return nil
}

// lintAccessToken checks RFC 9068 §2.2's required claims for at+jwt.
func lintAccessToken(in lintInput) []Finding {
	typ := strings.ToLower(in.tok.headerString("typ"))
	if typ != "at+jwt" && typ != "application/at+jwt" {
		return nil
	}
	var missing []string
	for _, c := range []string{"iss", "exp", "aud", "sub", "client_id", "iat", "jti"} {
		if _, ok := in.tok.Claims[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return []Finding{f("AT_JWT_REQUIRED_CLAIMS", SevWarning, "This RFC 9068 access token lacks %s, which RFC 9068 §2.2 requires.", strings.Join(missing, ", "))}
	}
	return nil
}

// lintIDToken: an ID token with several audiences needs azp (OIDC Core §2).
func lintIDToken(in lintInput) []Finding {
	c := in.tok.Claims
	_, nonce := c["nonce"]
	_, atHash := c["at_hash"]
	if !nonce && !atHash {
		return nil
	}
	if aud, ok := c["aud"].([]any); ok && len(aud) > 1 {
		if _, ok := c["azp"]; !ok {
			return []Finding{f("OIDC_ID_TOKEN_CHECKS", SevWarning, "This ID token has %d audiences but no azp, which OIDC Core §2 requires to say which client it was issued to.", len(aud))}
		}
	}
	return nil
}

func lintJTI(in lintInput) []Finding {
	if _, ok := in.tok.Claims["jti"]; !ok && in.tok.Claims != nil {
		return []Finding{f("JTI_MISSING", SevInfo, "The token has no jti, so a server cannot detect it being replayed.")}
	}
	return nil
}

func sensitiveNames() []string {
	return []string{"password", "passwd", "pwd", "secret", "client_secret", "ssn", "social_security_number",
		"credit_card", "card_number", "cvv", "phone_number", "address", "birthdate", "email"}
}

func lintSensitive(in lintInput) []Finding {
	var found []string
	for _, n := range sensitiveNames() {
		if _, ok := in.tok.Claims[n]; ok {
			found = append(found, n)
		}
	}
	if len(found) == 0 {
		return nil
	}
	return []Finding{f("SENSITIVE_CLAIMS", SevWarning, "The token carries %s in readable form; a JWS is only encoded, so anyone holding it can read them.", strings.Join(found, ", "))}
}

// lintExpectations compares iss and aud with what the user said to expect.
func lintExpectations(in lintInput) []Finding {
	var out []Finding
	if want := in.opts.Issuer; want != "" {
		switch got, ok := in.tok.Claims["iss"].(string); {
		case !ok:
			out = append(out, f("ISS_MISMATCH", SevError, "The token has no iss claim, but the issuer %q was expected.", want))
		case got != want:
			out = append(out, f("ISS_MISMATCH", SevError, "The token's issuer is %q but %q was expected.", got, want))
		}
	}
	if want := in.opts.Audience; want != "" && !slices.Contains(Audiences(in.tok.Claims), want) {
		out = append(out, f("AUD_MISMATCH", SevError, "The token's audience %v does not include %q.", Audiences(in.tok.Claims), want))
	}
	return out
}

// Strings reads a claim that holds a list, as scope does (a
// space-separated string, RFC 8693 §4.2) or scp and roles do (an array
// of strings).
func Strings(v any) []string {
	switch x := v.(type) {
	case string:
		return strings.Fields(x)
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// Audiences returns aud as a list, whether it was a string or an array.
func Audiences(claims map[string]any) []string {
	switch v := claims["aud"].(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, a := range v {
			if s, ok := a.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case json.Number:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "list"
	case map[string]any:
		return "object"
	case nil:
		return "null"
	}
	return "value"
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
