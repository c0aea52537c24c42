package explain

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/why401/why401/inspect/challenge"
	"github.com/why401/why401/inspect/servermsg"
	"github.com/why401/why401/inspect/token"
)

func ruleScope(f *facts) []Diagnosis {
	said := f.statements("INSUFFICIENT_SCOPE")
	coded := f.errorCode == "insufficient_scope"
	need := f.neededScopes(said)
	have := f.scopes()
	missing := missingFrom(need, have)
	local := f.jwt() && len(missing) > 0
	if !coded && len(said) == 0 && !(local && len(f.in.Expect.Scopes) > 0) {
		return nil
	}
	d := diag("INSUFFICIENT_SCOPE", "error", tierLocal+40, "", "",
		"Get a token that includes the missing scope (request it when you sign in; an admin may have to grant it), then retry.")
	switch {
	case len(missing) > 0 && f.jwt():
		d.Title = fmt.Sprintf("Token has %s; this endpoint needs %s", listOrNone(have), strings.Join(missing, " "))
	case len(need) > 0:
		d.Title = "This endpoint needs " + strings.Join(need, " ")
	case f.jwt():
		d.Title = "The token lacks a permission this endpoint needs; the server did not say which (token has " + listOrNone(have) + ")"
	default:
		d.Title = "The token lacks a permission this endpoint needs"
	}
	d.Detail = "The token is valid, but it does not grant enough: RFC 6750 insufficient_scope. Retrying with the same token will not help."
	if len(need) > 0 {
		d.Evidence = append(d.Evidence, "needed: "+strings.Join(need, " "))
	}
	if f.jwt() {
		d.Evidence = append(d.Evidence, "token scopes: "+listOrNone(have))
	}
	if coded {
		d.Evidence = append(d.Evidence, challengeEvidence(f.errorFrom, f.challengeHeader()))
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	if coded || len(said) > 0 {
		d.score = serverTier(local || f.jwt()) + 40
	}
	return []Diagnosis{d}
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "no scopes"
	}
	return strings.Join(s, " ")
}

// neededScopes: the challenge's scope (registries put resource scopes
// there too), what the server named in words, or what the user expects.
func (f *facts) neededScopes(said []servermsg.Statement) []string {
	if f.errorCode != "" {
		if s, ok := f.errorFrom.Get("scope"); ok && s != "" {
			return strings.Fields(s)
		}
	}
	for _, s := range said {
		if v := s.Values["scope"]; v != "" {
			return strings.Fields(v)
		}
	}
	return f.in.Expect.Scopes
}

func missingFrom(need, have []string) []string {
	var out []string
	for _, n := range need {
		if !slices.Contains(have, n) {
			out = append(out, n)
		}
	}
	return out
}

