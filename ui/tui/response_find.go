package tui

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/ui/bodyview"
	"github.com/why401/why401/ui/safe"
)

// respJQTimeout stops a filter that would never end (`def f: f; f`).
const respJQTimeout = 10 * time.Second

// respSearch is the search over the body shown.
type respSearch struct {
	query string
	q     bodyview.Query
	m     bodyview.Matches
	cur   int // the current match, an index into m.Lines; -1 none
	err   string
	run   respRun
}

// respSearchMsg is a finished search.
type respSearchMsg struct {
	gen, seq int
	m        bodyview.Matches
	err      error
}

// respJQMsg is a finished jq filter.
type respJQMsg struct {
	gen, seq int
	filter   string
	lines    []string
	json     bool
	err      error
}

// startSearch searches the whole body shown for query in a Cmd: a spooled
// body is read from its spool, so matches past the head count too.
func (r responsePane) startSearch(query string) (responsePane, tea.Cmd) {
	r.search.run.stopRun()
	run := r.search.run
	r.search = respSearch{query: query, q: bodyview.NewQuery(query), cur: -1, run: run}
	if r.search.q.Empty() {
		return r, nil
	}
	ctx, seq := r.search.run.start(r.ctx())
	gen, q, d := r.gen, r.search.q, *r.doc()
	return r, func() tea.Msg {
		m, err := searchDoc(ctx, d, q)
		return respSearchMsg{gen: gen, seq: seq, m: m, err: err}
	}
}

// searchDoc searches d; a document without a body (no response arrived)
// has no matches.
func searchDoc(ctx context.Context, d respDoc, q bodyview.Query) (bodyview.Matches, error) {
	if d.mode == respDocLines {
		return bodyview.SearchLines(d.lines, q), nil
	}
	if d.src == nil || d.mode == respDocNone {
		return bodyview.Matches{}, nil
	}
	rc, err := d.src.Open()
	if err != nil {
		return bodyview.Matches{}, err
	}
	defer rc.Close()
	return bodyview.SearchStream(ctx, rc, q)
}

// onSearch takes a search's result and brings the first match at or
// below the top of the screen into view.
func (r responsePane) onSearch(msg respSearchMsg) (responsePane, tea.Cmd) {
	if msg.gen != r.gen || msg.seq != r.search.run.seq {
		return r, nil
	}
	r.search.run.running = false
	if msg.err != nil {
		if !errors.Is(msg.err, context.Canceled) {
			r.search.err = msg.err.Error()
		}
		return r, nil
	}
	r.search.m = msg.m
	if len(msg.m.Lines) == 0 {
		return r, nil
	}
	top := r.top[respTabBody]
	r.search.cur = sort.Search(len(msg.m.Lines), func(i int) bool { return r.matchLine(i) >= top }) % len(msg.m.Lines)
	return r.reveal(r.matchLine(r.search.cur))
}

// matchLine is the line match i is on in the body shown.
func (r responsePane) matchLine(i int) int {
	if r.doc().mode == respDocHex {
		return int(r.search.m.Offs[i] / int64(r.hexBPL()))
	}
	return r.search.m.Lines[i]
}

// currentMatch is the line of the current match, if there is one.
func (r responsePane) currentMatch() (int, bool) {
	if r.search.cur < 0 || r.search.cur >= len(r.search.m.Lines) {
		return 0, false
	}
	return r.matchLine(r.search.cur), true
}

// jump moves to the next (dir 1) or previous (-1) match, wrapping.
func (r responsePane) jump(dir int) (responsePane, tea.Cmd) {
	n := len(r.search.m.Lines)
	if n == 0 {
		return r, nil
	}
	r.search.cur = ((r.search.cur+dir)%n + n) % n
	return r.reveal(r.matchLine(r.search.cur))
}

// reveal scrolls the body so line is on screen, a third of the way down
// when it has to move.
func (r responsePane) reveal(line int) (responsePane, tea.Cmd) {
	r.tab = respTabBody
	vh := max(1, r.viewHFor(respTabBody))
	if top := r.top[respTabBody]; line >= top && line < top+vh {
		return r, r.ensureWindow()
	}
	return r.scrollTo(line - vh/3)
}

// openFilter opens the jq input, or says in one sentence why it cannot.
func (r responsePane) openFilter() (responsePane, tea.Cmd) {
	d := &r.body
	switch {
	case r.response() == nil || d.src == nil:
		r.notice = "there is no response body to filter"
	case d.kind != bodyview.KindJSON:
		r.notice = "the jq filter works on JSON bodies; this one is " + bodyKindName(r)
	case d.src.Size() > bodyview.JQLimit:
		r.notice = "the body is " + bodyview.HumanSize(d.src.Size()) + "; the jq filter reads at most " + bodyview.HumanSize(bodyview.JQLimit)
	default:
		return r.openInput(respInputFilter)
	}
	return r, nil
}

func bodyKindName(r responsePane) string {
	if ct := r.response().Body.ContentType; ct != "" {
		return safe.Line(ct)
	}
	return r.body.kind.String()
}

// startJQ runs the filter over the whole body in a Cmd. An empty filter
// removes the filter.
func (r responsePane) startJQ(filter string) (responsePane, tea.Cmd) {
	if strings.TrimSpace(filter) == "" {
		r.jqRun.stopRun()
		r.jq, r.filter = nil, ""
		return r, nil
	}
	if r.body.src == nil {
		r.notice = "there is no response body to filter"
		return r, nil
	}
	ctx, seq := r.jqRun.start(r.ctx())
	gen, src, mask := r.gen, r.body.src, r.mask
	return r, func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, respJQTimeout)
		defer cancel()
		msg := respJQMsg{gen: gen, seq: seq, filter: filter}
		rc, err := src.Open()
		if err != nil {
			msg.err = err
			return msg
		}
		defer rc.Close()
		out, err := bodyview.JQ(ctx, rc, src.Size(), filter)
		msg.err = err
		if out != "" {
			msg.lines = strings.Split(mask(out), "\n")
		}
		msg.json = len(out) <= bodyview.FormatLimit
		return msg
	}
}

// onJQ shows a filter's output in place of the body, or its error as the
// notice (the body shown does not change).
func (r responsePane) onJQ(msg respJQMsg) responsePane {
	if msg.gen != r.gen || msg.seq != r.jqRun.seq {
		return r
	}
	r.jqRun.running = false
	if msg.err != nil {
		r.notice = safe.Line(r.mask(msg.err.Error()))
		return r
	}
	var notes []string
	if len(msg.lines) == 0 {
		notes = append(notes, "no results")
	}
	if !msg.json {
		notes = append(notes, "over "+bodyview.HumanSize(bodyview.FormatLimit)+": not coloured")
	}
	r.jq = &respDoc{mode: respDocLines, kind: bodyview.KindJSON, json: msg.json, lines: msg.lines, notes: notes}
	r.filter, r.notice = msg.filter, ""
	r.top[respTabBody] = 0
	r.dropSearch()
	return r
}
