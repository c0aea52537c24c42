package tui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	tea "charm.land/bubbletea/v2"
)

func TestQuitKeys(t *testing.T) {
	m := newTestModel(t, 120, 40)
	if _, cmd := updateCmd(t, m, press("q")); !isQuit(cmd) {
		t.Error("q with no input focused should quit")
	}
	if _, cmd := updateCmd(t, m, press("ctrl+c")); !isQuit(cmd) {
		t.Error("ctrl+c should quit")
	}
}

func TestQIgnoredWhileTypingInInspector(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = update(t, m, press("ctrl+t"))
	if !m.inspector.open || !m.typing() {
		t.Fatal("ctrl+t should open the inspector with focus")
	}
	m, cmd := updateCmd(t, m, press("q"))
	if isQuit(cmd) {
		t.Fatal("q must not quit while typing")
	}
	m = update(t, m, press("?"))
	if m.showHelp {
		t.Error("? must not open help while typing")
	}
	if got := m.inspector.input.Value(); got != "q?" {
		t.Errorf("inspector input = %q, want the typed keys", got)
	}
	if _, cmd := updateCmd(t, m, press("ctrl+c")); !isQuit(cmd) {
		t.Error("ctrl+c quits even while typing")
	}
	m = update(t, m, press("esc"))
	if m.inspector.open || m.typing() {
		t.Error("esc should close the inspector")
	}
}

func TestInspectorEnterDecodes(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = update(t, m, press("ctrl+t"))
	m = update(t, m, tea.PasteMsg{Content: "Authorization: Bearer " + demoToken(t)})
	m, cmd := updateCmd(t, m, press("enter"))
	if m.inspector.open {
		t.Fatal("enter should close the inspector")
	}
	if m.token.Shown() {
		t.Fatal("decoding happens on the returned message, not before")
	}
	m, cmd = updateCmd(t, m, cmd())
	if !m.token.Shown() || m.focus != paneToken {
		t.Fatalf("token not loaded/focused: shown=%v focus=%v", m.token.Shown(), m.focus)
	}
	if cmd == nil || !m.ticking {
		t.Error("loading a token should start the countdown tick")
	}
	if !strings.Contains(m.token.Phrase(), "expires in 4m12s") {
		t.Errorf("phrase = %q", m.token.Phrase())
	}
}

func TestPasteLoadsTokenPane(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m, cmd := updateCmd(t, m, tea.PasteMsg{Content: "  " + demoToken(t) + "\n"})
	if !m.token.Shown() || m.focus != paneToken {
		t.Fatalf("paste should load and focus the token pane (focus %v)", m.focus)
	}
	if cmd == nil {
		t.Error("want the tick command")
	}
	// A second paste must not start a second tick loop.
	gen := m.tickGen
	m = update(t, m, tea.PasteMsg{Content: demoToken(t)})
	if m.tickGen != gen {
		t.Error("tick loop restarted while running")
	}
}

func TestPasteIntoRequestInputIsTyped(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = update(t, m, press("tab"))
	m = update(t, m, press("tab")) // request pane: its input takes focus
	if !m.typing() {
		t.Fatal("request pane should focus its input")
	}
	m = update(t, m, tea.PasteMsg{Content: "/v1/orders"})
	if m.token.Shown() || m.request.URL() != "/v1/orders" {
		t.Errorf("paste went to token pane or lost: url=%q", m.request.URL())
	}
	m = update(t, m, press("esc"))
	if m.typing() {
		t.Error("esc should leave the input")
	}
	if _, cmd := updateCmd(t, m, press("q")); !isQuit(cmd) {
		t.Error("q quits once the input is left")
	}
}

func TestPasteGarbageShowsError(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = update(t, m, tea.PasteMsg{Content: "   "})
	if m.token.Shown() {
		t.Error("blank paste loaded something")
	}
}

