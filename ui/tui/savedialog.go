package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// saveNameMsg is the name typed into the save dialog.
type saveNameMsg struct{ name string }

// saveDialog asks for the name to save the composed request under.
type saveDialog struct {
	c     *common
	open  bool
	input textinput.Model
}

func newSaveDialog(c *common) saveDialog {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.Placeholder = "name, e.g. list-orders"
	ti.CharLimit = 64
	ti.SetStyles(textinput.DefaultStyles(c.styles.isDark))
	ti.KeyMap.LineEnd = key.NewBinding(key.WithKeys("end")) // ctrl+e switches profile (CONTRACT)
	return saveDialog{c: c, input: ti}
}

// Open starts with the request's current name, so saving again replaces it.
func (d *saveDialog) Open(name string) tea.Cmd {
	d.open = true
	d.input.SetValue(name)
	d.input.CursorEnd()
	return d.input.Focus()
}

func (d *saveDialog) Close() { d.open = false; d.input.Blur() }

func (d saveDialog) Update(msg tea.Msg) (saveDialog, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, d.c.keys.Close):
			d.Close()
			return d, nil
		case key.Matches(km, d.c.keys.Enter):
			name := strings.TrimSpace(d.input.Value())
			if name == "" {
				return d, nil
			}
			d.Close()
			return d, func() tea.Msg { return saveNameMsg{name: name} }
		}
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return d, cmd
}

func (d saveDialog) View(w int) string {
	s := d.c.styles
	f := s.Overlay.GetHorizontalFrameSize()
	iw := max(10, min(w-f, 48))
	d.input.SetWidth(max(1, iw-lipgloss.Width(d.input.Prompt)-1))
	lines := []string{s.TitleFocused.Render("Save request"), "", d.input.View(), "",
		s.Dim.Render("enter saves in the profile's requests file · esc cancels")}
	return s.Overlay.Render(fitBlock(strings.Join(lines, "\n"), iw, len(lines)))
}
