package demo

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/keys"
	"github.com/why401/why401/inspect/token"
)

// testClock is the server's clock in tests: fixed, and moved on purpose.
type testClock struct{ ns atomic.Int64 }

func newClock() *testClock {
	c := &testClock{}
	c.ns.Store(time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC).UnixNano())
	return c
}

func (c *testClock) Now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *testClock) Advance(d time.Duration) { c.ns.Add(int64(d)) }

func startServer(t testing.TB) (*Server, *testClock) {
	t.Helper()
	clock := newClock()
	s, err := New(Options{Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, clock
}

// exchange is a request as sent and the response finally received.
type exchange struct {
	req       explain.Request
	status    int
	header    http.Header
	body      []byte
	redirects []explain.Redirect
}

// send makes one request with a client that follows redirects as Go's
// does, dropping Authorization when a hop leaves the host, and records
// the hops. trusted resends Authorization on every hop (curl
// --location-trusted).
func send(t testing.TB, method, rawURL, auth string, extra http.Header, body string, trusted bool) exchange {
	t.Helper()
	var ex exchange
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		ex.redirects = append(ex.redirects, explain.Redirect{Status: req.Response.StatusCode, Location: req.Response.Header.Get("Location")})
		if trusted && auth != "" {
			req.Header.Set("Authorization", auth)
		}
		return nil
	}}
	req, err := http.NewRequest(method, rawURL, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for name, vs := range extra {
		for _, v := range vs {
			req.Header.Add(name, v)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(req.Header)) {
		for _, v := range req.Header.Values(name) {
			ex.req.Headers = append(ex.req.Headers, explain.Header{Name: name, Value: v})
		}
	}
	ex.req.Method, ex.req.URL = method, rawURL
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ex.status, ex.header = resp.StatusCode, resp.Header
	if ex.body, err = io.ReadAll(resp.Body); err != nil {
		t.Fatal(err)
	}
	return ex
}

// profile is what a why401 profile for the demo knows: the issuer, the
// audience and the JWKS (fetched over HTTP, as a profile's jwks_url is).
type profile struct {
	expect explain.Expectations
	keys   []keys.Set
}

func demoProfile(t testing.TB, s *Server) profile {
	t.Helper()
	ex := send(t, "GET", s.URL()+"/jwks.json", "", nil, "", false)
	set, err := keys.Parse(ex.body, "JWKS "+s.URL()+"/jwks.json")
	if err != nil {
		t.Fatal(err)
	}
	c := s.Credentials()
	return profile{expect: explain.Expectations{Issuer: c.Issuer, Audience: c.Audience}, keys: []keys.Set{set}}
}

// input is what the explainer gets for ex: the token actually sent, and
// the other environment for WRONG_ENVIRONMENT.
func (ex exchange) input(now time.Time, p profile) explain.Input {
	in := explain.Input{Status: ex.status, Body: ex.body, Redirects: ex.redirects, Request: ex.req, Now: now,
		Expect: p.expect, Others: []explain.Environment{{Name: "sandbox", Issuer: OtherEnvIssuer, Audiences: []string{OtherEnvAudience}}}}
	for _, name := range slices.Sorted(maps.Keys(ex.header)) {
		for _, v := range ex.header.Values(name) {
			in.ResponseHeaders = append(in.ResponseHeaders, explain.Header{Name: name, Value: v})
		}
	}
	if tin, ok := explain.SentToken(ex.req); ok {
		rep := token.Analyze(tin, token.Options{Now: now, Keys: p.keys, Issuer: p.expect.Issuer, Audience: p.expect.Audience})
		in.Token = &rep
	}
	return in
}

func diagnosisIDs(r explain.Result) []string {
	var out []string
	for _, d := range r.Diagnosis {
		out = append(out, d.ID)
	}
	return out
}

func newECKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func mustMint(t testing.TB, s *Server, claims map[string]any, opts ...MintOption) string {
	t.Helper()
	tok, err := s.Mint(claims, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// postForm posts a form and decodes a JSON answer.
func postForm(t testing.TB, rawURL string, form url.Values, mod func(*http.Request)) (int, map[string]any, http.Header) {
	t.Helper()
	req, err := http.NewRequest("POST", rawURL, strings.NewReader(form.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if mod != nil {
		mod(req)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(b, &out) // HTML pages decode to nil
	return resp.StatusCode, out, resp.Header
}

// claimsOf decodes a token's payload, for checking what was issued.
func claimsOf(t testing.TB, raw string) map[string]any {
	t.Helper()
	tk := token.Decode(raw)
	if tk.Claims == nil {
		t.Fatalf("not a JWT: %q", raw)
	}
	return tk.Claims
}

func explainResult(ex exchange, clock *testClock, p profile) explain.Result {
	return explain.Explain(ex.input(clock.Now(), p))
}
