package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/why401/why401/inspect/demo"
	"github.com/why401/why401/store/secrets"
	"github.com/why401/why401/ui/tui"
)

// flowEnv is an env for the app's flows: no terminal, an in-memory
// keyring, every directory under the test's temp dir.
func flowEnv(t *testing.T, profile string) *env {
	t.Helper()
	home := t.TempDir()
	vars := map[string]string{"HOME": home, "XDG_CACHE_HOME": filepath.Join(home, "cache"),
		"XDG_STATE_HOME": filepath.Join(home, "state"), "WHY401_CONFIG_DIR": filepath.Join(home, "config")}
	var out bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &out, profile: profile,
		getenv: func(k string) string { return vars[k] }, isTerminal: func(any) bool { return false }}
	e.configDir = vars["WHY401_CONFIG_DIR"]
	kr := secrets.Memory()
	e.keyringFor = func() secrets.Keyring { return kr }
	return e
}

// startFlow runs the app in teatest's program loop at 140×45.
func startFlow(t *testing.T, deps tui.Deps) *teatest.TestModel {
	t.Helper()
	return teatest.NewTestModel(t, tui.New(deps),
		teatest.WithInitialTermSize(140, 45),
		teatest.WithProgramOptions(tea.WithEnvironment([]string{"TERM=xterm-256color"}),
			tea.WithColorProfile(colorprofile.ANSI256)))
}

// waitScreen waits until the program has drawn want. The stream holds cell
// updates, so want must be a run of text drawn in one piece.
func waitScreen(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return strings.Contains(ansi.Strip(string(b)), want)
	}, teatest.WithDuration(15*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func key(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "q":
		return tea.KeyPressMsg{Code: 'q', Text: "q"}
	}
	return tea.KeyPressMsg{Code: rune(s[len(s)-1]), Mod: tea.ModCtrl}
}

func finalScreen(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	tm.Send(key("q"))
	m, ok := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(tui.Model)
	if !ok {
		t.Fatal("the final model has the wrong type")
	}
	return ansi.Strip(m.View().Content)
}

func startDemo(t *testing.T) *demo.Server {
	t.Helper()
	srv, err := demo.New(demo.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv
}

// TestFlowDemoSendExplainSwitch: the demo opens on dev with the request
// composed; ctrl+s gets the 401 and its explanation; ctrl+e to dev-oauth
// and ctrl+s gets a 200 with a fresh token.
func TestFlowDemoSendExplainSwitch(t *testing.T) {
	e := flowEnv(t, "")
	deps, err := e.demoDeps(startDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	tm := startFlow(t, deps)
	waitScreen(t, tm, "/v1/orders")
	tm.Send(key("ctrl+s"))
	waitScreen(t, tm, "Token expired")
	tm.Send(key("ctrl+e"))
	waitScreen(t, tm, "Switch profile")
	tm.Type("dev-oauth")
	tm.Send(key("enter"))
	tm.Send(key("ctrl+s"))
	waitScreen(t, tm, "200 OK")
	screen := finalScreen(t, tm)
	for _, want := range []string{"● dev-oauth", "200", "signature verified"} {
		if !strings.Contains(screen, want) {
			t.Errorf("final screen lacks %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "Token expired") {
		t.Errorf("dev's explanation must not stay beside dev-oauth's response:\n%s", screen)
	}
}

// TestFlowPrefilled: `why401 -p staging GET /v1/me` opens with the
// composer filled and staging active.
func TestFlowPrefilled(t *testing.T) {
	e := flowEnv(t, "staging")
	writeConfig(t, e, `default_profile = "dev"
[profiles.dev]
base_url = "https://dev.example.com"
[profiles.staging]
base_url = "https://staging.example.com"
`)
	deps, err := e.appDeps([]string{"GET", "/v1/me"})
	if err != nil {
		t.Fatal(err)
	}
	tm := startFlow(t, deps)
	waitScreen(t, tm, "/v1/me")
	screen := finalScreen(t, tm)
	for _, want := range []string{"● staging", "GET", "/v1/me", "https://staging.example.com"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
}

// TestFlowInspect: `why401 inspect TOKEN` opens with the token decoded.
func TestFlowInspect(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "demo-token.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	tm := startFlow(t, tui.Deps{Token: string(raw), Now: time.Now})
	waitScreen(t, tm, "kid demo-2026")
	screen := finalScreen(t, tm)
	if !strings.Contains(screen, "iss https://id.demo.why401.dev/") {
		t.Errorf("claims not shown:\n%s", screen)
	}
}

func TestPrefillArgs(t *testing.T) {
	tests := []struct {
		args        []string
		method, url string
		wantErr     bool
	}{
		{nil, "", "", false},
		{[]string{"post"}, "POST", "", false},
		{[]string{"/v1/orders"}, "GET", "/v1/orders", false},
		{[]string{"https://api.example.com/x"}, "GET", "https://api.example.com/x", false},
		{[]string{"DELETE", "/v1/orders/1"}, "DELETE", "/v1/orders/1", false},
		{[]string{"decod"}, "", "", true},
		{[]string{"/a", "/b"}, "", "", true},
	}
	for _, tc := range tests {
		r, err := prefill(tc.args)
		if (err != nil) != tc.wantErr || r.Method != tc.method || r.URL != tc.url {
			t.Errorf("prefill(%q) = %+v, %v", tc.args, r, err)
		}
	}
}

func writeConfig(t *testing.T, e *env, text string) {
	t.Helper()
	if err := os.MkdirAll(e.configDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(e.configPath(), []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestAppBrokenConfig: a broken config is one sentence and exit 2, before
// any program starts.
func TestAppBrokenConfig(t *testing.T) {
	cfgDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(cfgDir, "config.toml"), []byte("[profiles.dev]\nbase_url = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r := run(t, inv{stdoutTTY: true, env: map[string]string{"WHY401_CONFIG_DIR": cfgDir}})
	if r.code != 2 || r.stdout != "" {
		t.Fatalf("code %d, stdout %q", r.code, r.stdout)
	}
	checkOneSentence(t, r, false)
	if !strings.Contains(r.stderr, "config.toml") {
		t.Errorf("the error should name the file: %s", r.stderr)
	}
}

func TestAppNeedsTerminal(t *testing.T) {
	r := run(t, inv{}, "GET", "/x")
	if r.code != 2 || !strings.Contains(r.stderr, "needs a terminal") {
		t.Errorf("code %d stderr %q", r.code, r.stderr)
	}
}

// TestFlowHelpOverlay: ? opens the list of keys over the app, esc closes
// it, q quits.
func TestFlowHelpOverlay(t *testing.T) {
	e := flowEnv(t, "")
	deps, err := e.demoDeps(startDemo(t))
	if err != nil {
		t.Fatal(err)
	}
	tm := startFlow(t, deps)
	waitScreen(t, tm, "/v1/orders")
	tm.Send(tea.KeyPressMsg{Code: '?', Text: "?"})
	waitScreen(t, tm, "Keys")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	screen := finalScreen(t, tm)
	if strings.Contains(screen, "are off while typing") || strings.Contains(screen, "scroll ·") {
		t.Errorf("esc should have closed the help overlay:\n%s", screen)
	}
}
