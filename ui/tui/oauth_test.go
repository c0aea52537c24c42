package tui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/oidctest"
	"github.com/why401/why401/store/secrets"
	"github.com/why401/why401/store/send"
)

// modalNow pins the clock the code's countdown is drawn with.
var modalNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func modalCommon() *common {
	st := NewStyles(true)
	return &common{styles: &st, keys: DefaultKeyMap(), now: func() time.Time { return modalNow }}
}

// tokenScript is a Backend whose Token runs a script; the embedded nil
// Backend stands for every method these tests never call.
type tokenScript struct {
	Backend
	run func(ctx context.Context, a TokenAction, ui auth.FlowUI) TokenOutcome
}

func (s tokenScript) Token(ctx context.Context, profile string, a TokenAction, ui auth.FlowUI) TokenOutcome {
	out := s.run(ctx, a, ui)
	out.Profile, out.Action = profile, a
	return out
}

// modalDriver runs a tokenModal the way a Bubble Tea program would: each
// Cmd on its own goroutine, each message through Update on the test's.
type modalDriver struct {
	t    *testing.T
	m    tokenModal
	msgs chan tea.Msg
	done []TokenOutcome // what Done reported, once per outcome
}

func startDriver(t *testing.T, b Backend, a TokenAction, id int) *modalDriver {
	t.Helper()
	m, cmd := startTokenAction(modalCommon(), b, "staging", a, id)
	d := &modalDriver{t: t, m: m, msgs: make(chan tea.Msg, 64)}
	d.exec(cmd)
	t.Cleanup(func() { d.m.Close() })
	return d
}

func (d *modalDriver) exec(cmd tea.Cmd) {
	if cmd != nil {
		go func() { d.msgs <- cmd() }()
	}
}

// until feeds messages until cond holds, failing after a generous wait.
func (d *modalDriver) until(what string, cond func(tokenModal) bool) {
	d.t.Helper()
	timeout := time.After(30 * time.Second)
	for !cond(d.m) {
		select {
		case msg := <-d.msgs:
			d.feed(msg)
		case <-timeout:
			d.t.Fatalf("timed out waiting for %s; modal:\n%s", what, ansi.Strip(d.m.View(120, 40)))
		}
	}
}

func (d *modalDriver) feed(msg tea.Msg) tea.Cmd {
	if batch, ok := msg.(tea.BatchMsg); ok {
		for _, c := range batch {
			d.exec(c)
		}
		return nil
	}
	if msg == nil {
		return nil
	}
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(msg)
	if o, ok := d.m.Done(); ok {
		d.done = append(d.done, o)
	}
	d.exec(cmd)
	return cmd
}

// key presses a key and returns the Cmd the modal answered with, unrun.
func (d *modalDriver) key(s string) tea.Cmd {
	var cmd tea.Cmd
	d.m, cmd = d.m.Update(modalKey(s))
	return cmd
}

