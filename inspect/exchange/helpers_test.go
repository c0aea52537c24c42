package exchange

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeProvider is a real credential.Provider that sets a bearer token and
// counts its calls; Invalidate moves to the next token.
type fakeProvider struct {
	mu          sync.Mutex
	tokens      []string
	applies     atomic.Int32
	invalidates atomic.Int32
}

func newProvider(tokens ...string) *fakeProvider { return &fakeProvider{tokens: tokens} }

func (p *fakeProvider) Apply(_ context.Context, req *http.Request) error {
	p.applies.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	req.Header.Set("Authorization", "Bearer "+p.tokens[0])
	return nil
}

func (p *fakeProvider) Invalidate(context.Context) error {
	p.invalidates.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.tokens) > 1 {
		p.tokens = p.tokens[1:]
	}
	return nil
}

func (p *fakeProvider) Describe() string { return "test bearer token" }

// send runs Send with a test's defaults and closes the exchange at the end.
func send(t testing.TB, d Draft, o Options) *Exchange {
	t.Helper()
	if o.SpoolDir == "" {
		o.SpoolDir = t.TempDir()
	}
	e := Send(context.Background(), d, o)
	t.Cleanup(func() { e.Close() })
	return e
}

func get(url string) Draft { return Draft{Method: "GET", URL: url} }

func opts() Options {
	o := DefaultOptions()
	o.Timeout = 5 * time.Second
	o.Proxy = func(*http.Request) (*url.URL, error) { return nil, nil } // the environment stays out of tests
	return o
}

// routeTo makes every connection go to addr, whatever the URL's host: a
// curl --connect-to, so tests can use real-looking host names.
func routeTo(addr string) func(ctx context.Context, network, _ string) (net.Conn, error) {
	return func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
}

func header(hs []Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

func mustOK(t testing.TB, e *Exchange) {
	t.Helper()
	if e.Err != "" {
		t.Fatalf("Send failed (%s): %s", e.ErrKind, e.Err)
	}
	if e.Response == nil {
		t.Fatal("no response")
	}
}

// rawServer answers every request with the bytes reply writes on the
// hijacked connection, for responses Go's server would not send (header
// order, broken bodies).
func rawServer(t testing.TB, reply func(w *bufio.ReadWriter, r *http.Request)) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, rw, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return
		}
		defer conn.Close()
		reply(rw, r)
		rw.Flush()
	}))
	t.Cleanup(srv.Close)
	return srv
}

// pki is a test CA that issues server and client certificates.
type pki struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
	pool *x509.CertPool
}

func newPKI(t testing.TB, name string) *pki {
	t.Helper()
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &pki{cert: cert, key: key, pool: pool}
}

type leafSpec struct {
	names     []string
	notBefore time.Time
	notAfter  time.Time
	client    bool
}

func (p *pki) issue(t testing.TB, s leafSpec) tls.Certificate {
	t.Helper()
	if s.notBefore.IsZero() {
		s.notBefore = time.Now().Add(-time.Hour)
	}
	if s.notAfter.IsZero() {
		s.notAfter = time.Now().Add(time.Hour)
	}
	key := newKey(t)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: s.names[0]},
		NotBefore: s.notBefore, NotAfter: s.notAfter, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	if s.client {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	for _, n := range s.names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, p.cert, &key.PublicKey, p.key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}
}

func newKey(t testing.TB) *ecdsa.PrivateKey {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// tlsServer serves h over TLS with cfg.
func tlsServer(t testing.TB, cfg *tls.Config, h http.Handler) *httptest.Server {
	srv := httptest.NewUnstartedServer(h)
	srv.TLS = cfg
	srv.StartTLS()
	t.Cleanup(srv.Close)
	return srv
}

func hello(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("hello")) }

func writeFile(t testing.TB, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

type bufioRW = bufio.ReadWriter

// quietLog keeps the servers' expected TLS handshake errors out of the test output.
func quietLog() *log.Logger { return log.New(io.Discard, "", 0) }
