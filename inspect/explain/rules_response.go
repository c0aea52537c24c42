package explain

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/why401/why401/inspect/servermsg"
	"github.com/why401/why401/inspect/token"
)

// ruleNoChallenge: a 401 must carry a challenge (RFC 9110 §15.5.2); without
// one the scheme is unknown and the body is all there is.
func ruleNoChallenge(f *facts) []Diagnosis {
	if f.status != http.StatusUnauthorized || len(f.challenges) > 0 {
		return nil
	}
	d := diag("NO_CHALLENGE", "warning", tierInferred+10, "401 without a WWW-Authenticate challenge",
		"The server refused the request but did not say which scheme it wants, which RFC 9110 §15.5.2 requires: the body is the only clue.",
		"Read the body and the API's documentation; for Kubernetes, check the token's iss against the cluster's OIDC issuer, aud against the client id, and exp.",
		"status 401", "no WWW-Authenticate header")
	if f.said.Body.Description != "" {
		d.Evidence = append(d.Evidence, "body: "+quote(f.said.Body.Description))
	}
	return []Diagnosis{d}
}

// ruleForbidden: a 403 after successful authentication is an authorization
// decision (roles, policy, tenant); the same token will not do better.
func ruleForbidden(f *facts) []Diagnosis {
	said := f.statements("FORBIDDEN_AUTHZ")
	if (f.status != http.StatusForbidden || !f.authSent()) && len(said) == 0 {
		return nil // without credentials a 403 is NO_CREDENTIALS territory
	}
	if f.errorCode != "" && len(said) == 0 {
		return nil // the challenge's error code says more
	}
	if f.tok != nil && f.tok.Time.Status == token.TimeExpired && len(said) == 0 {
		return nil
	}
	for _, s := range f.said.Statements {
		if s.ID != "" && s.ID != "FORBIDDEN_AUTHZ" {
			return nil // the server named another cause
		}
	}
	d := diag("FORBIDDEN_AUTHZ", "error", tierInferred+20, "Authenticated, but not allowed",
		"A 403 means the server knows who you are and refuses this action (RFC 9110 §15.5.4): missing role or group, a resource policy, another tenant. Retrying with the same credentials will not help.",
		"Ask for the role or permission this action needs, or use an identity that has it.", "status 403")
	if f.jwt() {
		for _, name := range []string{"roles", "groups", "scp", "scope", "permissions"} {
			if v := token.Strings(f.claims[name]); len(v) > 0 {
				d.Evidence = append(d.Evidence, "token "+name+": "+strings.Join(v, " "))
			}
		}
	}
	if len(said) > 0 {
		d.score = serverTier(f.authSent()) + 20
		d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	}
	return []Diagnosis{d}
}

func ruleAWS(f *facts) []Diagnosis {
	said := f.statements("AWS_SIGNATURE")
	for _, st := range f.said.Statements {
		if signingCause(st.ID) && strings.HasPrefix(st.Vendor, "AWS") && f.awsResponse() {
			said = append(said, st)
		}
	}
	if len(said) == 0 {
		return nil
	}
	auth, _ := headerValue(f.in.Request.Headers, "Authorization")
	sigv4 := strings.HasPrefix(auth, "AWS4-HMAC-SHA256")
	d := diag("AWS_SIGNATURE", "error", serverTier(sigv4)+50, "AWS says: "+clipTitle(said[0].Quote),
		"AWS services send no challenge; the error body says what failed. Missing Authentication Token also means a wrong path or stage; Signature expired and not yet current mean the signing clock is off.",
		"Check the access key, session token and region, this machine's clock (signatures are valid for 5 minutes), and that the path and stage exist.", quoteEvidence(said)...)
	return []Diagnosis{d}
}

// signingCause: what an AWS error says about the request signature or the
// credentials behind it (not authorization decisions or throttling).
func signingCause(id string) bool {
	switch id {
	case "CLOCK_SKEW", "SIGNATURE_INVALID", "TOKEN_EXPIRED", "INVALID_CLIENT":
		return true
	}
	return false
}

// awsResponse reports whether the response came from an AWS service.
func (f *facts) awsResponse() bool {
	for _, h := range f.in.ResponseHeaders {
		n := strings.ToLower(h.Name)
		if strings.HasPrefix(n, "x-amzn-") || strings.HasPrefix(n, "x-amz-") {
			return true
		}
	}
	auth, _ := headerValue(f.in.Request.Headers, "Authorization")
	return strings.HasPrefix(auth, "AWS4-HMAC-SHA256")
}

// fallback says what little is known when no rule found a cause for an
// error status: the status itself and the challenge as sent.
func fallback(f *facts) []Diagnosis {
	d := diag("SERVER_SAYS", "warning", tierInferred, fmt.Sprintf("The server refused the request (%d) without saying why in words why401 knows", f.status),
		"Neither the challenge nor the body matches a known cause.",
		"Read the challenge and the body below and the API's documentation for them.", fmt.Sprintf("status %d", f.status))
	if f.errorCode != "" {
		d.Title = fmt.Sprintf("The server says error=%s", f.errorCode)
		if f.errorDesc != "" {
			d.Title += ": " + clipTitle(f.errorDesc)
		}
	}
	for _, c := range f.challenges {
		d.Evidence = append(d.Evidence, challengeEvidence(c, f.challengeHeader()))
	}
	return []Diagnosis{d}
}

