package exchange

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// A server that accepts the request and never answers: the timeout fires
// and says where it hit. The assertion is on the kind, not on wall time.
func TestHungServer(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	o := opts()
	o.Timeout = 200 * time.Millisecond
	e := send(t, get(srv.URL), o)
	if e.ErrKind != KindTimeout || !strings.Contains(e.Err, "accepted the connection but sent no answer") || e.Response != nil {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
	if !strings.HasPrefix(e.Err, "timed out after 200ms") {
		t.Fatalf("the timeout is not named: %q", e.Err)
	}
}

// A server that answers at once and then trickles the body: the response
// is recorded and the body says it timed out.
func TestSlowServer(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte("first part"))
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	o := opts()
	o.Timeout = 200 * time.Millisecond
	e := send(t, get(srv.URL), o)
	mustOK(t, e)
	b := e.Response.Body
	if e.Response.Status != 401 || b.ErrKind != KindTimeout || string(b.Data) != "first part" ||
		b.Err != "timed out after 200ms while the body was arriving (10 bytes received)" {
		t.Fatalf("status %d, body %s %q %q", e.Response.Status, b.ErrKind, b.Err, b.Data)
	}
}

func TestConnectionRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	e := send(t, get("http://"+addr+"/v1/me"), opts())
	if e.ErrKind != KindRefused || e.Err != "connection refused by "+addr+": nothing is listening there" {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
	if header(e.Request.Headers, "Host") != addr || e.Request.URL != "http://"+addr+"/v1/me" {
		t.Fatalf("the request is not recorded: %+v", e.Request)
	}
}

func TestServerClosesWithoutAnswer(t *testing.T) {
	srv := rawServer(t, func(*bufio.ReadWriter, *http.Request) {})
	e := send(t, get(srv.URL), opts())
	if e.ErrKind != KindClosed || e.Err != "the server closed the connection without answering" {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

func TestServerSpeaksSomethingElse(t *testing.T) {
	srv := rawServer(t, func(w *bufio.ReadWriter, _ *http.Request) { w.WriteString("SSH-2.0-OpenSSH_9.6\r\n\r\n") })
	e := send(t, get(srv.URL), opts())
	if e.ErrKind != KindProtocol || !strings.Contains(e.Err, "not HTTP/1.x") {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

func TestCanceled(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	e := Send(ctx, get(srv.URL), opts())
	if e.ErrKind != KindCanceled {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

// DNS failures are worded from the resolver's error; resolving a name
// for real would depend on this machine's network.
func TestDNSWords(t *testing.T) {
	target, _ := url.Parse("https://api.example.invalid/")
	fc := failContext{attempt: context.Background(), parent: context.Background(), timeout: time.Second, target: target}
	err := &url.Error{Op: "Get", URL: target.String(), Err: &net.OpError{Op: "dial", Net: "tcp",
		Err: &net.DNSError{Err: "no such host", Name: "api.example.invalid", IsNotFound: true}}}
	if f := describeErr(err, fc); f.kind != KindDNS || f.msg != "no such host: api.example.invalid (DNS found no address for it)" {
		t.Fatalf("got %s %q", f.kind, f.msg)
	}
	err.Err = &net.DNSError{Err: "i/o timeout", Name: "api.example.invalid", IsTimeout: true}
	if f := describeErr(err, fc); f.kind != KindDNS || !strings.Contains(f.msg, "timed out") {
		t.Fatalf("got %s %q", f.kind, f.msg)
	}
	if f := describeErr(errors.New("something odd"), fc); f.kind != KindNetwork || f.msg != "the request to api.example.invalid:443 failed: something odd" {
		t.Fatalf("got %s %q", f.kind, f.msg)
	}
}

// Send never panics, not even when the caller's code does.
func TestSendRecoversFromPanics(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hello))
	defer srv.Close()
	o := opts()
	o.Credentials = newProvider("x")
	o.Retry = func(*Exchange) bool { panic("policy bug") }
	e := send(t, get(srv.URL), o)
	if e.ErrKind != KindInternal || !strings.Contains(e.Err, "policy bug") {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

func TestInvalidCredentialOrigin(t *testing.T) {
	o := opts()
	o.Credentials = newProvider("x")
	o.CredentialOrigin = "api.example.com"
	e := send(t, get("https://api.example.com/"), o)
	if e.ErrKind != KindInvalid || !strings.Contains(e.Err, "credential origin") {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

// failingProvider cannot produce credentials (a token endpoint is down).
type failingProvider struct{ fakeProvider }

func (*failingProvider) Apply(context.Context, *http.Request) error {
	return errors.New("token endpoint unreachable")
}

func TestCredentialsFail(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(hello))
	defer srv.Close()
	o := opts()
	o.Credentials = &failingProvider{}
	e := send(t, get(srv.URL), o)
	if e.ErrKind != KindCredentials || e.Err != "cannot get the credentials (test bearer token): token endpoint unreachable" || e.Response != nil {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

// A panic in a caller's hook on the transport's dialing goroutine, out
// of Send's own reach, still ends as an error.
func TestDialPanicIsAnError(t *testing.T) {
	o := opts()
	o.Dial = func(context.Context, string, string) (net.Conn, error) { panic("dialer bug") }
	for _, target := range []string{"http://api.example.test/", "https://api.example.test/"} {
		e := send(t, get(target), o)
		if e.Err == "" || !strings.Contains(e.Err, "dialer bug") {
			t.Fatalf("%s: got %s %q", target, e.ErrKind, e.Err)
		}
	}
}
