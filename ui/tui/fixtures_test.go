package tui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"net/url"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/requests"
)

// Shared fixtures of root_test.go, keys_test.go, width_test.go and
// golden_test.go: a recording Backend whose outcomes are real explanations
// of a real token, a config with an OAuth2 profile, and a driver that runs
// Cmds the way the program would without ever waiting on a timer.

// fixtureBase is the base URL of every fixture profile: a fixed host, never
// a listener on a random port, so nothing in a golden moves.
const fixtureBase = "https://staging.api.example.com"

// fixtureConfig is testConfig plus "sso", an OAuth2 device-flow profile
// for g, r and F.
func fixtureConfig(t testing.TB) *config.Config {
	t.Helper()
	base, err := url.Parse(fixtureBase)
	if err != nil {
		t.Fatal(err)
	}
	prof := func(name string, protected bool, typ config.AuthType) config.Profile {
		return config.Profile{Name: name, BaseURL: base, Protected: protected,
			Issuer: "https://idp.example.com", Audience: "api://orders",
			Auth: config.Auth{Type: typ}}
	}
	return &config.Config{DefaultProfile: "staging", Profiles: []config.Profile{
		prof("dev", false, config.AuthBearer), prof("staging", false, config.AuthBearer),
		prof("prod", true, config.AuthBearer), prof("sso", false, config.AuthOAuth2Device),
	}}
}

// recBackend answers every send with a 401 explained by inspect/explain
// from the token it carried, and records what the keys asked of it.
type recBackend struct {
	token string // the bearer token every send carries (demoToken)
	long  bool   // the response has a long body and long header values

	mu       sync.Mutex
	sent     []string // "profile METHOD URL"
	verified []string // "profile raw"
	metadata int
	actions  []TokenAction
	saved    map[string][]requests.Request
	history  []history.Entry
	block    chan struct{} // when set, Send waits for it or for ctx
}

var _ Backend = (*recBackend)(nil)

func newRecBackend(t testing.TB) *recBackend {
	t.Helper()
	return &recBackend{token: demoTokenTB(t), history: fixtureHistory()}
}

// demoTokenTB is demoToken for any testing.TB.
func demoTokenTB(t testing.TB) string {
	t.Helper()
	tt, ok := t.(*testing.T)
	if !ok {
		t.Fatal("demoToken needs a *testing.T")
	}
	return demoToken(tt)
}

// fixtureHistory is two earlier exchanges at pinned times.
func fixtureHistory() []history.Entry {
	return []history.Entry{
		{Time: fixedNow.Add(-2 * time.Minute), Method: "GET", URL: fixtureBase + "/v1/orders?limit=10", Status: 401,
			Diagnosis: "WRONG_AUDIENCE", DurationMS: 84},
		{Time: fixedNow.Add(-65 * time.Minute), Method: "POST", URL: fixtureBase + "/v1/orders", Status: 201, DurationMS: 120},
		{Time: fixedNow.Add(-26 * time.Hour), Method: "DELETE", URL: fixtureBase + "/v1/orders/" + strings.Repeat("9", 60), Status: 403},
	}
}

// fixtureCookie is the session the 401 sets: a credential header, masked
// until s.
const fixtureCookie = "s3ss10n-c00k1e"

// longValue is a header value far wider than any pane.
var longValue = "v=" + strings.Repeat("0123456789abcdef", 24)

func (b *recBackend) Send(ctx context.Context, profile string, r requests.Request) Outcome {
	b.mu.Lock()
	b.sent = append(b.sent, profile+" "+r.Method+" "+r.URL)
	block := b.block
	b.mu.Unlock()
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return Outcome{Profile: profile, Request: r, Err: "cancelled"}
		}
	}
	return fixtureOutcome(profile, r, b.token, b.long)
}

// fixtureWhy begins the title of fixtureOutcome's first diagnosis, the
// part that stays on one line of the why pane at 120×40.
const fixtureWhy = "Token is for api://billing"

