package exchange

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Each TLS failure is told in plain words, with the certificate still
// described; the hosts are real-looking names routed to 127.0.0.1.
func TestTLS(t *testing.T) {
	ca := newPKI(t, "why401 test CA")
	stranger := newPKI(t, "Someone Else CA")
	good := ca.issue(t, leafSpec{names: []string{"api.example.test"}})
	expired := ca.issue(t, leafSpec{names: []string{"api.example.test"}, notBefore: time.Now().Add(-48 * time.Hour), notAfter: time.Now().Add(-24 * time.Hour)})
	otherHost := ca.issue(t, leafSpec{names: []string{"other.example"}})
	unknown := stranger.issue(t, leafSpec{names: []string{"api.example.test"}})
	client := ca.issue(t, leafSpec{names: []string{"alice"}, client: true})
	strangeClient := stranger.issue(t, leafSpec{names: []string{"mallory"}, client: true})

	mtls := func(max uint16) *tls.Config {
		return &tls.Config{Certificates: []tls.Certificate{good}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: ca.pool, MaxVersion: max}
	}
	cases := []struct {
		name    string
		server  *tls.Config
		client  []tls.Certificate
		force   bool   // send the client certificate even if the server names other CAs
		wantErr string // "" success
	}{
		{"valid", &tls.Config{Certificates: []tls.Certificate{good}}, nil, false, ""},
		{"expired", &tls.Config{Certificates: []tls.Certificate{expired}}, nil, false, "the certificate expired on " + stamp(expired.Leaf.NotAfter)},
		{"wrong host", &tls.Config{Certificates: []tls.Certificate{otherHost}}, nil, false, "the certificate is for other.example, not api.example.test"},
		{"unknown authority", &tls.Config{Certificates: []tls.Certificate{unknown}}, nil, false, "signed by an unknown authority (CN=Someone Else CA)"},
		{"client cert given", mtls(0), []tls.Certificate{client}, false, ""},
		{"client cert missing TLS 1.3", mtls(0), nil, false, "the server wants a client certificate, and none was given"},
		{"client cert missing TLS 1.2", mtls(tls.VersionTLS12), nil, false, "the server wants a client certificate, and none was given"},
		{"client cert of another CA", mtls(0), []tls.Certificate{strangeClient}, false, "issued by a CA it accepts, and the one configured is not"},
		{"client cert refused TLS 1.3", mtls(0), []tls.Certificate{strangeClient}, true, "the server refused the client certificate (unknown certificate authority)"},
		{"client cert refused TLS 1.2", mtls(tls.VersionTLS12), []tls.Certificate{strangeClient}, true, "the server refused the client certificate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := tlsServer(t, tc.server, http.HandlerFunc(hello))
			srv.Config.ErrorLog = quietLog()
			o := opts()
			o.TLS = &tls.Config{RootCAs: ca.pool, Certificates: tc.client}
			if tc.force {
				o.TLS.GetClientCertificate = func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return &tc.client[0], nil }
			}
			o.Dial = routeTo(srv.Listener.Addr().String())
			e := send(t, get("https://api.example.test:8443/"), o)
			if tc.wantErr == "" {
				mustOK(t, e)
				if e.TLS == nil || e.TLS.Version != "TLS 1.3" || e.TLS.Subject != "CN=api.example.test" ||
					e.TLS.Issuer != "CN=why401 test CA" || e.TLS.NotAfter.IsZero() || e.TLS.Error != "" {
					t.Fatalf("TLS info: %+v", e.TLS)
				}
				if e.Timing.TLS <= 0 {
					t.Errorf("no TLS timing: %+v", e.Timing)
				}
				return
			}
			if e.ErrKind != KindTLS || !strings.Contains(e.Err, tc.wantErr) || !strings.HasPrefix(e.Err, "TLS with api.example.test") {
				t.Fatalf("got %s %q, want %q", e.ErrKind, e.Err, tc.wantErr)
			}
			if e.TLS == nil || !strings.Contains(e.TLS.Error, tc.wantErr) {
				t.Fatalf("TLS info: %+v", e.TLS)
			}
			if strings.Contains(tc.name, "client") {
				return // the server's certificate was fine; the client's was not
			}
			if e.TLS.Subject != "CN=api.example.test" && e.TLS.Subject != "CN=other.example" {
				t.Fatalf("the refused certificate is not described: %+v", e.TLS)
			}
		})
	}
}

func TestTLSToPlainHTTPServer(t *testing.T) {
	srv := rawServer(t, func(w *bufioRW, _ *http.Request) {})
	o := opts()
	e := send(t, get(strings.Replace(srv.URL, "http://", "https://", 1)), o)
	if e.ErrKind != KindTLS || !strings.Contains(e.Err, "plain HTTP") {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

// A server that accepts the connection and never speaks TLS: the timeout
// says the handshake did not finish.
func TestTLSHandshakeHangs(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	o := opts()
	o.Timeout = 200 * time.Millisecond
	e := send(t, get("https://"+ln.Addr().String()+"/"), o)
	if e.ErrKind != KindTimeout || !strings.Contains(e.Err, "TLS handshake") {
		t.Fatalf("got %s %q", e.ErrKind, e.Err)
	}
}

// The messages for certificates that are only wrong in time or name.
func TestTLSWords(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	c := &x509.Certificate{NotBefore: now.Add(time.Hour), NotAfter: now.Add(48 * time.Hour)}
	if got := validity(c, now); !strings.Contains(got, "not valid before 2026-11-27 11:00 UTC") {
		t.Errorf("not yet valid: %q", got)
	}
	c = &x509.Certificate{DNSNames: []string{"a.example", "b.example", "c.example", "d.example"}}
	if got := hostMismatch(c, "api.example"); got != "the certificate is for a.example, b.example, c.example and 1 more, not api.example" {
		t.Errorf("many names: %q", got)
	}
	c = &x509.Certificate{}
	c.Subject.CommonName = "api.example"
	if got := hostMismatch(c, "api.example"); !strings.Contains(got, "names no host") {
		t.Errorf("CN only: %q", got)
	}
}
