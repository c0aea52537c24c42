package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/ui/safe"
)

// whyPane renders an explain.Result: the first diagnosis expanded (detail,
// evidence, fix), the others as one line each.
type whyPane struct {
	c       *common
	result  *explain.Result
	focused bool
	w, h    int
}

func newWhyPane(c *common) whyPane { return whyPane{c: c} }

func (p *whyPane) SetSize(w, h int)                 { p.w, p.h = w, h }
func (p *whyPane) Focus() tea.Cmd                   { p.focused = true; return nil }
func (p *whyPane) Blur()                            { p.focused = false }
func (p *whyPane) SetResult(r explain.Result)       { p.result = &r }
func (p whyPane) Update(tea.Msg) (whyPane, tea.Cmd) { return p, nil }

func (p whyPane) View() string {
	s := p.c.styles
	if p.result == nil || len(p.result.Diagnosis) == 0 {
		body := s.Dim.Render("Send a request: a 401 or 403\nis explained here.")
		return s.box(paneWhy.title(), body, p.w, p.h, p.focused)
	}
	iw, _ := innerSize(p.w, p.h)
	d := p.result.Diagnosis
	lines := p.expanded(d[0], iw)
	for _, o := range d[1:] {
		lines = append(lines, p.mark(o)+" "+safe.Line(o.Title))
	}
	return s.box(p.title(), strings.Join(lines, "\n"), p.w, p.h, p.focused)
}

func (p whyPane) title() string {
	if p.result.Status == 401 || p.result.Status == 403 {
		return "Why " + itoa(p.result.Status)
	}
	return paneWhy.title()
}

// expanded wraps the top diagnosis to the pane width: it is the one the
// user came for, so it gets its whole text.
func (p whyPane) expanded(d explain.Diagnosis, iw int) []string {
	s := p.c.styles
	out := []string{p.mark(d) + " " + s.Label.Render(safe.Line(d.Title))}
	out = append(out, wrap(safe.Line(d.Detail), iw)...)
	for _, e := range d.Evidence {
		out = append(out, wrap(s.Dim.Render("· ")+safe.Line(e), iw)...)
	}
	if d.Fix != "" {
		out = append(out, wrap(s.Good.Render("→ ")+safe.Line(d.Fix), iw)...)
	}
	return append(out, "")
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
