package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/golang-jwt/jwt/v5"
)

// Tests of the `explain` command line (CONTRACT "Commands", "Exit codes"
// and the explain JSON shape). The ranking itself is the engine's and is
// tested in inspect/explain; here each test checks what the command does
// with its inputs: files, stdin, flags, output and errors.

// Responses as `curl -si` / `curl -siL` print them. crlf turns the LF
// fixtures into the CRLF form curl really writes.
const (
	exBearer401 = "HTTP/1.1 401 Unauthorized\n" +
		"Date: Thu, 01 Jan 2026 00:00:00 GMT\n" +
		"WWW-Authenticate: Bearer realm=\"api\", error=\"invalid_token\"\n" +
		"Content-Length: 0\n\n"
	exBasic401 = "HTTP/1.1 401 Unauthorized\n" +
		"WWW-Authenticate: Basic realm=\"r\"\n\n"
	exH2401 = "HTTP/2 401 \n" +
		"www-authenticate: Bearer realm=\"h2\"\n" +
		"content-length: 0\n\n"
	// curl -siL: a 302 to another host, then the 401 from that host.
	exRedirect401 = "HTTP/1.1 302 Found\n" +
		"Location: https://login.other.test/landing\n" +
		"Content-Length: 0\n\n" +
		"HTTP/2 401 \n" +
		"www-authenticate: Bearer realm=\"other\"\n" +
		"content-length: 0\n\n"
	// The same, but the redirect stays on the original host.
	exSameHostRedirect401 = "HTTP/1.1 302 Found\n" +
		"Location: https://api.example.test/v2/orders\n" +
		"Content-Length: 0\n\n" +
		"HTTP/1.1 401 Unauthorized\n" +
		"WWW-Authenticate: Bearer realm=\"api\"\n\n"
	// curl -si through a proxy prints the CONNECT answer first.
	exConnect401 = "HTTP/1.1 200 Connection established\n\n" +
		"HTTP/1.1 401 Unauthorized\n" +
		"WWW-Authenticate: Basic realm=\"behind-proxy\"\n\n"
	exContinue401 = "HTTP/1.1 100 Continue\n\n" +
		"HTTP/1.1 401 Unauthorized\n" +
		"WWW-Authenticate: Basic realm=\"after-continue\"\n\n"
	exForbidden403 = "HTTP/1.1 403 Forbidden\n" +
		"Date: Thu, 01 Jan 2026 00:00:00 GMT\n" +
		"Content-Type: application/json\n\n" +
		"{\"message\":\"forbidden\"}"
	// exRequest is a raw request to api.example.test with an old token.
	exOldToken = "oldTokenValue-Xy7Qw2Er5Ty8Ui1Op4As6Df9Gh"
	exRequest  = "GET /v1/orders HTTP/1.1\n" +
		"Host: api.example.test\n" +
		"Authorization: Bearer " + exOldToken + "\n" +
		"Accept: application/json\n\n"
	exRequestNoAuth = "GET /v1/orders HTTP/1.1\nHost: api.example.test\nAccept: */*\n\n"
	exURL           = "https://api.example.test/v1/orders"
	// exSecret is the HMAC secret of the tokens signed by exHMACToken.
	exSecret = "explain-hmac-secret-Qm4Zr8Tv2Lx6Nb0Pw3Jc"
)

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// exFile writes a fixture to a temporary file and returns its path.
func exFile(t *testing.T, name, data string) string {
	t.Helper()
	return writeFile(t, name, []byte(data))
}

// exRSAToken is an RS256 token signed with testRSA, valid at demoNow.
func exRSAToken(t *testing.T, extra map[string]any) string {
	t.Helper()
	return sign(t, jwt.SigningMethodRS256, testRSA(), claimsAround(extra), map[string]any{"kid": "ex-1"})
}

func exHMACToken(t *testing.T, extra map[string]any) string {
	t.Helper()
	return sign(t, jwt.SigningMethodHS256, []byte(exSecret), claimsAround(extra), nil)
}

// exOut is the explain JSON, decoded loosely so that the test sees
// exactly what was written (null vs [] included).
type exOut map[string]any

func parseExplain(t *testing.T, r result) exOut {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("want exit 0:\n%s", r)
	}
	var m exOut
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("stdout is not a JSON object: %v\n%s", err, r)
	}
	return m
}

// runExplainJSON runs explain --json --now demoNow with args.
func runExplainJSON(t *testing.T, o inv, args ...string) exOut {
	t.Helper()
	full := append([]string{"explain", "--json", "--now", demoNow}, args...)
	r := run(t, o, full...)
	if r.stderr != "" {
		t.Errorf("stderr should be empty on success: %q", r.stderr)
	}
	return parseExplain(t, r)
}

func (m exOut) status() float64 {
	n, _ := m["status"].(float64)
	return n
}

func (m exOut) diagnosis() []map[string]any {
	var out []map[string]any
	list, _ := m["diagnosis"].([]any)
	for _, d := range list {
		if o, ok := d.(map[string]any); ok {
			out = append(out, o)
		}
	}
	return out
}

func (m exOut) ids() []string {
	var out []string
	for _, d := range m.diagnosis() {
		id, _ := d["id"].(string)
		out = append(out, id)
	}
	return out
}

func (m exOut) find(id string) map[string]any {
	for _, d := range m.diagnosis() {
		if d["id"] == id {
			return d
		}
	}
	return nil
}

func (m exOut) object(key string) map[string]any {
	o, _ := m[key].(map[string]any)
	return o
}

func (m exOut) notes() []string {
	var out []string
	list, _ := m["notes"].([]any)
	for _, n := range list {
		s, _ := n.(string)
		out = append(out, s)
	}
	return out
}

func evidenceOf(d map[string]any) []string {
	var out []string
	list, _ := d["evidence"].([]any)
	for _, e := range list {
		s, _ := e.(string)
		out = append(out, s)
	}
	return out
}

func challengeSchemes(m exOut) []string {
	var out []string
	list, _ := m["challenges"].([]any)
	for _, c := range list {
		o, _ := c.(map[string]any)
		s, _ := o["scheme"].(string)
		out = append(out, s)
	}
	return out
}

// TestExplainExitZero: every way of giving the response is explained
// with exit 0, in human and JSON mode, and nothing goes to stderr.
func TestExplainExitZero(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	cases := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"--response file, LF", "", []string{"--response", exFile(t, "lf.http", exBearer401)}},
		{"--response file, CRLF", "", []string{"--response", exFile(t, "crlf.http", crlf(exBearer401))}},
		{"--response file, HTTP/2", "", []string{"--response", exFile(t, "h2.http", crlf(exH2401))}},
		{"--response file, redirect chain", "", []string{"--response", exFile(t, "chain.http", crlf(exRedirect401))}},
		{"--response file, CONNECT preamble", "", []string{"--response", exFile(t, "connect.http", crlf(exConnect401))}},
		{"--response file, 100 Continue", "", []string{"--response", exFile(t, "continue.http", crlf(exContinue401))}},
		{"--response file, 403 with body", "", []string{"--response", exFile(t, "403.http", exForbidden403)}},
		{"--response -", crlf(exBearer401), []string{"--response", "-"}},
		{"--status alone", "", []string{"--status", "401"}},
		{"--status with --response-header", "", []string{"--status", "401", "--response-header", `WWW-Authenticate: Bearer error="invalid_token"`}},
		{"--status with repeated --response-header", "", []string{"--status", "403",
			"--response-header", `WWW-Authenticate: Bearer error="insufficient_scope", scope="a b"`,
			"--response-header", "Date: Thu, 01 Jan 2026 00:00:00 GMT"}},
		{"--status 407 with Proxy-Authenticate", "", []string{"--status", "407", "--response-header", `Proxy-Authenticate: Basic realm="proxy"`}},
		{"--status 200", "", []string{"--status", "200"}},
		{"with --token", "", []string{"--status", "401", "--token", tok}},
		{"with --request file", "", []string{"--status", "401", "--request", exFile(t, "req.http", exRequest)}},
		{"with --request-header", "", []string{"--status", "401", "--request-header", "Cookie: session=abc"}},
		{"with --key", "", []string{"--status", "401", "--token", tok, "--key", demoKeyPath}},
	}
	for _, c := range cases {
		for _, jsonOut := range []bool{false, true} {
			name := c.name
			if jsonOut {
				name += "/json"
			}
			t.Run(name, func(t *testing.T) {
				args := append([]string{"explain", "--now", demoNow}, c.args...)
				if jsonOut {
					args = append(args, "--json")
				}
				r := run(t, inv{stdin: c.stdin}, args...)
				if r.code != 0 {
					t.Fatalf("want exit 0:\n%s", r)
				}
				if r.stderr != "" {
					t.Errorf("stderr should be empty: %q", r.stderr)
				}
				if jsonOut && !json.Valid([]byte(r.stdout)) {
					t.Errorf("stdout is not JSON:\n%s", r.stdout)
				}
				if !jsonOut && r.stdout == "" {
					t.Errorf("no human output")
				}
			})
		}
	}
}

