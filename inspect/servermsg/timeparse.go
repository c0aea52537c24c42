package servermsg

import (
	"strconv"
	"strings"
	"time"
)

// instantLayouts are the formats servers print instants in. Layouts without
// a zone are read as UTC: every one of them is documented or observed as
// UTC (ASP.NET's invariant MM/dd/yyyy, IdentityModel's "(UTC)", ARM's "UTC
// time", AWS's basic ISO 8601).
func instantLayouts() []string {
	return []string{
		time.RFC3339Nano,
		"20060102T150405Z",
		"2006-01-02 15:04:05Z07:00",
		"2006-01-02 15:04:05Z",
		"2006-01-02 15:04:05",
		"2006-01-02T15:04:05",
		"01/02/2006 15:04:05",
		"1/2/2006 3:04:05 PM",
		"1/2/2006 15:04:05",
		time.RFC1123,
		time.RFC1123Z,
		"Mon, 2 Jan 2006 15:04:05 MST",
		time.RFC850,
		time.ANSIC,
		time.UnixDate,
	}
}

// parseInstant reads an instant in one of the vendor formats and returns it
// as RFC 3339 UTC, whole seconds. Unix seconds are accepted. The zero
// values vendors print for "no value" (0001-01-01, 1970-01-01T00:00:00)
// are not instants.
func parseInstant(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	if t, ok := unixSeconds(s); ok {
		return t, true
	}
	for _, layout := range instantLayouts() {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if t.Year() <= 1 || t.Unix() == 0 {
			return "", false
		}
		return t.UTC().Format(time.RFC3339), true
	}
	return "", false
}

func unixSeconds(s string) (string, bool) {
	if len(s) < 9 || len(s) > 11 {
		return "", false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return "", false
	}
	return time.Unix(n, 0).UTC().Format(time.RFC3339), true
}
