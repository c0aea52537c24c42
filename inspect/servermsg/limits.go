package servermsg

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Caps keep every output small whatever the server sent: a report is shown
// on one screen, and a hostile body must not cost memory or time.
const (
	maxBodyRead     = 1 << 20 // bytes of a body ReadBody looks at
	maxClassify     = 8 << 10
	maxQuote        = 300
	maxError        = 200
	maxDescription  = 2000
	maxPageText     = 500
	maxExtraValue   = 500
	maxExtraEntries = 32
	maxStatements   = 32
)

// clip returns s as valid UTF-8 of at most n runes, with "…" when it was cut.
func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n-1 {
			break
		}
		count++
	}
	return strings.TrimRightFunc(s[:i], unicode.IsSpace) + "…"
}

// collapse turns every run of white space (and control characters, which a
// terminal must not receive raw) into one space and trims the ends.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// putExtra stores a trimmed, capped value; empty values and entries beyond
// the cap are dropped so Extra stays small.
func putExtra(m map[string]string, key, value string) map[string]string {
	value = strings.TrimSpace(value)
	if value == "" {
		return m
	}
	if m == nil {
		m = map[string]string{}
	}
	if _, ok := m[key]; !ok && len(m) >= maxExtraEntries {
		return m
	}
	m[key] = clip(value, maxExtraValue)
	return m
}

// tidy collapses white space within each line and drops empty lines, so a
// multi-line server message keeps its structure but nothing else.
func tidy(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = collapse(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// asciiLower lower-cases ASCII letters only, so byte offsets in the result
// are offsets in s (strings.ToLower may change the length of other runes).
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
