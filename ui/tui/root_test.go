package tui

import (
	"context"
	"reflect"
	"time"

	"errors"
	"github.com/charmbracelet/x/ansi"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/requests"
)

// stubBackend records calls and answers with canned outcomes; the real
// backend (ui/cli over store/) is exercised by the end-to-end tests.
type stubBackend struct {
	mu      sync.Mutex
	sent    []string // "profile METHOD URL"
	status  int
	saved   map[string][]requests.Request
	history []history.Entry
	block   chan struct{} // when set, Send waits for it or for ctx
}

func (b *stubBackend) Send(ctx context.Context, profile string, r requests.Request) Outcome {
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
	status := b.status
	if status == 0 {
		status = 401
	}
	ex := &exchange.Exchange{Request: exchange.Request{Method: r.Method, URL: "https://staging.api.example.com" + r.URL,
		Headers: []exchange.Header{{Name: "Authorization", Value: "Bearer abc.def.ghi"}}},
		Response: &exchange.Response{Proto: "HTTP/1.1", Status: status, Reason: "Unauthorized",
			Headers: []exchange.Header{{Name: "WWW-Authenticate", Value: `Bearer error="invalid_token"`}},
			Body:    exchange.Body{ContentType: "application/json", Data: []byte(`{"error":"invalid_token"}`), Size: 25}},
		CredentialsSent: true}
	res := explain.Result{Status: status, Diagnosis: []explain.Diagnosis{{ID: "TOKEN_EXPIRED", Severity: "error",
		Title: "The token expired", Detail: "exp is in the past.", Fix: "Get a new token."}}}
	return Outcome{Profile: profile, Request: r, Exchange: ex, Result: &res, Diagnosis: res.Diagnosis,
		Credential: "abc.def.ghi", Mask: func(s string) string { return s }}
}

func (b *stubBackend) Token(context.Context, string, TokenAction, auth.FlowUI) TokenOutcome {
	return TokenOutcome{Err: errors.New("not in this test")}
}

func (b *stubBackend) Verify(context.Context, string, string) (token.Report, error) {
	return token.Report{}, errors.New("no keys")
}

func (b *stubBackend) Introspect(context.Context, string, string) ([]string, error) {
	return []string{"active: yes", "sub demo"}, nil
}

func (b *stubBackend) History(string) ([]history.Entry, error) { return b.history, nil }

func (b *stubBackend) Saved(profile string) ([]requests.Request, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.saved[profile], nil
}

func (b *stubBackend) Save(profile string, r requests.Request) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.saved == nil {
		b.saved = map[string][]requests.Request{}
	}
	b.saved[profile] = append(b.saved[profile], r)
	return nil
}

func (b *stubBackend) FetchMetadata(_ context.Context, o Outcome) Outcome {
	o.Input.Metadata = &explain.Metadata{URL: "https://x.test/.well-known/oauth-protected-resource", Resource: "https://x.test"}
	return o
}

func newBackendModel(t *testing.T, b Backend) Model {
	t.Helper()
	m := New(Deps{Config: testConfig(t), Now: testClock, Backend: b})
	return update(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
}

// runCmd runs cmd and feeds every message it yields back into the model,
// following batches, skipping ticks that would loop.
func runCmd(t *testing.T, m Model, cmd tea.Cmd) Model {
	t.Helper()
	for _, msg := range collect(cmd) {
		var next tea.Cmd
		m, next = updateCmd(t, m, msg)
		m = runCmd(t, m, next)
	}
	return m
}

// collect runs cmd and flattens batches; timer-driven messages (ticks,
// blinks, spinner frames) are dropped so tests never wait on the clock.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-timeAfter():
		return nil // a timer (tick, blink): not ours to wait for
	}
	switch msg := msg.(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(c)...)
		}
		return out
	case nil, tickMsg:
		return nil
	}
	if strings.HasPrefix(typeName(msg), "spinner.") || strings.Contains(typeName(msg), "Blink") {
		return nil
	}
	return []tea.Msg{msg}
}

func TestSendShowsOutcome(t *testing.T) {
	b := &stubBackend{}
	m := newBackendModel(t, b)
	m = update(t, m, press("ctrl+s"))
	if !m.toastErr || len(b.sent) != 0 {
		t.Fatal("ctrl+s with no URL should say so and send nothing")
	}
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m, cmd := updateCmd(t, m, press("ctrl+s"))
	if m.flight == nil || cmd == nil {
		t.Fatal("ctrl+s should start a send")
	}
	m = runCmd(t, m, cmd)
	if len(b.sent) != 1 || b.sent[0] != "staging GET /v1/orders" {
		t.Fatalf("sent %v", b.sent)
	}
	if m.flight != nil || m.last["staging"] == nil {
		t.Fatal("the outcome should be filed under staging")
	}
	if !strings.Contains(plain(m), "The token expired") {
		t.Error("the why pane should show the diagnosis")
	}
}

func TestStaleOutcomeDropped(t *testing.T) {
	b := &stubBackend{}
	m := newBackendModel(t, b)
	m.request.Load(requests.Request{Method: "GET", URL: "/a"})
	m, _ = updateCmd(t, m, press("ctrl+s"))
	first := m.flight.id
	m, _ = updateCmd(t, m, press("ctrl+s")) // replaces the first
	m = update(t, m, outcomeMsg{id: first, outcome: Outcome{Profile: "staging", Err: "old"}})
	if m.last["staging"] != nil || m.flight == nil {
		t.Error("a replaced send's outcome must be dropped")
	}
}

