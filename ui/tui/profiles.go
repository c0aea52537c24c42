package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/ui/safe"
)

// profileChosenMsg tells the root the user picked another profile; the root
// owns the active profile because the header and sends depend on it.
type profileChosenMsg struct{ name string }

// profilesPane lists the config's profiles; the active one is marked and
// protected ones are drawn in the warning colour.
type profilesPane struct {
	c       *common
	items   []config.Profile
	active  string
	cursor  int
	focused bool
	w, h    int
}

func newProfilesPane(c *common, cfg *config.Config, active string) profilesPane {
	p := profilesPane{c: c, active: active}
	if cfg != nil {
		p.items = cfg.Profiles
	}
	for i, it := range p.items {
		if it.Name == active {
			p.cursor = i
		}
	}
	return p
}

func (p *profilesPane) SetSize(w, h int)   { p.w, p.h = w, h }
func (p *profilesPane) Focus() tea.Cmd     { p.focused = true; return nil }
func (p *profilesPane) Blur()              { p.focused = false }
func (p *profilesPane) SetActive(n string) { p.active = n }

func (p profilesPane) Update(msg tea.Msg) (profilesPane, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || len(p.items) == 0 {
		return p, nil
	}
	switch {
	case key.Matches(km, p.c.keys.Up):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(km, p.c.keys.Down):
		p.cursor = min(len(p.items)-1, p.cursor+1)
	case key.Matches(km, p.c.keys.Enter):
		name := p.items[p.cursor].Name
		return p, func() tea.Msg { return profileChosenMsg{name: name} }
	}
	return p, nil
}

func (p profilesPane) View() string {
	return p.c.styles.box(paneProfiles.title(), p.body(), p.w, p.h, p.focused)
}

func (p profilesPane) body() string {
	if len(p.items) == 0 {
		return p.c.styles.Dim.Render("no profiles")
	}
	iw, _ := innerSize(p.w, p.h)
	lines := make([]string, 0, len(p.items))
	for i, it := range p.items {
		lines = append(lines, p.row(i, it, iw))
	}
	return strings.Join(lines, "\n")
}

// row draws one profile: marker, name, protection and auth type, each a
// separately styled segment cut to the pane width.
func (p profilesPane) row(i int, it config.Profile, iw int) string {
	s := p.c.styles
	mark := "  "
	if it.Name == p.active {
		mark = s.Active.Render("● ")
	}
	name := safe.Line(it.Name)
	if it.Protected {
		name = s.Warning.Render(name + " ⚠")
	}
	line := fitLine(mark+name+" "+s.Dim.Render(string(it.Auth.Type)), iw)
	if p.focused && i == p.cursor {
		line = s.Selected.Render(line)
	}
	return line
}
