package rawhttp

import (
	"bytes"
	"strings"
	"testing"
)

// checkHeaders fails on a header name that could not have come from a
// header line: empty, or holding a line break or a colon.
func checkHeaders(t *testing.T, hs []Header) {
	t.Helper()
	for _, h := range hs {
		if h.Name == "" || strings.ContainsAny(h.Name, "\r\n:") {
			t.Fatalf("bad header name %q", h.Name)
		}
	}
}

func FuzzParseResponses(f *testing.F) {
	for _, tc := range responseCases {
		f.Add([]byte(tc.in))
	}
	f.Add([]byte("HTTP/1.1 302 Found\nContent-Length: 99999999999999999999\n\nHTTP/1.1 200 OK\n\n"))
	f.Add([]byte("HTTP/1.1 200 OK\nContent-Length: -1\nContent-Length: 2\n\nab"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ParseResponses(b)
		if err != nil {
			return
		}
		if len(rs) == 0 {
			t.Fatal("no responses and no error")
		}
		for i, r := range rs {
			checkHeaders(t, r.Headers)
			if r.Status < 100 || r.Status > 999 || !strings.HasPrefix(r.Proto, "HTTP/") {
				t.Fatalf("bad status line %q %d", r.Proto, r.Status)
			}
			last := i == len(rs)-1
			if (last && !bytes.HasSuffix(b, r.Body)) || !bytes.Contains(b, r.Body) {
				t.Fatalf("body %d (%q) is not taken from the input", i, r.Body)
			}
		}
	})
}

func FuzzParseRequest(f *testing.F) {
	for _, tc := range requestCases {
		f.Add([]byte(tc.in))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		Looks(b)
		r, err := ParseRequest(b)
		if err != nil {
			return
		}
		checkHeaders(t, r.Headers)
		if r.Method == "" || r.Target == "" {
			t.Fatalf("empty method or target: %+v", r)
		}
		if !bytes.HasSuffix(b, r.Body) {
			t.Fatalf("body %q is not a suffix of the input", r.Body)
		}
	})
}