func ruleStepUp(f *facts) []Diagnosis {
	said := f.statements("STEP_UP_REQUIRED")
	if f.errorCode != "insufficient_user_authentication" && len(said) == 0 {
		return nil
	}
	d := diag("STEP_UP_REQUIRED", "error", tierServer+45, "A stronger or more recent sign-in is needed",
		"RFC 9470 step-up: the token is valid, but the way or the time the user signed in does not satisfy this endpoint.",
		"Sign in again with the acr_values and max_age from the challenge as authorization request parameters, then retry with the new token.")
	h := f.errorFrom.Hints()
	clock, _ := f.clock()
	acr := f.claimString("acr")
	if len(h.ACRValues) > 0 {
		d.Evidence = append(d.Evidence, "acr_values "+strings.Join(h.ACRValues, " "), "token acr "+orNone(acr))
		if !slices.Contains(h.ACRValues, acr) {
			d.Title = fmt.Sprintf("A stronger sign-in is needed: wanted %s, the token has %s", strings.Join(h.ACRValues, " or "), orNone(acr))
		}
	}
	if at := f.timeClaim("auth_time"); h.HasMaxAge && at != nil {
		age := clock.Sub(*at)
		d.Evidence = append(d.Evidence, "max_age "+strconv.Itoa(h.MaxAge)+"s", "auth_time "+stamp(*at))
		if age > time.Duration(h.MaxAge)*time.Second {
			d.Title = fmt.Sprintf("Sign-in is too old: last sign-in %s ago, the limit is %ds", token.Duration(age), h.MaxAge)
		}
	}
	if f.errorCode == "insufficient_user_authentication" {
		d.Evidence = append(d.Evidence, challengeEvidence(f.errorFrom, f.challengeHeader()))
		d.score = serverTier(f.jwt()) + 45
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	return []Diagnosis{d}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// ruleClaims: Microsoft's continuous access evaluation revoked the token
// and asks for a new one satisfying a claims request.
func ruleClaims(f *facts) []Diagnosis {
	said := f.statements("CLAIMS_CHALLENGE")
	var with *challenge.Challenge
	for i, c := range f.challenges {
		if _, ok := c.Get("claims"); ok {
			with = &f.challenges[i]
			break
		}
	}
	if with == nil && f.errorCode != "insufficient_claims" && len(said) == 0 {
		return nil
	}
	d := diag("CLAIMS_CHALLENGE", "error", tierServer+50, "The server wants a new token that satisfies a claims challenge",
		"Continuous access evaluation revoked this token (password reset, session revoked, location or IP policy). The client must get a new token, passing the claims challenge, and declare the cp1 capability.",
		"Acquire a new token with the decoded claims as the `claims` request parameter (MSAL: WithClaims), then retry.")
	if with != nil {
		b, _ := with.AsBearer()
		raw, _ := with.Get("claims")
		d.Evidence = append(d.Evidence, "claims "+raw)
		if b.Azure.Claims.JSON != "" {
			d.Evidence = append(d.Evidence, "decoded claims "+b.Azure.Claims.JSON)
		}
		d.score = serverTier(true) + 50
	}
	if with == nil && f.errorCode == "insufficient_claims" {
		d.Evidence = append(d.Evidence, challengeEvidence(f.errorFrom, f.challengeHeader()))
		d.score = serverTier(f.jwt()) + 50
	}
	if caps := token.Strings(f.claims["xms_cc"]); f.jwt() && !slices.Contains(caps, "cp1") {
		d.Evidence = append(d.Evidence, "token xms_cc lacks cp1: the client did not declare it can handle claims challenges")
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	return []Diagnosis{d}
}

func ruleDPoPRequired(f *facts) []Diagnosis {
	if f.scheme == "dpop" {
		if _, ok := headerValue(f.in.Request.Headers, "DPoP"); !ok {
			return []Diagnosis{diag("DPOP_REQUIRED", "error", tierLocal+55, "The request has no DPoP proof header",
				"`Authorization: DPoP <token>` must come with a `DPoP` header holding a proof JWT for this request (RFC 9449 §7.1); without it the token cannot be used.",
				"Add a DPoP header: a proof signed with the key the token is bound to, with htm, htu, iat, jti and ath.",
				"request: Authorization DPoP without a DPoP header")}
		}
	}
	said := f.statements("DPOP_REQUIRED")
	offered := f.hasChallenge("dpop")
	bound := f.cnfJKT() != ""
	sentBearer := f.scheme == "bearer"
	onlyDPoP := offered && !f.hasChallenge("bearer")
	if !(sentBearer && offered && (bound || onlyDPoP)) && len(said) == 0 && !(sentBearer && bound) {
		return nil
	}
	d := diag("DPOP_REQUIRED", "error", tierConfirmed+45, "This token must be sent with DPoP, not as a Bearer token",
		"A DPoP-bound token (cnf.jkt) proves possession of a key on every request; sent as Bearer it is refused (RFC 9449 §7.2).",
		"Send `Authorization: DPoP <token>` plus a `DPoP` header holding a proof signed with the key the token is bound to.")
	if bound {
		d.Evidence = append(d.Evidence, "token cnf.jkt "+f.cnfJKT())
	}
	if sentBearer {
		d.Evidence = append(d.Evidence, "request: Authorization Bearer")
	}
	for _, c := range challenge.Lookup(f.challenges, "dpop") {
		d.Evidence = append(d.Evidence, challengeEvidence(c, f.challengeHeader()))
	}
	if !offered && len(said) == 0 {
		d.score = tierLocal + 45
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	return []Diagnosis{d}
}

func ruleDPoPNonce(f *facts) []Diagnosis {
	said := f.statements("DPOP_NONCE_REQUIRED")
	nonce, hasNonce := headerValue(f.in.ResponseHeaders, "DPoP-Nonce")
	if f.errorCode != "use_dpop_nonce" && len(said) == 0 {
		return nil
	}
	d := diag("DPOP_NONCE_REQUIRED", "warning", serverTier(hasNonce)+70, "Retry with the server's DPoP nonce",
		"Not a credential problem: the server wants each DPoP proof to carry a nonce it issued (RFC 9449 §8–9). Nonces from the resource server and the authorization server are separate.",
		"Build a new DPoP proof with `nonce` set to the DPoP-Nonce value and retry once.")
	if hasNonce {
		d.Evidence = append(d.Evidence, "DPoP-Nonce: "+nonce)
	} else {
		d.Evidence = append(d.Evidence, "no DPoP-Nonce header: the server asked for a nonce without sending one")
	}
	if f.errorCode == "use_dpop_nonce" {
		d.Evidence = append(d.Evidence, challengeEvidence(f.errorFrom, f.challengeHeader()))
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	return []Diagnosis{d}
}

func ruleIntegrated(f *facts) []Diagnosis {
	var found []challenge.Challenge
	for _, c := range f.challenges {
		if c.Is("negotiate") || c.Is("ntlm") {
			found = append(found, c)
		}
	}
	if len(found) == 0 {
		return nil
	}
	score := tierConfirmed + 65 // more specific than NO_CREDENTIALS
	if !onlyIntegrated(offeredSchemes(f)) {
		score = tierContext + 15 // one option among others
	}
	d := diag("INTEGRATED_AUTH", "error", score, "Windows integrated authentication (Negotiate/NTLM) is required",
		"The server wants Kerberos or NTLM, which are connection-based handshakes, not tokens: there is nothing to decode. NTLM needs HTTP/1.1 keep-alive and breaks through proxies that do not keep the connection; Kerberos needs a ticket for the server's SPN.",
		"Use a client that speaks it (curl --negotiate -u : or --ntlm over HTTP/1.1) on a domain-joined machine, or ask for another scheme.")
	for _, c := range found {
		d.Evidence = append(d.Evidence, challengeEvidence(c, f.challengeHeader()))
	}
	return []Diagnosis{d}
}

func ruleDigestStale(f *facts) []Diagnosis {
	for _, c := range challenge.Lookup(f.challenges, "digest") {
		dg, ok := c.AsDigest()
		if !ok || !dg.Stale {
			continue
		}
		return []Diagnosis{diag("DIGEST_STALE", "warning", tierConfirmed+30, "The Digest nonce expired; retry with the same password",
			"stale=true means the password was right but the nonce was too old (RFC 7616 §3.3).",
			"Retry once with the new nonce from this challenge; most clients do this by themselves.",
			challengeEvidence(c, f.challengeHeader()))}
	}
	return nil
}

func ruleProxy(f *facts) []Diagnosis {
	if f.status != http.StatusProxyAuthRequired && len(f.proxy) == 0 {
		return nil
	}
	d := diag("PROXY_AUTH_REQUIRED", "error", tierConfirmed+80, "Your proxy wants credentials: the API was never reached",
		"A 407 comes from the forward proxy between you and the API, not from the API.",
		"Give the proxy its credentials (user:password in HTTPS_PROXY / HTTP_PROXY, or curl --proxy-user), which are sent as Proxy-Authorization.")
	for _, c := range f.proxy {
		d.Evidence = append(d.Evidence, challengeEvidence(c, "Proxy-Authenticate"))
	}
	if f.status == http.StatusProxyAuthRequired {
		d.Evidence = append(d.Evidence, "status 407")
	} else {
		d.score = tierLocal + 20 // a stray Proxy-Authenticate on another status
		d.Severity = "warning"
	}
	return []Diagnosis{d}
}

func ruleRegistry(f *facts) []Diagnosis {
	for _, c := range f.challenges {
		reg, ok := c.AsRegistry()
		if !ok || !challenge.IsRegistryChallenge(c) {
			continue
		}
		score := tierConfirmed + 70 // the specific form of NO_CREDENTIALS for registries
		if f.scheme == "bearer" && f.errorCode != "" {
			score = tierContext + 25 // a token was sent and judged: the scope and token rules say why
		}
		var scopes []string
		for _, s := range reg.Scopes {
			scopes = append(scopes, s.Type+":"+s.Name+":"+strings.Join(s.Actions, ","))
		}
		url := reg.Realm + "?service=" + reg.Service
		if len(scopes) > 0 {
			url += "&scope=" + strings.Join(scopes, "&scope=")
		}
		return []Diagnosis{diag("REGISTRY_TOKEN_FLOW", "info", score, "Registry token auth: get a token from "+reg.Realm+" first",
			"Container registries answer with a Bearer challenge naming a token service: the client fetches a short-lived token there (with Basic credentials for private images), then retries with it.",
			"GET "+url+" (with `-u user:token` for private repositories), then retry with `Authorization: Bearer <token>` from the JSON reply. For Docker Hub official images the name starts with library/.",
			challengeEvidence(c, f.challengeHeader()))}
	}
	return nil
}

func ruleResourceMetadata(f *facts) []Diagnosis {
	var urls []string
	for _, c := range f.challenges {
		urls = append(urls, c.Hints().ResourceMetadata...)
	}
	m := f.in.Metadata
	if len(urls) == 0 && m == nil {
		return nil
	}
	d := diag("RESOURCE_METADATA", "info", tierContext+30, "The server points to its protected resource metadata",
		"RFC 9728: the document lists the authorization servers this API trusts, the scopes it supports and its resource identifier — what a client needs to get the right token.",
		"Fetch it (explain --fetch-metadata) and get a token from one of its authorization_servers for its resource.")
	for _, u := range urls {
		d.Evidence = append(d.Evidence, "resource_metadata "+u)
	}
	if len(urls) > 1 {
		d.Evidence = append(d.Evidence, fmt.Sprintf("%d resource_metadata URLs were sent; RFC 9110 allows each parameter once per challenge", len(urls)))
	}
	if m != nil {
		d.Evidence = append(d.Evidence, metadataEvidence(m)...)
		if len(m.Problems) > 0 || m.Err != "" {
			d.Severity, d.score = "warning", tierLocal+30
			d.Title = "The protected resource metadata does not fit this request"
		}
	}
	return []Diagnosis{d}
}

func metadataEvidence(m *Metadata) []string {
	if m.Err != "" && m.URL == "" {
		return []string{"metadata: " + m.Err}
	}
	if m.Err != "" {
		return []string{"metadata " + m.URL + ": " + m.Err}
	}
	out := []string{"metadata resource " + m.Resource}
	if len(m.AuthorizationServers) > 0 {
		out = append(out, "authorization_servers "+strings.Join(m.AuthorizationServers, " "))
	}
	if len(m.ScopesSupported) > 0 {
		out = append(out, "scopes_supported "+strings.Join(m.ScopesSupported, " "))
	}
	return append(out, m.Problems...)
}

// registeredSchemes is the IANA HTTP Authentication Scheme Registry plus
// the common unregistered NTLM.
func registeredSchemes() []string {
	return []string{"basic", "bearer", "concealed", "digest", "dpop", "gnap", "hoba", "mutual", "negotiate",
		"ntlm", "oauth", "privatetoken", "scram-sha-1", "scram-sha-256", "vapid"}
}

func ruleUnknownScheme(f *facts) []Diagnosis {
	var out []Diagnosis
	for _, c := range f.challenges {
		name := strings.ToLower(c.Scheme)
		if slices.Contains(registeredSchemes(), name) {
			continue
		}
		detail := "why401 does not know the " + c.Scheme + " scheme; the server's documentation says what it expects."
		if _, ok := c.Get("error"); ok || name == "oauth2" {
			detail = c.Scheme + " is not a registered scheme, but its parameters are RFC 6750's: treat it as Bearer (WSO2 sends OAuth2)."
		}
		out = append(out, diag("UNKNOWN_SCHEME", "info", tierContext+20, "Unknown authentication scheme "+c.Scheme, detail,
			"Check the API's documentation for how to authenticate with "+c.Scheme+".", challengeEvidence(c, f.challengeHeader())))
	}
	return out
}
