package explain

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/why401/why401/inspect/challenge"
	"github.com/why401/why401/inspect/servermsg"
	"github.com/why401/why401/inspect/token"
)

// facts are derived once from the input and shared by every rule.
type facts struct {
	in         Input
	status     int
	parse      challenge.Result
	challenges []challenge.Challenge // WWW-Authenticate (Proxy-Authenticate on 407)
	proxy      []challenge.Challenge // Proxy-Authenticate on other statuses
	creds      *Credentials
	scheme     string // the Authorization scheme sent, lower case; "" when none
	tok        *token.Report
	claims     map[string]any
	serverDate *time.Time
	said       servermsg.Report
	errorCode  string // the challenge's error, from the challenge matching what was sent
	errorDesc  string
	errorFrom  challenge.Challenge
}

func gather(in Input) *facts {
	f := &facts{in: in, status: in.Status, tok: in.Token}
	if f.tok != nil {
		f.claims = f.tok.Token.Claims
	}
	f.parseChallenges()
	f.creds, f.scheme = credentialsOf(in.Request, in.Token)
	if d, ok := headerValue(in.ResponseHeaders, "Date"); ok {
		if t, err := http.ParseTime(d); err == nil {
			t = t.UTC()
			f.serverDate = &t
		}
	}
	f.pickError()
	f.said = servermsg.Read(servermsg.Response{
		Status: in.Status, Headers: toServerHeaders(in.ResponseHeaders), Body: in.Body, Descriptions: f.descriptions(),
	})
	return f
}

func (f *facts) parseChallenges() {
	www := headerValues(f.in.ResponseHeaders, "WWW-Authenticate")
	prox := headerValues(f.in.ResponseHeaders, "Proxy-Authenticate")
	if f.status == http.StatusProxyAuthRequired && len(www) == 0 {
		f.parse = challenge.Parse(prox, challenge.Lenient)
		f.challenges, f.proxy = f.parse.Challenges, f.parse.Challenges
		return
	}
	f.parse = challenge.Parse(www, challenge.Lenient)
	f.challenges = f.parse.Challenges
	if len(prox) > 0 {
		f.proxy = challenge.Parse(prox, challenge.Lenient).Challenges
	}
}

// pickError finds the challenge error that applies: on the challenge of
// the scheme that was sent (RFC 9449 §7.2), else the first one with an error.
func (f *facts) pickError() {
	idx := -1
	for i, c := range f.challenges {
		if _, ok := c.Get("error"); !ok {
			continue
		}
		if idx < 0 {
			idx = i
		}
		if f.scheme != "" && strings.EqualFold(c.Scheme, f.scheme) {
			idx = i
			break
		}
	}
	if idx >= 0 {
		f.errorFrom = f.challenges[idx]
		f.errorCode, _ = f.errorFrom.Get("error")
		f.errorDesc, _ = f.errorFrom.Get("error_description")
	}
}

func (f *facts) descriptions() []string {
	var out []string
	for _, c := range f.challenges {
		if d, ok := c.Get("error_description"); ok && d != "" {
			out = append(out, d)
		}
	}
	return out
}

// clock is the time conclusions about the token rest on: the server's
// Date when the response has one (it is the clock that refused the
// token), else the local clock.
func (f *facts) clock() (time.Time, string) {
	if f.serverDate != nil {
		return *f.serverDate, "the server's Date"
	}
	return f.in.Now, "the local clock"
}

// statements returns what the server said about id.
func (f *facts) statements(id string) []servermsg.Statement {
	var out []servermsg.Statement
	for _, s := range f.said.Statements {
		if s.ID == id {
			out = append(out, s)
		}
	}
	return out
}

// codeConfirms reports whether the challenge's bare invalid_token backs a
// local finding of cause id: it does unless the server named another cause.
func (f *facts) codeConfirms(id string) bool {
	if f.errorCode != "invalid_token" {
		return false
	}
	for _, s := range f.said.Statements {
		if s.ID != "" && s.ID != id {
			return false
		}
	}
	return true
}

// saidAny reports whether the server said anything classified as id.
func (f *facts) saidAny(id string) bool { return len(f.statements(id)) > 0 }

// quoteEvidence renders statements as evidence lines.
func quoteEvidence(ss []servermsg.Statement) []string {
	var out []string
	for _, s := range ss {
		line := s.Source + ": " + quote(s.Quote)
		if s.Vendor != "" {
			line += " (" + s.Vendor + ")"
		}
		out = append(out, line)
	}
	return out
}

func quote(s string) string {
	r := []rune(s)
	if len(r) > 200 {
		s = string(r[:199]) + "…"
	}
	return "\"" + s + "\""
}