func TestCancelSend(t *testing.T) {
	b := &stubBackend{block: make(chan struct{})}
	m := newBackendModel(t, b)
	m.request.Load(requests.Request{Method: "GET", URL: "/slow"})
	m, _ = updateCmd(t, m, press("ctrl+s"))
	id := m.flight.id
	m = update(t, m, press("esc"))
	if m.flight != nil {
		t.Fatal("esc should cancel the send in flight")
	}
	m = update(t, m, outcomeMsg{id: id, outcome: Outcome{Profile: "staging", Err: "cancelled"}})
	if m.last["staging"] != nil {
		t.Error("a cancelled send's outcome must be dropped")
	}
}

func TestOutcomeForOtherProfileIsNotShown(t *testing.T) {
	b := &stubBackend{}
	m := newBackendModel(t, b)
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m, cmd := updateCmd(t, m, press("ctrl+s"))
	m = update(t, m, profileChosenMsg{name: "dev"})
	m = runCmd(t, m, cmd)
	if m.last["staging"] == nil {
		t.Fatal("the staging outcome should be kept")
	}
	if strings.Contains(plain(m), "The token expired") || m.token.Shown() {
		t.Error("dev must not show staging's response or token")
	}
	m = update(t, m, profileChosenMsg{name: "staging"})
	if !strings.Contains(plain(m), "The token expired") {
		t.Error("switching back should show staging's outcome")
	}
}

func TestProtectedAsksBeforePost(t *testing.T) {
	b := &stubBackend{}
	m := newBackendModel(t, b)
	m = update(t, m, profileChosenMsg{name: "prod"})
	m.request.Load(requests.Request{Method: "DELETE", URL: "/v1/orders/1"})
	m, cmd := updateCmd(t, m, press("ctrl+s"))
	if !m.confirm.open || cmd != nil {
		t.Fatal("a DELETE on a protected profile must ask first")
	}
	m = update(t, m, press("n"))
	if m.confirm.open || len(b.sent) != 0 {
		t.Fatal("n must cancel without sending")
	}
	m, _ = updateCmd(t, m, press("ctrl+s"))
	m, cmd = updateCmd(t, m, press("y"))
	m = runCmd(t, m, cmd)
	if len(b.sent) != 1 || !strings.HasPrefix(b.sent[0], "prod DELETE") {
		t.Errorf("y should send: %v", b.sent)
	}
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	if m, _ = updateCmd(t, m, press("ctrl+s")); m.confirm.open {
		t.Error("GET on a protected profile needs no confirmation")
	}
}

func TestPickerSwitchesProfile(t *testing.T) {
	m := newBackendModel(t, &stubBackend{})
	m = update(t, m, press("ctrl+e"))
	if !m.picker.open || !m.typing() {
		t.Fatal("ctrl+e should open the picker with focus")
	}
	for _, r := range "prd" {
		m = update(t, m, press(string(r)))
	}
	m, cmd := updateCmd(t, m, press("enter"))
	m = runCmd(t, m, cmd)
	if m.active != "prod" || m.picker.open {
		t.Errorf("fuzzy 'prd' + enter should switch to prod, active=%s", m.active)
	}
	if !strings.Contains(m.headerView(120), "prod") {
		t.Error("the header should show the new profile")
	}
}

func TestCopyMenu(t *testing.T) {
	b := &stubBackend{}
	m := newBackendModel(t, b)
	m = update(t, m, press("ctrl+y"))
	if !m.copyMenu.open {
		t.Fatal("ctrl+y should open the copy menu")
	}
	m = update(t, m, press("u"))
	if !m.toastErr || m.copyMenu.open {
		t.Error("curl before any send should explain why nothing was copied")
	}
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m, cmd := updateCmd(t, m, press("ctrl+s"))
	m = runCmd(t, m, cmd)
	m = update(t, m, press("ctrl+y"))
	m, cmd = updateCmd(t, m, press("u"))
	var clip string
	for _, msg := range collect(cmd) {
		if s := clipboardText(msg); s != "" {
			clip = s
		}
	}
	if !strings.Contains(clip, `"Authorization: Bearer $TOKEN"`) || strings.Contains(clip, "abc.def.ghi") {
		t.Errorf("curl copy must use a placeholder, got %q", clip)
	}
}

func TestSaveRequest(t *testing.T) {
	b := &stubBackend{}
	m := newBackendModel(t, b)
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m = update(t, m, press("ctrl+n"))
	if !m.saveName.open {
		t.Fatal("ctrl+n should ask for a name")
	}
	for _, r := range "orders" {
		m = update(t, m, press(string(r)))
	}
	m, cmd := updateCmd(t, m, press("enter"))
	m = runCmd(t, m, cmd)
	if got := b.saved["staging"]; len(got) != 1 || got[0].Name != "orders" || got[0].URL != "/v1/orders" {
		t.Fatalf("saved %+v", got)
	}
	if len(m.profiles.saved) != 1 {
		t.Error("the saved request should be listed under the profile")
	}
}

func plain(m Model) string { return ansi.Strip(m.View().Content) }

// timeAfter bounds how long collect waits for one Cmd: real work in these
// tests is instant, so anything slower is a timer.
func timeAfter() <-chan time.Time { return time.After(200 * time.Millisecond) }

func typeName(v any) string { return reflect.TypeOf(v).String() }

// clipboardText reads tea.SetClipboard's message, whose type is unexported.
func clipboardText(msg tea.Msg) string {
	v := reflect.ValueOf(msg)
	if strings.HasSuffix(typeName(msg), "setClipboardMsg") && v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}
