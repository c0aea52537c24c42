package tui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/requests"
)

// The ? overlay lists every binding (m.allGroups()). keyTable has one case
// per binding, keyed by its help key and description, and each case presses
// every key the binding matches, then asserts the state and the Cmds the
// key returned. TestHelpKeysAllTested fails when a binding appears in the
// overlay without a case, when a binding gains a key its case does not
// press, or when a case is left for a binding that no longer exists.

// keyCase tests one binding of the overlay. A binding that joins several
// (enter is "edit · done" in the request pane) has a part for each.
type keyCase struct {
	keys  []string // every key some part presses: all the binding matches
	parts []keyPart
}

// keyPart presses each of its keys in turn, each on a fresh model.
type keyPart struct {
	keys []string
	run  func(t *testing.T, k string)
}

func bindingID(b key.Binding) string { return b.Help().Key + " · " + b.Help().Desc }

// helpStates are the states whose overlay lists differ: the request and
// response panes list the bindings of their current mode.
func helpStates(t *testing.T) map[string]Model {
	t.Helper()
	m, _ := keysModel(t)
	nav := requestNav(t, withDemoRequest(m))
	withSearch := presses(t, focus(t, sent(t, m), paneResponse), "/")
	return map[string]Model{
		"start":          m,
		"url-typing":     focus(t, m, paneRequest),
		"request-params": nav,
		"request-header": presses(t, nav, "2"),
		"request-body":   presses(t, nav, "3"),
		"request-auth":   presses(t, nav, "4"),
		"request-oauth2": presses(t, requestNav(t, sso(t, m)), "4"),
		"row-editing":    presses(t, nav, "2", "enter"),
		"body-editing":   presses(t, nav, "3", "enter"),
		"token-typing":   presses(t, nav, "4", "enter"),
		"response":       focus(t, sent(t, m), paneResponse),
		"response-input": withSearch,
	}
}

func TestHelpKeysAllTested(t *testing.T) {
	table := keyTable(t)
	seen := map[string]bool{}
	var missing []string
	for state, m := range helpStates(t) {
		for _, g := range m.allGroups() {
			for _, b := range g {
				if !b.Enabled() {
					continue
				}
				id := bindingID(b)
				seen[id] = true
				c, ok := table[id]
				if !ok {
					missing = append(missing, id+" (in state "+state+")")
					continue
				}
				for _, k := range b.Keys() {
					if !slices.Contains(c.keys, k) {
						t.Errorf("%q: the binding matches %q but its case never presses it", id, k)
					}
				}
			}
		}
	}
	sort.Strings(missing)
	for _, id := range slices.Compact(missing) {
		t.Errorf("the ? overlay lists %q but keyTable has no case for it", id)
	}
	for id := range table {
		if !seen[id] {
			t.Errorf("keyTable tests %q, which the ? overlay no longer lists", id)
		}
	}
	t.Logf("%d bindings covered", len(seen))
}

func TestHelpKeys(t *testing.T) {
	for id, c := range keyTable(t) {
		t.Run(id, func(t *testing.T) {
			t.Parallel() // every part builds its own model and backend
			for i, p := range c.parts {
				for _, k := range p.keys {
					t.Run(fmt.Sprintf("%d:%s", i, k), func(t *testing.T) { p.run(t, k) })
				}
			}
		})
	}
}

// keysModel is the app at 120×40 on a recording backend.
func keysModel(t *testing.T) (Model, *recBackend) {
	t.Helper()
	b := newRecBackend(t)
	return fixtureModel(t, b, 120, 40, true), b
}

// focus moves the focus to p as tab would, running the Cmds. It calls
// setFocus outside Update, so it takes a new revision as Update does: View
// reuses the last frame of an unchanged revision.
func focus(t testing.TB, m Model, p pane) Model {
	t.Helper()
	m, cmd := m.setFocus(p)
	m.c.revs++
	m.rev = m.c.revs
	return settle(t, m, cmd)
}

// requestNav focuses the request pane and leaves the URL input, so the
// pane's single letters work.
func requestNav(t testing.TB, m Model) Model {
	t.Helper()
	m = presses(t, focus(t, m, paneRequest), "esc")
	if m.typing() {
		t.Fatal("esc should leave the URL input")
	}
	return m
}

// withDemoRequest composes a request with a query parameter and headers,
// one of them a credential.
func withDemoRequest(m Model) Model {
	m.request.Load(requests.Request{Method: "GET", URL: "/v1/orders?limit=10", Headers: []requests.Header{
		{Name: "Accept", Value: "application/json"},
		{Name: "X-Request-Id", Value: "7f3c2a"},
		{Name: "Cookie", Value: "sid=s3ss10n"},
	}})
	return m
}

// withToken pastes the demo token with no input focused.
func withToken(t *testing.T, m Model) Model {
	t.Helper()
	m, cmd := stepCmd(t, m, tea.PasteMsg{Content: demoToken(t)})
	m = settle(t, m, cmd)
	if !m.token.Shown() {
		t.Fatal("the pasted token should be shown")
	}
	return m
}

// sso switches to the OAuth2 profile.
func sso(t testing.TB, m Model) Model {
	t.Helper()
	m, cmd := stepCmd(t, m, profileChosenMsg{name: "sso"})
	return settle(t, m, cmd)
}

func wantNil(t *testing.T, what string, cmd tea.Cmd) {
	t.Helper()
	if cmd != nil {
		t.Errorf("%s: want no Cmd, got %s", what, cmdName(cmd))
	}
}

func wantCmd(t *testing.T, what string, cmd tea.Cmd) {
	t.Helper()
	if cmd == nil {
		t.Errorf("%s: want a Cmd, got nil", what)
	}
}

// onlyTimers fails unless cmd yields no message but timers' (a focused
// input's cursor blink).
func onlyTimers(t *testing.T, what string, cmd tea.Cmd) {
	t.Helper()
	if msgs := msgsOf(t, cmd); len(msgs) > 0 {
		t.Errorf("%s: want only a cursor blink, got %v", what, msgTypes(msgs))
	}
}

func keyTable(t *testing.T) map[string]keyCase {
	t.Helper()
	cases := map[string]keyCase{}
	add := func(id string, keys []string, run func(t *testing.T, k string)) {
		c := cases[id]
		for _, k := range keys {
			if !slices.Contains(c.keys, k) {
				c.keys = append(c.keys, k)
			}
		}
		c.parts = append(c.parts, keyPart{keys: keys, run: run})
		cases[id] = c
	}
	addGlobalKeys(add)
	addTokenKeys(add)
	addNavKeys(add)
	addRequestKeys(add)
	addResponseKeys(add)
	addOverlayKeys(add)
	return cases
}

type addCase func(id string, keys []string, run func(t *testing.T, k string))

