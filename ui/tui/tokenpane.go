package tui

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/why401/why401/inspect/claims"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/ui/safe"
)

// verifyRequestMsg asks the root to verify the shown token (v).
type verifyRequestMsg struct{}

// expectations are what the active profile expects of its tokens.
type expectations struct {
	issuer, audience string
	scopes           []string
}

// tokenPane renders an inspect/token.Report. Times are re-evaluated on each
// tick against the injected clock so the countdown and the lifetime bar move
// without re-decoding.
type tokenPane struct {
	c       *common
	report  *token.Report
	times   token.Times
	leeway  time.Duration
	expect  expectations
	intro   []string // the introspection answer for an opaque token
	origin  string   // where the token came from ("sent with the last request")
	top     int      // first body line shown
	focused bool
	w, h    int
}

func newTokenPane(c *common) tokenPane { return tokenPane{c: c} }

func (t *tokenPane) SetSize(w, h int) { t.w, t.h = w, h }
func (t *tokenPane) Focus() tea.Cmd   { t.focused = true; return nil }
func (t *tokenPane) Blur()            { t.focused = false }

// Shown reports whether a token is loaded (the countdown ticks only then).
func (t tokenPane) Shown() bool { return t.report != nil }

// Report is the token shown, or nil.
func (t tokenPane) Report() *token.Report { return t.report }

// SetReport loads a decoded token.
func (t *tokenPane) SetReport(r token.Report, leeway time.Duration) {
	t.report, t.times, t.leeway, t.top, t.intro = &r, r.Times, leeway, 0, nil
}

// SetOrigin says where the shown token came from, so a token fetched or
// pasted is never taken for the one the response was about.
func (t *tokenPane) SetOrigin(s string) { t.origin = s }

// Origin is what SetOrigin set.
func (t tokenPane) Origin() string { return t.origin }

// SetIntrospection shows what the introspection endpoint said.
func (t *tokenPane) SetIntrospection(lines []string) { t.intro = lines }

// Clear empties the pane (a profile switch: its token is not this one's).
func (t *tokenPane) Clear() { t.report, t.top = nil, 0 }

