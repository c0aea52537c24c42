package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every binding of the app. CONTRACT fixes the global ones; the
// help overlay is generated from FullHelp so it cannot drift from the code.
type KeyMap struct {
	ForceQuit key.Binding
	Quit      key.Binding
	Help      key.Binding
	Close     key.Binding
	NextPane  key.Binding
	PrevPane  key.Binding
	Send      key.Binding
	Profile   key.Binding
	Inspect   key.Binding
	Copy      key.Binding
	Save      key.Binding
	Cancel    key.Binding
	Search    key.Binding

	TokenGet     key.Binding
	TokenRefresh key.Binding
	TokenForget  key.Binding
	Verify       key.Binding
	Metadata     key.Binding
	Scroll       key.Binding

	Up    key.Binding
	Down  key.Binding
	Enter key.Binding
}

// DefaultKeyMap returns a fresh KeyMap; there is no package-level keymap so
// tests and future rebinding never share state.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Close:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close / leave input")),
		NextPane:  key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:  key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Send:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "send")),
		Profile:   key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "switch profile")),
		Inspect:   key.NewBinding(key.WithKeys("ctrl+t"), key.WithHelp("ctrl+t", "inspect token")),
		Copy:      key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "copy menu")),
		Save:      key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "save request by name")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel the send in flight")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search the response")),

		TokenGet:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "get OAuth2 token (token/profiles pane)")),
		TokenRefresh: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh OAuth2 token (token/profiles pane)")),
		TokenForget:  key.NewBinding(key.WithKeys("F"), key.WithHelp("F", "forget OAuth2 token (token/profiles pane)")),
		Verify:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "verify token (token pane)")),
		Metadata:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "fetch resource metadata (why pane)")),
		Scroll:       key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "scroll")),

		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Enter: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "select / edit / decode")),
	}
}

// ShortHelp is the status line's hint.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Send, k.Profile, k.Inspect, k.Copy, k.NextPane, k.Help}
}

// FullHelp is what the ? overlay lists: every binding, in groups.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Send, k.Cancel, k.Profile, k.Inspect, k.Copy, k.Save, k.NextPane, k.PrevPane},
		{k.TokenGet, k.TokenRefresh, k.TokenForget, k.Verify, k.Metadata, k.Search},
		{k.Up, k.Down, k.Scroll, k.Enter, k.Close, k.Help, k.Quit, k.ForceQuit},
	}
}

// OverlayHelp lists the keys of the menus and dialogs, which match them
// themselves; they are here so that ? lists every key the app has.
func (k KeyMap) OverlayHelp() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("t", "c", "u", "U", "e"), key.WithHelp("t c u U e", "copy menu: token, claims, curl, curl with secret, explanation")),
		key.NewBinding(key.WithKeys("ctrl+p", "ctrl+n"), key.WithHelp("ctrl+p/n", "profile picker: previous / next")),
		key.NewBinding(key.WithKeys("y", "n"), key.WithHelp("y / n", "protected profile: send / do not send")),
		key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "token modal: copy the sign-in address")),
	}
}
