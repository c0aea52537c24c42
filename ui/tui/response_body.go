package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/ui/bodyview"
)

// respSyncFormat is the largest body formatted while handling SetOutcome:
// indenting and splitting this much takes well under a millisecond, so a
// typical 401 shows at once; anything larger is formatted in a Cmd.
const respSyncFormat = 64 << 10

// respWindowLines is the fewest lines read into a window of a spooled
// body: enough that holding a scroll key crosses a window edge (and
// starts a read) only every hundred lines or so.
const respWindowLines = 256

// respDocMode is how the body's lines are held.
type respDocMode int

const (
	respDocNone   respDocMode = iota
	respDocLines              // all lines in memory (formatted when small)
	respDocStream             // a text body over FormatLimit: an index and a window
	respDocHex                // a binary body: a window of bytes
)

// respDoc is a body laid out for the view.
type respDoc struct {
	mode    respDocMode
	kind    bodyview.Kind
	json    bool     // colour the lines as JSON
	lines   []string // respDocLines, masked
	src     *bodyview.Source
	idx     *bodyview.Index // respDocStream, once the head is indexed
	win     bodyview.Window
	want    respWindowReq // the window being read, if any
	notes   []string
	pending string // what a Cmd is still preparing, for the note line
	err     string // why the body cannot be shown
	// end is where a binary body's bytes really end when fewer were kept
	// than its size (0: at its size), so rows past it are not asked for.
	end int64
}

// respWindowReq names a window: lines of a text body, bytes of a binary.
type respWindowReq struct {
	active bool
	first  int
	off    int64
	n      int
}

// respPreparedMsg is a body formatted in the background.
type respPreparedMsg struct {
	gen   int
	lines []string
	json  bool
	notes []string
	err   error
}

// respIndexedMsg is a line index: of the head first, then of the whole.
type respIndexedMsg struct {
	gen int
	idx *bodyview.Index
	err error
}

// respWindowMsg is a window read from a spooled body.
type respWindowMsg struct {
	gen int
	req respWindowReq
	win bodyview.Window
	err error
}

func (d *respDoc) close() {
	if d.src != nil {
		d.src.Close()
	}
}

// total is the number of lines the document has (so far).
func (d *respDoc) total(bpl int) int {
	switch d.mode {
	case respDocLines:
		return len(d.lines)
	case respDocStream:
		return d.idx.Lines()
	case respDocHex:
		return int((d.size() + int64(bpl) - 1) / int64(bpl))
	}
	return 0
}

// size is how many bytes of a binary body can be shown.
func (d *respDoc) size() int64 {
	if d.end > 0 {
		return d.end
	}
	return d.src.Size()
}

// setWindow takes a window read for q. A byte range that came back short
// before the body's size marks where the kept bytes end.
func (d *respDoc) setWindow(q respWindowReq, w bodyview.Window) {
	d.win = w
	end := w.Off + int64(len(w.Data))
	if d.mode == respDocHex && len(w.Data) < q.n && end < d.size() {
		d.end = end
		d.notes = append(d.notes, keptNote(end, d.src.Size()))
	}
}

// prepareBody lays a body out, or starts the Cmds that will.
func prepareBody(ctx context.Context, gen int, b *exchange.Body, mask func(string) string) (respDoc, tea.Cmd) {
	src := bodyview.NewSource(b.Data, b.Size, b.Open)
	kind := bodyview.Detect(b.Data, b.ContentType, b.Truncated)
	d := respDoc{src: src, kind: kind, notes: bodyNotes(b)}
	size := bodyview.HumanSize(src.Size())
	switch {
	case kind == bodyview.KindBinary:
		d.mode = respDocHex
		return d, nil
	case src.Size() > bodyview.FormatLimit:
		d.mode, d.pending = respDocStream, "indexing "+size+"…"
		d.notes = append(d.notes, "over "+bodyview.HumanSize(bodyview.FormatLimit)+": shown as sent, not indented or coloured")
		return d, indexCmds(ctx, gen, src)
	case src.Whole() && len(b.Data) <= respSyncFormat:
		d.mode = respDocLines
		d.lines, d.json, d.notes = formatBody(b.Data, kind, b.ContentType, mask, d.notes)
		return d, nil
	}
	d.mode, d.pending = respDocLines, "formatting "+size+"…"
	return d, prepareCmd(ctx, gen, src, kind, b.ContentType, mask)
}

