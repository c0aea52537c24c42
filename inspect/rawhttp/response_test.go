package rawhttp

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// crlf turns the LF line ends of a readable literal into CRLF, which is
// what curl prints.
func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// short is a Response without the fields a case does not check.
type short struct {
	Proto    string
	Status   int
	Reason   string
	Headers  []Header
	Body     string
	Tunneled bool
	Warnings int
}

func shorten(rs []Response) []short {
	out := make([]short, len(rs))
	for i, r := range rs {
		out[i] = short{r.Proto, r.Status, r.Reason, r.Headers, string(r.Body), r.Tunneled, len(r.Warnings)}
	}
	return out
}

// responseCases also seed FuzzParseResponses.
var responseCases = []struct {
	name, in string
	want     []short
}{
	{"curl -si http/1.1", crlf("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"\nContent-Type: application/json\nContent-Length: 25\n\n{\"error\":\"invalid_token\"}"),
		[]short{{"HTTP/1.1", 401, "Unauthorized", []Header{
			{"WWW-Authenticate", `Bearer realm="api", error="invalid_token"`},
			{"Content-Type", "application/json"}, {"Content-Length", "25"}}, `{"error":"invalid_token"}`, false, 0}}},
	{"curl -si http/2", crlf("HTTP/2 401 \nwww-authenticate: Bearer error=\"insufficient_scope\", scope=\"orders:write\"\ndate: Fri, 27 Nov 2026 10:00:00 GMT\n\n"),
		[]short{{"HTTP/2", 401, "", []Header{
			{"www-authenticate", `Bearer error="insufficient_scope", scope="orders:write"`},
			{"date", "Fri, 27 Nov 2026 10:00:00 GMT"}}, "", false, 0}}},
	{"http/3 and lf only", "HTTP/3 200\ncontent-type: text/plain\n\nok\n",
		[]short{{"HTTP/3", 200, "", []Header{{"content-type", "text/plain"}}, "ok\n", false, 0}}},
	{"curl -siL redirects", crlf("HTTP/1.1 302 Found\nLocation: https://api.example.com/v2/orders\nContent-Length: 0\n\nHTTP/2 301 \nlocation: /v3/orders\n\nHTTP/2 401 \nwww-authenticate: Bearer\ncontent-length: 2\n\n{}"),
		[]short{
			{"HTTP/1.1", 302, "Found", []Header{{"Location", "https://api.example.com/v2/orders"}, {"Content-Length", "0"}}, "", false, 0},
			{"HTTP/2", 301, "", []Header{{"location", "/v3/orders"}}, "", false, 0},
			{"HTTP/2", 401, "", []Header{{"www-authenticate", "Bearer"}, {"content-length", "2"}}, "{}", false, 0}}},
	{"redirect with a body up to the next status line", crlf("HTTP/1.1 301 Moved\nLocation: /b\n\n<a href=\"/b\">moved</a>\nHTTP/1.1 200 OK\n\nhi"),
		[]short{
			{"HTTP/1.1", 301, "Moved", []Header{{"Location", "/b"}}, "<a href=\"/b\">moved</a>\r\n", false, 0},
			{"HTTP/1.1", 200, "OK", nil, "hi", false, 0}}},
	{"content-length protects a body line that looks like a status line", "HTTP/1.1 302 Found\nContent-Length: 16\n\nHTTP/1.1 200 OK\nHTTP/1.1 200 OK\n\nreal",
		[]short{
			{"HTTP/1.1", 302, "Found", []Header{{"Content-Length", "16"}}, "HTTP/1.1 200 OK\n", false, 0},
			{"HTTP/1.1", 200, "OK", nil, "real", false, 0}}},
	{"wrong content-length falls back to the next status line", "HTTP/1.1 302 Found\nContent-Length: 3\n\nabcdef\nHTTP/1.1 200 OK\n\n",
		[]short{
			{"HTTP/1.1", 302, "Found", []Header{{"Content-Length", "3"}}, "abcdef\n", false, 0},
			{"HTTP/1.1", 200, "OK", nil, "", false, 0}}},
	{"proxy connect preamble", crlf("HTTP/1.1 200 Connection established\n\nHTTP/2 401 \nwww-authenticate: Bearer\n\n"),
		[]short{{"HTTP/2", 401, "", []Header{{"www-authenticate", "Bearer"}}, "", true, 1}}},
	{"connect preamble with a proxy header", crlf("HTTP/1.0 200 Connection Established\nProxy-agent: Squid/6\n\nHTTP/1.1 403 Forbidden\nContent-Length: 0\n\n"),
		[]short{{"HTTP/1.1", 403, "Forbidden", []Header{{"Content-Length", "0"}}, "", true, 1}}},
	{"bare 200 preamble", "HTTP/1.1 200\n\nHTTP/1.1 401 Unauthorized\n\n",
		[]short{{"HTTP/1.1", 401, "Unauthorized", nil, "", true, 1}}},
	{"a lone connect response is kept", "HTTP/1.1 200 Connection established\n\n",
		[]short{{"HTTP/1.1", 200, "Connection established", nil, "", false, 0}}},
	{"proxy auth then tunnel", crlf("HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm=\"proxy\"\nContent-Length: 0\n\nHTTP/1.1 200 Connection established\n\nHTTP/2 200 \n\n"),
		[]short{
			{"HTTP/1.1", 407, "Proxy Authentication Required", []Header{{"Proxy-Authenticate", `Basic realm="proxy"`}, {"Content-Length", "0"}}, "", false, 0},
			{"HTTP/2", 200, "", nil, "", true, 1}}},
	{"100 continue skipped", crlf("HTTP/1.1 100 Continue\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=\"x\"\n\n"),
		[]short{{"HTTP/1.1", 401, "Unauthorized", []Header{{"WWW-Authenticate", `Basic realm="x"`}}, "", false, 0}}},
	{"103 early hints skipped", "HTTP/2 103 \nlink: </a.css>; rel=preload\n\nHTTP/2 401 \n\n",
		[]short{{"HTTP/2", 401, "", nil, "", false, 0}}},
	{"101 switching protocols is final", "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\nHTTP/1.1 200 OK\n\n",
		[]short{
			{"HTTP/1.1", 101, "Switching Protocols", []Header{{"Upgrade", "websocket"}}, "", false, 0},
			{"HTTP/1.1", 200, "OK", nil, "", false, 0}}},
	{"a lone 100 is kept", "HTTP/1.1 100 Continue\n\n",
		[]short{{"HTTP/1.1", 100, "Continue", nil, "", false, 0}}},
	{"mixed line endings and obs-fold", "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm=\"api\",\n\terror=\"invalid_token\",\r\n   error_description=\"expired\"\nX-Empty:\r\n\r\nbody\r\n",
		[]short{{"HTTP/1.1", 401, "Unauthorized", []Header{
			{"WWW-Authenticate", `Bearer realm="api", error="invalid_token", error_description="expired"`},
			{"X-Empty", ""}}, "body\r\n", false, 0}}},
	{"leading blank lines and whitespace", "\n\r\n   HTTP/1.1 403 Forbidden\nContent-Length: 0\n\n",
		[]short{{"HTTP/1.1", 403, "Forbidden", []Header{{"Content-Length", "0"}}, "", false, 0}}},
	{"prompt and command before the output", "$ curl -si https://api.example.com/me\nHTTP/2 401 \nwww-authenticate: Bearer\n\n",
		[]short{{"HTTP/2", 401, "", []Header{{"www-authenticate", "Bearer"}}, "", false, 1}}},
	{"no blank line before an empty body", "HTTP/1.1 204 No Content\nDate: x",
		[]short{{"HTTP/1.1", 204, "No Content", []Header{{"Date", "x"}}, "", false, 0}}},
	{"no blank line between responses", "HTTP/1.1 301 Moved\nLocation: /b\nHTTP/1.1 401 Unauthorized\n\n",
		[]short{
			{"HTTP/1.1", 301, "Moved", []Header{{"Location", "/b"}}, "", false, 0},
			{"HTTP/1.1", 401, "Unauthorized", nil, "", false, 0}}},
	{"whitespace-only separator line", "HTTP/1.1 200 OK\nA: b\n  \nbody",
		[]short{{"HTTP/1.1", 200, "OK", []Header{{"A", "b"}}, "body", false, 0}}},
	{"junk header lines are skipped with warnings", "HTTP/1.1 401 Unauthorized\nno colon here\n: empty name\n\tfold\nA\x01b: c\nGood: yes\n\n",
		[]short{{"HTTP/1.1", 401, "Unauthorized", []Header{{"Good", "yes"}}, "", false, 4}}},
	{"fold after a skipped line does not attach", "HTTP/1.1 200 OK\nA: 1\njunk\n  more\n\n",
		[]short{{"HTTP/1.1", 200, "OK", []Header{{"A", "1"}}, "", false, 2}}},
	{"duplicate headers kept in order", "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate\nWWW-Authenticate: NTLM\nwww-authenticate: Basic realm=\"x\"\n\n",
		[]short{{"HTTP/1.1", 401, "Unauthorized", []Header{
			{"WWW-Authenticate", "Negotiate"}, {"WWW-Authenticate", "NTLM"}, {"www-authenticate", `Basic realm="x"`}}, "", false, 0}}},
	{"body keeps blank lines and status-like text mid-line", "HTTP/1.1 200 OK\n\nline 1\n\nsee HTTP/1.1 200 OK\n",
		[]short{{"HTTP/1.1", 200, "OK", nil, "line 1\n\nsee HTTP/1.1 200 OK\n", false, 0}}},
	{"HTTP/1.0 and tab separators", "HTTP/1.0\t404\tNot Found\n\n",
		[]short{{"HTTP/1.0", 404, "Not Found", nil, "", false, 0}}},
}

func TestParseResponses(t *testing.T) {
	for _, tc := range responseCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseResponses([]byte(tc.in))
			if err != nil {
				t.Fatalf("ParseResponses: %v", err)
			}
			if s := shorten(got); !reflect.DeepEqual(s, tc.want) {
				t.Errorf("ParseResponses(%q)\n got %+v\nwant %+v", tc.in, s, tc.want)
				for _, r := range got {
					t.Logf("warnings: %q", r.Warnings)
				}
			}
		})
	}
}

