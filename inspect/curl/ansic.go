package curl

import (
	"strings"
	"unicode/utf8"
)

// decodeANSIC decodes the $'…' quoted span that starts at s[start] (the $)
// into w, bash style, and returns the index just past the closing quote.
// Chrome and Firefox use this form for any body containing a quote, a
// newline or a non-ASCII character.
func decodeANSIC(s string, start int, w *strings.Builder) (int, error) {
	i := start + 2
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\'':
			return i + 1, nil
		case c == '\\' && i+1 < len(s):
			i = ansiEscape(s, i+1, w)
		default:
			w.WriteByte(c)
			i++
		}
	}
	return i, unterminated("$' quote", start)
}

// simpleEscapes maps the one-letter escapes of bash's ANSI-C quoting.
var simpleEscapes = map[byte]byte{
	'a': '\a', 'b': '\b', 'e': 0x1b, 'E': 0x1b, 'f': '\f', 'n': '\n',
	'r': '\r', 't': '\t', 'v': '\v', '\\': '\\', '\'': '\'', '"': '"', '?': '?',
}

// ansiEscape decodes the escape whose letter is at s[j] and returns the
// index after it. Unknown escapes keep their backslash, as bash does.
func ansiEscape(s string, j int, w *strings.Builder) int {
	c := s[j]
	if b, ok := simpleEscapes[c]; ok {
		w.WriteByte(b)
		return j + 1
	}
	switch {
	case c >= '0' && c <= '7':
		v, end := readDigits(s, j, 3, 8)
		w.WriteByte(byte(v))
		return end
	case c == 'x':
		return hexEscape(s, j, w)
	case c == 'u':
		return unicodeEscape(s, j, 4, w)
	case c == 'U':
		return unicodeEscape(s, j, 8, w)
	case c == 'c' && j+1 < len(s):
		w.WriteByte(s[j+1] & 0x1f)
		return j + 2
	}
	w.WriteByte('\\')
	w.WriteByte(c)
	return j + 1
}

// hexEscape decodes \xHH as a single byte, like bash; with no hex digit
// the escape stays literal.
func hexEscape(s string, j int, w *strings.Builder) int {
	v, end := readDigits(s, j+1, 2, 16)
	if end == j+1 {
		w.WriteString(`\x`)
		return j + 1
	}
	w.WriteByte(byte(v))
	return end
}

// unicodeEscape decodes \uHHHH or \UHHHHHHHH whose letter is at s[j]. A
// UTF-16 surrogate pair written as two \u escapes is joined into one
// character: Firefox escapes JavaScript strings code unit by code unit, so
// emoji arrive that way.
func unicodeEscape(s string, j, max int, w *strings.Builder) int {
	v, end := readDigits(s, j+1, max, 16)
	if end == j+1 {
		w.WriteByte('\\')
		w.WriteByte(s[j])
		return j + 1
	}
	if v >= 0xD800 && v < 0xDC00 && strings.HasPrefix(s[end:], `\u`) {
		lo, loEnd := readDigits(s, end+2, 4, 16)
		if loEnd-end == 6 && lo >= 0xDC00 && lo < 0xE000 {
			v = 0x10000 + (v-0xD800)<<10 + (lo - 0xDC00)
			end = loEnd
		}
	}
	if !utf8.ValidRune(v) {
		v = utf8.RuneError
	}
	w.WriteRune(v)
	return end
}

// readDigits reads up to max digits in base (8 or 16) from s[j] and
// returns their value and the index after them. Eight hex digits can
// overflow a rune; the result is then negative and rejected by
// utf8.ValidRune.
func readDigits(s string, j, max, base int) (rune, int) {
	var v rune
	end := j
	for end < len(s) && end-j < max {
		d := digitValue(s[end])
		if d < 0 || d >= base {
			break
		}
		v = v*rune(base) + rune(d)
		end++
	}
	return v, end
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