// serverOnlyTitles names causes the server can state that no other rule
// covers, so its words are not lost.
func serverOnlyTitles() map[string][2]string {
	return map[string][2]string{
		"TOKEN_REVOKED":    {"The server says the token was revoked or its session ended", "Sign in again to get a new token; a revoked token stays refused even before its exp."},
		"INVALID_CLIENT":   {"The token endpoint rejected the client's credentials", "Check the client id and secret (or certificate) and whether the secret expired."},
		"CONSENT_REQUIRED": {"The user or an admin has not consented to this app's permissions", "Grant consent for the requested permissions (an admin may have to), then sign in again."},
		"INVALID_GRANT":    {"The token endpoint rejected the grant (code, refresh token or assertion)", "Start the sign-in again: the code was used or expired, or the refresh token was revoked."},
		"INVALID_SCOPE":    {"The token endpoint rejected the requested scope", "Request only scopes the client is allowed; check their exact spelling."},
		"RATE_LIMITED":     {"The server is rate-limiting this caller, not refusing its credentials", "Wait until the rate limit resets (see its Retry-After or rate-limit headers), then retry."},
	}
}

func ruleServerOnly(f *facts) []Diagnosis {
	var out []Diagnosis
	titles := serverOnlyTitles()
	for _, id := range slices.Sorted(maps.Keys(titles)) {
		t := titles[id]
		if said := f.statements(id); len(said) > 0 {
			out = append(out, diag(id, "error", tierServer+45, t[0], "The server said so in its response.", t[1], quoteEvidence(said)...))
		}
	}
	return out
}

// ruleServerSays quotes what the server said when nothing classified it,
// and an invalid_token that no local evidence explains.
func ruleServerSays(f *facts) []Diagnosis {
	var out []Diagnosis
	if d, ok := unclassified(f); ok {
		out = append(out, d)
	}
	if f.errorCode == "invalid_token" && f.tok != nil && f.errorDesc == "" && !tokenCauseKnown(f) {
		out = append(out, diag("SERVER_SAYS", "error", tierServer, "The server says the token is invalid, but not why",
			"invalid_token covers an expired, revoked, malformed or wrongly signed token (RFC 6750 §3.1); the server did not say which, and nothing in the token shows it here.",
			"Verify the signature with the issuer's keys (decode --jwks or --discover), check aud and iss against what the API expects, and ask the issuer whether the token was revoked.",
			challengeEvidence(f.errorFrom, f.challengeHeader())))
	}
	return out
}

// unclassified quotes the server's words that no rule recognised: a
// statement servermsg could attribute but not classify, else the
// challenge's error_description or the body's message.
func unclassified(f *facts) (Diagnosis, bool) {
	for _, st := range f.said.Statements {
		if st.ID != "" {
			return Diagnosis{}, false
		}
	}
	for _, st := range f.said.Statements {
		if isGeneric(st.Quote, f.status) {
			continue // "Unauthorized" only repeats the status
		}
		detail := "The server explained the failure in its own words."
		if n := st.Values["note"]; n != "" {
			detail += " " + n + "."
		}
		return diag("SERVER_SAYS", "info", tierInferred+50, "The server says: "+clipTitle(st.Quote), detail,
			"Read the message; the API's documentation for that text usually names the fix.", quoteEvidence([]servermsg.Statement{st})...), true
	}
	text := f.errorDesc
	if text == "" {
		text = f.said.Body.Description
	}
	if text == "" || isGeneric(text, f.status) {
		return Diagnosis{}, false
	}
	return diag("SERVER_SAYS", "info", tierInferred+50, "The server says: "+clipTitle(text),
		"The server explained the failure in its own words; why401 does not recognise the wording.",
		"Read the message; the API's documentation for that text usually names the fix.", "server: "+quote(text)), true
}

// isGeneric is true for messages that only repeat the status, which are
// not worth quoting as the server's explanation.
func isGeneric(text string, status int) bool {
	t := strings.ToLower(strings.Trim(strings.TrimSpace(text), ".!"))
	t = strings.TrimSpace(strings.TrimPrefix(t, strconv.Itoa(status)))
	switch t {
	case "", strings.ToLower(http.StatusText(status)), "unauthorized", "unauthorised", "forbidden",
		"unauthenticated", "access denied", "not authorized", "authentication required", "authorization required",
		"invalid token", "invalid_token", "invalid access token", "token is invalid", "the access token is invalid",
		"bad token", "invalid bearer token":
		return true
	}
	return false
}

// tokenCauseKnown reports whether some evidence explains an invalid_token.
func tokenCauseKnown(f *facts) bool {
	for _, s := range f.said.Statements {
		if s.ID != "" {
			return true
		}
	}
	if len(ruleDPoPRequired(f)) > 0 || len(ruleDPoPProof(f)) > 0 || len(ruleClaims(f)) > 0 {
		return true
	}
	clock, _ := f.clock()
	if exp := f.timeClaim("exp"); exp != nil && !clock.Before(*exp) {
		return true
	}
	if nbf := f.timeClaim("nbf"); nbf != nil && clock.Before(*nbf) {
		return true
	}
	switch {
	case f.tok.Kind == token.KindMalformed, f.tok.Kind == token.KindJWE,
		f.tok.Signature.Status == token.SigInvalid, f.tok.Signature.Status == token.SigUnsecured:
		return true
	}
	for _, id := range []string{"AUD_MISMATCH", "ISS_MISMATCH", "KID_NOT_IN_JWKS"} {
		if _, ok := f.hasFinding(id); ok {
			return true
		}
	}
	return len(ruleWrongEnvironment(f)) > 0 || len(ruleAudience(f)) > 0 || len(ruleIssuer(f)) > 0
}

func clipTitle(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > 100 {
		return string(r[:99]) + "…"
	}
	return string(r)
}