func addGlobalKeys(add addCase) {
	add("ctrl+s · send", []string{"ctrl+s"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "ctrl+s with no URL", cmd)
		if !m.toastErr || !strings.Contains(m.toast, "URL") {
			t.Errorf("ctrl+s with no URL should say so, toast %q", m.toast)
		}
		// While typing the URL: ctrl+s is never typed (CONTRACT).
		m = typeText(t, focus(t, m, paneRequest), "/v1/orders")
		m, cmd = stepCmd(t, m, kp(k))
		if m.flight == nil || !m.response.sending {
			t.Fatal("ctrl+s should start the send")
		}
		msgs := msgsOf(t, cmd)
		if !hasMsg(msgs, "outcomeMsg") {
			t.Fatalf("the send's Cmd should yield its outcome, got %v", msgTypes(msgs))
		}
		for _, msg := range msgs {
			var next tea.Cmd
			m, next = stepCmd(t, m, msg)
			m = settle(t, m, next)
		}
		if len(b.sent) != 1 || b.sent[0] != "staging GET /v1/orders" {
			t.Fatalf("Backend.Send got %v", b.sent)
		}
		if m.flight != nil || m.last["staging"] == nil || !strings.Contains(plain(m), "Why 401") {
			t.Error("the outcome should be filed and explained")
		}
		// A protected profile asks before a DELETE; the question owns the keys.
		m = step(t, m, profileChosenMsg{name: "prod"})
		m.request.Load(requests.Request{Method: "DELETE", URL: "/v1/orders/1"})
		m, cmd = stepCmd(t, m, kp(k))
		wantNil(t, "ctrl+s on a protected profile", cmd)
		if !m.confirm.open || len(b.sent) != 1 {
			t.Fatal("a DELETE on prod must ask first")
		}
		m, cmd = stepCmd(t, m, kp("y"))
		wantCmd(t, "y sends", cmd)
		if settle(t, m, cmd); len(b.sent) != 2 || !strings.HasPrefix(b.sent[1], "prod DELETE") {
			t.Errorf("y should send: %v", b.sent)
		}
	})

	add("esc · cancel the send in flight", []string{"esc"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "esc with nothing to cancel or close", cmd)
		b.block = make(chan struct{})
		m.request.Load(requests.Request{Method: "GET", URL: "/slow"})
		m, cmd = stepCmd(t, m, kp("ctrl+s"))
		id := m.flight.id
		// Run the send as the program would, on its own goroutine.
		cmds, _ := cmdList(cmd())
		result := make(chan tea.Msg, len(cmds))
		for _, c := range cmds {
			if c != nil && !isTimer(c) {
				go func() { result <- c() }()
			}
		}
		m, cmd = stepCmd(t, m, kp(k))
		wantNil(t, "esc cancelling", cmd)
		if m.flight != nil || m.response.sending || m.toast != "request cancelled" {
			t.Fatalf("esc should cancel the send (toast %q)", m.toast)
		}
		select {
		case msg := <-result:
			o, ok := msg.(outcomeMsg)
			if !ok || o.id != id || o.outcome.Err != "cancelled" {
				t.Fatalf("the send should end with its context cancelled, got %#v", msg)
			}
			if m = step(t, m, msg); m.last["staging"] != nil {
				t.Error("a cancelled send's outcome must be dropped")
			}
		case <-time.After(cmdTimeout):
			t.Fatal("esc did not cancel the send's context")
		}
	})

	add("ctrl+e · switch profile", []string{"ctrl+e"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = focus(t, m, paneRequest) // works while typing
		m, cmd := stepCmd(t, m, kp(k))
		if !m.picker.open || !m.typing() {
			t.Fatal("ctrl+e should open the picker with the keyboard")
		}
		onlyTimers(t, "ctrl+e", cmd)
		m = typeText(t, m, "prd")
		m, cmd = stepCmd(t, m, kp("enter"))
		if m.active != "prod" || m.picker.open {
			t.Fatalf("prd + enter should switch to prod, active %q", m.active)
		}
		msgs := msgsOf(t, cmd)
		if !hasMsg(msgs, "historyLoadedMsg") || !hasMsg(msgs, "savedLoadedMsg") {
			t.Errorf("switching should load prod's history and saved requests, got %v", msgTypes(msgs))
		}
	})

	add("ctrl+t · inspect token", []string{"ctrl+t"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, m, kp(k))
		if !m.inspector.open || !m.typing() {
			t.Fatal("ctrl+t should open the inspector with the keyboard")
		}
		onlyTimers(t, "ctrl+t", cmd)
		m = step(t, m, tea.PasteMsg{Content: "Authorization: Bearer " + demoToken(t)})
		m, cmd = stepCmd(t, m, kp("enter"))
		msgs := msgsOf(t, cmd)
		if !hasMsg(msgs, "inspectRequestMsg") {
			t.Fatalf("enter should yield inspectRequestMsg, got %v", msgTypes(msgs))
		}
		m, cmd = stepCmd(t, m, msgs[0])
		if !m.token.Shown() || m.focus != paneToken || !m.ticking {
			t.Error("the token should be decoded, focused and counting down")
		}
		wantCmd(t, "decoding starts the countdown", cmd)
	})

	add("ctrl+y · copy menu", []string{"ctrl+y"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = focus(t, sent(t, m), paneRequest) // works while typing
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "ctrl+y", cmd)
		if !m.copyMenu.open || !strings.Contains(plain(m), "Copy to clipboard") {
			t.Fatal("ctrl+y should open the copy menu")
		}
		if m = presses(t, m, "esc"); m.copyMenu.open {
			t.Error("esc should close the copy menu")
		}
		// ctrl+y over another menu closes that and opens this one.
		if m = presses(t, m, "?", k); m.showHelp || !m.copyMenu.open {
			t.Error("ctrl+y in the help should close it and open the copy menu")
		}
	})

	add("ctrl+n · save request by name", []string{"ctrl+n"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		m = withDemoRequest(m)
		m, cmd := stepCmd(t, m, kp(k))
		if !m.saveName.open || !m.typing() {
			t.Fatal("ctrl+n should ask for a name")
		}
		onlyTimers(t, "ctrl+n", cmd)
		m = typeText(t, m, "orders")
		m, cmd = stepCmd(t, m, kp("enter"))
		if msgs := msgsOf(t, cmd); !hasMsg(msgs, "saveNameMsg") {
			t.Fatalf("enter should yield the name, got %v", msgTypes(msgs))
		}
		m = settle(t, m, cmd)
		if got := b.saved["staging"]; len(got) != 1 || got[0].Name != "orders" || got[0].URL != "/v1/orders?limit=10" {
			t.Fatalf("Backend.Save got %+v", got)
		}
		if len(m.profiles.saved) != 1 || m.toast != "saved orders in staging" {
			t.Errorf("the saved request should be listed (toast %q)", m.toast)
		}
	})

	add("tab · next pane", []string{"tab"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		order := []pane{paneHistory, paneRequest, paneResponse, paneToken, paneWhy, paneProfiles}
		for _, want := range order {
			var cmd tea.Cmd
			m, cmd = stepCmd(t, m, kp(k))
			if m.focus != want {
				t.Fatalf("tab: focus %v, want %v", m.focus, want)
			}
			if want == paneRequest {
				if !m.typing() {
					t.Error("focusing the request pane starts typing in the URL")
				}
				onlyTimers(t, "tab to the request pane", cmd)
			} else {
				wantNil(t, "tab to "+want.title(), cmd)
			}
		}
		// Below 120 columns the side panes are tabs: tab brings each forward.
		m = step(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
		m = focus(t, m, paneResponse)
		m = presses(t, m, k)
		if m.focus != paneToken || m.sideTab != paneToken || !strings.Contains(plain(m), "No token yet") {
			t.Error("tab into the folded side panes should show the token tab")
		}
	})

	add("shift+tab · previous pane", []string{"shift+tab"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, m, kp(k))
		if m.focus != paneWhy || m.sideTab != paneWhy {
			t.Fatalf("shift+tab from Profiles: focus %v", m.focus)
		}
		wantNil(t, "shift+tab", cmd)
		m = presses(t, focus(t, m, paneResponse), k) // from the response pane into the URL
		if m.focus != paneRequest || !m.typing() {
			t.Errorf("shift+tab from Response: focus %v", m.focus)
		}
		m = presses(t, m, k) // the URL is one line: shift+tab leaves it
		if m.focus != paneHistory {
			t.Errorf("shift+tab from the URL input: focus %v", m.focus)
		}
	})

	add("/ · search the response", []string{"/"}, func(t *testing.T, k string) {
		// The response is the one viewer with a search: / from any pane
		// (no input focused) goes there and opens it.
		m, _ := keysModel(t)
		m = sent(t, m)
		for _, from := range []pane{paneProfiles, paneHistory, paneToken, paneWhy, paneResponse} {
			s, cmd := stepCmd(t, focus(t, m, from), kp(k))
			if s.focus != paneResponse || !s.response.Typing() || !s.typing() {
				t.Fatalf("/ from %s should open the response's search", from.title())
			}
			onlyTimers(t, "/ from "+from.title(), cmd)
			s = pasted(t, s, "sku")
			if s.request.URL() != "/v1/orders" || s.response.search.query != "sku" {
				t.Errorf("from %s the query should be typed into the search", from.title())
			}
		}
		// Nothing shown yet: the focus moves, nothing opens.
		s, _ := keysModel(t)
		if s = presses(t, s, k); s.focus != paneResponse || s.typing() {
			t.Error("/ with no response should only move to the response pane")
		}
		// In the URL input / is typed.
		s = typeText(t, focus(t, m, paneRequest), "/v1/")
		if got := s.request.URL(); got != "/v1/orders/v1/" {
			t.Errorf("/ should be typed in the URL, got %q", got)
		}
	})
}