func TestParseResponsesErrors(t *testing.T) {
	cases := []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrEmpty},
		{"whitespace", " \r\n\t\n", ErrEmpty},
		{"no status line", "GET / HTTP/1.1\nHost: x\n\n", nil},
		{"bad version", "HTTP/1.12 200 OK\n\n", nil},
		{"two-digit status", "HTTP/1.1 20 OK\n\n", nil},
		{"status below 100", "HTTP/1.1 099 x\n\n", nil},
		{"status glued to reason", "HTTP/1.1 200OK\n\n", nil},
		{"too large", "HTTP/1.1 200 OK\n\n" + strings.Repeat("a", MaxInput), ErrTooLarge},
		{"header section too large", "HTTP/1.1 200 OK\n" + strings.Repeat("X-A: b\n", MaxHeaderSection/7+1) + "\n", ErrHeadersTooLarge},
		{"one endless header line", "HTTP/1.1 200 OK\nX: " + strings.Repeat("b", MaxHeaderSection), ErrHeadersTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseResponses([]byte(tc.in))
			switch {
			case err == nil:
				t.Fatal("no error")
			case tc.want != nil && !errors.Is(err, tc.want):
				t.Errorf("err = %v, want %v", err, tc.want)
			case tc.want == nil && !errors.Is(err, errNoStatusLine):
				t.Errorf("err = %v, want errNoStatusLine", err)
			}
		})
	}
}

