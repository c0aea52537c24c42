package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/inspect/curl"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/requests"
)

// Update is a dispatcher: pastes, the editor's answer, keys by what has
// the keyboard, and anything else (cursor blink) to the focused input.
// The body's JSON verdict is brought up to date here, once per message
// that may have changed it, never in View.
func (r requestPane) Update(msg tea.Msg) (requestPane, tea.Cmd) {
	r.Restyle()
	r, cmd := r.update(msg)
	r.refreshJSON()
	return r, cmd
}

func (r requestPane) update(msg tea.Msg) (requestPane, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return r.handlePaste(msg)
	case bodyEditedMsg:
		return r.applyEditedBody(msg), nil
	case tea.KeyPressMsg:
		r.notice = notice{}
		return r.handleKey(msg)
	}
	return r.updateInput(msg)
}

// Restyle rebuilds the inputs' styles after the root learned the
// terminal's background (the root rebuilds the shared styles in place
// first). Update does the same on its first message after a change; the
// root calls this from its background handler so the next frame is right.
func (r *requestPane) Restyle() {
	if r.c.styles.isDark == r.dark {
		return
	}
	r.dark = r.c.styles.isDark
	r.url.SetStyles(textinput.DefaultStyles(r.dark))
	r.token.SetStyles(textinput.DefaultStyles(r.dark))
	r.body.SetStyles(textarea.DefaultStyles(r.dark))
	r.edit.restyle(r.dark)
}

// updateInput gives a non-key message to whichever input has focus.
func (r requestPane) updateInput(msg tea.Msg) (requestPane, tea.Cmd) {
	var cmd tea.Cmd
	switch {
	case r.url.Focused():
		r.url, cmd = r.url.Update(msg)
	case r.edit.active:
		cmd = r.edit.update(msg)
	case r.body.Focused():
		r.body, cmd = r.body.Update(msg)
		if _, ok := msg.(tea.PasteMsg); ok {
			r.bodyChanged()
		}
	case r.token.Focused():
		before := r.token.Value()
		r.token, cmd = r.token.Update(msg)
		if r.token.Value() != before {
			r.tokenNote = "" // typed over: it no longer came from curl
		}
	}
	return r, cmd
}

func (r requestPane) handleKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	if key.Matches(k, r.keys.Editor) {
		return r.startEditor()
	}
	switch {
	case r.url.Focused():
		return r.urlKey(k)
	case r.edit.active:
		return r.rowKey(k)
	case r.body.Focused():
		return r.bodyKey(k)
	case r.token.Focused():
		return r.tokenKey(k)
	}
	return r.navKey(k)
}

// navKey handles the keys that work while nothing is being typed.
func (r requestPane) navKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	keys := r.keys
	switch {
	case key.Matches(k, keys.MethodNext):
		r.cycleMethod(1)
	case key.Matches(k, keys.MethodPrev):
		r.cycleMethod(-1)
	case key.Matches(k, keys.TabNext):
		r.tab = (r.tab + 1) % tabCount
	case key.Matches(k, keys.TabPrev):
		r.tab = (r.tab + tabCount - 1) % tabCount
	case key.Matches(k, keys.TabJump):
		r.tab = requestTab(k.String()[0] - '1') // TabJump binds only "1"-"4"
	case key.Matches(k, keys.EditURL):
		return r, r.url.Focus()
	case key.Matches(k, keys.Reveal):
		r.toggleReveal()
	case key.Matches(k, keys.AuthMode):
		r.tab, r.auth = tabAuth, nextAuth(r.auth)
	default:
		return r.tabKey(k)
	}
	return r, nil
}

// tabKey handles the keys whose meaning depends on the tab shown.
func (r requestPane) tabKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	switch r.tab {
	case tabParams, tabHeaders:
		return r.listKey(k)
	case tabBody:
		if key.Matches(k, r.keys.Edit, r.keys.Add) {
			return r, r.body.Focus()
		}
	case tabAuth:
		if cmd := r.tokenActionKey(k); cmd != nil {
			return r, cmd
		}
		if key.Matches(k, r.keys.Edit, r.keys.Add) {
			r.auth = requests.AuthBearer
			r.token.CursorEnd()
			return r, r.token.Focus()
		}
	}
	return r, nil
}

// toggleReveal shows or hides secrets; with nothing to show it says why
// rather than seeming broken.
func (r *requestPane) toggleReveal() {
	if !r.reveal && !r.hasSecretToShow() {
		r.notice = notice{"nothing to reveal: the profile's credential is known after a send", noticeWarn}
		return
	}
	r.reveal = !r.reveal
}

func (r requestPane) hasSecretToShow() bool {
	if r.credential != "" || r.token.Value() != "" {
		return true
	}
	for _, h := range r.headers {
		if redact.IsSecretHeader(h.Name) && h.Value != "" {
			return true
		}
	}
	return maskURL(r.url.Value()) != r.url.Value()
}

