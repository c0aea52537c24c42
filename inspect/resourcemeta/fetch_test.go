package resourcemeta

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/inspect/fetch"
)

func TestFetch(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/.well-known/oauth-protected-resource/mcp", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept") != "application/json" {
			http.Error(w, "want Accept: application/json", http.StatusNotAcceptable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(rfcExample))
	})
	mux.HandleFunc("/.well-known/oauth-protected-resource/html", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<!DOCTYPE html><title>Sign in</title>"))
	})
	mux.HandleFunc("/.well-known/oauth-protected-resource/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"resource":"` + strings.Repeat("a", 4096) + `"}`))
	})
	mux.HandleFunc("/.well-known/oauth-protected-resource/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(mux) // listens on 127.0.0.1, so plain http is allowed
	defer srv.Close()
	base := srv.URL + "/.well-known/oauth-protected-resource"
	o := fetch.Options{Timeout: 200 * time.Millisecond, MaxBytes: 1024}

	md, err := Fetch(context.Background(), base+"/mcp", o)
	if err != nil || md.Resource != "https://resource.example.com" || len(md.AuthorizationServers) != 2 {
		t.Fatalf("Fetch = %+v, %v", md, err)
	}
	cases := []struct{ path, id, substr string }{
		{"/html", NotJSON, "HTML"},
		{"/big", FetchFailed, "larger than 1024 bytes"},
		{"/slow", FetchFailed, "cannot fetch"},
		{"/missing", FetchFailed, "HTTP 404; under MCP 2025-11-25 a client then tries the root /.well-known/oauth-protected-resource"},
		{"", FetchFailed, "HTTP 404"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := Fetch(context.Background(), base+c.path, o)
		var de *DocumentError
		if !errors.As(err, &de) || de.ID != c.id || !strings.Contains(de.Message, c.substr) {
			t.Errorf("%s: err = %v, want %s containing %q", c.path, err, c.id, c.substr)
		}
		if time.Since(start) > time.Second {
			t.Errorf("%s: took %v despite the timeout", c.path, time.Since(start))
		}
	}
}

func TestFetchRefusesBeforeConnecting(t *testing.T) {
	cases := map[string]string{
		"http://api.example.com/.well-known/oauth-protected-resource": InsecureURL,
		"ftp://api.example.com/prm":                                   FetchFailed,
		"/.well-known/oauth-protected-resource":                       FetchFailed,
	}
	for u, id := range cases {
		_, err := Fetch(context.Background(), u, fetch.Options{})
		var de *DocumentError
		if !errors.As(err, &de) || de.ID != id {
			t.Errorf("Fetch(%q) err = %v, want %s", u, err, id)
		}
	}
}
