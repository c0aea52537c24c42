package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/requests"
)

// Update is a dispatcher; each case's logic lives in a handle* method.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if m.inert(msg) {
		return m, nil
	}
	// Revisions come from one counter shared by every copy of the model, so
	// two models branched from one (as tests do) never share a frame.
	m.c.revs++
	m.rev = m.c.revs
	return m.dispatch(msg)
}

// inert reports a message no part of the app can act on: one of a type the
// dispatcher does not know, with no overlay open, no async owner, and a
// focused pane that reads only keys. View then reuses the last frame.
func (m Model) inert(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.WindowSizeMsg, tea.BackgroundColorMsg, tea.KeyPressMsg, tea.PasteMsg, tickMsg, spinner.TickMsg,
		outcomeMsg, metadataMsg, verifiedMsg, introspectedMsg, verifyRequestMsg, metadataRequestMsg,
		inspectRequestMsg, profileChosenMsg, historyLoadedMsg, savedLoadedMsg, savedMsg, saveNameMsg,
		loadRequestMsg, bodyEditedMsg, copyDoneMsg, tokenActionRequestMsg:
		return false
	}
	if m.overlayOpen() || m.modal.Owns(msg) || m.response.Owns(msg) {
		return false
	}
	return m.focus == paneProfiles || m.focus == paneHistory || m.focus == paneToken || m.focus == paneWhy
}

func (m Model) dispatch(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.handleResize(msg.Width, msg.Height), nil
	case tea.BackgroundColorMsg:
		return m.handleBackground(msg.IsDark()), nil
	case tickMsg:
		return m.handleTick(msg)
	case spinner.TickMsg:
		return m.handleSpinner(msg)
	case outcomeMsg:
		return m.handleOutcome(msg)
	case metadataMsg:
		return m.handleMetadata(msg)
	case verifiedMsg:
		return m.handleVerified(msg)
	case introspectedMsg:
		return m.handleIntrospected(msg)
	case verifyRequestMsg:
		m.toast, m.toastErr = "verifying with "+m.active+"'s keys…", false
		return m, m.verifyToken()
	case metadataRequestMsg:
		return m.fetchMetadata()
	case inspectRequestMsg:
		return m.loadToken(msg.text)
	case tokenActionRequestMsg:
		next, cmd := m.startToken(msg.action)
		return next, cmd
	case profileChosenMsg:
		return m.handleProfileChosen(msg.name)
	case historyLoadedMsg:
		return m.handleHistory(msg), nil
	case savedLoadedMsg:
		return m.handleSaved(msg), nil
	case savedMsg:
		return m.handleSavedDone(msg)
	case saveNameMsg:
		return m, m.saveRequest(msg.name)
	case loadRequestMsg:
		return m.handleLoadRequest(msg), nil
	case bodyEditedMsg:
		var cmd tea.Cmd
		m.request, cmd = m.request.Update(msg) // wherever focus went while the editor ran
		return m, cmd
	case copyDoneMsg:
		m.toast, m.toastErr = "copied "+msg.what+" to the clipboard", false
		return m, nil
	case tea.PasteMsg:
		return m.handlePaste(msg)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	if m.modal.Owns(msg) {
		return m.updateModal(msg)
	}
	if m.response.Owns(msg) {
		var cmd tea.Cmd
		m.response, cmd = m.response.Update(msg)
		return m, cmd
	}
	return m.routeToFocused(msg)
}

func (m Model) handleResize(w, h int) Model {
	m.w, m.h = w, h
	m.lay = computeLayout(w, h)
	l := m.lay
	m.profiles.SetSize(l.Profiles.W, l.Profiles.H)
	m.history.SetSize(l.History.W, l.History.H)
	m.request.SetSize(l.Request.W, l.Request.H)
	m.response.SetSize(l.Response.W, l.Response.H)
	m.token.SetSize(l.Token.W, l.Token.H)
	m.why.SetSize(l.Why.W, l.Why.H)
	m.inspector.SetWidth(w)
	m.modal.SetSize(w, h)
	m.help.SetWidth(w)
	return m
}

func (m Model) handleBackground(isDark bool) Model {
	*m.c.styles = NewStyles(isDark)
	m.help.Styles = help.DefaultStyles(isDark)
	inputs := textinput.DefaultStyles(isDark)
	m.inspector.input.SetStyles(inputs)
	m.picker.input.SetStyles(inputs)
	m.saveName.input.SetStyles(inputs)
	m.request.Restyle()
	m.response.Restyle()
	return m
}

