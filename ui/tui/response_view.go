package tui

import (
	"fmt"
	"mime"
	"sort"
	"strings"

	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/ui/bodyview"
	"github.com/why401/why401/ui/safe"
)

// How the pane's inside is shared: the head line always; the tab strip
// and the footer once there is room for them and a line of content; the
// body's note line once the content still gets two more.
const (
	respTabsMin     = 3
	respFooterMin   = 4
	respNoteMin     = 3
	respPromptWidth = 3 // "jq " or "/ " before the input
	respTabGap      = "  "
)

// respChrome is the split of the inner height.
type respChrome struct {
	tabs, footer bool
	content      int
}

func respChromeFor(ih int) respChrome {
	c := respChrome{tabs: ih >= respTabsMin, footer: ih >= respFooterMin}
	c.content = max(0, ih-1-b2i(c.tabs)-b2i(c.footer))
	return c
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// viewHFor is how many lines of tab t fit on screen.
func (r responsePane) viewHFor(t respTab) int {
	_, ih := innerSize(r.w, r.h)
	n := respChromeFor(ih).content
	if t == respTabBody && n >= respNoteMin && r.noteText() != "" {
		n--
	}
	return n
}

// View draws the pane in exactly w×h cells (box cuts every line).
func (r responsePane) View() string {
	s := r.c.styles
	title := paneResponse.title()
	if !r.shown {
		return s.box(title, s.Dim.Render("No response yet.\nctrl+s sends the request."), r.w, r.h, r.focused)
	}
	iw, ih := innerSize(r.w, r.h)
	c := respChromeFor(ih)
	lines := []string{r.headLine()}
	if c.tabs {
		lines = append(lines, r.tabsLine())
	}
	lines = append(lines, r.contentLines(iw, c.content)...)
	if c.footer {
		for len(lines) < ih-1 {
			lines = append(lines, "")
		}
		lines = append(lines, r.footerLine(iw))
	}
	return s.box(title, strings.Join(lines, "\n"), r.w, r.h, r.focused)
}

// headLine is the status, time, size and type, or the sending state.
func (r responsePane) headLine() string {
	s := r.c.styles
	if r.sending {
		return s.Active.Render(r.spinner) + " " + s.Dim.Render("sending with "+safe.Line(r.profile)+"…")
	}
	resp := r.response()
	if resp == nil {
		return s.Bad.Render("no response")
	}
	status := respStatusStyle(s, resp.Status).Render(fmt.Sprintf("%d %s", resp.Status, safe.Line(r.mask(resp.Reason))))
	meta := []string{bodyview.HumanDuration(r.out.Exchange.Timing.Total), bodyview.HumanSize(resp.Body.Size)}
	if mt := mediaType(resp.Body.ContentType); mt != "" {
		meta = append(meta, safe.Line(r.mask(mt)))
	}
	if r.out.Exchange.Retried {
		meta = append(meta, "sent twice")
	}
	return status + s.Dim.Render(" · "+strings.Join(meta, " · "))
}

func respStatusStyle(s *Styles, status int) lipgloss.Style {
	switch {
	case status < 300:
		return s.Good
	case status < 400:
		return s.Warning
	}
	return s.Bad
}

func mediaType(ct string) string {
	if mt, _, err := mime.ParseMediaType(ct); err == nil {
		return mt
	}
	return ct
}

// tabsLine names the tabs, the active one marked, with counts.
func (r responsePane) tabsLine() string {
	s := r.c.styles
	parts := make([]string, 0, respTabCount)
	for t := range respTabCount {
		label := t.title()
		if n := r.tabCount(t); n > 0 {
			label += " " + itoa(n)
		}
		st := s.TabInactive
		if t == r.tab {
			st = s.TabActive
		}
		parts = append(parts, st.Render(label))
	}
	return strings.Join(parts, respTabGap)
}

// tabCount is the number shown beside a tab's name.
func (r responsePane) tabCount(t respTab) int {
	ex := r.out.Exchange
	switch {
	case t == respTabHeaders && r.response() != nil:
		return len(r.response().Headers)
	case t == respTabRedirects && ex != nil:
		return len(ex.Redirects)
	}
	return 0
}

// contentLines are the n lines of the active tab on screen.
func (r responsePane) contentLines(iw, n int) []string {
	top := r.top[r.tab]
	switch r.tab {
	case respTabHeaders:
		return r.headerLines(top, n)
	case respTabTiming:
		return respSlice(r.timingLines(iw), top, n)
	case respTabRedirects:
		return respSlice(r.redirectLines(), top, n)
	}
	return r.bodyContent(iw, n)
}

// respSlice is lines[top:top+n], clamped.
func respSlice(lines []string, top, n int) []string {
	top = max(0, min(top, len(lines)))
	return lines[top:min(len(lines), top+n)]
}

// bodyContent is the note line and the body's lines on screen.
func (r responsePane) bodyContent(iw, n int) []string {
	s := r.c.styles
	if r.response() == nil {
		return r.errorLines(iw, n)
	}
	var out []string
	if note := r.noteText(); note != "" && n >= respNoteMin {
		out = append(out, s.Dim.Render(safe.Line(r.mask(note))))
		n--
	}
	d := r.doc()
	if d.err != "" {
		out = append(out, s.Bad.Render(safe.Line(d.err)))
		n--
	}
	top, total := r.top[respTabBody], d.total(r.hexBPL())
	for i := top; i < total && i < top+n; i++ {
		out = append(out, r.bodyLine(d, i, iw))
	}
	return out
}

// noteText is the body's one-line note: the filter that applies, what is
// being prepared, what was left out.
func (r responsePane) noteText() string {
	if r.response() == nil {
		return ""
	}
	var parts []string
	d := r.doc()
	switch {
	case r.jq != nil:
		parts = append(parts, "jq "+safe.Line(r.filter)+" (esc clears)")
	case r.jqRun.running:
		parts = append(parts, "filtering…")
	}
	if d.pending != "" {
		parts = append(parts, d.pending)
	}
	return strings.Join(append(parts, d.notes...), " · ")
}

// errorLines say why there is no response, wrapped to the width.
func (r responsePane) errorLines(iw, n int) []string {
	s := r.c.styles
	if r.sending && r.out.Exchange == nil && r.out.Err == "" {
		return []string{s.Dim.Render("waiting for the response…")}
	}
	msg := r.out.Err
	if msg == "" && r.out.Exchange != nil {
		msg = r.out.Exchange.Err
	}
	if msg == "" {
		msg = "no response arrived"
	}
	wrapped := ansi.Wrap(safe.Line(r.mask(msg)), max(1, iw), " ")
	return respSlice(strings.Split(wrapped, "\n"), 0, n)
}

// bodyLine draws line i of the body shown. Lines of a spooled body not
// yet read show as "…" until their window arrives.
func (r responsePane) bodyLine(d *respDoc, i, iw int) string {
	switch d.mode {
	case respDocLines:
		return r.textLine(d.lines[i], d.json, i, iw)
	case respDocStream:
		if !d.win.Has(i) {
			return r.c.styles.Dim.Render("…")
		}
		return r.textLine(d.win.Line(i), false, i, iw)
	case respDocHex:
		return r.hexLine(d, i)
	}
	return ""
}

// textLine cleans a line (cut to a little over the width first, so a
// 4 KB line costs what a short one does), colours JSON and marks matches.
func (r responsePane) textLine(raw string, json bool, i, iw int) string {
	text := bodyview.Clean(raw, iw+1)
	spans := r.search.q.FindAll(text)
	if !json && len(spans) == 0 {
		return text
	}
	s := r.c.styles
	match := s.Selected
	if line, ok := r.currentMatch(); ok && line == i {
		match = s.TabActive
	}
	toks := []bodyview.Token{{Kind: bodyview.TokOther, Text: text}}
	if json {
		toks = bodyview.Tokens(text)
	}
	return r.paint(toks, spans, match)
}

// paint renders tokens in their colours, with the matched parts in the
// match style instead.
func (r responsePane) paint(toks []bodyview.Token, spans []bodyview.Span, match lipgloss.Style) string {
	var b strings.Builder
	pos := 0
	for _, t := range toks {
		start, end := pos, pos+len(t.Text)
		for pos < end {
			in, until := spanAt(spans, pos, end)
			piece := t.Text[pos-start : until-start]
			switch st, ok := r.tokenStyle(t.Kind); {
			case in:
				b.WriteString(match.Render(piece))
			case ok:
				b.WriteString(st.Render(piece))
			default:
				b.WriteString(piece)
			}
			pos = until
		}
	}
	return b.String()
}

// spanAt reports whether pos is inside a span and where that run ends
// (at the span's end, the next span's start, or end).
func spanAt(spans []bodyview.Span, pos, end int) (bool, int) {
	for _, sp := range spans {
		if pos < sp.Start {
			return false, min(sp.Start, end)
		}
		if pos < sp.End {
			return true, min(sp.End, end)
		}
	}
	return false, end
}

// tokenStyle colours JSON by the styles' semantic roles. Punctuation
// keeps the text colour, as jq prints it; it is also the cheapest.
func (r responsePane) tokenStyle(k bodyview.TokenKind) (lipgloss.Style, bool) {
	s := r.c.styles
	switch k {
	case bodyview.TokKey:
		return s.Active, true
	case bodyview.TokString:
		return s.Good, true
	case bodyview.TokNumber:
		return s.Warning, true
	case bodyview.TokLiteral:
		return s.Label, true
	}
	return lipgloss.Style{}, false
}

// hexLine draws row i of a binary body; a row holding a match is marked.
func (r responsePane) hexLine(d *respDoc, i int) string {
	bpl := r.hexBPL()
	off := int64(i) * int64(bpl)
	n := int(min(int64(bpl), d.size()-off))
	if !d.win.HasBytes(off, n) {
		return r.c.styles.Dim.Render("…")
	}
	b, hidden := d.win.Bytes(off, n)
	line := bodyview.HexLine(off, b, bpl, hidden)
	offs := r.search.m.Offs
	if k := sort.Search(len(offs), func(j int) bool { return offs[j] >= off }); k < len(offs) && offs[k] < off+int64(bpl) {
		return r.c.styles.Selected.Render(line)
	}
	return line
}

// footerLine is the open input, or the notice or search state on the
// left and the position on the right.
func (r responsePane) footerLine(iw int) string {
	s := r.c.styles
	if r.mode != respInputNone {
		prompt := "/"
		if r.mode == respInputFilter {
			prompt = "jq"
		}
		return s.Active.Render(prompt) + " " + r.input.View()
	}
	left, right := r.footerStatus(), r.position()
	if gap := iw - lipgloss.Width(left) - lipgloss.Width(right); gap >= 1 {
		return left + strings.Repeat(" ", gap) + s.Dim.Render(right)
	}
	if left == "" {
		return s.Dim.Render(right)
	}
	return left
}

// footerStatus is the notice, else the search's state, else a reminder
// that credential headers are shown.
func (r responsePane) footerStatus() string {
	s := r.c.styles
	if r.notice != "" {
		return s.Warning.Render(r.notice)
	}
	se := r.search
	if se.query == "" {
		if r.showSecrets && r.tab == respTabHeaders {
			return s.Warning.Render("credentials shown · s hides them")
		}
		return ""
	}
	q := s.Active.Render("/" + safe.Line(se.query))
	switch {
	case se.err != "":
		return q + " " + s.Bad.Render(safe.Line(se.err))
	case se.run.running:
		return q + " " + s.Dim.Render("searching…")
	case se.m.Total == 0:
		return q + " " + s.Dim.Render("no matches")
	case se.m.Total > len(se.m.Lines):
		return q + " " + fmt.Sprintf("%d/%d (n/N visit the first %d)", se.cur+1, se.m.Total, len(se.m.Lines))
	}
	return q + " " + fmt.Sprintf("%d/%d", se.cur+1, se.m.Total)
}

// position is "first–last/total" of the active tab's lines; "+" while the
// index of a spooled body is not complete.
func (r responsePane) position() string {
	total := r.tabTotal(r.tab)
	if total == 0 {
		return ""
	}
	top := r.top[r.tab]
	more := ""
	if d := r.doc(); r.tab == respTabBody && d.mode == respDocStream && !d.idx.Complete() {
		more = "+"
	}
	return fmt.Sprintf("%d–%d/%d%s", top+1, min(total, top+max(1, r.viewHFor(r.tab))), total, more)
}

// respInputStyles are the inputs' styles with a steady cursor: a search
// box needs no blink, and without one the pane starts no timer loop.
func respInputStyles(isDark bool) textinput.Styles {
	st := textinput.DefaultStyles(isDark)
	st.Cursor.Blink = false
	return st
}