func addTokenKeys(add addCase) {
	actions := map[string]TokenAction{"g": TokenGet, "r": TokenRefresh, "F": TokenForget}
	verbs := map[string]string{"g": "Get token", "r": "Refresh token", "F": "Forget tokens"}
	for id, k := range map[string]string{
		"g · get OAuth2 token (token/profiles pane)":     "g",
		"r · refresh OAuth2 token (token/profiles pane)": "r",
		"F · forget OAuth2 token (token/profiles pane)":  "F",
	} {
		add(id, []string{k}, func(t *testing.T, k string) {
			m, b := keysModel(t)
			m, cmd := stepCmd(t, m, kp(k))
			wantNil(t, k+" on a bearer profile", cmd)
			if m.modal.Open() || !m.toastErr || !strings.Contains(m.toast, "OAuth2") {
				t.Errorf("%s on a bearer profile should say it needs OAuth2, toast %q", k, m.toast)
			}
			m = sso(t, m)
			for _, p := range []pane{paneProfiles, paneToken} {
				m = focus(t, m, p)
				m, cmd = stepCmd(t, m, kp(k))
				if !m.modal.Open() || m.modal.action != actions[k] || !m.modal.Busy() {
					t.Fatalf("%s in %s should open the token modal for %v", k, p.title(), actions[k])
				}
				wantCmd(t, k, cmd)
				if !strings.Contains(plain(m), verbs[k]+" · sso") {
					t.Error("the modal should name the action and the profile")
				}
				m = settle(t, m, cmd)
				if n := len(b.actions); n == 0 || b.actions[n-1] != actions[k] {
					t.Fatalf("Backend.Token got %v", b.actions)
				}
				if !m.modal.Open() || m.modal.Busy() || !strings.Contains(plain(m), "invalid_client") {
					t.Error("the modal should stay open with the endpoint's refusal")
				}
				m, cmd = stepCmd(t, m, kp("esc"))
				wantNil(t, "esc closing the modal", cmd)
				if m.modal.Open() {
					t.Error("esc should close the modal")
				}
			}
			// Only there: in the other panes the letter is theirs (the
			// response pane's g goes to the top), and in the URL it is typed.
			for _, p := range []pane{paneHistory, paneResponse, paneWhy} {
				if s, _ := stepCmd(t, focus(t, m, p), kp(k)); s.modal.Open() {
					t.Errorf("%s in %s must not start a token action", k, p.title())
				}
			}
			s := typeText(t, focus(t, m, paneRequest), k)
			if s.modal.Open() || s.request.URL() != k {
				t.Errorf("%s should be typed in the URL, got %q", k, s.request.URL())
			}
			if len(b.actions) != 2 {
				t.Errorf("Backend.Token calls %v", b.actions)
			}
			// Without a Backend (why401 inspect): said, not a panic.
			m = sso(t, fixtureModel(t, nil, 120, 40, true))
			if m, cmd = stepCmd(t, m, kp(k)); m.modal.Open() || !m.toastErr || cmd != nil {
				t.Error("token actions without a Backend should only say why not")
			}
		})
	}

	add("v · verify token (token pane)", []string{"v"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		m, cmd := stepCmd(t, focus(t, m, paneToken), kp(k))
		wantNil(t, "v with no token", cmd)
		m = withToken(t, m)
		m, cmd = stepCmd(t, m, kp(k))
		msgs := msgsOf(t, cmd)
		if len(msgs) != 1 || !hasMsg(msgs, "verifyRequestMsg") {
			t.Fatalf("v should ask the root to verify, got %v", msgTypes(msgs))
		}
		m, cmd = stepCmd(t, m, msgs[0])
		if !strings.HasPrefix(m.toast, "verifying with staging") {
			t.Errorf("toast %q", m.toast)
		}
		msgs = msgsOf(t, cmd)
		if !hasMsg(msgs, "verifiedMsg") || len(b.verified) != 1 || b.verified[0] != "staging "+demoToken(t) {
			t.Fatalf("the Cmd should call Backend.Verify: %v, %v", msgTypes(msgs), b.verified)
		}
		m = step(t, m, msgs[0])
		if !m.toastErr || m.toast != "not verified: no keys" {
			t.Errorf("toast %q", m.toast)
		}
		// v belongs to the token pane: elsewhere it does nothing.
		m, cmd = stepCmd(t, focus(t, m, paneHistory), kp(k))
		wantNil(t, "v in the history pane", cmd)
	})

	add("m · fetch resource metadata (why pane)", []string{"m"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		m, cmd := stepCmd(t, focus(t, m, paneWhy), kp(k))
		wantNil(t, "m with nothing explained", cmd)
		m = focus(t, sent(t, m), paneWhy)
		if !strings.Contains(whyText(m), "m fetches the resource metadata") {
			t.Error("the why pane should offer the metadata")
		}
		m, cmd = stepCmd(t, m, kp(k))
		msgs := msgsOf(t, cmd)
		if len(msgs) != 1 || !hasMsg(msgs, "metadataRequestMsg") {
			t.Fatalf("m should ask the root to fetch, got %v", msgTypes(msgs))
		}
		m, cmd = stepCmd(t, m, msgs[0])
		if m.toast != "fetching resource metadata…" || b.metadata != 0 {
			t.Errorf("the fetch must run in the Cmd, not in Update (toast %q)", m.toast)
		}
		m = settle(t, m, cmd)
		if b.metadata != 1 || m.toast != "resource metadata fetched" || !strings.Contains(whyText(m), "Resource metadata") {
			t.Errorf("Backend.FetchMetadata calls %d, toast %q", b.metadata, m.toast)
		}
	})
}

