package tui

import (
	"charm.land/lipgloss/v2"
	"github.com/why401/why401/ui/safe"
)

// headerView is the top line: app, active profile (warning colour when
// protected), its base URL, the token's time phrase and the help hint. The
// URL is what gives way when the line is too long.
func (m Model) headerView(w int) string {
	s := m.c.styles
	p, _ := m.activeProfile()
	name := s.HeaderProfile.Render("● " + safe.Line(m.active))
	switch {
	case m.active == "":
		name = s.Dim.Render("no profile")
	case p.Protected:
		name = s.Warning.Render("● " + safe.Line(m.active) + " ⚠")
	}
	left := s.HeaderApp.Render(" why401 ") + " " + name
	if m.deps.Label != "" {
		left += " " + s.Dim.Render("("+m.deps.Label+")")
	}
	right := s.Dim.Render("? help ")
	if ph := m.token.Phrase(); ph != "" {
		st := s.Header
		if m.token.Expired() {
			st = s.Bad
		}
		right = st.Render("token: "+ph) + "   " + right
	}
	url := ""
	if p.BaseURL != nil {
		url = safe.Line(p.BaseURL.String())
	}
	room := max(0, w-lipgloss.Width(left)-lipgloss.Width(right)-2)
	mid := fitLine("  "+s.HeaderURL.Render(url), room)
	return fitLine(left+mid+"  "+right, w)
}

// statusView is the bottom line: the spinner while sending, a toast when
// there is one, else the short help of the focused pane and the globals.
func (m Model) statusView(w int) string {
	s := m.c.styles
	if m.flight != nil {
		return fitLine(" "+m.spinner.View()+" sending with "+safe.Line(m.flight.profile)+"… "+s.Dim.Render("esc cancels"), w)
	}
	if m.toast != "" {
		st := s.Toast
		if m.toastErr {
			st = s.ToastError
		}
		return fitLine(" "+st.Render(safe.Line(m.toast)), w)
	}
	return fitLine(" "+m.help.ShortHelpView(append(m.paneKeys(m.focus), m.c.keys.ShortHelp()...)), w)
}