func (m Model) handleSpinner(t spinner.TickMsg) (tea.Model, tea.Cmd) {
	if m.flight == nil && !m.modal.Busy() {
		return m, nil // the loop ends with the send
	}
	var cmd tea.Cmd
	m.spinner, cmd = m.spinner.Update(t)
	m.response.SetSpinner(m.spinner.View())
	m.modal.SetSpinner(m.spinner.View())
	return m, cmd
}

// typing reports whether a text input has the keyboard, which switches off
// the single-letter global keys.
func (m Model) typing() bool {
	return m.inspector.open || m.picker.open || m.saveName.open ||
		m.focus == paneRequest && m.request.Typing() ||
		m.focus == paneResponse && m.response.Typing()
}

// overlayOpen reports whether a modal owns the keyboard.
func (m Model) overlayOpen() bool {
	return m.showHelp || m.inspector.open || m.picker.open || m.copyMenu.open ||
		m.confirm.open || m.modal.Open() || m.saveName.open
}

// handleKey applies CONTRACT's order: ctrl+c always; overlays own the keys
// while open; then global keys; then the focused pane.
func (m Model) handleKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	keys := m.c.keys
	if key.Matches(k, keys.ForceQuit) {
		return m, tea.Quit
	}
	m.toast, m.toastErr = "", false // a toast lasts until the next key
	if m.overlayOpen() && key.Matches(k, keys.Send, keys.Profile, keys.Inspect, keys.Copy) && m.closeLightOverlay() {
		// CONTRACT: these work from anywhere; a menu or input in the way closes.
	} else if m.overlayOpen() {
		return m.overlayKey(k)
	}
	if next, cmd, ok := m.handleGlobalKey(k); ok {
		return next, cmd
	}
	return m.routeToFocused(k)
}

// closeLightOverlay closes an overlay that holds nothing the user would
// lose (help, menus, the inspector and pickers); false for the protected
// confirmation and the token modal, which must be answered or closed.
func (m *Model) closeLightOverlay() bool {
	if m.confirm.open || m.modal.Open() {
		return false
	}
	m.showHelp = false
	m.copyMenu.Close()
	m.picker.Close()
	m.saveName.Close()
	m.inspector.Close()
	return true
}

// overlayKey gives a key to the open overlay.
func (m Model) overlayKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.showHelp:
		m = m.helpKey(k)
	case m.confirm.open:
		return m.confirmKey(k)
	case m.modal.Open():
		return m.updateModal(k)
	case m.copyMenu.open:
		var toast string
		m.copyMenu, cmd, toast = m.copyMenu.Update(k, m.copySource())
		if toast != "" {
			m.toast, m.toastErr = toast, true
		}
	case m.picker.open:
		var chosen string
		m.picker, cmd, chosen = m.picker.Update(k)
		if chosen != "" {
			next, switched := m.handleProfileChosen(chosen)
			return next, tea.Batch(cmd, switched)
		}
	case m.saveName.open:
		m.saveName, cmd = m.saveName.Update(k)
	case m.inspector.open:
		m.inspector, cmd = m.inspector.Update(k)
	}
	return m, cmd
}

