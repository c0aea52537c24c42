package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/why401/why401/inspect/claims"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/ui/safe"
)

// maxValueWidth keeps a claim row on one line; the JSON output has it all.
const maxValueWidth = 64

// renderToken prints the compact human report of a decoded token.
func renderToken(w io.Writer, r token.Report, st style) {
	p := printer{w: w, st: st}
	p.summary(r)
	if len(r.Token.HeaderFields) > 0 {
		p.section("header")
		p.members(token.Members(r.Header), claims.Header, r)
	}
	switch {
	case r.Payload != nil && r.Token.Claims != nil:
		p.section("payload")
		p.members(token.Members(r.Payload), claims.Claim, r)
	case r.Payload != nil:
		p.section("payload (JSON, not an object)")
		p.line("  " + clip(safe.Line(string(r.Payload)), maxValueWidth*2))
	case r.PayloadText != nil:
		p.section("payload (text, not JSON)")
		p.line("  " + clip(safe.Line(*r.PayloadText), maxValueWidth*2))
	}
	p.findings(r.Findings)
}

type printer struct {
	w  io.Writer
	st style
}

func (p printer) line(s string)    { fmt.Fprintln(p.w, s) }
func (p printer) section(s string) { p.line("\n" + p.st.bold(s)) }

func (p printer) summary(r token.Report) {
	p.line(p.st.bold(kindTitle(r)) + p.st.dim("  from "+safe.Line(sourceText(r))))
	if r.Source.Note != "" {
		p.line(p.st.dim("  " + safe.Line(r.Source.Note)))
	}
	if r.Error != nil {
		p.line(p.st.red("  malformed: ") + safe.Line(*r.Error))
	}
	if r.Kind == token.KindOpaque {
		p.line("  " + opaqueText(r))
		return
	}
	p.line("  " + p.st.bold("signature") + "  " + p.signatureText(r.Signature))
	if r.Kind == token.KindJWS {
		p.line("  " + p.st.bold("time     ") + "  " + p.timeText(r.Times))
	}
}

func kindTitle(r token.Report) string {
	switch r.Kind {
	case token.KindJWS:
		parts := []string{"JWS"}
		if a := r.Token.Alg(); a != "" {
			parts = append(parts, safe.Line(a))
		}
		if k := r.Token.KID(); k != "" {
			parts = append(parts, "kid "+safe.Line(k))
		}
		return strings.Join(parts, " · ")
	case token.KindJWE:
		return "JWE (encrypted: only the protected header can be read without the key)"
	case token.KindMalformed:
		return "Malformed token"
	}
	return "Opaque token"
}

func sourceText(r token.Report) string {
	if r.Source.Where == "" || r.InputForm == token.FormRaw {
		return string(r.InputForm) + " input"
	}
	return r.Source.Where + " (" + string(r.InputForm) + ")"
}

func opaqueText(r token.Report) string {
	if r.OpaqueFormat != nil {
		return token.OpaqueDescription(*r.OpaqueFormat) + ": not a JWT, so it cannot be decoded locally; the issuer's introspection or tokeninfo endpoint can tell what it grants."
	}
	return "not a JWT and not a format why401 recognises: it cannot be decoded locally; ask the issuer's introspection endpoint."
}

func (p printer) signatureText(s token.Signature) string {
	switch s.Status {
	case token.SigVerified:
		t := p.st.green("✔ verified") + " with " + deref(s.Key)
		if s.Reason != nil {
			t += p.st.dim(" (" + safe.Line(*s.Reason) + ")")
		}
		return t
	case token.SigInvalid:
		t := p.st.red("✖ invalid")
		if s.Error != nil {
			t += ": " + safe.Line(*s.Error)
		}
		return t
	case token.SigUnsecured:
		return p.st.red("✖ unsecured") + ": alg none, there is no signature"
	case token.SigUnsupported:
		return p.st.dim("not checked: why401 does not decrypt JWE")
	}
	return p.st.yellow("? not verified") + p.st.dim(": give --key, --secret-file, --jwks or --discover to check it")
}