// urlKey: enter or esc leave the URL; up and down recall earlier URLs.
func (r requestPane) urlKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	switch {
	case key.Matches(k, r.keys.Leave, r.keys.Done):
		r.commitURL()
		return r, nil
	case k.String() == "up":
		r.recall(r.hist.back(r.url.Value()))
		return r, nil
	case k.String() == "down":
		r.recall(r.hist.forward())
		return r, nil
	}
	before := r.url.Value()
	var cmd tea.Cmd
	r.url, cmd = r.url.Update(k)
	if r.url.Value() != before {
		r.hist.stopBrowsing()
	}
	return r, cmd
}

func (r *requestPane) recall(u string, ok bool) {
	if ok {
		r.url.SetValue(u)
		r.url.CursorEnd()
	}
}

// commitURL leaves the URL input. "POST /orders" picks the method too, so
// a request can be typed the way it is written in docs.
func (r *requestPane) commitURL() {
	r.url.Blur()
	v := strings.TrimSpace(r.url.Value())
	if m, rest, ok := strings.Cut(v, " "); ok && isMethod(m) {
		r.setMethod(strings.ToUpper(m))
		v = strings.TrimSpace(rest)
	}
	if v != r.url.Value() {
		r.url.SetValue(v)
	}
}

func isMethod(s string) bool {
	for _, m := range methods() {
		if strings.EqualFold(s, m) {
			return true
		}
	}
	return false
}

// bodyKey: esc leaves the editor, tab indents, the rest is typing.
func (r requestPane) bodyKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	switch {
	case key.Matches(k, r.keys.Leave):
		r.body.Blur()
		return r, nil
	case key.Matches(k, r.keys.Indent):
		r.body.InsertString(bodyIndent)
		r.bodyChanged()
		return r, nil
	}
	var cmd tea.Cmd
	r.body, cmd = r.body.Update(k)
	r.bodyChanged() // a key that only moves the cursor costs one more check, not one per frame
	return r, cmd
}

// tokenKey: enter or esc leave the token input.
func (r requestPane) tokenKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	if key.Matches(k, r.keys.Leave, r.keys.Done) {
		r.commitToken()
		return r, nil
	}
	return r.updateInput(k)
}

// commitToken keeps the bare token of whatever form was pasted.
func (r *requestPane) commitToken() {
	r.token.Blur()
	if t := normalizeToken(r.token.Value()); t != r.token.Value() {
		r.token.SetValue(t)
	}
}

// startEditor leaves any input and opens the body in $EDITOR.
func (r requestPane) startEditor() (requestPane, tea.Cmd) {
	r.leaveInputs()
	r.tab = tabBody
	return r, openEditor(r.body.Value(), r.json.applies)
}

func (r requestPane) applyEditedBody(m bodyEditedMsg) requestPane {
	if m.err != nil {
		r.notice = notice{m.err.Error(), noticeBad}
		return r
	}
	r.body.SetValue(m.text)
	r.body.MoveToBegin()
	r.bodyChanged()
	r.tab = tabBody
	r.notice = notice{"body updated from the editor", noticeInfo}
	return r
}

// bodyChanged marks the body as changed, so the next refreshJSON checks
// it again.
func (r *requestPane) bodyChanged() { r.bodyRev++ }

// refreshJSON validates the body against the Content-Type being sent when
// either changed since the last check: validating decodes up to 1 MB,
// far too much for every frame.
func (r *requestPane) refreshJSON() {
	ct := r.contentType()
	if r.jsonRev == r.bodyRev && r.jsonCT == ct && r.bodyRev > 0 {
		return
	}
	if r.bodyRev == 0 {
		r.bodyRev = 1 // revision 0 is "never checked"
	}
	r.json, r.jsonRev, r.jsonCT = checkJSON(r.body.Value(), ct), r.bodyRev, ct
}

func (r requestPane) contentType() string {
	for _, h := range r.headers {
		if !h.Off && strings.EqualFold(h.Name, "Content-Type") {
			return h.Value
		}
	}
	return ""
}

// handlePaste: a curl command fills the whole request from anywhere in the
// pane; anything else is typed into the focused input.
func (r requestPane) handlePaste(p tea.PasteMsg) (requestPane, tea.Cmd) {
	if curl.Looks(p.Content) {
		r.notice = notice{}
		r.importCurl(p.Content)
		return r, nil
	}
	if r.edit.active {
		r.edit.paste(p.Content)
		return r, nil
	}
	return r.updateInput(p)
}

// importCurl replaces the request with the pasted command's. A command
// that cannot be read changes nothing and says why.
func (r *requestPane) importCurl(text string) {
	in, err := fromCurl(text)
	if err != nil {
		r.notice = notice{"curl: " + err.Error(), noticeBad}
		return
	}
	r.leaveInputs() // the paste replaces what was being typed
	r.Load(in.req)
	if in.req.Auth == requests.AuthBearer {
		r.tokenNote = "from the pasted curl command"
	}
	r.notice = notice{"curl imported", noticeInfo}
	if len(in.notes) > 0 {
		r.notice = notice{"curl imported: " + strings.Join(in.notes, "; "), noticeWarn}
	}
}
