package token

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Form is how the token was given (CONTRACT input_form).
type Form string

const (
	FormRaw                 Form = "raw"
	FormBearer              Form = "bearer"
	FormDPoP                Form = "dpop"
	FormAuthorizationHeader Form = "authorization_header"
	FormCookie              Form = "cookie"
	FormSetCookie           Form = "set_cookie"
	FormCurl                Form = "curl"
	FormHTTPRequest         Form = "http_request"
)

// Candidate is one place in the input that could hold the token.
type Candidate struct {
	Value  string
	Where  string // "Authorization header", "cookie session", "query parameter access_token"
	Scheme string // "Bearer", "DPoP", "Basic", … when it came with one
	inURL  bool
}

// Input is a token found in what the user pasted.
type Input struct {
	Form       Form
	Token      string
	Scheme     string
	Where      string
	Candidates []Candidate // every candidate found; the chosen one first
	URL        string      // the request URL, when the input was a request
	inURL      bool
}

// maxInput bounds what ReadInput accepts: a pasted request with a body is
// large, but anything past this is not something to scan for a token.
const maxInput = 8 << 20

// ReadInput finds the token in s, whatever form it was pasted in.
func ReadInput(s string) (Input, error) {
	if len(s) > maxInput {
		return Input{}, fmt.Errorf("the input is %d bytes; why401 reads at most %d", len(s), maxInput)
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	if s == "" {
		return Input{}, errors.New("no token was given")
	}
	if in, ok, err := readRequestForms(s); ok {
		return nonEmpty(in, err)
	}
	if in, ok, err := readHeaderLine(s); ok {
		return nonEmpty(in, err)
	}
	if u := unquote(s); u != s {
		return ReadInput(u) // the quotes were only around the paste
	}
	if scheme, rest, ok := schemePrefix(s); ok {
		return nonEmpty(Input{Form: Form(strings.ToLower(scheme)), Token: squeeze(rest), Scheme: scheme, Where: scheme + " value"}, nil)
	}
	if isCookieString(s) {
		return fromCandidates(FormCookie, cookieCandidates(s, "cookie"), "")
	}
	if t := squeeze(s); t != s {
		// Read the token without its line breaks and spaces again, so that
		// what this returns reads back the same (it may be a cookie string).
		return ReadInput(t)
	}
	return Input{Form: FormRaw, Token: s, Where: "raw token"}, nil
}

// nonEmpty refuses a found place that holds no token ("Authorization:",
// "Bearer " with nothing after it, a cookie with an empty value).
func nonEmpty(in Input, err error) (Input, error) {
	if err == nil && in.Token == "" {
		return in, fmt.Errorf("the %s holds no token", strings.ToLower(orDefault(in.Where, string(in.Form))))
	}
	return in, err
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// schemePrefix recognises "Bearer …" and "DPoP …" in any case.
func schemePrefix(s string) (scheme, rest string, ok bool) {
	name, rest, found := strings.Cut(s, " ")
	if !found {
		rest = "" // "Bearer" on its own: the scheme without a token
	}
	switch strings.ToLower(name) {
	case "bearer":
		return "Bearer", strings.TrimSpace(rest), true
	case "dpop":
		return "DPoP", strings.TrimSpace(rest), true
	}
	return "", "", false
}

var headerLineRE = regexp.MustCompile(`^(?i)(authorization|proxy-authorization|cookie|set-cookie)\s*:\s*`)

func readHeaderLine(s string) (Input, bool, error) {
	m := headerLineRE.FindStringSubmatch(s)
	if m == nil {
		return Input{}, false, nil
	}
	value := strings.TrimSpace(s[len(m[0]):])
	switch strings.ToLower(m[1]) {
	case "cookie":
		in, err := fromCandidates(FormCookie, cookieCandidates(value, "cookie"), "")
		return in, true, err
	case "set-cookie":
		in, err := fromCandidates(FormSetCookie, setCookieCandidates(value), "")
		return in, true, err
	}
	c := credentials(value, m[1]+" header")
	return Input{Form: FormAuthorizationHeader, Token: c.Value, Scheme: c.Scheme, Where: c.Where, Candidates: []Candidate{c}}, true, nil
}

// credentials splits an Authorization value into scheme and token.
func credentials(value, where string) Candidate {
	value = strings.TrimSpace(value)
	name, rest, found := strings.Cut(value, " ")
	if !found || !isToken(name) {
		return Candidate{Value: squeeze(value), Where: where}
	}
	scheme := name
	switch strings.ToLower(name) {
	case "bearer":
		scheme = "Bearer"
	case "dpop":
		scheme = "DPoP"
	case "basic":
		scheme = "Basic"
	}
	return Candidate{Value: squeeze(rest), Where: where, Scheme: scheme}
}

func isToken(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r)) {
			return false
		}
	}
	return s != ""
}

