package challenge

import "strings"

// Format serialises challenges as one field value: the scheme, then the
// token68 or the parameters, challenges and parameters joined with ", ".
// A value is sent as a token when it was one on the wire (or is one), and as
// a quoted-string otherwise, with '"' and '\' escaped; Parse of the result
// gives the same challenges back.
func Format(cs []Challenge) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.Scheme)
		switch {
		case c.Token68 != nil:
			b.WriteByte(' ')
			b.WriteString(*c.Token68)
		case len(c.Params) > 0:
			b.WriteByte(' ')
			for j, p := range c.Params {
				if j > 0 {
					b.WriteString(", ")
				}
				b.WriteString(p.Name)
				b.WriteByte('=')
				writeValue(&b, p)
			}
		}
	}
	return b.String()
}

// writeValue writes a parameter value as a token or a quoted-string.
func writeValue(b *strings.Builder, p Param) {
	if !p.Quoted && isToken(p.Value) {
		b.WriteString(p.Value)
		return
	}
	b.WriteByte('"')
	v := p.Value
	for i := 0; i < len(v); i++ {
		c := v[i]
		// Escaping a SP or HTAB after a line break keeps it from reading as
		// obs-fold, which Parse would turn into a single space.
		afterBreak := i > 0 && (v[i-1] == '\n' || v[i-1] == '\r')
		if c == '"' || c == '\\' || (isWS(c) && afterBreak) {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
}
