package curl

import "strings"

// Build writes a curl command that sends method, url, headers and body,
// every argument single-quoted for POSIX shells so that no value is ever
// expanded — except placeholders like $TOKEN, which callers put in on
// purpose and which are left in double quotes so the shell fills them.
func Build(method, url string, headers []Header, body string) string {
	var b strings.Builder
	b.WriteString("curl")
	if method != "" && method != "GET" {
		b.WriteString(" -X " + quote(method))
	}
	for _, h := range headers {
		b.WriteString(" \\\n  -H " + quote(h.Name+": "+h.Value))
	}
	if body != "" {
		b.WriteString(" \\\n  --data-raw " + quote(body))
	}
	b.WriteString(" \\\n  " + quote(url))
	return b.String()
}

// quote single-quotes s, or double-quotes it when it holds a $PLACEHOLDER
// (upper-case letters and underscores) and nothing else a shell would touch.
func quote(s string) string {
	if placeholderOnly(s) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// placeholderOnly: s contains a $NAME and no character that is special
// inside double quotes besides that one $.
func placeholderOnly(s string) bool {
	i := strings.IndexByte(s, '$')
	if i < 0 || strings.ContainsAny(s, "`\\\"!") || strings.Count(s, "$") != 1 {
		return false
	}
	name := s[i+1:]
	if j := strings.IndexFunc(name, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r == '_') }); j >= 0 {
		name = name[:j]
	}
	return name != ""
}