// TestExplainUsageErrors: usage errors and unreadable input exit 2 with
// one sentence on stderr, and with --json the same sentence as
// {"error": …} on stdout (CONTRACT "Exit codes").
func TestExplainUsageErrors(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	dir := t.TempDir()
	resp := exFile(t, "r.http", crlf(exBearer401))
	missing := dir + "/no-such-file"
	cases := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"no response and no status", "", nil},
		{"only --response-header", "", []string{"--response-header", "WWW-Authenticate: Basic"}},
		{"--response and --status", "", []string{"--response", resp, "--status", "401"}},
		{"--response and --response-header", "", []string{"--response", resp, "--response-header", "Date: x"}},
		{"unreadable --response", "", []string{"--response", missing}},
		{"--response is a directory", "", []string{"--response", dir}},
		{"empty --response", "", []string{"--response", exFile(t, "empty.http", "")}},
		{"blank --response", "", []string{"--response", exFile(t, "blank.http", "\r\n\n  \n")}},
		{"garbage --response", "", []string{"--response", exFile(t, "garbage.http", "this is not an HTTP response\nat all\n")}},
		{"a request given as --response", "", []string{"--response", exFile(t, "req-as-resp.http", exRequest)}},
		{"empty stdin for --response -", "", []string{"--response", "-"}},
		{"garbage stdin for --response -", "{\"not\": \"http\"}", []string{"--response", "-"}},
		{"unreadable --request", "", []string{"--status", "401", "--request", missing}},
		{"garbage --request", "", []string{"--status", "401", "--request", exFile(t, "garbage.req", "\x00\x01\x02")}},
		{"--response - and --token -", "x", []string{"--response", "-", "--token", "-"}},
		{"--response - and --request -", "x", []string{"--response", "-", "--request", "-"}},
		{"--request - and --token -", "x", []string{"--status", "401", "--request", "-", "--token", "-"}},
		{"all three on -", "x", []string{"--response", "-", "--request", "-", "--token", "-"}},
		{"--response-header without colon", "", []string{"--status", "401", "--response-header", "WWW-Authenticate Basic"}},
		{"--response-header with empty name", "", []string{"--status", "401", "--response-header", ": Basic"}},
		{"--request-header without colon", "", []string{"--status", "401", "--request-header", "X-Api-Key k"}},
		{"bad --now", "", []string{"--status", "401", "--now", "yesterday"}},
		{"bad --now with --response", "", []string{"--response", resp, "--now", "2026-13-45"}},
		{"--profile x", "", []string{"--status", "401", "--profile", "x"}},
		{"-p x before the command", "", []string{"-p", "x"}},
		{"unreadable --key", "", []string{"--status", "401", "--token", tok, "--key", missing}},
		{"unreadable --secret-file", "", []string{"--status", "401", "--token", tok, "--secret-file", missing}},
		{"bad --alg", "", []string{"--status", "401", "--token", tok, "--alg", "RS999"}},
		{"--status not a number", "", []string{"--status", "unauthorized"}},
		{"a positional argument", "", []string{"--status", "401", "extra"}},
		{"unknown flag", "", []string{"--status", "401", "--bogus"}},
		{"blank --token", "", []string{"--status", "401", "--token", "   "}},
		{"empty stdin for --token -", "", []string{"--status", "401", "--token", "-"}},
		// BUG: a key file is input too; it must be unreadable-input
		// whether or not the request carried a token. Today the key
		// flags are read only when there is a token to verify, so a
		// typo in --key goes unnoticed.
		{"unreadable --key, no token", "", []string{"--status", "401", "--key", missing}},
		{"unreadable --secret-file, no token", "", []string{"--status", "401", "--secret-file", missing}},
		// BUG: a status outside 100–599 is not an HTTP status.
		{"--status negative", "", []string{"--status", "-1"}},
		{"--status 1000", "", []string{"--status", "1000"}},
	}
	for _, c := range cases {
		for _, jsonOut := range []bool{false, true} {
			name := c.name
			if jsonOut {
				name += "/json"
			}
			t.Run(name, func(t *testing.T) {
				args := []string{"explain"}
				if c.name == "-p x before the command" {
					args = []string{"-p", "x", "explain", "--status", "401"}
				} else {
					args = append(args, c.args...)
				}
				if jsonOut {
					args = append(args, "--json")
				}
				r := run(t, inv{stdin: c.stdin}, args...)
				if r.code != 2 {
					t.Fatalf("want exit 2:\n%s", r)
				}
				checkOneSentence(t, r, jsonOut)
				if !jsonOut && r.stdout != "" {
					t.Errorf("stdout should be empty without --json: %q", r.stdout)
				}
				noESC(t, "stderr", r.stderr)
			})
		}
	}
}

// TestExplainResponseForms: the forms `curl -si` and `-siL` print.
func TestExplainResponseForms(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name      string
		response  string
		status    float64
		schemes   []string
		redirects int
		firstID   string
	}{
		{"LF", exBasic401, 401, []string{"Basic"}, 0, "NO_CREDENTIALS"},
		{"CRLF", crlf(exBasic401), 401, []string{"Basic"}, 0, "NO_CREDENTIALS"},
		{"HTTP/2 LF", exH2401, 401, []string{"Bearer"}, 0, "NO_CREDENTIALS"},
		{"HTTP/2 CRLF", crlf(exH2401), 401, []string{"Bearer"}, 0, "NO_CREDENTIALS"},
		{"HTTP/1.0", "HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"old\"\r\n\r\n", 401, []string{"Basic"}, 0, "NO_CREDENTIALS"},
		{"no reason phrase", "HTTP/1.1 403\r\n\r\n", 403, nil, 0, "NO_CREDENTIALS"},
		{"CONNECT preamble", crlf(exConnect401), 401, []string{"Basic"}, 0, "NO_CREDENTIALS"},
		{"CONNECT preamble, LF", exConnect401, 401, []string{"Basic"}, 0, "NO_CREDENTIALS"},
		{"100 Continue", crlf(exContinue401), 401, []string{"Basic"}, 0, "NO_CREDENTIALS"},
		{"CONNECT then 100 Continue", crlf("HTTP/1.1 200 Connection established\n\n" + exContinue401), 401, []string{"Basic"}, 0, "NO_CREDENTIALS"},
		{"redirect chain", crlf(exRedirect401), 401, []string{"Bearer"}, 1, "NO_CREDENTIALS"},
		{"two redirects", crlf("HTTP/1.1 301 Moved Permanently\nLocation: https://api.example.test/v1/orders/\n\n" + exRedirect401), 401, []string{"Bearer"}, 2, "NO_CREDENTIALS"},
		{"407 Proxy-Authenticate", "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"\r\n\r\n", 407, []string{"Basic"}, 0, "PROXY_AUTH_REQUIRED"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runExplainJSON(t, inv{}, "--response", exFile(t, "r.http", c.response))
			if m.status() != c.status {
				t.Errorf("status %v, want %v", m["status"], c.status)
			}
			if got := challengeSchemes(m); !slices.Equal(got, c.schemes) {
				t.Errorf("challenge schemes %q, want %q", got, c.schemes)
			}
			reds, _ := m["redirects"].([]any)
			if len(reds) != c.redirects {
				t.Errorf("%d redirects, want %d: %v", len(reds), c.redirects, m["redirects"])
			}
			if ids := m.ids(); len(ids) == 0 || ids[0] != c.firstID {
				t.Errorf("diagnosis %v, want %s first", ids, c.firstID)
			}
		})
	}

	// The preamble is skipped and the human output says it was.
	t.Run("CONNECT preamble, human", func(t *testing.T) {
		r := run(t, inv{}, "explain", "--now", demoNow, "--response", exFile(t, "c.http", crlf(exConnect401)))
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		first, _, _ := strings.Cut(r.stdout, "\n")
		if !strings.Contains(first, "401 Unauthorized") {
			t.Errorf("first line %q does not name the 401", first)
		}
		if strings.Contains(first, "200") {
			t.Errorf("first line %q explains the CONNECT answer", first)
		}
	})
}