func (p printer) timeText(t token.Times) string {
	var s string
	switch t.Status {
	case token.TimeValid:
		s = p.st.green("✔ valid") + ", " + t.Phrase()
	case token.TimeNoExpiry:
		s = p.st.yellow("▲ " + t.Phrase())
	default:
		s = p.st.red("✖ " + t.Phrase())
	}
	if t.Exp != nil {
		s += p.st.dim(" (exp " + t.Exp.Format(time.RFC3339) + ")")
	}
	return s + p.st.dim(fmt.Sprintf(" · now %s · leeway %s", t.Now.Format(time.RFC3339), t.Leeway))
}

// members prints name, value and what the name means, in aligned columns.
func (p printer) members(ms []token.Member, lookup func(string) (claims.Entry, bool), r token.Report) {
	nameW, valueW := 0, 0
	rows := make([][3]string, 0, len(ms))
	for _, m := range ms {
		row := [3]string{safe.Line(m.Name), p.value(m, lookup, r), ""}
		if e, ok := lookup(m.Name); ok {
			spec, _, _ := strings.Cut(e.Spec, ";")
			row[2] = e.Title + " · " + spec
		}
		nameW = max(nameW, len([]rune(row[0])))
		valueW = min(max(valueW, len([]rune(row[1]))), maxValueWidth)
		rows = append(rows, row)
	}
	for _, row := range rows {
		line := "  " + p.st.cyan(pad(row[0], nameW)) + "  " + pad(row[1], valueW)
		if row[2] != "" {
			line += "  " + p.st.dim(row[2])
		}
		p.line(strings.TrimRight(line, " "))
	}
}

// pad right-pads s with spaces to n runes.
func pad(s string, n int) string {
	return s + strings.Repeat(" ", max(0, n-len([]rune(s))))
}

// value shows a member's value: strings bare, times with their date and
// distance from now, everything else as compact JSON, clipped to a line.
func (p printer) value(m token.Member, lookup func(string) (claims.Entry, bool), r token.Report) string {
	var s string
	if err := json.Unmarshal(m.Value, &s); err != nil {
		s = string(m.Value)
	}
	if e, ok := lookup(m.Name); ok && e.Kind == claims.Time {
		if t, ok := timeOf(m.Name, m.Value, r.Times); ok {
			return s + " = " + t.Format(time.RFC3339) + " (" + token.Relative(t, r.Times.Now) + ")"
		}
	}
	return clip(safe.Line(s), maxValueWidth)
}

// timeOf is the date a time claim stands for: the evaluated one for the
// claims the time check uses, so the table and the time line agree; other
// NumericDate claims only when they are JSON numbers.
func timeOf(name string, raw json.RawMessage, t token.Times) (time.Time, bool) {
	evaluated := map[string]*time.Time{"exp": t.Exp, "nbf": t.Nbf, "iat": t.Iat, "auth_time": t.AuthTime}
	if v, ok := evaluated[name]; ok {
		if v == nil {
			return time.Time{}, false
		}
		return *v, true
	}
	var n json.Number
	if len(raw) == 0 || raw[0] == '"' || json.Unmarshal(raw, &n) != nil {
		return time.Time{}, false
	}
	f, err := n.Float64()
	if err != nil || f > 1e15 || f < -1e15 {
		return time.Time{}, false
	}
	return time.Unix(int64(f), 0).UTC(), true
}

func (p printer) findings(fs []token.Finding) {
	if len(fs) == 0 {
		return
	}
	p.section("findings")
	for _, f := range fs {
		p.line(fmt.Sprintf("  %s  %s  %s", p.st.severity(string(f.Severity)), p.st.bold(f.ID), safe.Line(f.Message)))
	}
}

// clip shortens s to n runes with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return safe.Line(*s)
}
