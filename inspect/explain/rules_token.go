package explain

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/why401/why401/inspect/servermsg"
	"github.com/why401/why401/inspect/token"
)

func ruleExpired(f *facts) []Diagnosis {
	said := f.statements("TOKEN_EXPIRED")
	exp := f.timeClaim("exp")
	clock, clockName := f.clock()
	local := exp != nil && !clock.Before(*exp)
	if !local && len(said) == 0 {
		return nil
	}
	d := diag("TOKEN_EXPIRED", "error", tierLocal+50, "", "",
		"Get a new token (sign in again, or use the refresh token) and retry. If fresh tokens expire this fast, check the issuer's token lifetime and your clock.")
	switch {
	case local:
		d.Title = "Token expired " + since(clock, *exp) + " ago"
		d.Detail = fmt.Sprintf("The token's exp is %s; by %s (%s) it expired %s ago, so the server refuses it.", stamp(*exp), clockName, stamp(clock), since(clock, *exp))
		d.Evidence = append(d.Evidence, "exp "+stamp(*exp), clockName+" "+stamp(clock))
	case said[0].Values["expired_at"] != "":
		d.Title = "Token expired at " + said[0].Values["expired_at"] + ", the server says"
		d.Detail = "The server refused the token as expired. " + notDecodedNote(f)
	default:
		d.Title = "The server says the token expired"
		d.Detail = "The server refused the token as expired. " + notDecodedNote(f)
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	switch {
	case len(said) > 0:
		d.score = serverTier(local) + 50
	case local && f.codeConfirms("TOKEN_EXPIRED"):
		d.score = tierConfirmed + 50
		d.Evidence = append(d.Evidence, challengeEvidence(f.errorFrom, f.challengeHeader()))
	}
	return []Diagnosis{d}
}

func notDecodedNote(f *facts) string {
	if f.jwt() {
		return "The token's own exp does not show it by " + clockNameOf(f) + ": compare the clocks."
	}
	return "The token could not be decoded to confirm it."
}

func clockNameOf(f *facts) string {
	_, n := f.clock()
	return n
}

func ruleNotYetValid(f *facts) []Diagnosis {
	said := f.statements("TOKEN_NOT_YET_VALID")
	clock, clockName := f.clock()
	nbf := f.timeClaim("nbf")
	local := nbf != nil && clock.Before(*nbf)
	if !local && len(said) == 0 {
		return nil
	}
	d := diag("TOKEN_NOT_YET_VALID", "error", tierLocal+45, "The server says the token is not valid yet",
		"The server refused the token as not valid yet (nbf or iat in its future). "+notDecodedNote(f),
		"Wait until nbf, or fix the clock that is wrong: the issuer's if its iat/nbf are ahead of real time, the server's otherwise.")
	if local {
		d.Title = "Token is not valid for another " + since(*nbf, clock)
		d.Detail = fmt.Sprintf("The token's nbf is %s, %s after %s (%s): a token used too early, or clocks that disagree.", stamp(*nbf), since(*nbf, clock), clockName, stamp(clock))
		d.Evidence = append(d.Evidence, "nbf "+stamp(*nbf), clockName+" "+stamp(clock))
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	if len(said) > 0 {
		d.score = serverTier(local) + 45
	} else if f.codeConfirms("TOKEN_NOT_YET_VALID") {
		d.score = tierConfirmed + 45
	}
	return []Diagnosis{d}
}

// skewTolerance is how far two clocks may drift before we call it skew:
// servers commonly allow 60 s (Spring) to 5 min (ASP.NET Core).
const skewTolerance = time.Minute

func ruleClockSkew(f *facts) []Diagnosis {
	var out []Diagnosis
	if d, ok := localVsServer(f); ok {
		out = append(out, d)
	}
	if d, ok := issuerAhead(f); ok {
		out = append(out, d)
	}
	if said := f.statements("CLOCK_SKEW"); len(said) > 0 {
		d := diag("CLOCK_SKEW", "error", tierServer+40, "The server says the clocks disagree", "A signature or token time was outside the server's window.",
			"Sync this machine's clock (NTP), then sign or fetch the token again.", quoteEvidence(said)...)
		out = append(out, d)
	}
	return out
}

// localVsServer compares this machine's clock with the server's Date.
func localVsServer(f *facts) (Diagnosis, bool) {
	if f.serverDate == nil || f.in.Now.IsZero() {
		return Diagnosis{}, false
	}
	diff := f.in.Now.Sub(*f.serverDate)
	if diff.Abs() <= skewTolerance {
		return Diagnosis{}, false
	}
	ahead := "ahead of"
	if diff < 0 {
		ahead = "behind"
	}
	d := diag("CLOCK_SKEW", "warning", tierLocal+10,
		fmt.Sprintf("Your clock is %s %s the server's", token.Duration(diff), ahead),
		fmt.Sprintf("The response's Date is %s but this machine says %s. Conclusions about exp and nbf here use the server's Date.", stamp(*f.serverDate), stamp(f.in.Now)),
		"Sync this machine's clock (NTP); tokens and signatures made here carry its time.",
		"server Date "+stamp(*f.serverDate), "local clock "+stamp(f.in.Now))
	if exp := f.timeClaim("exp"); exp != nil && f.in.Now.Before(*exp) != f.serverDate.Before(*exp) {
		d.score = tierLocal + 48 // the clocks disagree on whether the token is expired
		d.Severity = "error"
	}
	return d, true
}

// issuerAhead: a token whose iat or nbf is after the server's Date was made
// by an issuer whose clock runs ahead of the server's.
func issuerAhead(f *facts) (Diagnosis, bool) {
	clock, clockName := f.clock()
	for _, name := range []string{"nbf", "iat"} {
		t := f.timeClaim(name)
		if t == nil || t.Sub(clock) <= skewTolerance/2 {
			continue
		}
		d := diag("CLOCK_SKEW", "warning", tierLocal+30,
			fmt.Sprintf("The token's %s is %s after %s", name, since(*t, clock), clockName),
			"The issuer stamped the token with a time in the server's future: their clocks disagree, and servers with a small leeway refuse it.",
			"Sync the issuer's and the server's clocks, or allow a small clock leeway on the server.",
			name+" "+stamp(*t), clockName+" "+stamp(clock))
		return d, true
	}
	return Diagnosis{}, false
}

func ruleAudience(f *facts) []Diagnosis {
	said := f.statements("AUDIENCE_MISMATCH")
	want, source := f.wantedAudience(said)
	got := f.audiences()
	mismatch := f.jwt() && want != "" && !slices.Contains(got, want)
	if f.jwt() && len(got) == 0 && want != "" {
		if cid := f.claimString("client_id"); cid == want {
			mismatch = false // AWS HTTP APIs accept client_id when aud is absent
		}
	}
	if !mismatch && len(said) == 0 {
		return nil
	}
	d := diag("AUDIENCE_MISMATCH", "error", tierLocal+40, "The server rejects the token's audience",
		"A token is issued for one API (its aud); another API refuses it, even from the same issuer.",
		"Request the token for this API: pass its identifier as the audience/resource (RFC 8707) or scope when you get the token.")
	if mismatch {
		d.Title = fmt.Sprintf("Token is for %s; this API expects %s", audText(got), want)
		d.Evidence = append(d.Evidence, "aud "+audText(got), source+" "+want)
	} else if len(got) > 0 {
		d.Title = "The server rejects the token's audience (" + audText(got) + ")"
		d.Evidence = append(d.Evidence, "aud "+audText(got))
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	if len(said) > 0 {
		d.score = serverTier(mismatch) + 40
	} else if f.codeConfirms("AUDIENCE_MISMATCH") {
		d.score = tierConfirmed + 40
	}
	return []Diagnosis{d}
}

func audText(aud []string) string {
	if len(aud) == 0 {
		return "no audience"
	}
	return strings.Join(aud, ", ")
}

// wantedAudience finds what this API expects: the user's expectation, the
// server's own words, the Azure challenge parameters or the resource metadata.
func (f *facts) wantedAudience(said []servermsg.Statement) (string, string) {
	if f.in.Expect.Audience != "" {
		return f.in.Expect.Audience, "expected audience"
	}
	for _, s := range said {
		if e := s.Values["expected"]; e != "" {
			return e, "server expects"
		}
	}
	for _, c := range f.challenges {
		for _, p := range []string{"resource_id", "resource", "client_id"} {
			if v, ok := c.Get(p); ok && v != "" {
				return v, "challenge " + p
			}
		}
	}
	if m := f.in.Metadata; m != nil && m.Resource != "" && m.Err == "" && len(m.Problems) == 0 {
		return m.Resource, "resource metadata resource"
	}
	return "", ""
}

func ruleIssuer(f *facts) []Diagnosis {
	said := f.statements("ISSUER_MISMATCH")
	iss := f.claimString("iss")
	want := f.in.Expect.Issuer
	mismatch := f.jwt() && want != "" && iss != want
	var ev []string
	if f.jwt() {
		if tid, auth := f.claimString("tid"), f.challengeParam("authorization_uri"); tid != "" && auth != "" && !strings.Contains(auth, tid) && !multiTenant(auth) {
			mismatch = true
			ev = append(ev, "tid "+tid, "challenge authorization_uri "+auth)
		}
	}
	if !mismatch && len(said) == 0 {
		return nil
	}
	d := diag("ISSUER_MISMATCH", "error", tierLocal+38, "The server does not trust the token's issuer",
		"Servers accept tokens only from the issuers they are configured for; the iss claim must match exactly, trailing slash included.",
		"Get the token from the issuer this API trusts (check tenant, realm and environment), or fix the server's configured issuer.")
	if iss != "" {
		d.Evidence = append(d.Evidence, "iss "+iss)
	}
	if mismatch && want != "" && iss == "" {
		d.Title = fmt.Sprintf("Token has no iss claim; this API trusts %s", want)
		d.Evidence = append(d.Evidence, "iss missing", "expected issuer "+want)
	} else if mismatch && want != "" {
		d.Title = fmt.Sprintf("Token was issued by %s; this API trusts %s", iss, want)
		d.Evidence = append(d.Evidence, "expected issuer "+want)
	} else if mismatch {
		d.Title = "Token is from another tenant than the server's authority"
	}
	d.Evidence = append(append(d.Evidence, ev...), quoteEvidence(said)...)
	if len(said) > 0 {
		d.score = serverTier(mismatch) + 38
	} else if f.codeConfirms("ISSUER_MISMATCH") {
		d.score = tierConfirmed + 38
	}
	return []Diagnosis{d}
}

// multiTenant reports whether an Entra authority URL names no tenant.
func multiTenant(authority string) bool {
	for _, t := range []string{"/common", "/organizations", "/consumers"} {
		if strings.Contains(strings.ToLower(authority), t) {
			return true
		}
	}
	return false
}

func (f *facts) challengeParam(name string) string {
	for _, c := range f.challenges {
		if v, ok := c.Get(name); ok {
			return v
		}
	}
	return ""
}

func ruleWrongEnvironment(f *facts) []Diagnosis {
	if d, ok := otherEnvironment(f); ok {
		return []Diagnosis{d}
	}
	if said := f.statements("WRONG_ENVIRONMENT"); len(said) > 0 {
		return []Diagnosis{diag("WRONG_ENVIRONMENT", "error", tierServer+60,
			"The server does not know this identity or tenant: a token from another environment?",
			"The server could not find the app, user or tenant the token names, which is what a token from another tenant or environment looks like.",
			"Use a token issued by this environment's tenant for this API.", quoteEvidence(said)...)}
	}
	return nil
}

// otherEnvironment finds another profile whose issuer or audience the token carries.
func otherEnvironment(f *facts) (Diagnosis, bool) {
	if !f.jwt() {
		return Diagnosis{}, false
	}
	iss, aud := f.claimString("iss"), f.audiences()
	for _, env := range f.in.Others {
		var ev []string
		if env.Issuer != "" && iss == env.Issuer {
			ev = append(ev, "iss "+iss+" is "+env.Name+"'s issuer")
		}
		for _, a := range env.Audiences {
			if slices.Contains(aud, a) {
				ev = append(ev, "aud "+a+" is "+env.Name+"'s audience")
			}
		}
		if len(ev) == 0 {
			continue
		}
		score := tierLocal + 60
		if f.saidAny("AUDIENCE_MISMATCH") || f.saidAny("ISSUER_MISMATCH") || f.saidAny("WRONG_ENVIRONMENT") || f.codeConfirms("WRONG_ENVIRONMENT") {
			score = tierConfirmed + 60
		}
		d := diag("WRONG_ENVIRONMENT", "error", score,
			fmt.Sprintf("This token was issued for %s (iss %s)", env.Name, iss),
			"The token belongs to another environment's identity provider or API; this one will not accept it.",
			fmt.Sprintf("Use a token from this environment's profile instead of %s's.", env.Name), ev...)
		return d, true
	}
	return Diagnosis{}, false
}

func ruleSignature(f *facts) []Diagnosis {
	said := f.statements("SIGNATURE_INVALID")
	var local bool
	var ev []string
	if f.tok != nil {
		switch f.tok.Signature.Status {
		case token.SigInvalid:
			local = true
			ev = append(ev, "signature: "+deref(f.tok.Signature.Error))
		case token.SigUnsecured:
			local = true
			ev = append(ev, "alg "+f.tok.Token.Alg()+": the token is not signed")
		}
	}
	if !local && len(said) == 0 {
		return nil
	}
	d := diag("SIGNATURE_INVALID", "error", tierLocal+35, "The token's signature does not verify",
		"The server checked the signature with the keys it trusts, and it did not match: a token from another issuer or environment, a rotated key, an edited or truncated token, or an HS256/RS256 mix-up.",
		"Get a fresh token from the issuer this API trusts; do not edit or re-encode it on the way.", ev...)
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	if len(said) > 0 {
		d.score = serverTier(local) + 35
	} else if local && f.codeConfirms("SIGNATURE_INVALID") {
		d.score = tierConfirmed + 35
	}
	return []Diagnosis{d}
}

func ruleKeyNotFound(f *facts) []Diagnosis {
	said := f.statements("KEY_NOT_FOUND")
	finding, local := f.hasFinding("KID_NOT_IN_JWKS")
	if !local && len(said) == 0 {
		return nil
	}
	kid := ""
	if f.tok != nil {
		kid = f.tok.Token.KID()
	}
	title := "The server has no key for this token"
	if kid != "" {
		title = "The server has no key for kid " + kid
	}
	d := diag("KEY_NOT_FOUND", "error", tierLocal+36, title,
		"The server looks the signing key up by the token's kid in its JWKS and did not find it: the issuer rotated keys and the server's cache is stale, or the token comes from another tenant or environment.",
		"Check that the token's issuer is the one the server trusts; if it is, the server must refresh its JWKS.")
	if kid != "" {
		d.Evidence = append(d.Evidence, "kid "+kid)
	}
	if local {
		d.Evidence = append(d.Evidence, finding.Message)
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	if len(said) > 0 {
		d.score = serverTier(local || kid != "") + 36
	} else if local && f.codeConfirms("KEY_NOT_FOUND") {
		d.score = tierConfirmed + 36
	}
	return []Diagnosis{d}
}

func ruleMalformed(f *facts) []Diagnosis {
	said := f.statements("TOKEN_MALFORMED")
	local := f.tok != nil && (f.tok.Kind == token.KindMalformed || f.tok.Kind == token.KindJWE)
	if !local && len(said) == 0 {
		return nil
	}
	d := diag("TOKEN_MALFORMED", "error", tierLocal+55, "The server cannot parse the token",
		"The server could not even read the token: it was cut short, wrapped in quotes, sent with extra text, or is not a JWT at all.",
		"Copy the whole token again (no quotes, no line breaks) and send it as `Authorization: Bearer <token>`.")
	if f.tok != nil && f.tok.Kind == token.KindMalformed {
		d.Title = "The token is malformed: " + deref(f.tok.Error)
		d.Evidence = append(d.Evidence, "token: "+deref(f.tok.Error))
	}
	if f.tok != nil && f.tok.Kind == token.KindJWE {
		d.Title = "The token is encrypted (JWE), and this API expects a signed JWT"
		d.Detail = "A JWE's contents are only readable with the decryption key; most APIs expect a JWS access token."
		d.Evidence = append(d.Evidence, "token has 5 segments (JWE)")
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	if len(said) > 0 {
		d.score = serverTier(local) + 55
	} else if local && f.codeConfirms("TOKEN_MALFORMED") {
		d.score = tierConfirmed + 55
	}
	return []Diagnosis{d}
}

func ruleOpaque(f *facts) []Diagnosis {
	if f.tok == nil || f.tok.Kind != token.KindOpaque {
		return nil
	}
	what := "an opaque token"
	if f.tok.OpaqueFormat != nil {
		what = "a " + token.OpaqueDescription(*f.tok.OpaqueFormat)
	}
	return []Diagnosis{diag("OPAQUE_TOKEN", "info", tierContext+10, "The token is opaque: nothing to decode locally",
		"The request carried "+what+", not a JWT, so its expiry, audience and scopes cannot be read here; this explanation rests on what the server said.",
		"Ask the issuer: its introspection (RFC 7662) or tokeninfo endpoint says whether the token is active and what it grants.",
		"token: "+fingerprintOr(f.creds, "an opaque value")+" (not a JWT)")}
}

func fingerprintOr(c *Credentials, def string) string {
	if c == nil {
		return def
	}
	return c.Fingerprint
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
