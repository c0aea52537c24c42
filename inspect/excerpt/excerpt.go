// Package excerpt renders untrusted values (from a token, a proof, a
// server's document) for a one-line message: quoted when they hold control
// characters or invalid UTF-8, cut short when long. Terminal safety is the
// UI's job; this keeps messages readable and bounded.
package excerpt

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Max is how many bytes of a value a message shows: enough to compare by
// eye, never a screenful.
const Max = 120

// Of renders s for a message.
func Of(s string) string {
	if !printable(s) {
		s = strconv.Quote(s)
	}
	if len(s) <= Max {
		return s
	}
	cut := Max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}
