package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/ui/safe"
)

// Rows of the pane's inside: the method and URL line and the tab strip sit
// above the tab's content; a footer line (notice, JSON verdict or key hint)
// is added once the content still gets footerMinInner-headRows-1 rows.
const (
	headRows       = 2
	footerMinInner = 4
	rowSepWidth    = 3 // the wider of headerSep and paramSep
	headerSep      = ": "
	paramSep       = " = "
)

// rowPrefix is the marker column of list rows; its width is fixed so the
// editor lines up with the rows around it.
const rowPrefix = "● "

// tabGap separates the tab names; the active one is underlined, so a
// gap is enough, and "Auth(token)" still fits the narrowest pane.
const tabGap = "  "

func footerRows(ih int) int {
	if ih >= footerMinInner {
		return 1
	}
	return 0
}

// contentHeight is the rows left for the tab's content.
func contentHeight(ih int) int { return max(0, ih-headRows-footerRows(ih)) }

// noticeLevel colours a notice.
type noticeLevel int

const (
	noticeInfo noticeLevel = iota
	noticeWarn
	noticeBad
)

// notice is the outcome of the last action, shown in the footer.
type notice struct {
	text  string
	level noticeLevel
}

// View draws the pane in exactly w×h cells. A long notice (a curl
// import's notes) wraps into rows the tab's content leaves empty.
func (r requestPane) View() string {
	iw, ih := innerSize(r.w, r.h)
	content := r.tabLines(iw, contentHeight(ih))
	var foot []string
	if footerRows(ih) > 0 {
		foot = cutLines(r.footerLines(iw), max(1, ih-headRows-len(content)))
	}
	lines := append([]string{r.urlLine(), r.tabStrip()}, content...)
	for len(lines) < ih-len(foot) {
		lines = append(lines, "")
	}
	lines = append(lines, foot...)
	return r.c.styles.box(r.title(), strings.Join(lines, "\n"), r.w, r.h, r.focused)
}

// cutLines keeps the first n lines, marking the last with "…" when some
// were cut (fitBlock cuts it to the width, keeping the mark).
func cutLines(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	lines = lines[:n]
	lines[n-1] += "…"
	return lines
}

func (r requestPane) title() string {
	if r.name == "" {
		return paneRequest.title()
	}
	return paneRequest.title() + " · " + safe.Line(r.name)
}

// urlLine shows the URL from its start while it is not being typed (the
// input would show the end its cursor was left at).
func (r requestPane) urlLine() string {
	s := r.c.styles
	u := r.url.View()
	if !r.url.Focused() {
		u = r.url.Value()
		if !r.reveal {
			u = maskURL(u)
		}
		u = safe.Line(u)
		if u == "" {
			u = s.Dim.Render(r.url.Placeholder)
		}
	}
	return s.Label.Render(safe.Line(r.method)) + " " + u
}

// tabStrip names the tabs, with counts, the shown one marked.
func (r requestPane) tabStrip() string {
	s := r.c.styles
	labels := [tabCount]string{
		"Params(" + itoa(len(parseParams(r.url.Value()))) + ")",
		"Headers(" + itoa(len(r.headers)) + ")",
		"Body",
		"Auth",
	}
	if r.auth != "" {
		labels[tabAuth] += "(" + authLabel(r.auth) + ")"
	}
	parts := make([]string, 0, tabCount)
	for i, l := range labels {
		st := s.TabInactive
		if requestTab(i) == r.tab {
			st = s.TabActive
		}
		parts = append(parts, st.Render(l))
	}
	return strings.Join(parts, tabGap)
}

// tabLines is the shown tab's content, at most ch lines.
func (r requestPane) tabLines(iw, ch int) []string {
	if ch <= 0 {
		return nil
	}
	var lines []string
	switch r.tab {
	case tabParams:
		lines = r.listLines(r.paramRows(iw), iw, ch, "no query parameters · a adds one")
	case tabHeaders:
		lines = r.listLines(r.headerRows(iw), iw, ch, "no headers · a adds one")
	case tabBody:
		lines = strings.Split(r.body.View(), "\n")
	case tabAuth:
		lines = r.authLines()
	}
	return lines[:min(len(lines), ch)]
}

// listLines windows rows around the selected (or edited) one.
func (r requestPane) listLines(rows []string, iw, ch int, empty string) []string {
	if len(rows) == 0 {
		return []string{r.c.styles.Dim.Render(empty)}
	}
	sel := min(r.cursor[r.tab], len(rows)-1)
	if r.edit.active && r.edit.tab == r.tab {
		sel = r.edit.index
	}
	top := max(0, sel-ch+1)
	return rows[top:min(len(rows), top+ch)]
}

// selectable reports whether the selected row is highlighted: only while
// the pane has the keyboard and nothing is being typed.
func (r requestPane) selectable(i int) bool {
	return r.focused && !r.Typing() && i == r.cursor[r.tab]
}

