package auth_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/why401/why401/store/auth"
)

func TestClientCredentials(t *testing.T) {
	t.Parallel()
	defer timed(t)()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	p := s.provider(t, spec, sec)
	if got := p.Describe(); got != "OAuth2 client credentials (client why401-service)" {
		t.Errorf("Describe = %q", got)
	}
	tok := bearer(t, p)

	// Cached in the keyring: the token as is, its expiry beside it.
	if s.item(t, "test", "access_token") != tok {
		t.Error("access_token not cached")
	}
	meta := s.item(t, "test", "access_token.meta")
	if !strings.Contains(meta, `"token_type":"Bearer"`) || !strings.Contains(meta, `"expiry":"`) || strings.Contains(meta, tok) {
		t.Errorf("meta = %s", meta)
	}
	// The raw response for the UI: every member, tokens as fingerprints.
	last := p.LastResponse()
	if last["access_token"] != auth.Fingerprint(tok) || last["token_type"] != "Bearer" || last["expires_in"] == nil || last["scope"] == nil {
		t.Errorf("LastResponse = %v", last)
	}
}

// A second request, and a second run with the same keyring, reuse the
// token: the token endpoint is asked once.
func TestCacheReused(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	first := bearer(t, s.provider(t, spec, sec))
	p := s.provider(t, spec, sec) // a new run
	if bearer(t, p) != first || bearer(t, p) != first {
		t.Error("the cached token was not reused")
	}
	if n := s.op.TokenRequests(); n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
}

// Within the skew margin of its expiry the token is replaced
// before it is sent; client credentials have no refresh token, so the
// grant runs again.
func TestNearExpiryGetsNewToken(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	p := s.provider(t, spec, sec)
	first := bearer(t, p)
	lifetime := time.Duration(p.LastResponse()["expires_in"].(float64)) * time.Second
	s.clock.advance(lifetime - auth.Skew - 2*time.Second)
	if bearer(t, p) != first {
		t.Error("replaced while still fresh")
	}
	s.clock.advance(3 * time.Second)
	if bearer(t, p) == first {
		t.Error("not replaced within the skew margin")
	}
	if n := s.op.TokenRequests(); n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
}

func TestInvalidateForcesNewToken(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	p := s.provider(t, spec, sec)
	first := bearer(t, p)
	if err := p.Invalidate(t.Context()); err != nil {
		t.Fatal(err)
	}
	if s.item(t, "test", "access_token") != "" {
		t.Error("the invalidated token is still in the keyring")
	}
	if bearer(t, p) == first || s.op.TokenRequests() != 2 {
		t.Error("Invalidate did not force a new token")
	}
}

func TestForget(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	p := s.provider(t, spec, sec)
	bearer(t, p)
	if err := p.Forget(t.Context()); err != nil {
		t.Fatal(err)
	}
	for _, item := range []string{"access_token", "access_token.meta", "refresh_token"} {
		if s.item(t, "test", item) != "" {
			t.Errorf("%s survived Forget", item)
		}
	}
	if p.LastResponse() != nil {
		t.Error("LastResponse survived Forget")
	}
	bearer(t, p)
	if s.op.TokenRequests() != 2 {
		t.Error("Forget did not force a new token")
	}
}

func TestWrongClientSecret(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, _ := s.serviceSpec()
	p := s.provider(t, spec, map[string]string{"client_secret": "not-the-secret-4711"})
	_, err := bearerErr(t.Context(), p)
	want := "The token endpoint refused the client credentials (invalid_client)"
	if err == nil || !strings.HasPrefix(err.Error(), want) || strings.Contains(err.Error(), "4711") {
		t.Fatalf("got %v, want %s…", err, want)
	}
	if last := p.LastResponse(); last["error"] != "invalid_client" {
		t.Errorf("LastResponse = %v", last)
	}
}

// captured records the form of every POST, below the provider's transport.
type captured struct {
	mu    sync.Mutex
	forms []url.Values
}

func (c *captured) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method == http.MethodPost && req.Body != nil {
		body, _ := req.GetBody()
		var b strings.Builder
		buf := make([]byte, 4096)
		for {
			n, err := body.Read(buf)
			b.WriteString(string(buf[:n]))
			if err != nil {
				break
			}
		}
		form, _ := url.ParseQuery(b.String())
		c.mu.Lock()
		c.forms = append(c.forms, form)
		c.mu.Unlock()
	}
	return http.DefaultTransport.RoundTrip(req)
}

// The RFC 8707 resource and the extra parameters reach the token endpoint,
// and the profile's HTTP client is the one used.
func TestResourceAndExtra(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	spec.Resource = "https://api.example.test/"
	spec.Extra = map[string]string{"audience": "orders"}
	cap := &captured{}
	spec.HTTPClient = &http.Client{Transport: cap}
	bearer(t, s.provider(t, spec, sec))
	if len(cap.forms) != 1 {
		t.Fatalf("%d POSTs went through the profile's client, want 1", len(cap.forms))
	}
	f := cap.forms[0]
	if f.Get("grant_type") != "client_credentials" || f.Get("resource") != spec.Resource || f.Get("audience") != "orders" || f.Get("scope") != "orders:read" {
		t.Errorf("form = %v", f)
	}
}
