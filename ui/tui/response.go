package tui

import (
	"context"
	"slices"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/exchange"
)

// respTab is one of the response pane's tabs.
type respTab int

const (
	respTabBody respTab = iota
	respTabHeaders
	respTabTiming
	respTabRedirects
	respTabCount
)

func (t respTab) title() string {
	return [...]string{"Body", "Headers", "Timing", "Redirects"}[t]
}

// respInput is which input, if any, has the keyboard.
type respInput int

const (
	respInputNone respInput = iota
	respInputSearch
	respInputFilter
)

// responsePane shows the last response: a head line (status, time, size),
// tabs for the body, headers, timing and redirects, a search over the
// whole body and a jq filter on JSON. Large bodies stay on disk: the pane
// holds a line index and a window of lines around the screen, both read
// in tea.Cmds, and draws only the lines on screen.
//
// Everything from the network is masked (the outcome's Mask) and
// sanitised (ui/safe) before it is drawn.
type responsePane struct {
	c       *common
	keys    responseKeys
	w, h    int
	focused bool

	shown   bool // an outcome (or a send) has been shown
	sending bool
	profile string
	spinner string

	// gen numbers the outcomes shown; every Cmd result carries the gen it
	// was started for, and a result for an older outcome is dropped.
	gen    int
	runCtx context.Context    // the Cmds of this gen run in it
	stop   context.CancelFunc // and this cancels them
	out    Outcome
	mask   func(string) string
	tab    respTab
	top    [respTabCount]int
	body   respDoc
	jq     *respDoc // the filter's output, shown instead of the body
	filter string   // the filter that made jq

	search respSearch
	jqRun  respRun
	mode   respInput
	input  textinput.Model
	notice string // one sentence in the footer: a refusal or an error
	// draft is a filter typed but not applied when the pane lost the
	// keyboard; f brings it back.
	draft string

	showSecrets bool // credential headers shown in full (s); hidden again for each outcome
	dark        bool // the background the input was styled for
}

// respRun is an async job that a newer one replaces: seq ties a result to
// the run that asked for it.
type respRun struct {
	seq     int
	running bool
	cancel  context.CancelFunc
}

func (j *respRun) start(parent context.Context) (context.Context, int) {
	j.stopRun()
	j.seq++
	j.running = true
	ctx, cancel := context.WithCancel(parent)
	j.cancel = cancel
	return ctx, j.seq
}

func (j *respRun) stopRun() {
	if j.cancel != nil {
		j.cancel()
	}
	j.running, j.cancel = false, nil
}

func newResponsePane(c *common) responsePane {
	ti := textinput.New()
	ti.Prompt = ""
	ti.SetStyles(respInputStyles(c.styles.isDark))
	return responsePane{c: c, keys: defaultResponseKeys(), input: ti, mask: identityMask, dark: c.styles.isDark}
}

func identityMask(s string) string { return s }

// SetOutcome shows a finished send. It returns the Cmd that prepares the
// body in the background when it is large (indexing a spooled body,
// formatting a big JSON document); small bodies are ready at once.
func (r *responsePane) SetOutcome(o Outcome) tea.Cmd {
	r.reset()
	r.shown, r.out = true, o
	if o.Mask != nil {
		r.mask = o.Mask
	}
	ctx, stop := context.WithCancel(context.Background())
	r.runCtx, r.stop = ctx, stop
	resp := r.response()
	if resp == nil {
		return nil
	}
	var cmd tea.Cmd
	r.body, cmd = prepareBody(ctx, r.gen, &resp.Body, r.mask)
	return tea.Batch(cmd, r.ensureWindow())
}

// reset forgets the outcome shown and stops its Cmds.
func (r *responsePane) reset() {
	if r.stop != nil {
		r.stop()
	}
	r.search.run.stopRun()
	r.jqRun.stopRun()
	r.body.close()
	r.gen++
	r.runCtx, r.stop, r.out, r.mask = nil, nil, Outcome{}, identityMask
	r.sending, r.tab, r.top = false, respTabBody, [respTabCount]int{}
	r.body, r.jq, r.filter = respDoc{}, nil, ""
	r.dropSearch()
	r.mode, r.notice, r.draft, r.showSecrets = respInputNone, "", "", false
	r.input.Blur()
}

// Clear shows nothing (the active profile has no outcome).
func (r *responsePane) Clear() {
	r.reset()
	r.shown = false
}

// Sending shows that a request is on its way; the previous response stays
// below until the new one arrives.
func (r *responsePane) Sending(profile string) {
	r.sending, r.profile, r.shown = true, profile, true
}

// Cancelled ends the sending state without an outcome.
func (r *responsePane) Cancelled() { r.sending = false }

