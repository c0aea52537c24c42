package tui

import (
	"net/url"
	"strings"

	"github.com/why401/why401/store/redact"
)

// maskShown is how many leading characters of a secret stay visible: enough
// to tell "eyJh…" (a JWT) from "ghp_…" (a GitHub token), not enough to use it.
const maskShown = 4

// maskSecret hides a secret value; values too short to keep a prefix of
// are hidden entirely.
func maskSecret(s string) string {
	r := []rune(s)
	switch {
	case len(r) == 0:
		return ""
	case len(r) <= 2*maskShown:
		return "••••"
	}
	return string(r[:maskShown]) + "…"
}

// maskCredential masks the part after an auth scheme ("Bearer eyJh…"),
// since the scheme is not secret and is what the user needs to see.
func maskCredential(s string) string {
	if scheme, rest, ok := strings.Cut(s, " "); ok && isSchemeWord(scheme) {
		return scheme + " " + maskSecret(strings.TrimSpace(rest))
	}
	return maskSecret(s)
}

// maskHeader masks a credential header's value; cookies keep their names,
// which say which session was sent without giving it away. A Set-Cookie
// also keeps its attributes (Path, HttpOnly, Max-Age, …), which are not
// secret: only its first name=value pair is the cookie.
func maskHeader(name, value string) string {
	cookie, set := strings.EqualFold(name, "Cookie"), strings.EqualFold(name, "Set-Cookie")
	if !cookie && !set {
		return maskCredential(value)
	}
	parts := strings.Split(value, ";")
	for i, p := range parts {
		if set && i > 0 {
			break
		}
		// Cookie values are opaque session secrets: none of them is shown,
		// unlike a token's scheme-like first characters.
		if k, _, ok := strings.Cut(p, "="); ok {
			parts[i] = k + "=••••"
		} else if set {
			parts[i] = "••••"
		}
	}
	return strings.Join(parts, ";")
}

func isSchemeWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return s != ""
}

// isSecretParam reports whether a query parameter carries a credential
// (access_token, api_key, …). It asks store/redact, which owns the list,
// whether it would redact the parameter: one list for every writer.
func isSecretParam(name string) bool {
	probe := "http://h/?" + url.QueryEscape(name) + "=v"
	return redact.URL(probe) != probe
}

// maskURL masks the values of credential query parameters, keeping the
// rest of the URL as written.
func maskURL(u string) string {
	ps := parseParams(u)
	changed := false
	for i, p := range ps {
		if isSecretParam(p.Key) && p.Value != "" {
			ps[i] = queryParam{raw: p.raw[:strings.IndexByte(p.raw+"=", '=')] + "=" + maskSecret(p.Value)}
			changed = true
		}
	}
	if !changed {
		return u
	}
	return withParams(u, ps)
}
