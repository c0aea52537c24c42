package exchange

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestValidate(t *testing.T) {
	ok := Draft{Method: "GET", URL: "https://api.example/v1/me", Headers: []Header{{Name: "Accept", Value: "application/json"}}}
	if err := ok.Validate(); err != nil {
		t.Fatalf("valid draft refused: %v", err)
	}
	cases := []struct {
		name string
		d    Draft
		want string // in the error
	}{
		{"CR in value", Draft{Method: "GET", URL: "https://a.example/", Headers: []Header{{Name: "X-Trace", Value: "a\rb"}}}, "header X-Trace contains a line break"},
		{"LF in value", Draft{Method: "GET", URL: "https://a.example/", Headers: []Header{{Name: "Authorization", Value: "Bearer x\nX-Evil: 1"}}}, "header Authorization contains a line break"},
		{"LF in name", Draft{Method: "GET", URL: "https://a.example/", Headers: []Header{{Name: "X-A\nB", Value: "v"}}}, `header "X-A\nB" contains a line break`},
		{"CRLF in content type", Draft{Method: "POST", URL: "https://a.example/", ContentType: "text/plain\r\nX: y"}, "header Content-Type contains a line break"},
		{"NUL in value", Draft{Method: "GET", URL: "https://a.example/", Headers: []Header{{Name: "X-A", Value: "a\x00b"}}}, "header X-A contains the control character U+0000"},
		{"space in name", Draft{Method: "GET", URL: "https://a.example/", Headers: []Header{{Name: "X A", Value: "v"}}}, `header name "X A" is not valid`},
		{"empty name", Draft{Method: "GET", URL: "https://a.example/", Headers: []Header{{Name: "", Value: "v"}}}, "empty name"},
		{"relative URL", Draft{Method: "GET", URL: "/v1/me"}, "is not absolute"},
		{"no scheme", Draft{Method: "GET", URL: "api.example/v1"}, "is not absolute"},
		{"ftp", Draft{Method: "GET", URL: "ftp://files.example/x"}, "only http and https"},
		{"method with space", Draft{Method: "GE T", URL: "https://a.example/"}, `method "GE T" is not a valid`},
		{"empty method", Draft{Method: "", URL: "https://a.example/"}, "method"},
		{"body twice", Draft{Method: "POST", URL: "https://a.example/", Body: []byte("x"), BodyFile: "f"}, "both"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.d.Validate()
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not say %q", err, tc.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Fatalf("error is not one line: %q", err)
			}
		})
	}
}

// A header with CR or LF is refused before anything reaches the server.
func TestSendRefusesCRLFHeader(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hits.Add(1) }))
	defer srv.Close()
	d := get(srv.URL)
	d.Headers = []Header{{Name: "X-Note", Value: "ok\r\nAuthorization: Bearer stolen"}}
	e := send(t, d, opts())
	if e.ErrKind != KindInvalid || !strings.Contains(e.Err, "X-Note") {
		t.Fatalf("got %s %q, want invalid naming X-Note", e.ErrKind, e.Err)
	}
	if e.Response != nil || hits.Load() != 0 {
		t.Fatal("the request was sent")
	}
}

func TestSendBodyFileAndContentType(t *testing.T) {
	var got string
	var ct string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got, ct = string(b), r.Header.Get("Content-Type")
	}))
	defer srv.Close()
	file := t.TempDir() + "/body.json"
	writeFile(t, file, `{"a":1}`)
	e := send(t, Draft{Method: "POST", URL: srv.URL, BodyFile: file, ContentType: "application/json"}, opts())
	mustOK(t, e)
	if got != `{"a":1}` || ct != "application/json" || e.Request.BodySize != 7 {
		t.Fatalf("server got %q (%s), BodySize %d", got, ct, e.Request.BodySize)
	}
	e = send(t, Draft{Method: "POST", URL: srv.URL, BodyFile: file + ".missing"}, opts())
	if e.ErrKind != KindInvalid || !strings.Contains(e.Err, "body file") {
		t.Fatalf("missing body file: %s %q", e.ErrKind, e.Err)
	}
}
