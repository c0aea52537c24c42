package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenMainScreen pins the whole screen with the demo token loaded.
// Update with: go test ./ui/tui -update
func TestGoldenMainScreen(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestModel(t, sz[0], sz[1])
			m = update(t, m, tea.PasteMsg{Content: demoToken(t)})
			assertFits(t, m, sz[0], sz[1])
			golden.RequireEqual(t, m.View().Content)
		})
	}
}

func TestGoldenTooSmall(t *testing.T) {
	golden.RequireEqual(t, newTestModel(t, 60, 15).View().Content)
}

// TestNoLineWiderThanTerminal measures the model's own output (the renderer
// would clip, hiding overflow) over many sizes, in every overlay state.
func TestNoLineWiderThanTerminal(t *testing.T) {
	base := update(t, newTestModel(t, 80, 24), tea.PasteMsg{Content: demoToken(t)})
	states := map[string]func(Model) Model{
		"plain":     func(m Model) Model { return m },
		"help":      func(m Model) Model { return update(t, m, press("?")) },
		"inspector": func(m Model) Model { return update(t, m, press("ctrl+t")) },
		"why-tab":   func(m Model) Model { return update(t, m, press("tab")) },
	}
	for name, apply := range states {
		m := apply(base)
		for w := 20; w <= 220; w += 13 {
			for h := 5; h <= 70; h += 16 {
				m = update(t, m, tea.WindowSizeMsg{Width: w, Height: h})
				assertFits(t, m, w, h)
				if t.Failed() {
					t.Fatalf("state %s", name)
				}
			}
		}
	}
}

// TestGoldenOverlays pins the help overlay and the inspector at the
// smallest supported size, where they are most likely to break.
func TestGoldenOverlays(t *testing.T) {
	for name, k := range map[string]string{"help": "?", "inspector": "ctrl+t"} {
		t.Run(name, func(t *testing.T) {
			m := update(t, newTestModel(t, 80, 24), press(k))
			assertFits(t, m, 80, 24)
			golden.RequireEqual(t, m.View().Content)
		})
	}
}
