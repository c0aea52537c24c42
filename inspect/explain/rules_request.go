package explain

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/why401/why401/inspect/challenge"
)

// ruleNoCredentials: nothing was sent. The request facts beat the error
// code, since many servers send invalid_token for a missing header.
func ruleNoCredentials(f *facts) []Diagnosis {
	if f.authSent() || f.status == http.StatusProxyAuthRequired || f.status < 400 {
		return nil
	}
	d := diag("NO_CREDENTIALS", "error", tierConfirmed+60, "The request carried no credentials",
		"Nothing in the request authenticated it: no Authorization header, API key or session cookie.",
		"Send the credentials the server asks for.", "request: no Authorization header")
	if len(f.challenges) > 0 {
		c := f.challenges[0]
		d.Fix = fmt.Sprintf("Send credentials for the %s scheme the server asks for: %s.", c.Scheme, howToSend(c))
		d.Evidence = append(d.Evidence, challengeEvidence(c, f.challengeHeader()))
	}
	return []Diagnosis{d}
}

func howToSend(c challenge.Challenge) string {
	switch strings.ToLower(c.Scheme) {
	case "bearer":
		if challenge.IsRegistryChallenge(c) {
			return "get a registry token from the realm first (see below)"
		}
		return "`Authorization: Bearer <access token>`"
	case "dpop":
		return "`Authorization: DPoP <token>` plus a `DPoP` proof header"
	case "basic":
		return "`Authorization: Basic base64(user:password)`"
	case "negotiate", "ntlm":
		return "Kerberos or NTLM, which curl does with `--negotiate -u :` or `--ntlm`"
	}
	return "`Authorization: " + c.Scheme + " …`"
}

// ruleCredentialsNotSeen: credentials went out, yet the server answers
// with a bare challenge, as if none arrived (rule 4 of the notes).
func ruleCredentialsNotSeen(f *facts) []Diagnosis {
	if !f.authSent() || f.status >= 500 {
		return nil
	}
	if said := f.statements("NO_CREDENTIALS"); len(said) > 0 {
		// The server says nothing arrived, yet something was sent.
		return []Diagnosis{diag("CREDENTIALS_NOT_SEEN", "error", tierServer+40,
			"The server says no credentials arrived, but the request sent "+f.creds.Header,
			"Something between the client and the server dropped or renamed the header, or the server looks for credentials somewhere else.",
			"Check for a redirect to another host, a proxy or ingress that strips Authorization, and the header or scheme the API documents.",
			append([]string{"request: " + f.creds.Header + " " + f.creds.Fingerprint}, quoteEvidence(said)...)...)}
	}
	if f.status != http.StatusUnauthorized || len(f.challenges) == 0 || f.errorCode != "" {
		return nil
	}
	if len(f.said.Statements) > 0 || !schemeOffered(f) || f.creds.Kind != "bearer" && f.creds.Kind != "dpop" {
		return nil // a Basic or Digest re-challenge means the password was refused: ruleRejected
	}
	d := diag("CREDENTIALS_NOT_SEEN", "error", tierInferred+40,
		"The server answered as if no credentials arrived",
		"The request sent "+f.creds.Header+", but the challenge has no error code, which is what servers send when a request carries nothing: something on the way may have dropped the header.",
		"Check for a redirect to another host, a proxy or ingress that strips Authorization, a misspelt header name, or a scheme written in a case the gateway rejects.",
		"request: "+f.creds.Header+" "+f.creds.Fingerprint, challengeEvidence(f.challenges[0], f.challengeHeader()))
	if f.in.Request.ViaProxy {
		d.Detail += " The request went through a proxy, which may be the one dropping it."
		d.Evidence = append(d.Evidence, "the request went through a proxy (CONNECT)")
	}
	return []Diagnosis{d}
}

