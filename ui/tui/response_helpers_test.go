package tui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/inspect/exchange"
)

// respSecret is a resolved credential that must never reach the screen.
const respSecret = "s3cr3t-token-value"

// respMask masks respSecret as the backend's masker would.
func respMask(s string) string { return strings.ReplaceAll(s, respSecret, "‹secret›") }

const respJSONBody = `{"error":"invalid_token","error_description":"The access token expired",` +
	`"echo":"Bearer ` + respSecret + `","scopes":["orders:read","orders:write"],"retry":false,"n":42,"trace":null}`

// newRespPane is a focused response pane at w×h with pinned styles.
func newRespPane(t testing.TB, w, h int, dark bool) responsePane {
	t.Helper()
	st := NewStyles(dark)
	c := &common{styles: &st, keys: DefaultKeyMap(), now: testClock}
	r := newResponsePane(c)
	r.SetSize(w, h)
	r.Focus()
	return r
}

// respExchange is a 401 after one redirect, over TLS, with body and type.
func respExchange(body []byte, contentType string) *exchange.Exchange {
	return &exchange.Exchange{
		Started: fixedNow,
		Request: exchange.Request{Method: "GET", URL: "https://api.example.com/v1/orders"},
		Redirects: []exchange.Hop{{Status: 302, URL: "http://api.example.com/v1/orders",
			Location: "https://login.example.net/authorize?access_token=" + respSecret, CrossOrigin: true, AuthDropped: true}},
		TLS: &exchange.TLSInfo{Version: "TLS 1.3", Subject: "CN=api.example.com", Issuer: "CN=Example CA",
			NotAfter: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)},
		Timing: exchange.Timing{DNS: 2 * time.Millisecond, Connect: 5 * time.Millisecond, TLS: 18 * time.Millisecond,
			FirstByte: 61 * time.Millisecond, Total: 84 * time.Millisecond},
		CredentialsSent: true,
		Response: &exchange.Response{Proto: "HTTP/1.1", Status: 401, Reason: "Unauthorized",
			Headers: []exchange.Header{
				{Name: "Content-Type", Value: contentType},
				{Name: "WWW-Authenticate", Value: `Bearer realm="api", error="invalid_token"`},
				{Name: "X-Echo-Token", Value: respSecret},
				{Name: "X-Evil", Value: "\x1b[2Jcleared"},
				{Name: "Date", Value: "Fri, 27 Nov 2026 10:00:00 GMT"},
			},
			Body: exchange.Body{ContentType: contentType, Data: body, Size: int64(len(body)), Encoding: "text"}},
	}
}

func respOutcome(body, contentType string) Outcome {
	return Outcome{Profile: "staging", Exchange: respExchange([]byte(body), contentType), Mask: respMask}
}

// spooledExchange sends through inspect/exchange to a loopback server, so
// a body over MaxBody is really spooled to disk as in the app.
func spooledExchange(t testing.TB, body []byte, contentType string) *exchange.Exchange {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	o := exchange.DefaultOptions()
	o.SpoolDir = t.TempDir()
	o.Proxy = func(*http.Request) (*url.URL, error) { return nil, nil }
	ex := exchange.Send(context.Background(), exchange.Draft{Method: "GET", URL: srv.URL}, o)
	t.Cleanup(func() { ex.Close() })
	if ex.Err != "" || ex.Response == nil {
		t.Fatalf("send: %s", ex.Err)
	}
	return ex
}

// respSettle runs cmd and every Cmd that follows from the pane's own
// results, feeding those results back, as the root does.
func respSettle(t testing.TB, r responsePane, cmd tea.Cmd) responsePane {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if batch, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, batch...)
			continue
		}
		if r.Owns(msg) {
			var next tea.Cmd
			r, next = r.Update(msg)
			queue = append(queue, next)
		}
	}
	return r
}

// respShow sets an outcome and settles its Cmds.
func respShow(t testing.TB, r responsePane, o Outcome) responsePane {
	t.Helper()
	cmd := r.SetOutcome(o)
	return respSettle(t, r, cmd)
}

// respPress sends keys one by one, settling each key's Cmds.
func respPress(t testing.TB, r responsePane, keys ...string) responsePane {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		r, cmd = r.Update(respKey(k))
		r = respSettle(t, r, cmd)
	}
	return r
}

// respType types text into the open input, one key per character.
func respType(t testing.TB, r responsePane, text string) responsePane {
	t.Helper()
	for _, ch := range text {
		r = respPress(t, r, string(ch))
	}
	return r
}

func respKey(s string) tea.KeyPressMsg {
	named := map[string]rune{"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
		"esc": tea.KeyEscape, "enter": tea.KeyEnter, "backspace": tea.KeyBackspace}
	if code, ok := named[s]; ok {
		return tea.KeyPressMsg{Code: code}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

// respPlain is a view without colours, for asserting on text.
func respPlain(v string) string { return ansi.Strip(v) }

// respAssertFits fails unless the view is exactly h lines of at most w cells.
func respAssertFits(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("%d×%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%d×%d: line %d is %d wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}
