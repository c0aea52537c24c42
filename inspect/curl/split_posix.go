package curl

import "strings"

// posixSplitter turns pasted shell text into words the way bash would for a
// single simple command, minus every kind of expansion: people paste
// commands to show what was sent, and running $(…) or expanding $TOKEN
// would be both wrong and dangerous.
//
// Leniencies, each because pasted text does it:
//   - an unquoted newline separates words, as if it had been continued;
//   - ^ and ` before a line break continue the line (cmd and PowerShell
//     habits in text that is otherwise POSIX);
//   - & inside a word is literal, so an unquoted URL with a query string
//     stays whole; only a & that starts a word ends the command.
//
// The command ends at an unquoted |, ; or word-starting &, so
// "curl … | jq ." yields only curl's words. Redirections (> out, 2>&1) are
// dropped with their target.
type posixSplitter struct {
	s     string
	i     int
	word  strings.Builder
	open  bool // a word has begun, possibly empty as in ''
	drop  bool // the next word is a redirection target
	words []string
}

func splitPOSIX(s string) ([]string, error) {
	p := posixSplitter{s: s}
	for p.i < len(p.s) {
		stop, err := p.step()
		if err != nil {
			return nil, err
		}
		if stop {
			break
		}
	}
	p.endWord()
	return p.words, nil
}

// step consumes one unquoted character or one quoted span.
func (p *posixSplitter) step() (stop bool, err error) {
	c := p.s[p.i]
	switch c {
	case ' ', '\t', '\n', '\r':
		p.endWord()
		p.i++
	case '\\':
		p.backslash()
	case '^', '`':
		p.continuation(c)
	case '\'':
		return false, p.singleQuoted()
	case '"':
		p.begin()
		p.i++
		return false, p.doubleQuoted(p.i - 1)
	case '$':
		return false, p.dollar()
	case '#':
		p.comment()
	case '|', ';':
		return true, nil
	case '&':
		return p.ampersand(), nil
	case '<', '>':
		p.redirect()
	default:
		p.add(c)
		p.i++
	}
	return false, nil
}

func (p *posixSplitter) begin() { p.open = true }

func (p *posixSplitter) add(c byte) {
	p.open = true
	p.word.WriteByte(c)
}

func (p *posixSplitter) endWord() {
	if !p.open {
		return
	}
	if p.drop {
		p.drop = false
	} else {
		p.words = append(p.words, p.word.String())
	}
	p.word.Reset()
	p.open = false
}

// lineBreakAt returns the length of the line break at s[j] (1 for LF, 2
// for CRLF) or 0 if there is none.
func lineBreakAt(s string, j int) int {
	switch {
	case j < len(s) && s[j] == '\n':
		return 1
	case j+1 < len(s) && s[j] == '\r' && s[j+1] == '\n':
		return 2
	}
	return 0
}

// backslash handles an unquoted backslash: before a line break it joins
// the lines, otherwise it makes the next byte literal. A trailing
// backslash is a continuation with nothing after it and is dropped.
func (p *posixSplitter) backslash() {
	if n := lineBreakAt(p.s, p.i+1); n > 0 {
		p.i += 1 + n
		return
	}
	if p.i+1 < len(p.s) {
		p.add(p.s[p.i+1])
	}
	p.i += 2
}

func (p *posixSplitter) continuation(c byte) {
	if n := lineBreakAt(p.s, p.i+1); n > 0 {
		p.i += 1 + n
		return
	}
	p.add(c)
	p.i++
}

func (p *posixSplitter) singleQuoted() error {
	start := p.i
	end := strings.IndexByte(p.s[start+1:], '\'')
	if end < 0 {
		return unterminated("single quote", start)
	}
	p.begin()
	p.word.WriteString(p.s[start+1 : start+1+end])
	p.i = start + end + 2
	return nil
}

// doubleQuoted reads up to the closing quote; p.i is just past the
// opening one. Inside, a backslash escapes only $ ` " \ and a line break.
func (p *posixSplitter) doubleQuoted(start int) error {
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return nil
		case c == '\\' && p.i+1 < len(p.s):
			p.escapeInDouble()
		default:
			p.word.WriteByte(c)
			p.i++
		}
	}
	return unterminated("double quote", start)
}

func (p *posixSplitter) escapeInDouble() {
	next := p.s[p.i+1]
	if strings.IndexByte("$`\"\\", next) >= 0 {
		p.word.WriteByte(next)
		p.i += 2
		return
	}
	if n := lineBreakAt(p.s, p.i+1); n > 0 {
		p.i += 1 + n
		return
	}
	p.word.WriteByte('\\')
	p.i++
}

// dollar handles $'…' (ANSI-C quoting, used by browsers for bodies with
// quotes or control characters) and $"…" (a locale string, read as a
// plain double-quoted one). Any other $ is literal: nothing is expanded.
func (p *posixSplitter) dollar() error {
	if p.i+1 < len(p.s) {
		switch p.s[p.i+1] {
		case '\'':
			p.begin()
			end, err := decodeANSIC(p.s, p.i, &p.word)
			p.i = end
			return err
		case '"':
			p.begin()
			start := p.i
			p.i += 2
			return p.doubleQuoted(start)
		}
	}
	p.add('$')
	p.i++
	return nil
}

// comment skips from a word-starting # to the end of the line, as bash
// does. A # inside a word (a URL fragment) is literal.
func (p *posixSplitter) comment() {
	if p.open {
		p.add('#')
		p.i++
		return
	}
	if end := strings.IndexByte(p.s[p.i:], '\n'); end >= 0 {
		p.i += end
	} else {
		p.i = len(p.s)
	}
}

// ampersand ends the command at a word-starting & or &&, except for the
// redirection &>; inside a word it is literal (see posixSplitter).
func (p *posixSplitter) ampersand() (stop bool) {
	if p.open {
		p.add('&')
		p.i++
		return false
	}
	if p.i+1 < len(p.s) && p.s[p.i+1] == '>' {
		p.i++
		p.redirect()
		return false
	}
	return true
}

// redirect drops a redirection operator and, through p.drop, its target.
// A word of digits right before it is a file descriptor, not an argument.
func (p *posixSplitter) redirect() {
	if p.open && isDigits(p.word.String()) {
		p.word.Reset()
		p.open = false
	}
	p.endWord()
	p.i++
	for p.i < len(p.s) && strings.IndexByte("<>&|", p.s[p.i]) >= 0 {
		p.i++
	}
	p.drop = true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
