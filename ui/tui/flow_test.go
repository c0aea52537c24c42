package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestFlowPasteThenQuit runs the real program loop: paste a token, see it
// decoded, quit with q. It asserts on the final model, not the byte stream.
func TestFlowPasteThenQuit(t *testing.T) {
	m := New(Deps{Config: testConfig(t), Now: testClock})
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(
			tea.WithEnvironment([]string{"TERM=xterm-256color"}),
			tea.WithColorProfile(colorprofile.ANSI256)))
	tm.Send(tea.PasteMsg{Content: demoToken(t)})
	tm.Send(press("q"))
	final, ok := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	if !ok {
		t.Fatal("final model has the wrong type")
	}
	if !final.token.Shown() || final.focus != paneToken {
		t.Errorf("token not shown after paste (focus %v)", final.focus)
	}
}