func addNavKeys(add addCase) {
	add("↑/k · up", []string{"up", "k"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		if m.profiles.cursor != 1 {
			t.Fatalf("the cursor starts on staging, got %d", m.profiles.cursor)
		}
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		if m.profiles.cursor != 0 {
			t.Errorf("%s: cursor %d", k, m.profiles.cursor)
		}
		m = presses(t, m, k)
		if m.profiles.cursor != 0 {
			t.Error("the cursor stops at the top")
		}
		// The history pane too.
		m = presses(t, focus(t, m, paneHistory), "down", "down", k)
		if m.history.cursor != 1 {
			t.Errorf("history cursor %d", m.history.cursor)
		}
	})

	add("↓/j · down", []string{"down", "j"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		if m.profiles.cursor != 2 {
			t.Errorf("%s: cursor %d", k, m.profiles.cursor)
		}
		m = presses(t, m, k, k, k)
		if m.profiles.cursor != 3 {
			t.Error("the cursor stops at the last profile")
		}
		m = presses(t, focus(t, m, paneHistory), k)
		if m.history.cursor != 1 {
			t.Errorf("history cursor %d", m.history.cursor)
		}
	})

	add("pgup/pgdn · scroll", []string{"pgup", "pgdown"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = withToken(t, step(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}))
		if len(m.token.lines()) <= m.lay.Token.H-2 {
			t.Fatal("the token should not fit, for paging")
		}
		m, cmd := stepCmd(t, m, kp("pgdown"))
		wantNil(t, "pgdown", cmd)
		down := m.token.top
		if down == 0 || !strings.Contains(plain(m), "Token "+itoa(down+1)+"–") {
			t.Fatalf("pgdown should page the token pane, top %d", down)
		}
		if k == "pgup" {
			m = presses(t, m, k)
			if m.token.top != 0 {
				t.Errorf("pgup: top %d", m.token.top)
			}
		}
		// The why pane pages the same way.
		m = focus(t, sent(t, m), paneWhy)
		m = presses(t, m, "pgdown")
		if m.why.top == 0 {
			t.Error("pgdown should page the why pane")
		}
		if k == "pgup" {
			if m = presses(t, m, k); m.why.top != 0 {
				t.Errorf("pgup: why top %d", m.why.top)
			}
		}
	})

	add("enter · select / edit / decode", []string{"enter"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		b.saved = map[string][]requests.Request{"prod": {{Name: "list", Method: "GET", URL: "/v1/list"}}}
		m = presses(t, m, "down")
		m, cmd := stepCmd(t, m, kp(k))
		if m.active != "prod" || !strings.Contains(m.headerView(120), "prod") {
			t.Fatalf("enter on prod should switch to it, active %q", m.active)
		}
		msgs := msgsOf(t, cmd)
		if !hasMsg(msgs, "historyLoadedMsg") || !hasMsg(msgs, "savedLoadedMsg") {
			t.Fatalf("switching should load prod's lists, got %v", msgTypes(msgs))
		}
		m = settle(t, m, cmd)
		// enter on a saved request loads it into the composer.
		m = presses(t, m, "down")
		m, cmd = stepCmd(t, m, kp(k))
		if msgs := msgsOf(t, cmd); !hasMsg(msgs, "loadRequestMsg") {
			t.Fatalf("enter on a saved request yields loadRequestMsg, got %v", msgTypes(msgs))
		}
		m = settle(t, m, cmd)
		if m.request.URL() != "/v1/list" || m.focus != paneRequest {
			t.Errorf("the saved request should be loaded and focused, URL %q", m.request.URL())
		}
		// enter on a history entry loads it too.
		m = focus(t, m, paneHistory)
		m, cmd = stepCmd(t, m, kp(k))
		m = settle(t, m, cmd)
		if m.request.URL() != "/v1/orders?limit=10" { // as a path: on the profile's origin
			t.Errorf("enter on history loaded %q", m.request.URL())
		}
	})

	add("esc · close / leave input", []string{"esc"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = sent(t, m)
		opened := map[string]func(Model) bool{
			"?":      func(m Model) bool { return m.showHelp },
			"ctrl+t": func(m Model) bool { return m.inspector.open },
			"ctrl+e": func(m Model) bool { return m.picker.open },
			"ctrl+y": func(m Model) bool { return m.copyMenu.open },
			"ctrl+n": func(m Model) bool { return m.saveName.open },
		}
		for open, isOpen := range opened {
			m = presses(t, m, open)
			if !isOpen(m) {
				t.Fatalf("%s should open its overlay", open)
			}
			var cmd tea.Cmd
			m, cmd = stepCmd(t, m, kp(k))
			wantNil(t, "esc closing "+open, cmd)
			if isOpen(m) || m.overlayOpen() || m.typing() {
				t.Errorf("esc should close the overlay of %s", open)
			}
		}
		m = presses(t, focus(t, m, paneRequest), k)
		if m.typing() || m.focus != paneRequest {
			t.Error("esc should leave the URL input and keep the focus")
		}
	})

	add("? · help", []string{"?"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		m = step(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}) // the list is longer than the box
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "?", cmd)
		if !m.showHelp || !strings.Contains(plain(m), "send") || !strings.Contains(plain(m), "scroll") {
			t.Fatal("? should open the overlay, scrollable at 80×24")
		}
		for _, other := range []string{"q", "tab", "g", "v"} {
			m, cmd = stepCmd(t, m, kp(other))
			if !m.showHelp || quits(t, cmd) || m.focus != paneProfiles || m.modal.Open() {
				t.Errorf("the overlay owns the keys: %s got through", other)
			}
		}
		first := plain(m)
		if m = presses(t, m, "down", "pgdown"); m.helpTop == 0 || plain(m) == first {
			t.Error("↓ and pgdn should scroll the list")
		}
		if m = presses(t, m, "up", "pgup"); m.helpTop != 0 {
			t.Errorf("↑ and pgup should scroll back, top %d", m.helpTop)
		}
		if m = presses(t, m, k); m.showHelp {
			t.Error("? again should close the overlay")
		}
		// CONTRACT: ctrl+s works from anywhere: it closes the help and sends.
		m = presses(t, withDemoRequest(m), k, "ctrl+s")
		if m.showHelp || len(b.sent) != 1 {
			t.Errorf("ctrl+s in the help should close it and send (sent %v)", b.sent)
		}
		m = typeText(t, focus(t, m, paneRequest), k)
		if m.showHelp || !strings.HasSuffix(m.request.URL(), "?") {
			t.Error("? should be typed while the URL input has focus")
		}
	})

	add("q · quit", []string{"q"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		if _, cmd := stepCmd(t, m, kp(k)); !quits(t, cmd) {
			t.Error("q with no input focused should quit")
		}
		if _, cmd := stepCmd(t, requestNav(t, m), kp(k)); !quits(t, cmd) {
			t.Error("q in the request pane, not typing, should quit")
		}
		m = focus(t, m, paneRequest)
		m, cmd := stepCmd(t, m, kp(k))
		if quits(t, cmd) || m.request.URL() != "q" {
			t.Error("q is typed in the URL input")
		}
		if _, cmd = stepCmd(t, presses(t, m, "ctrl+e"), kp(k)); quits(t, cmd) {
			t.Error("q is typed in the picker")
		}
	})

	add("ctrl+c · quit", []string{"ctrl+c"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		states := map[string]Model{
			"start":     m,
			"typing":    focus(t, m, paneRequest),
			"help":      presses(t, m, "?"),
			"inspector": presses(t, m, "ctrl+t"),
			"modal":     presses(t, sso(t, m), "g"),
		}
		for name, s := range states {
			if _, cmd := stepCmd(t, s, kp(k)); !quits(t, cmd) {
				t.Errorf("ctrl+c should quit (%s)", name)
			}
		}
	})
}

