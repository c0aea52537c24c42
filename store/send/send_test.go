package send

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/secrets"
)

func bearerProfile(t *testing.T, base string) (config.Profile, Deps) {
	t.Helper()
	u, _ := url.Parse(base)
	kr := secrets.Memory()
	kr.Set(secrets.Service("p"), "token", "tok-abcdefgh-1234")
	p := config.Profile{Name: "p", BaseURL: u, Timeout: 5 * time.Second,
		Headers: []config.Header{{Name: "Accept", Value: "application/json"}, {Name: "X-Env", Value: "p"}},
		Auth:    config.Auth{Type: config.AuthBearer, Token: secrets.Ref{Kind: secrets.KindKeyring}}}
	return p, Deps{Resolver: &secrets.Resolver{Keyring: kr}, Keyring: kr, Now: time.Now}
}

// TestProfileJoinedToRequest: a path is joined to the base URL, the
// profile's headers are sent unless the request replaces them, and the
// credentials go only to the base URL's origin.
func TestProfileJoinedToRequest(t *testing.T) {
	var got http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone() }))
	defer srv.Close()
	p, d := bearerProfile(t, srv.URL)
	res, err := Do(context.Background(), p, Request{Method: "GET", URL: "/x",
		Headers: []exchange.Header{{Name: "x-env", Value: "override"}}}, d)
	if err != nil || res.Exchange.Err != "" {
		t.Fatalf("%v %s", err, res.Exchange.Err)
	}
	if got.Get("Authorization") != "Bearer tok-abcdefgh-1234" || got.Get("Accept") != "application/json" || got.Get("X-Env") != "override" {
		t.Fatalf("headers sent: %v", got)
	}
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = r.Header.Clone() }))
	defer other.Close()
	res, _ = Do(context.Background(), p, Request{Method: "GET", URL: other.URL + "/y"}, d)
	if got.Get("Authorization") != "" || res.Exchange.CredentialsWithheld == "" {
		t.Fatalf("credentials went to another origin: %v / %q", got, res.Exchange.CredentialsWithheld)
	}
	res, _ = Do(context.Background(), p, Request{Method: "GET", URL: "/z", NoAuth: true}, d)
	if got.Get("Authorization") != "" || res.Credentials != "" {
		t.Fatalf("--no-auth sent credentials: %v", got)
	}
	if _, err := Do(context.Background(), p, Request{Method: "GET", URL: "relative"}, d); err == nil {
		t.Fatal("a relative URL was accepted")
	}
	if _, err := Do(context.Background(), p, Request{Method: "GET", URL: "/x",
		Headers: []exchange.Header{{Name: "X-Bad", Value: "a\r\nInjected: 1"}}}, d); err == nil {
		t.Fatal("a header with CR LF was accepted")
	}
}

// TestRetryAfterInvalidToken: an OAuth2 profile gets a 401 invalid_token
// with its first token, invalidates it, gets a new one from the real token
// endpoint (x/oauth2 client credentials) and succeeds on the retry.
func TestRetryAfterInvalidToken(t *testing.T) {
	var issued atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		n := issued.Add(1)
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"access_token": fmt.Sprintf("token-number-%d", n), "token_type": "Bearer", "expires_in": 3600})
	})
	mux.HandleFunc("/api", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer token-number-2" {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"ok":true}`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	base, _ := url.Parse(srv.URL)
	tokenURL, _ := url.Parse(srv.URL + "/token")
	kr := secrets.Memory()
	kr.Set(secrets.Service("o"), "client_secret", "client-secret-value")
	p := config.Profile{Name: "o", BaseURL: base, Timeout: 5 * time.Second, Auth: config.Auth{
		Type: config.AuthOAuth2ClientCredentials, TokenURL: tokenURL, ClientID: "c1",
		ClientSecret: secrets.Ref{Kind: secrets.KindKeyring}, RetryOn401: true}}
	res, err := Do(context.Background(), p, Request{Method: "GET", URL: "/api"}, Deps{Resolver: &secrets.Resolver{Keyring: kr}, Keyring: kr, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Exchange.Retried || res.Exchange.Response.Status != 200 || issued.Load() != 2 {
		t.Fatalf("retried %v status %d tokens issued %d (%s)", res.Exchange.Retried, res.Exchange.Response.Status, issued.Load(), res.Exchange.Err)
	}
}

// TestHistoryWrittenRedacted: a profile with history on records the
// exchange without its credentials.
func TestHistoryWrittenRedacted(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer srv.Close()
	p, d := bearerProfile(t, srv.URL)
	p.History = true
	h := history.Open(t.TempDir())
	d.History = &h
	if _, err := Do(context.Background(), p, Request{Method: "GET", URL: "/x"}, d); err != nil {
		t.Fatal(err)
	}
	entries, err := h.List("p")
	if err != nil || len(entries) != 1 || entries[0].Status != 401 {
		t.Fatalf("history: %v %v", entries, err)
	}
	data, _ := os.ReadFile(filepath.Join(h.Dir, "p.jsonl"))
	if strings.Contains(string(data), "tok-abcdefgh-1234") {
		t.Fatal("the token reached the history file")
	}
}

func TestCleanSpools(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, exchange.SpoolPrefix+"old")
	fresh := filepath.Join(dir, exchange.SpoolPrefix+"fresh")
	other := filepath.Join(dir, "someone-else")
	for _, f := range []string{old, fresh, other} {
		os.WriteFile(f, []byte("x"), 0o600)
	}
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(other, past, past)
	CleanSpools(dir, time.Hour, time.Now())
	if _, err := os.Stat(old); err == nil {
		t.Error("a stale spool survived")
	}
	for _, f := range []string{fresh, other} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", f)
		}
	}
}