// fixtureOutcome is a 401 for a token issued to another audience, with a
// challenge that offers resource metadata, explained by inspect/explain.
func fixtureOutcome(profile string, r requests.Request, raw string, long bool) Outcome {
	abs := r.URL
	if strings.HasPrefix(abs, "/") {
		abs = fixtureBase + abs
	}
	challenge := `Bearer realm="orders", error="invalid_token", error_description="The audience is not this API", ` +
		`resource_metadata="` + fixtureBase + `/.well-known/oauth-protected-resource"`
	body := `{"error":"invalid_token","error_description":"The audience is not this API","trace":"4bf92f3577b34da6"}`
	respHeaders := []exchange.Header{
		{Name: "Content-Type", Value: "application/json"},
		{Name: "WWW-Authenticate", Value: challenge},
		{Name: "Set-Cookie", Value: "session=" + fixtureCookie + "; Path=/; HttpOnly"},
		{Name: "Date", Value: "Fri, 27 Nov 2026 10:00:00 GMT"},
	}
	if long {
		respHeaders = append(respHeaders, exchange.Header{Name: "X-Long-" + strings.Repeat("Name", 20), Value: longValue},
			exchange.Header{Name: "Link", Value: "<" + fixtureBase + "/" + strings.Repeat("page/", 60) + ">; rel=next"})
		var sb strings.Builder
		sb.WriteString(`{"error":"invalid_token","items":[`)
		for i := range 300 {
			if i > 0 {
				sb.WriteString(",")
			}
			fmt.Fprintf(&sb, `{"id":%d,"sku":"sku-%d","note":"%s"}`, i, i, strings.Repeat("long ", 40))
		}
		sb.WriteString(`],"one_line":"` + strings.Repeat("x", 2000) + `"}`)
		body = sb.String()
	}
	tin, err := token.ReadInput("Authorization: Bearer " + raw)
	if err != nil {
		panic("the fixture token does not read: " + err.Error())
	}
	rep := token.Analyze(tin,
		token.Options{Now: fixedNow, Issuer: "https://idp.example.com", Audience: "api://orders"})
	in := explain.Input{Status: 401, Body: []byte(body), Now: fixedNow, Token: &rep,
		Request: explain.Request{Method: r.Method, URL: abs, Headers: []explain.Header{{Name: "Authorization", Value: "Bearer " + raw}}},
		Expect:  explain.Expectations{Issuer: "https://idp.example.com", Audience: "api://orders"}}
	for _, h := range respHeaders {
		in.ResponseHeaders = append(in.ResponseHeaders, explain.Header{Name: h.Name, Value: h.Value})
	}
	res := explain.Explain(in)
	mask := func(s string) string { return strings.ReplaceAll(s, raw, "‹token›") }
	ex := &exchange.Exchange{Started: fixedNow,
		Request: exchange.Request{Method: r.Method, URL: abs,
			Headers: []exchange.Header{{Name: "Authorization", Value: "Bearer " + raw}, {Name: "Accept", Value: "application/json"}}},
		Response: &exchange.Response{Proto: "HTTP/1.1", Status: 401, Reason: "Unauthorized", Headers: respHeaders,
			Body: exchange.Body{ContentType: "application/json", Data: []byte(body), Size: int64(len(body)), Encoding: "text"}},
		Timing:          exchange.Timing{DNS: 2 * time.Millisecond, Connect: 5 * time.Millisecond, FirstByte: 40 * time.Millisecond, Total: 42 * time.Millisecond},
		CredentialsSent: true}
	return Outcome{Profile: profile, Request: r, Exchange: ex, Result: &res, Diagnosis: res.Diagnosis,
		Credential: raw, Mask: mask, Input: in,
		MetadataURL: fixtureBase + "/.well-known/oauth-protected-resource"}
}

