package tui

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/ui/bodyview"
)

// longJSON is a JSON body of n array items, a few lines each when indented.
func longJSON(n int) string {
	var b strings.Builder
	b.WriteString(`{"items":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"item %d"}`, i, i)
	}
	b.WriteString(`]}`)
	return b.String()
}

func TestResponseEmptyAndSending(t *testing.T) {
	r := newRespPane(t, 60, 12, true)
	if v := respPlain(r.View()); !strings.Contains(v, "No response yet.") {
		t.Fatalf("empty pane:\n%s", v)
	}
	r.Sending("staging")
	r.SetSpinner("⠋")
	if v := respPlain(r.View()); !strings.Contains(v, "⠋ sending with staging…") || !strings.Contains(v, "waiting for the response") {
		t.Fatalf("sending:\n%s", v)
	}
	r = respShow(t, r, respOutcome(respJSONBody, "application/json"))
	r.Sending("staging")
	if v := respPlain(r.View()); !strings.Contains(v, "sending with staging") || !strings.Contains(v, `"error": "invalid_token"`) {
		t.Fatalf("sending again keeps the last body:\n%s", v)
	}
	r.Cancelled()
	if v := respPlain(r.View()); !strings.Contains(v, "401 Unauthorized") {
		t.Fatalf("cancelled:\n%s", v)
	}
	r.Clear()
	if v := respPlain(r.View()); !strings.Contains(v, "No response yet.") {
		t.Fatalf("cleared:\n%s", v)
	}
}