// TestExplainRedirects: the earlier responses of curl -siL are listed as
// redirects, and Authorization sent to the first host and lost on the
// way to another is AUTH_STRIPPED_ON_REDIRECT.
func TestExplainRedirects(t *testing.T) {
	t.Parallel()
	tok := exRSAToken(t, nil)
	chain := exFile(t, "chain.http", crlf(exRedirect401))
	same := exFile(t, "same.http", crlf(exSameHostRedirect401))
	req := exFile(t, "req.http", exRequest)
	reqNoAuth := exFile(t, "req-noauth.http", exRequestNoAuth)
	cases := []struct {
		name     string
		args     []string
		stripped bool
	}{
		{"--url and --token", []string{"--response", chain, "--url", exURL, "--token", tok}, true},
		{"--request with Host and Authorization", []string{"--response", chain, "--request", req}, true},
		{"--request with Host, --token", []string{"--response", chain, "--request", reqNoAuth, "--token", tok}, true},
		{"--url and --request-header", []string{"--response", chain, "--url", exURL, "--request-header", "Authorization: Bearer " + tok}, true},
		{"redirect to the same host", []string{"--response", same, "--url", exURL, "--token", tok}, false},
		{"nothing sent", []string{"--response", chain, "--url", exURL}, false},
		{"an API key is not Authorization", []string{"--response", chain, "--url", exURL, "--request-header", "X-Api-Key: k-123456789"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runExplainJSON(t, inv{}, c.args...)
			reds, _ := m["redirects"].([]any)
			if len(reds) != 1 {
				t.Fatalf("redirects %v, want one", m["redirects"])
			}
			rd, _ := reds[0].(map[string]any)
			if rd["status"] != float64(302) {
				t.Errorf("redirect status %v, want 302", rd["status"])
			}
			wantLoc := "https://login.other.test/landing"
			if !c.stripped && strings.Contains(c.name, "same host") {
				wantLoc = "https://api.example.test/v2/orders"
			}
			if rd["location"] != wantLoc {
				t.Errorf("redirect location %v, want %s", rd["location"], wantLoc)
			}
			if len(rd) != 2 {
				t.Errorf("redirect %v should be {status, location}", rd)
			}
			d := m.find("AUTH_STRIPPED_ON_REDIRECT")
			if (d != nil) != c.stripped {
				t.Fatalf("AUTH_STRIPPED_ON_REDIRECT listed = %v, want %v: %v", d != nil, c.stripped, m.ids())
			}
			if c.stripped {
				if ids := m.ids(); ids[0] != "AUTH_STRIPPED_ON_REDIRECT" {
					t.Errorf("diagnosis %v, want AUTH_STRIPPED_ON_REDIRECT first", ids)
				}
				ev := strings.Join(evidenceOf(d), "\n")
				if !strings.Contains(ev, "login.other.test") || !strings.Contains(ev, "api.example.test") {
					t.Errorf("evidence %q should name both hosts", ev)
				}
			}
		})
	}

	t.Run("human", func(t *testing.T) {
		r := run(t, inv{}, "explain", "--now", demoNow, "--response", chain, "--url", exURL, "--token", tok)
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		if !strings.Contains(r.stdout, "302") || !strings.Contains(r.stdout, "https://login.other.test/landing") {
			t.Errorf("human output does not list the redirect:\n%s", r.stdout)
		}
		if !strings.Contains(r.stdout, "AUTH_STRIPPED_ON_REDIRECT") {
			t.Errorf("human output lacks AUTH_STRIPPED_ON_REDIRECT:\n%s", r.stdout)
		}
	})
}

// TestExplainStdin: each of --response, --token and --request reads
// stdin alone with -.
func TestExplainStdin(t *testing.T) {
	t.Parallel()
	tok := exRSAToken(t, nil)
	resp := exFile(t, "r.http", crlf(exBearer401))

	t.Run("--response -", func(t *testing.T) {
		m := runExplainJSON(t, inv{stdin: crlf(exRedirect401)}, "--response", "-", "--url", exURL, "--token", tok)
		if m.status() != 401 || m.find("AUTH_STRIPPED_ON_REDIRECT") == nil {
			t.Errorf("status %v, diagnosis %v; want 401 with AUTH_STRIPPED_ON_REDIRECT", m["status"], m.ids())
		}
	})
	t.Run("--token -", func(t *testing.T) {
		m := runExplainJSON(t, inv{stdin: tok + "\n"}, "--response", resp, "--token", "-")
		tk := m.object("token")
		if tk == nil || tk["kind"] != "jws" || tk["input_form"] != "bearer" {
			t.Fatalf("token %v, want a JWS sent as bearer", m["token"])
		}
		if cr := m.object("credentials"); cr == nil || cr["kind"] != "bearer" {
			t.Errorf("credentials %v, want bearer", m["credentials"])
		}
	})
	t.Run("--token - with Bearer prefix", func(t *testing.T) {
		m := runExplainJSON(t, inv{stdin: "Bearer " + tok + "\r\n"}, "--response", resp, "--token", "-")
		if tk := m.object("token"); tk == nil || tk["kind"] != "jws" {
			t.Fatalf("token %v, want a JWS", m["token"])
		}
	})
	t.Run("--request -", func(t *testing.T) {
		req := "GET /v1/orders HTTP/1.1\r\nHost: api.example.test\r\nAuthorization: Bearer " + tok + "\r\n\r\n"
		m := runExplainJSON(t, inv{stdin: req}, "--response", resp, "--request", "-")
		tk := m.object("token")
		if tk == nil || tk["kind"] != "jws" || tk["input_form"] != "bearer" {
			t.Fatalf("token %v, want the request's bearer JWS", m["token"])
		}
		if cr := m.object("credentials"); cr == nil || cr["kind"] != "bearer" || cr["header"] != "Authorization" {
			t.Errorf("credentials %v, want bearer in Authorization", m["credentials"])
		}
	})
	t.Run("--request - gives the host for redirects", func(t *testing.T) {
		m := runExplainJSON(t, inv{stdin: exRequest}, "--response", exFile(t, "chain.http", exRedirect401), "--request", "-")
		if m.find("AUTH_STRIPPED_ON_REDIRECT") == nil {
			t.Errorf("diagnosis %v lacks AUTH_STRIPPED_ON_REDIRECT", m.ids())
		}
	})
}