func (b *recBackend) Token(_ context.Context, profile string, a TokenAction, ui auth.FlowUI) TokenOutcome {
	b.mu.Lock()
	b.actions = append(b.actions, a)
	b.mu.Unlock()
	ui.Say("Asking https://idp.example.com/oauth/token…")
	return TokenOutcome{Profile: profile, Action: a, Err: errors.New("invalid_client: the client secret is not the one the server knows")}
}

func (b *recBackend) Verify(_ context.Context, profile, raw string) (token.Report, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.verified = append(b.verified, profile+" "+raw)
	return token.Report{}, errors.New("no keys")
}

func (b *recBackend) Introspect(context.Context, string, string) ([]string, error) {
	return []string{"✓ active", "sub user-42"}, nil
}

func (b *recBackend) History(string) ([]history.Entry, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.history, nil
}

func (b *recBackend) Saved(profile string) ([]requests.Request, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.saved[profile], nil
}

func (b *recBackend) Save(profile string, r requests.Request) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.saved == nil {
		b.saved = map[string][]requests.Request{}
	}
	b.saved[profile] = append(b.saved[profile], r)
	return nil
}

func (b *recBackend) FetchMetadata(_ context.Context, o Outcome) Outcome {
	b.mu.Lock()
	b.metadata++
	b.mu.Unlock()
	in := o.Input
	in.Metadata = &explain.Metadata{URL: o.MetadataURL, Resource: fixtureBase,
		AuthorizationServers: []string{"https://idp.example.com"}, ScopesSupported: []string{"orders:read", "orders:write"}}
	r := explain.Explain(in)
	o.Input, o.Result, o.Diagnosis = in, &r, r.Diagnosis
	return o
}

// fixtureModel is the app on fixtureConfig with b (nil: no Backend) at
// w×h, on a dark or light background, its Init Cmds (history, saved
// requests) already run.
func fixtureModel(t testing.TB, b Backend, w, h int, dark bool) Model {
	t.Helper()
	deps := Deps{Config: fixtureConfig(t), Now: testClock}
	if b != nil {
		deps.Backend = b // a nil *recBackend must not become a non-nil Backend
	}
	m := New(deps)
	m = step(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	if !dark {
		m = step(t, m, tea.BackgroundColorMsg{Color: color.White})
	} else {
		m = step(t, m, tea.BackgroundColorMsg{Color: color.Black})
	}
	return settle(t, m, tea.Batch(loadHistory(deps.Backend, m.active), loadSaved(deps.Backend, m.active)))
}

// sent is m after composing GET /v1/orders and sending it with ctrl+s,
// every Cmd run and its messages fed back.
func sent(t testing.TB, m Model) Model {
	t.Helper()
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m, cmd := stepCmd(t, m, kp("ctrl+s"))
	if m.flight == nil || cmd == nil {
		t.Fatalf("ctrl+s did not start a send (toast %q)", m.toast)
	}
	m = settle(t, m, cmd)
	if m.flight != nil || m.last[m.active] == nil {
		t.Fatal("the send did not finish")
	}
	return m
}

// step and stepCmd are update and updateCmd for any testing.TB.
func step(t testing.TB, m Model, msg tea.Msg) Model {
	t.Helper()
	m, _ = stepCmd(t, m, msg)
	return m
}

func stepCmd(t testing.TB, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(msg)
	nm, ok := next.(Model)
	if !ok {
		t.Fatalf("Update returned %T", next)
	}
	return nm, cmd
}

// presses sends keys one by one, running each key's Cmds.
func presses(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = stepCmd(t, m, kp(k))
		m = settle(t, m, cmd)
	}
	return m
}

// typeText types s one key per character, running each key's Cmds.
func typeText(t testing.TB, m Model, s string) Model {
	t.Helper()
	for _, r := range s {
		m = presses(t, m, string(r))
	}
	return m
}

