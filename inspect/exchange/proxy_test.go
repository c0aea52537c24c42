package exchange

import (
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// testProxy is a forward proxy on 127.0.0.1. Without the right
// Proxy-Authorization it answers 407 (to absolute-URI requests and to
// CONNECT alike); with it, it tunnels CONNECT to backend.
type testProxy struct {
	*httptest.Server
	realm   string
	auth    string // the Proxy-Authorization it accepts; "" none
	backend string // where CONNECT tunnels go

	mu   sync.Mutex
	seen []string // request lines it got
}

func newTestProxy(t *testing.T, realm, auth, backend string) *testProxy {
	p := &testProxy{realm: realm, auth: auth, backend: backend}
	p.Server = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.Close)
	return p
}

func (p *testProxy) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.seen = append(p.seen, r.Method+" "+r.RequestURI)
	p.mu.Unlock()
	if p.auth == "" || r.Header.Get("Proxy-Authorization") != p.auth {
		w.Header().Set("Proxy-Authenticate", `Basic realm="`+p.realm+`"`)
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusProxyAuthRequired)
		io.WriteString(w, "proxy authentication required by "+p.realm)
		return
	}
	if r.Method != http.MethodConnect {
		http.Error(w, "this test proxy only tunnels", http.StatusBadGateway)
		return
	}
	up, err := net.Dial("tcp", p.backend)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
	conn, rw, err := http.NewResponseController(w).Hijack()
	if err != nil {
		up.Close()
		return
	}
	go func() { io.Copy(up, rw); up.Close() }()
	io.Copy(conn, up)
	conn.Close()
}

func (p *testProxy) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

// clearProxyEnv leaves only what a test sets.
func clearProxyEnv(t *testing.T) {
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "REQUEST_METHOD"} {
		t.Setenv(k, "")
	}
}

// The environment's proxy answers 407; the settings are read on every
// Send, so changing HTTP_PROXY between two Sends changes the proxy. The
// target is a non-loopback name, since loopback is never proxied.
func TestEnvironmentProxy407ReadPerSend(t *testing.T) {
	clearProxyEnv(t)
	one := newTestProxy(t, "one", "", "")
	two := newTestProxy(t, "two", "", "")
	o := opts()
	o.Proxy = nil // the environment

	for _, p := range []*testProxy{one, two} {
		t.Setenv("HTTP_PROXY", p.URL)
		e := send(t, get("http://api.example.test/v1/me"), o)
		mustOK(t, e)
		r := e.Response
		if r.Status != 407 || header(r.Headers, "Proxy-Authenticate") != `Basic realm="`+p.realm+`"` || e.ViaProxy != p.URL {
			t.Fatalf("via %q: %d %v", e.ViaProxy, r.Status, r.Headers)
		}
		if got := p.requests(); len(got) != 1 || got[0] != "GET http://api.example.test/v1/me" {
			t.Fatalf("proxy %s saw %v", p.realm, got)
		}
		if !e.ExplainInput().Request.ViaProxy {
			t.Fatal("the explainer is not told about the proxy")
		}
	}
}

// For an https target the proxy refuses the CONNECT: its 407, headers
// and body are the recorded response, marked as the proxy's own.
func TestProxyRefusesConnect(t *testing.T) {
	clearProxyEnv(t)
	p := newTestProxy(t, "corp", "", "")
	t.Setenv("HTTPS_PROXY", p.URL)
	o := opts()
	o.Proxy = nil
	e := send(t, get("https://api.example.test/v1/me"), o)
	mustOK(t, e)
	r := e.Response
	if r.Status != 407 || !r.FromProxy || header(r.Headers, "Proxy-Authenticate") != `Basic realm="corp"` ||
		string(r.Body.Data) != "proxy authentication required by corp" || e.ViaProxy != p.URL || e.TLS != nil {
		t.Fatalf("response %+v via %q", r, e.ViaProxy)
	}
	if got := p.requests(); len(got) != 1 || got[0] != "CONNECT api.example.test:443" {
		t.Fatalf("proxy saw %v", got)
	}
}