// A small JSON body is indented and coloured at once, with no Cmd; the
// head line has status, time, size and type; secrets are masked and
// escape sequences shown, never sent.
func TestResponseSmallJSON(t *testing.T) {
	r := newRespPane(t, 100, 30, true)
	if cmd := r.SetOutcome(respOutcome(respJSONBody, "application/json")); cmd != nil {
		t.Fatal("a small body needs no Cmd")
	}
	v := respPlain(r.View())
	for _, want := range []string{"401 Unauthorized · 84 ms · 181 B · application/json", `  "error": "invalid_token",`,
		`"echo": "Bearer ‹secret›"`, "Body  Headers 5  Timing  Redirects 1"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(r.View(), respSecret) {
		t.Error("the secret reached the screen")
	}
}

func TestResponseMasksEveryTab(t *testing.T) {
	r := respShow(t, newRespPane(t, 120, 30, true), respOutcome(respJSONBody, "application/json"))
	for _, tab := range []string{"1", "2", "3", "4"} {
		r = respPress(t, r, tab)
		v := r.View()
		if strings.Contains(v, respSecret) || strings.Contains(v, "\x1b[2J") {
			t.Errorf("tab %s shows a secret or a raw escape:\n%s", tab, respPlain(v))
		}
	}
	r = respPress(t, r, "2")
	if v := respPlain(r.View()); !strings.Contains(v, `X-Evil: \x1b[2Jcleared`) || !strings.Contains(v, "X-Echo-Token: ‹secret›") {
		t.Errorf("headers:\n%s", v)
	}
}

func TestResponseTabs(t *testing.T) {
	r := respShow(t, newRespPane(t, 100, 24, true), respOutcome(respJSONBody, "application/json"))
	checks := map[string][]string{
		"2": {"WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"", "Date: Fri, 27 Nov 2026"},
		"3": {"DNS ", "2 ms", "first byte", "61 ms", "total", "84 ms", "TLS 1.3 · CN=api.example.com · issued by CN=Example CA · expires 2027-03-01"},
		"4": {"1 302 http://api.example.com/v1/orders", "→ https://login.example.net/authorize?access_token=‹secret›",
			"cross-origin · Authorization dropped"},
	}
	for k, wants := range checks {
		v := respPlain(respPress(t, r, k).View())
		for _, want := range wants {
			if !strings.Contains(v, want) {
				t.Errorf("tab %s lacks %q:\n%s", k, want, v)
			}
		}
	}
}

// Every key of the pane, from a known state: what it changes and whether
// it returns a Cmd.
func TestResponseKeys(t *testing.T) {
	base := respShow(t, newRespPane(t, 80, 20, true), respOutcome(longJSON(200), "application/json"))
	searched := respType(t, respPress(t, base, "/"), "item 1")
	searched = respPress(t, searched, "enter")
	filtered := respPress(t, respType(t, respPress(t, base, "f"), ".items[0]"), "enter")
	vh := base.viewHFor(respTabBody)
	last := base.maxTop(respTabBody)
	cases := []struct {
		name  string
		from  responsePane
		keys  []string
		check func(r responsePane) string
	}{
		{"down", base, []string{"down"}, topIs(1)},
		{"j", base, []string{"j", "j"}, topIs(2)},
		{"up", base, []string{"j", "j", "up"}, topIs(1)},
		{"k at the top stays", base, []string{"k"}, topIs(0)},
		{"pgdown", base, []string{"pgdown"}, topIs(vh - 1)},
		{"pgup", base, []string{"pgdown", "pgdown", "pgup"}, topIs(vh - 1)},
		{"end", base, []string{"end"}, topIs(last)},
		{"G", base, []string{"G"}, topIs(last)},
		{"G then down stays", base, []string{"G", "down"}, topIs(last)},
		{"home", base, []string{"G", "home"}, topIs(0)},
		{"g", base, []string{"G", "g"}, topIs(0)},
		{"right", base, []string{"right"}, tabIs(respTabHeaders)},
		{"left wraps", base, []string{"left"}, tabIs(respTabRedirects)},
		{"3", base, []string{"3"}, tabIs(respTabTiming)},
		{"1", base, []string{"4", "1"}, tabIs(respTabBody)},
		{"tops are per tab", base, []string{"j", "2", "1"}, topIs(1)},
		{"/ opens search", base, []string{"2", "/"}, func(r responsePane) string {
			return want(r.mode == respInputSearch && r.Typing() && r.tab == respTabBody, "search input with focus on the body")
		}},
		{"typing searches", base, append([]string{"/"}, strings.Split("item 19", "")...), func(r responsePane) string {
			return want(r.search.m.Total == 11 && r.search.cur == 0, fmt.Sprintf("11 matches, at the first: %+v", r.search))
		}},
		{"enter keeps the search", searched, nil, func(r responsePane) string {
			return want(!r.Typing() && r.search.m.Total > 0, "search kept, input closed")
		}},
		{"n", searched, []string{"n"}, curIs(1)},
		{"N wraps", searched, []string{"N"}, func(r responsePane) string {
			return want(r.search.cur == len(r.search.m.Lines)-1, "at the last match")
		}},
		{"n scrolls to the match", searched, []string{"n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n", "n"}, func(r responsePane) string {
			line, top := r.matchLine(r.search.cur), r.top[respTabBody]
			return want(line >= top && line < top+r.viewHFor(respTabBody), fmt.Sprintf("match line %d on screen (top %d)", line, top))
		}},
		{"esc clears the search", searched, []string{"esc"}, func(r responsePane) string {
			return want(r.search.query == "" && r.search.m.Total == 0, "no search")
		}},
		{"esc in the input drops the search", base, []string{"/", "i", "esc"}, func(r responsePane) string {
			return want(!r.Typing() && r.search.query == "", "no search, input closed")
		}},
		{"enter on an empty search", base, []string{"/", "enter"}, func(r responsePane) string {
			return want(!r.Typing() && r.search.query == "", "no search")
		}},
		{"f opens the filter", base, []string{"f"}, func(r responsePane) string {
			return want(r.mode == respInputFilter && r.Typing(), "filter input")
		}},
		{"enter runs the filter", filtered, nil, func(r responsePane) string {
			return want(r.jq != nil && r.filter == ".items[0]" && len(r.jq.lines) == 4 && !r.Typing(),
				fmt.Sprintf("4 lines of jq output, got %v", r.jq))
		}},
		{"esc clears the filter", filtered, []string{"esc"}, func(r responsePane) string {
			return want(r.jq == nil && r.filter == "", "no filter")
		}},
		{"esc in the filter input keeps the filter", filtered, []string{"f", "x", "esc"}, func(r responsePane) string {
			return want(r.jq != nil && r.filter == ".items[0]" && !r.Typing(), "filter kept")
		}},
		{"an empty filter removes it", filtered, []string{"f", "backspace", "backspace", "backspace", "backspace",
			"backspace", "backspace", "backspace", "backspace", "backspace", "enter"}, func(r responsePane) string {
			return want(r.jq == nil, "no filter")
		}},
		{"keys are typed into the input", base, []string{"/", "j", "G", "q"}, func(r responsePane) string {
			return want(r.input.Value() == "jGq" && r.top[respTabBody] == 0, "typed, not scrolled")
		}},
		{"n without a search", base, []string{"n"}, topIs(0)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := respPress(t, c.from, c.keys...)
			if msg := c.check(r); msg != "" {
				t.Error(msg)
			}
		})
	}
}

func want(ok bool, what string) string {
	if ok {
		return ""
	}
	return "want " + what
}

func topIs(n int) func(responsePane) string {
	return func(r responsePane) string {
		return want(r.top[r.tab] == n, fmt.Sprintf("top %d, got %d", n, r.top[r.tab]))
	}
}

func tabIs(tab respTab) func(responsePane) string {
	return func(r responsePane) string { return want(r.tab == tab, "tab "+tab.title()+", got "+r.tab.title()) }
}

func curIs(n int) func(responsePane) string {
	return func(r responsePane) string {
		return want(r.search.cur == n, fmt.Sprintf("match %d, got %d", n, r.search.cur))
	}
}

// The Cmds the keys return: scrolling a body in memory needs none;
// typing a search and applying a filter return the pane's own messages.
func TestResponseKeyCommands(t *testing.T) {
	r := respShow(t, newRespPane(t, 80, 20, true), respOutcome(longJSON(200), "application/json"))
	for _, k := range []string{"down", "up", "pgdown", "pgup", "G", "g", "right", "left", "2", "1", "n", "N", "esc", "/"} {
		var cmd tea.Cmd
		if _, cmd = r.Update(respKey(k)); cmd != nil {
			t.Errorf("%s returned a Cmd", k)
		}
	}
	r = respPress(t, r, "/")
	_, cmd := r.Update(respKey("x"))
	if msg := runOwned(cmd); msg == nil {
		t.Fatal("typing a search returned no search Cmd")
	} else if _, ok := msg.(respSearchMsg); !ok {
		t.Fatalf("typing returned %T", msg)
	}
	r = respType(t, respPress(t, r, "esc", "f"), ".n")
	_, cmd = r.Update(respKey("enter"))
	if msg, ok := runOwned(cmd).(respJQMsg); !ok || msg.err != nil || strings.Join(msg.lines, "") != "null" {
		t.Fatalf("enter in the filter: %+v", msg)
	}
}

// runOwned runs cmd and returns the first message the pane owns.
func runOwned(cmd tea.Cmd) tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			if m := runOwned(c); m != nil {
				return m
			}
		}
		return nil
	}
	if (responsePane{}).Owns(msg) {
		return msg
	}
	return nil
}

