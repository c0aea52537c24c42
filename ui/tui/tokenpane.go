package tui

import (
	"encoding/json"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/inspect/claims"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/ui/safe"
)

// tokenPane renders an inspect/token.Report. Times are re-evaluated on each
// tick against the injected clock so the countdown moves without re-decoding.
type tokenPane struct {
	c       *common
	report  *token.Report
	times   token.Times
	leeway  time.Duration
	focused bool
	w, h    int
}

func newTokenPane(c *common) tokenPane { return tokenPane{c: c} }

func (t *tokenPane) SetSize(w, h int) { t.w, t.h = w, h }
func (t *tokenPane) Focus() tea.Cmd   { t.focused = true; return nil }
func (t *tokenPane) Blur()            { t.focused = false }

// Shown reports whether a token is loaded (the countdown ticks only then).
func (t tokenPane) Shown() bool { return t.report != nil }

// SetReport loads a decoded token.
func (t *tokenPane) SetReport(r token.Report, leeway time.Duration) {
	t.report, t.times, t.leeway = &r, r.Times, leeway
}

// Tick moves the countdown to now.
func (t *tokenPane) Tick(now time.Time) {
	if t.report != nil && t.report.Token.Claims != nil {
		t.times = token.EvaluateTimes(t.report.Token.Claims, now, t.leeway)
	}
}

// Phrase is the time status in words, for the header.
func (t tokenPane) Phrase() string {
	if t.report == nil || t.times.Status == token.TimeNotApplicable || t.times.Status == "" {
		return ""
	}
	return t.times.Phrase()
}

func (t tokenPane) Update(tea.Msg) (tokenPane, tea.Cmd) { return t, nil }

func (t tokenPane) View() string {
	s := t.c.styles
	if t.report == nil {
		body := s.Dim.Render("No token yet.\nctrl+t or paste a token,\nheader or curl command.")
		return s.box(paneToken.title(), body, t.w, t.h, t.focused)
	}
	parts := []string{t.summary(), t.signature(), t.timeLine()}
	if t.report.Error != nil {
		parts = append(parts, s.Bad.Render("✗ "+safe.Line(*t.report.Error)))
	}
	parts = append(parts, t.claimLines()...)
	parts = append(parts, t.findingLines()...)
	return s.box(paneToken.title(), strings.Join(parts, "\n"), t.w, t.h, t.focused)
}

// summary is "RS256 · kid k1 · typ at+jwt", or the opaque format.
func (t tokenPane) summary() string {
	r := t.report
	bits := []string{string(r.Kind)}
	if a := r.Token.Alg(); a != "" {
		bits = []string{a}
	}
	if k := r.Token.KID(); k != "" {
		bits = append(bits, "kid "+k)
	}
	if typ, ok := r.Token.HeaderFields["typ"].(string); ok {
		bits = append(bits, typ)
	}
	if r.OpaqueFormat != nil {
		bits = append(bits, *r.OpaqueFormat)
	}
	return t.c.styles.Label.Render(safe.Line(strings.Join(bits, " · ")))
}

func (t tokenPane) signature() string {
	s, sig := t.c.styles, t.report.Signature
	line := "signature " + string(sig.Status)
	switch sig.Status {
	case token.SigVerified:
		return s.Good.Render("✓ " + line)
	case token.SigInvalid, token.SigUnsecured:
		return s.Bad.Render("✗ " + line)
	}
	if sig.Error != nil {
		line += " · " + safe.Line(*sig.Error)
	}
	return s.Dim.Render("? " + line)
}

// timeLine is the live phrase ("expires in 4m12s"), red once expired.
func (t tokenPane) timeLine() string {
	s, p := t.c.styles, t.Phrase()
	if p == "" {
		return s.Dim.Render("no time claims")
	}
	line := p
	if t.times.Iat != nil {
		line += " · issued " + token.Relative(*t.times.Iat, t.times.Now)
	}
	switch t.times.Status {
	case token.TimeExpired, token.TimeNotYetValid:
		return s.Bad.Render(line)
	case token.TimeValid:
		return s.Good.Render(line)
	}
	return s.Warning.Render(line)
}

// claimLines shows each claim in token order with its dictionary title.
func (t tokenPane) claimLines() []string {
	s := t.c.styles
	var out []string
	for _, m := range token.Members(t.report.Token.Payload) {
		line := s.Label.Render(safe.Line(m.Name)) + " " + safe.Line(t.claimValue(m))
		if e, ok := claims.Claim(m.Name); ok {
			line += " " + s.Dim.Render("· "+e.Title)
		}
		out = append(out, line)
	}
	return out
}

// claimValue shows strings bare, time claims relative to now, the rest as JSON.
func (t tokenPane) claimValue(m token.Member) string {
	var v any
	if err := json.Unmarshal(m.Value, &v); err != nil {
		return string(m.Value)
	}
	if str, ok := v.(string); ok {
		return str
	}
	if f, ok := v.(float64); ok && claims.IsTime(m.Name) {
		return token.Relative(time.Unix(int64(f), 0), t.times.Now)
	}
	return string(m.Value)
}

func (t tokenPane) findingLines() []string {
	s := t.c.styles
	var out []string
	for _, f := range t.report.Findings {
		switch f.Severity {
		case token.SevError:
			out = append(out, s.Bad.Render("✗ "+safe.Line(f.Message)))
		case token.SevWarning:
			out = append(out, s.Warning.Render("⚠ "+safe.Line(f.Message)))
		default:
			out = append(out, s.Dim.Render("· "+safe.Line(f.Message)))
		}
	}
	return out
}
