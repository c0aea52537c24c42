package exchange

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Headers are recorded in the order and spelling of the wire, after a
// 103 Early Hints, with duplicates kept and folded lines unfolded —
// nothing Go's http.Header map could tell.
func TestResponseHeadersInReceivedOrder(t *testing.T) {
	var sent []Header
	for i := 100; i >= 1; i-- { // reverse order: sorting would show
		sent = append(sent, Header{Name: fmt.Sprintf("x-h-%03d", i), Value: fmt.Sprint(i)})
	}
	sent = append(sent,
		Header{Name: "WWW-Authenticate", Value: `Bearer realm="a"`},
		Header{Name: "www-authenticate", Value: `Basic realm="b"`},
	)
	srv := rawServer(t, func(w *bufio.ReadWriter, _ *http.Request) {
		w.WriteString("HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n")
		w.WriteString("HTTP/1.1 401 Unauthorized\r\n")
		for _, h := range sent {
			fmt.Fprintf(w, "%s: %s\r\n", h.Name, h.Value)
		}
		w.WriteString("X-Folded: first\r\n  second\r\nContent-Length: 0\r\n\r\n")
	})
	want := append(sent, Header{Name: "X-Folded", Value: "first second"}, Header{Name: "Content-Length", Value: "0"})
	e := send(t, get(srv.URL), opts())
	mustOK(t, e)
	got := e.Response.Headers
	if len(got) != len(want) || len(got) != 104 {
		t.Fatalf("%d headers, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("header %d is %+v, want %+v", i, got[i], want[i])
		}
	}
	if e.Response.Status != 401 || e.Response.Reason != "Unauthorized" || e.Response.Proto != "HTTP/1.1" {
		t.Fatalf("status line: %+v", e.Response)
	}
}

// A response header of 1 MiB is past the limit Go's transport is given
// (MaxHeaderBytes, 1 MiB by default): a plain error, no response.
func TestOneMegabyteResponseHeader(t *testing.T) {
	big := strings.Repeat("a", 1<<20)
	srv := rawServer(t, func(w *bufio.ReadWriter, _ *http.Request) {
		fmt.Fprintf(w, "HTTP/1.1 200 OK\r\nX-Big: %s\r\nContent-Length: 0\r\n\r\n", big)
	})
	e := send(t, get(srv.URL), opts())
	if e.ErrKind != KindHeadersTooLarge || e.Err != "the server's response headers are larger than 1 MiB, the most that is read" {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
	// Raised limit: the header arrives whole, in order.
	o := opts()
	o.MaxHeaderBytes = 2 << 20
	e = send(t, get(srv.URL), o)
	mustOK(t, e)
	if h := e.Response.Headers; len(h) != 2 || h[0].Name != "X-Big" || len(h[0].Value) != 1<<20 {
		t.Fatalf("headers: %d", len(h))
	}
}

// Request headers of 1 MiB and 2 MiB, to Go's server (limit 1 MiB plus
// 4 KiB of slack): the first is taken, the second answered 431, which is
// recorded as the response.
func TestOneMegabyteRequestHeader(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hello))
	defer srv.Close()
	for size, status := range map[int]int{1 << 20: 200, 2 << 20: http.StatusRequestHeaderFieldsTooLarge} {
		d := get(srv.URL)
		d.Headers = []Header{{Name: "X-Big", Value: strings.Repeat("a", size)}}
		e := send(t, d, opts())
		t.Logf("%d bytes: %d %s %s", size, statusOf(e), e.ErrKind, e.Err)
		mustOK(t, e)
		if e.Response.Status != status {
			t.Fatalf("%d bytes: status %d, want %d", size, e.Response.Status, status)
		}
	}
}

func statusOf(e *Exchange) int {
	if e.Response == nil {
		return 0
	}
	return e.Response.Status
}

// The request is recorded as written on the wire: Host, the draft's
// headers, the credentials, and what the transport adds.
func TestRequestHeadersAsSent(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hello))
	defer srv.Close()
	o := opts()
	o.Credentials = newProvider("tok")
	o.UserAgent = "why401-test"
	d := Draft{Method: "POST", URL: srv.URL + "/v1/orders?x=1", Body: []byte(`{}`), ContentType: "application/json",
		Headers: []Header{{Name: "Accept", Value: "application/json"}, {Name: "X-Multi", Value: "1"}, {Name: "X-Multi", Value: "2"}}}
	e := send(t, d, o)
	mustOK(t, e)
	r := e.Request
	if r.Method != "POST" || r.URL != srv.URL+"/v1/orders?x=1" || r.BodySize != 2 {
		t.Fatalf("request: %+v", r)
	}
	want := map[string]string{
		"Host": strings.TrimPrefix(srv.URL, "http://"), "Authorization": "Bearer tok", "Accept": "application/json",
		"Content-Type": "application/json", "Content-Length": "2", "User-Agent": "why401-test", "Accept-Encoding": "gzip, deflate",
	}
	for name, v := range want {
		if got := header(r.Headers, name); got != v {
			t.Errorf("%s: %q, want %q (all: %v)", name, got, v, r.Headers)
		}
	}
	if r.Headers[0].Name != "Host" {
		t.Errorf("Host is not first: %v", r.Headers)
	}
	var multi []string
	for _, h := range r.Headers {
		if h.Name == "X-Multi" {
			multi = append(multi, h.Value)
		}
	}
	if strings.Join(multi, ",") != "1,2" {
		t.Errorf("X-Multi: %v", multi)
	}
	if e.Timing.Connect <= 0 || e.Timing.FirstByte <= 0 || e.Timing.Total < e.Timing.FirstByte {
		t.Errorf("timing: %+v", e.Timing)
	}
}