func TestResponseTyping(t *testing.T) {
	r := respShow(t, newRespPane(t, 80, 20, true), respOutcome(respJSONBody, "application/json"))
	if r.Typing() {
		t.Fatal("typing at start")
	}
	r = respPress(t, r, "/")
	if !r.Typing() || len(r.HelpKeys()) != 2 {
		t.Fatalf("search: typing %v, keys %d", r.Typing(), len(r.HelpKeys()))
	}
	r = respPress(t, r, "esc", "f")
	if !r.Typing() {
		t.Fatal("filter input: not typing")
	}
	r.Blur()
	if cmd := r.Focus(); r.Typing() || cmd != nil {
		t.Fatalf("focus back after a blur: typing %v (%v); the blur left the input", r.Typing(), cmd != nil)
	}
	if r.Typing() || len(r.HelpKeys()) < 6 {
		t.Fatalf("after esc: typing %v, keys %d", r.Typing(), len(r.HelpKeys()))
	}
	for _, b := range r.HelpKeys() {
		if b.Help().Key == "" {
			t.Errorf("binding %v has no help", b.Keys())
		}
	}
}

// A paste goes into the open input, and is searched for.
func TestResponsePasteIntoSearch(t *testing.T) {
	r := respShow(t, newRespPane(t, 80, 20, true), respOutcome(respJSONBody, "application/json"))
	r = respPress(t, r, "/")
	r, cmd := r.Update(tea.PasteMsg{Content: "invalid"})
	r = respSettle(t, r, cmd)
	if r.input.Value() != "invalid" || r.search.m.Total != 1 {
		t.Fatalf("value %q, %d matches", r.input.Value(), r.search.m.Total)
	}
}