// TestExplainCredentials: what the request carried, by flag.
func TestExplainCredentials(t *testing.T) {
	t.Parallel()
	resp := exFile(t, "r.http", crlf(exBearer401))
	req := exFile(t, "req.http", exRequest)
	jws := exRSAToken(t, nil)
	cases := []struct {
		name      string
		args      []string
		kind      string // "" = credentials null
		header    string
		tokenForm string // "" = token null
	}{
		{"--token raw JWS", []string{"--token", jws}, "bearer", "Authorization", "bearer"},
		{"--token 'Bearer JWS'", []string{"--token", "Bearer " + jws}, "bearer", "Authorization", "bearer"},
		{"--token 'bearer JWS' lower case", []string{"--token", "bearer " + jws}, "bearer", "Authorization", "bearer"},
		{"--token raw opaque", []string{"--token", "opaque-token-value-0123456789"}, "bearer", "Authorization", "bearer"},
		{"--token 'Bearer x'", []string{"--token", "Bearer x"}, "bearer", "Authorization", "bearer"},
		{"--token 'DPoP JWS'", []string{"--token", "DPoP " + jws}, "dpop", "Authorization", "dpop"},
		{"--token 'DPoP x'", []string{"--token", "DPoP x"}, "dpop", "Authorization", "dpop"},
		{"--token Authorization line", []string{"--token", "Authorization: Bearer " + jws}, "bearer", "Authorization", "bearer"},
		{"--request-header X-Api-Key", []string{"--request-header", "X-Api-Key: k"}, "api_key", "X-Api-Key", ""},
		{"--request-header Cookie", []string{"--request-header", "Cookie: session=abc; theme=dark"}, "cookie", "Cookie", ""},
		{"--request-header Basic", []string{"--request-header", "Authorization: Basic dXNlcjpwYXNz"}, "basic", "Authorization", ""},
		{"--request file with Bearer", []string{"--request", req}, "bearer", "Authorization", "bearer"},
		{"--request-header Bearer", []string{"--request-header", "Authorization: Bearer " + jws}, "bearer", "Authorization", "bearer"},
		{"nothing sent", nil, "", "", ""},
		{"--request without Authorization", []string{"--request", exFile(t, "noauth.http", exRequestNoAuth)}, "", "", ""},
		{"--request-header unrelated", []string{"--request-header", "Accept: application/json"}, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runExplainJSON(t, inv{}, append([]string{"--response", resp}, c.args...)...)
			if c.kind == "" {
				if v, ok := m["credentials"]; !ok || v != nil {
					t.Errorf("credentials %v, want null", m["credentials"])
				}
				if v, ok := m["token"]; !ok || v != nil {
					t.Errorf("token %v, want null", m["token"])
				}
				if ids := m.ids(); len(ids) == 0 || ids[0] != "NO_CREDENTIALS" {
					t.Errorf("diagnosis %v, want NO_CREDENTIALS first", ids)
				}
				return
			}
			cr := m.object("credentials")
			if cr == nil || cr["kind"] != c.kind || cr["header"] != c.header {
				t.Errorf("credentials %v, want kind %s in %s", m["credentials"], c.kind, c.header)
			}
			if fp, _ := cr["fingerprint"].(string); fp == "" {
				t.Errorf("credentials %v have no fingerprint", cr)
			}
			if slices.Contains(m.ids(), "NO_CREDENTIALS") {
				t.Errorf("diagnosis %v has NO_CREDENTIALS although %s was sent", m.ids(), c.kind)
			}
			if c.tokenForm == "" {
				if v, ok := m["token"]; !ok || v != nil {
					t.Errorf("token %v, want null for %s", m["token"], c.kind)
				}
				return
			}
			tk := m.object("token")
			if tk == nil || tk["input_form"] != c.tokenForm {
				t.Errorf("token %v, want input_form %s", m["token"], c.tokenForm)
			}
		})
	}
}

// TestExplainTokenReplacesRequestAuthorization: --token overrides the
// Authorization of --request, and says so (CONTRACT "explain").
func TestExplainTokenReplacesRequestAuthorization(t *testing.T) {
	t.Parallel()
	resp := exFile(t, "r.http", crlf(exBearer401))
	req := exFile(t, "req.http", exRequest)
	tok := exRSAToken(t, nil)
	tail := tok[len(tok)-4:]

	t.Run("json", func(t *testing.T) {
		m := runExplainJSON(t, inv{}, "--response", resp, "--request", req, "--token", tok)
		notes := m.notes()
		if len(notes) == 0 || !strings.Contains(strings.Join(notes, "\n"), "--token") {
			t.Errorf("notes %q do not say --token replaced the request's Authorization", notes)
		}
		if tk := m.object("token"); tk == nil || tk["kind"] != "jws" {
			t.Errorf("token %v: the --token JWS, not the request's opaque token, should be decoded", m["token"])
		}
		cr := m.object("credentials")
		if fp, _ := cr["fingerprint"].(string); !strings.HasSuffix(fp, tail) {
			t.Errorf("fingerprint %q is not the --token's (…%s)", fp, tail)
		}
	})
	t.Run("human", func(t *testing.T) {
		r := run(t, inv{}, "explain", "--now", demoNow, "--response", resp, "--request", req, "--token", tok)
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		var note string
		for _, l := range strings.Split(r.stdout, "\n") {
			if strings.Contains(l, "note:") {
				note = l
			}
		}
		if !strings.Contains(note, "--token") || !strings.Contains(note, "Authorization") {
			t.Errorf("no note: line says --token replaced the Authorization:\n%s", r.stdout)
		}
	})
	t.Run("no note without a replaced header", func(t *testing.T) {
		m := runExplainJSON(t, inv{}, "--response", resp, "--request", exFile(t, "noauth.http", exRequestNoAuth), "--token", tok)
		if n, ok := m["notes"].([]any); !ok || len(n) != 0 {
			t.Errorf("notes %v, want []", m["notes"])
		}
		r := run(t, inv{}, "explain", "--now", demoNow, "--response", resp, "--token", tok)
		if strings.Contains(r.stdout, "note:") {
			t.Errorf("human output has a note although nothing was replaced:\n%s", r.stdout)
		}
	})
	t.Run("replaces --request-header Authorization too", func(t *testing.T) {
		m := runExplainJSON(t, inv{}, "--response", resp, "--request-header", "Authorization: Basic dXNlcjpwYXNz", "--token", tok)
		if cr := m.object("credentials"); cr == nil || cr["kind"] != "bearer" {
			t.Errorf("credentials %v, want the --token bearer", m["credentials"])
		}
		if len(m.notes()) == 0 {
			t.Errorf("no note says the Authorization was replaced")
		}
	})
}

// TestExplainJSONShape: the top-level members and their types (CONTRACT
// "explain" JSON).
func TestExplainJSONShape(t *testing.T) {
	t.Parallel()
	tok := exRSAToken(t, nil)
	cases := []struct {
		name string
		args []string
	}{
		{"bearer 401 with redirect", []string{"--response", exFile(t, "chain.http", crlf(exRedirect401)), "--url", exURL, "--token", tok}},
		{"nothing sent, no challenge", []string{"--status", "401"}},
		{"403 with api key", []string{"--response", exFile(t, "403.http", exForbidden403), "--request-header", "X-Api-Key: k-123456789"}},
		{"challenge without commas", []string{"--status", "401", "--response-header", `WWW-Authenticate: Bearer realm="a" error="invalid_token"`, "--token", tok}},
		{"200", []string{"--status", "200"}},
	}
	sevs := []string{"info", "warning", "error"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runExplainJSON(t, inv{}, c.args...)
			for _, k := range []string{"status", "challenges", "diagnostics", "credentials", "token", "redirects", "diagnosis"} {
				if _, ok := m[k]; !ok {
					t.Errorf("member %q missing", k)
				}
			}
			if _, ok := m["status"].(float64); !ok {
				t.Errorf("status %v is not a number", m["status"])
			}
			for _, k := range []string{"challenges", "diagnostics", "redirects", "diagnosis"} {
				if _, ok := m[k].([]any); !ok {
					t.Errorf("%s is %v, want an array (never null)", k, m[k])
				}
			}
			for _, k := range []string{"credentials", "token"} {
				if v := m[k]; v != nil {
					if _, ok := v.(map[string]any); !ok {
						t.Errorf("%s is %T, want an object or null", k, v)
					}
				}
			}
			chs, _ := m["challenges"].([]any)
			for _, ch := range chs {
				o, _ := ch.(map[string]any)
				if _, ok := o["scheme"].(string); !ok {
					t.Errorf("challenge %v has no scheme", ch)
				}
				if _, ok := o["token68"]; !ok {
					t.Errorf("challenge %v has no token68 member", ch)
				}
				ps, ok := o["params"].([]any)
				if !ok {
					t.Errorf("challenge %v params is not an array", ch)
				}
				for _, p := range ps {
					po, _ := p.(map[string]any)
					if _, ok := po["name"].(string); !ok {
						t.Errorf("param %v has no name", p)
					}
					if _, ok := po["value"].(string); !ok {
						t.Errorf("param %v has no value", p)
					}
				}
			}
			dgs, _ := m["diagnostics"].([]any)
			if strings.Contains(c.name, "without commas") && len(dgs) == 0 {
				t.Errorf("a challenge without commas has no parser diagnostic")
			}
			for _, dg := range dgs {
				o, _ := dg.(map[string]any)
				for _, k := range []string{"severity", "code", "message"} {
					if _, ok := o[k].(string); !ok {
						t.Errorf("diagnostic %v has no %s", dg, k)
					}
				}
			}
			if cr := m.object("credentials"); cr != nil {
				for _, k := range []string{"kind", "header", "fingerprint"} {
					if _, ok := cr[k].(string); !ok {
						t.Errorf("credentials %v has no %s", cr, k)
					}
				}
			}
			if tk := m.object("token"); tk != nil {
				for _, k := range []string{"input_form", "kind", "opaque_format", "header", "payload", "payload_text", "signature", "time", "findings", "error"} {
					if _, ok := tk[k]; !ok {
						t.Errorf("token lacks %q", k)
					}
				}
				if _, ok := tk["signature"].(map[string]any); !ok {
					t.Errorf("token.signature %v is not an object", tk["signature"])
				}
				if _, ok := tk["time"].(map[string]any); !ok {
					t.Errorf("token.time %v is not an object", tk["time"])
				}
			}
			if len(m.diagnosis()) == 0 && m.status() >= 400 {
				t.Errorf("a %v response has no diagnosis", m["status"])
			}
			for _, d := range m.diagnosis() {
				for _, k := range []string{"id", "severity", "title", "detail", "fix"} {
					if s, ok := d[k].(string); !ok || s == "" {
						t.Errorf("diagnosis %v: %s is %v, want a non-empty string", d["id"], k, d[k])
					}
				}
				if !slices.Contains(sevs, fmt.Sprint(d["severity"])) {
					t.Errorf("diagnosis %v: severity %v", d["id"], d["severity"])
				}
				if _, ok := d["evidence"].([]any); !ok {
					t.Errorf("diagnosis %v: evidence %v is not an array", d["id"], d["evidence"])
				}
			}
		})
	}

	t.Run("bearer token input_form", func(t *testing.T) {
		m := runExplainJSON(t, inv{}, "--status", "401", "--token", tok)
		tk := m.object("token")
		if tk == nil || tk["input_form"] != "bearer" || tk["kind"] != "jws" {
			t.Fatalf("token %v, want input_form bearer, kind jws", m["token"])
		}
		hdr, _ := tk["header"].(map[string]any)
		if hdr["alg"] != "RS256" || hdr["kid"] != "ex-1" {
			t.Errorf("token.header %v", hdr)
		}
		pl, _ := tk["payload"].(map[string]any)
		if pl["aud"] != "api://orders" {
			t.Errorf("token.payload %v", pl)
		}
		if sig, _ := tk["signature"].(map[string]any); sig["status"] != "unverified" {
			t.Errorf("signature %v, want unverified without a key", sig)
		}
		if tm, _ := tk["time"].(map[string]any); tm["status"] != "valid" || tm["now"] != demoNow {
			t.Errorf("time %v, want valid at %s", tm, demoNow)
		}
	})

	t.Run("JSON is never coloured", func(t *testing.T) {
		r := run(t, inv{stdoutTTY: true}, "explain", "--json", "--now", demoNow, "--status", "401", "--token", tok)
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		noESC(t, "JSON on a terminal", r.stdout)
	})
}

