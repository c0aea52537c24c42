package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/ui/safe"
)

// metadataRequestMsg asks the root to fetch the offered resource metadata (m).
type metadataRequestMsg struct{}

// whyPane renders an outcome's explanation: the first diagnosis expanded
// (detail, evidence, fix), the others one line each, then the raw
// WWW-Authenticate fields with the parsed challenges and the parser's
// diagnostics, and the fetched resource metadata.
type whyPane struct {
	c           *common
	outcome     *Outcome
	metaPending int // the request id of a metadata fetch under way; 0 none
	top         int
	focused     bool
	w, h        int
}

func newWhyPane(c *common) whyPane { return whyPane{c: c} }

func (p *whyPane) SetSize(w, h int) { p.w, p.h = w, h }
func (p *whyPane) Focus() tea.Cmd   { p.focused = true; return nil }
func (p *whyPane) Blur()            { p.focused = false }

// SetOutcome shows o's explanation from the top.
func (p *whyPane) SetOutcome(o Outcome) { p.outcome, p.top, p.metaPending = &o, 0, 0 }

// Clear empties the pane.
func (p *whyPane) Clear() { p.outcome, p.top, p.metaPending = nil, 0, 0 }

// SetPendingMetadata remembers which fetch the pane waits for.
func (p *whyPane) SetPendingMetadata(id int) { p.metaPending = id }

// PendingMetadata reports whether id is the fetch the pane waits for.
func (p whyPane) PendingMetadata(id int) bool { return id != 0 && p.metaPending == id }

// SetResult shows a bare explanation (tests and the inspector).
func (p *whyPane) SetResult(r explain.Result) {
	p.SetOutcome(Outcome{Result: &r, Diagnosis: r.Diagnosis})
}

func (p whyPane) Update(msg tea.Msg) (whyPane, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || p.outcome == nil {
		return p, nil
	}
	keys := p.c.keys
	_, ih := innerSize(p.w, p.h)
	switch {
	case key.Matches(km, keys.Metadata):
		if p.offersMetadata() {
			return p, func() tea.Msg { return metadataRequestMsg{} }
		}
	case key.Matches(km, keys.Up):
		p.top--
	case key.Matches(km, keys.Down):
		p.top++
	case km.String() == "pgup":
		p.top -= ih
	case km.String() == "pgdown":
		p.top += ih
	case km.String() == "home":
		p.top = 0
	}
	p.top = clampTop(p.top, len(p.lines()), ih)
	return p, nil
}

// offersMetadata: the challenge named a resource_metadata URL, not yet
// fetched. Never a guessed URL: fetching is the user's call on what the
// server offered (issue 6).
func (p whyPane) offersMetadata() bool {
	o := p.outcome
	return o != nil && o.Result != nil && o.MetadataURL != "" && o.Input.Metadata == nil && p.metaPending == 0
}

func (p whyPane) View() string {
	s := p.c.styles
	if p.outcome == nil || len(p.outcome.Diagnosis) == 0 {
		return s.box(paneWhy.title(), p.emptyText(), p.w, p.h, p.focused)
	}
	lines := p.lines()
	_, ih := innerSize(p.w, p.h)
	top := clampTop(p.top, len(lines), ih)
	title := p.title()
	if len(lines) > ih {
		title += " " + itoa(top+1) + "–" + itoa(min(len(lines), top+ih)) + "/" + itoa(len(lines))
	}
	return s.box(title, strings.Join(lines[top:], "\n"), p.w, p.h, p.focused)
}

// emptyText says why there is nothing to explain.
func (p whyPane) emptyText() string {
	s := p.c.styles
	o := p.outcome
	switch {
	case o == nil:
		return s.Dim.Render("Send a request: a 401 or 403\nis explained here.")
	case o.Exchange == nil || o.Exchange.Response == nil:
		return s.Bad.Render(safe.Line(maskText(o, o.Err)))
	}
	out := s.Good.Render("✓ " + itoa(o.Exchange.Response.Status) + ": nothing to explain.")
	for _, n := range o.Notes { // warnings such as insecure_skip_verify matter on a 200 too
		out += "\n" + s.Warning.Render("⚠ ") + safe.Line(n)
	}
	return out
}

func (p whyPane) title() string {
	st := p.outcome.Result.Status
	if st == 401 || st == 403 || st == 407 {
		return "Why " + itoa(st)
	}
	return paneWhy.title()
}

