package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// tokenActionRequestMsg asks the root to get, refresh or forget the active
// OAuth2 profile's token, as g, r and F do in the token and profiles
// panes. The request pane sends it from its Auth tab; the root starts the
// action (and its modal) as for its own keys.
type tokenActionRequestMsg struct{ action TokenAction }

// oauthHint is the Auth tab's reminder of the token keys.
const oauthHint = "g get · r refresh · F forget the token"

// oauth2 reports whether the active profile gets its token from an OAuth2
// flow, which the Auth tab's g, r and F act on.
func (r requestPane) oauth2() bool {
	return r.hasProfile && r.profile.Auth.Type.IsOAuth2()
}

// tokenActionKey is the token action k asks for on the Auth tab of an
// OAuth2 profile, as a Cmd the root handles; nil when k is not one.
func (r requestPane) tokenActionKey(k tea.KeyPressMsg) tea.Cmd {
	if r.tab != tabAuth || !r.oauth2() {
		return nil
	}
	var a TokenAction
	switch {
	case key.Matches(k, r.keys.TokenGet):
		a = TokenGet
	case key.Matches(k, r.keys.TokenRefresh):
		a = TokenRefresh
	case key.Matches(k, r.keys.TokenForget):
		a = TokenForget
	default:
		return nil
	}
	return func() tea.Msg { return tokenActionRequestMsg{action: a} }
}
