package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/sahilm/fuzzy"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/ui/safe"
)

// picker is the ctrl+e profile switcher: type to filter (fuzzy), up/down
// to move, enter to switch, esc to close.
type picker struct {
	c       *common
	open    bool
	input   textinput.Model
	all     []config.Profile
	matches []int // indexes into all, best first
	cursor  int
}

func newPicker(c *common, cfg *config.Config) picker {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.Placeholder = "profile name"
	ti.SetStyles(textinput.DefaultStyles(c.styles.isDark))
	ti.KeyMap.LineEnd = key.NewBinding(key.WithKeys("end")) // ctrl+e switches profile (CONTRACT)
	p := picker{c: c, input: ti}
	if cfg != nil {
		p.all = cfg.Profiles
	}
	return p
}

// Open shows every profile with the cursor on the active one.
func (p *picker) Open(active string) tea.Cmd {
	p.open = true
	p.input.SetValue("")
	p.filter()
	for i, idx := range p.matches {
		if p.all[idx].Name == active {
			p.cursor = i
		}
	}
	return p.input.Focus()
}

func (p *picker) Close() { p.open = false; p.input.Blur() }

// filter ranks the profiles against the typed text; an empty filter keeps
// the config's order.
func (p *picker) filter() {
	q := strings.TrimSpace(p.input.Value())
	p.matches, p.cursor = p.matches[:0], 0
	if q == "" {
		for i := range p.all {
			p.matches = append(p.matches, i)
		}
		return
	}
	names := make([]string, len(p.all))
	for i, pr := range p.all {
		names[i] = pr.Name
	}
	for _, m := range fuzzy.Find(q, names) {
		p.matches = append(p.matches, m.Index)
	}
}

// Update returns the chosen profile's name on enter. The root switches at
// once, in the same Update: a ctrl+s typed right after enter must go out
// with the new profile, which a message round trip would not guarantee.
func (p picker) Update(msg tea.Msg) (picker, tea.Cmd, string) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		keys := p.c.keys
		switch {
		case key.Matches(km, keys.Close):
			p.Close()
			return p, nil, ""
		case key.Matches(km, keys.Enter):
			if len(p.matches) == 0 {
				return p, nil, ""
			}
			p.Close()
			return p, nil, p.all[p.matches[p.cursor]].Name
		case km.String() == "up" || km.String() == "ctrl+p":
			p.cursor = max(0, p.cursor-1)
			return p, nil, ""
		case km.String() == "down" || km.String() == "ctrl+n":
			p.cursor = min(max(0, len(p.matches)-1), p.cursor+1)
			return p, nil, ""
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filter()
	}
	return p, cmd, ""
}

// View is the overlay box, at most w cells wide and h lines high.
func (p picker) View(w, h int) string {
	s := p.c.styles
	f := s.Overlay.GetHorizontalFrameSize()
	iw := max(10, min(w-f, 48))
	p.input.SetWidth(max(1, iw-lipgloss.Width(p.input.Prompt)-1))
	lines := []string{s.TitleFocused.Render("Switch profile"), p.input.View(), ""}
	if len(p.matches) == 0 {
		lines = append(lines, s.Dim.Render("no profile matches"))
	}
	fixed := len(lines) + 2 + s.Overlay.GetVerticalFrameSize()
	top := scrollTop(0, p.cursor, h-fixed)
	for i := top; i < min(len(p.matches), top+max(0, h-fixed)); i++ {
		pr := p.all[p.matches[i]]
		name := safe.Line(pr.Name)
		if pr.Protected {
			name = s.Warning.Render(name + " ⚠")
		}
		line := fitLine("  "+name+"  "+s.Dim.Render(string(pr.Auth.Type)+" · "+baseURL(pr)), iw)
		if i == p.cursor {
			line = s.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", s.Dim.Render("enter switch · esc close"))
	body := fitBlock(strings.Join(lines, "\n"), iw, len(lines))
	return s.Overlay.Render(body)
}

func baseURL(p config.Profile) string {
	if p.BaseURL == nil {
		return ""
	}
	return safe.Line(p.BaseURL.String())
}