func modalKey(s string) tea.KeyPressMsg {
	switch s {
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

func (d *modalDriver) screen(w, h int) string { return ansi.Strip(d.m.View(w, h)) }

const (
	demoUserCode = "WDJB-MJHT"
	demoVerify   = "https://idp.example.com/device"
	// rawAccess and rawRefresh must never reach the screen.
	rawAccess  = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"
	rawRefresh = "rt-0123456789abcdef"
)

func demoDeviceCode(t *testing.T) auth.DeviceCode {
	t.Helper()
	complete := demoVerify + "?user_code=" + demoUserCode
	qr, err := auth.DrawQR(complete)
	if err != nil {
		t.Fatal(err)
	}
	return auth.DeviceCode{VerificationURI: demoVerify, VerificationURIComplete: complete,
		UserCode: demoUserCode, Expires: modalNow.Add(10 * time.Minute), QR: qr}
}

// deviceScript shows a code, says it waits, and finishes when release is
// closed, answering with a response whose tokens are NOT masked (the
// modal must mask them itself), or ends with ctx.
func deviceScript(code auth.DeviceCode, release <-chan struct{}) tokenScript {
	return tokenScript{run: func(ctx context.Context, _ TokenAction, ui auth.FlowUI) TokenOutcome {
		ui.ShowDeviceCode(code)
		ui.Say("Waiting for the code to be approved…")
		select {
		case <-release:
		case <-ctx.Done():
			return TokenOutcome{Err: fmt.Errorf("the device authorization was cancelled: %w", ctx.Err())}
		}
		ui.Say("Device authorization approved.")
		return TokenOutcome{Token: rawAccess, Response: map[string]any{
			"access_token": rawAccess, "refresh_token": rawRefresh, "token_type": "Bearer", "expires_in": 300.0,
			"nested": map[string]any{"id_token": rawAccess}, "scope": "openid offline_access"}}
	}}
}

// TestTokenModalDeviceCode: the address, the user code spaced in its box,
// the countdown and every row of the QR code are on screen; c copies the
// address with the code filled in; approval ends with the response masked
// and Done reports the token once.
func TestTokenModalDeviceCode(t *testing.T) {
	code := demoDeviceCode(t)
	release := make(chan struct{})
	d := startDriver(t, deviceScript(code, release), TokenGet, 1)
	d.until("the device code", func(m tokenModal) bool { return m.code != nil && len(m.said) > 0 })

	screen := d.screen(120, 40)
	for _, want := range []string{demoVerify, "W D J B - M J H T", "expires in 10m0s", "Waiting for the code to be approved", "c copy address"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	for i, row := range strings.Split(strings.TrimRight(code.QR, "\n"), "\n") {
		if !strings.Contains(screen, row) {
			t.Fatalf("QR row %d missing:\n%s", i, screen)
		}
	}
	if cmd := d.key("c"); cmd == nil || fmt.Sprint(cmd()) != code.VerificationURIComplete {
		t.Error("c did not copy the verification address")
	}

	close(release)
	d.until("the outcome", func(m tokenModal) bool { return m.outcome != nil })
	if len(d.done) != 1 || d.done[0].Token != rawAccess || d.done[0].Profile != "staging" {
		t.Fatalf("Done reported %+v", d.done)
	}
	screen = d.screen(120, 40)
	for _, want := range []string{"✓ done", "Access token " + auth.Fingerprint(rawAccess), `"refresh_token": "` + auth.Fingerprint(rawRefresh), `"scope": "openid offline_access"`, "Device authorization approved."} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, rawAccess) || strings.Contains(screen, rawRefresh) || strings.Contains(screen, demoUserCode) {
		t.Errorf("a secret or the finished code is on screen:\n%s", screen)
	}
	d.feed(modalKey("down"))
	if _, ok := d.m.Done(); ok {
		t.Error("Done reported the outcome twice")
	}
	if d.key("enter"); d.m.Open() {
		t.Error("enter did not close the finished modal")
	}
}

// TestTokenModalScrollsToQR: on 80×24 the QR code sits below the text;
// the footer says more follows, and end brings the last row into view.
func TestTokenModalScrollsToQR(t *testing.T) {
	code := demoDeviceCode(t)
	d := startDriver(t, deviceScript(code, make(chan struct{})), TokenGet, 1)
	d.until("the device code", func(m tokenModal) bool { return m.code != nil })
	d.m.SetSize(80, 24)
	rows := strings.Split(strings.TrimRight(code.QR, "\n"), "\n")
	last := rows[len(rows)-1]
	if screen := d.screen(80, 24); strings.Contains(screen, last) || !strings.Contains(screen, "more") {
		t.Fatalf("expected the QR code to continue below:\n%s", screen)
	}
	d.key("end")
	if screen := d.screen(80, 24); !strings.Contains(screen, last) {
		t.Errorf("end did not reach the QR code's last row:\n%s", screen)
	}
}

// TestTokenModalError: a refusal is shown in words (with what to do),
// with the endpoint's answer below; control characters from the server
// are shown as escapes, never sent to the terminal.
func TestTokenModalError(t *testing.T) {
	refusal := &auth.TokenError{Endpoint: "token endpoint", Grant: "client_credentials", Status: 401,
		Code: "invalid_client", Description: "bad secret \x1b[2Jgone"}
	err := fmt.Errorf("%w Check client_id %q and the client secret in the keyring; replace the secret with: why401 secret set staging client_secret", refusal, "cli")
	d := startDriver(t, tokenScript{run: func(context.Context, TokenAction, auth.FlowUI) TokenOutcome {
		return TokenOutcome{Err: err, Response: map[string]any{"error": "invalid_client", "error_description": "bad secret \x1b[2Jgone"}}
	}}, TokenGet, 3)
	d.until("the outcome", func(m tokenModal) bool { return m.outcome != nil })
	raw := d.m.View(120, 40)
	if strings.Contains(raw, "\x1b[2J") {
		t.Fatal("a server's escape sequence reached the terminal")
	}
	screen := ansi.Strip(raw)
	for _, want := range []string{"✗ failed", "refused the client credentials (invalid_client)", `\x1b[2Jgone`, "why401 secret set staging client_secret", "The token endpoint answered", `"error": "invalid_client"`} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	if len(d.done) != 1 || d.done[0].Err == nil {
		t.Errorf("Done reported %+v", d.done)
	}
}

// TestTokenModalOutcomes: forget and a cached token each say what
// happened (no response to show).
func TestTokenModalOutcomes(t *testing.T) {
	tests := []struct {
		action TokenAction
		out    TokenOutcome
		want   string
	}{
		{TokenForget, TokenOutcome{}, "cached tokens of staging are forgotten"},
		{TokenGet, TokenOutcome{Token: rawAccess}, "from the cache: no request was made"},
		{TokenRefresh, TokenOutcome{Token: rawAccess, Response: map[string]any{"access_token": auth.Fingerprint(rawAccess)}}, "Token endpoint response (secrets masked)"},
	}
	for i, tt := range tests {
		d := startDriver(t, tokenScript{run: func(context.Context, TokenAction, auth.FlowUI) TokenOutcome { return tt.out }}, tt.action, i+1)
		d.until("the outcome", func(m tokenModal) bool { return m.outcome != nil })
		if screen := d.screen(100, 30); !strings.Contains(screen, tt.want) {
			t.Errorf("%v: screen lacks %q:\n%s", tt.action, tt.want, screen)
		}
	}
	// No Backend (why401 inspect without a config): said, not a panic.
	d := startDriver(t, nil, TokenGet, 9)
	d.until("the outcome", func(m tokenModal) bool { return m.outcome != nil })
	if !errors.Is(d.m.outcome.Err, errNoBackend) {
		t.Errorf("without a Backend: %v", d.m.outcome.Err)
	}
}

// TestTokenModalEscCancels: esc closes the modal and cancels the flow's
// context; the flow's later calls return at once (nobody listens), and
// its late result, like any message of an earlier action, is dropped.
func TestTokenModalEscCancels(t *testing.T) {
	cancelled := make(chan error, 1)
	finished := make(chan struct{})
	script := tokenScript{run: func(ctx context.Context, _ TokenAction, ui auth.FlowUI) TokenOutcome {
		defer close(finished)
		ui.ShowDeviceCode(demoDeviceCode(t))
		<-ctx.Done()
		cancelled <- ctx.Err()
		for range 2 * flowBuffer { // more than the buffer holds: must not block
			ui.Say("still polling")
		}
		return TokenOutcome{Token: rawAccess}
	}}
	d := startDriver(t, script, TokenGet, 7)
	d.until("the device code", func(m tokenModal) bool { return m.code != nil })
	if d.key("esc"); d.m.Open() {
		t.Fatal("esc did not close the modal")
	}
	select {
	case err := <-cancelled:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("ctx.Err() = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the flow's context was not cancelled")
	}
	select {
	case <-finished:
	case <-time.After(5 * time.Second):
		t.Fatal("the flow blocked sending to a closed modal")
	}

	late := tokenDoneMsg{id: 7, outcome: TokenOutcome{Token: rawAccess}}
	if cmd := d.feed(late); cmd != nil || d.m.Open() || len(d.done) != 0 {
		t.Error("a result for the closed modal was taken")
	}
	next, _ := startTokenAction(modalCommon(), script, "staging", TokenGet, 8)
	defer next.Close()
	for _, msg := range []tea.Msg{deviceCodeMsg{id: 7, code: demoDeviceCode(t)}, flowSayMsg{id: 7, text: "old"}, late} {
		if !next.Owns(msg) {
			t.Errorf("%T not owned: the root would route it elsewhere", msg)
		}
		var cmd tea.Cmd
		if next, cmd = next.Update(msg); cmd != nil || next.code != nil || next.said != nil || next.outcome != nil {
			t.Errorf("the new modal took %T of the earlier action", msg)
		}
	}
}

// TestTokenModalFits: at every size from 80×24 to 220×60, in each state,
// no line is wider than the screen and the box is never taller.
func TestTokenModalFits(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("a very long error_description without end ", 12)
	states := map[string]tokenModal{}
	m, _ := startTokenAction(modalCommon(), nil, "a-profile-with-a-long-name", TokenGet, 1)
	defer m.Close()
	code := demoDeviceCode(t)
	m, _ = m.Update(deviceCodeMsg{id: 1, code: code})
	m, _ = m.Update(flowSayMsg{id: 1, text: long})
	states["device"] = m
	m, _ = m.Update(signInMsg{id: 1, url: "https://idp.example.com/authorize?" + strings.Repeat("x", 300)})
	states["sign-in"] = m
	resp := map[string]any{"access_token": auth.Fingerprint(rawAccess), "error_description": long, "scope": strings.Repeat("scope:x ", 40)}
	done, _ := m.Update(tokenDoneMsg{id: 1, outcome: TokenOutcome{Token: rawAccess, Response: resp}})
	states["done"] = done
	failed, _ := m.Update(tokenDoneMsg{id: 1, outcome: TokenOutcome{Err: errors.New(long), Response: resp}})
	states["error"] = failed
	for name, st := range states {
		for _, sz := range modalSizes() {
			checkFits(t, name, st.View(sz[0], sz[1]), sz[0], sz[1])
		}
	}
}

// modalSizes is every width from 80 to 220, where the box's width and
// layout change, each with a height spread over 24..60, plus the corners.
// Every pair would take minutes under -race for little more coverage.
func modalSizes() [][2]int {
	sizes := [][2]int{{80, 60}, {220, 24}}
	for w := 80; w <= 220; w++ {
		sizes = append(sizes, [2]int{w, 24 + (w*7)%37})
	}
	return sizes
}

func checkFits(t *testing.T, state, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%s %d×%d: %d lines", state, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%s %d×%d: line %d is %d wide: %q", state, w, h, i, lw, ansi.Strip(l))
		}
	}
}