func TestResponseWarningsAreCapped(t *testing.T) {
	in := "HTTP/1.1 200 OK\n" + strings.Repeat("junk\n", 1000) + "\n"
	rs, err := ParseResponses([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	w := rs[0].Warnings
	if len(w) != maxWarnings+1 || w[maxWarnings] != "and 980 more warnings" {
		t.Errorf("got %d warnings, last %q", len(w), w[len(w)-1])
	}
}

func TestResponseHeaderLookup(t *testing.T) {
	rs, err := ParseResponses([]byte("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Negotiate\nwww-authenticate: Basic\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := rs[0]
	if v, ok := r.Header("www-AUTHENTICATE"); !ok || v != "Negotiate" {
		t.Errorf("Header = %q, %v", v, ok)
	}
	if v := r.Values("WWW-Authenticate"); !reflect.DeepEqual(v, []string{"Negotiate", "Basic"}) {
		t.Errorf("Values = %q", v)
	}
	if _, ok := r.Header("Date"); ok {
		t.Error("Header(Date) found")
	}
}

func TestBodyIsACopy(t *testing.T) {
	in := []byte("HTTP/1.1 200 OK\n\nbody")
	rs, err := ParseResponses(in)
	if err != nil {
		t.Fatal(err)
	}
	in[len(in)-1] = 'X'
	if string(rs[0].Body) != "body" {
		t.Errorf("body changed with the input: %q", rs[0].Body)
	}
}

func TestConnectPreambleWarning(t *testing.T) {
	rs, err := ParseResponses([]byte("HTTP/1.1 200 Connection established\n\nHTTP/2 401\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs[0].Warnings) != 1 || !strings.Contains(rs[0].Warnings[0], "HTTP/1.1 200 Connection established") {
		t.Errorf("warnings = %q", rs[0].Warnings)
	}
}
