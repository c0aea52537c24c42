package exchange

import (
	"bytes"
	"encoding/json"
)

// DefaultPrettyLimit bounds PrettyJSON's output when no limit is given.
const DefaultPrettyLimit = 64 << 10

// PrettyJSON indents Data (the first MaxBody bytes) as JSON and stops
// after about limit bytes of output, ending with a "…" line when cut,
// so that formatting a large body costs no more than the screen shows.
// It reports false when the body is not a JSON object or array. The
// check is structural as far as the output goes; a body that is shown
// whole is also fully validated.
func (b *Body) PrettyJSON(limit int) (string, bool) {
	if limit <= 0 {
		limit = DefaultPrettyLimit
	}
	p := indenter{limit: limit}
	out, complete, ok := p.run(b.Data)
	if !ok || (complete && !b.Truncated && !json.Valid(b.Data)) {
		return "", false
	}
	return out, true
}

// indenter re-indents JSON text without decoding it: strings and numbers
// are copied byte for byte, so escapes and precision stay as sent.
type indenter struct {
	limit int
	out   bytes.Buffer
	stack []byte
	cut   bool // a string was cut at the limit
}

// run returns the output, whether the whole input was formatted, and
// whether it looked like JSON so far.
func (p *indenter) run(data []byte) (string, bool, bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || (data[i] != '{' && data[i] != '[') {
		return "", false, false
	}
	for ; i < len(data); i++ {
		if p.out.Len() >= p.limit || p.cut {
			p.out.WriteString("\n…")
			return p.out.String(), false, true
		}
		var ok bool
		if i, ok = p.token(data, i); !ok {
			return "", false, false
		}
		if len(p.stack) == 0 {
			return p.out.String(), skipSpace(data, i+1) == len(data), skipSpace(data, i+1) == len(data)
		}
	}
	return p.out.String(), false, true // cut off: the body was truncated or is not JSON
}

// token writes the token at data[i] and returns the index of its last byte.
func (p *indenter) token(data []byte, i int) (int, bool) {
	c := data[i]
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r':
	case c == '"':
		return p.str(data, i)
	case c == '{' || c == '[':
		p.stack = append(p.stack, c)
		p.out.WriteByte(c)
		if j := skipSpace(data, i+1); j < len(data) && data[j] == closer(c) {
			p.stack = p.stack[:len(p.stack)-1]
			p.out.WriteByte(data[j])
			return j, true
		}
		p.newline()
	case c == '}' || c == ']':
		if len(p.stack) == 0 || closer(p.stack[len(p.stack)-1]) != c {
			return i, false
		}
		p.stack = p.stack[:len(p.stack)-1]
		p.newline()
		p.out.WriteByte(c)
	case c == ',':
		p.out.WriteByte(c)
		p.newline()
	case c == ':':
		p.out.WriteString(": ")
	case isAlnum(c) || c == '-' || c == '+' || c == '.':
		p.out.WriteByte(c)
	default:
		return i, false
	}
	return i, true
}

// str copies a string literal; a raw control character means not JSON.
// A string longer than the room left is cut at a character boundary.
func (p *indenter) str(data []byte, i int) (int, bool) {
	j := i + 1
	for ; j < len(data); j++ {
		switch c := data[j]; {
		case c == '\\':
			j++
		case c == '"':
			p.write(data[i : j+1])
			return j, true
		case c < 0x20:
			return j, false
		}
	}
	p.write(data[i:min(j, len(data))])
	return len(data) - 1, true
}

func (p *indenter) write(b []byte) {
	if room := p.limit - p.out.Len(); len(b) > room {
		p.out.Write(trimPartialRune(b[:max(room, 0)]))
		p.cut = true // run stops at the next token
		return
	}
	p.out.Write(b)
}

func (p *indenter) newline() {
	p.out.WriteByte('\n')
	for range p.stack {
		p.out.WriteString("  ")
	}
}

func closer(open byte) byte {
	if open == '{' {
		return '}'
	}
	return ']'
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}