// bodyNotes says what is missing from a body.
func bodyNotes(b *exchange.Body) []string {
	var notes []string
	if b.Err != "" {
		notes = append(notes, "incomplete: "+b.Err)
	}
	if b.ContentEncoding != "" && !b.Decoded {
		notes = append(notes, "still "+b.ContentEncoding+"-encoded")
	}
	return notes
}

// formatBody indents JSON and splits the body into masked lines.
func formatBody(data []byte, kind bodyview.Kind, contentType string, mask func(string) string, notes []string) ([]string, bool, []string) {
	if len(data) == 0 {
		return nil, false, append(notes, "empty body")
	}
	if kind == bodyview.KindJSON {
		pretty, err := bodyview.Pretty(data)
		if err == nil {
			return strings.Split(mask(string(pretty)), "\n"), true, notes
		}
		if bodyview.IsJSONType(contentType) {
			notes = append(notes, "shown as sent: "+err.Error())
		}
	}
	var lines []string
	for _, l := range bodyview.SplitLines([]byte(mask(string(data)))) {
		lines = append(lines, string(l))
	}
	return lines, false, notes
}

// prepareCmd reads a body of up to FormatLimit from its spool and formats it.
func prepareCmd(ctx context.Context, gen int, src *bodyview.Source, kind bodyview.Kind, ct string, mask func(string) string) tea.Cmd {
	return func() tea.Msg {
		data, err := readAll(ctx, src, bodyview.FormatLimit)
		if err != nil {
			return respPreparedMsg{gen: gen, err: err}
		}
		var notes []string
		if int64(len(data)) < src.Size() {
			notes = append(notes, keptNote(int64(len(data)), src.Size()))
		}
		lines, json, notes := formatBody(data, kind, ct, mask, notes)
		return respPreparedMsg{gen: gen, lines: lines, json: json, notes: notes}
	}
}

func readAll(ctx context.Context, src *bodyview.Source, limit int64) ([]byte, error) {
	rc, err := src.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, limit))
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", err)
	}
	return data, nil
}

func keptNote(kept, size int64) string {
	return "only the first " + bodyview.HumanSize(kept) + " of " + bodyview.HumanSize(size) + " were kept"
}

// indexCmds index the head (in memory, so it is back at once and the
// first screen shows) and the whole spooled body.
func indexCmds(ctx context.Context, gen int, src *bodyview.Source) tea.Cmd {
	head := func() tea.Msg {
		return respIndexedMsg{gen: gen, idx: bodyview.IndexBytes(src.Head(), false)}
	}
	full := func() tea.Msg {
		rc, err := src.Open()
		if err != nil {
			return respIndexedMsg{gen: gen, err: err}
		}
		defer rc.Close()
		idx, err := bodyview.BuildIndex(ctx, rc)
		return respIndexedMsg{gen: gen, idx: idx, err: err}
	}
	return tea.Batch(head, full)
}

func (r responsePane) onPrepared(msg respPreparedMsg) (responsePane, tea.Cmd) {
	if msg.gen != r.gen {
		return r, nil
	}
	d := &r.body
	d.pending = ""
	if msg.err != nil {
		d.err = "the body could not be read: " + msg.err.Error()
		return r, nil
	}
	d.lines, d.json, d.notes = msg.lines, msg.json, append(d.notes, msg.notes...)
	r.clampAll()
	return r, nil
}

func (r responsePane) onIndexed(msg respIndexedMsg) (responsePane, tea.Cmd) {
	d := &r.body
	if msg.gen != r.gen || d.idx.Complete() {
		return r, nil // stale, or the head's index after the whole one
	}
	if msg.err != nil {
		d.pending = ""
		if !errors.Is(msg.err, context.Canceled) {
			d.err = "the body could not be indexed: " + msg.err.Error()
		}
		return r, nil
	}
	d.idx = msg.idx
	if d.idx.Complete() {
		d.pending = ""
		if d.idx.Size() < d.src.Size() {
			d.notes = append(d.notes, keptNote(d.idx.Size(), d.src.Size()))
		}
	}
	r.clampAll()
	return r, r.ensureWindow()
}

