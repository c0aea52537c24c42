package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/why401/why401/inspect/challenge"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/ui/safe"
)

// renderExplain prints the explanation: the status and what was sent, the
// first diagnosis large with its evidence and fix, then the rest listed.
func renderExplain(w io.Writer, r explain.Result, notes []string, st style) {
	p := printer{w: w, st: st}
	p.line(st.bold(statusText(r.Status)) + st.dim("  ·  "+sentText(r)))
	for _, rd := range r.Redirects {
		p.line(st.dim(fmt.Sprintf("  after %d → %s", rd.Status, safe.Line(rd.Location))))
	}
	for _, n := range notes {
		p.line(st.dim("  note: " + safe.Line(n)))
	}
	if len(r.Diagnosis) == 0 {
		p.line("\nNo cause found: the response does not look like an authentication failure.")
		return
	}
	p.lead(r.Diagnosis[0])
	if len(r.Diagnosis) > 1 {
		p.section("also")
		for i, d := range r.Diagnosis[1:] {
			p.line(fmt.Sprintf("  %d. %s %s  %s", i+2, p.mark(d.Severity), safe.Line(d.Title), st.dim(d.ID)))
		}
	}
	p.context(r)
}

func sentText(r explain.Result) string {
	if r.Credentials == nil {
		return "no credentials sent"
	}
	return "sent " + safe.Line(r.Credentials.Header+" "+r.Credentials.Fingerprint)
}

// lead prints the most likely cause in full, set off by a bar so it reads
// as the answer even without colour.
func (p printer) lead(d explain.Diagnosis) {
	bar := p.barFor(d.Severity)
	p.line("")
	p.line(bar + " " + p.mark(d.Severity) + " " + p.st.bold(safe.Line(d.Title)) + "  " + p.st.dim(d.ID))
	p.line(bar + "   " + safe.Line(d.Detail))
	if len(d.Evidence) > 0 {
		p.line(bar + "   " + p.st.bold("evidence"))
		for _, e := range d.Evidence {
			p.line(bar + "     " + safe.Line(e))
		}
	}
	p.line(bar + "   " + p.st.bold("fix") + "  " + safe.Line(d.Fix))
}

func (p printer) barFor(sev string) string {
	switch sev {
	case "error":
		return p.st.red("┃")
	case "warning":
		return p.st.yellow("┃")
	}
	return p.st.cyan("┃")
}

func (p printer) mark(sev string) string {
	switch sev {
	case "error":
		return p.st.red("✖")
	case "warning":
		return p.st.yellow("▲")
	}
	return p.st.cyan("●")
}

// context shows the token and the challenges the explanation rests on.
func (p printer) context(r explain.Result) {
	if r.Token != nil {
		p.section("token")
		p.line("  " + tokenLine(*r.Token))
	}
	if len(r.Challenges) > 0 {
		p.section("challenge")
		for _, c := range r.Challenges {
			p.line("  " + safe.Line(challenge.Format([]challenge.Challenge{c})))
		}
	}
	if n := len(r.Diagnostics); n > 0 {
		p.line(p.st.dim(fmt.Sprintf("  %d parser diagnostic%s: run `why401 challenge` on the header for details", n, plural(n))))
	}
}

func tokenLine(t token.Report) string {
	parts := []string{kindTitle(t)}
	if t.Kind == token.KindJWS {
		parts = append(parts, t.Times.Phrase())
		if iss, ok := t.Token.Claims["iss"].(string); ok {
			parts = append(parts, "iss "+safe.Line(iss))
		}
		if aud := token.Audiences(t.Token.Claims); len(aud) > 0 {
			parts = append(parts, "aud "+safe.Line(strings.Join(aud, ",")))
		}
		parts = append(parts, "signature "+string(t.Signature.Status))
	}
	return strings.Join(parts, " · ")
}