// handleGlobalKey handles the keys that work from any pane; ok is false when
// the key belongs to the focused pane. The ctrl keys work while typing
// (CONTRACT); the single letters only when no input has focus.
func (m Model) handleGlobalKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	keys := m.c.keys
	switch {
	case key.Matches(k, keys.Inspect):
		m.toast = ""
		return m, m.inspector.Open(), true
	case key.Matches(k, keys.Profile):
		if len(m.picker.all) == 0 {
			m.toast, m.toastErr = "no profiles yet: add one with why401 profile add NAME, or try why401 demo", true
			return m, nil, true
		}
		return m, m.picker.Open(m.active), true
	case key.Matches(k, keys.Copy):
		m.copyMenu.Open()
		return m, nil, true
	case key.Matches(k, keys.Send):
		m, cmd := m.send()
		return m, cmd, true
	case key.Matches(k, keys.Save):
		return m, m.saveName.Open(m.request.Draft().Name), true
	case key.Matches(k, keys.Cancel) && m.flight != nil && !m.typing():
		return m.cancelSend(), nil, true
	case m.typing() && !m.leavesInput(k):
		return m, nil, false
	case key.Matches(k, keys.NextPane):
		m, cmd := m.setFocus(m.nextPane(1))
		return m, cmd, true
	case key.Matches(k, keys.PrevPane):
		m, cmd := m.setFocus(m.nextPane(-1))
		return m, cmd, true
	case m.typing():
		return m, nil, false
	case key.Matches(k, keys.Quit):
		return m, tea.Quit, true
	case key.Matches(k, keys.Search) && m.focus != paneResponse:
		// The response is the one viewer with search: / from any pane goes there.
		m, cmd := m.setFocus(paneResponse)
		return m, tea.Batch(cmd, m.response.StartSearch()), true
	case key.Matches(k, keys.Help):
		m.showHelp, m.helpTop = true, 0
		return m, nil, true
	case (m.focus == paneToken || m.focus == paneProfiles) && key.Matches(k, keys.TokenGet, keys.TokenRefresh, keys.TokenForget):
		// Only here: the response pane's g/G and the request pane's keys
		// must not start a sign-in.
		m, cmd := m.tokenAction(k)
		return m, cmd, true
	}
	return m, nil, false
}

// leavesInput: tab leaves a one-line input (the URL) for the next pane;
// inside the multi-line body editor esc must come first (CONTRACT).
func (m Model) leavesInput(k tea.KeyPressMsg) bool {
	if !key.Matches(k, m.c.keys.NextPane, m.c.keys.PrevPane) {
		return false
	}
	switch m.focus {
	case paneRequest:
		return !m.request.MultiLine()
	case paneResponse:
		return true // its search and filter inputs are one line
	}
	return false
}

// nextPane is the pane dir steps away in tab order. The order is the same
// in both layouts; in the tabbed one focusing a side pane brings its tab to
// the front, so tab walks through the folded panes too.
func (m Model) nextPane(dir int) pane {
	return (m.focus + pane(dir) + paneCount) % paneCount
}

// setFocus blurs the old pane and focuses the new one; in the tabbed layout
// focusing a side pane also brings its tab to the front.
func (m Model) setFocus(p pane) (Model, tea.Cmd) {
	m.blur(m.focus)
	m.focus = p
	if p.isSide() {
		m.sideTab = p
	}
	return m, m.focusPane(p)
}

func (m *Model) blur(p pane) {
	switch p {
	case paneProfiles:
		m.profiles.Blur()
	case paneHistory:
		m.history.Blur()
	case paneRequest:
		m.request.Blur()
	case paneResponse:
		m.response.Blur()
	case paneToken:
		m.token.Blur()
	case paneWhy:
		m.why.Blur()
	}
}

func (m *Model) focusPane(p pane) tea.Cmd {
	switch p {
	case paneProfiles:
		return m.profiles.Focus()
	case paneHistory:
		return m.history.Focus()
	case paneRequest:
		return m.request.Focus()
	case paneResponse:
		return m.response.Focus()
	case paneToken:
		return m.token.Focus()
	case paneWhy:
		return m.why.Focus()
	}
	return nil
}

// routeToFocused gives a message to the focused pane only (and to the
// open overlay, e.g. its cursor blink).
func (m Model) routeToFocused(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case m.inspector.open:
		m.inspector, cmd = m.inspector.Update(msg)
		return m, cmd
	case m.picker.open:
		m.picker, cmd, _ = m.picker.Update(msg) // not a key: nothing is chosen
		return m, cmd
	case m.saveName.open:
		m.saveName, cmd = m.saveName.Update(msg)
		return m, cmd
	}
	switch m.focus {
	case paneProfiles:
		m.profiles, cmd = m.profiles.Update(msg)
		if name := m.profiles.Picked(); name != "" {
			next, switched := m.handleProfileChosen(name)
			return next, tea.Batch(cmd, switched)
		}
	case paneHistory:
		m.history, cmd = m.history.Update(msg)
	case paneRequest:
		m.request, cmd = m.request.Update(msg)
	case paneResponse:
		m.response, cmd = m.response.Update(msg)
	case paneToken:
		m.token, cmd = m.token.Update(msg)
	case paneWhy:
		m.why, cmd = m.why.Update(msg)
	}
	return m, cmd
}

