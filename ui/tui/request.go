package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/inspect/curl"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/requests"
)

// maxURLHistory bounds the URLs the input recalls with up/down.
const maxURLHistory = 100

// requestTab is a tab of the request pane, in display (and 1-4) order.
type requestTab int

const (
	tabParams requestTab = iota
	tabHeaders
	tabBody
	tabAuth
	tabCount
)

// methods is the order m cycles through (M backwards).
func methods() []string { return requests.Methods() }

// requestPane composes the request: method, URL (whose query the Params
// tab edits), headers, body and which credentials to send. Focusing the
// pane starts typing in the URL; esc leaves any input so the single-letter
// keys work. What it holds is sent as Draft(); the root does the sending.
type requestPane struct {
	c       *common
	keys    requestKeys
	focused bool
	w, h    int

	name   string // of the saved request loaded, so saving again replaces it
	method string
	url    textinput.Model
	hist   urlHistory

	tab     requestTab
	cursor  [tabCount]int // selected row of the list tabs
	headers []requests.Header
	edit    rowEditor
	body    textarea.Model
	// bodyRev counts changes to the body (typing, paste, load, editor);
	// json is the JSON verdict for body revision jsonRev and Content-Type
	// jsonCT, so View never validates the body itself.
	bodyRev int
	json    jsonCheck
	jsonRev int
	jsonCT  string

	auth       requests.Auth
	token      textinput.Model // this request's bearer token (AuthBearer)
	tokenNote  string          // where the token came from
	profile    config.Profile
	hasProfile bool
	secrets    string // the root's secrets status: "ok", "failed", "" (unknown) or a sentence
	credential string // the profile's resolved credential, when the root has it
	reveal     bool

	notice notice // the outcome of the last action, until the next key
	dark   bool   // the background the inputs were styled for
}

func newRequestPane(c *common) requestPane {
	dark := c.styles.isDark
	r := requestPane{c: c, keys: defaultRequestKeys(), method: "GET", dark: dark,
		url: newLineInput("/path or https://…", dark), token: newLineInput("token", dark),
		body: newBodyArea(dark), edit: newRowEditor(dark)}
	r.hist.reset()
	r.refreshJSON()
	return r
}

// newLineInput is a one-line input without a prompt whose keymap leaves
// CONTRACT's global keys alone (ctrl+e is line end by default).
func newLineInput(placeholder string, dark bool) textinput.Model {
	ti := textinput.New()
	ti.Prompt = ""
	ti.Placeholder = placeholder
	ti.KeyMap.LineEnd.SetKeys("end")
	ti.SetStyles(textinput.DefaultStyles(dark))
	return ti
}

// SetSize sizes the pane and its inputs to w×h cells.
func (r *requestPane) SetSize(w, h int) {
	r.w, r.h = w, h
	r.sizeInputs()
}

// sizeInputs fits the inputs to the inner width; each input draws one cell
// past its width for the cursor.
func (r *requestPane) sizeInputs() {
	iw, ih := innerSize(r.w, r.h)
	r.url.SetWidth(max(1, iw-methodWidth(r.method)-1))
	r.token.SetWidth(max(1, iw-len("Bearer ")-1))
	r.body.SetWidth(max(1, iw))
	r.body.SetHeight(max(1, contentHeight(ih)))
	r.edit.setWidth(iw)
}

func methodWidth(m string) int { return len(m) + 1 }

// Focus gives the pane the keyboard, starting in the URL input.
func (r *requestPane) Focus() tea.Cmd {
	r.focused = true
	return r.url.Focus()
}

// Blur takes the keyboard away; text being typed is kept, as if the input
// had been left with enter.
func (r *requestPane) Blur() {
	r.focused = false
	r.leaveInputs()
}

// leaveInputs commits and blurs whatever input has the keyboard.
func (r *requestPane) leaveInputs() {
	if r.url.Focused() {
		r.commitURL()
	}
	if r.edit.active {
		r.commitRow()
		r.edit.stop() // an invalid name is dropped rather than left typing unseen
	}
	if r.token.Focused() {
		r.commitToken()
	}
	r.body.Blur()
}

// Typing reports whether an input or the body editor has the keyboard; the
// root then switches off its single-letter keys.
func (r requestPane) Typing() bool {
	return r.url.Focused() || r.edit.active || r.body.Focused() || r.token.Focused()
}

// MultiLine reports whether the multi-line body editor has the keyboard:
// tab then belongs to the pane (it indents), and esc must leave the editor
// before tab moves panes (CONTRACT).
func (r requestPane) MultiLine() bool { return r.body.Focused() }

// TakesPaste reports whether the pane wants a paste that the root would
// otherwise load as a token: anything while typing, and a curl command
// (which fills the whole request) at any time.
func (r requestPane) TakesPaste(p tea.PasteMsg) bool {
	return r.Typing() || curl.Looks(p.Content)
}

// Method and URL are what a send uses.
func (r requestPane) Method() string { return r.method }
func (r requestPane) URL() string    { return strings.TrimSpace(r.url.Value()) }

// Notice is the pane's last message (a curl import's notes, an editor
// error), for the root to echo in the status line if it wants.
func (r requestPane) Notice() string { return r.notice.text }

// Draft is the request to send: headers switched off stay in it (Sent()
// leaves them out), and Token is set only with the bearer override. A
// bearer override without a token is never returned as one: the draft
// then uses the profile's credentials, as a saved request does, and
// DraftProblem says why it should not be sent.
func (r requestPane) Draft() requests.Request {
	d := requests.Request{Name: r.name, Method: r.method, URL: r.URL(), Body: r.body.Value(), Auth: r.auth,
		Headers: append([]requests.Header(nil), r.headers...)}
	if r.auth == requests.AuthBearer {
		d.Token = normalizeToken(r.token.Value())
		if d.Token == "" {
			d.Auth = requests.AuthProfile
		}
	}
	return d
}

