package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// terminal is a tmux server running one program in a real pty: keys go in
// with send-keys and the screen comes back with capture-pane.
type terminal struct {
	t    *testing.T
	tmux string
	sock string
}

func newTerminal(t *testing.T) *terminal {
	t.Helper()
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is missing; .ci/run installs it")
		}
		t.Skip("tmux is not installed: the end-to-end terminal test skips")
	}
	term := &terminal{t: t, tmux: tmux, sock: "why401-e2e-" + strings.ReplaceAll(t.Name(), "/", "-")}
	t.Cleanup(func() { term.run("kill-server") })
	return term
}

func (term *terminal) run(args ...string) string {
	out, _ := exec.Command(term.tmux, append([]string{"-L", term.sock}, args...)...).CombinedOutput()
	return string(out)
}

// start runs shell command cmd in a w×h window.
func (term *terminal) start(w, h, cmd string) {
	term.run("new-session", "-d", "-s", "t", "-x", w, "-y", h, cmd)
}

func (term *terminal) keys(keys ...string) {
	term.run(append([]string{"send-keys", "-t", "t"}, keys...)...)
}

func (term *terminal) screen() string { return term.run("capture-pane", "-p", "-t", "t") }

// waitFor waits until the screen shows want and returns it; when the
// environment names a directory, the screen is also saved there as name.
func (term *terminal) waitFor(want, name string) string {
	term.t.Helper()
	s := waitFor(term.t, term.screen, want)
	if dir := os.Getenv("WHY401_SCREENS"); dir != "" && name != "" {
		_ = os.WriteFile(filepath.Join(dir, name+".txt"), []byte(s), 0o644)
	}
	return s
}

func (term *terminal) expect(screen string, wants ...string) {
	term.t.Helper()
	for _, w := range wants {
		if !strings.Contains(screen, w) {
			term.t.Errorf("screen lacks %q:\n%s", w, screen)
		}
	}
}

// TestDemoInTmux is the newcomer's first minute: the demo opens on dev with
// the request ready; ctrl+s gets the 401 and its explanation; ctrl+e
// switches to dev-oauth for a 200, then staging and prod tell their stories.
func TestDemoInTmux(t *testing.T) {
	term := newTerminal(t)
	bin := why401Bin.get(t, ".", "why401")
	env := "WHY401_CONFIG_DIR=" + t.TempDir() + " XDG_STATE_HOME=" + t.TempDir() + " XDG_CACHE_HOME=" + t.TempDir()
	term.start("140", "45", env+" "+bin+" demo; echo EXITED $?; sleep 5")
	s := term.waitFor("/v1/orders", "1-start")
	term.expect(s, "● dev", "(demo)", "Profiles", "History", "Request", "Response")

	term.keys("C-s")
	s = term.waitFor("Why 401", "2-dev-401")
	term.expect(s, "401", "expired")

	sendWith := func(profile, want, name string) string {
		term.keys("C-e")
		term.waitFor("Switch profile", "")
		term.keys(profile, "Enter")
		term.waitFor("● "+profile, "")
		term.keys("C-s")
		return term.waitFor(want, name)
	}
	s = sendWith("dev-oauth", "200", "3-dev-oauth-200")
	term.expect(s, "dev-oauth")
	s = sendWith("staging", "Why 401", "4-staging")
	term.expect(s, "audience")
	s = sendWith("prod", "Why 403", "5-prod")
	term.expect(s, "scope")

	term.keys("q")
	term.waitFor("EXITED 0", "")
}