func (r responsePane) onWindow(msg respWindowMsg) (responsePane, tea.Cmd) {
	d := &r.body
	if msg.gen != r.gen {
		return r, nil
	}
	if msg.req == d.want {
		d.want = respWindowReq{}
	}
	if msg.err != nil {
		if !errors.Is(msg.err, context.Canceled) {
			d.err = "the body could not be read: " + msg.err.Error()
		}
		return r, nil
	}
	d.setWindow(msg.req, msg.win)
	return r, r.ensureWindow()
}

// ensureWindow makes sure the window of a spooled or binary body covers
// the screen and a screen either side of it. A window inside the head is
// read at once (it is memory); elsewhere it is read in a Cmd, and until
// it arrives the lines not yet read show as "…".
func (r *responsePane) ensureWindow() tea.Cmd {
	d := &r.body
	if r.jq != nil || d.mode != respDocStream && d.mode != respDocHex || d.mode == respDocStream && d.idx == nil {
		return nil
	}
	req, ok := r.windowNeed()
	if !ok {
		return nil
	}
	if r.windowCached(req) {
		win, err := readWindow(context.Background(), *d, r.mask, req)
		if err == nil {
			d.setWindow(req, win)
		}
		return nil
	}
	d.want = req
	ctx, gen, doc, mask := r.ctx(), r.gen, *d, r.mask
	return func() tea.Msg {
		win, err := readWindow(ctx, doc, mask, req)
		return respWindowMsg{gen: gen, req: req, win: win, err: err}
	}
}

// windowNeed is the window to read, if the current one (or the one being
// read) does not cover a screen either side of the one shown.
func (r *responsePane) windowNeed() (respWindowReq, bool) {
	d := &r.body
	vh := max(1, r.viewHFor(respTabBody))
	top, total := r.top[respTabBody], d.total(r.hexBPL())
	lo, hi := max(0, top-vh), min(total, top+2*vh)
	if hi <= lo || r.covers(d.win, lo, hi) || d.want.active && r.reqCovers(d.want, lo, hi) {
		return respWindowReq{}, false
	}
	n := max(respWindowLines, 4*vh)
	first := max(0, top-(n-vh)/2)
	if d.mode == respDocHex {
		bpl := r.hexBPL()
		return respWindowReq{active: true, off: int64(first) * int64(bpl), n: n * bpl}, true
	}
	return respWindowReq{active: true, first: first, n: n}, true
}

func (r *responsePane) covers(w bodyview.Window, lo, hi int) bool {
	if r.body.mode == respDocHex {
		bpl := int64(r.hexBPL())
		end := min(int64(hi)*bpl, r.body.size())
		return w.HasBytes(int64(lo)*bpl, int(end-int64(lo)*bpl))
	}
	return w.Has(lo) && w.Has(hi-1)
}

func (r *responsePane) reqCovers(q respWindowReq, lo, hi int) bool {
	if r.body.mode == respDocHex {
		bpl := int64(r.hexBPL())
		return q.off <= int64(lo)*bpl && q.off+int64(q.n) >= min(int64(hi)*bpl, r.body.size())
	}
	return q.first <= lo && q.first+q.n >= hi
}

// windowCached: the window lies in the head, so reading it is a copy.
func (r *responsePane) windowCached(q respWindowReq) bool {
	d := &r.body
	if d.mode == respDocHex {
		return d.src.Cached(q.off + int64(q.n))
	}
	return d.src.Cached(d.idx.EndBound(q.first + q.n))
}

func readWindow(ctx context.Context, d respDoc, mask func(string) string, q respWindowReq) (bodyview.Window, error) {
	if d.mode == respDocHex {
		return bodyview.ReadRange(ctx, d.src, q.off, q.n, mask)
	}
	return bodyview.ReadLines(ctx, d.src, d.idx, q.first, q.n, mask)
}

// ctx is the context of the outcome shown; SetOutcome and Clear cancel it.
func (r *responsePane) ctx() context.Context {
	if r.runCtx == nil {
		return context.Background()
	}
	return r.runCtx
}

// hexBPL is how many bytes a hex row shows at the pane's width.
func (r responsePane) hexBPL() int {
	iw, _ := innerSize(r.w, r.h)
	return bodyview.BytesPerLine(iw)
}
