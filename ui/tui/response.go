package tui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/ui/safe"
)

// responsePane shows the last response. Until one arrives it says how to
// get one; bodies from the network are sanitised before drawing.
type responsePane struct {
	c       *common
	status  int
	summary string
	body    string
	has     bool
	focused bool
	w, h    int
}

func newResponsePane(c *common) responsePane { return responsePane{c: c} }

func (r *responsePane) SetSize(w, h int) { r.w, r.h = w, h }
func (r *responsePane) Focus() tea.Cmd   { r.focused = true; return nil }
func (r *responsePane) Blur()            { r.focused = false }

// SetResponse shows a response; summary is e.g. "401 Unauthorized · 84 ms".
func (r *responsePane) SetResponse(status int, summary string, body []byte) {
	r.status, r.summary, r.body, r.has = status, safe.Line(summary), safe.Text(string(body)), true
}

func (r responsePane) Update(tea.Msg) (responsePane, tea.Cmd) { return r, nil }

func (r responsePane) View() string {
	s := r.c.styles
	title := paneResponse.title()
	if !r.has {
		return s.box(title, s.Dim.Render("No response yet.\nctrl+s sends the request."), r.w, r.h, r.focused)
	}
	st := s.Good
	if r.status >= 400 {
		st = s.Bad
	}
	head := st.Render(fmt.Sprintf("%d", r.status)) + " " + s.Dim.Render(r.summary)
	return s.box(title, head+"\n"+r.body, r.w, r.h, r.focused)
}