// SetSpinner is the frame the root's spinner shows while sending.
func (r *responsePane) SetSpinner(frame string) { r.spinner = frame }

// SetSize sizes the pane. A hex view keeps its place in bytes when the
// row width changes with the pane.
func (r *responsePane) SetSize(w, h int) {
	oldBPL := r.hexBPL()
	r.w, r.h = w, h
	if r.body.mode == respDocHex && r.jq == nil && oldBPL != r.hexBPL() {
		r.top[respTabBody] = r.top[respTabBody] * oldBPL / r.hexBPL()
	}
	iw, _ := innerSize(w, h)
	r.input.SetWidth(max(1, iw-respPromptWidth-1))
	r.clampAll()
}

// Focus gives the pane the keyboard; an input left open gets it back.
func (r *responsePane) Focus() tea.Cmd {
	r.focused = true
	if r.mode != respInputNone {
		return r.input.Focus()
	}
	return nil
}

// Blur takes the keyboard away. An open input is left as if with enter,
// without running anything: the search keeps its query (it searched as it
// was typed), and a filter not yet applied is kept for the next f while
// the filter that applies stays. So the root can move focus (tab) from the
// search or filter input like from the request's URL.
func (r *responsePane) Blur() {
	r.focused = false
	switch r.mode {
	case respInputSearch:
		if r.input.Value() == "" {
			r.dropSearch()
		}
	case respInputFilter:
		if v := r.input.Value(); v != r.filter {
			r.draft = v
		}
	}
	r.closeInput()
}

// Restyle rebuilds the input's styles for the background the root has
// just learned (the root rebuilds the shared styles in place first).
// Update does the same on its first message after a change; the root
// calls this from its background handler so the next frame is right.
func (r *responsePane) Restyle() {
	if r.c.styles.isDark == r.dark {
		return
	}
	r.dark = r.c.styles.isDark
	r.input.SetStyles(respInputStyles(r.dark))
}

// Typing reports whether the search or jq input has the keyboard, which
// switches off the single-letter global keys.
func (r responsePane) Typing() bool { return r.mode != respInputNone }

// Owns reports whether msg is one of the pane's own async results, which
// the root routes here whatever has focus.
func (r responsePane) Owns(msg tea.Msg) bool {
	switch msg.(type) {
	case respPreparedMsg, respIndexedMsg, respWindowMsg, respSearchMsg, respJQMsg:
		return true
	}
	return false
}

// StartSearch opens the search input, for a root that handles the global
// `/` itself.
func (r *responsePane) StartSearch() tea.Cmd {
	next, cmd := r.openInput(respInputSearch)
	*r = next
	return cmd
}

// HelpKeys are the pane's bindings in its current mode, for the status
// line.
func (r responsePane) HelpKeys() []key.Binding {
	k := r.keys
	if r.mode != respInputNone {
		return []key.Binding{k.Submit, k.Cancel}
	}
	return []key.Binding{k.Up, k.PageUp, k.Top, k.PrevTab, k.Search, k.NextMatch, k.Filter, k.Clear, k.Reveal}
}

// AllKeys is every key the pane ever matches, whatever its mode, for the
// help overlay: twins (j/k, n/N, …) share one binding, and each binding
// has its help text.
func (r responsePane) AllKeys() []key.Binding {
	k := r.keys
	return []key.Binding{
		joinKeys("↑/↓ j/k", "scroll", k.Up, k.Down),
		joinKeys("pgup/pgdn", "page up / down", k.PageUp, k.PageDown),
		joinKeys("home/end g/G", "top / bottom", k.Top, k.Bottom),
		joinKeys("←/→ 1-4", "body · headers · timing · redirects", k.PrevTab, k.NextTab, k.TabJump),
		k.Search,
		joinKeys("n/N", "next / previous match", k.NextMatch, k.PrevMatch),
		k.Filter,
		k.Reveal,
		joinKeys("enter", "apply the search / filter typed", k.Submit),
		joinKeys("esc", "clear search / filter · leave the input", k.Clear, k.Cancel),
	}
}

// joinKeys is one binding matching every key of bs, with its own help.
func joinKeys(help, desc string, bs ...key.Binding) key.Binding {
	var keys []string
	for _, b := range bs {
		for _, k := range b.Keys() {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// response is the response shown, or nil.
func (r responsePane) response() *exchange.Response {
	if r.out.Exchange == nil {
		return nil
	}
	return r.out.Exchange.Response
}

// doc is the body as shown: the jq output while a filter applies.
func (r *responsePane) doc() *respDoc {
	if r.jq != nil {
		return r.jq
	}
	return &r.body
}
