package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// inspectRequestMsg carries what the user typed or pasted into the
// inspector; the root decodes it because the result lands in other panes.
type inspectRequestMsg struct{ text string }

// inspector is the ctrl+t modal: one input taking a token, an
// Authorization line, a cookie or a curl command. While open it owns the
// keyboard, so q and ? are typed, not obeyed.
type inspector struct {
	c     *common
	input textinput.Model
	open  bool
	w     int
}

func newInspector(c *common) inspector {
	ti := textinput.New()
	ti.Prompt = "› "
	ti.Placeholder = "paste a token, Authorization header or curl command"
	ti.SetStyles(textinput.DefaultStyles(c.styles.isDark))
	ti.KeyMap.LineEnd = key.NewBinding(key.WithKeys("end")) // ctrl+e switches profile (CONTRACT)
	return inspector{c: c, input: ti}
}

// Open shows the inspector with an empty input that has focus.
func (in *inspector) Open() tea.Cmd {
	in.open = true
	in.input.Reset()
	return in.input.Focus()
}

func (in *inspector) Close() { in.open = false; in.input.Blur() }

// SetWidth sizes the modal to the screen; the frame comes from the style.
func (in *inspector) SetWidth(screenW int) {
	in.w = min(screenW, max(40, screenW*3/4))
	f := in.c.styles.Overlay.GetHorizontalFrameSize()
	in.input.SetWidth(max(1, in.w-f-lenPrompt(in.input.Prompt)))
}

// lenPrompt is the prompt plus the cursor cell the input draws past its width.
func lenPrompt(p string) int { return lipgloss.Width(p) + 1 }

func (in inspector) Update(msg tea.Msg) (inspector, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, in.c.keys.Close):
			in.Close()
			return in, nil
		case key.Matches(km, in.c.keys.Enter):
			text := strings.TrimSpace(in.input.Value())
			in.Close()
			return in, func() tea.Msg { return inspectRequestMsg{text: text} }
		}
	}
	var cmd tea.Cmd
	in.input, cmd = in.input.Update(msg)
	return in, cmd
}

func (in inspector) View() string {
	s := in.c.styles
	title := s.TitleFocused.Render("Inspect a token")
	hint := s.Dim.Render("enter decode · esc cancel")
	f := s.Overlay.GetHorizontalFrameSize()
	body := strings.Join([]string{title, in.input.View(), hint}, "\n")
	return s.Overlay.Width(in.w).Render(fitBlock(body, max(0, in.w-f), 3))
}