func addRequestKeys(add addCase) {
	add("m/M · next / previous method", []string{"m", "M", "shift+m"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = requestNav(t, m)
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		want := map[string]string{"m": "POST", "M": "OPTIONS", "shift+m": "OPTIONS"}[k]
		if got := m.request.Method(); got != want {
			t.Errorf("%s: method %s, want %s", k, got, want)
		}
		if !strings.Contains(plain(m), want) {
			t.Error("the pane should show the method")
		}
	})

	add("←/→ h/l [/] 1-4 · params · headers · body · auth", []string{"right", "l", "]", "left", "h", "["}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = requestNav(t, m)
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		want := map[string]requestTab{"right": tabHeaders, "l": tabHeaders, "]": tabHeaders,
			"left": tabAuth, "h": tabAuth, "[": tabAuth}[k] // left wraps from Params
		if m.request.tab != want {
			t.Errorf("%s: tab %d, want %d", k, m.request.tab, want)
		}
	})

	add("←/→ h/l [/] 1-4 · params · headers · body · auth", []string{"1", "2", "3", "4"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, requestNav(t, m), kp(k))
		wantNil(t, k, cmd)
		if want := requestTab(k[0] - '1'); m.request.tab != want {
			t.Errorf("%s: tab %d", k, m.request.tab)
		}
	})

	add("u · edit URL", []string{"u"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, requestNav(t, m), kp(k))
		if !m.request.url.Focused() || !m.typing() {
			t.Fatal("u should put the keyboard in the URL")
		}
		onlyTimers(t, "u", cmd)
	})

	add("↑/↓ k/j · move · earlier URLs (URL) · name / value (row)", []string{"up", "k", "down", "j"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = presses(t, requestNav(t, withDemoRequest(m)), "2", "down")
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		want := map[string]int{"up": 0, "k": 0, "down": 2, "j": 2}[k]
		if got := m.request.cursor[tabHeaders]; got != want {
			t.Errorf("%s: row %d, want %d", k, got, want)
		}
	})

	add("enter · edit · done", []string{"enter"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		nav := requestNav(t, withDemoRequest(m))
		for tab, check := range map[string]func(Model) bool{
			"1": func(m Model) bool { return m.request.edit.active && m.request.edit.value.Value() == "10" },
			"2": func(m Model) bool { return m.request.edit.active && m.request.edit.value.Value() == "application/json" },
			"3": func(m Model) bool { return m.request.body.Focused() },
			"4": func(m Model) bool { return m.request.token.Focused() && m.request.auth == requests.AuthBearer },
		} {
			m, cmd := stepCmd(t, presses(t, nav, tab), kp(k))
			if !check(m) || !m.typing() {
				t.Errorf("enter on tab %s should start editing", tab)
			}
			onlyTimers(t, "enter on tab "+tab, cmd)
		}
	})

	add("a · add", []string{"a"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = presses(t, requestNav(t, withDemoRequest(m)), "2")
		m, cmd := stepCmd(t, m, kp(k))
		onlyTimers(t, "a", cmd)
		if e := m.request.edit; !e.active || e.index != 3 || e.field != fieldName {
			t.Fatal("a should start a new row at its name")
		}
		m = typeText(t, m, "X-Trace")
		m = typeText(t, presses(t, m, "enter"), "on")
		m = presses(t, m, "enter")
		if hs := m.request.Draft().Headers; len(hs) != 4 || hs[3].Name != "X-Trace" || hs[3].Value != "on" {
			t.Errorf("headers %+v", hs)
		}
	})

	add("d/x · delete", []string{"d", "x"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = presses(t, requestNav(t, withDemoRequest(m)), "2")
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		if hs := m.request.Draft().Headers; len(hs) != 2 || hs[0].Name != "X-Request-Id" {
			t.Errorf("%s should delete the selected header: %+v", k, hs)
		}
		m = presses(t, m, "1", k)
		if strings.Contains(m.request.URL(), "limit") {
			t.Errorf("%s on Params should delete the parameter: %q", k, m.request.URL())
		}
	})

	add("space · header on/off", []string{"space"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = presses(t, requestNav(t, withDemoRequest(m)), "2")
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		if !m.request.Draft().Headers[0].Off {
			t.Error("space should switch the header off")
		}
		if m = presses(t, m, k); m.request.Draft().Headers[0].Off {
			t.Error("space again should switch it on")
		}
	})

	add("s · show / hide secrets", []string{"s"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, requestNav(t, m), kp(k))
		wantNil(t, k, cmd)
		if m.request.reveal || !strings.Contains(m.request.Notice(), "nothing to reveal") {
			t.Error("s with no secret should say so")
		}
		m = presses(t, requestNav(t, withDemoRequest(m)), "2")
		if strings.Contains(plain(m), "s3ss10n") {
			t.Fatal("the cookie must be masked before s")
		}
		if m = presses(t, m, k); !m.request.reveal || !strings.Contains(plain(m), "s3ss10n") {
			t.Error("s should reveal the cookie")
		}
		if m = presses(t, m, k); m.request.reveal || strings.Contains(plain(m), "s3ss10n") {
			t.Error("s again should hide it")
		}
	})

	add("o · auth: profile / none / token", []string{"o"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, requestNav(t, m), kp(k))
		wantNil(t, k, cmd)
		if m.request.tab != tabAuth || m.request.auth != nextAuth(requests.AuthProfile) {
			t.Errorf("o should show the Auth tab and change the mode, auth %v", m.request.auth)
		}
		m = presses(t, m, k, k)
		if m.request.auth != requests.AuthProfile {
			t.Errorf("o cycles back to the profile's credentials, auth %v", m.request.auth)
		}
	})

	add("ctrl+o · body in $EDITOR", []string{"ctrl+o"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = focus(t, m, paneRequest) // works while typing the URL
		m, cmd := stepCmd(t, m, kp(k))
		// Not run: it would write a temp file and start an editor.
		if cmd == nil || !strings.Contains(cmdName(cmd), "openEditor") {
			t.Fatalf("ctrl+o should return the editor Cmd, got %v", cmd != nil)
		}
		if m.request.tab != tabBody || m.typing() {
			t.Error("ctrl+o should leave the URL and show the Body tab")
		}
		m = step(t, m, bodyEditedMsg{text: `{"qty":2}`})
		if m.request.Draft().Body != `{"qty":2}` {
			t.Error("the edited body should come back into the pane")
		}
	})

	add("esc · leave input", []string{"esc"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		nav := requestNav(t, withDemoRequest(m))
		for name, s := range map[string]Model{
			"url":  focus(t, m, paneRequest),
			"row":  presses(t, nav, "2", "enter"),
			"body": presses(t, nav, "3", "enter"),
			"auth": presses(t, nav, "4", "enter"),
		} {
			if !s.typing() {
				t.Fatalf("%s: not typing", name)
			}
			s, cmd := stepCmd(t, s, kp(k))
			wantNil(t, "esc leaving "+name, cmd)
			if s.typing() || s.focus != paneRequest {
				t.Errorf("esc should leave the %s input and keep the focus", name)
			}
		}
	})

	add("enter · edit · done", []string{"enter"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		url := typeText(t, focus(t, m, paneRequest), "post /v1/things")
		url, cmd := stepCmd(t, url, kp(k))
		wantNil(t, "enter in the URL", cmd)
		if url.typing() || url.request.Method() != "POST" || url.request.URL() != "/v1/things" {
			t.Errorf("enter should take the method from the URL: %s %q", url.request.Method(), url.request.URL())
		}
		row := presses(t, requestNav(t, m), "2", "a")
		row = presses(t, typeText(t, row, "X-A"), k)
		if row.request.edit.field != fieldValue {
			t.Fatal("enter on the name moves to the value")
		}
		row = presses(t, typeText(t, row, "1"), k)
		if row.typing() || len(row.request.Draft().Headers) != 1 {
			t.Error("enter on the value saves the row")
		}
		tok := presses(t, requestNav(t, m), "4", "enter")
		tok = step(t, tok, tea.PasteMsg{Content: "Bearer " + demoToken(t)})
		if tok = presses(t, tok, k); tok.typing() || tok.request.Draft().Token != demoToken(t) {
			t.Error("enter in the token input keeps the bare token")
		}
	})

	add("↑/↓ k/j · move · earlier URLs (URL) · name / value (row)", []string{"up", "down"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = focus(t, sent(t, m), paneRequest)
		m.request.url.SetValue("/draft")
		m, cmd := stepCmd(t, m, kp("up"))
		wantNil(t, "up", cmd)
		if m.request.URL() != "/v1/orders" {
			t.Fatalf("up should recall the URL sent, got %q", m.request.URL())
		}
		if k == "down" {
			if m = presses(t, m, k); m.request.URL() != "/draft" {
				t.Errorf("down should bring the draft back, got %q", m.request.URL())
			}
		}
	})

	add("↑/↓ k/j · move · earlier URLs (URL) · name / value (row)", []string{"up", "down"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = presses(t, requestNav(t, withDemoRequest(m)), "2", "enter")
		if m.request.edit.field != fieldValue {
			t.Fatal("enter edits the value")
		}
		m, cmd := stepCmd(t, m, kp(k))
		onlyTimers(t, k, cmd)
		if m.request.edit.field != fieldName || !m.request.edit.name.Focused() {
			t.Errorf("%s should move to the name", k)
		}
	})

	for id, k := range map[string]string{
		"g · get the profile's token (Auth tab)":     "g",
		"r · refresh the profile's token (Auth tab)": "r",
		"F · forget the profile's token (Auth tab)":  "F",
	} {
		action := map[string]TokenAction{"g": TokenGet, "r": TokenRefresh, "F": TokenForget}[k]
		add(id, []string{k}, func(t *testing.T, k string) {
			m, b := keysModel(t)
			// A bearer profile's Auth tab has no token to get.
			s, cmd := stepCmd(t, presses(t, requestNav(t, m), "4"), kp(k))
			if s.modal.Open() || len(msgsOf(t, cmd)) != 0 {
				t.Errorf("%s on a bearer profile's Auth tab should do nothing", k)
			}
			m = presses(t, requestNav(t, sso(t, m)), "4")
			if !strings.Contains(plain(m), oauthHint) {
				t.Error("the Auth tab should show the token keys")
			}
			m, cmd = stepCmd(t, m, kp(k))
			msgs := msgsOf(t, cmd)
			if len(msgs) != 1 || !hasMsg(msgs, "tokenActionRequestMsg") {
				t.Fatalf("%s should ask the root for the action, got %v", k, msgTypes(msgs))
			}
			m, cmd = stepCmd(t, m, msgs[0])
			if !m.modal.Open() || m.modal.action != action {
				t.Fatalf("the root should open the token modal for %v", action)
			}
			m = settle(t, m, cmd)
			if len(b.actions) != 1 || b.actions[0] != action || !strings.Contains(plain(m), "invalid_client") {
				t.Errorf("Backend.Token got %v", b.actions)
			}
			// Only on the Auth tab: on Params the letter is the pane's own
			// (or nothing).
			s = presses(t, requestNav(t, sso(t, fixtureModel(t, b, 120, 40, true))), "1", k)
			if s.modal.Open() || len(b.actions) != 1 {
				t.Errorf("%s on the Params tab must not start a token action", k)
			}
		})
	}

	add("tab · indent (body editor)", []string{"tab"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = presses(t, requestNav(t, m), "3", "enter")
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "tab in the body", cmd)
		if m.focus != paneRequest || !m.request.MultiLine() || m.request.Draft().Body != bodyIndent {
			t.Errorf("tab in the body editor should indent, body %q focus %v", m.request.Draft().Body, m.focus)
		}
		if m = presses(t, m, "esc", k); m.focus != paneResponse {
			t.Error("after esc, tab moves on")
		}
	})
}

