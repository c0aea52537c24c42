package tui

import (
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// requestPane composes the request: a method and a URL or path input.
// Focusing the pane starts typing at once; esc leaves the input so the
// single-letter global keys work again.
type requestPane struct {
	c       *common
	method  string
	url     textinput.Model
	focused bool
	w, h    int
}

func newRequestPane(c *common) requestPane {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = "/path or https://…"
	ti.SetStyles(textinput.DefaultStyles(c.styles.isDark))
	return requestPane{c: c, method: "GET", url: ti}
}

func (r *requestPane) SetSize(w, h int) {
	r.w, r.h = w, h
	iw, _ := innerSize(w, h)
	// The method and its gap sit left of the input, and the input draws one
	// cell past its width for the cursor.
	r.url.SetWidth(max(1, iw-len(r.method)-2))
}

func (r *requestPane) Focus() tea.Cmd { r.focused = true; return r.url.Focus() }
func (r *requestPane) Blur()          { r.focused = false; r.url.Blur() }

// Typing reports whether the URL input has the keyboard.
func (r requestPane) Typing() bool { return r.url.Focused() }

// Method and URL are what a send uses.
func (r requestPane) Method() string { return r.method }
func (r requestPane) URL() string    { return r.url.Value() }

func (r requestPane) Update(msg tea.Msg) (requestPane, tea.Cmd) {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case r.url.Focused() && key.Matches(km, r.c.keys.Close):
			r.url.Blur()
			return r, nil
		case !r.url.Focused() && key.Matches(km, r.c.keys.Enter):
			return r, r.url.Focus()
		case !r.url.Focused():
			return r, nil
		}
	}
	var cmd tea.Cmd
	r.url, cmd = r.url.Update(msg)
	return r, cmd
}

func (r requestPane) View() string {
	s := r.c.styles
	body := s.Label.Render(r.method) + " " + r.url.View()
	if !r.url.Focused() {
		body += "\n" + s.Dim.Render("enter to edit")
	}
	return s.box(paneRequest.title(), body, r.w, r.h, r.focused)
}
