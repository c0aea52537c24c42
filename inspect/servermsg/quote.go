package servermsg

import (
	"strings"
	"unicode/utf8"
)

// segmentEnds separate the independent parts of a server message: lines,
// ASP.NET's "; " between descriptions, and the trace ids Entra appends.
func segmentEnds() []string { return []string{"\n", "\r", "; ", " Trace ID:"} }

// segment widens [start,end) to the part of text it belongs to.
func segment(text string, start, end int) (int, int) {
	s := 0
	for _, d := range segmentEnds() {
		if i := strings.LastIndex(text[:start], d); i >= 0 && i+len(d) > s {
			s = i + len(d)
		}
	}
	e := len(text)
	for _, d := range segmentEnds() {
		if i := strings.Index(text[end:], d); i >= 0 && end+i < e {
			e = end + i
		}
	}
	return s, e
}

// quote returns the server's words from the sentence holding the match to
// the end of its segment, trimmed and at most maxQuote runes. Starting at
// that sentence keeps two causes in one line ("AADSTS70002: … AADSTS50012:
// …") apart and makes sure a cut never loses the words that matched.
func quote(text string, segStart, segEnd, matchStart int) string {
	from := segStart
	if i := strings.LastIndex(text[segStart:matchStart], ". "); i >= 0 {
		from = segStart + i + 2
	}
	if utf8.RuneCountInString(text[from:segEnd]) > maxQuote && matchStart-from > 200 {
		from = matchStart
	}
	return clip(strings.TrimSpace(text[from:segEnd]), maxQuote)
}