// ruleRejected: a password scheme answered with the same challenge again
// means the user name or password was refused (a stale Digest nonce aside).
func ruleRejected(f *facts) []Diagnosis {
	if f.status != http.StatusUnauthorized || f.creds == nil || (f.creds.Kind != "basic" && f.creds.Kind != "digest") {
		return nil
	}
	if !f.hasChallenge(f.creds.Kind) || len(ruleDigestStale(f)) > 0 || len(ruleAuthStripped(f)) > 0 {
		return nil
	}
	for _, s := range f.said.Statements {
		if s.ID != "" {
			return nil // the server said more precisely what it refused
		}
	}
	c := challenge.Lookup(f.challenges, f.creds.Kind)[0]
	return []Diagnosis{diag("CREDENTIALS_REJECTED", "error", tierConfirmed+10,
		"The server refused the user name or password",
		"The server answered the "+schemeName(f.creds.Kind)+" credentials with the same challenge again, which is how a wrong user name or password is refused.",
		"Check the user name and password for this realm; for services that take tokens as passwords (GitHub, registries), use a token with the right permissions.",
		"request: Authorization "+f.creds.Fingerprint, challengeEvidence(c, f.challengeHeader()))}
}

// schemeOffered reports whether the scheme sent is among those challenged.
func schemeOffered(f *facts) bool {
	return f.scheme == "" || f.hasChallenge(f.scheme)
}

// ruleAuthStripped: curl -L and Go's http.Client drop Authorization when a
// redirect leaves the original host.
func ruleAuthStripped(f *facts) []Diagnosis {
	if len(f.in.Redirects) == 0 || f.creds == nil || f.creds.Header != "Authorization" {
		return nil
	}
	host := f.requestHost()
	for _, r := range f.in.Redirects {
		u, err := url.Parse(r.Location)
		if err != nil || u.Host == "" {
			continue
		}
		to := strings.ToLower(u.Hostname())
		if host != "" && to == host {
			continue
		}
		score := tierLocal + 70
		if host == "" {
			score = tierInferred + 60 // the first host is unknown: a guess, if a good one
		}
		return []Diagnosis{diag("AUTH_STRIPPED_ON_REDIRECT", "error", score,
			"The Authorization header was dropped on the redirect to "+to,
			"Clients drop Authorization when a redirect leaves the original host (curl -L, Go's http.Client, browsers), so the final request reached the server without it.",
			"Call the final URL directly, or let the client resend credentials to the new host (curl --location-trusted) if you trust it.",
			fmt.Sprintf("%d Location: %s", r.Status, r.Location), "request host "+orUnknown(host))}
	}
	return nil
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}

// knownSchemes are the schemes why401 can say something about.
func knownSchemes() []string {
	return []string{"basic", "bearer", "digest", "dpop", "negotiate", "ntlm"}
}

func ruleWrongScheme(f *facts) []Diagnosis {
	if f.status == http.StatusProxyAuthRequired || f.creds == nil || len(f.challenges) == 0 {
		return nil // a 407's challenge is the proxy's, not about the API's credentials
	}
	if f.scheme == "" {
		return credentialsNotAsked(f)
	}
	if f.hasChallenge(f.scheme) {
		return nil
	}
	offered := offeredSchemes(f)
	if onlyIntegrated(offered) || f.scheme == "bearer" && onlyDPoP(offered) {
		return nil // INTEGRATED_AUTH and DPOP_REQUIRED say it better
	}
	c := f.challenges[0]
	return []Diagnosis{diag("WRONG_SCHEME", "error", tierConfirmed+20,
		fmt.Sprintf("The server wants %s credentials, not %s", strings.Join(offered, " or "), schemeName(f.scheme)),
		fmt.Sprintf("The request sent `Authorization: %s …`, but the server only offers %s.", schemeName(f.scheme), strings.Join(offered, ", ")),
		schemeFix(c), "request: Authorization "+f.creds.Fingerprint, challengeEvidence(c, f.challengeHeader()))}
}

