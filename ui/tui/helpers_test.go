package tui

import (
	"net/url"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/golang-jwt/jwt/v5"
	"github.com/why401/why401/store/config"
)

// fixedNow pins every clock in these tests so goldens are stable.
var fixedNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func testClock() time.Time { return fixedNow }

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	base, err := url.Parse("https://staging.api.example.com")
	if err != nil {
		t.Fatal(err)
	}
	prof := func(name string, protected bool) config.Profile {
		return config.Profile{Name: name, BaseURL: base, Protected: protected,
			Issuer: "https://idp.example.com", Audience: "api://orders",
			Auth: config.Auth{Type: config.AuthBearer}}
	}
	return &config.Config{DefaultProfile: "staging", Profiles: []config.Profile{
		prof("dev", false), prof("staging", false), prof("prod", true),
	}}
}

// demoToken is a JWT shaped like the demo API's: issued 55m ago, 4m12s
// left, for the wrong audience so findings show.
func demoToken(t *testing.T) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"iss":   "https://idp.example.com",
		"sub":   "user-42",
		"aud":   "api://billing",
		"scope": "orders:read",
		"iat":   fixedNow.Add(-55 * time.Minute).Unix(),
		"exp":   fixedNow.Add(4*time.Minute + 12*time.Second).Unix(),
	})
	tok.Header["kid"] = "demo-2026"
	tok.Header["typ"] = "at+jwt"
	s, err := tok.SignedString([]byte("test-only-secret-test-only-secret"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newTestModel(t *testing.T, w, h int) Model {
	t.Helper()
	m := New(Deps{Config: testConfig(t), Now: testClock})
	return update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// update feeds one message and returns the concrete Model.
func update(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	next, _ := updateCmd(t, m, msg)
	return next
}

func updateCmd(t *testing.T, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(msg)
	nm, ok := next.(Model)
	if !ok {
		t.Fatalf("Update returned %T", next)
	}
	return nm, cmd
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	if strings.HasPrefix(s, "ctrl+") {
		return tea.KeyPressMsg{Code: rune(s[len("ctrl+")]), Mod: tea.ModCtrl}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

// isQuit runs cmd (never a tick: callers pass key commands only) and
// reports whether it quits, looking inside batches.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if isQuit(c) {
				return true
			}
		}
	}
	return false
}

// assertFits fails when any line of the view is wider than w or the view
// is taller than h. It measures the model's output, not a screen capture.
func assertFits(t *testing.T, m Model, w, h int) {
	t.Helper()
	out := m.View().Content
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Errorf("%d×%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%d×%d: line %d is %d wide: %q", w, h, i, lw, ansi.Strip(l))
			return
		}
	}
}
