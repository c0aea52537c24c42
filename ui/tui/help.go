package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// helpView is the ? overlay: the full keymap in a box, so the list cannot
// drift from the bindings the code matches.
func (m Model) helpView(w, h int) string {
	s := m.c.styles
	f := s.Overlay.GetHorizontalFrameSize()
	all := m.fullHelp(max(0, w-f))
	lines := strings.Split(all, "\n")
	rows := max(1, h-s.Overlay.GetVerticalFrameSize()-4) // title, blank, blank, footer
	top := clampTop(m.helpTop, len(lines), rows)
	foot := "q and ? are off while typing · esc or ? closes"
	if len(lines) > rows {
		foot = "↑/↓ pgup/pgdn scroll · " + itoa(top+1) + "–" + itoa(min(len(lines), top+rows)) + "/" + itoa(len(lines)) + " · esc closes"
		lines = lines[top:min(len(lines), top+rows)]
	}
	body := s.TitleFocused.Render("Keys") + "\n\n" + strings.Join(lines, "\n") + "\n\n" + s.Dim.Render(foot)
	// The width comes from every line, not the visible slice: the box must
	// not change size as it scrolls.
	bw := min(w, max(lipgloss.Width(all), lipgloss.Width(s.Dim.Render(foot)))+f)
	bh := min(lipgloss.Height(body), max(1, h-s.Overlay.GetVerticalFrameSize()))
	return s.Overlay.Width(bw).Render(fitBlock(body, max(0, bw-f), bh))
}

// helpKey scrolls or closes the help overlay.
func (m Model) helpKey(k tea.KeyPressMsg) Model {
	keys := m.c.keys
	switch {
	case key.Matches(k, keys.Close, keys.Help):
		m.showHelp = false
	case key.Matches(k, keys.Up):
		m.helpTop = max(0, m.helpTop-1)
	case key.Matches(k, keys.Down):
		m.helpTop++
	case k.String() == "pgup":
		m.helpTop = max(0, m.helpTop-m.h/2)
	case k.String() == "pgdown":
		m.helpTop += m.h / 2
	}
	lines := strings.Count(m.fullHelp(max(0, m.w-m.c.styles.Overlay.GetHorizontalFrameSize())), "\n") + 1
	m.helpTop = clampTop(m.helpTop, lines, max(1, m.h-m.c.styles.Overlay.GetVerticalFrameSize()-4))
	return m
}

// paneKeys are the focused pane's own bindings, for the status line.
func (m Model) paneKeys(p pane) []key.Binding {
	switch p {
	case paneRequest:
		return m.request.HelpKeys()
	case paneResponse:
		return m.response.HelpKeys()
	case paneToken:
		if p, ok := m.activeProfile(); ok && p.Auth.Type.IsOAuth2() {
			return []key.Binding{m.c.keys.Verify, m.c.keys.TokenGet, m.c.keys.TokenRefresh, m.c.keys.TokenForget}
		}
		return []key.Binding{m.c.keys.Verify}
	case paneProfiles:
		if p, ok := m.activeProfile(); ok && p.Auth.Type.IsOAuth2() {
			return []key.Binding{m.c.keys.Enter, m.c.keys.TokenGet, m.c.keys.TokenRefresh, m.c.keys.TokenForget}
		}
		return []key.Binding{m.c.keys.Enter}
	case paneWhy:
		return []key.Binding{m.c.keys.Metadata, m.c.keys.Up, m.c.keys.Down}
	case paneHistory:
		return []key.Binding{m.c.keys.Enter}
	}
	return nil
}

// allGroups is every binding: the globals and each pane's own.
func (m Model) allGroups() [][]key.Binding {
	groups := m.c.keys.FullHelp()
	return append(groups, m.request.AllKeys(), m.response.AllKeys(), m.c.keys.OverlayHelp())
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
