package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/why401/why401/store/requests"
)

// The history pane shows each entry's time in the local zone; the goldens
// pin the zone so that they do not move with the machine's TZ. Set before
// any test runs, so no test reads it concurrently.
func init() { time.Local = time.UTC }

// goldenSizes are the sizes the issue names: the minimum, the tabbed
// layout's largest common size and the wide layout.
var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// goldenProfile is the colour profile the goldens are written in. The
// model's output does not depend on the terminal (lipgloss v2 leaves
// downsampling to the renderer), and passing it through a fixed profile
// keeps it that way should that ever change.
const goldenProfile = colorprofile.TrueColor

func pinColours(s string) string {
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: goldenProfile}
	if _, err := w.WriteString(s); err != nil {
		panic(err)
	}
	return b.String()
}

func bgName(dark bool) string {
	if dark {
		return "dark"
	}
	return "light"
}

// goldenModel is the app at w×h on a dark or light background with the
// pinned clock: "empty" as started, or "sent" after ctrl+s got a 401 whose
// explanation and token are shown. The recording backend answers with
// fixed hosts and times only.
func goldenModel(t *testing.T, state string, w, h int, dark bool) Model {
	t.Helper()
	b := newRecBackend(t)
	b.saved = map[string][]requests.Request{"staging": {{Name: "list-orders", Method: "GET", URL: "/v1/orders"}}}
	m := fixtureModel(t, b, w, h, dark)
	if state == "sent" {
		m = sent(t, m)
		if !m.token.Shown() || len(m.why.lines()) == 0 {
			t.Fatal("the send should show the token and the explanation")
		}
	}
	return m
}

// TestGoldenScreens pins the whole screen, empty and after a send, at
// each size on both backgrounds.
// Update with: go test ./ui/tui -run 'TestGoldenScreens|TestGoldenPanes' -update
func TestGoldenScreens(t *testing.T) {
	for _, state := range []string{"empty", "sent"} {
		for _, sz := range goldenSizes {
			for _, dark := range []bool{true, false} {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", state, sz[0], sz[1], bgName(dark)), func(t *testing.T) {
					m := goldenModel(t, state, sz[0], sz[1], dark)
					out := m.View().Content
					if lines := strings.Split(out, "\n"); len(lines) != sz[1] {
						t.Errorf("%d lines, want %d", len(lines), sz[1])
					}
					fits(t, m, sz[0], sz[1])
					golden.RequireEqual(t, pinColours(out))
				})
			}
		}
	}
}

// TestGoldenPanes pins the side panes alone, after a send, at the rects
// computeLayout gives them at each size (in the tabbed layout they share
// one rect).
func TestGoldenPanes(t *testing.T) {
	for _, sz := range goldenSizes {
		for _, dark := range []bool{true, false} {
			m := goldenModel(t, "sent", sz[0], sz[1], dark)
			l := computeLayout(sz[0], sz[1])
			panes := map[string]struct {
				view string
				r    rect
			}{
				"token":    {m.token.View(), l.Token},
				"why":      {m.why.View(), l.Why},
				"profiles": {m.profiles.View(), l.Profiles},
				"history":  {m.history.View(), l.History},
			}
			for name, p := range panes {
				t.Run(fmt.Sprintf("%s/%dx%d/%s", name, sz[0], sz[1], bgName(dark)), func(t *testing.T) {
					lines := strings.Split(p.view, "\n")
					if len(lines) != p.r.H {
						t.Errorf("%d lines, want the rect's %d", len(lines), p.r.H)
					}
					for i, line := range lines {
						if lw := ansi.StringWidth(line); lw != p.r.W {
							t.Errorf("line %d is %d wide, want the rect's %d: %q", i, lw, p.r.W, ansi.Strip(line))
							break
						}
					}
					golden.RequireEqual(t, pinColours(p.view))
				})
			}
		}
	}
}
