package tui

import (
	"bytes"
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkView measures the response pane's View at the 120×40 layout
// for a 1 KB JSON body (indented and coloured) and a 50 MB body spooled
// to disk (raw lines through the index and a window), and one scroll step
// (a key through Update, any window read it starts, and View). The pane
// draws only the lines on screen, so the 50 MB cases should cost about
// what the 1 KB one does.
func BenchmarkView(b *testing.B) {
	rect := computeLayout(120, 40).Response
	small := respShow(b, newRespPane(b, rect.W, rect.H, true), respOutcome(benchJSON(1<<10), "application/json"))
	big := respShow(b, newRespPane(b, rect.W, rect.H, true), Outcome{Exchange: spooledExchange(b, benchNDJSON(50<<20), "application/x-ndjson")})
	if !big.body.idx.Complete() {
		b.Fatal("the 50 MB body was not indexed")
	}
	// Start in the middle, far past the in-memory head, so every window
	// read while scrolling comes from the spool.
	big = respSettle(b, big, big.scrollToCmd(big.tabTotal(respTabBody)/2))

	b.Run("body=1KB", func(b *testing.B) { benchView(b, small) })
	b.Run("body=50MB", func(b *testing.B) { benchView(b, big) })
	b.Run("body=50MB/scroll", func(b *testing.B) {
		r := big
		down := tea.KeyPressMsg{Code: tea.KeyDown}
		b.ReportAllocs()
		for b.Loop() {
			var cmd tea.Cmd
			r, cmd = r.Update(down)
			r = respSettle(b, r, cmd)
			_ = r.View()
		}
	})
}

func benchView(b *testing.B, r responsePane) {
	b.ReportAllocs()
	for b.Loop() {
		_ = r.View()
	}
}

// scrollToCmd scrolls the body and returns the window read it needs.
func (r *responsePane) scrollToCmd(top int) tea.Cmd {
	next, cmd := r.scrollTo(top)
	*r = next
	return cmd
}

// benchJSON is a JSON error document of about n bytes.
func benchJSON(n int) string {
	var b bytes.Buffer
	b.WriteString(`{"error":"invalid_token","error_description":"The access token expired","details":[`)
	for i := 0; b.Len() < n-40; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"code":%d,"field":"scope","ok":false}`, i)
	}
	b.WriteString(`]}`)
	return b.String()
}

// benchNDJSON is n bytes of log-like JSON lines.
func benchNDJSON(n int) []byte {
	var b bytes.Buffer
	b.Grow(n + 128)
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, `{"seq":%d,"level":"info","msg":"request served","path":"/v1/orders/%d","status":200}`+"\n", i, i%977)
	}
	return b.Bytes()
}
