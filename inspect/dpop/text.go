package dpop

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// maxShown bounds how much of an attacker- or bug-supplied value goes into
// a message: enough to compare by eye, never a screenful.
const maxShown = 120

// show renders a string from the proof for a message: quoted when it has
// control characters or invalid UTF-8 (a message is one line of text),
// and cut short when long.
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
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

// kind names a JSON value's type the way a user would read it.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// stringClaim returns m[name] when it is a string. present reports whether
// the member exists at all, so callers can tell "missing" from "wrong type".
func stringClaim(m map[string]any, name string) (s string, present, ok bool) {
	v, present := m[name]
	s, ok = v.(string)
	return s, present, ok
}
