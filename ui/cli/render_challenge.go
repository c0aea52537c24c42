package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/why401/why401/inspect/challenge"
	"github.com/why401/why401/ui/safe"
)

// renderChallenges prints each challenge with its parameters, then the
// diagnostics with a caret under the byte they point at.
func renderChallenges(w io.Writer, res challenge.Result, st style) {
	p := printer{w: w, st: st}
	p.line(st.bold(fmt.Sprintf("%d challenge%s in %d field%s", len(res.Challenges), plural(len(res.Challenges)),
		len(res.Fields), plural(len(res.Fields)))))
	for i, c := range res.Challenges {
		p.challenge(i, c)
	}
	p.diagnostics(res)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func (p printer) challenge(i int, c challenge.Challenge) {
	p.line(fmt.Sprintf("\n%d. %s%s", i+1, p.st.bold(safe.Line(c.Scheme)), p.st.dim(fmt.Sprintf("  field %d, byte %d", c.Field+1, c.Offset))))
	if c.Token68 != nil {
		p.line("   " + p.st.cyan("token68") + "  " + safe.Line(*c.Token68))
	}
	width := 0
	for _, prm := range c.Params {
		width = max(width, len(prm.Name))
	}
	for _, prm := range c.Params {
		name := safe.Line(prm.Name)
		value := safe.Line(prm.Value)
		if value == "" {
			value = p.st.dim(`""`)
		}
		p.line(fmt.Sprintf("   %s%s  %s", p.st.cyan(name), strings.Repeat(" ", max(0, width-len(name))), value))
	}
	for _, h := range schemeHints(c) {
		p.line("   " + p.st.dim("→ "+safe.Line(h)))
	}
}

func (p printer) diagnostics(res challenge.Result) {
	if len(res.Diagnostics) == 0 {
		return
	}
	p.section("diagnostics")
	for _, d := range res.Diagnostics {
		p.line(fmt.Sprintf("  %s  %s  %s", p.st.severity(string(d.Severity)), p.st.bold(d.Code),
			p.st.dim(fmt.Sprintf("field %d, byte %d: ", d.Field+1, d.Offset))+safe.Line(d.Message)))
		if d.Severity != challenge.SeverityInfo && d.Field >= 0 && d.Field < len(res.Fields) {
			text, caret := excerpt(res.Fields[d.Field], d.Offset, 70)
			p.line("     " + text)
			p.line("     " + strings.Repeat(" ", caret) + p.st.red("^"))
		}
	}
}

// excerpt returns up to width characters of field around offset, sanitised,
// and the column of offset within it, so a caret can point at the byte.
func excerpt(field string, offset, width int) (string, int) {
	offset = min(max(offset, 0), len(field))
	start := max(0, offset-width/2)
	end := min(len(field), start+width)
	before := safe.Line(field[start:offset])
	text := before + safe.Line(field[offset:end])
	col := len([]rune(before))
	if start > 0 {
		text, col = "…"+text, col+1
	}
	if end < len(field) {
		text += "…"
	}
	return text, col
}
