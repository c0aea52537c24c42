package exchange

import (
	"bufio"
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// proxyFunc picks the proxy for a request; nil URL means direct.
type proxyFunc func(*http.Request) (*url.URL, error)

// envProxy builds the environment's proxy function from getenv now.
// http.ProxyFromEnvironment reads the environment once per process; a
// long-running TUI must see a changed HTTPS_PROXY, so each Send reads it
// anew. The rules follow golang.org/x/net/http/httpproxy: loopback is
// never proxied, HTTP_PROXY is ignored under CGI (REQUEST_METHOD set, the
// "httpoxy" attack), and NO_PROXY takes host names, domain suffixes, IPs,
// CIDR ranges, optional ports and "*".
func envProxy(getenv func(string) string) proxyFunc {
	either := func(upper string) string {
		if v := getenv(upper); v != "" {
			return v
		}
		return getenv(strings.ToLower(upper))
	}
	httpProxy := either("HTTP_PROXY")
	if getenv("REQUEST_METHOD") != "" {
		httpProxy = ""
	}
	httpsProxy := either("HTTPS_PROXY")
	skip := parseNoProxy(either("NO_PROXY"))
	return func(req *http.Request) (*url.URL, error) {
		raw := httpProxy
		if strings.EqualFold(req.URL.Scheme, "https") {
			raw = httpsProxy
		}
		if raw == "" || !skip.useProxy(req.URL) {
			return nil, nil
		}
		return parseProxyURL(raw)
	}
}

// parseProxyURL accepts "host:port" as http://host:port, as curl does.
func parseProxyURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || !strings.Contains(raw, "://") {
		if u2, err2 := url.Parse("http://" + raw); err2 == nil && u2.Host != "" {
			return u2, nil
		}
		return nil, fmt.Errorf("the proxy setting %q is not a URL", raw)
	}
	return u, nil
}

type noProxy struct {
	all     bool
	entries []noProxyEntry
}

type noProxyEntry struct {
	cidr   *net.IPNet
	ip     net.IP
	domain string // lower case; a leading dot matches only subdomains
	port   string // "" any
}

func parseNoProxy(s string) noProxy {
	var n noProxy
	for _, e := range strings.Split(s, ",") {
		e = strings.ToLower(strings.TrimSpace(e))
		switch {
		case e == "":
		case e == "*":
			n.all = true
		case strings.Contains(e, "/"):
			if _, cidr, err := net.ParseCIDR(e); err == nil {
				n.entries = append(n.entries, noProxyEntry{cidr: cidr})
			}
		default:
			n.entries = append(n.entries, parseNoProxyHost(e))
		}
	}
	return n
}

func parseNoProxyHost(e string) noProxyEntry {
	host, port := e, ""
	if h, p, err := net.SplitHostPort(e); err == nil {
		host, port = h, p
	}
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil {
		return noProxyEntry{ip: ip, port: port}
	}
	host = strings.TrimPrefix(host, "*")
	return noProxyEntry{domain: host, port: port}
}

// useProxy reports whether a request to u goes through the proxy.
func (n noProxy) useProxy(u *url.URL) bool {
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == "" {
		port = defaultPort(u.Scheme)
	}
	ip := net.ParseIP(host)
	if host == "localhost" || (ip != nil && ip.IsLoopback()) || n.all {
		return false
	}
	for _, e := range n.entries {
		if e.matches(host, port, ip) {
			return false
		}
	}
	return true
}

func (e noProxyEntry) matches(host, port string, ip net.IP) bool {
	if e.port != "" && e.port != port {
		return false
	}
	switch {
	case e.cidr != nil:
		return ip != nil && e.cidr.Contains(ip)
	case e.ip != nil:
		return ip != nil && e.ip.Equal(ip)
	case strings.HasPrefix(e.domain, "."):
		return strings.HasSuffix(host, e.domain)
	}
	return host == e.domain || strings.HasSuffix(host, "."+e.domain)
}

// connect opens a tunnel to addr through proxy with CONNECT. A refusal
// (407, 502, …) comes back as a *proxyRefusal carrying the proxy's
// response, which is recorded as the exchange's response.
func (d *dialer) connect(ctx context.Context, proxy *url.URL, addr string) (net.Conn, error) {
	conn, err := d.dialProxy(ctx, proxy)
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	wc := newWireConn(conn, d.o.MaxHeaderBytes)
	req := &http.Request{Method: http.MethodConnect, URL: &url.URL{Opaque: addr}, Host: addr, Header: http.Header{}}
	if pa := proxyAuth(proxy); pa != "" {
		req.Header.Set("Proxy-Authorization", pa)
	}
	if err := req.Write(wc); err != nil {
		conn.Close()
		return nil, err
	}
	br := bufio.NewReader(wc)
	resp, err := http.ReadResponse(br, req)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("the proxy %s gave no valid answer to CONNECT: %w", proxy.Host, err)
	}
	if resp.StatusCode != http.StatusOK {
		defer conn.Close()
		defer resp.Body.Close()
		return nil, &proxyRefusal{proxy: proxy.Redacted(), resp: d.readRefusal(ctx, resp, wc)}
	}
	if br.Buffered() > 0 {
		conn.Close()
		return nil, fmt.Errorf("the proxy %s sent data before the TLS handshake", proxy.Host)
	}
	return conn, nil
}

// dialProxy opens the connection to the proxy itself, over TLS for an
// https:// proxy.
func (d *dialer) dialProxy(ctx context.Context, proxy *url.URL) (net.Conn, error) {
	addr := hostPort(proxy)
	switch strings.ToLower(proxy.Scheme) {
	case "http":
		return d.dialTCP(ctx, addr, true)
	case "https":
		raw, err := d.dialTCP(ctx, addr, true)
		if err != nil {
			return nil, err
		}
		return d.handshake(ctx, raw, proxy.Hostname(), true)
	}
	return nil, &proxyError{fmt.Sprintf("the proxy %s uses %s:, but only http:// and https:// proxies are supported", proxy.Redacted(), proxy.Scheme)}
}

func (d *dialer) readRefusal(ctx context.Context, resp *http.Response, wc *wireConn) *Response {
	r := &Response{Proto: resp.Proto, Status: resp.StatusCode, Reason: reason(resp.Status), FromProxy: true}
	r.Headers = headersOf(wc, resp)
	r.Body = readBody(ctx, resp, &d.o)
	return r
}

func proxyAuth(proxy *url.URL) string {
	if proxy.User == nil {
		return ""
	}
	pass, _ := proxy.User.Password()
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(proxy.User.Username()+":"+pass))
}

// proxyRefusal is the proxy's own answer to CONNECT.
type proxyRefusal struct {
	proxy string
	resp  *Response
}

func (p *proxyRefusal) Error() string {
	return fmt.Sprintf("the proxy %s answered CONNECT with %d %s", p.proxy, p.resp.Status, p.resp.Reason)
}

// proxyError is a proxy setting that cannot be used.
type proxyError struct{ msg string }

func (p *proxyError) Error() string { return p.msg }