func (r requestPane) paramRows(iw int) []string {
	s := r.c.styles
	ps := parseParams(r.url.Value())
	rows := make([]string, 0, len(ps)+1)
	for i, p := range ps {
		if r.editing(tabParams, i) {
			rows = append(rows, r.editorRow(paramSep))
			continue
		}
		k, v := safe.Line(p.Key), safe.Line(p.Value)
		if isSecretParam(p.Key) && !r.reveal {
			v = maskSecret(v)
		}
		if r.selectable(i) {
			rows = append(rows, s.Selected.Render(fitLine("  "+k+paramSep+v, iw)))
			continue
		}
		rows = append(rows, "  "+s.Label.Render(k)+s.Dim.Render(paramSep)+v)
	}
	if r.editing(tabParams, len(ps)) {
		rows = append(rows, r.editorRow(paramSep))
	}
	return rows
}

func (r requestPane) headerRows(iw int) []string {
	rows := make([]string, 0, len(r.headers)+1)
	for i := range r.headers {
		if r.editing(tabHeaders, i) {
			rows = append(rows, r.editorRow(headerSep))
			continue
		}
		rows = append(rows, r.headerRow(i, iw))
	}
	if r.editing(tabHeaders, len(r.headers)) {
		rows = append(rows, r.editorRow(headerSep))
	}
	return rows
}

// headerRow draws one header: on or off, and a credential masked unless
// revealed.
func (r requestPane) headerRow(i, iw int) string {
	s := r.c.styles
	h := r.headers[i]
	mark, markStyle := rowPrefix, s.Good
	if h.Off {
		mark, markStyle = "○ ", s.Dim
	}
	name, value := safe.Line(h.Name), safe.Line(h.Value)
	if redact.IsSecretHeader(h.Name) && !r.reveal {
		value = maskHeader(h.Name, value)
	}
	switch {
	case r.selectable(i):
		return s.Selected.Render(fitLine(mark+name+headerSep+value, iw))
	case h.Off:
		return s.Dim.Render(mark + name + headerSep + value)
	}
	return markStyle.Render(mark) + s.Label.Render(name) + s.Dim.Render(headerSep) + value
}

func (r requestPane) editing(tab requestTab, i int) bool {
	return r.edit.active && r.edit.tab == tab && r.edit.index == i
}

func (r requestPane) editorRow(sep string) string {
	s := r.c.styles
	return s.Active.Render("› ") + r.edit.name.View() + s.Dim.Render(sep) + r.edit.value.View()
}

// footerLines are, in order: the last action's notice (wrapped to the
// width), the body's JSON verdict on the Body tab, or a hint of the keys
// that apply now.
func (r requestPane) footerLines(iw int) []string {
	s := r.c.styles
	if n := r.notice; n.text != "" {
		st, text := s.Good, safe.Line(n.text)
		switch n.level {
		case noticeBad:
			st, text = s.Bad, "✗ "+text
		case noticeWarn:
			st = s.Warning
		}
		lines := strings.Split(ansi.Wrap(text, max(1, iw), ""), "\n")
		for i, l := range lines {
			lines[i] = st.Render(l)
		}
		return lines
	}
	if jc := r.json; r.tab == tabBody && jc.applies {
		return []string{r.jsonLine(jc)}
	}
	if !r.focused {
		return []string{""}
	}
	return []string{s.Dim.Render(r.hint())}
}

func (r requestPane) jsonLine(jc jsonCheck) string {
	s := r.c.styles
	switch {
	case jc.ok:
		return s.Good.Render("✓ " + jc.msg)
	case strings.HasPrefix(jc.msg, "JSON "):
		return s.Bad.Render("✗ " + safe.Line(jc.msg))
	}
	return s.Dim.Render(jc.msg)
}

// hint is the one-line reminder of what the keys do now; the full list is
// in HelpKeys for the help overlay.
func (r requestPane) hint() string {
	switch {
	case r.url.Focused():
		return "enter/esc done · ↑↓ earlier URLs · a curl paste fills the request"
	case r.edit.active:
		return "enter next/save · ↑↓ name/value · esc cancel"
	case r.body.Focused():
		return "esc leaves the editor · tab indents · ctrl+o $EDITOR"
	case r.token.Focused():
		return "enter/esc done · paste a token or Authorization header"
	}
	if r.tab == tabAuth && r.oauth2() {
		return "o profile/none/token · enter token · s secrets · g/r/F token"
	}
	return [tabCount]string{
		"a add · enter edit · d delete · u URL · m method · ←→ tabs",
		"a add · enter edit · space on/off · d delete · s shows secrets",
		"enter edit · ctrl+o $EDITOR · u URL · m method · ←→ tabs",
		"o profile/none/token · enter token · s shows secrets",
	}[r.tab]
}

// visibleWidth is a helper for tests and layout: the cells s occupies.
func visibleWidth(s string) int { return ansi.StringWidth(s) }