// kp is a key press as the terminal reports it, for every key name the
// bindings use.
func kp(s string) tea.KeyPressMsg {
	named := map[string]rune{"tab": tea.KeyTab, "esc": tea.KeyEscape, "enter": tea.KeyEnter,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace, "space": tea.KeySpace}
	switch {
	case s == "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case s == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case named[s] != 0:
		return tea.KeyPressMsg{Code: named[s]}
	case strings.HasPrefix(s, "ctrl+"):
		return tea.KeyPressMsg{Code: rune(s[len("ctrl+")]), Mod: tea.ModCtrl}
	case strings.HasPrefix(s, "shift+"):
		r := []rune(s[len("shift+"):])[0]
		return tea.KeyPressMsg{Code: r, Mod: tea.ModShift, Text: strings.ToUpper(string(r))}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// cmdName is the function behind cmd. Timers (the countdown tick, the
// spinner, the cursor blink) are told apart by name, without running
// them: a test must never wait on the clock.
func cmdName(cmd tea.Cmd) string {
	return runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name()
}

func isTimer(cmd tea.Cmd) bool {
	n := cmdName(cmd)
	for _, timer := range []string{"spinner.Model.Tick", "cursor.(*Model).Blink", "cursor.Blink", ".Tick.func", "tui.tick."} {
		if strings.Contains(n, timer) {
			return true
		}
	}
	return false
}

// cmdTimeout bounds one Cmd that is not a timer; real work here is
// in-memory, so hitting it means a Cmd blocks where it should not.
const cmdTimeout = 10 * time.Second

// msgsOf runs cmd, following batches and sequences, and returns the
// messages it yields in order; timers are skipped unrun.
func msgsOf(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil || isTimer(cmd) {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(cmdTimeout):
		t.Fatalf("Cmd %s did not return in %v", cmdName(cmd), cmdTimeout)
	}
	if msg == nil {
		return nil
	}
	cmds, ok := cmdList(msg)
	if !ok {
		return []tea.Msg{msg}
	}
	var out []tea.Msg
	for _, c := range cmds {
		out = append(out, msgsOf(t, c)...)
	}
	return out
}

// settle runs cmd and feeds every message back into the model, and the
// messages of the Cmds those return, until nothing is left.
func settle(t testing.TB, m Model, cmd tea.Cmd) Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 1000 {
			t.Fatal("settle: the Cmds never end")
		}
		c := queue[0]
		queue = queue[1:]
		for _, msg := range msgsOf(t, c) {
			if clipboardText(msg) != "" || isExecMsg(msg) {
				continue // the terminal's business, not the model's
			}
			var next tea.Cmd
			m, next = stepCmd(t, m, msg)
			queue = append(queue, next)
		}
	}
	return m
}

// cmdList reads a tea.BatchMsg or tea.Sequence's unexported message, both
// lists of Cmds.
func cmdList(msg tea.Msg) ([]tea.Cmd, bool) {
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

func isExecMsg(msg tea.Msg) bool { return strings.Contains(typeName(msg), "exec") }

func typeName(v any) string { return reflect.TypeOf(v).String() }

// clipboardText reads tea.SetClipboard's message, whose type is unexported.
func clipboardText(msg tea.Msg) string {
	v := reflect.ValueOf(msg)
	if strings.HasSuffix(typeName(msg), "setClipboardMsg") && v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}

// plain is the screen without its styling.
func plain(m Model) string { return ansi.Strip(m.View().Content) }

// msgTypes names the messages of msgs, for asserting what a Cmd yields.
func msgTypes(msgs []tea.Msg) []string {
	out := make([]string, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, strings.TrimPrefix(typeName(m), "tui."))
	}
	return out
}

// hasMsg reports whether msgs holds a message of the named type.
func hasMsg(msgs []tea.Msg, name string) bool {
	for _, n := range msgTypes(msgs) {
		if n == name {
			return true
		}
	}
	return false
}