// metaServer serves an RFC 9728 document at path on loopback and counts
// requests; resource gets the server's base URL.
func metaServer(t *testing.T, path string, resource func(base string) string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	var base string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path != path {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"resource":              resource(base),
			"authorization_servers": []string{"https://id.example.test/"},
			"scopes_supported":      []string{"orders:read"},
		})
	}))
	base = srv.URL
	t.Cleanup(srv.Close)
	return srv, &hits
}

const exMetaPath = "/.well-known/oauth-protected-resource/v1/orders"

func fixed(s string) func(string) string { return func(string) string { return s } }

// TestExplainFetchMetadata: --fetch-metadata fetches the resource_metadata
// document the challenge names and checks it; without the flag nothing is
// fetched (CONTRACT: never without an explicit action).
func TestExplainFetchMetadata(t *testing.T) {
	t.Parallel()
	tok := exRSAToken(t, nil)
	const otherResource = "https://other.example.test/v1/orders"

	challengeFor := func(metaURL string) string {
		return crlf("HTTP/1.1 401 Unauthorized\n" +
			"WWW-Authenticate: Bearer resource_metadata=\"" + metaURL + "\", error=\"invalid_token\"\n\n")
	}

	t.Run("resource differs from the requested URL", func(t *testing.T) {
		srv, hits := metaServer(t, exMetaPath, fixed(otherResource))
		metaURL := srv.URL + "/.well-known/oauth-protected-resource/v1/orders"
		resp := exFile(t, "r.http", challengeFor(metaURL))
		m := runExplainJSON(t, inv{}, "--response", resp, "--url", exURL, "--token", tok, "--fetch-metadata")
		if hits.Load() == 0 {
			t.Fatalf("--fetch-metadata fetched nothing from %s", metaURL)
		}
		d := m.find("RESOURCE_METADATA")
		if d == nil {
			t.Fatalf("diagnosis %v lacks RESOURCE_METADATA", m.ids())
		}
		ev := strings.Join(evidenceOf(d), "\n")
		if !strings.Contains(ev, otherResource) || !strings.Contains(ev, exURL) {
			t.Errorf("evidence should name the resource %s and the requested URL %s:\n%s", otherResource, exURL, ev)
		}
		if !strings.Contains(ev, "RESOURCE_MISMATCH") && !strings.Contains(strings.ToLower(ev), "mismatch") {
			t.Errorf("evidence does not call it a mismatch:\n%s", ev)
		}
		if d["severity"] == "info" {
			t.Errorf("a metadata document that does not fit the request is only %v", d["severity"])
		}
	})

	t.Run("resource matches the requested URL", func(t *testing.T) {
		srv, hits := metaServer(t, exMetaPath, fixed(exURL))
		metaURL := srv.URL + "/.well-known/oauth-protected-resource/v1/orders"
		m := runExplainJSON(t, inv{}, "--response", exFile(t, "r.http", challengeFor(metaURL)), "--url", exURL, "--token", tok, "--fetch-metadata")
		if hits.Load() == 0 {
			t.Fatalf("--fetch-metadata fetched nothing")
		}
		d := m.find("RESOURCE_METADATA")
		if d == nil {
			t.Fatalf("diagnosis %v lacks RESOURCE_METADATA", m.ids())
		}
		ev := strings.Join(evidenceOf(d), "\n")
		if strings.Contains(ev, "RESOURCE_MISMATCH") {
			t.Errorf("a matching resource is reported as a mismatch:\n%s", ev)
		}
	})

	t.Run("without the flag nothing is fetched", func(t *testing.T) {
		srv, hits := metaServer(t, exMetaPath, fixed(otherResource))
		metaURL := srv.URL + "/.well-known/oauth-protected-resource/v1/orders"
		resp := exFile(t, "r.http", challengeFor(metaURL))
		m := runExplainJSON(t, inv{}, "--response", resp, "--url", exURL, "--token", tok)
		r := run(t, inv{}, "explain", "--now", demoNow, "--response", resp, "--url", exURL, "--token", tok)
		if r.code != 0 {
			t.Fatalf("human: want exit 0:\n%s", r)
		}
		if n := hits.Load(); n != 0 {
			t.Errorf("the server got %d request(s) without --fetch-metadata", n)
		}
		d := m.find("RESOURCE_METADATA")
		if d == nil {
			t.Fatalf("diagnosis %v lacks RESOURCE_METADATA (the challenge names a document)", m.ids())
		}
		if ev := strings.Join(evidenceOf(d), "\n"); !strings.Contains(ev, metaURL) {
			t.Errorf("evidence should point to %s:\n%s", metaURL, ev)
		}
	})

	t.Run("plain http on a non-loopback host is not fetched", func(t *testing.T) {
		metaURL := "http://metadata.example.test/.well-known/oauth-protected-resource/v1/orders"
		for _, jsonOut := range []bool{true, false} {
			args := []string{"explain", "--now", demoNow, "--response", exFile(t, "r.http", challengeFor(metaURL)), "--url", exURL, "--fetch-metadata"}
			if jsonOut {
				args = append(args, "--json")
			}
			r := run(t, inv{}, args...)
			if r.code != 0 {
				t.Fatalf("want exit 0 (the fetch failing is evidence, not an error):\n%s", r)
			}
			if !jsonOut {
				if !strings.Contains(r.stdout, "RESOURCE_METADATA") {
					t.Errorf("human output lacks RESOURCE_METADATA:\n%s", r.stdout)
				}
				continue
			}
			m := parseExplain(t, r)
			d := m.find("RESOURCE_METADATA")
			if d == nil {
				t.Fatalf("diagnosis %v lacks RESOURCE_METADATA", m.ids())
			}
			ev := strings.Join(evidenceOf(d), "\n")
			if !strings.Contains(ev, "metadata "+metaURL+":") || !strings.Contains(ev, "http") {
				t.Errorf("evidence should say why %s was not fetched:\n%s", metaURL, ev)
			}
			if !strings.Contains(ev, "plain http") {
				t.Errorf("evidence does not say plain http is refused:\n%s", ev)
			}
		}
	})

	t.Run("well-known URL built from --url", func(t *testing.T) {
		srv, hits := metaServer(t, exMetaPath, func(base string) string { return base + "/v1/orders" })
		resp := exFile(t, "r.http", crlf("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\"\n\n"))
		m := runExplainJSON(t, inv{}, "--response", resp, "--url", srv.URL+"/v1/orders", "--fetch-metadata")
		if hits.Load() == 0 {
			t.Fatalf("nothing fetched from the well-known URL")
		}
		d := m.find("RESOURCE_METADATA")
		if d == nil {
			t.Fatalf("diagnosis %v lacks RESOURCE_METADATA", m.ids())
		}
		ev := strings.Join(evidenceOf(d), "\n")
		if !strings.Contains(ev, "metadata resource "+srv.URL+"/v1/orders") || strings.Contains(ev, "RESOURCE_MISMATCH") {
			t.Errorf("evidence should show the fetched, matching document:\n%s", ev)
		}
	})

	// BUG: when the metadata URL is built by the well-known rule (no
	// resource_metadata in the challenge), the CLI still passes the
	// request URL to resourcemeta.Check as "the URL the client requested",
	// although Check's doc says to pass "" then. So a request to
	// https://host/ whose root document says resource https://host (both
	// build the same well-known URL, which Check accepts) is reported as
	// RESOURCE_MISMATCH.
	t.Run("well-known URL from a root URL with a trailing slash", func(t *testing.T) {
		srv, hits := metaServer(t, "/.well-known/oauth-protected-resource", func(base string) string { return base })
		resp := exFile(t, "r.http", crlf("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm=\"api\"\n\n"))
		m := runExplainJSON(t, inv{}, "--response", resp, "--url", srv.URL+"/", "--fetch-metadata")
		if hits.Load() == 0 {
			t.Fatalf("nothing fetched from the well-known URL")
		}
		d := m.find("RESOURCE_METADATA")
		if d == nil {
			t.Fatalf("diagnosis %v lacks RESOURCE_METADATA", m.ids())
		}
		if ev := strings.Join(evidenceOf(d), "\n"); strings.Contains(ev, "RESOURCE_MISMATCH") {
			t.Errorf("%s/ and %s build the same well-known URL, yet:\n%s", srv.URL, srv.URL, ev)
		}
	})

	t.Run("nothing to fetch", func(t *testing.T) {
		m := runExplainJSON(t, inv{}, "--status", "401", "--response-header", "WWW-Authenticate: Bearer", "--fetch-metadata")
		d := m.find("RESOURCE_METADATA")
		if d == nil {
			t.Fatalf("diagnosis %v lacks RESOURCE_METADATA saying nothing could be fetched", m.ids())
		}
		ev := strings.Join(evidenceOf(d), "\n")
		if !strings.Contains(ev, "resource_metadata") {
			t.Errorf("evidence does not say why nothing was fetched:\n%s", ev)
		}
		// BUG (cosmetic): with no URL the evidence reads "metadata : …".
		if strings.Contains(ev, "metadata :") {
			t.Errorf("evidence names an empty URL: %q", ev)
		}
	})

	t.Run("the document is not there", func(t *testing.T) {
		srv, hits := metaServer(t, exMetaPath, fixed(exURL))
		metaURL := srv.URL + "/.well-known/oauth-protected-resource/elsewhere"
		m := runExplainJSON(t, inv{}, "--response", exFile(t, "r.http", challengeFor(metaURL)), "--url", exURL, "--fetch-metadata")
		if hits.Load() == 0 {
			t.Fatalf("nothing fetched")
		}
		d := m.find("RESOURCE_METADATA")
		if d == nil {
			t.Fatalf("diagnosis %v lacks RESOURCE_METADATA", m.ids())
		}
		if ev := strings.Join(evidenceOf(d), "\n"); !strings.Contains(ev, "404") {
			t.Errorf("evidence should say the fetch got 404:\n%s", ev)
		}
	})
}