func addResponseKeys(add addCase) {
	// long is the app after a send whose response is long, the response
	// pane focused.
	long := func(t *testing.T) Model {
		b := newRecBackend(t)
		b.long = true
		m := fixtureModel(t, b, 120, 40, true)
		return focus(t, sent(t, m), paneResponse)
	}

	add("↑/↓ j/k · scroll", []string{"up", "k", "down", "j"}, func(t *testing.T, k string) {
		m := long(t)
		m = presses(t, m, "down", "down")
		m, cmd := stepCmd(t, m, kp(k))
		m = settle(t, m, cmd)
		want := map[string]int{"up": 1, "k": 1, "down": 3, "j": 3}[k]
		if got := m.response.top[respTabBody]; got != want {
			t.Errorf("%s: top %d, want %d", k, got, want)
		}
	})

	add("pgup/pgdn · page up / down", []string{"pgup", "pgdown"}, func(t *testing.T, k string) {
		m := long(t)
		page := m.response.page()
		m = presses(t, m, "pgdown")
		if k == "pgdown" {
			if got := m.response.top[respTabBody]; got != page {
				t.Errorf("pgdown: top %d, want %d", got, page)
			}
			return
		}
		if m = presses(t, m, k); m.response.top[respTabBody] != 0 {
			t.Errorf("pgup: top %d", m.response.top[respTabBody])
		}
	})

	add("home/end g/G · top / bottom", []string{"home", "g", "end", "G"}, func(t *testing.T, k string) {
		// On the OAuth2 profile, where a g taken by the root would open
		// the token modal.
		b := newRecBackend(t)
		b.long = true
		m := focus(t, sent(t, sso(t, fixtureModel(t, b, 120, 40, true))), paneResponse)
		m = presses(t, m, "pgdown")
		m = presses(t, m, k)
		top, bottom := m.response.top[respTabBody], m.response.maxTop(respTabBody)
		switch k {
		case "home":
			if top != 0 {
				t.Errorf("home: top %d", top)
			}
		case "end", "G":
			if bottom == 0 || top != bottom {
				t.Errorf("%s: top %d, want %d", k, top, bottom)
			}
		case "g":
			// The root's g (get OAuth2 token) is only the token and
			// profiles panes': here it is the pane's own.
			if top != 0 || m.modal.Open() || len(b.actions) != 0 {
				t.Errorf("g in the response pane: top %d toast %q", top, m.toast)
			}
		}
	})

	add("←/→ 1-4 · body · headers · timing · redirects", []string{"left", "right", "1", "2", "3", "4"}, func(t *testing.T, k string) {
		m := long(t)
		m = presses(t, m, "2") // Headers
		m, cmd := stepCmd(t, m, kp(k))
		m = settle(t, m, cmd)
		want := map[string]respTab{"left": respTabBody, "right": respTabTiming,
			"1": respTabBody, "2": respTabHeaders, "3": respTabTiming, "4": respTabRedirects}[k]
		if m.response.tab != want {
			t.Errorf("%s: tab %v, want %v", k, m.response.tab, want)
		}
		if want == respTabHeaders && !strings.Contains(plain(m), "WWW-Authenticate") {
			t.Error("the Headers tab should list the response headers")
		}
	})

	add("/ · search the whole body", []string{"/"}, func(t *testing.T, k string) {
		m := long(t)
		m, cmd := stepCmd(t, m, kp(k))
		onlyTimers(t, "/", cmd)
		if !m.response.Typing() || !m.typing() {
			t.Fatal("/ should open the search input")
		}
		m = typeText(t, m, "sku-299")
		if n := len(m.response.search.m.Lines); n != 1 {
			t.Errorf("the search should find sku-299 once, found %d", n)
		}
		if top := m.response.top[respTabBody]; top == 0 {
			t.Error("the match near the end of the body should be scrolled into view")
		}
	})

	add("n/N · next / previous match", []string{"n", "N"}, func(t *testing.T, k string) {
		m := long(t)
		m = presses(t, typeText(t, presses(t, m, "/"), "sku-1"), "enter")
		matches := len(m.response.search.m.Lines)
		if matches < 3 || m.response.search.cur != 0 {
			t.Fatalf("sku-1 should match many lines, got %d (cur %d)", matches, m.response.search.cur)
		}
		m, cmd := stepCmd(t, m, kp(k))
		m = settle(t, m, cmd)
		want := map[string]int{"n": 1, "N": matches - 1}[k]
		if m.response.search.cur != want {
			t.Errorf("%s: match %d, want %d", k, m.response.search.cur, want)
		}
	})

	add("f · jq filter (JSON)", []string{"f"}, func(t *testing.T, k string) {
		m := long(t)
		m, cmd := stepCmd(t, m, kp(k))
		onlyTimers(t, "f", cmd)
		if !m.response.Typing() {
			t.Fatal("f should open the jq input")
		}
		m = presses(t, typeText(t, m, ".items[2].sku"), "enter")
		if m.response.jq == nil || !strings.Contains(plain(m), `"sku-2"`) {
			t.Errorf("the filter's output should replace the body (notice %q)", m.response.notice)
		}
	})

	add("esc · clear search / filter · leave the input", []string{"esc"}, func(t *testing.T, k string) {
		m := long(t)
		m = presses(t, typeText(t, presses(t, m, "/"), "sku"), "enter")
		m = presses(t, typeText(t, presses(t, m, "f"), ".error"), "enter")
		if m.response.search.query != "" || m.response.jq == nil {
			t.Fatal("a filter drops the search")
		}
		m = presses(t, typeText(t, presses(t, m, "/"), "invalid"), "enter")
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "esc clearing", cmd)
		if m.response.search.query != "" || m.response.jq == nil {
			t.Error("esc clears the search first")
		}
		if m = presses(t, m, k); m.response.jq != nil {
			t.Error("esc then clears the filter")
		}
	})

	add("s · show / hide credential headers", []string{"s"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		s, cmd := stepCmd(t, focus(t, m, paneResponse), kp(k))
		wantNil(t, "s with no response", cmd)
		if s.response.showSecrets {
			t.Error("s with nothing to reveal should not reveal")
		}
		m = presses(t, focus(t, sent(t, m), paneResponse), "2")
		if strings.Contains(plain(m), fixtureCookie) {
			t.Fatal("the Set-Cookie value must be masked before s")
		}
		m, cmd = stepCmd(t, m, kp(k))
		m = settle(t, m, cmd)
		if !m.response.showSecrets || !strings.Contains(plain(m), fixtureCookie) {
			t.Error("s should show the credential header")
		}
		if m = presses(t, m, k); strings.Contains(plain(m), fixtureCookie) {
			t.Error("s again should hide it")
		}
	})

	add("enter · apply the search / filter typed", []string{"enter"}, func(t *testing.T, k string) {
		m := long(t)
		m = typeText(t, presses(t, m, "/"), "sku-42")
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "enter applying a search", cmd)
		if m.response.Typing() || m.response.search.query != "sku-42" {
			t.Error("enter should close the input and keep the search")
		}
	})

	add("esc · clear search / filter · leave the input", []string{"esc"}, func(t *testing.T, k string) {
		m := long(t)
		m = typeText(t, presses(t, m, "/"), "sku-42")
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, "esc cancelling a search", cmd)
		if m.response.Typing() || m.response.search.query != "" || m.focus != paneResponse {
			t.Error("esc should close the input and drop the search")
		}
	})
}

