package exchange

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// BenchmarkSendSmall: a 1 KB loopback GET, the whole Send (fresh
// transport, dial, trace, header capture, body) per iteration.
func BenchmarkSendSmall(b *testing.B) {
	body := bytes.Repeat([]byte("x"), 1024)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	defer srv.Close()
	o := opts()
	o.SpoolDir = b.TempDir()
	d := get(srv.URL)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		e := Send(b.Context(), d, o)
		if e.Err != "" || e.Response.Body.Size != 1024 {
			b.Fatalf("%s", e.Err)
		}
		e.Close()
	}
}

// BenchmarkSendLarge: a 50 MB body streamed to the spool; B/op shows it
// never sits in memory whole (MaxBody, 1 MiB, is kept).
func BenchmarkSendLarge(b *testing.B) {
	const size = 50 << 20
	chunk := bytes.Repeat([]byte(`{"id":12345,"name":"order"},`), 64<<10/28)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(size))
		for left := size; left > 0; {
			n := min(left, len(chunk))
			w.Write(chunk[:n])
			left -= n
		}
	}))
	defer srv.Close()
	o := opts()
	o.SpoolDir = b.TempDir()
	d := get(srv.URL)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		e := Send(b.Context(), d, o)
		if e.Err != "" || e.Response.Body.Size != size || !e.Response.Body.Truncated {
			b.Fatalf("%s %+v", e.Err, e.Response.Body.Err)
		}
		e.Close()
	}
}

// BenchmarkBaselineGet is the floor SendSmall is measured against: a bare
// Go client, also on a fresh connection each time, reading the same body.
func BenchmarkBaselineGet(b *testing.B) {
	body := bytes.Repeat([]byte("x"), 1024)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
		resp, err := c.Get(srv.URL)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}