// TestExplainExpectations: --issuer, --audience and --scope are compared
// with the token, and nothing is fetched for them.
func TestExplainExpectations(t *testing.T) {
	t.Parallel()
	resp401 := exFile(t, "401.http", crlf(exBearer401))
	resp403 := exFile(t, "403.http", crlf(exForbidden403))
	orders := exRSAToken(t, map[string]any{"scope": "orders:read"})
	cases := []struct {
		name    string
		args    []string
		want    string
		notWant string
	}{
		{"--audience mismatch", []string{"--response", resp401, "--token", orders, "--audience", "api://billing"}, "AUDIENCE_MISMATCH", ""},
		{"--audience match", []string{"--response", resp401, "--token", orders, "--audience", "api://orders"}, "", "AUDIENCE_MISMATCH"},
		{"--issuer mismatch", []string{"--response", resp401, "--token", orders, "--issuer", "https://id.other.test/"}, "ISSUER_MISMATCH", ""},
		{"--issuer match", []string{"--response", resp401, "--token", orders, "--issuer", "https://id.example.test/"}, "", "ISSUER_MISMATCH"},
		{"--scope missing, 403", []string{"--response", resp403, "--token", orders, "--scope", "orders:write"}, "INSUFFICIENT_SCOPE", ""},
		{"--scope comma list, 403", []string{"--response", resp403, "--token", orders, "--scope", "orders:read,orders:write"}, "INSUFFICIENT_SCOPE", ""},
		{"--scope held, 403", []string{"--response", resp403, "--token", orders, "--scope", "orders:read"}, "", "INSUFFICIENT_SCOPE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runExplainJSON(t, inv{}, c.args...)
			if c.want != "" {
				d := m.find(c.want)
				if d == nil {
					t.Fatalf("diagnosis %v lacks %s", m.ids(), c.want)
				}
				if len(evidenceOf(d)) == 0 {
					t.Errorf("%s has no evidence", c.want)
				}
			}
			if c.notWant != "" && m.find(c.notWant) != nil {
				t.Errorf("diagnosis %v has %s", m.ids(), c.notWant)
			}
		})
	}
	t.Run("the missing scope is named", func(t *testing.T) {
		m := runExplainJSON(t, inv{}, "--response", resp403, "--token", orders, "--scope", "orders:write")
		d := m.find("INSUFFICIENT_SCOPE")
		if d == nil {
			t.Fatalf("diagnosis %v lacks INSUFFICIENT_SCOPE", m.ids())
		}
		if all := fmt.Sprint(d["title"], evidenceOf(d)); !strings.Contains(all, "orders:write") {
			t.Errorf("INSUFFICIENT_SCOPE does not name orders:write: %s", all)
		}
	})
	t.Run("the audiences are named", func(t *testing.T) {
		m := runExplainJSON(t, inv{}, "--response", resp401, "--token", orders, "--audience", "api://billing")
		d := m.find("AUDIENCE_MISMATCH")
		if d == nil {
			t.Fatalf("diagnosis %v lacks AUDIENCE_MISMATCH", m.ids())
		}
		all := fmt.Sprint(d["title"], evidenceOf(d))
		if !strings.Contains(all, "api://orders") || !strings.Contains(all, "api://billing") {
			t.Errorf("AUDIENCE_MISMATCH does not name both audiences: %s", all)
		}
	})
}

