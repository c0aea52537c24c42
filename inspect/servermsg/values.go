package servermsg

import (
	"strings"
)

// isTimeKey is true for the Values holding instants, which are stored as
// RFC 3339 UTC.
func isTimeKey(key string) bool {
	switch key {
	case "expired_at", "not_before", "server_time", "signed_at", "issued_at", "revoked_at":
		return true
	}
	return false
}

// cleanValue tidies one extracted value: quotes and trailing punctuation
// go, placeholders a vendor prints instead of a value ("(null)",
// "undefined", hidden PII) count as no value, instants are normalised and
// scope lists become space-separated.
func cleanValue(key, raw string) string {
	v := strings.TrimSpace(raw)
	v = strings.Trim(v, "'\"`“”‘’")
	v = strings.TrimRight(v, ".,;:")
	v = strings.TrimSpace(v)
	if isPlaceholder(v) {
		return ""
	}
	switch {
	case isTimeKey(key):
		t, ok := parseInstant(v)
		if !ok {
			return ""
		}
		return t
	case key == "scope" || key == "expected" && strings.Contains(v, "','"):
		return listValue(v)
	}
	return clip(v, maxExtraValue)
}

func isPlaceholder(v string) bool {
	switch strings.ToLower(v) {
	case "", "null", "(null)", "undefined", "none", "system.datetime", "system.string", "system.datetimeoffset":
		return true
	}
	return strings.Contains(v, "PII is hidden") || strings.Contains(v, "PII of type")
}

// listValue turns "'a', 'b' or 'c'", "['a','b']" and "a, b" into "a b".
func listValue(v string) string {
	v = strings.NewReplacer("[", " ", "]", " ", "'", " ", "\"", " ", ",", " ").Replace(v)
	var out []string
	for _, f := range strings.Fields(v) {
		if f == "or" || f == "and" {
			continue
		}
		out = append(out, f)
	}
	return clip(strings.Join(out, " "), maxExtraValue)
}