// SetExpect takes the profile's expectations for the checks section.
func (t *tokenPane) SetExpect(p config.Profile) {
	t.expect = expectations{issuer: p.Issuer, audience: p.Audience, scopes: p.Scopes}
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

// Expired reports whether the shown token is past exp (the header turns red).
func (t tokenPane) Expired() bool { return t.report != nil && t.times.Status == token.TimeExpired }

func (t tokenPane) Update(msg tea.Msg) (tokenPane, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || t.report == nil {
		return t, nil
	}
	keys := t.c.keys
	_, ih := innerSize(t.w, t.h)
	switch {
	case key.Matches(km, keys.Verify):
		return t, func() tea.Msg { return verifyRequestMsg{} }
	case key.Matches(km, keys.Up):
		t.top--
	case key.Matches(km, keys.Down):
		t.top++
	case km.String() == "pgup":
		t.top -= ih
	case km.String() == "pgdown":
		t.top += ih
	case km.String() == "home":
		t.top = 0
	}
	t.top = clampTop(t.top, len(t.lines()), ih)
	return t, nil
}

// clampTop keeps a scroll offset between the first line and the last page.
func clampTop(top, lines, rows int) int {
	return max(0, min(top, lines-rows))
}

func (t tokenPane) View() string {
	s := t.c.styles
	if t.report == nil {
		body := s.Dim.Render("No token yet.\nctrl+t or paste a token,\nheader or curl command.")
		return s.box(paneToken.title(), body, t.w, t.h, t.focused)
	}
	lines := t.lines()
	_, ih := innerSize(t.w, t.h)
	top := clampTop(t.top, len(lines), ih)
	title := paneToken.title()
	if len(lines) > ih {
		title += " " + itoa(top+1) + "–" + itoa(min(len(lines), top+ih)) + "/" + itoa(len(lines))
	}
	return s.box(title, strings.Join(lines[top:], "\n"), t.w, t.h, t.focused)
}

// lines is the whole pane body, one entry per screen line.
func (t tokenPane) lines() []string {
	s := t.c.styles
	iw, _ := innerSize(t.w, t.h)
	out := []string{t.summary()}
	if t.origin != "" {
		out = append(out, wrap(s.Dim.Render(t.origin), iw)...)
	}
	out = append(out, t.headerLines(iw)...)
	out = append(out, t.signature())
	if bar := t.lifetimeBar(iw); bar != "" {
		out = append(out, bar)
	}
	out = append(out, t.timeLine())
	for _, l := range t.intro {
		out = append(out, wrap(safe.Line(l), iw)...)
	}
	if t.report.Error != nil {
		out = append(out, wrap(s.Bad.Render("✗ "+safe.Line(*t.report.Error)), iw)...)
	}
	out = append(out, t.expectLines()...)
	out = append(out, "")
	for _, l := range t.claimLines() {
		out = append(out, wrap(l, iw)...) // long iss/aud values wrap rather than vanish behind "…"
	}
	if f := t.findingLines(iw); len(f) > 0 {
		out = append(out, "")
		out = append(out, f...)
	}
	return out
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

// headerLines lists the header parameters the summary does not show
// (jku, x5u, cty, crit, jwk, …): they matter for how the token is checked.
func (t tokenPane) headerLines(iw int) []string {
	s := t.c.styles
	var out []string
	for _, m := range token.Members(t.report.Token.Header) {
		switch m.Name {
		case "alg", "kid", "typ":
			continue
		}
		out = append(out, wrap(s.Dim.Render("header ")+s.Label.Render(safe.Line(m.Name))+" "+safe.Line(string(m.Value)), iw)...)
	}
	return out
}

// signature says whether it verified and with which key; unverified
// tokens say how to verify them.
func (t tokenPane) signature() string {
	s, sig := t.c.styles, t.report.Signature
	line := "signature " + string(sig.Status)
	if sig.Key != nil {
		line += " · " + safe.Line(*sig.Key)
	}
	switch sig.Status {
	case token.SigVerified:
		return s.Good.Render("✓ " + line)
	case token.SigInvalid, token.SigUnsecured:
		if sig.Error != nil {
			line += " · " + safe.Line(*sig.Error)
		}
		return s.Bad.Render("✗ " + line)
	}
	if sig.Error != nil {
		line += " · " + safe.Line(*sig.Error)
	} else if t.report.Kind == token.KindJWS {
		line += " · v verifies"
	} else if t.report.Kind == token.KindOpaque && t.intro == nil {
		line += " · v asks the introspection endpoint"
	}
	return s.Dim.Render("? " + line)
}

// lifetimeBar is "iat ━━━━━━━●──── exp": the part of the lifetime used,
// the now marker, the part left. It turns red once expired.
func (t tokenPane) lifetimeBar(iw int) string {
	tm := t.times
	if tm.Iat == nil || tm.Exp == nil || !tm.Exp.After(*tm.Iat) {
		return ""
	}
	s := t.c.styles
	left, right := "iat ", " exp"
	w := iw - lipgloss.Width(left) - lipgloss.Width(right)
	if w < 5 {
		return ""
	}
	total := tm.Exp.Sub(*tm.Iat)
	frac := float64(tm.Now.Sub(*tm.Iat)) / float64(total)
	pos := int(frac * float64(w-1))
	pos = max(0, min(w-1, pos))
	used, rest := strings.Repeat("━", pos), strings.Repeat("─", w-1-pos)
	st := s.Good
	switch {
	case tm.Status == token.TimeExpired:
		st = s.Bad
	case frac > 0.9:
		st = s.Warning
	}
	return s.Dim.Render(left) + st.Render(used+"●") + s.Dim.Render(rest+right)
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

// expectLines compares iss, aud and scope with what the profile expects.
func (t tokenPane) expectLines() []string {
	c := t.report.Token.Claims
	if c == nil {
		return nil
	}
	var out []string
	if e := t.expect.issuer; e != "" {
		iss, _ := c["iss"].(string)
		out = append(out, t.check("iss", iss == e, "expected "+e))
	}
	if e := t.expect.audience; e != "" {
		out = append(out, t.check("aud", slices.Contains(token.Audiences(c), e), "expected "+e))
	}
	if len(t.expect.scopes) > 0 {
		have := append(token.Strings(c["scope"]), token.Strings(c["scp"])...)
		var missing []string
		for _, sc := range t.expect.scopes {
			if !slices.Contains(have, sc) {
				missing = append(missing, sc)
			}
		}
		out = append(out, t.check("scope", len(missing) == 0, "missing "+strings.Join(missing, " ")))
	}
	return out
}

func (t tokenPane) check(name string, ok bool, detail string) string {
	s := t.c.styles
	if ok {
		return s.Good.Render("✓ "+name) + s.Dim.Render(" as the profile expects")
	}
	return s.Bad.Render("✗ "+name) + " " + safe.Line(detail)
}

// claimLines shows each claim in token order with its dictionary title;
// time claims show the date and how long ago or until.
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

// claimValue shows strings bare, time claims absolute and relative to now,
// the rest as JSON.
func (t tokenPane) claimValue(m token.Member) string {
	var v any
	if err := json.Unmarshal(m.Value, &v); err != nil {
		return string(m.Value)
	}
	if str, ok := v.(string); ok {
		return str
	}
	if f, ok := v.(float64); ok && claims.IsTime(m.Name) {
		at := time.Unix(int64(f), 0).UTC()
		return at.Format("2006-01-02 15:04:05Z") + " (" + token.Relative(at, t.times.Now) + ")"
	}
	return string(m.Value)
}

// findingLines lists the lints, errors first, each wrapped to the pane.
func (t tokenPane) findingLines(iw int) []string {
	s := t.c.styles
	var out []string
	for _, sev := range []token.Severity{token.SevError, token.SevWarning, token.SevInfo} {
		for _, f := range t.report.Findings {
			if f.Severity != sev {
				continue
			}
			switch sev {
			case token.SevError:
				out = append(out, wrap(s.Bad.Render("✗ "+safe.Line(f.Message)), iw)...)
			case token.SevWarning:
				out = append(out, wrap(s.Warning.Render("⚠ "+safe.Line(f.Message)), iw)...)
			default:
				out = append(out, wrap(s.Dim.Render("· "+safe.Line(f.Message)), iw)...)
			}
		}
	}
	return out
}