// TestExplainKeyFlags: decode's key flags verify the token that was sent.
func TestExplainKeyFlags(t *testing.T) {
	t.Parallel()
	resp := exFile(t, "r.http", crlf(exBearer401))
	hs := exHMACToken(t, nil)
	right := exFile(t, "right.secret", exSecret)
	wrong := exFile(t, "wrong.secret", "not-the-secret-Bz8Mx3Kq7Vn1Lw5Rt9Ys")
	rightPub := exFile(t, "right.pem", string(publicPEM(t, &testRSA().PublicKey)))
	rs := exRSAToken(t, nil)
	cases := []struct {
		name    string
		args    []string
		status  string
		invalid bool
	}{
		{"--secret-file right", []string{"--token", hs, "--secret-file", right}, "verified", false},
		{"--secret-file wrong", []string{"--token", hs, "--secret-file", wrong}, "invalid", true},
		{"--secret-env right", []string{"--token", hs, "--secret-env", "EX_SECRET"}, "verified", false},
		{"no key", []string{"--token", hs}, "unverified", false},
		{"--key right", []string{"--token", rs, "--key", rightPub}, "verified", false},
		{"--key wrong (demo key)", []string{"--token", rs, "--key", demoKeyPath}, "invalid", true},
		{"--key for the demo token", []string{"--token", demoToken(t), "--key", demoKeyPath}, "verified", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := inv{env: map[string]string{"EX_SECRET": exSecret}}
			m := runExplainJSON(t, o, append([]string{"--response", resp}, c.args...)...)
			tk := m.object("token")
			sig, _ := tk["signature"].(map[string]any)
			if sig["status"] != c.status {
				t.Errorf("token.signature %v, want status %s", sig, c.status)
			}
			if got := m.find("SIGNATURE_INVALID") != nil; got != c.invalid {
				t.Errorf("SIGNATURE_INVALID listed = %v, want %v: %v", got, c.invalid, m.ids())
			}
			if c.invalid {
				if ids := m.ids(); ids[0] != "SIGNATURE_INVALID" {
					t.Errorf("diagnosis %v: an invalid signature on an invalid_token 401 should come first", ids)
				}
			}
		})
	}
	t.Run("the secret never shows", func(t *testing.T) {
		for _, jsonOut := range []bool{false, true} {
			args := []string{"explain", "--now", demoNow, "--response", resp, "--token", hs, "--secret-file", right}
			if jsonOut {
				args = append(args, "--json")
			}
			r := run(t, inv{}, args...)
			if strings.Contains(r.stdout+r.stderr, exSecret) {
				t.Errorf("the HMAC secret appears in the output:\n%s", r)
			}
		}
	})
}

// TestExplainHuman: the report's layout when stdout is not a terminal.
func TestExplainHuman(t *testing.T) {
	t.Parallel()
	tok := exRSAToken(t, nil)
	chain := exFile(t, "chain.http", crlf(exRedirect401))
	cases := []struct {
		name  string
		args  []string
		first string
	}{
		{"401 redirect", []string{"--response", chain, "--url", exURL, "--token", tok}, "401 Unauthorized"},
		{"401 nothing sent", []string{"--response", exFile(t, "b.http", crlf(exBasic401))}, "401 Unauthorized"},
		{"403 with scope", []string{"--response", exFile(t, "403.http", exForbidden403), "--token", exRSAToken(t, map[string]any{"scope": "a"}), "--scope", "b"}, "403 Forbidden"},
		{"407 from --status", []string{"--status", "407", "--response-header", `Proxy-Authenticate: Basic realm="p"`}, "407 Proxy Authentication Required"},
		{"HTTP/2 401", []string{"--response", exFile(t, "h2.http", exH2401), "--token", tok}, "401 Unauthorized"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := runExplainJSON(t, inv{}, c.args...)
			r := run(t, inv{}, append([]string{"explain", "--now", demoNow}, c.args...)...)
			if r.code != 0 {
				t.Fatalf("want exit 0:\n%s", r)
			}
			if r.stderr != "" {
				t.Errorf("stderr: %q", r.stderr)
			}
			noESC(t, "stdout (not a terminal)", r.stdout)
			lines := strings.Split(r.stdout, "\n")
			if !strings.HasPrefix(lines[0], c.first) {
				t.Errorf("first line %q does not start with %q", lines[0], c.first)
			}
			ds := m.diagnosis()
			if len(ds) == 0 {
				t.Fatalf("no diagnosis in the JSON")
			}
			title, _ := ds[0]["title"].(string)
			if !strings.Contains(r.stdout, title) {
				t.Errorf("the first diagnosis %q does not appear:\n%s", title, r.stdout)
			}
			if fix, _ := ds[0]["fix"].(string); !strings.Contains(r.stdout, fix) {
				t.Errorf("the first diagnosis's fix %q does not appear:\n%s", fix, r.stdout)
			}
			for _, ev := range evidenceOf(ds[0]) {
				if !strings.Contains(r.stdout, ev) {
					t.Errorf("evidence %q does not appear:\n%s", ev, r.stdout)
				}
			}
			_, after, hasAlso := strings.Cut(r.stdout, "\nalso\n")
			if len(ds) > 1 {
				if !hasAlso {
					t.Fatalf("%d diagnoses but no \"also\" section:\n%s", len(ds), r.stdout)
				}
				for _, d := range ds[1:] {
					title, _ := d["title"].(string)
					id, _ := d["id"].(string)
					if !strings.Contains(after, title) || !strings.Contains(after, id) {
						t.Errorf("\"also\" lacks %s %q:\n%s", id, title, after)
					}
				}
			} else if hasAlso {
				t.Errorf("one diagnosis, yet an \"also\" section:\n%s", r.stdout)
			}
		})
	}

	t.Run("no credentials", func(t *testing.T) {
		r := run(t, inv{}, "explain", "--now", demoNow, "--status", "401")
		first, _, _ := strings.Cut(r.stdout, "\n")
		if !strings.Contains(first, "no credentials") {
			t.Errorf("first line %q does not say nothing was sent", first)
		}
	})
	t.Run("colour only on a terminal", func(t *testing.T) {
		args := []string{"explain", "--now", demoNow, "--response", chain, "--url", exURL, "--token", tok}
		r := run(t, inv{stdoutTTY: true}, args...)
		if !strings.Contains(r.stdout, "\x1b[") {
			t.Errorf("no colour on a terminal:\n%q", r.stdout)
		}
		noESC(t, "stdout after removing SGR", sgr.ReplaceAllString(r.stdout, ""))
		for _, o := range []struct {
			inv   inv
			extra []string
		}{
			{inv{stdoutTTY: true}, []string{"--no-color"}},
			{inv{stdoutTTY: true, env: map[string]string{"NO_COLOR": "1"}}, nil},
			{inv{stdoutTTY: true, env: map[string]string{"TERM": "dumb"}}, nil},
		} {
			r := run(t, o.inv, append(append([]string{}, args...), o.extra...)...)
			noESC(t, "stdout without colour", r.stdout)
		}
	})
}

// TestExplainHostileResponse: escape sequences in a response (challenge
// parameters, body, Location) never reach the terminal raw, with colour
// on or off.
func TestExplainHostileResponse(t *testing.T) {
	t.Parallel()
	// escBlink is an SGR sequence the CLI never writes itself, so it
	// survives the removal of the CLI's own colours if it leaks.
	const escClear, escTitle, escBlink = "\x1b[2J", "\x1b]0;x\x07", "\x1b[5m"
	bodyResp := crlf("HTTP/1.1 401 Unauthorized\n"+
		"Content-Type: application/json\n"+
		"WWW-Authenticate: Bearer realm=\"api"+escClear+"\", error=\"invalid_token\", error_description=\"bad "+escClear+" token "+escTitle+"\"\n\n") +
		"{\"error\":\"invalid_token\",\"error_description\":\"The token expired " + escClear + escBlink + escTitle + "\",\"message\":\"Token expired " + escTitle + "\"}"
	plainBody := crlf("HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\n") + "Unauthorized: token expired" + escClear + escBlink + escTitle + "\r\n"
	redirect := crlf("HTTP/1.1 302 Found\nLocation: https://evil.test/" + escClear + escTitle + "\n\n" + exBasic401)
	server := crlf("HTTP/1.1 403 Forbidden\nX-Error: " + escClear + "denied" + escTitle + "\nWWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"a" + escTitle + "\"\n\n")
	tok := exRSAToken(t, nil)
	for name, resp := range map[string]string{"challenge and JSON body": bodyResp, "text body": plainBody, "redirect Location": redirect, "header and scope": server} {
		for _, tty := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/terminal=%v", name, tty), func(t *testing.T) {
				r := run(t, inv{stdoutTTY: tty}, "explain", "--now", demoNow, "--response", exFile(t, "r.http", resp), "--token", tok)
				if r.code != 0 {
					t.Fatalf("want exit 0:\n%s", r)
				}
				out := r.stdout
				if tty {
					out = sgr.ReplaceAllString(out, "")
				}
				noESC(t, "stdout", out)
				noESC(t, "stderr", r.stderr)
				if strings.Contains(r.stdout, escBlink) {
					t.Errorf("stdout passes the response's own SGR sequence through")
				}
				if strings.ContainsRune(out, 0x07) {
					t.Errorf("stdout holds a BEL byte")
				}
			})
		}
	}
	t.Run("--response-header", func(t *testing.T) {
		r := run(t, inv{stdoutTTY: true}, "explain", "--now", demoNow, "--status", "401",
			"--response-header", "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\""+escClear+escTitle+"\"",
			"--token", tok)
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		noESC(t, "stdout", sgr.ReplaceAllString(r.stdout, ""))
	})
	t.Run("usage error quoting a hostile flag", func(t *testing.T) {
		r := run(t, inv{}, "explain", "--status", "401", "--response-header", "bad"+escClear+escTitle)
		if r.code != 2 {
			t.Fatalf("want exit 2:\n%s", r)
		}
		noESC(t, "stderr", r.stderr)
	})
}