// fromCandidates picks the first candidate; callers order them so that the
// Authorization header comes first.
func fromCandidates(form Form, cs []Candidate, rawURL string) (Input, error) {
	if len(cs) == 0 {
		return Input{Form: form, URL: rawURL}, fmt.Errorf("no token was found in the %s", formNoun(form))
	}
	c := cs[0]
	return Input{Form: form, Token: c.Value, Scheme: c.Scheme, Where: c.Where, Candidates: cs, URL: rawURL, inURL: c.inURL}, nil
}

func formNoun(f Form) string {
	switch f {
	case FormCurl:
		return "curl command"
	case FormHTTPRequest:
		return "HTTP request"
	case FormSetCookie:
		return "Set-Cookie value"
	}
	return string(f)
}

// unquote removes one pair of surrounding quotes, as left by copying a
// string literal out of code or a JSON document.
func unquote(s string) string {
	for _, q := range []string{`"`, `'`, "`"} {
		if len(s) >= 2 && strings.HasPrefix(s, q) && strings.HasSuffix(s, q) {
			return strings.TrimSpace(s[1 : len(s)-1])
		}
	}
	return s
}

// squeeze removes whitespace and quotes inside a token: terminals and
// chat tools wrap long tokens, and JSON copies keep their quotes.
func squeeze(s string) string {
	s = unquote(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\r', '\n', '\\':
			return -1
		}
		return r
	}, s)
}

var cookieStartRE = regexp.MustCompile("^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+=[^=]")

// isCookieString tells "a=b; c=d" (or a single "session=eyJ…") from a raw token.
func isCookieString(s string) bool {
	if !cookieStartRE.MatchString(s) {
		return false
	}
	if strings.Contains(s, ";") {
		return true
	}
	_, v, _ := strings.Cut(s, "=")
	return looksJWT(v)
}

// looksJWT is a cheap shape test for a JWS or JWE.
func looksJWT(s string) bool {
	n := strings.Count(s, ".")
	return strings.HasPrefix(s, "ey") && (n == 2 || n == 4)
}

// tokenNames are names under which APIs and frameworks carry tokens.
func tokenNames() []string {
	return []string{"access_token", "id_token", "token", "jwt", "auth", "auth_token", "authorization",
		"bearer", "session", "api_key", "apikey", "key", "refresh_token", "assertion",
		"client_assertion", "subject_token", "x-api-key", "x-auth-token", "x-access-token",
		"api-key", "private-token", "x-amz-security-token"}
}

func isTokenName(name string) bool {
	n := strings.ToLower(name)
	for _, t := range tokenNames() {
		if n == t || strings.HasSuffix(n, "_"+t) || strings.HasSuffix(n, "-"+t) {
			return true
		}
	}
	return false
}

// cookieCandidates lists JWT-shaped cookies first, then token-named ones.
func cookieCandidates(s, what string) []Candidate {
	var jwts, named, all []Candidate
	for _, part := range strings.Split(s, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok || name == "" {
			continue
		}
		c := Candidate{Value: squeeze(value), Where: what + " " + name}
		if unesc, err := url.QueryUnescape(c.Value); err == nil && looksJWT(unesc) {
			c.Value = unesc
		}
		switch {
		case looksJWT(c.Value):
			jwts = append(jwts, c)
		case isTokenName(name):
			named = append(named, c)
		}
		all = append(all, c)
	}
	if len(jwts)+len(named) == 0 && len(all) == 1 {
		return all
	}
	return append(jwts, named...)
}

// setCookieCandidates takes the cookie itself, not its attributes.
func setCookieCandidates(s string) []Candidate {
	first, _, _ := strings.Cut(s, ";")
	name, value, ok := strings.Cut(strings.TrimSpace(first), "=")
	if !ok {
		return nil
	}
	return []Candidate{{Value: squeeze(value), Where: "Set-Cookie " + name}}
}
