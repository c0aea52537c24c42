package exchange

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// authLog remembers the Authorization each path received.
type authLog struct {
	mu   sync.Mutex
	seen map[string]string
}

func (l *authLog) note(r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.seen == nil {
		l.seen = map[string]string{}
	}
	l.seen[r.URL.Path] = r.Header.Get("Authorization")
}

func (l *authLog) get(path string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.seen[path]
}

func TestRedirectSameOriginKeepsCredentials(t *testing.T) {
	var log authLog
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.note(r)
		if r.URL.Path == "/a" {
			http.Redirect(w, r, "/b", http.StatusFound)
			return
		}
		io.WriteString(w, "done")
	}))
	defer srv.Close()
	p := newProvider("x")
	o := opts()
	o.Credentials = p
	e := send(t, get(srv.URL+"/a"), o)
	mustOK(t, e)
	if len(e.Redirects) != 1 {
		t.Fatalf("redirects: %+v", e.Redirects)
	}
	h := e.Redirects[0]
	if h.Status != 302 || h.CrossOrigin || h.AuthDropped || h.Location != srv.URL+"/b" || h.URL != srv.URL+"/a" {
		t.Fatalf("hop: %+v", h)
	}
	if log.get("/a") != "Bearer x" || log.get("/b") != "Bearer x" {
		t.Fatalf("server saw %v", log.seen)
	}
	if p.applies.Load() != 2 || !e.CredentialsSent || e.CredentialsWithheld != "" {
		t.Fatalf("applies %d, sent %v, withheld %q", p.applies.Load(), e.CredentialsSent, e.CredentialsWithheld)
	}
	if header(h.Headers, "Location") != "/b" {
		t.Fatalf("hop headers: %v", h.Headers)
	}
}

// A redirect to another host gets no credentials — neither the
// provider's nor an Authorization header of the draft — and says so; a
// redirect back to the credential origin gets them again.
func TestRedirectCrossOriginDropsAuthorization(t *testing.T) {
	var log authLog
	var back string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.note(r)
		if r.URL.Path == "/bounce" {
			http.Redirect(w, r, back, http.StatusTemporaryRedirect)
			return
		}
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer other.Close()
	otherURL := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) // another host, not just another port
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.note(r)
		switch r.URL.Path {
		case "/away":
			http.Redirect(w, r, otherURL+"/landing", http.StatusFound)
		case "/roundtrip":
			http.Redirect(w, r, otherURL+"/bounce", http.StatusFound)
		default:
			io.WriteString(w, "home")
		}
	}))
	defer api.Close()
	back = api.URL + "/home"

	t.Run("provider", func(t *testing.T) {
		p := newProvider("x")
		o := opts()
		o.Credentials = p
		e := send(t, get(api.URL+"/away"), o)
		mustOK(t, e)
		h := e.Redirects[0]
		if !h.CrossOrigin || !h.AuthDropped {
			t.Fatalf("hop: %+v", h)
		}
		if log.get("/away") != "Bearer x" || log.get("/landing") != "" {
			t.Fatalf("server saw %v", log.seen)
		}
		if p.applies.Load() != 1 || e.CredentialsSent || !strings.Contains(e.CredentialsWithheld, "after the redirect") {
			t.Fatalf("applies %d, sent %v, withheld %q", p.applies.Load(), e.CredentialsSent, e.CredentialsWithheld)
		}
		if header(e.Request.Headers, "Authorization") != "Bearer x" {
			t.Fatalf("the first request as sent lacks its Authorization: %v", e.Request.Headers)
		}
	})
	t.Run("draft header", func(t *testing.T) {
		d := get(api.URL + "/away")
		d.Headers = []Header{{Name: "Authorization", Value: "Basic dTpw"}, {Name: "X-Keep", Value: "1"}}
		e := send(t, d, opts())
		mustOK(t, e)
		if h := e.Redirects[0]; !h.AuthDropped || log.get("/landing") != "" {
			t.Fatalf("hop %+v, server saw %v", h, log.seen)
		}
	})
	t.Run("back to the credential origin", func(t *testing.T) {
		p := newProvider("x")
		o := opts()
		o.Credentials = p
		e := send(t, get(api.URL+"/roundtrip"), o)
		mustOK(t, e)
		if len(e.Redirects) != 2 || !e.Redirects[0].AuthDropped || e.Redirects[1].CrossOrigin || e.Redirects[1].AuthDropped {
			t.Fatalf("hops: %+v", e.Redirects)
		}
		if log.get("/bounce") != "" || log.get("/home") != "Bearer x" || p.applies.Load() != 2 || !e.CredentialsSent {
			t.Fatalf("server saw %v, applies %d", log.seen, p.applies.Load())
		}
	})
}

func TestRedirectLoopStops(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	}))
	defer srv.Close()
	o := opts()
	o.MaxRedirects = 3
	e := send(t, get(srv.URL+"/loop"), o)
	if e.ErrKind != KindRedirects || !strings.Contains(e.Err, "stopped after 3 redirects") {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
	if len(e.Redirects) != 3 || e.Response == nil || e.Response.Status != 302 {
		t.Fatalf("hops %d, response %+v", len(e.Redirects), e.Response)
	}
}

func TestRedirectNotFollowed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/elsewhere", http.StatusMovedPermanently)
	}))
	defer srv.Close()
	o := opts()
	o.FollowRedirects = false
	e := send(t, get(srv.URL), o)
	mustOK(t, e)
	if e.Response.Status != 301 || len(e.Redirects) != 0 || header(e.Response.Headers, "Location") != "/elsewhere" {
		t.Fatalf("%+v", e.Response)
	}
}

// 307 repeats the method and body; 303 turns a POST into a GET without
// its body and body headers.
func TestRedirectMethods(t *testing.T) {
	type seen struct{ method, body, ct string }
	var mu sync.Mutex
	got := map[string]seen{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		got[r.URL.Path] = seen{r.Method, string(b), r.Header.Get("Content-Type")}
		mu.Unlock()
		switch r.URL.Path {
		case "/307":
			http.Redirect(w, r, "/after307", http.StatusTemporaryRedirect)
		case "/303":
			http.Redirect(w, r, "/after303", http.StatusSeeOther)
		}
	}))
	defer srv.Close()
	for _, path := range []string{"/307", "/303"} {
		e := send(t, Draft{Method: "POST", URL: srv.URL + path, Body: []byte("payload"), ContentType: "text/plain"}, opts())
		mustOK(t, e)
	}
	mu.Lock()
	defer mu.Unlock()
	if s := got["/after307"]; s != (seen{"POST", "payload", "text/plain"}) {
		t.Errorf("after 307: %+v", s)
	}
	if s := got["/after303"]; s != (seen{"GET", "", ""}) {
		t.Errorf("after 303: %+v", s)
	}
}
