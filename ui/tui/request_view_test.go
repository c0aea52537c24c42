package tui

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/why401/why401/store/requests"
)

// demoRequest is a request with something in every tab, like one pasted
// from a browser's "Copy as cURL".
func demoRequest() requests.Request {
	return requests.Request{Method: "POST", URL: "https://staging.api.example.com/v1/orders?limit=10&expand=items,customer",
		Headers: []requests.Header{
			{Name: "Accept", Value: "application/json"},
			{Name: "Content-Type", Value: "application/json"},
			{Name: "X-Request-Id", Value: "7f3c2a", Off: true},
			{Name: "Cookie", Value: "sid=s3ss10ns3ss10n"},
		},
		Body: "{\n  \"item\": \"sku-42\",\n  \"qty\": 2,\n  \"note\": \"leave at the door\"\n}\n"}
}

// requestStates are the pane in each of its modes, for the size tests.
func requestStates(t *testing.T, w, h int, dark bool) map[string]requestPane {
	t.Helper()
	base := newReqPane(t, w, h, dark)
	base.SetProfile(basicProfile(), "password: the keyring is locked")
	full := base
	full.Load(demoRequest())
	full.Remember("/v1/orders")
	long := base
	long.Load(requests.Request{Method: "OPTIONS", URL: "/" + strings.Repeat("segment/", 40) + "?q=" + strings.Repeat("x", 300),
		Headers: []requests.Header{{Name: strings.Repeat("X-Long", 20), Value: strings.Repeat("v", 400)}},
		Body:    strings.Repeat("{\"k\": \"", 50) + "\n" + strings.Repeat("line\n", 200)})
	return map[string]requestPane{
		"empty":        base,
		"params":       full,
		"headers":      reqSend(t, full, rkey("2")),
		"body":         reqSend(t, full, rkey("3")),
		"auth":         reqSend(t, full, rkey("4")),
		"url-typing":   reqSend(t, full, rkey("u")),
		"row-editing":  reqSend(t, full, rkey("2"), rkey("enter")),
		"row-adding":   reqSend(t, full, rkey("2"), rkey("a")),
		"body-editing": reqSend(t, full, rkey("3"), rkey("enter")),
		"token":        reqSend(t, full, rkey("4"), rkey("enter"), tea.PasteMsg{Content: curlBearer}),
		"long":         reqSend(t, long, rkey("2")),
		"long-body":    reqSend(t, long, rkey("3")),
		"notice":       reqSend(t, full, tea.PasteMsg{Content: "curl -F a=b -T up.bin --frobnicate --aws-sigv4 aws:amz https://x.example/ extra words"}),
		"blurred":      blurred(full),
	}
}

func blurred(r requestPane) requestPane { r.Blur(); return r }

// TestRequestViewFitsEverySize: exactly h lines of exactly w cells, in
// every mode, from a tiny pane to a huge one.
func TestRequestViewFitsEverySize(t *testing.T) {
	heights := []int{5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40}
	states := requestStates(t, 80, 20, true) // built once: each size sets its own
	names := slices.Sorted(maps.Keys(states))
	stride := 1 // every state at every size
	if raceDetector {
		stride = 7 // each size in two of the states (see raceDetector)
	}
	n := 0
	for w := 20; w <= 220; w += 11 {
		for _, h := range heights {
			n++
			for i, name := range names {
				if (n+i)%stride != 0 {
					continue
				}
				r := states[name]
				r.SetSize(w, h)
				assertRequestFits(t, fmt.Sprintf("%s %d×%d", name, w, h), r.View(), w, h)
			}
		}
	}
}

func assertRequestFits(t *testing.T, what, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Fatalf("%s: %d lines, want %d", what, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Fatalf("%s: line %d is %d wide, want exactly %d: %q", what, i, lw, w, ansi.Strip(l))
		}
	}
}

// TestRequestShowsAsMuchAsFits: at the layout's smallest request pane the
// URL, the tabs and a row show; taller panes show more rows.
func TestRequestShowsAsMuchAsFits(t *testing.T) {
	r := newReqPane(t, 60, 6, true)
	r.Load(demoRequest())
	r = reqSend(t, r, rkey("2"))
	v := reqPlain(r)
	for _, want := range []string{"POST https://staging", "Headers(4)", "Accept: application/json"} {
		if !strings.Contains(v, want) {
			t.Errorf("6 rows lack %q:\n%s", want, v)
		}
	}
	r.SetSize(60, 12)
	if v := reqPlain(r); !strings.Contains(v, "Cookie: sid=••••") {
		t.Errorf("12 rows show every header, the cookie masked:\n%s", v)
	}
	// The selected row stays in view when the list is longer than the pane.
	r.SetSize(60, 6)
	r = reqSend(t, r, rkey("down"), rkey("down"), rkey("down"))
	if v := reqPlain(r); !strings.Contains(v, "Cookie") {
		t.Errorf("the selection scrolled out of view:\n%s", v)
	}
}

// TestGoldenRequestPane pins the pane at the sizes the layout gives it.
// Update with: go test ./ui/tui -run TestGoldenRequestPane -update
func TestGoldenRequestPane(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {200, 60}} {
		for _, dark := range []bool{true, false} {
			theme := map[bool]string{true: "dark", false: "light"}[dark]
			t.Run(fmt.Sprintf("%dx%d-%s", sz[0], sz[1], theme), func(t *testing.T) {
				l := computeLayout(sz[0], sz[1])
				r := requestStates(t, l.Request.W, l.Request.H, dark)["headers"]
				out := r.View()
				assertRequestFits(t, t.Name(), out, l.Request.W, l.Request.H)
				golden.RequireEqual(t, out)
			})
		}
	}
}

// TestGoldenRequestTabs pins the other tabs at the smallest layout.
func TestGoldenRequestTabs(t *testing.T) {
	l := computeLayout(80, 24)
	for _, name := range []string{"params", "body", "auth", "token", "row-editing", "notice"} {
		t.Run(name, func(t *testing.T) {
			r := requestStates(t, l.Request.W, l.Request.H, true)[name]
			golden.RequireEqual(t, r.View())
		})
	}
}
