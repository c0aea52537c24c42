package bodyview

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"
)

// Kind is how a body is shown.
type Kind int

// The kinds of body.
const (
	KindText   Kind = iota // lines as sent
	KindJSON               // indented and coloured when small enough
	KindBinary             // a hex view
)

func (k Kind) String() string {
	return [...]string{"text", "json", "binary"}[k]
}

// Detect classifies a body from its first bytes and its Content-Type.
// truncated says head is only the start of the body, so a character cut at
// its end is not taken as invalid UTF-8.
func Detect(head []byte, contentType string, truncated bool) Kind {
	switch {
	case IsBinary(head, truncated):
		return KindBinary
	case IsJSONType(contentType) || looksJSON(head):
		return KindJSON
	}
	return KindText
}

// IsBinary reports whether b is not UTF-8 text, or holds the control bytes
// that mark binary data (those http.DetectContentType takes as binary, the
// same test inspect/exchange applies).
func IsBinary(b []byte, truncated bool) bool {
	if truncated {
		b = trimPartialRune(b)
	}
	if !utf8.Valid(b) {
		return true
	}
	for _, c := range b {
		if isBinaryByte(c) {
			return true
		}
	}
	return false
}

func isBinaryByte(c byte) bool {
	return c <= 0x08 || c == 0x0B || (0x0E <= c && c <= 0x1A) || (0x1C <= c && c <= 0x1F)
}

// trimPartialRune drops a character cut off at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// IsJSONType reports whether a Content-Type names JSON: application/json
// and every +json suffix (problem+json, hal+json, …).
func IsJSONType(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || strings.HasSuffix(mt, "/json")
}

// looksJSON: a body sent without a JSON type that starts like an object or
// array. Indenting validates it, so a false guess only costs the attempt.
func looksJSON(head []byte) bool {
	t := bytes.TrimLeft(head, " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[')
}