func TestResponseFilterRefusals(t *testing.T) {
	cases := []struct {
		name string
		o    Outcome
		want string
	}{
		{"not JSON", respOutcome("<html>denied</html>", "text/html"), "the jq filter works on JSON bodies; this one is text/html"},
		{"no response", Outcome{Err: "dial tcp 127.0.0.1:1: connect: connection refused"}, "there is no response body to filter"},
		{"over the cap", func() Outcome {
			o := respOutcome(`{"a":1}`, "application/json")
			o.Exchange.Response.Body.Size, o.Exchange.Response.Body.Truncated = bodyview.JQLimit+1, true
			return o
		}(), "the body is 20 MB; the jq filter reads at most 20 MB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := respPress(t, respShow(t, newRespPane(t, 120, 20, true), c.o), "f")
			if r.Typing() || r.notice != c.want {
				t.Fatalf("typing %v, notice %q", r.Typing(), r.notice)
			}
			if v := respPlain(r.View()); !strings.Contains(v, c.want[:min(40, len(c.want))]) {
				t.Fatalf("notice not shown:\n%s", v)
			}
			if r = respPress(t, r, "esc"); r.notice != "" {
				t.Fatal("esc leaves the notice")
			}
		})
	}
}

func TestResponseFilterErrorIsOneSentence(t *testing.T) {
	r := respShow(t, newRespPane(t, 120, 20, true), respOutcome(respJSONBody, "application/json"))
	r = respPress(t, respType(t, respPress(t, r, "f"), ".scopes.x"), "enter")
	if r.jq != nil || r.notice != `jq: expected an object but got: array (["orders:read","orders:write"])` {
		t.Fatalf("jq %v, notice %q", r.jq, r.notice)
	}
	r = respPress(t, respType(t, respPress(t, r, "f"), "["), "enter")
	if !strings.HasPrefix(r.notice, "the filter does not parse") || strings.Contains(r.notice, "\n") {
		t.Fatalf("notice %q", r.notice)
	}
}

// Results for an older outcome, or an older search or filter, are dropped.
func TestResponseStaleResults(t *testing.T) {
	r := newRespPane(t, 80, 20, true)
	big := respOutcome(longJSON(30000), "application/json")
	prep := r.SetOutcome(big)
	if prep == nil {
		t.Fatal("a large body returned no Cmd")
	}
	stale := runOwned(prep)
	r = respShow(t, r, respOutcome(respJSONBody, "application/json"))
	before := len(r.body.lines)
	if !r.Owns(stale) {
		t.Fatalf("%T not owned", stale)
	}
	r, _ = r.Update(stale)
	if len(r.body.lines) != before {
		t.Fatal("a stale body replaced the current one")
	}
	r = respPress(t, r, "/")
	_, first := r.Update(respKey("e"))
	r = respPress(t, r, "e", "r")
	old := runOwned(first)
	total := r.search.m.Total
	r, _ = r.Update(old)
	if r.search.m.Total != total || r.search.query != "er" {
		t.Fatal("an older search's result replaced the current one")
	}
	r, _ = r.Update(respJQMsg{gen: r.gen - 1, seq: r.jqRun.seq, lines: []string{"x"}})
	if r.jq != nil {
		t.Fatal("a stale filter result applied")
	}
}

func TestResponseOwns(t *testing.T) {
	var r responsePane
	for _, msg := range []tea.Msg{respPreparedMsg{}, respIndexedMsg{}, respWindowMsg{}, respSearchMsg{}, respJQMsg{}} {
		if !r.Owns(msg) {
			t.Errorf("%T not owned", msg)
		}
	}
	for _, msg := range []tea.Msg{tea.KeyPressMsg{}, tea.WindowSizeMsg{}, tickMsg{}} {
		if r.Owns(msg) {
			t.Errorf("%T owned", msg)
		}
	}
}

func TestResponseNoResponse(t *testing.T) {
	o := Outcome{Profile: "staging", Mask: respMask,
		Err: "could not connect to api.example.com:443 with key " + respSecret + ": connection refused"}
	r := respShow(t, newRespPane(t, 50, 14, true), o)
	v := respPlain(r.View())
	if !strings.Contains(v, "no response") || !strings.Contains(v, "connection refused") || strings.Contains(v, respSecret) {
		t.Fatalf("view:\n%s", v)
	}
	r = respPress(t, r, "3")
	if v := respPlain(r.View()); !strings.Contains(v, "nothing was sent") {
		t.Fatalf("timing:\n%s", v)
	}
}

