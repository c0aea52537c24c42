package config

import "strings"

// isCredentialHeader: such a header would put a literal secret in the
// config; credentials belong to [auth], whose secrets are references.
func isCredentialHeader(name string) bool {
	switch strings.ToLower(name) {
	case "authorization", "proxy-authorization", "cookie":
		return true
	}
	return false
}

// headers reads a profile's headers, keeping their order.
func (d *doc) headers(t table, p *Profile) {
	names, values, ok := d.pairs(t, "headers", `headers = { "Accept" = "application/json" }`)
	if !ok {
		return
	}
	seen := map[string]string{}
	path := t.at("headers")
	for i, name := range names {
		at := append(append([]string(nil), path...), name)
		if msg := checkHeader(name, values[i]); msg != "" {
			d.problem(at, "%s", msg)
			continue
		}
		lower := strings.ToLower(name)
		if first, dup := seen[lower]; dup {
			d.problem(at, "repeats header %s (line %d) in another case; header names are case-insensitive, so keep only one", first, d.out.line(append(append([]string(nil), path...), first)))
			continue
		}
		seen[lower] = name
		p.Headers = append(p.Headers, Header{Name: name, Value: values[i]})
	}
}

func checkHeader(name, value string) string {
	switch {
	case name == "" || strings.IndexFunc(name, func(r rune) bool { return !isTokenChar(r) }) >= 0:
		return "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only); fix the name"
	case strings.ContainsFunc(value, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f }):
		return "has a value with a line break or another control character, which HTTP cannot carry; remove it"
	}
	if isCredentialHeader(name) {
		return "would be a literal secret in the config; remove this header and configure [auth] instead (type bearer, basic or api_key, with a secret reference)"
	}
	return ""
}

// isTokenChar is RFC 9110's tchar.
func isTokenChar(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return r < 128 && strings.ContainsRune("!#$%&'*+-.^_`|~", r)
}
