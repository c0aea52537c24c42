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
