package demo

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/why401/why401/inspect/resourcemeta"
)

func TestStartListensOnLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", "192.0.2.1:0", "[::]:0", "example.com:0", "nonsense"} {
		s, err := New(Options{Addr: addr})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(); err == nil {
			_ = s.Close()
			t.Errorf("%s: Start accepted a non-loopback address", addr)
		}
	}
	s, _ := startServer(t)
	if !strings.HasPrefix(s.URL(), "http://127.0.0.1:") {
		t.Errorf("URL %q", s.URL())
	}
	if err := s.Start(); err == nil {
		t.Error("a second Start succeeded")
	}
}

// TestHandlerUnderHTTPTest serves the handler from httptest, the way a
// test elsewhere would, with Options.URL naming the listener.
func TestHandlerUnderHTTPTest(t *testing.T) {
	bare, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	bare.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/v1/me", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("without a URL: %d, want 503", rec.Code)
	}
	if _, err := bare.Mint(nil); err == nil {
		t.Error("Mint without a URL succeeded")
	}
	ts := httptest.NewUnstartedServer(nil)
	s, err := New(Options{URL: "http://" + ts.Listener.Addr().String()})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = s.Handler()
	ts.Start()
	defer ts.Close()
	if ex := send(t, "GET", ts.URL+"/v1/me", "Bearer "+s.Credentials().ProdToken, nil, "", false); ex.status != http.StatusOK {
		t.Errorf("/v1/me under httptest: %d", ex.status)
	}
}

func TestDiscoveryAndJWKS(t *testing.T) {
	s, _ := startServer(t)
	var md map[string]any
	if err := json.Unmarshal(send(t, "GET", s.URL()+"/.well-known/openid-configuration", "", nil, "", false).body, &md); err != nil {
		t.Fatal(err)
	}
	if md["issuer"] != s.URL() || md["jwks_uri"] != s.URL()+"/jwks.json" || md["token_endpoint"] != s.URL()+"/oauth/token" {
		t.Errorf("discovery %v", md)
	}
	set := demoProfile(t, s).keys[0]
	kids := set.KIDs()
	if len(kids) != 1 || kids[0] != s.keys.current.kid || kids[0] == s.keys.rotated.kid {
		t.Errorf("JWKS kids %v; current %s, rotated %s", kids, s.keys.current.kid, s.keys.rotated.kid)
	}
}

// TestResourceMetadata checks RFC 9728 §3.3: each document's resource is
// the identifier its well-known URL was built from.
func TestResourceMetadata(t *testing.T) {
	s, _ := startServer(t)
	for _, path := range []string{"", "/v1", "/mcp"} {
		u := s.URL() + "/.well-known/oauth-protected-resource" + path
		var doc map[string]any
		if err := json.Unmarshal(send(t, "GET", u, "", nil, "", false).body, &doc); err != nil {
			t.Fatal(err)
		}
		want, _ := resourcemeta.ResourceFromWellKnown(u)
		if doc["resource"] != want {
			t.Errorf("%s: resource %v, want %s", u, doc["resource"], want)
		}
	}
	if ex := send(t, "GET", s.URL()+"/.well-known/oauth-protected-resource/nope", "", nil, "", false); ex.status != http.StatusNotFound {
		t.Errorf("unknown resource: %d", ex.status)
	}
}

func TestDescribe(t *testing.T) {
	s, _ := startServer(t)
	d := s.Describe()
	c := s.Credentials()
	for _, want := range []string{c.Issuer, c.ClientSecret, c.BasicPassword, c.DevToken, c.ProdToken, "/legacy/digest", "AUTH_STRIPPED_ON_REDIRECT"} {
		if !strings.Contains(d, want) {
			t.Errorf("Describe lacks %q", want)
		}
	}
	if first, _, _ := strings.Cut(d, "\n"); strings.TrimSpace(first) == s.URL() {
		t.Error("Describe repeats the base URL the caller prints first")
	}
	if s.Credentials().DevToken != c.DevToken {
		t.Error("Credentials minted new tokens on a second call")
	}
}

func BenchmarkStart(b *testing.B) {
	for b.Loop() {
		s, err := New(Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Start(); err != nil {
			b.Fatal(err)
		}
		_ = s.Close()
	}
}
