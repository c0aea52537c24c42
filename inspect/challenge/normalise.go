package challenge

import (
	"strings"
	"unicode/utf8"
)

// normalise turns the raw field values into the strings the parser and all
// offsets work on: the input cap applied, a pasted header name removed,
// obs-fold unfolded and non-UTF-8 bytes read as ISO-8859-1. Fields past the
// cap become empty so field indexes stay those of the caller.
func (p *parser) normalise(fields []string) []string {
	out := make([]string, len(fields))
	budget := maxInput
	capped := false
	for f, raw := range fields {
		if budget <= 0 {
			if raw != "" && !capped {
				capped = true
				p.diag(f, 0, CodeInputTooLarge, msgInputTooLarge())
			}
			continue
		}
		cut := false
		if len(raw) > budget {
			raw, cut = cutAtRune(raw, budget), true
		}
		budget -= len(raw)
		out[f] = p.normaliseField(f, raw)
		if cut {
			capped = true
			p.diag(f, len(out[f]), CodeInputTooLarge, msgInputTooLarge())
			budget = 0
		}
	}
	return out
}

// cutAtRune shortens s to at most n bytes without splitting a UTF-8 sequence,
// which would otherwise turn into Latin-1 mojibake.
func cutAtRune(s string, n int) string {
	for cut := n; cut > 0 && cut > n-utf8.UTFMax; cut-- {
		if utf8.RuneStart(s[cut]) {
			return s[:cut]
		}
	}
	return s[:n]
}

// normaliseField handles one field. The common case (plain UTF-8, no line
// breaks, no header name) returns the input without copying.
func (p *parser) normaliseField(f int, s string) string {
	if rest, ok := stripHeaderName(s); ok {
		s = rest
		p.diag(f, 0, CodeHeaderName, msgHeaderName())
	}
	if strings.IndexByte(s, '\n') < 0 && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	folded, latin := false, false
	for i := 0; i < len(s); {
		p.steps++
		c := s[i]
		if n := foldLen(s, i); n > 0 {
			if !folded {
				folded = true
				p.diag(f, b.Len(), CodeObsFold, msgObsFold())
			}
			b.WriteByte(' ')
			i += n
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			if !latin {
				latin = true
				p.diag(f, b.Len(), CodeNotUTF8, msgNotUTF8())
			}
			// ISO-8859-1 maps each byte to the code point of the same value.
			b.WriteRune(rune(c))
			i++
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// foldLen returns the length of the obs-fold (CRLF or a bare LF, followed by
// at least one SP or HTAB) starting at i, or 0. RFC 9112 §5.2 lets a
// recipient replace it with SP.
func foldLen(s string, i int) int {
	j := i
	switch {
	case s[j] == '\r' && j+1 < len(s) && s[j+1] == '\n':
		j += 2
	case s[j] == '\n':
		j++
	default:
		return 0
	}
	if j >= len(s) || !isWS(s[j]) {
		return 0
	}
	for j < len(s) && isWS(s[j]) {
		j++
	}
	return j - i
}

// headerNames are the field names a user may paste along with the value.
var headerNames = [...]string{"www-authenticate", "proxy-authenticate"}

// stripHeaderName removes a leading "WWW-Authenticate:" or
// "Proxy-Authenticate:" (any case, optional whitespace) and the OWS after it.
func stripHeaderName(s string) (string, bool) {
	t := strings.TrimLeft(s, " \t")
	for _, name := range headerNames {
		if len(t) < len(name) || !strings.EqualFold(t[:len(name)], name) {
			continue
		}
		rest := strings.TrimLeft(t[len(name):], " \t")
		if strings.HasPrefix(rest, ":") {
			return strings.TrimLeft(rest[1:], " \t"), true
		}
	}
	return s, false
}

// SplitFieldLines splits pasted text into field values the way the CLI reads
// stdin: one field per line (LF or CRLF), where a line that starts with SP or
// HTAB continues the previous one. The folds stay in place so Parse can
// unfold them and say so; a final line break does not add an empty field.
func SplitFieldLines(text string) []string {
	var fields []string
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' || (i+1 < len(text) && isWS(text[i+1])) {
			continue
		}
		fields = append(fields, strings.TrimSuffix(text[start:i], "\r"))
		start = i + 1
	}
	if start < len(text) || len(fields) == 0 {
		fields = append(fields, strings.TrimSuffix(text[start:], "\r"))
	}
	return fields
}
