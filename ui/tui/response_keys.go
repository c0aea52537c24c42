package tui

import "charm.land/bubbles/v2/key"

// responseKeys are the response pane's own bindings. The single letters
// only reach the pane while no input has the keyboard (the root checks
// Typing); while the search or jq input is open only Submit and Cancel
// are the pane's, everything else is typed.
type responseKeys struct {
	Up        key.Binding
	Down      key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	Top       key.Binding
	Bottom    key.Binding
	PrevTab   key.Binding
	NextTab   key.Binding
	TabJump   key.Binding
	Search    key.Binding
	NextMatch key.Binding
	PrevMatch key.Binding
	Filter    key.Binding
	Clear     key.Binding
	Reveal    key.Binding
	Submit    key.Binding
	Cancel    key.Binding
}

func defaultResponseKeys() responseKeys {
	return responseKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓ j/k", "scroll")),
		Down:      key.NewBinding(key.WithKeys("down", "j")),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup/pgdn", "page")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown")),
		Top:       key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("g/G", "top / bottom")),
		Bottom:    key.NewBinding(key.WithKeys("end", "G")),
		PrevTab:   key.NewBinding(key.WithKeys("left"), key.WithHelp("←/→ 1-4", "body · headers · timing · redirects")),
		NextTab:   key.NewBinding(key.WithKeys("right")),
		TabJump:   key.NewBinding(key.WithKeys("1", "2", "3", "4")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search the whole body")),
		NextMatch: key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next / previous match")),
		PrevMatch: key.NewBinding(key.WithKeys("N")),
		Filter:    key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "jq filter (JSON)")),
		Clear:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear search / filter")),
		Reveal:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "show / hide credential headers")),
		Submit:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}