// Through a proxy that takes the credentials in its URL, the CONNECT
// tunnel carries TLS to the server, whose answer and certificate are
// recorded; the proxy's password is not.
func TestProxyTunnel(t *testing.T) {
	ca := newPKI(t, "why401 test CA")
	srv := tlsServer(t, &tls.Config{Certificates: []tls.Certificate{ca.issue(t, leafSpec{names: []string{"api.example.test"}})}},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
			w.WriteHeader(http.StatusUnauthorized)
		}))
	p := newTestProxy(t, "corp", "Basic dTpzM2NyM3Q=", srv.Listener.Addr().String()) // u:s3cr3t
	proxyURL, _ := url.Parse(strings.Replace(p.URL, "http://", "http://u:s3cr3t@", 1))
	o := opts()
	o.Proxy = http.ProxyURL(proxyURL)
	o.TLS = &tls.Config{RootCAs: ca.pool}
	e := send(t, get("https://api.example.test/v1/me"), o)
	mustOK(t, e)
	if e.Response.Status != 401 || e.Response.FromProxy || header(e.Response.Headers, "WWW-Authenticate") != `Bearer realm="api"` {
		t.Fatalf("response %+v", e.Response)
	}
	if e.TLS == nil || e.TLS.Subject != "CN=api.example.test" {
		t.Fatalf("TLS %+v", e.TLS)
	}
	if strings.Contains(e.ViaProxy, "s3cr3t") || !strings.Contains(e.ViaProxy, "u:xxxxx@") {
		t.Fatalf("ViaProxy %q", e.ViaProxy)
	}
}

func TestProxyUnreachable(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	o := opts()
	o.Proxy = http.ProxyURL(&url.URL{Scheme: "http", Host: addr})
	for _, target := range []string{"http://api.example.test/", "https://api.example.test/"} {
		e := send(t, get(target), o)
		if e.ErrKind != KindProxy || !strings.Contains(e.Err, "cannot reach the proxy "+addr) || !strings.Contains(e.Err, "connection refused") {
			t.Fatalf("%s: got %s %q", target, e.ErrKind, e.Err)
		}
	}
	o.Proxy = http.ProxyURL(&url.URL{Scheme: "socks5", Host: addr})
	e := send(t, get("https://api.example.test/"), o)
	if e.ErrKind != KindProxy || !strings.Contains(e.Err, "only http:// and https:// proxies") {
		t.Fatalf("socks: got %s %q", e.ErrKind, e.Err)
	}
}

// The environment's rules, as golang.org/x/net/http/httpproxy has them.
func TestEnvProxyRules(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	cases := []struct {
		name   string
		getenv func(string) string
		target string
		want   string // proxy URL; "" direct
	}{
		{"http", env("HTTP_PROXY", "http://p:3128"), "http://api.example/", "http://p:3128"},
		{"lower case", env("https_proxy", "http://p:3128"), "https://api.example/", "http://p:3128"},
		{"upper wins", env("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:1"), "https://api.example/", "http://upper:1"},
		{"scheme picks the variable", env("HTTP_PROXY", "http://p:3128"), "https://api.example/", ""},
		{"no scheme", env("HTTP_PROXY", "p:3128"), "http://api.example/", "http://p:3128"},
		{"loopback never", env("HTTP_PROXY", "http://p:3128"), "http://127.0.0.1:8080/", ""},
		{"localhost never", env("HTTP_PROXY", "http://p:3128"), "http://localhost/", ""},
		{"CGI ignores HTTP_PROXY", env("HTTP_PROXY", "http://p:3128", "REQUEST_METHOD", "GET"), "http://api.example/", ""},
		{"NO_PROXY *", env("HTTP_PROXY", "http://p:3128", "NO_PROXY", "*"), "http://api.example/", ""},
		{"NO_PROXY domain and subdomains", env("HTTP_PROXY", "http://p:3128", "NO_PROXY", "example"), "http://api.example/", ""},
		{"NO_PROXY exact", env("HTTP_PROXY", "http://p:3128", "NO_PROXY", "api.example"), "http://api.example/", ""},
		{"NO_PROXY leading dot: subdomains only", env("HTTP_PROXY", "http://p:3128", "NO_PROXY", ".api.example"), "http://api.example/", "http://p:3128"},
		{"NO_PROXY port", env("HTTP_PROXY", "http://p:3128", "NO_PROXY", "api.example:8080"), "http://api.example/", "http://p:3128"},
		{"NO_PROXY port matches", env("HTTP_PROXY", "http://p:3128", "NO_PROXY", "api.example:80"), "http://api.example/", ""},
		{"NO_PROXY CIDR", env("HTTP_PROXY", "http://p:3128", "no_proxy", "10.0.0.0/8"), "http://10.1.2.3/", ""},
		{"NO_PROXY other", env("HTTP_PROXY", "http://p:3128", "NO_PROXY", "other.example, 10.0.0.1"), "http://api.example/", "http://p:3128"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := url.Parse(tc.target)
			got, err := envProxy(tc.getenv)(&http.Request{URL: u})
			if err != nil {
				t.Fatal(err)
			}
			if s := urlString(got); s != tc.want {
				t.Fatalf("proxy %q, want %q", s, tc.want)
			}
		})
	}
}

func urlString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}