// quits reports whether cmd quits, without waiting on its timers.
func quits(t testing.TB, cmd tea.Cmd) bool {
	t.Helper()
	for _, msg := range msgsOf(t, cmd) {
		if _, ok := msg.(tea.QuitMsg); ok {
			return true
		}
	}
	return false
}

func addOverlayKeys(add addCase) {
	add("t c u U e · copy menu: token, claims, curl, curl with secret, explanation", []string{"t", "c", "u", "U", "e"}, func(t *testing.T, k string) {
		// Before any send the menu says why instead of copying nothing.
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, presses(t, m, "ctrl+y"), kp(k))
		if m.copyMenu.open || !m.toastErr || len(msgsOf(t, cmd)) != 0 {
			t.Errorf("%s with nothing to copy should say why (toast %q)", k, m.toast)
		}
		m, _ = keysModel(t)
		m = presses(t, sent(t, m), "ctrl+y")
		raw := demoToken(t)
		want := map[string]func(string) bool{
			"t": func(s string) bool { return s == raw },
			"c": func(s string) bool { return strings.Contains(s, `"aud": "api://billing"`) },
			"u": func(s string) bool { return strings.Contains(s, "Bearer $TOKEN") && !strings.Contains(s, raw) },
			"U": func(s string) bool { return strings.Contains(s, "Bearer "+raw) },
			"e": func(s string) bool { return strings.HasPrefix(s, "Why 401") && strings.Contains(s, "api://orders") },
		}[k]
		m, cmd = stepCmd(t, m, kp(k))
		var clip string
		msgs := msgsOf(t, cmd)
		for _, msg := range msgs {
			if s := clipboardText(msg); s != "" {
				clip = s
			}
		}
		if m.copyMenu.open || !want(clip) || !hasMsg(msgs, "copyDoneMsg") {
			t.Errorf("%s copied %q (%v)", k, clip, msgTypes(msgs))
		}
		if m = settle(t, m, cmd); !strings.HasPrefix(m.toast, "copied ") {
			t.Errorf("%s: toast %q", k, m.toast)
		}
	})

	add("ctrl+p/n · profile picker: previous / next", []string{"ctrl+p", "ctrl+n"}, func(t *testing.T, k string) {
		m, _ := keysModel(t)
		m = presses(t, m, "ctrl+e")
		if m.picker.cursor != 1 {
			t.Fatalf("the picker starts on staging, cursor %d", m.picker.cursor)
		}
		m, cmd := stepCmd(t, m, kp(k))
		wantNil(t, k, cmd)
		want := map[string]int{"ctrl+p": 0, "ctrl+n": 2}[k]
		if !m.picker.open || m.saveName.open || m.picker.cursor != want {
			t.Errorf("%s in the picker: cursor %d, want %d", k, m.picker.cursor, want)
		}
		m, cmd = stepCmd(t, m, kp("enter"))
		m = settle(t, m, cmd)
		if name := []string{"dev", "staging", "prod"}[want]; m.active != name {
			t.Errorf("enter should switch to %s, active %s", name, m.active)
		}
	})

	add("y / n · protected profile: send / do not send", []string{"y", "n"}, func(t *testing.T, k string) {
		m, b := keysModel(t)
		m = step(t, m, profileChosenMsg{name: "prod"})
		m.request.Load(requests.Request{Method: "POST", URL: "/v1/orders"})
		m = presses(t, m, "ctrl+s")
		if !m.confirm.open || !strings.Contains(plain(m), "prod is a protected profile") {
			t.Fatal("a POST on prod should ask first")
		}
		for _, other := range []string{"q", "tab", "ctrl+e"} {
			if s, cmd := stepCmd(t, m, kp(other)); !s.confirm.open || quits(t, cmd) || s.picker.open {
				t.Errorf("the question owns the keys: %s got through", other)
			}
		}
		m, cmd := stepCmd(t, m, kp(k))
		if m.confirm.open {
			t.Fatalf("%s should answer the question", k)
		}
		switch k {
		case "y":
			if m.flight == nil || cmd == nil {
				t.Fatal("y should start the send")
			}
			if m = settle(t, m, cmd); len(b.sent) != 1 || b.sent[0] != "prod POST /v1/orders" {
				t.Errorf("y sent %v", b.sent)
			}
		case "n":
			wantNil(t, "n", cmd)
			if m.flight != nil || len(b.sent) != 0 || m.toast != "not sent" {
				t.Errorf("n must not send (toast %q)", m.toast)
			}
		}
	})

	add("c · token modal: copy the sign-in address", []string{"c"}, func(t *testing.T, k string) {
		b := &signInBackend{recBackend: newRecBackend(t), done: make(chan struct{}), url: "https://idp.example.com/authorize?client_id=why401&state=xyz"}
		m := sso(t, fixtureModel(t, b, 120, 40, true))
		m, cmd := stepCmd(t, m, kp("g"))
		// The program runs the action and its listener on their own
		// goroutines; the listener's first message is the address.
		var listen []tea.Cmd
		for _, c := range leafCmds(cmd) {
			switch {
			case strings.Contains(cmdName(c), "runToken"):
				go c()
			case !isTimer(c):
				listen = append(listen, c)
			}
		}
		if len(listen) != 1 {
			t.Fatalf("want one listener, got %d", len(listen))
		}
		msgs := msgsOf(t, listen[0])
		if len(msgs) != 1 || !hasMsg(msgs, "signInMsg") {
			t.Fatalf("the listener should yield the sign-in address, got %v", msgTypes(msgs))
		}
		m = step(t, m, msgs[0])
		if !strings.Contains(plain(m), "c copy address") {
			t.Error("the modal should offer to copy the address")
		}
		m, cmd = stepCmd(t, m, kp(k))
		var clip string
		for _, msg := range msgsOf(t, cmd) {
			clip = clipboardText(msg)
		}
		if clip != b.url || !strings.Contains(plain(m), "address copied") {
			t.Errorf("c copied %q", clip)
		}
		m = presses(t, m, "esc") // cancels the flow, which ends the backend's Token
		select {
		case <-b.done:
		case <-time.After(cmdTimeout):
			t.Fatal("closing the modal should cancel the flow")
		}
		if m.modal.Open() {
			t.Error("esc should close the modal")
		}
		// Without an address, c is not a copy.
		m, _ = keysModel(t)
		m = settle(t, sso(t, m), nil)
		m, cmd = stepCmd(t, m, kp("g"))
		m = settle(t, m, cmd)
		if _, cmd = stepCmd(t, m, kp(k)); cmd != nil {
			t.Error("c with no address to copy should do nothing")
		}
	})
}

