package tui

import (
	"context"
	"net/http"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/requests"
)

// outcomeMsg is a finished send. id ties it to the send that started it:
// a result whose id is not the one in flight was cancelled or replaced and
// is dropped.
type outcomeMsg struct {
	id      int
	outcome Outcome
}

// inflight is the send under way, if any.
type inflight struct {
	id      int
	profile string
	cancel  context.CancelFunc
}

// confirmSend is the question asked before a protected profile sends a
// request that may change something.
type confirmSend struct {
	open    bool
	profile string
	req     requests.Request
}

// safeMethod: the methods CONTRACT lets a protected profile send unasked.
func safeMethod(m string) bool {
	switch strings.ToUpper(m) {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	return false
}

// send starts the composed request, asking first on a protected profile.
func (m Model) send() (Model, tea.Cmd) {
	if m.deps.Backend == nil {
		m.toast, m.toastErr = "sending needs a profile: start why401 with a config, or why401 demo", true
		return m, nil
	}
	req := m.request.Draft()
	if why := m.request.DraftProblem(); why != "" {
		m.toast, m.toastErr = why, true
		return m, nil
	}
	if strings.TrimSpace(req.URL) == "" {
		m.toast, m.toastErr = "type a URL or a path first (enter in the Request pane)", true
		return m, nil
	}
	if p, ok := m.activeProfile(); ok && p.Protected && !safeMethod(req.Method) {
		m.confirm = confirmSend{open: true, profile: m.active, req: req}
		return m, nil
	}
	m, cmd := m.startSend(req)
	if w := m.request.DraftWarning(); w != "" {
		m.toast, m.toastErr = w, false // e.g. a JSON body that does not parse: sent as typed
	}
	return m, cmd
}

// startSend cancels a send still in flight and runs this one in a Cmd.
func (m Model) startSend(req requests.Request) (Model, tea.Cmd) {
	if m.flight != nil {
		m.flight.cancel()
	}
	m.seq++
	ctx, cancel := context.WithCancel(context.Background())
	id, profile, b := m.seq, m.active, m.deps.Backend
	m.flight = &inflight{id: id, profile: profile, cancel: cancel}
	m.request.Remember(req.URL)
	m.response.Sending(profile)
	m.toast = ""
	run := func() tea.Msg {
		defer cancel()
		return outcomeMsg{id: id, outcome: b.Send(ctx, profile, req)}
	}
	return m, tea.Batch(run, m.spinner.Tick)
}

// cancelSend abandons the send in flight; its result will be dropped.
func (m Model) cancelSend() Model {
	if m.flight == nil {
		return m
	}
	m.flight.cancel()
	m.flight = nil
	m.response.Cancelled()
	m.toast, m.toastErr = "request cancelled", false
	return m
}

// handleOutcome files a finished send under the profile that sent it, and
// shows it only if that profile is still the active one: a response never
// sits beside another profile's token.
func (m Model) handleOutcome(msg outcomeMsg) (Model, tea.Cmd) {
	if m.flight == nil || msg.id != m.flight.id {
		return m, closeExchange(msg.outcome.Exchange) // cancelled or replaced
	}
	m.flight = nil
	o := msg.outcome
	var closeOld tea.Cmd
	if old := m.last[o.Profile]; old != nil {
		closeOld = closeExchange(old.Exchange)
	}
	m.last[o.Profile] = &o
	if st := secretsState(o); st != "" {
		m.secretsOK[o.Profile] = st
	}
	m.profiles.SetSecrets(o.Profile, m.secretsOK[o.Profile])
	if o.Profile != m.active {
		m.toast, m.toastErr = "the "+o.Profile+" response arrived: switch back to see it", false
		return m, nil
	}
	cmd := m.showOutcome(&o)
	if m.lay.Tabbed && len(o.Diagnosis) > 0 && !m.focus.isSide() {
		m.sideTab = paneWhy // the explanation is what a 401 needs first
	}
	if p, ok := m.activeProfile(); ok {
		m.request.SetProfile(p, m.secretsOK[o.Profile])
	}
	m.request.SetCredential(o.Credential)
	if o.Err != "" {
		m.toast, m.toastErr = maskText(&o, o.Err), true
	}
	if o.SignIn {
		// The grant needs a person: open the sign-in modal at once rather
		// than leave the user with an error that names a key.
		next, signIn := m.startToken(TokenGet)
		next.toast, next.toastErr = "sign in to "+o.Profile+", then ctrl+s sends with the new token", false
		return next, tea.Batch(cmd, closeOld, signIn, loadHistory(m.deps.Backend, o.Profile))
	}
	return m, tea.Batch(cmd, closeOld, loadHistory(m.deps.Backend, o.Profile))
}

// closeExchange releases a response no pane shows any more: its spooled
// body holds a file and up to a gigabyte of disk until closed.
func closeExchange(ex *exchange.Exchange) tea.Cmd {
	if ex == nil {
		return nil
	}
	return func() tea.Msg { _ = ex.Close(); return nil }
}

// maskText hides the secrets an outcome resolved, secret query parameters
// and anything token-shaped in text about to be shown (errors quote URLs).
func maskText(o *Outcome, s string) string {
	if o != nil && o.Mask != nil {
		s = o.Mask(s)
	}
	return redact.Text(redact.URL(s))
}

// showOutcome puts an outcome (or nothing) into the response, token and
// why panes.
func (m *Model) showOutcome(o *Outcome) tea.Cmd {
	if o == nil {
		m.response.Clear()
		m.why.Clear()
		return nil
	}
	cmd := m.response.SetOutcome(*o)
	m.why.SetOutcome(*o)
	// The token pane shows the token this request carried, or nothing: an
	// earlier token beside this response would explain the wrong thing.
	m.token.Clear()
	m.tokenRaw = ""
	if o.Result != nil && o.Result.Token != nil {
		p, _ := m.activeProfile()
		m.token.SetReport(*o.Result.Token, p.Leeway)
		m.token.SetExpect(p)
		m.token.SetOrigin("sent with the last request")
		m.tokenRaw = o.Credential
		if !m.ticking {
			m.ticking = true
			m.tickGen++
			return tea.Batch(cmd, tick(m.tickGen))
		}
	}
	return cmd
}

// secretsState reads from an outcome whether the profile's secrets
// resolved: credentials were sent, or the provider could not supply them.
func secretsState(o Outcome) string {
	switch {
	case o.Exchange != nil && o.Exchange.CredentialsSent:
		return "ok"
	case o.Exchange != nil && o.Exchange.ErrKind == exchange.KindCredentials:
		return "failed"
	}
	return ""
}
