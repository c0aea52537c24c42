package exchange

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// dialer opens the connections of one attempt. It wraps each in a
// wireConn so the response header block can be read in wire order, does
// TLS itself (to record the certificate even when verification fails, and
// to tee above the encryption), and does CONNECT itself for https targets
// behind a proxy (to record the proxy's 407 with its headers and body).
type dialer struct {
	o     Options
	rec   *recorder
	proxy proxyFunc
}

// client builds a fresh transport for one attempt: nothing is cached
// between Sends, so proxy settings and TLS options are always current.
func (d *dialer) client() *http.Client {
	t := &http.Transport{
		Proxy:                  d.transportProxy,
		DialContext:            d.dialPlain,
		DialTLSContext:         d.dialTLS,
		DisableKeepAlives:      true, // one request per connection: see wireConn
		DisableCompression:     true, // the body reader decodes, and records the encoding
		MaxResponseHeaderBytes: d.o.MaxHeaderBytes,
	}
	return &http.Client{
		Transport: t,
		// Redirects are followed by Send, which records each hop and
		// decides which hop gets credentials.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// transportProxy lets the transport proxy plain http targets (absolute-URI
// requests) and keeps https targets for dialTLS, which does the CONNECT.
func (d *dialer) transportProxy(req *http.Request) (*url.URL, error) {
	d.rec.with(func() { d.rec.proxyAddr = "" })
	if strings.EqualFold(req.URL.Scheme, "https") {
		return nil, nil
	}
	u, err := d.pick(req)
	if u != nil {
		d.rec.with(func() { d.rec.proxyAddr = hostPort(u) })
	}
	if u != nil && !isHTTPProxy(u) {
		return nil, &proxyError{"the proxy " + u.Redacted() + " uses " + u.Scheme + ":, but only http:// and https:// proxies are supported"}
	}
	return u, err
}

// pick asks the proxy function and records the answer.
func (d *dialer) pick(req *http.Request) (*url.URL, error) {
	u, err := d.proxy(req)
	if err != nil {
		return nil, &proxyError{"the proxy setting cannot be used: " + err.Error()}
	}
	d.rec.with(func() {
		d.rec.proxy = ""
		if u != nil {
			d.rec.proxy = u.Redacted()
		}
	})
	return u, nil
}

func isHTTPProxy(u *url.URL) bool {
	s := strings.ToLower(u.Scheme)
	return s == "http" || s == "https"
}

func (d *dialer) dialPlain(ctx context.Context, _, addr string) (_ net.Conn, err error) {
	defer recoverDial(&err)
	c, err := d.dialTCP(ctx, addr, d.isProxyAddr(addr))
	if err != nil {
		return nil, err
	}
	return newWireConn(c, d.wireLimit()), nil
}

// dialTLS serves https targets (through a proxy when one is set) and
// https:// proxies of plain http targets.
func (d *dialer) dialTLS(ctx context.Context, _, addr string) (_ net.Conn, err error) {
	defer recoverDial(&err)
	host, _, _ := net.SplitHostPort(addr)
	if d.isProxyAddr(addr) {
		raw, err := d.dialTCP(ctx, addr, true)
		if err != nil {
			return nil, err
		}
		tc, err := d.handshake(ctx, raw, host, true)
		if err != nil {
			return nil, err
		}
		return newWireConn(tc, d.wireLimit()), nil
	}
	proxy, err := d.pick(&http.Request{URL: &url.URL{Scheme: "https", Host: addr}})
	if err != nil {
		return nil, err
	}
	var raw net.Conn
	if proxy != nil {
		raw, err = d.connect(ctx, proxy, addr)
	} else {
		raw, err = d.dialTCP(ctx, addr, false)
	}
	if err != nil {
		return nil, err
	}
	tc, err := d.handshake(ctx, raw, host, false)
	if err != nil {
		return nil, err
	}
	wc := newWireConn(tc, d.wireLimit())
	wc.tls = d.describe(tc)
	return wc, nil
}

func (d *dialer) dialTCP(ctx context.Context, addr string, toProxy bool) (net.Conn, error) {
	c, err := d.o.Dial(ctx, "tcp", addr)
	if err != nil {
		if toProxy {
			return nil, &proxyDialError{addr: addr, err: err}
		}
		return nil, err
	}
	return c, nil
}

func (d *dialer) isProxyAddr(addr string) bool {
	var is bool
	d.rec.with(func() { is = d.rec.proxyAddr != "" && d.rec.proxyAddr == addr })
	return is
}

// wireLimit lets the transport hit its own header limit first; the
// wireConn only stops copying a little later.
func (d *dialer) wireLimit() int64 { return d.o.MaxHeaderBytes + 64<<10 }

// recoverDial turns a panic on the transport's dialing goroutine (in a
// caller's Dial or TLS hook, say), where Send's own recover cannot reach,
// into an error, so that Send never panics.
func recoverDial(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error while connecting: %v", r)
	}
}

// proxyDialError is a failure to reach the proxy itself.
type proxyDialError struct {
	addr string
	err  error
}

func (p *proxyDialError) Error() string {
	return "cannot reach the proxy " + p.addr + ": " + p.err.Error()
}
func (p *proxyDialError) Unwrap() error { return p.err }

// hostPort is u's host with the scheme's default port.
func hostPort(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = defaultPort(u.Scheme)
	}
	return net.JoinHostPort(u.Hostname(), port)
}

func defaultPort(scheme string) string {
	if strings.EqualFold(scheme, "https") {
		return "443"
	}
	return "80"
}
