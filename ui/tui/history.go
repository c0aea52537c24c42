package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/ui/safe"
)

// historyLoadedMsg carries a profile's history, read in a Cmd.
type historyLoadedMsg struct {
	profile string
	base    string // the profile's base URL origin, to reload entries as paths
	entries []history.Entry
	err     error
}

// loadRequestMsg asks the root to put a request into the composer.
type loadRequestMsg struct{ req requests.Request }

// historyPane lists the active profile's recent exchanges, newest first;
// enter loads one back into the composer.
type historyPane struct {
	c       *common
	profile string
	base    string // the profile's base URL origin, to reload entries as paths
	entries []history.Entry
	err     string
	cursor  int
	top     int
	focused bool
	w, h    int
}

func newHistoryPane(c *common) historyPane { return historyPane{c: c} }

func (p *historyPane) SetSize(w, h int) { p.w, p.h = w, h }

// SetBase tells the pane the active profile's base URL.
func (p *historyPane) SetBase(base string) { p.base = base }
func (p *historyPane) Focus() tea.Cmd      { p.focused = true; return nil }
func (p *historyPane) Blur()               { p.focused = false }

// SetEntries replaces the list when it belongs to the shown profile.
func (p *historyPane) SetEntries(msg historyLoadedMsg) {
	p.profile, p.entries, p.err, p.cursor, p.top = msg.profile, msg.entries, "", 0, 0
	if msg.err != nil {
		p.err = msg.err.Error()
	}
}

// loadHistory reads the profile's history in the background.
func loadHistory(b Backend, profile string) tea.Cmd {
	if b == nil || profile == "" {
		return nil
	}
	return func() tea.Msg {
		es, err := b.History(profile)
		return historyLoadedMsg{profile: profile, entries: es, err: err}
	}
}

func (p historyPane) Update(msg tea.Msg) (historyPane, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || len(p.entries) == 0 {
		return p, nil
	}
	keys := p.c.keys
	switch {
	case key.Matches(km, keys.Up):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(km, keys.Down):
		p.cursor = min(len(p.entries)-1, p.cursor+1)
	case key.Matches(km, keys.Enter):
		e := p.entries[p.cursor]
		// The path, not the absolute URL: reloaded after a profile switch it
		// goes to the new profile's base URL, where its credentials go.
		req := requests.Request{Method: e.Method, URL: relativeTo(e.URL, p.base)}
		for _, h := range e.RequestHeaders {
			if reloadable(h.Name) {
				req.Headers = append(req.Headers, requests.Header{Name: h.Name, Value: h.Value})
			}
		}
		return p, func() tea.Msg { return loadRequestMsg{req: req} }
	}
	p.top = scrollTop(p.top, p.cursor, p.rows())
	return p, nil
}

func (p historyPane) rows() int { _, ih := innerSize(p.w, p.h); return ih }

// scrollTop keeps the cursor inside a window of n rows starting at top.
func scrollTop(top, cursor, n int) int {
	switch {
	case n <= 0:
		return 0
	case cursor < top:
		return cursor
	case cursor >= top+n:
		return cursor - n + 1
	}
	return top
}

func (p historyPane) View() string {
	s := p.c.styles
	var body string
	switch {
	case p.err != "":
		body = s.Bad.Render(safe.Line(p.err))
	case len(p.entries) == 0:
		body = s.Dim.Render("No requests yet.")
	default:
		body = p.list()
	}
	return s.box(paneHistory.title(), body, p.w, p.h, p.focused)
}

func (p historyPane) list() string {
	s := p.c.styles
	iw, ih := innerSize(p.w, p.h)
	end := min(len(p.entries), p.top+ih)
	lines := make([]string, 0, end-p.top)
	for i := p.top; i < end; i++ {
		e := p.entries[i]
		st := s.Good
		if e.Status >= 400 {
			st = s.Bad
		}
		line := s.Dim.Render(e.Time.Local().Format("15:04")) + " " + st.Render(itoa(e.Status)) + " " +
			safe.Line(e.Method) + " " + safe.Line(pathOf(e.URL))
		line = fitLine(line, iw)
		if p.focused && i == p.cursor {
			line = s.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// relativeTo turns u into a path when it is on base's origin.
func relativeTo(u, base string) string {
	b := strings.TrimSuffix(base, "/")
	if rest := strings.TrimPrefix(u, b); b != "" && rest != u && strings.HasPrefix(rest, "/") {
		return rest // joined to the base URL again on send, base path included
	}
	return u
}

// pathOf drops the scheme and host: the profile's base URL is in the header.
func pathOf(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return "/"
	}
	return u
}

// reloadable: history keeps only fingerprints of credential headers, which
// must not be loaded back and sent as if they were values, and the headers
// the exchange adds itself would only clutter the composer.
func reloadable(name string) bool {
	return !transportHeader(name) && !redact.IsSecretHeader(name)
}