// hasChallenge reports whether a challenge of scheme was offered. WSO2's
// unregistered OAuth2 scheme carries RFC 6750 parameters: it is Bearer.
func (f *facts) hasChallenge(scheme string) bool {
	if strings.EqualFold(scheme, "bearer") && len(challenge.Lookup(f.challenges, "oauth2")) > 0 {
		return true
	}
	return len(challenge.Lookup(f.challenges, scheme)) > 0
}

// challengeEvidence quotes a challenge as the server sent it.
func challengeEvidence(c challenge.Challenge, header string) string {
	return header + ": " + challenge.Format([]challenge.Challenge{c})
}

func (f *facts) challengeHeader() string {
	if f.status == http.StatusProxyAuthRequired {
		return "Proxy-Authenticate"
	}
	return "WWW-Authenticate"
}

func (f *facts) authSent() bool { return f.creds != nil }

// credentialsOf says what the request carried and with which scheme.
func credentialsOf(r Request, tok *token.Report) (*Credentials, string) {
	if v, ok := headerValue(r.Headers, "Authorization"); ok {
		scheme, rest, _ := strings.Cut(strings.TrimSpace(v), " ")
		kind := strings.ToLower(scheme)
		switch kind {
		case "bearer", "dpop", "basic", "digest":
		default:
			kind = "other"
		}
		return &Credentials{Kind: kind, Header: "Authorization", Fingerprint: fingerprint(kind, scheme, rest, tok)}, strings.ToLower(scheme)
	}
	if c, ok := namedAPIKey(r); ok {
		return c, ""
	}
	for _, h := range r.Headers {
		if isAPIKeyHeader(h.Name) {
			return &Credentials{Kind: "api_key", Header: h.Name, Fingerprint: h.Name + " " + tail(h.Value)}, ""
		}
	}
	if v, ok := headerValue(r.Headers, "Cookie"); ok {
		return &Credentials{Kind: "cookie", Header: "Cookie", Fingerprint: cookieNames(v)}, ""
	}
	return nil, ""
}

// namedAPIKey finds the API key the caller named, in a header or the query.
func namedAPIKey(r Request) (*Credentials, bool) {
	if r.APIKey == "" {
		return nil, false
	}
	if v, ok := headerValue(r.Headers, r.APIKey); ok {
		return &Credentials{Kind: "api_key", Header: r.APIKey, Fingerprint: r.APIKey + " " + tail(v)}, true
	}
	if u, err := url.Parse(r.URL); err == nil && u.Query().Has(r.APIKey) {
		return &Credentials{Kind: "api_key", Header: "query parameter " + r.APIKey, Fingerprint: r.APIKey + " " + tail(u.Query().Get(r.APIKey))}, true
	}
	return nil, false
}

func fingerprint(kind, scheme, rest string, tok *token.Report) string {
	rest = strings.TrimSpace(rest)
	switch {
	case kind == "basic":
		if b, err := base64.StdEncoding.DecodeString(rest); err == nil {
			user, _, _ := strings.Cut(string(b), ":")
			return "Basic user " + user
		}
		return "Basic (not valid base64)"
	case tok != nil && tok.Kind == token.KindJWS:
		parts := []string{tok.Token.Alg()}
		if k := tok.Token.KID(); k != "" {
			parts = append(parts, "kid "+k)
		}
		return strings.Join(append(parts, tail(rest)), " ")
	case tok != nil && tok.OpaqueFormat != nil:
		return *tok.OpaqueFormat + " " + tail(rest)
	}
	return scheme + " " + tail(rest)
}

// tail shows the last four characters of a secret, which is enough to tell
// two tokens apart and not enough to use one.
func tail(s string) string {
	if len(s) <= 8 {
		return "…"
	}
	return "…" + s[len(s)-4:]
}

func cookieNames(v string) string {
	var names []string
	for _, part := range strings.Split(v, ";") {
		if n, _, ok := strings.Cut(strings.TrimSpace(part), "="); ok {
			names = append(names, n)
		}
	}
	return "cookies " + strings.Join(names, ", ")
}

func isAPIKeyHeader(name string) bool {
	switch strings.ToLower(name) {
	case "x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token", "private-token", "x-goog-api-key", "ocp-apim-subscription-key":
		return true
	}
	return false
}

func headerValue(hs []Header, name string) (string, bool) {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value, true
		}
	}
	return "", false
}

func headerValues(hs []Header, name string) []string {
	var out []string
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			out = append(out, h.Value)
		}
	}
	return out
}

func toServerHeaders(hs []Header) []servermsg.Header {
	out := make([]servermsg.Header, len(hs))
	for i, h := range hs {
		out[i] = servermsg.Header{Name: h.Name, Value: h.Value}
	}
	return out
}

// requestHost is the host the request was sent to, "" when unknown.
func (f *facts) requestHost() string {
	u, err := url.Parse(f.in.Request.URL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }
