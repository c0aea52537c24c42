package tui

import (
	"context"
	"errors"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/requests"
)

// actionTimeout bounds the network actions that have no cancel key of
// their own (verify, metadata): a hung JWKS endpoint must not leave a
// spinner forever.
const actionTimeout = 30 * time.Second

// metadataMsg is a re-explained outcome with the resource metadata added.
type metadataMsg struct {
	id      int
	outcome Outcome
}

// verifiedMsg is the shown token, verified with the profile's keys.
type verifiedMsg struct {
	profile string
	raw     string
	report  token.Report
	err     error
}

// fetchMetadata fetches the resource_metadata the response offered. Only
// ever on the user's key: fetching a URL the server named is their call.
func (m Model) fetchMetadata() (Model, tea.Cmd) {
	o := m.last[m.active]
	if o == nil || o.Result == nil || m.deps.Backend == nil {
		m.toast, m.toastErr = "no response to fetch resource metadata for", true
		return m, nil
	}
	m.seq++
	id, b, out := m.seq, m.deps.Backend, *o
	m.toast, m.toastErr = "fetching resource metadata…", false
	m.why.SetPendingMetadata(id)
	return m, func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		return metadataMsg{id: id, outcome: b.FetchMetadata(ctx, out)}
	}
}

func (m Model) handleMetadata(msg metadataMsg) (tea.Model, tea.Cmd) {
	if !m.why.PendingMetadata(msg.id) {
		return m, nil // a newer response replaced the one it was for
	}
	o := msg.outcome
	m.last[o.Profile] = &o
	if o.Profile == m.active {
		m.why.SetOutcome(o)
	}
	m.toast, m.toastErr = "resource metadata fetched", false
	if o.Input.Metadata != nil && o.Input.Metadata.Err != "" {
		m.toast, m.toastErr = "resource metadata: "+o.Input.Metadata.Err, true
	}
	return m, nil
}

// verifyToken verifies the shown token with the active profile's key
// sources; the token's own jku is never followed.
func (m Model) verifyToken() tea.Cmd {
	if m.tokenRaw == "" || m.deps.Backend == nil {
		return func() tea.Msg { return verifiedMsg{err: errNoVerify} }
	}
	b, profile, raw := m.deps.Backend, m.active, m.tokenRaw
	if r := m.token.Report(); r != nil && r.Kind == token.KindOpaque {
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
			defer cancel()
			lines, err := b.Introspect(ctx, profile, raw)
			return introspectedMsg{profile: profile, raw: raw, lines: lines, err: err}
		}
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), actionTimeout)
		defer cancel()
		rep, err := b.Verify(ctx, profile, raw)
		return verifiedMsg{profile: profile, raw: raw, report: rep, err: err}
	}
}

// introspectedMsg is the introspection endpoint's answer for an opaque token.
type introspectedMsg struct {
	profile, raw string
	lines        []string
	err          error
}

func (m Model) handleIntrospected(msg introspectedMsg) (tea.Model, tea.Cmd) {
	if msg.raw != m.tokenRaw || msg.profile != m.active {
		return m, nil
	}
	if msg.err != nil {
		m.toast, m.toastErr = "not introspected: "+msg.err.Error(), true
		return m, nil
	}
	m.token.SetIntrospection(msg.lines)
	m.toast, m.toastErr = "introspected with "+m.active+"'s endpoint", false
	return m, nil
}

// uiError is a sentence the app shows as it is (a toast), not a wrapped cause.
type uiError string

func (e uiError) Error() string { return string(e) }

const errNoVerify = uiError("nothing to verify with: load a token and start why401 with a profile that has keys")

func (m Model) handleVerified(msg verifiedMsg) (tea.Model, tea.Cmd) {
	if msg.raw != "" && (msg.raw != m.tokenRaw || msg.profile != m.active) {
		return m, nil // the token or profile changed meanwhile
	}
	if msg.raw != "" && msg.report.Kind != "" {
		// Keep the origin line: verifying does not change where it came from.
		p, _ := m.activeProfile()
		origin := m.token.Origin()
		m.token.SetReport(msg.report, p.Leeway)
		m.token.SetExpect(p)
		m.token.SetOrigin(origin)
	}
	if msg.err != nil {
		m.toast, m.toastErr = "not verified: "+msg.err.Error(), true
		return m, nil
	}
	m.toast, m.toastErr = "signature "+string(msg.report.Signature.Status), false
	return m, nil
}