// TestExplainNeverPrintsToken: the token sent appears only as its
// fingerprint (the last four characters), in human and JSON output.
func TestExplainNeverPrintsToken(t *testing.T) {
	t.Parallel()
	resp := exFile(t, "r.http", crlf(exBearer401))
	chain := exFile(t, "chain.http", crlf(exRedirect401))
	req := exFile(t, "req.http", exRequest)
	jws := exRSAToken(t, map[string]any{"jti": "distinct-jti-77"})
	opaque := "opaqueSecretTokenValue-Kp4Wz8Nq2Xr6Tm0Jv3Lb"
	ghp := "ghp_Zq8xV3pLm2Nc7Rt4Wy9Kb6Hd1Fg5Aa0Ss2Dd"
	malformed := "eyJhbGciOiJIUzI1NiJ9.notjson-DISTINCT-Qw3Er5Ty7Ui9.c2lnbmF0dXJlLXZhbHVl"
	cases := []struct {
		name  string
		token string
		args  []string
	}{
		{"JWS via --token", jws, []string{"--response", resp, "--token", jws}},
		{"JWS via --token with redirect", jws, []string{"--response", chain, "--url", exURL, "--token", jws}},
		{"JWS via --request-header", jws, []string{"--response", resp, "--request-header", "Authorization: Bearer " + jws}},
		{"DPoP JWS", jws, []string{"--response", resp, "--token", "DPoP " + jws}},
		{"opaque via --token", opaque, []string{"--response", resp, "--token", opaque}},
		{"GitHub token scheme", ghp, []string{"--response", resp, "--request-header", "Authorization: token " + ghp}},
		{"GitHub PAT as bearer", ghp, []string{"--response", resp, "--token", ghp}},
		{"malformed JWT", malformed, []string{"--response", resp, "--token", malformed}},
		{"API key", opaque, []string{"--response", resp, "--request-header", "X-Api-Key: " + opaque}},
		{"replaced request token", exOldToken, []string{"--response", resp, "--request", req, "--token", jws}},
		{"request token", exOldToken, []string{"--response", chain, "--request", req}},
		{"Basic password", "s3cretPassw0rd-Hq7Mz", []string{"--response", exFile(t, "b.http", crlf(exBasic401)), "--request-header", "Authorization: Basic dXNlcjpzM2NyZXRQYXNzdzByZC1IcTdNeg=="}},
	}
	for _, c := range cases {
		for _, jsonOut := range []bool{false, true} {
			name := c.name + "/human"
			if jsonOut {
				name = c.name + "/json"
			}
			t.Run(name, func(t *testing.T) {
				args := append([]string{"explain", "--now", demoNow}, c.args...)
				if jsonOut {
					args = append(args, "--json")
				}
				r := run(t, inv{}, args...)
				if r.code != 0 {
					t.Fatalf("want exit 0:\n%s", r)
				}
				if strings.Contains(r.stdout, c.token) || strings.Contains(r.stderr, c.token) {
					t.Errorf("the raw credential %q appears in the output:\n%s", c.token, r)
				}
			})
		}
	}

	t.Run("fingerprint shows the last four characters", func(t *testing.T) {
		r := run(t, inv{}, "explain", "--now", demoNow, "--response", resp, "--token", opaque)
		first, _, _ := strings.Cut(r.stdout, "\n")
		if !strings.Contains(first, "…"+opaque[len(opaque)-4:]) {
			t.Errorf("first line %q does not show …%s", first, opaque[len(opaque)-4:])
		}
		if strings.Contains(r.stdout, opaque[:12]) {
			t.Errorf("the start of the token appears:\n%s", r.stdout)
		}
	})

	// BUG: when the server echoes the token in its error_description or
	// body, the explanation quotes it in full. A quote of the server
	// should show the sent token as its fingerprint, like everywhere else.
	t.Run("server echoes the token", func(t *testing.T) {
		echo := exFile(t, "echo.http", crlf("HTTP/1.1 401 Unauthorized\n"+
			"Content-Type: application/json\n"+
			"WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"token "+opaque+" is expired\"\n\n")+
			"{\"message\":\"Invalid token: "+opaque+"\"}")
		for _, jsonOut := range []bool{false, true} {
			args := []string{"explain", "--now", demoNow, "--response", echo, "--token", opaque}
			if jsonOut {
				args = append(args, "--json")
			}
			r := run(t, inv{}, args...)
			if r.code != 0 {
				t.Fatalf("want exit 0:\n%s", r)
			}
			out := r.stdout
			if jsonOut {
				// The challenges array reproduces the header as
				// parsed data; only the explanation is checked.
				m := parseExplain(t, r)
				b, _ := json.Marshal(map[string]any{"diagnosis": m["diagnosis"], "credentials": m["credentials"], "token": m["token"]})
				out = string(b)
			}
			if strings.Contains(out, opaque) {
				t.Errorf("json=%v: the explanation quotes the sent token in full:\n%s", jsonOut, out)
			}
		}
	})

	// BUG: a malformed --request-header is echoed whole in the error, so
	// `--request-header 'Authorization Bearer <token>'` (a missing colon)
	// prints the token on stderr (and in the JSON error).
	t.Run("usage error does not echo a token", func(t *testing.T) {
		for _, jsonOut := range []bool{false, true} {
			args := []string{"explain", "--status", "401", "--request-header", "Authorization Bearer " + opaque}
			if jsonOut {
				args = append(args, "--json")
			}
			r := run(t, inv{}, args...)
			if r.code != 2 {
				t.Fatalf("want exit 2:\n%s", r)
			}
			checkOneSentence(t, r, jsonOut)
			if strings.Contains(r.stdout+r.stderr, opaque) {
				t.Errorf("json=%v: the error repeats the token:\n%s", jsonOut, r)
			}
		}
	})
}

// TestExplainUnrecognisedErrorCode: a 401 is always an authentication
// failure, so the report must never say it does not look like one.
//
// BUG: a 401 carrying a JWT whose challenge has an error code the engine
// does not know (error="x", error="server_error") gets no diagnosis at all,
// and the human report says "the response does not look like an
// authentication error". Expected at least a SERVER_SAYS (or
// NO_CHALLENGE-like) fallback quoting the challenge.
func TestExplainUnrecognisedErrorCode(t *testing.T) {
	t.Parallel()
	tok := exRSAToken(t, nil)
	for _, www := range []string{`Bearer realm="a", error="x"`, `Bearer error="server_error"`} {
		t.Run(www, func(t *testing.T) {
			args := []string{"--status", "401", "--response-header", "WWW-Authenticate: " + www, "--token", tok}
			m := runExplainJSON(t, inv{}, args...)
			if len(m.diagnosis()) == 0 {
				t.Errorf("a 401 with %s has no diagnosis", www)
			}
			r := run(t, inv{}, append([]string{"explain", "--now", demoNow}, args...)...)
			if strings.Contains(r.stdout, "does not look like an authentication error") {
				t.Errorf("the report calls a 401 not an authentication error:\n%s", r.stdout)
			}
		})
	}
}
