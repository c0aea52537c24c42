package fetch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestGetLimits(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"a":1}`)) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(strings.Repeat(" ", 2<<20))) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { time.Sleep(300 * time.Millisecond) })
	mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://example.com/x", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	o := Options{Timeout: 100 * time.Millisecond}
	if b, err := Get(context.Background(), srv.URL+"/ok", o); err != nil || string(b) != `{"a":1}` {
		t.Fatalf("ok: %q %v", b, err)
	}
	cases := map[string]string{"/big": "larger", "/slow": "", "/missing": "404", "/away": "plain http"}
	for path, want := range cases {
		_, err := Get(context.Background(), srv.URL+path, o)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want one containing %q", path, err, want)
		}
	}
}

func TestCheckURL(t *testing.T) {
	ok := []string{"https://idp.example.com/jwks", "http://127.0.0.1:8080/jwks", "http://localhost/jwks", "http://[::1]:9/x"}
	bad := []string{"http://idp.example.com/jwks", "ftp://x/y", "/relative", "http://10.0.0.1/jwks"}
	for _, u := range ok {
		if err := CheckURL(u); err != nil {
			t.Errorf("%s refused: %v", u, err)
		}
	}
	for _, u := range bad {
		if err := CheckURL(u); err == nil {
			t.Errorf("%s allowed", u)
		}
	}
}