func (p whyPane) lines() []string {
	o := p.outcome
	if o == nil || len(o.Diagnosis) == 0 {
		return nil
	}
	iw, _ := innerSize(p.w, p.h)
	d := o.Diagnosis
	var lines []string
	for _, n := range o.Notes {
		// Notes first: "no credentials were sent to this origin" changes how
		// every diagnosis below reads.
		lines = append(lines, wrap(p.c.styles.Warning.Render("⚠ ")+safe.Line(maskText(o, n)), iw)...)
	}
	lines = append(lines, p.expanded(d[0], iw)...)
	for _, x := range d[1:] {
		lines = append(lines, wrap(p.mark(x)+" "+safe.Line(x.Title), iw)...)
	}
	lines = append(lines, p.challengeLines(iw)...)
	lines = append(lines, p.metadataLines(iw)...)
	return lines
}

// expanded wraps the top diagnosis to the pane width: it is the one the
// user came for, so it gets its whole text.
func (p whyPane) expanded(d explain.Diagnosis, iw int) []string {
	s := p.c.styles
	out := wrap(p.mark(d)+" "+s.Label.Render(safe.Line(d.Title)), iw)
	out = append(out, wrap(safe.Line(d.Detail), iw)...)
	for _, e := range d.Evidence {
		out = append(out, wrap(s.Dim.Render("· ")+safe.Line(e), iw)...)
	}
	if d.Fix != "" {
		out = append(out, wrap(s.Good.Render("→ ")+safe.Line(d.Fix), iw)...)
	}
	return append(out, "")
}

// challengeLines: each WWW-Authenticate field as received, then each
// parsed challenge with its parameters, then what the parser noticed.
func (p whyPane) challengeLines(iw int) []string {
	s := p.c.styles
	o := p.outcome
	var out []string
	if o.Exchange != nil && o.Exchange.Response != nil {
		for _, h := range o.Exchange.Response.Headers {
			if strings.EqualFold(h.Name, "WWW-Authenticate") || strings.EqualFold(h.Name, "Proxy-Authenticate") {
				out = append(out, wrap(s.Label.Render(safe.Line(h.Name)+":")+" "+safe.Line(mask(o, h)), iw)...)
			}
		}
	}
	if len(out) == 0 {
		out = append(out, s.Dim.Render("no WWW-Authenticate challenge"))
	}
	for _, c := range o.Result.Challenges {
		line := "  " + s.Active.Render(safe.Line(c.Scheme))
		if c.Token68 != nil {
			line += " " + safe.Line(*c.Token68)
		}
		out = append(out, line)
		for _, prm := range c.Params {
			out = append(out, wrap("    "+s.Dim.Render(safe.Line(prm.Name)+" = ")+safe.Line(prm.Value), iw)...)
		}
	}
	for _, d := range o.Result.Diagnostics {
		out = append(out, wrap(s.Warning.Render("⚠ "+d.Code)+" "+safe.Line(d.Message), iw)...)
	}
	if p.metaPending != 0 {
		out = append(out, s.Dim.Render("fetching resource metadata…"))
	} else if o.MetadataURL != "" && o.Input.Metadata == nil {
		out = append(out, wrap(s.Dim.Render("m fetches the resource metadata at ")+safe.Line(o.MetadataURL), iw)...)
	}
	return append([]string{""}, out...)
}

func mask(o *Outcome, h exchange.Header) string {
	if o.Mask == nil {
		return h.Value
	}
	return o.Mask(h.Value)
}

// metadataLines describe the fetched RFC 9728 document, when there is one.
func (p whyPane) metadataLines(iw int) []string {
	md := p.outcome.Input.Metadata
	if md == nil {
		return nil
	}
	s := p.c.styles
	out := []string{"", s.Label.Render("Resource metadata") + " " + s.Dim.Render(safe.Line(md.URL))}
	if md.Err != "" {
		return append(out, wrap(s.Bad.Render("✗ ")+safe.Line(md.Err), iw)...)
	}
	out = append(out, wrap("resource "+safe.Line(md.Resource), iw)...)
	for _, a := range md.AuthorizationServers {
		out = append(out, wrap("authorization server "+safe.Line(a), iw)...)
	}
	if len(md.ScopesSupported) > 0 {
		out = append(out, wrap("scopes "+safe.Line(strings.Join(md.ScopesSupported, " ")), iw)...)
	}
	for _, pr := range md.Problems {
		out = append(out, wrap(s.Warning.Render("⚠ ")+safe.Line(pr), iw)...)
	}
	return out
}

func (p whyPane) mark(d explain.Diagnosis) string {
	s := p.c.styles
	switch d.Severity {
	case "error":
		return s.Bad.Render("✗")
	case "warning":
		return s.Warning.Render("⚠")
	}
	return s.Dim.Render("·")
}

// wrap breaks s into lines of at most w cells, keeping styles intact.
func wrap(s string, w int) []string {
	if w <= 0 || s == "" {
		return nil
	}
	return strings.Split(ansi.Wrap(s, w, ""), "\n")
}