// A binary body is a hex view; its rows follow the pane's width and
// keep the byte offset on screen when the width changes.
func TestResponseBinary(t *testing.T) {
	body := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0, 1, 2, 3}, 400)
	o := respOutcome("", "image/png")
	o.Exchange.Response.Body.Data, o.Exchange.Response.Body.Size = body, int64(len(body))
	r := respShow(t, newRespPane(t, 100, 20, true), o)
	v := respPlain(r.View())
	if !strings.Contains(v, "00000000  89 50 4e 47 00 01 02 03  89 50 4e 47 00 01 02 03  |.PNG.....PNG....|") {
		t.Fatalf("hex view:\n%s", v)
	}
	r = respPress(t, r, "down", "down")
	r.SetSize(50, 20)
	if r.hexBPL() != 8 || r.top[respTabBody] != 4 {
		t.Fatalf("bpl %d, top %d", r.hexBPL(), r.top[respTabBody])
	}
	if v := respPlain(r.View()); !strings.Contains(v, "00000020  89 50 4e 47 00 01 02 03  |.PNG....|") {
		t.Fatalf("narrow hex view:\n%s", v)
	}
	r = respPress(t, respType(t, respPress(t, r, "/"), "PNG"), "enter")
	if r.search.m.Total != 400 || r.matchLine(r.search.cur) != 4 {
		t.Fatalf("search in binary: %d matches, current on row %d", r.search.m.Total, r.matchLine(r.search.cur))
	}
}

// A body over the format limit is shown as sent, with a note, and its
// search counts matches in the spooled part beyond the in-memory head.
func TestResponseSpooledBody(t *testing.T) {
	var b bytes.Buffer
	for i := 0; b.Len() < 3<<20; i++ {
		fmt.Fprintf(&b, `{"seq":%d,"msg":"event %d"}`+"\n", i, i)
	}
	b.WriteString(`{"seq":"last","msg":"needle"}` + "\n")
	ex := spooledExchange(t, b.Bytes(), "application/json")
	if !ex.Response.Body.Truncated {
		t.Fatal("the body was not spooled")
	}
	r := newRespPane(t, 100, 20, true)
	cmd := r.SetOutcome(Outcome{Exchange: ex, Mask: respMask})
	if v := respPlain(r.View()); !strings.Contains(v, "indexing 3 MB…") {
		t.Fatalf("before the index:\n%s", v)
	}
	r = respSettle(t, r, cmd)
	v := respPlain(r.View())
	if !strings.Contains(v, "over 1 MB: shown as sent") || !strings.Contains(v, `{"seq":0,"msg":"event 0"}`) {
		t.Fatalf("spooled view:\n%s", v)
	}
	lines := strings.Count(b.String(), "\n")
	if got := r.tabTotal(respTabBody); got != lines {
		t.Fatalf("%d lines, want %d", got, lines)
	}
	r = respPress(t, respType(t, respPress(t, r, "/"), "needle"), "enter")
	if r.search.m.Total != 1 || r.search.m.Lines[0] != lines-1 {
		t.Fatalf("search: %+v", r.search.m)
	}
	if v := respPlain(r.View()); !strings.Contains(v, `{"seq":"last","msg":"needle"}`) || !strings.Contains(v, "/needle 1/1") {
		t.Fatalf("the match past the head is not on screen:\n%s", v)
	}
	r = respPress(t, r, "g")
	if v := respPlain(r.View()); !strings.Contains(v, `{"seq":0,`) {
		t.Fatalf("back at the top:\n%s", v)
	}
}

// Lines of a spooled body not read yet show as "…" until their window
// arrives; the window is read in a Cmd.
func TestResponseWindowLoadsInCmd(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef\n"), 200_000)
	ex := spooledExchange(t, body, "text/plain")
	r := respShow(t, newRespPane(t, 60, 14, true), Outcome{Exchange: ex})
	r, cmd := r.Update(respKey("G"))
	if cmd == nil {
		t.Fatal("jumping past the head read no window")
	}
	if v := respPlain(r.View()); !strings.Contains(v, "…") {
		t.Fatalf("unread lines:\n%s", v)
	}
	msg := runOwned(cmd)
	if _, ok := msg.(respWindowMsg); !ok {
		t.Fatalf("%T", msg)
	}
	r, _ = r.Update(msg)
	if v := respPlain(r.View()); !strings.Contains(v, "0123456789abcdef") || strings.Contains(v, "│…") {
		t.Fatalf("after the window:\n%s", v)
	}
}

