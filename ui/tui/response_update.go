package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Update handles the pane's keys (when it has focus) and its own async
// results (routed here through Owns whatever has focus).
func (r responsePane) Update(msg tea.Msg) (responsePane, tea.Cmd) {
	r.Restyle()
	switch msg := msg.(type) {
	case respPreparedMsg:
		return r.onPrepared(msg)
	case respIndexedMsg:
		return r.onIndexed(msg)
	case respWindowMsg:
		return r.onWindow(msg)
	case respSearchMsg:
		return r.onSearch(msg)
	case respJQMsg:
		return r.onJQ(msg), nil
	case tea.KeyPressMsg:
		if r.mode != respInputNone {
			return r.inputKey(msg)
		}
		return r.navKey(msg)
	}
	if r.mode != respInputNone {
		return r.typeInto(msg) // a paste, the cursor's blink
	}
	return r, nil
}

// navKey handles a key while no input is open.
func (r responsePane) navKey(k tea.KeyPressMsg) (responsePane, tea.Cmd) {
	keys := r.keys
	switch {
	case key.Matches(k, keys.Up):
		return r.scrollBy(-1)
	case key.Matches(k, keys.Down):
		return r.scrollBy(1)
	case key.Matches(k, keys.PageUp):
		return r.scrollBy(-r.page())
	case key.Matches(k, keys.PageDown):
		return r.scrollBy(r.page())
	case key.Matches(k, keys.Top):
		return r.scrollTo(0)
	case key.Matches(k, keys.Bottom):
		return r.scrollTo(r.maxTop(r.tab))
	case key.Matches(k, keys.PrevTab):
		return r.setTab((r.tab + respTabCount - 1) % respTabCount)
	case key.Matches(k, keys.NextTab):
		return r.setTab((r.tab + 1) % respTabCount)
	case key.Matches(k, keys.TabJump):
		return r.setTab(respTab(k.String()[0] - '1'))
	}
	return r.findKey(k)
}

// findKey handles the search and filter keys.
func (r responsePane) findKey(k tea.KeyPressMsg) (responsePane, tea.Cmd) {
	keys := r.keys
	switch {
	case key.Matches(k, keys.Search):
		return r.openInput(respInputSearch)
	case key.Matches(k, keys.Filter):
		return r.openFilter()
	case key.Matches(k, keys.NextMatch):
		return r.jump(1)
	case key.Matches(k, keys.PrevMatch):
		return r.jump(-1)
	case key.Matches(k, keys.Clear):
		return r.clear()
	case key.Matches(k, keys.Reveal):
		return r.toggleReveal(), nil
	}
	return r, nil
}

// toggleReveal shows or hides the credential headers (Set-Cookie,
// WWW-Authenticate's neighbours in redact's list); with none to show it
// says so rather than seeming broken.
func (r responsePane) toggleReveal() responsePane {
	if !r.showSecrets && !r.hasSecretHeader() {
		r.notice = "nothing to reveal: this response has no credential headers"
		return r
	}
	r.showSecrets = !r.showSecrets
	r.notice = ""
	return r
}

// page is a screen less one line, so a line of context stays in view.
func (r responsePane) page() int { return max(1, r.viewHFor(r.tab)-1) }

func (r responsePane) scrollBy(n int) (responsePane, tea.Cmd) {
	return r.scrollTo(r.top[r.tab] + n)
}

func (r responsePane) scrollTo(top int) (responsePane, tea.Cmd) {
	r.top[r.tab] = max(0, min(top, r.maxTop(r.tab)))
	return r, r.ensureWindow()
}

func (r responsePane) setTab(t respTab) (responsePane, tea.Cmd) {
	if t < 0 || t >= respTabCount {
		return r, nil
	}
	r.tab = t
	return r, r.ensureWindow()
}

// maxTop is the last first line that still fills the screen.
func (r responsePane) maxTop(t respTab) int {
	return max(0, r.tabTotal(t)-max(1, r.viewHFor(t)))
}

func (r *responsePane) clampAll() {
	for t := range respTabCount {
		r.top[t] = max(0, min(r.top[t], r.maxTop(t)))
	}
}

// tabTotal is how many lines tab t has.
func (r responsePane) tabTotal(t respTab) int {
	switch t {
	case respTabBody:
		return r.doc().total(r.hexBPL())
	case respTabHeaders:
		if resp := r.response(); resp != nil {
			return len(resp.Headers)
		}
		return 0
	case respTabTiming:
		return len(r.timingLines(0))
	}
	return len(r.redirectLines())
}

// clear undoes the last thing layered over the body: the search, then the
// filter, then a notice.
func (r responsePane) clear() (responsePane, tea.Cmd) {
	switch {
	case r.search.query != "":
		r.dropSearch()
	case r.jq != nil || r.jqRun.running:
		r.jqRun.stopRun()
		r.jq, r.filter = nil, ""
		r.top[respTabBody] = 0
		return r, r.ensureWindow()
	default:
		r.notice = ""
	}
	return r, nil
}

// dropSearch forgets the search. The run's sequence number is kept, so a
// result still on its way for the dropped search cannot pass for a newer
// one.
func (r *responsePane) dropSearch() {
	r.search.run.stopRun()
	r.search = respSearch{run: r.search.run, cur: -1}
}

// openInput gives the keyboard to the search or filter input, starting
// from what it held last.
func (r responsePane) openInput(mode respInput) (responsePane, tea.Cmd) {
	if !r.shown {
		return r, nil
	}
	if r.response() == nil {
		// Nothing arrived (connection refused, a send still on its way):
		// there is no body to search, and the search must not open one.
		r.notice = "there is no response body to search"
		return r, nil
	}
	r.mode, r.tab, r.notice = mode, respTabBody, ""
	value := r.search.query
	if mode == respInputFilter {
		value = r.filter
		if r.draft != "" {
			value = r.draft
		}
	}
	r.input.SetValue(value)
	r.input.CursorEnd()
	return r, r.input.Focus()
}

// inputKey handles a key while the search or filter input is open.
func (r responsePane) inputKey(k tea.KeyPressMsg) (responsePane, tea.Cmd) {
	switch {
	case key.Matches(k, r.keys.Submit):
		return r.submitInput()
	case key.Matches(k, r.keys.Cancel):
		return r.cancelInput(), nil
	}
	return r.typeInto(k)
}

// typeInto edits the input; a changed search query searches again, so the
// count follows the typing.
func (r responsePane) typeInto(msg tea.Msg) (responsePane, tea.Cmd) {
	before := r.input.Value()
	var cmd tea.Cmd
	r.input, cmd = r.input.Update(msg)
	if r.mode == respInputSearch && r.input.Value() != before {
		var search tea.Cmd
		r, search = r.startSearch(r.input.Value())
		return r, tea.Batch(cmd, search)
	}
	return r, cmd
}

func (r responsePane) submitInput() (responsePane, tea.Cmd) {
	mode, value := r.mode, r.input.Value()
	r.closeInput()
	r.draft = ""
	if mode == respInputFilter {
		return r.startJQ(value)
	}
	if value == "" {
		r.dropSearch()
	}
	return r, nil
}

// cancelInput: esc in the search input drops the search; in the filter
// input it keeps the filter that applies.
func (r responsePane) cancelInput() responsePane {
	mode := r.mode
	r.closeInput()
	r.draft = ""
	if mode == respInputSearch {
		r.dropSearch()
	}
	return r
}

func (r *responsePane) closeInput() {
	r.mode = respInputNone
	r.input.Blur()
}