// sendBackend is the Backend's Token over store/send, as the app wires it,
// for one profile.
type sendBackend struct {
	Backend
	p config.Profile
	d send.Deps
}

func (b sendBackend) Token(ctx context.Context, profile string, a TokenAction, ui auth.FlowUI) TokenOutcome {
	d := b.d
	d.UI = ui
	op := map[TokenAction]send.Action{TokenGet: send.GetToken, TokenRefresh: send.RefreshToken, TokenForget: send.ForgetToken}[a]
	res, err := send.TokenAction(ctx, b.p, op, d)
	return TokenOutcome{Profile: profile, Action: a, Token: res.Token, Response: res.Response, Err: err}
}

// TestTokenModalRealDevice drives the modal's Cmds against a real OpenID
// Provider through store/send: the device code reaches the screen, the
// test approves it as the user would, and the token arrives.
func TestTokenModalRealDevice(t *testing.T) {
	t.Parallel()
	op := oidctest.Start(t)
	base, err := url.Parse(op.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	kr := secrets.Memory()
	p := config.Profile{Name: "staging", BaseURL: base, Issuer: op.Issuer, Timeout: 10 * time.Second,
		Auth: config.Auth{Type: config.AuthOAuth2Device, ClientID: op.Native.ID, Scopes: []string{"openid", "offline_access"}}}
	b := sendBackend{p: p, d: send.Deps{Resolver: &secrets.Resolver{Keyring: kr}, Keyring: kr, Now: time.Now}}

	d := startDriver(t, b, TokenGet, 1)
	d.until("the device code", func(m tokenModal) bool { return m.code != nil })
	if screen := d.screen(120, 40); !strings.Contains(screen, d.m.code.VerificationURI) {
		t.Errorf("the verification address is not shown:\n%s", screen)
	}
	approved := make(chan error, 1)
	go func() { approved <- op.ApproveDevice(context.Background(), d.m.code.UserCode) }()
	d.until("the token", func(m tokenModal) bool { return m.outcome != nil })
	if err := <-approved; err != nil {
		t.Fatalf("approving: %v", err)
	}
	if len(d.done) != 1 || d.done[0].Err != nil || d.done[0].Token == "" {
		t.Fatalf("Done reported %+v", d.done)
	}
	tok := d.done[0].Token
	screen := d.screen(120, 40)
	if !strings.Contains(screen, auth.Fingerprint(tok)) || strings.Contains(screen, tok) || !strings.Contains(screen, "approved") {
		t.Errorf("screen:\n%s", screen)
	}
}
