package curl

import "strings"

// The Windows cmd form of "Copy as cURL" goes through two parsers on
// Windows, and both have to be undone in order: cmd.exe first removes its
// ^ escapes and ^-newline continuations, then the C runtime of curl.exe
// splits the command line into arguments by its own quote and backslash
// rules. Chrome writes every argument as ^"…^", escapes an inner quote as
// \^" and most punctuation as ^X, and a newline in a body as ^ followed by
// two line breaks.

// splitCmd tokenises the Windows cmd form.
func splitCmd(s string) ([]string, error) {
	return splitCRT(unescapeCmd(s))
}

// unescapeCmd applies cmd.exe's rules: outside cmd's own double quotes, ^
// makes the next character literal (so ^" does not open a quote), and ^
// before a line break removes the break and makes the following character
// literal. Inside cmd's quotes, ^ is an ordinary character.
func unescapeCmd(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quoted:
			quoted = c != '"'
			b.WriteByte(c)
		case c == '^':
			i = cmdEscape(s, i, &b)
		default:
			quoted = c == '"'
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cmdEscape handles the ^ at s[i] and returns the index of the last byte
// it consumed.
func cmdEscape(s string, i int, b *strings.Builder) int {
	if n := lineBreakAt(s, i+1); n > 0 {
		i += n
		// The character after the break is escaped too; when it is the
		// second line break of ^\n\n, that is a literal newline.
		if m := lineBreakAt(s, i+1); m > 0 {
			b.WriteByte('\n')
			return i + m
		}
		if i+1 < len(s) {
			b.WriteByte(s[i+1])
			return i + 1
		}
		return i
	}
	if i+1 < len(s) {
		b.WriteByte(s[i+1])
		return i + 1
	}
	return i
}

// splitCRT splits a command line like the Microsoft C runtime: blanks
// separate arguments outside quotes, " toggles quoting, "" inside quotes is
// a literal quote, and backslashes are literal unless they precede a
// quote, where each pair yields one backslash and an odd one escapes the
// quote. Line breaks count as blanks because the text was pasted.
func splitCRT(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	open, quoted := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			i = crtBackslashes(s, i, &w, &quoted)
			open = true
		case c == '"':
			if quoted && i+1 < len(s) && s[i+1] == '"' {
				w.WriteByte('"')
				i++
			} else {
				quoted = !quoted
			}
			open = true
		case !quoted && strings.IndexByte(" \t\r\n", c) >= 0:
			if open {
				words = append(words, w.String())
				w.Reset()
				open = false
			}
		default:
			w.WriteByte(c)
			open = true
		}
	}
	if quoted {
		return nil, unterminated("double quote", -1)
	}
	if open {
		words = append(words, w.String())
	}
	return words, nil
}

// crtBackslashes handles a run of backslashes starting at s[i] and returns
// the index of the last byte consumed.
func crtBackslashes(s string, i int, w *strings.Builder, quoted *bool) int {
	n := 0
	for i+n < len(s) && s[i+n] == '\\' {
		n++
	}
	end := i + n
	if end >= len(s) || s[end] != '"' {
		w.WriteString(strings.Repeat(`\`, n))
		return end - 1
	}
	w.WriteString(strings.Repeat(`\`, n/2))
	if n%2 == 1 {
		w.WriteByte('"')
		return end
	}
	*quoted = !*quoted
	return end
}