func TestFocusCycling(t *testing.T) {
	m := newTestModel(t, 120, 40)
	want := []pane{paneHistory, paneRequest, paneResponse, paneToken, paneWhy, paneProfiles}
	for _, w := range want {
		m = update(t, m, press("tab"))
		if m.focus != w {
			t.Fatalf("tab: focus %v, want %v", m.focus, w)
		}
	}
	m = update(t, m, press("shift+tab"))
	if m.focus != paneWhy || !m.why.focused || m.profiles.focused {
		t.Errorf("shift+tab: focus %v", m.focus)
	}
	m = update(t, m, press("ctrl+e"))
	if !m.picker.open {
		t.Errorf("ctrl+e should open the profile picker")
	}
}

func TestSideTabFollowsFocus(t *testing.T) {
	m := newTestModel(t, 100, 30)
	m = update(t, m, press("shift+tab")) // why
	if m.sideTab != paneWhy {
		t.Errorf("side tab %v, want why", m.sideTab)
	}
	if !strings.Contains(m.View().Content, "Why") {
		t.Error("why pane not drawn")
	}
}

func TestHelpOverlay(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = update(t, m, press("?"))
	if !m.showHelp {
		t.Fatal("? should open help")
	}
	out := m.View().Content
	for _, b := range m.c.keys.FullHelp() {
		for _, k := range b {
			if k.Enabled() && !strings.Contains(out, k.Help().Desc) {
				t.Errorf("help lacks %q", k.Help().Desc)
			}
		}
	}
	m, cmd := updateCmd(t, m, press("q"))
	if isQuit(cmd) || !m.showHelp {
		t.Error("help overlay owns the keys: q neither quits nor closes")
	}
	m = update(t, m, press("esc"))
	if m.showHelp {
		t.Error("esc should close help")
	}
	m = update(t, update(t, m, press("?")), press("?"))
	if m.showHelp {
		t.Error("? should toggle help closed")
	}
}

func TestProfileSwitch(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = update(t, update(t, m, press("down")), press("enter"))
	if m.active != "prod" {
		t.Fatalf("active %q, want prod", m.active)
	}
	if !strings.Contains(m.View().Content, "⚠") {
		t.Error("protected profile not marked")
	}
}

func TestTick(t *testing.T) {
	now := fixedNow
	m := New(Deps{Config: testConfig(t), Now: func() time.Time { return now }})
	m = update(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = update(t, m, tickMsg{gen: m.tickGen})
	if m.ticking {
		t.Error("no token: tick loop should not run")
	}
	m = update(t, m, tea.PasteMsg{Content: demoToken(t)})
	now = now.Add(12 * time.Second)
	m, cmd := updateCmd(t, m, tickMsg{gen: m.tickGen})
	if cmd == nil || !strings.Contains(m.token.Phrase(), "4m0s") && !strings.Contains(m.token.Phrase(), "4m") {
		t.Errorf("after 12s phrase = %q", m.token.Phrase())
	}
	if _, cmd := updateCmd(t, m, tickMsg{gen: m.tickGen - 1}); cmd != nil {
		t.Error("a stale tick must not reschedule")
	}
	now = now.Add(5 * time.Minute)
	m = update(t, m, tickMsg{gen: m.tickGen})
	if !strings.Contains(m.token.Phrase(), "expired") {
		t.Errorf("after expiry phrase = %q", m.token.Phrase())
	}
}

func TestBackgroundRestyles(t *testing.T) {
	m := newTestModel(t, 120, 40)
	m = update(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.c.styles.isDark {
		t.Error("a light background should rebuild light styles")
	}
}

// TestHelpListsEveryBindingWhenNarrow: at the minimum width the overlay
// stacks its groups rather than cutting bindings off.
func TestHelpListsEveryBindingWhenNarrow(t *testing.T) {
	m := update(t, newTestModel(t, 80, 40), press("?"))
	out := ansi.Strip(m.View().Content)
	for _, b := range m.c.keys.FullHelp() {
		for _, k := range b {
			if !strings.Contains(out, k.Help().Key+" ") || !strings.Contains(out, k.Help().Desc) {
				t.Errorf("help at 80 cols lacks %q %q", k.Help().Key, k.Help().Desc)
			}
		}
	}
}
