// Package redact keeps secrets out of everything why401 writes: history,
// the debug log. A secret is replaced by a fingerprint — scheme, and for a
// JWT its alg, kid, iss and exp, and the last four characters — enough to
// tell two credentials apart, never enough to use one.
package redact

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/why401/why401/inspect/token"
)

// Header is one HTTP header.
type Header struct{ Name, Value string }

// Fingerprint describes a credential without revealing it.
func Fingerprint(value string) string {
	value = strings.TrimSpace(value)
	scheme, rest, ok := strings.Cut(value, " ")
	if !ok || !isScheme(scheme) {
		scheme, rest = "", value
	}
	parts := []string{}
	if scheme != "" {
		parts = append(parts, scheme)
	}
	parts = append(parts, jwtFacts(rest)...)
	parts = append(parts, tail(rest))
	return "[redacted " + strings.Join(parts, " ") + "]"
}

// isScheme: an auth scheme is a bare word ("Bearer", "AWS4-HMAC-SHA256").
func isScheme(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return s != ""
}

// cookies fingerprints each cookie value and keeps names and attributes:
// which cookie was sent matters for debugging, its value never does.
func cookies(v string, set bool) string {
	parts := strings.Split(v, ";")
	for i, p := range parts {
		if set && i > 0 {
			break // Set-Cookie attributes (Path, HttpOnly, …) are not secret
		}
		if name, val, ok := strings.Cut(p, "="); ok {
			parts[i] = name + "=" + Fingerprint(val)
		}
	}
	return strings.Join(parts, ";")
}

// jwtFacts names a JWT's alg, kid, iss and exp, which are not secret.
func jwtFacts(s string) []string {
	t := token.Decode(s)
	if t.Kind != token.KindJWS {
		return nil
	}
	var out []string
	if a := t.Alg(); a != "" {
		out = append(out, a)
	}
	if k := t.KID(); k != "" {
		out = append(out, "kid "+k)
	}
	if iss, ok := t.Claims["iss"].(string); ok {
		out = append(out, "iss "+iss)
	}
	if exp := token.EvaluateTimes(t.Claims, time.Now(), 0).Exp; exp != nil {
		out = append(out, "exp "+exp.Format(time.RFC3339))
	}
	return out
}

func tail(s string) string {
	if len(s) <= 8 {
		return "…"
	}
	return "…" + s[len(s)-4:]
}

// IsSecretHeader reports whether a header carries credentials: the one
// list every writer (history, debug log, send output) masks by.
func IsSecretHeader(name string) bool {
	switch strings.ToLower(name) {
	case "authorization", "proxy-authorization", "cookie", "set-cookie", "dpop",
		"x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token", "private-token",
		"x-goog-api-key", "ocp-apim-subscription-key", "x-amz-security-token":
		return true
	}
	return false
}

// Headers returns hs with every credential header fingerprinted.
func Headers(hs []Header) []Header {
	out := make([]Header, len(hs))
	for i, h := range hs {
		switch n := strings.ToLower(h.Name); {
		case n == "cookie" || n == "set-cookie":
			h.Value = cookies(h.Value, n == "set-cookie")
		case IsSecretHeader(n):
			h.Value = Fingerprint(h.Value)
		}
		out[i] = h
	}
	return out
}

// secretField reports whether a query or body field holds a secret.
func secretField(name string) bool {
	switch strings.ToLower(name) {
	case "access_token", "refresh_token", "id_token", "client_secret", "password", "token",
		"api_key", "apikey", "key", "code", "code_verifier", "assertion", "client_assertion",
		"subject_token", "actor_token", "sig", "signature", "x-amz-security-token", "x-amz-signature":
		return true
	}
	return false
}

// URL returns u with secret query parameters fingerprinted.
func URL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.RawQuery == "" {
		return u
	}
	q := p.Query()
	changed := false
	for name, vals := range q {
		if secretField(name) {
			for i := range vals {
				vals[i] = Fingerprint(vals[i])
			}
			changed = true
		}
	}
	if changed {
		p.RawQuery = q.Encode()
	}
	return p.String()
}

// Body returns body with secret JSON or form fields fingerprinted, cut to
// max bytes. Bodies of other kinds are kept as they are, cut.
func Body(contentType string, body []byte, max int) []byte {
	ct := strings.ToLower(contentType)
	switch {
	case strings.Contains(ct, "json"):
		body = jsonBody(body)
	case strings.Contains(ct, "x-www-form-urlencoded"):
		body = formBody(body)
	}
	body = []byte(Text(string(body)))
	if max > 0 && len(body) > max {
		body = body[:max]
	}
	return body
}

func jsonBody(b []byte) []byte {
	var v any
	if json.Unmarshal(b, &v) != nil {
		return b
	}
	out, err := json.Marshal(walk(v))
	if err != nil {
		return b
	}
	return out
}

// walk fingerprints secret fields at any depth.
func walk(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && secretField(k) {
				x[k] = Fingerprint(s)
				continue
			}
			x[k] = walk(e)
		}
	case []any:
		for i, e := range x {
			x[i] = walk(e)
		}
	}
	return v
}

func formBody(b []byte) []byte {
	q, err := url.ParseQuery(string(b))
	if err != nil {
		return b
	}
	for name, vals := range q {
		if secretField(name) {
			for i := range vals {
				vals[i] = Fingerprint(vals[i])
			}
		}
	}
	return []byte(q.Encode())
}

// Text fingerprints anything in free text that looks like a credential: a
// JWT, or the value after Bearer/Basic/DPoP. It is the last line of defence
// for log lines, so it errs on the side of redacting.
func Text(s string) string {
	s = jwtRE().ReplaceAllStringFunc(s, Fingerprint)
	return schemeRE().ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m[strings.Index(m, " ")+1:], "[redacted") {
			return m
		}
		return Fingerprint(m)
	})
}

// The patterns are compiled per call: redaction runs per written line, not
// in a hot loop, and this keeps the package free of global state.
func jwtRE() *regexp.Regexp {
	return regexp.MustCompile(`eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)?`)
}

func schemeRE() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(bearer|basic|dpop|token)\s+[A-Za-z0-9._~+/=-]{8,}`)
}

// Secrets replaces each known secret value in s by its fingerprint: the
// exact values the process resolved are the surest thing to remove.
func Secrets(s string, secrets []string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, Fingerprint(sec))
		}
	}
	return s
}
