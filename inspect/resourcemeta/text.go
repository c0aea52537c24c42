package resourcemeta

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxShown bounds how much of a server-supplied value goes into a message.
const maxShown = 120

// show renders a value from the document or the request for a message:
// quoted when it has control characters or invalid UTF-8 (a message is
// one line), cut short when long.
func show(s string) string {
	if !printable(s) {
		s = strconv.Quote(s)
	}
	if len(s) <= maxShown {
		return s
	}
	cut := maxShown
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func printable(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
	}) < 0
}

// maxListed bounds how many values of a list a message names.
const maxListed = 8

// list shows a list of values for a message.
func list(vals []string) string {
	if len(vals) == 0 {
		return "none"
	}
	var shown []string
	for i, v := range vals {
		if i == maxListed {
			shown = append(shown, fmt.Sprintf("and %d more", len(vals)-i))
			break
		}
		shown = append(shown, show(v))
	}
	return strings.Join(shown, ", ")
}
