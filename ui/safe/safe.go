// Package safe makes text from the network or from a token harmless to print
// on a terminal: control characters and escape sequences are shown as
// visible escapes instead of being executed by the terminal.
package safe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line sanitises s for a single line: every control character, including
// newlines and tabs, becomes a visible escape such as \x1b or \n.
func Line(s string) string { return clean(s, false) }

// Text sanitises s but keeps newlines and tabs, for multi-line bodies.
func Text(s string) string { return clean(s, true) }

func clean(s string, keepLayout bool) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepLayout && (r == '\n' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case unicode.IsControl(r) || isFormatControl(r):
			writeEscape(&b, r)
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII needs no work.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// isFormatControl catches invisible characters that reorder or hide text
// (bidi overrides, zero-width joiners), which can disguise a value.
func isFormatControl(r rune) bool {
	return unicode.Is(unicode.Cf, r)
}

func writeEscape(b *strings.Builder, r rune) {
	if r < 0x100 {
		fmt.Fprintf(b, `\x%02x`, r)
		return
	}
	fmt.Fprintf(b, `\u%04x`, r)
}
