package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/requests"
)

// Row editor fields.
const (
	fieldName = iota
	fieldValue
)

// rowEditor edits one header or query parameter in place: a name and a
// value input, enter moving from name to value and then saving.
type rowEditor struct {
	active bool
	tab    requestTab
	index  int // the row edited; past the end for a new row
	field  int
	name   textinput.Model
	value  textinput.Model
	iw     int
}

func newRowEditor(dark bool) rowEditor {
	return rowEditor{name: newLineInput("name", dark), value: newLineInput("value", dark)}
}

func (e *rowEditor) restyle(dark bool) {
	e.name.SetStyles(textinput.DefaultStyles(dark))
	e.value.SetStyles(textinput.DefaultStyles(dark))
}

// setWidth gives the name a third of the row and the value the rest, after
// the row's marker and separator (rowPrefix, rowSep) and a cursor cell each.
func (e *rowEditor) setWidth(iw int) {
	e.iw = iw
	avail := max(2, iw-visibleWidth(rowPrefix)-rowSepWidth-2)
	nw := max(1, avail/3)
	e.name.SetWidth(nw)
	e.value.SetWidth(max(1, avail-nw))
}

// start edits a row. A credential header's existing value is typed blind
// unless secrets are revealed: it came from a curl paste or a file, not
// from the user's keyboard just now.
func (e *rowEditor) start(tab requestTab, index int, name, value string, field int, blind bool) tea.Cmd {
	e.active, e.tab, e.index = true, tab, index
	e.name.SetValue(name)
	e.value.SetValue(value)
	e.name.CursorEnd()
	e.value.CursorEnd()
	e.value.EchoMode = textinput.EchoNormal
	if blind {
		e.value.EchoMode = textinput.EchoPassword
	}
	e.setWidth(e.iw)
	return e.focus(field)
}

func (e *rowEditor) stop() {
	e.active = false
	e.name.Blur()
	e.value.Blur()
}

func (e *rowEditor) focus(field int) tea.Cmd {
	e.field = field
	if field == fieldName {
		e.value.Blur()
		return e.name.Focus()
	}
	e.name.Blur()
	return e.value.Focus()
}

func (e *rowEditor) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if e.field == fieldName {
		e.name, cmd = e.name.Update(msg)
	} else {
		e.value, cmd = e.value.Update(msg)
	}
	return cmd
}

// paste into an empty row splits "Name: value" (or "key=value") so a
// header copied whole lands in both fields.
func (e *rowEditor) paste(s string) {
	s = strings.TrimSpace(s)
	sep := ":"
	if e.tab == tabParams {
		sep = "="
	}
	if n, v, ok := strings.Cut(s, sep); ok && e.field == fieldName && e.name.Value() == "" && e.value.Value() == "" {
		e.name.SetValue(strings.TrimSpace(n))
		e.value.SetValue(strings.TrimSpace(v))
		e.value.CursorEnd()
		e.focus(fieldValue)
		return
	}
	e.update(tea.PasteMsg{Content: s})
}

// rowCount is the number of rows of the list tab shown.
func (r requestPane) rowCount() int {
	if r.tab == tabParams {
		return len(parseParams(r.url.Value()))
	}
	return len(r.headers)
}

// listKey handles the Params and Headers tabs.
func (r requestPane) listKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	keys, n := r.keys, r.rowCount()
	cur := min(r.cursor[r.tab], max(0, n-1))
	switch {
	case key.Matches(k, keys.Up):
		r.cursor[r.tab] = max(0, cur-1)
	case key.Matches(k, keys.Down):
		r.cursor[r.tab] = min(max(0, n-1), cur+1)
	case key.Matches(k, keys.Add), key.Matches(k, keys.Edit) && n == 0:
		return r, r.edit.start(r.tab, n, "", "", fieldName, false)
	case key.Matches(k, keys.Edit):
		return r, r.startRowEdit(cur)
	case key.Matches(k, keys.Delete) && n > 0:
		r.deleteRow(cur)
	case key.Matches(k, keys.Toggle) && r.tab == tabHeaders && n > 0:
		r.headers[cur].Off = !r.headers[cur].Off
		r.cursor[r.tab] = cur
	}
	return r, nil
}

// startRowEdit edits the value of row i, the usual change.
func (r *requestPane) startRowEdit(i int) tea.Cmd {
	r.cursor[r.tab] = i
	if r.tab == tabParams {
		p := parseParams(r.url.Value())[i]
		return r.edit.start(tabParams, i, p.Key, p.Value, fieldValue, isSecretParam(p.Key) && !r.reveal)
	}
	h := r.headers[i]
	blind := redact.IsSecretHeader(h.Name) && !r.reveal
	return r.edit.start(tabHeaders, i, h.Name, h.Value, fieldValue, blind)
}

func (r *requestPane) deleteRow(i int) {
	if r.tab == tabParams {
		r.url.SetValue(deleteParam(r.url.Value(), i))
	} else {
		r.headers = append(r.headers[:i:i], r.headers[i+1:]...)
	}
	r.cursor[r.tab] = max(0, min(i, r.rowCount()-1))
}

// rowKey: enter moves from name to value and then saves; up and down switch
// fields; esc cancels.
func (r requestPane) rowKey(k tea.KeyPressMsg) (requestPane, tea.Cmd) {
	switch s := k.String(); {
	case key.Matches(k, r.keys.Leave):
		r.edit.stop()
		return r, nil
	case key.Matches(k, r.keys.Done) && r.edit.field == fieldName:
		return r, r.edit.focus(fieldValue)
	case key.Matches(k, r.keys.Done):
		r.commitRow()
		return r, nil
	case s == "up" || s == "down":
		return r, r.edit.focus(1 - r.edit.field)
	}
	return r, r.edit.update(k)
}

// commitRow saves the row being edited. A header name curl would refuse
// keeps the editor open with a message instead of sending garbage.
func (r *requestPane) commitRow() {
	e := &r.edit
	name, value := strings.TrimSpace(e.name.Value()), strings.TrimSpace(e.value.Value())
	switch {
	case name == "" && e.tab == tabHeaders:
		r.notice = notice{"a header needs a name; nothing changed", noticeBad}
	case e.tab == tabHeaders && !isTokenName(name):
		r.notice = notice{"\"" + name + "\" is not a valid header name (no spaces or colons)", noticeBad}
		e.focus(fieldName)
		return
	case name == "":
		r.notice = notice{"a parameter needs a name; nothing changed", noticeBad}
	case e.tab == tabParams:
		r.url.SetValue(setParam(r.url.Value(), e.index, name, value))
		r.cursor[tabParams] = min(e.index, r.rowCount()-1)
	default:
		r.setHeader(e.index, name, value)
	}
	e.stop()
}

func (r *requestPane) setHeader(i int, name, value string) {
	if i < len(r.headers) {
		r.headers[i].Name, r.headers[i].Value = name, value
	} else {
		r.headers = append(r.headers, requests.Header{Name: name, Value: value})
		i = len(r.headers) - 1
	}
	r.cursor[tabHeaders] = i
}

// isTokenName reports whether s is an RFC 9110 token, as header names must be.
func isTokenName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && !strings.ContainsRune("!#$%&'*+-.^_`|~", rune(c)) {
			return false
		}
	}
	return s != ""
}
