package exchange

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestCredentialsOnlyToCredentialOrigin(t *testing.T) {
	var log authLog
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { log.note(r) })
	api := httptest.NewServer(h)
	defer api.Close()
	other := httptest.NewServer(h)
	defer other.Close()

	p := newProvider("x")
	o := opts()
	o.Credentials = p
	o.CredentialOrigin = strings.ToUpper(api.URL) + "/base/path" // case and path do not matter
	e := send(t, get(other.URL+"/other"), o)
	mustOK(t, e)
	if log.get("/other") != "" || p.applies.Load() != 0 || e.CredentialsSent {
		t.Fatalf("credentials went to another origin: %v", log.seen)
	}
	if !strings.Contains(e.CredentialsWithheld, "No credentials were sent") || !strings.Contains(e.CredentialsWithheld, strings.TrimPrefix(other.URL, "http://")) {
		t.Fatalf("withheld: %q", e.CredentialsWithheld)
	}

	e = send(t, get(api.URL+"/api"), o)
	mustOK(t, e)
	if log.get("/api") != "Bearer x" || p.applies.Load() != 1 || !e.CredentialsSent || e.CredentialsWithheld != "" {
		t.Fatalf("credential origin got %q, applies %d, withheld %q", log.get("/api"), p.applies.Load(), e.CredentialsWithheld)
	}
}

// An Authorization given in the draft (-H) replaces the provider's.
func TestDraftHeaderReplacesCredentials(t *testing.T) {
	var log authLog
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { log.note(r) }))
	defer srv.Close()
	o := opts()
	o.Credentials = newProvider("x")
	d := get(srv.URL + "/me")
	d.Headers = []Header{{Name: "authorization", Value: "Bearer mine"}}
	e := send(t, d, o)
	mustOK(t, e)
	if log.get("/me") != "Bearer mine" || header(e.Request.Headers, "Authorization") != "Bearer mine" {
		t.Fatalf("server saw %q; recorded %v", log.get("/me"), e.Request.Headers)
	}
}

// The store's policy: a 401 invalid_token invalidates the token and the
// request goes once more with a fresh one.
func TestRetryAfterInvalidToken(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer new" {
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token", error_description="expired"`)
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, "expired")
			return
		}
		io.WriteString(w, "welcome")
	}))
	defer srv.Close()
	p := newProvider("old", "new")
	o := opts()
	o.Credentials = p
	policy := func(e *Exchange) bool {
		return e.Response.Status == 401 && strings.Contains(header(e.Response.Headers, "WWW-Authenticate"), "invalid_token")
	}
	o.Retry = policy
	e := send(t, get(srv.URL), o)
	mustOK(t, e)
	if !e.Retried || e.First == nil || e.First.Status != 401 || string(e.First.Body.Data) != "expired" {
		t.Fatalf("retried %v, first %+v", e.Retried, e.First)
	}
	if e.Response.Status != 200 || string(e.Response.Body.Data) != "welcome" {
		t.Fatalf("second response %+v", e.Response)
	}
	if p.invalidates.Load() != 1 || p.applies.Load() != 2 || header(e.Request.Headers, "Authorization") != "Bearer new" {
		t.Fatalf("invalidates %d, applies %d, sent %v", p.invalidates.Load(), p.applies.Load(), e.Request.Headers)
	}

	// A token that stays invalid is retried once, not again.
	p = newProvider("old", "older")
	o.Credentials = p
	e = send(t, get(srv.URL), o)
	if !e.Retried || e.Response.Status != 401 || p.invalidates.Load() != 1 || p.applies.Load() != 2 {
		t.Fatalf("retried %v status %d invalidates %d applies %d", e.Retried, e.Response.Status, p.invalidates.Load(), p.applies.Load())
	}

	// No credentials sent, no retry, whatever the policy says.
	o.Credentials = p
	o.CredentialOrigin = "https://elsewhere.example"
	o.Retry = func(*Exchange) bool { return true }
	e = send(t, get(srv.URL), o)
	if e.Retried || p.invalidates.Load() != 1 {
		t.Fatal("retried a request that carried no credentials")
	}
}