// credentialsNotAsked: an API key or a cookie went to a server that
// challenges for an Authorization scheme.
func credentialsNotAsked(f *facts) []Diagnosis {
	offered := offeredSchemes(f)
	what := map[string]string{"api_key": "an API key in " + f.creds.Header, "cookie": "a session cookie"}[f.creds.Kind]
	if what == "" {
		return nil
	}
	c := f.challenges[0]
	return []Diagnosis{diag("WRONG_SCHEME", "error", tierConfirmed+20,
		fmt.Sprintf("The server wants %s credentials; the request sent only %s", strings.Join(offered, " or "), what),
		"The server challenges for an Authorization scheme and does not take the credentials the request carried.",
		schemeFix(c), "request: "+f.creds.Header+" "+f.creds.Fingerprint, challengeEvidence(c, f.challengeHeader()))}
}

func schemeFix(c challenge.Challenge) string {
	if strings.EqualFold(c.Scheme, "basic") {
		realm, _ := c.Get("realm")
		fix := "Send `Authorization: Basic base64(user:password)`."
		switch {
		case strings.EqualFold(realm, "GitHub"):
			fix += " For GitHub, use a personal access token as the password."
		case strings.Contains(strings.ToLower(realm), "ecr") || c.Params != nil && hasParamValue(c, "service", "ecr.amazonaws.com"):
			fix += " For ECR, the user is AWS and the password comes from `aws ecr get-login-password`."
		}
		return fix
	}
	return "Send " + howToSend(c) + "."
}

func hasParamValue(c challenge.Challenge, name, value string) bool {
	v, ok := c.Get(name)
	return ok && strings.EqualFold(v, value)
}

func offeredSchemes(f *facts) []string {
	var out []string
	for _, c := range f.challenges {
		if !containsFold(out, c.Scheme) {
			out = append(out, c.Scheme)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func onlyIntegrated(offered []string) bool {
	for _, s := range offered {
		if !strings.EqualFold(s, "negotiate") && !strings.EqualFold(s, "ntlm") {
			return false
		}
	}
	return len(offered) > 0
}

func onlyDPoP(offered []string) bool {
	return len(offered) == 1 && strings.EqualFold(offered[0], "dpop")
}

func schemeName(lower string) string {
	switch lower {
	case "bearer":
		return "Bearer"
	case "dpop":
		return "DPoP"
	case "basic":
		return "Basic"
	}
	return lower
}

// ruleInvalidRequest: the server says the request itself is malformed, or
// the request shows why (two ways of sending a token, an empty Bearer).
func ruleInvalidRequest(f *facts) []Diagnosis {
	said := f.statements("INVALID_REQUEST")
	local := requestProblems(f)
	if f.errorCode != "invalid_request" && len(said) == 0 && len(local) == 0 {
		return nil
	}
	d := diag("INVALID_REQUEST", "error", tierLocal+30, "The server says the request is malformed",
		"RFC 6750 invalid_request: a missing or repeated parameter, a token sent in more than one way, or an Authorization header it cannot read.",
		"Send the token exactly once, in `Authorization: Bearer <token>`, and nowhere else.", local...)
	if len(local) > 0 {
		d.Title = "The request is malformed: " + strings.TrimPrefix(local[0], "request: ")
	}
	if f.errorCode == "invalid_request" {
		d.score = serverTier(len(local) > 0) + 30
		d.Evidence = append(d.Evidence, challengeEvidence(f.errorFrom, f.challengeHeader()))
	}
	if len(said) > 0 {
		d.score = max(d.score, serverTier(len(local) > 0)+30)
		d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	}
	return []Diagnosis{d}
}

func requestProblems(f *facts) []string {
	var out []string
	auths := headerValues(f.in.Request.Headers, "Authorization")
	if len(auths) > 1 {
		out = append(out, fmt.Sprintf("request: %d Authorization headers", len(auths)))
	}
	if len(auths) == 1 {
		if scheme, rest, _ := strings.Cut(strings.TrimSpace(auths[0]), " "); strings.TrimSpace(rest) == "" {
			out = append(out, "request: `Authorization: "+scheme+"` has no token after the scheme")
		}
	}
	if u, err := url.Parse(f.in.Request.URL); err == nil && len(auths) > 0 {
		for _, p := range []string{"access_token", "token"} {
			if u.Query().Has(p) {
				out = append(out, "request: the token is in the Authorization header and in the query ("+p+")")
			}
		}
	}
	return out
}