// tokenAction starts get / refresh / forget on an OAuth2 profile in the
// token modal, which shows the device code and the endpoint's answer.
func (m Model) tokenAction(k tea.KeyPressMsg) (Model, tea.Cmd) {
	a := TokenGet
	switch {
	case key.Matches(k, m.c.keys.TokenRefresh):
		a = TokenRefresh
	case key.Matches(k, m.c.keys.TokenForget):
		a = TokenForget
	}
	return m.startToken(a)
}

// startToken runs a in the token modal: for the root's g, r and F and for
// the request pane's Auth tab (tokenActionRequestMsg).
func (m Model) startToken(a TokenAction) (Model, tea.Cmd) {
	p, ok := m.activeProfile()
	if !ok || m.deps.Backend == nil || !p.Auth.Type.IsOAuth2() {
		m.toast, m.toastErr = "token actions are for OAuth2 profiles; "+m.active+" uses "+authName(p), true
		return m, nil
	}
	m.seq++
	var cmd tea.Cmd
	m.modal, cmd = startTokenAction(m.c, m.deps.Backend, m.active, a, m.seq)
	m.modal.SetSize(m.w, m.h)
	return m, tea.Batch(cmd, m.spinner.Tick)
}

func authName(p config.Profile) string {
	if p.Auth.Type == "" {
		return "no auth"
	}
	return string(p.Auth.Type)
}

// updateModal feeds the token modal; a finished Get or Refresh shows the
// new token in the token pane.
func (m Model) updateModal(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.modal, cmd = m.modal.Update(msg)
	if o, ok := m.modal.Done(); ok && o.Profile == m.active && o.Err == nil && o.Token != "" {
		next, tcmd := m.loadToken(o.Token)
		nm := next.(Model)
		nm.token.SetOrigin("from the token endpoint; not sent yet (ctrl+s sends with it)")
		nm.toast = "token " + tokenActionName(o.Action) + " for " + o.Profile
		return nm, tea.Batch(cmd, tcmd)
	}
	return m, cmd
}

func tokenActionName(a TokenAction) string {
	switch a {
	case TokenRefresh:
		return "refreshed"
	case TokenForget:
		return "forgotten"
	}
	return "obtained"
}

// savedLoadedMsg carries a profile's saved requests.
type savedLoadedMsg struct {
	profile string
	list    []requests.Request
	err     error
}

// savedMsg reports a finished save.
type savedMsg struct {
	profile, name string
	err           error
}

func loadSaved(b Backend, profile string) tea.Cmd {
	if b == nil || profile == "" {
		return nil
	}
	return func() tea.Msg {
		list, err := b.Saved(profile)
		return savedLoadedMsg{profile: profile, list: list, err: err}
	}
}

func (m Model) handleSaved(msg savedLoadedMsg) Model {
	if msg.profile != m.active {
		return m
	}
	if msg.err != nil {
		m.toast, m.toastErr = "saved requests: "+msg.err.Error(), true
	}
	m.profiles.SetSaved(msg.list)
	return m
}

// saveRequest writes the composed request under name in a Cmd.
func (m Model) saveRequest(name string) tea.Cmd {
	if m.deps.Backend == nil {
		return nil
	}
	b, profile, req := m.deps.Backend, m.active, m.request.Draft()
	req.Name = name
	return func() tea.Msg { return savedMsg{profile: profile, name: name, err: b.Save(profile, req)} }
}

// handleSavedDone: a save that had to leave credentials out is a warning,
// not a failure — the request is saved, without them.
func (m Model) handleSavedDone(msg savedMsg) (tea.Model, tea.Cmd) {
	var stripped *requests.StrippedError
	switch {
	case errors.As(msg.err, &stripped):
		m.toast, m.toastErr = stripped.Error(), false
	case msg.err != nil:
		m.toast, m.toastErr = "not saved: "+msg.err.Error(), true
		return m, nil
	default:
		m.toast, m.toastErr = "saved "+msg.name+" in "+msg.profile, false
	}
	if msg.profile == m.active {
		m.request.SetName(msg.name)
	}
	return m, loadSaved(m.deps.Backend, m.active)
}
