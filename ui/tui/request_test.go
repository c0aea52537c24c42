package tui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/store/secrets"
)

// newReqPane is a focused request pane on its own, sized w×h, with nothing
// being typed (Focus starts in the URL; esc leaves it).
func newReqPane(t *testing.T, w, h int, dark bool) requestPane {
	t.Helper()
	st := NewStyles(dark)
	c := &common{styles: &st, keys: DefaultKeyMap(), now: testClock}
	r := newRequestPane(c)
	r.SetSize(w, h)
	r.Focus()
	return reqSend(t, r, rkey("esc"))
}

// rkey builds the key press a terminal sends for s.
func rkey(s string) tea.KeyPressMsg {
	named := map[string]tea.KeyPressMsg{
		"esc": {Code: tea.KeyEscape}, "enter": {Code: tea.KeyEnter}, "tab": {Code: tea.KeyTab},
		"up": {Code: tea.KeyUp}, "down": {Code: tea.KeyDown}, "left": {Code: tea.KeyLeft},
		"right": {Code: tea.KeyRight}, "space": {Code: tea.KeySpace, Text: " "},
		"backspace": {Code: tea.KeyBackspace}, "M": {Code: 'm', ShiftedCode: 'M', Mod: tea.ModShift, Text: "M"},
	}
	if k, ok := named[s]; ok {
		return k
	}
	if c, ok := strings.CutPrefix(s, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

func reqSend(t *testing.T, r requestPane, msgs ...tea.Msg) requestPane {
	t.Helper()
	for _, m := range msgs {
		r, _ = r.Update(m)
	}
	return r
}

// reqType types text key by key, as a user would.
func reqType(t *testing.T, r requestPane, text string) requestPane {
	t.Helper()
	for _, c := range text {
		r = reqSend(t, r, tea.KeyPressMsg{Code: c, Text: string(c)})
	}
	return r
}

func reqPlain(r requestPane) string { return ansi.Strip(r.View()) }

func TestRequestFocusStartsTypingAndEscLeaves(t *testing.T) {
	st := NewStyles(true)
	r := newRequestPane(&common{styles: &st, keys: DefaultKeyMap(), now: testClock})
	r.SetSize(60, 12)
	if cmd := r.Focus(); cmd == nil || !r.Typing() {
		t.Fatal("Focus should start typing in the URL and return the blink")
	}
	r = reqType(t, r, "mq?")
	if r.URL() != "mq?" || r.Method() != "GET" {
		t.Errorf("letters typed in the URL must not act as keys: url %q method %q", r.URL(), r.Method())
	}
	r = reqSend(t, r, rkey("esc"))
	if r.Typing() {
		t.Error("esc should leave the URL")
	}
	r, cmd := r.Update(rkey("u"))
	if !r.Typing() || cmd == nil {
		t.Error("u should edit the URL again")
	}
	r.Blur()
	if r.Typing() {
		t.Error("Blur must leave every input")
	}
}

func TestRequestMethodCycle(t *testing.T) {
	tests := []struct {
		keys []string
		want string
	}{
		{[]string{"m"}, "POST"},
		{[]string{"m", "m", "m", "m", "m", "m"}, "OPTIONS"},
		{[]string{"m", "m", "m", "m", "m", "m", "m"}, "GET"},
		{[]string{"M"}, "OPTIONS"},
		{[]string{"m", "M"}, "GET"},
	}
	for _, tc := range tests {
		r := newReqPane(t, 60, 12, true)
		for _, k := range tc.keys {
			var cmd tea.Cmd
			r, cmd = r.Update(rkey(k))
			if cmd != nil {
				t.Errorf("%v: method keys return no command", tc.keys)
			}
		}
		if r.Method() != tc.want {
			t.Errorf("%v: method %s, want %s", tc.keys, r.Method(), tc.want)
		}
	}
	r := newReqPane(t, 60, 12, true)
	r.Load(requests.Request{Method: "purge", URL: "/x"})
	if r = reqSend(t, r, rkey("m")); r.Method() != "GET" {
		t.Errorf("a method outside the list cycles from the start, got %s", r.Method())
	}
}

func TestRequestURLPicksMethod(t *testing.T) {
	r := newReqPane(t, 60, 12, true)
	r = reqSend(t, r, rkey("u"))
	r = reqType(t, r, "post /v1/orders")
	r = reqSend(t, r, rkey("enter"))
	if r.Method() != "POST" || r.URL() != "/v1/orders" || r.Typing() {
		t.Errorf("got %s %q typing=%v", r.Method(), r.URL(), r.Typing())
	}
}

func TestRequestTabSwitch(t *testing.T) {
	tests := []struct {
		keys []string
		want requestTab
	}{
		{[]string{"right"}, tabHeaders},
		{[]string{"l", "l"}, tabBody},
		{[]string{"]", "]", "]"}, tabAuth},
		{[]string{"left"}, tabAuth},
		{[]string{"h", "["}, tabBody},
		{[]string{"4"}, tabAuth},
		{[]string{"4", "1"}, tabParams},
		{[]string{"2"}, tabHeaders},
		{[]string{"3"}, tabBody},
		{[]string{"right", "right", "right", "right"}, tabParams},
	}
	for _, tc := range tests {
		r := newReqPane(t, 60, 12, true)
		for _, k := range tc.keys {
			r = reqSend(t, r, rkey(k))
		}
		if r.tab != tc.want {
			t.Errorf("%v: tab %d, want %d", tc.keys, r.tab, tc.want)
		}
	}
	r := newReqPane(t, 60, 12, true)
	r = reqSend(t, r, rkey("u"), rkey("right"), rkey("2"))
	if r.tab != tabParams || r.URL() != "2" {
		t.Errorf("while typing, arrows and digits belong to the input: tab %d url %q", r.tab, r.URL())
	}
}

func TestRequestURLHistory(t *testing.T) {
	r := newReqPane(t, 60, 12, true)
	r.Remember("/a")
	r.Remember("/b")
	r.Remember("/a") // again: moves to newest, once
	r.Remember("  ")
	r = reqSend(t, r, rkey("u"))
	r = reqType(t, r, "/draft")
	steps := []struct{ key, want string }{
		{"up", "/a"}, {"up", "/b"}, {"up", "/b"}, {"down", "/a"}, {"down", "/draft"}, {"down", "/draft"},
	}
	for i, s := range steps {
		r = reqSend(t, r, rkey(s.key))
		if r.URL() != s.want {
			t.Fatalf("step %d (%s): url %q, want %q", i, s.key, r.URL(), s.want)
		}
	}
	r = reqSend(t, r, rkey("up"))
	r = reqType(t, r, "/x")
	r = reqSend(t, r, rkey("down"))
	if r.URL() != "/a/x" {
		t.Errorf("typing ends browsing; url %q", r.URL())
	}
}

func TestRequestParamsFollowTheURL(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r.Load(requests.Request{Method: "GET", URL: "/o?a=1&b=two%20words&flag#frag"})
	got := parseParams(r.URL())
	if len(got) != 3 || got[1].Key != "b" || got[1].Value != "two words" || got[2].Key != "flag" {
		t.Fatalf("params %+v", got)
	}
	if v := reqPlain(r); !strings.Contains(v, "Params(3)") || !strings.Contains(v, "b = two words") {
		t.Errorf("params tab:\n%s", v)
	}
	// Edit b's value: enter edits the value of the selected row.
	r = reqSend(t, r, rkey("down"), rkey("enter"))
	if !r.Typing() || r.edit.field != fieldValue {
		t.Fatal("enter should edit the value")
	}
	r = reqSend(t, r, rkey("ctrl+u"))
	r = reqType(t, r, "x&y")
	r = reqSend(t, r, rkey("enter"))
	if r.URL() != "/o?a=1&b=x%26y&flag#frag" {
		t.Errorf("after edit: %q", r.URL())
	}
	// Add c=3, then delete a with d and flag with x.
	r = reqSend(t, r, rkey("a"))
	r = reqType(t, r, "c")
	r = reqSend(t, r, rkey("enter"))
	r = reqType(t, r, "3")
	r = reqSend(t, r, rkey("enter"), rkey("up"), rkey("up"), rkey("up"), rkey("d"))
	if r.URL() != "/o?b=x%26y&flag&c=3#frag" {
		t.Errorf("after add and delete: %q", r.URL())
	}
	r = reqSend(t, r, rkey("down"), rkey("x"), rkey("d"), rkey("d"), rkey("d"))
	if r.URL() != "/o#frag" {
		t.Errorf("deleting every parameter drops the '?': %q", r.URL())
	}
}

func TestRequestParamEditEscCancels(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r.Load(requests.Request{Method: "GET", URL: "/o?a=1"})
	r = reqSend(t, r, rkey("enter"))
	r = reqType(t, r, "99")
	r = reqSend(t, r, rkey("esc"))
	if r.URL() != "/o?a=1" || r.Typing() {
		t.Errorf("esc should cancel: %q typing=%v", r.URL(), r.Typing())
	}
}

func TestRequestHeaders(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r = reqSend(t, r, rkey("2"), rkey("a"))
	if !r.Typing() || r.edit.field != fieldName {
		t.Fatal("a should start a new header at its name")
	}
	r = reqType(t, r, "Accept")
	r = reqSend(t, r, rkey("enter"))
	r = reqType(t, r, "application/json")
	r = reqSend(t, r, rkey("enter"))
	r = reqSend(t, r, rkey("a"), tea.PasteMsg{Content: "X-Trace: 42"}, rkey("enter"))
	want := []requests.Header{{Name: "Accept", Value: "application/json"}, {Name: "X-Trace", Value: "42"}}
	if !equalHeaders(r.Draft().Headers, want) || r.Typing() {
		t.Fatalf("headers %+v typing=%v", r.Draft().Headers, r.Typing())
	}
	// space switches X-Trace off: kept in the draft, not sent.
	r = reqSend(t, r, rkey("space"))
	if d := r.Draft(); !d.Headers[1].Off || len(d.Sent()) != 1 {
		t.Errorf("toggle: %+v", d.Headers)
	}
	if v := reqPlain(r); !strings.Contains(v, "○ X-Trace: 42") || !strings.Contains(v, "Headers(2)") {
		t.Errorf("an off header is drawn hollow:\n%s", v)
	}
	r = reqSend(t, r, rkey("space"))
	if r.Draft().Headers[1].Off {
		t.Error("space again switches it back on")
	}
	// enter edits the value; up reaches the name.
	r = reqSend(t, r, rkey("up"), rkey("enter"), rkey("ctrl+u"))
	r = reqType(t, r, "text/plain")
	r = reqSend(t, r, rkey("up"))
	r = reqType(t, r, "-X")
	r = reqSend(t, r, rkey("enter"), rkey("enter"))
	if h := r.Draft().Headers[0]; h.Name != "Accept-X" || h.Value != "text/plain" {
		t.Errorf("edit: %+v", h)
	}
	r = reqSend(t, r, rkey("x"))
	if hs := r.Draft().Headers; len(hs) != 1 || hs[0].Name != "X-Trace" {
		t.Errorf("delete: %+v", hs)
	}
}

func TestRequestHeaderNameRefused(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r = reqSend(t, r, rkey("2"), rkey("a"))
	r = reqType(t, r, "Bad Name")
	r = reqSend(t, r, rkey("enter"))
	r = reqType(t, r, "v")
	r = reqSend(t, r, rkey("enter"))
	if len(r.headers) != 0 || !r.Typing() || r.edit.field != fieldName {
		t.Errorf("an invalid name keeps the editor on the name: %+v", r.headers)
	}
	if !strings.Contains(reqPlain(r), "not a valid header name") {
		t.Errorf("no message:\n%s", reqPlain(r))
	}
	r.Blur()
	if r.Typing() || len(r.headers) != 0 {
		t.Error("blur drops an invalid row instead of typing unseen")
	}
}

func equalHeaders(a, b []requests.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRequestBodyJSONAsTyped(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r = reqSend(t, r, rkey("3"), rkey("enter"))
	if !r.Typing() || !r.MultiLine() {
		t.Fatal("enter on Body should start the editor")
	}
	r = reqType(t, r, `{"a":`)
	if v := reqPlain(r); !strings.Contains(v, "✗ JSON 1:6: unexpected end of JSON") {
		t.Errorf("incomplete JSON:\n%s", v)
	}
	r = reqSend(t, r, rkey("enter"), rkey("tab"))
	r = reqType(t, r, "1}")
	if r.body.Value() != "{\"a\":\n  1}" {
		t.Errorf("body %q (tab indents inside the editor)", r.body.Value())
	}
	if v := reqPlain(r); !strings.Contains(v, "✓ valid JSON") {
		t.Errorf("valid JSON:\n%s", v)
	}
	r = reqSend(t, r, rkey("esc"))
	if r.Typing() || r.MultiLine() || r.Draft().Body != "{\"a\":\n  1}" {
		t.Errorf("esc leaves the editor and keeps the body: typing=%v", r.Typing())
	}
}

func TestCheckJSON(t *testing.T) {
	tests := []struct {
		body, ct string
		applies  bool
		want     string
	}{
		{"hello", "", false, ""},
		{"hello", "application/json; charset=utf-8", true, "JSON 1:1: invalid character 'h'"},
		{"{\n  \"a\": 1,\n  \"b\": }\n", "", true, "JSON 3:8: invalid character '}'"},
		{"[1, 2]", "", true, "valid JSON"},
		{"{} {}", "", true, "JSON 1:4: extra data"},
		{"", "application/json", true, "empty body"},
		{"[\"é\", x]", "", true, "JSON 1:7:"},
	}
	for _, tc := range tests {
		got := checkJSON(tc.body, tc.ct)
		if got.applies != tc.applies || !strings.HasPrefix(got.msg, tc.want) {
			t.Errorf("checkJSON(%q, %q) = %+v, want applies=%v %q", tc.body, tc.ct, got, tc.applies, tc.want)
		}
	}
}

func TestRequestEditorFlow(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "true")
	r := newReqPane(t, 80, 14, true)
	r = reqSend(t, r, rkey("3"), rkey("enter"))
	r = reqType(t, r, "one line")
	r, cmd := r.Update(rkey("ctrl+o"))
	if cmd == nil || r.tab != tabBody || r.Typing() {
		t.Fatalf("ctrl+o should leave the editor and return the $EDITOR command (typing=%v)", r.Typing())
	}
	// Running the command writes the body to a private file and hands the
	// terminal over; the editor itself runs only inside a program.
	if msg := cmd(); msg == nil {
		t.Fatal("no exec message")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "why401-body-*.txt"))
	if len(files) != 1 {
		t.Fatalf("temp files %v", files)
	}
	st, _ := os.Stat(files[0])
	if data, _ := os.ReadFile(files[0]); string(data) != "one line" || st.Mode().Perm() != 0o600 {
		t.Errorf("file %q mode %v", data, st.Mode().Perm())
	}
	// The editor saved a new body (with the newline editors add).
	if err := os.WriteFile(files[0], []byte("two\nlines\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	msg := editorDone(files[0], "one line")(nil)
	r, cmd = r.Update(msg)
	if cmd != nil || r.Draft().Body != "two\nlines" || !strings.Contains(reqPlain(r), "body updated") {
		t.Errorf("body %q", r.Draft().Body)
	}
	if _, err := os.Stat(files[0]); !os.IsNotExist(err) {
		t.Error("the temp file must be removed")
	}
}

func TestRequestEditorFailureKeepsBody(t *testing.T) {
	path, err := writeBodyFile(t.TempDir(), "{}", ".json")
	if err != nil {
		t.Fatal(err)
	}
	r := newReqPane(t, 80, 14, true)
	r.Load(requests.Request{Method: "POST", URL: "/", Body: "{}"})
	r = reqSend(t, r, editorDone(path, "{}")(os.ErrPermission))
	if r.Draft().Body != "{}" || !strings.Contains(reqPlain(r), "✗ the editor failed") {
		t.Errorf("body %q\n%s", r.Draft().Body, reqPlain(r))
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("the temp file must be removed after a failure too")
	}
}

func TestEditorArgv(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	tests := []struct {
		env  map[string]string
		goos string
		want string
	}{
		{map[string]string{"VISUAL": "code -w", "EDITOR": "nano"}, "linux", "code -w"},
		{map[string]string{"EDITOR": "nano"}, "linux", "nano"},
		{map[string]string{"EDITOR": "  "}, "linux", "vi"},
		{nil, "windows", "notepad"},
	}
	for _, tc := range tests {
		if got := strings.Join(editorArgv(env(tc.env), tc.goos), " "); got != tc.want {
			t.Errorf("%v: %q, want %q", tc.env, got, tc.want)
		}
	}
}

const curlBearer = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"

func TestRequestCurlPasteFillsTheRequest(t *testing.T) {
	paste := "curl -X PUT 'https://api.example.com/v1/orders/7?dry=1' \\\n" +
		"  -H 'Accept: application/json' -H 'Authorization: Bearer " + curlBearer + "' \\\n" +
		"  --json '{\"qty\": 2}' --frobnicate"
	for _, typing := range []bool{false, true} {
		r := newReqPane(t, 80, 14, true)
		if typing {
			r = reqSend(t, r, rkey("u"))
		}
		if !r.TakesPaste(tea.PasteMsg{Content: paste}) {
			t.Fatal("the pane should take a curl paste")
		}
		r, cmd := r.Update(tea.PasteMsg{Content: paste})
		d := r.Draft()
		if cmd != nil || d.Method != "PUT" || d.URL != "https://api.example.com/v1/orders/7?dry=1" || d.Body != `{"qty": 2}` {
			t.Fatalf("draft %+v", d)
		}
		want := []requests.Header{{Name: "Accept", Value: "application/json"}, {Name: "Content-Type", Value: "application/json"}}
		if !equalHeaders(d.Headers, want) || d.Auth != requests.AuthBearer || d.Token != curlBearer {
			t.Errorf("headers %+v auth %q token %q", d.Headers, d.Auth, d.Token)
		}
		if r.Typing() {
			t.Error("after a curl paste nothing is being typed")
		}
		v := reqPlain(r)
		if !strings.Contains(v, "Authorization: Bearer token is this request's token") || strings.Contains(v, curlBearer) {
			t.Errorf("the note must say where the token went, never show it:\n%s", v)
		}
		if n := r.Notice(); !strings.Contains(n, "ignored: --frobnicate") {
			t.Errorf("notice %q", n)
		}
	}
}

func TestRequestCurlKeepsOtherCredentialsMasked(t *testing.T) {
	r := newReqPane(t, 100, 14, true)
	r = reqSend(t, r, tea.PasteMsg{Content: "curl -u alice:hunter2hunter2 -b 'sid=s3ss10ns3ss10n' https://x.example/"})
	d := r.Draft()
	if len(d.Headers) != 2 || d.Headers[0].Name != "Authorization" || !strings.HasPrefix(d.Headers[0].Value, "Basic ") || d.Headers[1].Name != "Cookie" {
		t.Fatalf("headers %+v", d.Headers)
	}
	r = reqSend(t, r, rkey("2"))
	v := reqPlain(r)
	if strings.Contains(v, d.Headers[0].Value[len("Basic "):]) || strings.Contains(v, "s3ss10ns3ss10n") {
		t.Errorf("credentials from a paste are masked:\n%s", v)
	}
	r = reqSend(t, r, rkey("s"))
	if !strings.Contains(reqPlain(r), "s3ss10ns3ss10n") {
		t.Errorf("s reveals them:\n%s", reqPlain(r))
	}
	// Editing a masked value types blind until revealed.
	r = reqSend(t, r, rkey("s"), rkey("enter"))
	if strings.Contains(reqPlain(r), d.Headers[0].Value[len("Basic "):]) {
		t.Error("the editor shows a masked credential")
	}
}

func TestRequestCurlBrokenChangesNothing(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r.Load(requests.Request{Method: "GET", URL: "/keep"})
	r = reqSend(t, r, tea.PasteMsg{Content: "curl 'https://x.example/"})
	if r.URL() != "/keep" || !strings.Contains(reqPlain(r), "✗ curl:") {
		t.Errorf("url %q\n%s", r.URL(), reqPlain(r))
	}
	if r.TakesPaste(tea.PasteMsg{Content: "eyJhbGciOi.x.y"}) {
		t.Error("a token pasted while nothing is typed belongs to the root")
	}
}

func TestRequestAuthOverride(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	modes := []requests.Auth{requests.AuthNone, requests.AuthBearer, requests.AuthProfile}
	for _, want := range modes {
		r = reqSend(t, r, rkey("o"))
		if r.auth != want || r.tab != tabAuth {
			t.Errorf("o: auth %q tab %d, want %q", r.auth, r.tab, want)
		}
	}
	r = reqSend(t, r, rkey("enter"))
	if !r.Typing() || r.auth != requests.AuthBearer {
		t.Fatal("enter on Auth types this request's token")
	}
	if d := r.Draft(); d.Auth == requests.AuthBearer || r.DraftProblem() == "" {
		t.Errorf("an empty bearer override is never drafted as one (auth %q) and is a problem (%q)", d.Auth, r.DraftProblem())
	}
	r = reqSend(t, r, tea.PasteMsg{Content: "Authorization: Bearer " + curlBearer + "\n"}, rkey("enter"))
	if d := r.Draft(); d.Token != curlBearer || d.Auth != requests.AuthBearer || r.Typing() || r.DraftProblem() != "" {
		t.Errorf("token %q auth %q problem %q", d.Token, d.Auth, r.DraftProblem())
	}
	if v := reqPlain(r); strings.Contains(v, curlBearer) || !strings.Contains(v, "Bearer eyJh…") {
		t.Errorf("the token is masked once typed:\n%s", v)
	}
	if r = reqSend(t, r, rkey("s")); !strings.Contains(reqPlain(r), curlBearer[:40]) {
		t.Errorf("s reveals the token:\n%s", reqPlain(r))
	}
	r = reqSend(t, r, rkey("o"))
	if d := r.Draft(); d.Auth != requests.AuthProfile || d.Token != "" {
		t.Errorf("the token is sent only with the bearer override: %+v", d)
	}
}

func basicProfile() config.Profile {
	base, _ := url.Parse("https://api.example.com")
	return config.Profile{Name: "staging", BaseURL: base, Auth: config.Auth{Type: config.AuthBasic,
		Username: "alice", Password: secrets.Ref{Kind: secrets.KindKeyring}}}
}

func TestRequestProfileAuthShown(t *testing.T) {
	r := newReqPane(t, 90, 14, true)
	r.SetProfile(basicProfile(), "password: the keyring is locked")
	r = reqSend(t, r, rkey("4"))
	v := reqPlain(r)
	for _, want := range []string{"staging · basic", "user alice · password ••••", "(from keyring)", "⚠ password: the keyring is locked"} {
		if !strings.Contains(v, want) {
			t.Errorf("auth tab lacks %q:\n%s", want, v)
		}
	}
	r = reqSend(t, r, rkey("s"))
	if r.reveal || !strings.Contains(reqPlain(r), "nothing to reveal") {
		t.Error("without a credential there is nothing to reveal, and the pane says so")
	}
	p := basicProfile()
	p.Auth = config.Auth{Type: config.AuthBearer, Token: secrets.Ref{Kind: secrets.KindEnv, Arg: "API_TOKEN"}}
	r.SetProfile(p)
	if v := reqPlain(r); !strings.Contains(v, "token from env:API_TOKEN") {
		t.Errorf("bearer profile:\n%s", v)
	}
	r.SetCredential("Bearer " + curlBearer)
	if v := reqPlain(r); !strings.Contains(v, "Bearer eyJh…") || strings.Contains(v, curlBearer) {
		t.Errorf("credential masked:\n%s", v)
	}
	if r = reqSend(t, r, rkey("s")); !strings.Contains(reqPlain(r), curlBearer[:30]) {
		t.Errorf("revealed:\n%s", reqPlain(r))
	}
	r.SetProfile(p)
	if strings.Contains(reqPlain(r), curlBearer[:30]) {
		t.Error("a new profile forgets the old credential")
	}
}

func TestRequestDraftLoadRoundTrip(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	in := requests.Request{Name: "orders", Method: "patch", URL: " /v1/orders?x=1 ",
		Headers: []requests.Header{{Name: "A", Value: "1", Off: true}}, Body: "{}", Auth: requests.AuthNone, Token: "ignored"}
	r.Load(in)
	d := r.Draft()
	if d.Name != "orders" || d.Method != "PATCH" || d.URL != "/v1/orders?x=1" || d.Body != "{}" || d.Auth != requests.AuthNone || d.Token != "" {
		t.Errorf("draft %+v", d)
	}
	d.Headers[0].Name = "changed"
	if r.headers[0].Name != "A" {
		t.Error("Draft must copy the headers")
	}
	if !strings.Contains(reqPlain(r), "Request · orders") {
		t.Error("the title names a loaded request")
	}
	r.SetName("renamed")
	if r.Draft().Name != "renamed" {
		t.Error("SetName")
	}
}

func TestRequestHelpKeysFollowTheMode(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	states := map[string]requestPane{
		"nav":    r,
		"url":    reqSend(t, r, rkey("u")),
		"row":    reqSend(t, r, rkey("2"), rkey("a")),
		"body":   reqSend(t, r, rkey("3"), rkey("enter")),
		"token":  reqSend(t, r, rkey("4"), rkey("enter")),
		"params": reqSend(t, r, rkey("1")),
	}
	for name, s := range states {
		ks := s.HelpKeys()
		if len(ks) == 0 {
			t.Errorf("%s: no help keys", name)
		}
		for _, k := range ks {
			if k.Help().Key == "" || k.Help().Desc == "" {
				t.Errorf("%s: a binding without help: %v", name, k.Keys())
			}
		}
	}
}

// TestRequestKeysLeaveGlobalsAlone: CONTRACT's global keys must not be
// bound by the pane or its inputs, so they work while typing.
func TestRequestKeysLeaveGlobalsAlone(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r.Load(requests.Request{Method: "GET", URL: "/abc"})
	r = reqSend(t, r, rkey("u"), rkey("left"), rkey("ctrl+e"), rkey("ctrl+t"))
	r = reqType(t, r, "Z")
	if r.URL() != "/abZc" {
		t.Errorf("ctrl+e/ctrl+t moved or changed the URL input: %q", r.URL())
	}
	r = reqSend(t, r, rkey("esc"), rkey("3"), rkey("enter"))
	r = reqType(t, r, "ab")
	r = reqSend(t, r, rkey("left"), rkey("ctrl+e"), rkey("ctrl+t"))
	if r.body.Value() != "ab" || r.body.Column() != 1 {
		t.Errorf("ctrl+e/ctrl+t acted in the body: %q col %d", r.body.Value(), r.body.Column())
	}
}

func TestRequestSecretQueryMasked(t *testing.T) {
	r := newReqPane(t, 100, 14, true)
	r = reqSend(t, r, tea.PasteMsg{Content: "curl 'https://x.example/cb?code=abcdefgh12345678&state=s1&access_token=" + curlBearer + "'"})
	v := reqPlain(r)
	if strings.Contains(v, curlBearer) || strings.Contains(v, "abcdefgh12345678") || !strings.Contains(v, "state = s1") ||
		!strings.Contains(v, "access_token = eyJh…") {
		t.Errorf("secret query values are masked in the URL and Params:\n%s", v)
	}
	if r.Draft().URL != "https://x.example/cb?code=abcdefgh12345678&state=s1&access_token="+curlBearer {
		t.Errorf("masking is for display only: %q", r.Draft().URL)
	}
	if r = reqSend(t, r, rkey("s")); !strings.Contains(reqPlain(r), "abcdefgh12345678") {
		t.Errorf("s reveals them:\n%s", reqPlain(r))
	}
}

// TestRequestKeyCommands: which keys hand back a command (focusing an
// input starts its cursor blink; ctrl+o runs $EDITOR) and which only
// change state.
func TestRequestKeyCommands(t *testing.T) {
	tests := []struct {
		tab     string
		key     string
		wantCmd bool
		typing  bool
	}{
		{"1", "m", false, false}, {"1", "M", false, false}, {"1", "right", false, false},
		{"1", "u", true, true}, {"1", "a", true, true}, {"1", "enter", true, true},
		{"2", "a", true, true}, {"2", "enter", true, true}, {"2", "space", false, false},
		{"2", "d", false, false}, {"2", "x", false, false}, {"2", "s", false, false},
		{"3", "enter", true, true}, {"3", "a", true, true}, {"3", "ctrl+o", true, false},
		{"4", "enter", true, true}, {"4", "o", false, false}, {"4", "z", false, false},
	}
	for _, tc := range tests {
		r := newReqPane(t, 80, 14, true)
		r.Load(demoRequest())
		r = reqSend(t, r, rkey(tc.tab))
		r, cmd := r.Update(rkey(tc.key))
		if (cmd != nil) != tc.wantCmd || r.Typing() != tc.typing {
			t.Errorf("tab %s key %s: cmd %v typing %v, want cmd %v typing %v", tc.tab, tc.key, cmd != nil, r.Typing(), tc.wantCmd, tc.typing)
		}
	}
}

// TestRequestKeysReachThePaneInTheRoot: none of the pane's single-letter
// keys is taken by the root's global keys once the URL input is left.
func TestRequestKeysReachThePaneInTheRoot(t *testing.T) {
	m, _ := newTestModel(t, 120, 40).setFocus(paneRequest)
	if !m.request.Typing() {
		t.Fatal("focusing the request pane starts in its URL")
	}
	m = update(t, m, tea.PasteMsg{Content: "/v1/orders?a=1"})
	for _, k := range []string{"esc", "m", "2", "a"} {
		m = update(t, m, rkey(k))
	}
	m = update(t, m, tea.PasteMsg{Content: "X-Trace: 1"})
	m = update(t, m, rkey("enter"))
	for _, k := range []string{"space", "o", "s", "1", "x"} {
		m = update(t, m, rkey(k))
	}
	d := m.request.Draft()
	if d.Method != "POST" || d.URL != "/v1/orders" || len(d.Headers) != 1 || !d.Headers[0].Off || d.Auth != requests.AuthNone {
		t.Errorf("draft %+v", d)
	}
}
