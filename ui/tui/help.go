package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// helpView is the ? overlay: the full keymap in a box, so the list cannot
// drift from the bindings the code matches.
func (m Model) helpView(w, h int) string {
	s := m.c.styles
	f := s.Overlay.GetHorizontalFrameSize()
	body := s.TitleFocused.Render("Keys") + "\n\n" + m.fullHelp(max(0, w-f)) +
		"\n\n" + s.Dim.Render("q and ? are off while typing · esc or ? closes")
	bw := min(w, lipgloss.Width(body)+f)
	bh := min(lipgloss.Height(body), max(1, h-s.Overlay.GetVerticalFrameSize()))
	return s.Overlay.Width(bw).Render(fitBlock(body, max(0, bw-f), bh))
}

// paneKeys are the focused pane's own bindings, for the status line.
func (m Model) paneKeys(p pane) []key.Binding {
	switch p {
	case paneRequest:
		return m.request.HelpKeys()
	case paneResponse:
		return m.response.HelpKeys()
	case paneToken:
		return []key.Binding{m.c.keys.Verify, m.c.keys.TokenGet, m.c.keys.TokenRefresh}
	case paneProfiles:
		return []key.Binding{m.c.keys.TokenGet, m.c.keys.TokenRefresh, m.c.keys.TokenForget}
	case paneWhy:
		return []key.Binding{m.c.keys.Metadata}
	}
	return nil
}

// allGroups is every binding: the globals and each pane's own.
func (m Model) allGroups() [][]key.Binding {
	groups := m.c.keys.FullHelp()
	if ks := m.request.HelpKeys(); len(ks) > 0 {
		groups = append(groups, ks)
	}
	if ks := m.response.HelpKeys(); len(ks) > 0 {
		groups = append(groups, ks)
	}
	return groups
}

// fullHelp lays the binding groups side by side when they fit and stacks
// them otherwise, so no binding is ever cut off on a narrow terminal.
func (m Model) fullHelp(avail int) string {
	h := m.help
	h.ShowAll = true
	h.SetWidth(0)
	groups := m.allGroups()
	if side := h.FullHelpView(groups); lipgloss.Width(side) <= avail {
		return side
	}
	parts := make([]string, 0, len(groups))
	for _, g := range groups {
		parts = append(parts, h.FullHelpView([][]key.Binding{g}))
	}
	return strings.Join(parts, "\n")
}

// overlay centres box over base with the lipgloss compositor.
func overlay(base, box string, w, h int) string {
	bw, bh := lipgloss.Width(box), lipgloss.Height(box)
	x, y := max(0, (w-bw)/2), max(0, (h-bh)/2)
	return lipgloss.NewCompositor(
		lipgloss.NewLayer(base),
		lipgloss.NewLayer(box).X(x).Y(y).Z(1),
	).Render()
}
