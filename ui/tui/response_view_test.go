package tui

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// respStates are the pane's states worth drawing at every size.
func respStates(t *testing.T) map[string]responsePane {
	t.Helper()
	r := newRespPane(t, 80, 20, true)
	json := respShow(t, r, respOutcome(respJSONBody, "application/json"))
	bin := respOutcome("", "application/octet-stream")
	bin.Exchange.Response.Body.Data = bytes.Repeat([]byte{0, 1, 'a', 0xff, '\n', 0x1b}, 300)
	bin.Exchange.Response.Body.Size = int64(len(bin.Exchange.Response.Body.Data))
	sending := json
	sending.Sending("staging")
	sending.SetSpinner("⠋")
	return map[string]responsePane{
		"empty":     r,
		"sending":   sending,
		"body":      json,
		"headers":   respPress(t, json, "2"),
		"timing":    respPress(t, json, "3"),
		"redirects": respPress(t, json, "4"),
		"search":    respPress(t, respType(t, respPress(t, json, "/"), "order"), "enter"),
		"typing":    respType(t, respPress(t, json, "/"), "a very long search query that does not fit"),
		"filter":    respPress(t, respType(t, respPress(t, json, "f"), ".scopes"), "enter"),
		"notice":    respPress(t, respShow(t, r, respOutcome("plain text\n", "text/plain")), "f"),
		"hex":       respShow(t, r, bin),
		"error": respShow(t, r, Outcome{Mask: respMask,
			Err: "could not connect to api.example.com:443: dial tcp: lookup api.example.com: no such host"}),
	}
}

// TestResponseFitsEverySize measures the pane's own output over sizes
// from 20×5 to 220×70 in every state: exactly h lines, none wider than w.
// The heights crowd at the small end, where the chrome gives way.
func TestResponseFitsEverySize(t *testing.T) {
	for name, r := range respStates(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for w := 20; w <= 220; w += 25 {
				for _, h := range []int{5, 6, 7, 8, 13, 24, 40, 70} {
					r.SetSize(w, h)
					respAssertFits(t, r.View(), w, h)
				}
			}
		})
	}
}

// TestResponseGolden pins the pane at the sizes the layout gives it at
// 80×24, 120×40 and 200×60, on dark and light backgrounds.
// Update with: go test ./ui/tui -run TestResponseGolden -update
func TestResponseGolden(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		for _, dark := range []bool{true, false} {
			name := fmt.Sprintf("%dx%d/%s", sz[0], sz[1], map[bool]string{true: "dark", false: "light"}[dark])
			t.Run(name, func(t *testing.T) {
				rect := computeLayout(sz[0], sz[1]).Response
				r := respShow(t, newRespPane(t, rect.W, rect.H, dark), respOutcome(respJSONBody, "application/json"))
				r = respPress(t, respType(t, respPress(t, r, "/"), "order"), "enter")
				respAssertFits(t, r.View(), rect.W, rect.H)
				golden.RequireEqual(t, r.View())
			})
		}
	}
}

// TestResponseGoldenStates pins every state once, at the 120×40 layout.
func TestResponseGoldenStates(t *testing.T) {
	rect := computeLayout(120, 40).Response
	for name, r := range respStates(t) {
		t.Run(name, func(t *testing.T) {
			r.SetSize(rect.W, rect.H)
			golden.RequireEqual(t, r.View())
		})
	}
}