// handlePaste: a paste into an input is typed there; a curl command pasted
// anywhere else fills the composer; with no input focused any other paste
// is a token to inspect at once (CONTRACT).
func (m Model) handlePaste(p tea.PasteMsg) (tea.Model, tea.Cmd) {
	switch {
	case m.showHelp || m.copyMenu.open || m.confirm.open || m.modal.Open():
		return m, nil
	case m.typing():
		return m.routeToFocused(p) // a curl command pasted into the URL input fills the request
	}
	return m.loadToken(p.Content)
}

// loadToken decodes text with the active profile's expectations and shows
// it. Decoding is pure and fast, so it runs here rather than in a Cmd;
// verifying needs keys from the network and waits for the v key.
func (m Model) loadToken(text string) (tea.Model, tea.Cmd) {
	text = strings.TrimSpace(text)
	if text == "" {
		return m, nil
	}
	in, err := token.ReadInput(text)
	if err != nil {
		m.toast, m.toastErr = "not a token: "+err.Error(), true
		return m, nil
	}
	p, _ := m.activeProfile()
	opts := token.Options{Now: m.c.now(), Leeway: p.Leeway, Issuer: p.Issuer, Audience: p.Audience}
	m.token.SetReport(token.Analyze(in, opts), p.Leeway)
	m.token.SetExpect(p)
	m.token.SetOrigin("inspected (" + string(in.Form) + "), not from a request")
	m.tokenRaw = in.Token
	m.toast, m.toastErr = "token loaded ("+string(in.Form)+")", false
	if m.deps.Backend != nil && m.active != "" {
		m.toast += " · v verifies it with " + m.active + "'s keys"
	}
	m, cmd := m.setFocus(paneToken)
	return m.startTick(cmd)
}

// handleProfileChosen switches profile: the panes show that profile's last
// outcome (never another profile's response beside this one's token).
func (m Model) handleProfileChosen(name string) (tea.Model, tea.Cmd) {
	if name == m.active {
		return m, nil
	}
	old := m.active
	m.active = name
	m.profiles.SetActive(name)
	p, _ := m.activeProfile()
	m.request.SetProfile(p, m.secretsOK[name])
	m.request.SetCredential("")
	m.token.Clear()
	m.tokenRaw = ""
	cmd := m.showOutcome(m.last[name])
	m.token.SetExpect(p)
	m.toast, m.toastErr = "profile "+name, false
	if dropped := m.dropOverride(); dropped {
		m.toast += " · the per-request token typed for " + old + " was dropped"
	}
	switch {
	case m.flight != nil && m.flight.profile == name:
		m.response.Sending(name)
	case m.flight != nil:
		m.toast += " · the " + m.flight.profile + " request is still running"
	}
	return m, tea.Batch(cmd, loadHistory(m.deps.Backend, name), loadSaved(m.deps.Backend, name))
}

// dropOverride removes a per-request bearer token from the composer: a
// token typed or pasted for one environment must not go to another.
func (m *Model) dropOverride() bool {
	d := m.request.Draft()
	if d.Auth != requests.AuthBearer {
		return false
	}
	d.Auth, d.Token = requests.AuthProfile, ""
	m.request.Load(d)
	return true
}

func (m Model) handleHistory(msg historyLoadedMsg) Model {
	if msg.profile == m.active {
		m.history.SetEntries(msg)
		if p, ok := m.activeProfile(); ok && p.BaseURL != nil {
			m.history.SetBase(p.BaseURL.String())
		}
	}
	return m
}

func (m Model) handleLoadRequest(msg loadRequestMsg) Model {
	m.request.Load(msg.req)
	m, _ = m.setFocus(paneRequest)
	m.toast, m.toastErr = "loaded "+msg.req.Method+" "+redact.URL(msg.req.URL)+" · ctrl+s sends it", false
	return m
}

// confirmKey answers the protected-profile question: y or enter sends.
func (m Model) confirmKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch k.String() {
	case "y", "Y", "enter":
		req := m.confirm.req
		m.confirm = confirmSend{} // the overlay held the keys: the profile cannot have changed
		return m.startSend(req)
	case "n", "N", "esc":
		m.confirm = confirmSend{}
		m.toast, m.toastErr = "not sent", false
	}
	return m, nil
}

func (m Model) copySource() copySource {
	return copySource{token: m.token.Report(), raw: m.tokenRaw, outcome: m.last[m.active]}
}
