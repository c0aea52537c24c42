package rawhttp

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

type shortReq struct {
	Method, Target, Proto string
	Headers               []Header
	Body                  string
	Warnings              int
}

// requestCases also seed FuzzParseRequest.
var requestCases = []struct {
	name, in string
	want     shortReq
}{
	{"crlf with body", crlf("POST /v1/orders HTTP/1.1\nHost: api.example.com\nAuthorization: Bearer eyJ.e30.sig\nContent-Type: application/json\nContent-Length: 9\n\n{\"qty\":1}"),
		shortReq{"POST", "/v1/orders", "HTTP/1.1", []Header{
			{"Host", "api.example.com"}, {"Authorization", "Bearer eyJ.e30.sig"},
			{"Content-Type", "application/json"}, {"Content-Length", "9"}}, `{"qty":1}`, 0}},
	{"lf without body", "GET /me HTTP/1.1\nHost: x\n\n",
		shortReq{"GET", "/me", "HTTP/1.1", []Header{{"Host", "x"}}, "", 0}},
	{"no blank line at the end", "GET /me HTTP/1.1\nHost: x",
		shortReq{"GET", "/me", "HTTP/1.1", []Header{{"Host", "x"}}, "", 0}},
	{"no version", "GET /path?q=1\nAuthorization: Basic YTpi\n",
		shortReq{"GET", "/path?q=1", "", []Header{{"Authorization", "Basic YTpi"}}, "", 1}},
	{"request line only", "DELETE /x", shortReq{"DELETE", "/x", "", nil, "", 1}},
	{"absolute form", "GET https://api.example.com/me HTTP/1.1\n\n",
		shortReq{"GET", "https://api.example.com/me", "HTTP/1.1", nil, "", 0}},
	{"unencoded space in the target", "GET /a b HTTP/1.1\n\n", shortReq{"GET", "/a b", "HTTP/1.1", nil, "", 0}},
	{"leading blank lines and whitespace", "\r\n\n  GET / HTTP/2\n\n", shortReq{"GET", "/", "HTTP/2", nil, "", 0}},
	{"body keeps everything after the blank line", "POST / HTTP/1.1\n\n\nline\r\n\r\n",
		shortReq{"POST", "/", "HTTP/1.1", nil, "\nline\r\n\r\n", 0}},
	{"obs-fold and junk", "GET / HTTP/1.1\nX-Long: a\n b\n\tc\nno colon\n\n",
		shortReq{"GET", "/", "HTTP/1.1", []Header{{"X-Long", "a b c"}}, "", 1}},
	{"http/2 pseudo-headers from devtools", ":authority: api.example.com\n:method: GET\n:path: /v1/me\n:scheme: https\naccept: */*\nauthorization: Bearer abc\n",
		shortReq{"GET", "/v1/me", "HTTP/2", []Header{
			{"Host", "api.example.com"}, {"accept", "*/*"}, {"authorization", "Bearer abc"}}, "", 0}},
	{"pseudo connect", ":method: CONNECT\n:authority: proxy:443\nhost: x\n",
		shortReq{"CONNECT", "proxy:443", "HTTP/2", []Header{{"host", "x"}}, "", 0}},
	{"pseudo after a request line", "GET / HTTP/1.1\n:path: /x\n\n",
		shortReq{"GET", "/", "HTTP/1.1", nil, "", 1}},
	{"lower-case method is kept", "get / HTTP/1.1\n\n", shortReq{"get", "/", "HTTP/1.1", nil, "", 0}},
}

func TestParseRequest(t *testing.T) {
	for _, tc := range requestCases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := ParseRequest([]byte(tc.in))
			if err != nil {
				t.Fatalf("ParseRequest: %v", err)
			}
			got := shortReq{r.Method, r.Target, r.Proto, r.Headers, string(r.Body), len(r.Warnings)}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("ParseRequest(%q)\n got %+v\nwant %+v\nwarnings %q", tc.in, got, tc.want, r.Warnings)
			}
		})
	}
}

func TestParseRequestErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{"empty", "", ErrEmpty.Error()},
		{"whitespace", "\n \n", ErrEmpty.Error()},
		{"a response", "HTTP/1.1 200 OK\n\n", "not an HTTP request line"},
		{"one word", "GET\n", "not an HTTP request line"},
		{"version but no target", "GET HTTP/1.1\n", "not an HTTP request line"},
		{"bad method", "GE(T / HTTP/1.1\n", "not an HTTP request line"},
		{"pseudo without method", ":path: /\n:authority: x\n", "no valid :method"},
		{"pseudo without path", ":method: GET\n", "neither :path nor :authority"},
		{"too large", "GET / HTTP/1.1\n\n" + strings.Repeat("a", MaxInput), ErrTooLarge.Error()},
		{"headers too large", "GET / HTTP/1.1\n" + strings.Repeat("X-A: b\n", MaxHeaderSection/7+1), ErrHeadersTooLarge.Error()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseRequest([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := ParseRequest(nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("nil input: %v", err)
	}
}

func TestRequestHeaderLookup(t *testing.T) {
	r, err := ParseRequest([]byte("GET / HTTP/1.1\nCookie: a=1\ncookie: b=2\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Header("COOKIE"); !ok || v != "a=1" {
		t.Errorf("Header = %q, %v", v, ok)
	}
	if v := r.Values("Cookie"); !reflect.DeepEqual(v, []string{"a=1", "b=2"}) {
		t.Errorf("Values = %q", v)
	}
	if _, ok := r.Header("Authorization"); ok {
		t.Error("Header(Authorization) found")
	}
}

func TestLooks(t *testing.T) {
	yes := []string{
		"GET /x HTTP/1.1", "\n  POST https://a/b HTTP/2\r\nHost: x", "GET /path", "OPTIONS *",
		"M-SEARCH * HTTP/1.1", "PROPFIND /dav HTTP/1.1", ":method: GET\n", ":authority: x\n:method: GET",
	}
	no := []string{
		"", "Bearer abc", "Authorization: Bearer abc", "curl https://x", "HTTP/1.1 200 OK",
		"GET", "FROB /x", "get /x HTTP/1.1", "GET x", "GET /x HTTP/one", "eyJhbGciOiJub25lIn0.e30.",
	}
	for _, s := range yes {
		if !Looks([]byte(s)) {
			t.Errorf("Looks(%q) = false", s)
		}
	}
	for _, s := range no {
		if Looks([]byte(s)) {
			t.Errorf("Looks(%q) = true", s)
		}
	}
}
