package tui

import (
	"strings"
	"testing"

	"github.com/why401/why401/store/requests"
)

// The root model's send, profile, copy and save flows, on recBackend
// (fixtures_test.go); the real backend (ui/cli over store/) is exercised
// by the end-to-end tests.

func TestSendShowsOutcome(t *testing.T) {
	b := newRecBackend(t)
	m := fixtureModel(t, b, 120, 40, true)
	m = update(t, m, press("ctrl+s"))
	if !m.toastErr || len(b.sent) != 0 {
		t.Fatal("ctrl+s with no URL should say so and send nothing")
	}
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m, cmd := updateCmd(t, m, press("ctrl+s"))
	if m.flight == nil || cmd == nil {
		t.Fatal("ctrl+s should start a send")
	}
	m = settle(t, m, cmd)
	if len(b.sent) != 1 || b.sent[0] != "staging GET /v1/orders" {
		t.Fatalf("sent %v", b.sent)
	}
	if m.flight != nil || m.last["staging"] == nil {
		t.Fatal("the outcome should be filed under staging")
	}
	if !strings.Contains(plain(m), fixtureWhy) {
		t.Error("the why pane should show the diagnosis")
	}
}

func TestStaleOutcomeDropped(t *testing.T) {
	b := newRecBackend(t)
	m := fixtureModel(t, b, 120, 40, true)
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
	b := newRecBackend(t)
	b.block = make(chan struct{})
	m := fixtureModel(t, b, 120, 40, true)
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
	b := newRecBackend(t)
	m := fixtureModel(t, b, 120, 40, true)
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m, cmd := updateCmd(t, m, press("ctrl+s"))
	m = update(t, m, profileChosenMsg{name: "dev"})
	m = settle(t, m, cmd)
	if m.last["staging"] == nil {
		t.Fatal("the staging outcome should be kept")
	}
	if strings.Contains(plain(m), fixtureWhy) || m.token.Shown() {
		t.Error("dev must not show staging's response or token")
	}
	m = update(t, m, profileChosenMsg{name: "staging"})
	if !strings.Contains(plain(m), fixtureWhy) {
		t.Error("switching back should show staging's outcome")
	}
}

func TestProtectedAsksBeforePost(t *testing.T) {
	b := newRecBackend(t)
	m := fixtureModel(t, b, 120, 40, true)
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
	m = settle(t, m, cmd)
	if len(b.sent) != 1 || !strings.HasPrefix(b.sent[0], "prod DELETE") {
		t.Errorf("y should send: %v", b.sent)
	}
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	if m, _ = updateCmd(t, m, press("ctrl+s")); m.confirm.open {
		t.Error("GET on a protected profile needs no confirmation")
	}
}

func TestPickerSwitchesProfile(t *testing.T) {
	m := fixtureModel(t, newRecBackend(t), 120, 40, true)
	m = update(t, m, press("ctrl+e"))
	if !m.picker.open || !m.typing() {
		t.Fatal("ctrl+e should open the picker with focus")
	}
	for _, r := range "prd" {
		m = update(t, m, press(string(r)))
	}
	m, cmd := updateCmd(t, m, press("enter"))
	m = settle(t, m, cmd)
	if m.active != "prod" || m.picker.open {
		t.Errorf("fuzzy 'prd' + enter should switch to prod, active=%s", m.active)
	}
	if !strings.Contains(m.headerView(120), "prod") {
		t.Error("the header should show the new profile")
	}
}

func TestCopyMenu(t *testing.T) {
	b := newRecBackend(t)
	m := fixtureModel(t, b, 120, 40, true)
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
	m = settle(t, m, cmd)
	m = update(t, m, press("ctrl+y"))
	m, cmd = updateCmd(t, m, press("u"))
	var clip string
	for _, msg := range msgsOf(t, cmd) {
		if s := clipboardText(msg); s != "" {
			clip = s
		}
	}
	if !strings.Contains(clip, `"Authorization: Bearer $TOKEN"`) || strings.Contains(clip, b.token) {
		t.Errorf("curl copy must use a placeholder, got %q", clip)
	}
}

func TestSaveRequest(t *testing.T) {
	b := newRecBackend(t)
	m := fixtureModel(t, b, 120, 40, true)
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m = update(t, m, press("ctrl+n"))
	if !m.saveName.open {
		t.Fatal("ctrl+n should ask for a name")
	}
	for _, r := range "orders" {
		m = update(t, m, press(string(r)))
	}
	m, cmd := updateCmd(t, m, press("enter"))
	m = settle(t, m, cmd)
	if got := b.saved["staging"]; len(got) != 1 || got[0].Name != "orders" || got[0].URL != "/v1/orders" {
		t.Fatalf("saved %+v", got)
	}
	if len(m.profiles.saved) != 1 {
		t.Error("the saved request should be listed under the profile")
	}
}

// TestSignInNeededOpensTheModal: a device-flow profile with no token gets
// the sign-in modal at once instead of an error naming a key.
func TestSignInNeededOpensTheModal(t *testing.T) {
	b := newRecBackend(t)
	m := fixtureModel(t, b, 120, 40, true)
	m = update(t, m, profileChosenMsg{name: "sso"})
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders"})
	m, _ = updateCmd(t, m, press("ctrl+s"))
	id := m.flight.id
	m, cmd := updateCmd(t, m, outcomeMsg{id: id, outcome: Outcome{Profile: "sso", SignIn: true,
		Err: "cannot get the credentials: oauth2_device needs someone to sign in"}})
	if !m.modal.Open() || cmd == nil {
		t.Fatal("a sign-in-needed outcome should open the token modal with its Cmd")
	}
	if !strings.Contains(m.toast, "sign in to sso") {
		t.Errorf("toast %q", m.toast)
	}
}