func TestResponseLargeJSONFormattedInCmd(t *testing.T) {
	r := newRespPane(t, 80, 20, true)
	cmd := r.SetOutcome(respOutcome(longJSON(5000), "application/json"))
	if cmd == nil || !strings.Contains(respPlain(r.View()), "formatting") {
		t.Fatal("a 150 KB body was formatted in Update")
	}
	r = respSettle(t, r, cmd)
	if !r.body.json || !strings.Contains(respPlain(r.View()), `"items": [`) {
		t.Fatalf("not formatted:\n%s", respPlain(r.View()))
	}
}

func TestResponseMalformedJSON(t *testing.T) {
	r := respShow(t, newRespPane(t, 100, 20, true), respOutcome(`{"error": "invalid_token",}`, "application/json"))
	v := respPlain(r.View())
	if !strings.Contains(v, "shown as sent: not valid JSON at byte 27") || !strings.Contains(v, `{"error": "invalid_token",}`) {
		t.Fatalf("view:\n%s", v)
	}
}

// The status line and help overlay take HelpKeys; each binding matches
// the key it advertises.
func TestResponseHelpKeysMatch(t *testing.T) {
	r := newRespPane(t, 80, 20, true)
	for _, b := range r.HelpKeys() {
		if len(b.Keys()) == 0 || !key.Matches(respKey(b.Keys()[0]), b) {
			t.Errorf("binding %v", b.Keys())
		}
	}
}

// The exchange's own spool is left to its owner: clearing the pane does
// not close it.
func TestResponseLeavesTheSpoolOpen(t *testing.T) {
	body := bytes.Repeat([]byte("x\n"), 1<<20)
	ex := spooledExchange(t, body, "text/plain")
	r := respShow(t, newRespPane(t, 60, 14, true), Outcome{Exchange: ex})
	r.Clear()
	rc, err := ex.Response.Body.Open()
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()
	_ = exchange.DefaultMaxBody
}

// A binary body whose rest was not kept (no spool): the hex view ends
// where the kept bytes do and says so, instead of asking for the rest
// again and again.
func TestResponseBinaryRestNotKept(t *testing.T) {
	o := respOutcome("", "application/octet-stream")
	b := &o.Exchange.Response.Body
	b.Data, b.Size, b.Truncated = bytes.Repeat([]byte{0, 0xff}, 50), 10_000, true
	r := respShow(t, newRespPane(t, 100, 20, true), o)
	r = respPress(t, r, "G")
	if got := r.tabTotal(respTabBody); got != 7 {
		t.Fatalf("%d rows, want 7", got)
	}
	if v := respPlain(r.View()); !strings.Contains(v, "only the first 100 B of 9.8 KB were kept") || strings.Contains(v, "│…") {
		t.Fatalf("view:\n%s", v)
	}
}

// A result for a search dropped with esc cannot pass for a newer one.
func TestResponseDroppedSearchStaysDropped(t *testing.T) {
	r := respShow(t, newRespPane(t, 80, 20, true), respOutcome(respJSONBody, "application/json"))
	r = respPress(t, r, "/")
	r, old := r.Update(respKey("o"))
	r = respPress(t, r, "esc", "/")
	r = respType(t, r, "zzz")
	r, _ = r.Update(runOwned(old))
	if r.search.query != "zzz" || r.search.m.Total != 0 {
		t.Fatalf("search %q with %d matches", r.search.query, r.search.m.Total)
	}
}

// Notes built from response fields are sanitised like everything else.
func TestResponseNoteIsSanitised(t *testing.T) {
	o := respOutcome("plain\n", "text/plain")
	o.Exchange.Response.Body.ContentEncoding = "\x1b]0;pwned\x07zz"
	r := respShow(t, newRespPane(t, 100, 12, true), o)
	v := r.View()
	if strings.Contains(v, "\x1b]0;") || !strings.Contains(respPlain(v), `still \x1b]0;pwned\x07zz-encoded`) {
		t.Fatalf("note:\n%q", respPlain(v))
	}
}
