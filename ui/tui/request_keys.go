package tui

import "charm.land/bubbles/v2/key"

// requestKeys are the request pane's own bindings. The single-letter ones
// only work while no input has the keyboard (the pane checks Typing first),
// and none of them is a global key (CONTRACT's ctrl+s/e/t/y, tab, q, ? and
// /). g, r and F are the root's token actions: on the Auth tab of an OAuth2
// profile the pane asks the root to run them (tokenActionRequestMsg).
type requestKeys struct {
	MethodNext key.Binding
	MethodPrev key.Binding
	TabNext    key.Binding
	TabPrev    key.Binding
	TabJump    key.Binding
	EditURL    key.Binding
	Edit       key.Binding
	Add        key.Binding
	Delete     key.Binding
	Toggle     key.Binding
	Up         key.Binding
	Down       key.Binding
	Reveal     key.Binding
	AuthMode   key.Binding
	Editor     key.Binding
	Leave      key.Binding
	Done       key.Binding
	History    key.Binding // shown while the URL input has focus
	Field      key.Binding // shown while a header or param row is edited
	Indent     key.Binding // tab inside the body editor

	TokenGet     key.Binding // Auth tab, OAuth2 profile
	TokenRefresh key.Binding
	TokenForget  key.Binding
}

func defaultRequestKeys() requestKeys {
	return requestKeys{
		MethodNext: key.NewBinding(key.WithKeys("m"), key.WithHelp("m/M", "next / previous method")),
		MethodPrev: key.NewBinding(key.WithKeys("M", "shift+m")),
		TabNext:    key.NewBinding(key.WithKeys("right", "l", "]"), key.WithHelp("←/→", "params · headers · body · auth")),
		TabPrev:    key.NewBinding(key.WithKeys("left", "h", "[")),
		TabJump:    key.NewBinding(key.WithKeys("1", "2", "3", "4"), key.WithHelp("1-4", "jump to tab")),
		EditURL:    key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "edit URL")),
		Edit:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit")),
		Add:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add")),
		Delete:     key.NewBinding(key.WithKeys("d", "x"), key.WithHelp("d", "delete")),
		Toggle:     key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "header on/off")),
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move")),
		Down:       key.NewBinding(key.WithKeys("down", "j")),
		Reveal:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "show / hide secrets")),
		AuthMode:   key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "auth: profile / none / token")),
		Editor:     key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "body in $EDITOR")),
		Leave:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave input")),
		Done:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		History:    key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "earlier URLs")),
		Field:      key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "name / value")),
		Indent:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "indent")),

		TokenGet:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "get the profile's token (Auth tab)")),
		TokenRefresh: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh the profile's token (Auth tab)")),
		TokenForget:  key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "forget the profile's token (Auth tab)")),
	}
}
