package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/why401/why401/inspect/explain"
)

func TestWhyPaneExpandsFirstDiagnosis(t *testing.T) {
	st := NewStyles(true)
	p := newWhyPane(&common{styles: &st, keys: DefaultKeyMap()})
	p.SetSize(40, 14)
	p.SetResult(explain.Result{Status: 401, Diagnosis: []explain.Diagnosis{
		{Severity: "error", Title: "Wrong audience", Detail: "The token is for api://billing; this API expects api://orders.",
			Fix: "Request a token for api://orders.", Evidence: []string{"aud=api://billing"}},
		{Severity: "warning", Title: "Token expires soon\x1b[31m"},
	}})
	out := ansi.Strip(p.View())
	for _, want := range []string{"Why 401", "✗ Wrong audience", "api://orders", "→ Request a token", "⚠ Token expires soon\\x1b"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	for _, l := range strings.Split(out, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line too wide: %q", l)
		}
	}
}