// DraftProblem is the one-sentence reason the draft cannot be sent as it
// is, "" when it can; the root asks before sending.
func (r requestPane) DraftProblem() string {
	if r.auth == requests.AuthBearer && normalizeToken(r.token.Value()) == "" {
		return "the request's own bearer token is empty: paste one on the Auth tab (enter), or press o for the profile's credentials or none"
	}
	return ""
}

// DraftWarning is a one-sentence caution about the draft that does not
// stop a send ("" when none): a body declared or shaped as JSON that is
// not valid JSON.
func (r requestPane) DraftWarning() string {
	if jc := r.json; jc.applies && !jc.ok && strings.HasPrefix(jc.msg, "JSON ") {
		return "the body is not valid JSON (" + jc.msg + ")"
	}
	return ""
}

// Load fills the pane from a saved or earlier request.
func (r *requestPane) Load(req requests.Request) {
	r.edit.stop()
	r.name = req.Name
	r.setMethod(strings.ToUpper(strings.TrimSpace(req.Method)))
	r.url.SetValue(req.URL)
	r.url.CursorEnd()
	r.headers = append([]requests.Header(nil), req.Headers...)
	r.body.SetValue(req.Body)
	r.body.MoveToBegin()
	r.bodyChanged()
	r.auth, r.tokenNote, r.reveal = req.Auth, "", false // a new request's secrets start hidden
	r.token.SetValue(req.Token)
	r.cursor = [tabCount]int{}
	r.hist.reset()
	r.notice = notice{}
	r.refreshJSON()
}

// SetProfile shows what the active profile sends. secretsStatus is the
// root's status of the profile's secrets: "ok" (the last send resolved
// them: ✓), "failed" (one did not: ✗), "" or left out (not known yet:
// nothing is shown); any other text is shown as a warning. A credential
// resolved for the previous profile is forgotten, and switching to another
// profile hides revealed secrets again.
func (r *requestPane) SetProfile(p config.Profile, secretsStatus ...string) {
	if !r.hasProfile || p.Name != r.profile.Name {
		r.reveal = false
	}
	r.profile, r.hasProfile, r.secrets, r.credential = p, true, strings.Join(secretsStatus, "; "), ""
}

// SetName records the name the request was saved under, so that saving
// again replaces it.
func (r *requestPane) SetName(name string) { r.name = name }

// SetCredential gives the raw credential the profile sends, so that the
// reveal key can show it: the Authorization value for bearer, OAuth2 and
// Basic ("Basic base64…", shown as the user and, revealed, the decoded
// password), the bare key for api_key. "" forgets it.
func (r *requestPane) SetCredential(raw string) { r.credential = raw }

// Remember adds a sent URL to the history the URL input recalls.
func (r *requestPane) Remember(u string) { r.hist.add(u) }

func (r *requestPane) setMethod(m string) {
	if m == "" {
		m = "GET"
	}
	r.method = m
	r.sizeInputs()
}

// cycleMethod moves through methods(); a method not in the list (from a
// curl command) continues from the start.
func (r *requestPane) cycleMethod(step int) {
	ms := methods()
	i := -1
	for j, m := range ms {
		if m == r.method {
			i = j
		}
	}
	if i < 0 && step < 0 {
		i = 0
	}
	r.setMethod(ms[(i+step+len(ms))%len(ms)])
}

// HelpKeys are the pane's bindings that apply right now.
func (r requestPane) HelpKeys() []key.Binding {
	k := r.keys
	switch {
	case r.url.Focused():
		return []key.Binding{k.Done, k.History, k.Leave}
	case r.edit.active:
		return []key.Binding{k.Done, k.Field, k.Leave}
	case r.body.Focused():
		return []key.Binding{k.Leave, k.Indent, k.Editor}
	case r.token.Focused():
		return []key.Binding{k.Done, k.Leave}
	}
	out := []key.Binding{k.MethodNext, k.TabNext, k.TabJump, k.EditURL}
	switch r.tab {
	case tabParams:
		out = append(out, k.Up, k.Edit, k.Add, k.Delete)
	case tabHeaders:
		out = append(out, k.Up, k.Edit, k.Add, k.Delete, k.Toggle, k.Reveal)
	case tabBody:
		out = append(out, k.Edit, k.Editor)
	case tabAuth:
		out = append(out, k.AuthMode, k.Edit, k.Reveal)
		if r.oauth2() {
			out = append(out, k.TokenGet, k.TokenRefresh, k.TokenForget)
		}
	}
	return out
}

// AllKeys is every key the pane ever matches, whatever its mode or tab,
// for the help overlay: twins (m/M, ←/→, …) share one binding, and each
// binding has its help text.
func (r requestPane) AllKeys() []key.Binding {
	k := r.keys
	return []key.Binding{
		joinKeys("m/M", "next / previous method", k.MethodNext, k.MethodPrev),
		joinKeys("←/→ h/l [/] 1-4", "params · headers · body · auth", k.TabNext, k.TabPrev, k.TabJump),
		k.EditURL,
		joinKeys("↑/↓ k/j", "move · earlier URLs (URL) · name / value (row)", k.Up, k.Down, k.History, k.Field),
		joinKeys("enter", "edit · done", k.Edit, k.Done),
		k.Add,
		joinKeys("d/x", "delete", k.Delete),
		k.Toggle,
		k.Reveal,
		k.AuthMode,
		k.TokenGet, k.TokenRefresh, k.TokenForget,
		k.Editor,
		joinKeys("tab", "indent (body editor)", k.Indent),
		joinKeys("esc", "leave input", k.Leave),
	}
}