// signInBackend's Token shows a sign-in address and waits until the
// modal is closed, as a browser flow does.
type signInBackend struct {
	*recBackend
	url  string
	done chan struct{}
}

func (b *signInBackend) Token(ctx context.Context, profile string, a TokenAction, ui auth.FlowUI) TokenOutcome {
	defer close(b.done)
	if err := ui.OpenBrowser(b.url); err != nil {
		return TokenOutcome{Profile: profile, Action: a, Err: err}
	}
	<-ctx.Done()
	return TokenOutcome{Profile: profile, Action: a, Err: ctx.Err()}
}

// leafCmds flattens tea.Batch without running any other Cmd.
func leafCmds(cmd tea.Cmd) []tea.Cmd {
	if cmd == nil {
		return nil
	}
	if n := cmdName(cmd); !strings.Contains(n, "compactCmds") && !strings.Contains(n, ".Batch.") {
		return []tea.Cmd{cmd}
	}
	cmds, ok := cmdList(cmd())
	if !ok {
		panic("not a batch: " + cmdName(cmd))
	}
	var out []tea.Cmd
	for _, c := range cmds {
		out = append(out, leafCmds(c)...)
	}
	return out
}

// whyText is the why pane's whole text, scrolled out of view or not.
func whyText(m Model) string { return ansi.Strip(strings.Join(m.why.lines(), "\n")) }

// TestPaste: a bracketed paste goes where CONTRACT says.
func TestPaste(t *testing.T) {
	curlCmd := `curl -X POST https://staging.api.example.com/v1/orders -H 'Content-Type: application/json' -d '{"qty":2}'`

	t.Run("no input focused loads the token pane", func(t *testing.T) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, m, tea.PasteMsg{Content: "\n  Authorization: Bearer " + demoToken(t) + "\n"})
		if !m.token.Shown() || m.focus != paneToken || m.tokenRaw != demoToken(t) {
			t.Fatalf("the token should be decoded and focused (focus %v)", m.focus)
		}
		if cmd == nil || !m.ticking || !strings.Contains(m.toast, "v verifies") {
			t.Errorf("the countdown should start (toast %q)", m.toast)
		}
		if !strings.Contains(plain(m), "token: expires in 4m12s") {
			t.Error("the header should count down")
		}
	})

	t.Run("not a token says so", func(t *testing.T) {
		m, _ := keysModel(t)
		m, cmd := stepCmd(t, m, tea.PasteMsg{Content: "Authorization: "})
		if m.token.Shown() || !m.toastErr || cmd != nil {
			t.Errorf("a paste that is no token should only say so, toast %q", m.toast)
		}
	})

	t.Run("into the URL input it is typed", func(t *testing.T) {
		m, _ := keysModel(t)
		m = focus(t, m, paneRequest)
		m = step(t, m, tea.PasteMsg{Content: "/v1/orders?limit=5"})
		if m.request.URL() != "/v1/orders?limit=5" || m.token.Shown() || m.focus != paneRequest {
			t.Errorf("the paste should be typed in the URL, got %q", m.request.URL())
		}
		// A token pasted into the URL is typed there too: never decoded
		// behind the user's back.
		m = step(t, m, tea.PasteMsg{Content: "x"})
		if m.token.Shown() || !strings.HasSuffix(m.request.URL(), "x") {
			t.Error("a paste into the URL must stay there")
		}
	})

	t.Run("curl into the URL input fills the request", func(t *testing.T) {
		m, _ := keysModel(t)
		m = focus(t, m, paneRequest)
		if !m.request.TakesPaste(tea.PasteMsg{Content: curlCmd}) {
			t.Fatal("the request pane should take a curl command")
		}
		m, cmd := stepCmd(t, m, tea.PasteMsg{Content: curlCmd})
		wantNil(t, "curl paste", cmd)
		d := m.request.Draft()
		if d.Method != "POST" || d.URL != fixtureBase+"/v1/orders" || d.Body != `{"qty":2}` || m.token.Shown() {
			t.Errorf("the curl command should fill the request: %+v", d)
		}
		if m.typing() || m.focus != paneRequest {
			t.Error("the import leaves the URL input")
		}
	})

	t.Run("on the request pane not typing it is inspected", func(t *testing.T) {
		// CONTRACT: with no input focused a paste (token, Authorization
		// line or curl command) loads the token panel.
		m, _ := keysModel(t)
		m = requestNav(t, m)
		m = step(t, m, tea.PasteMsg{Content: `curl -H "Authorization: Bearer ` + demoToken(t) + `" ` + fixtureBase + "/v1/x"})
		if !m.token.Shown() || m.request.URL() != "" || m.focus != paneToken {
			t.Errorf("a curl command pasted with no input focused loads its token (URL %q)", m.request.URL())
		}
	})

	t.Run("curl on another pane is inspected", func(t *testing.T) {
		m, _ := keysModel(t)
		m = step(t, m, tea.PasteMsg{Content: `curl -H "Authorization: Bearer ` + demoToken(t) + `" ` + fixtureBase + "/v1/orders"})
		if !m.token.Shown() || m.request.URL() != "" {
			t.Error("a curl command pasted with no input focused loads its token (CONTRACT)")
		}
	})

	t.Run("overlays swallow it", func(t *testing.T) {
		m, _ := keysModel(t)
		for _, open := range []string{"?", "ctrl+y"} {
			s := presses(t, m, open)
			if s, cmd := stepCmd(t, s, tea.PasteMsg{Content: demoToken(t)}); s.token.Shown() || cmd != nil {
				t.Errorf("a paste under %s must not load a token", open)
			}
		}
		s := presses(t, m, "ctrl+t")
		if s = step(t, s, tea.PasteMsg{Content: demoToken(t)}); s.token.Shown() || s.inspector.input.Value() != demoToken(t) {
			t.Error("a paste in the inspector is typed into it")
		}
	})
}
