// Command minimaltea is the baseline for BenchmarkFirstFrame: the smallest
// Bubble Tea v2 program that draws a full-screen frame, so why401's time to
// first frame can be compared with what the framework itself costs on the
// same machine. It lives under testdata/ so `go build ./...` skips it; the
// benchmark builds it by path.
package main

import (
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
)

// marker is what the harness waits for; it is drawn only by View, so seeing
// it means the first frame reached the terminal.
const marker = "minimaltea-ready"

type model struct{}

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		}
	}
	return m, nil
}

func (model) View() tea.View {
	v := tea.NewView("A minimal Bubble Tea v2 program.\n\nPress q to quit.\n\n" + marker)
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "minimaltea:", err)
		os.Exit(1)
	}
}
