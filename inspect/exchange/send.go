package exchange

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"strings"
	"time"
)

// Send sends the draft and records the exchange. It never panics and
// never returns nil; failures are in Exchange.Err. Call Close on the
// result to release a spooled body.
func Send(ctx context.Context, d Draft, o Options) (e *Exchange) {
	o = o.withDefaults()
	e = &Exchange{Started: o.Now(), Request: Request{Method: d.Method, URL: d.URL, Headers: append([]Header(nil), d.Headers...)}}
	defer func() {
		if r := recover(); r != nil {
			e.fail(KindInternal, fmt.Sprintf("internal error while sending: %v", r))
		}
	}()
	s, err := newSender(d, o)
	if err != nil {
		e.fail(KindInvalid, err.Error())
		return e
	}
	s.attempt(ctx, e)
	if !s.wantsRetry(e) {
		return e
	}
	if err := o.Credentials.Invalidate(ctx); err != nil {
		e.RetryErr = "the credentials could not be renewed for a retry: " + err.Error()
		return e
	}
	first := e.Response
	e = &Exchange{Started: e.Started}
	s.attempt(ctx, e)
	e.Retried, e.First = true, first
	return e
}

// sender holds what stays the same across the attempts of one Send.
type sender struct {
	o      Options
	d      Draft
	target *url.URL
	b      *builder
	proxy  proxyFunc
}

func newSender(d Draft, o Options) (*sender, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	target, _ := parseTarget(d.URL)
	s := &sender{o: o, d: d, target: target, proxy: o.Proxy}
	if s.proxy == nil {
		s.proxy = envProxy(os.Getenv) // read now, not once per process
	}
	b := &builder{d: d, o: &s.o, draftOrigin: origin(target), credOrigin: origin(target)}
	if o.CredentialOrigin != "" {
		co, err := parseOrigin(o.CredentialOrigin)
		if err != nil {
			return nil, err
		}
		b.credOrigin = co
	}
	s.b = b
	return s, nil
}

func (s *sender) wantsRetry(e *Exchange) bool {
	return s.o.Retry != nil && s.o.Credentials != nil && e.Response != nil && e.Err == "" &&
		e.CredentialsSent && s.o.Retry(e)
}

// attempt sends the request and follows its redirects, filling e.
func (s *sender) attempt(parent context.Context, e *Exchange) {
	ctx, cancel := context.WithTimeout(parent, s.o.Timeout)
	defer cancel()
	rec := newRecorder()
	a := &run{s: s, e: e, parent: parent, rec: rec, ctx: httptrace.WithClientTrace(ctx, rec.clientTrace()), withBody: true}
	a.client = (&dialer{o: s.o, rec: rec, proxy: s.proxy}).client()
	defer a.client.CloseIdleConnections()
	defer a.finish()

	cur, err := s.b.build(a.ctx, s.d.Method, s.target, true)
	if err != nil {
		e.fail(buildKind(err), err.Error())
		e.CredentialsErr = errors.Unwrap(err)
		return
	}
	e.Request = Request{Method: s.d.Method, URL: cur.req.URL.String(), Headers: composedHeaders(cur.req), BodySize: max(cur.bodySize, 0)}
	a.firstHadCreds = cur.withCreds
	for hop := 0; ; hop++ {
		next, ok := a.hop(hop, cur)
		if !ok {
			return
		}
		cur = next
	}
}

// run is one attempt in progress.
type run struct {
	s             *sender
	e             *Exchange
	ctx, parent   context.Context
	rec           *recorder
	client        *http.Client
	firstHadCreds bool
	withBody      bool // false once a redirect dropped the body
}

// hop sends one request of the chain; it returns the next one to send,
// or false when the exchange is complete or failed.
func (a *run) hop(n int, cur built) (built, bool) {
	s, e := a.s, a.e
	a.rec.beginHop()
	resp, err := a.client.Do(cur.req)
	snap := a.rec.snapshot()
	if n == 0 && len(snap.sent) > 0 {
		e.Request.Headers = snap.sent
	}
	s.noteConnection(e, snap, cur)
	if err != nil {
		s.failed(a.ctx, a.parent, e, err, snap, cur.req.URL)
		return built{}, false
	}
	r := &Response{Proto: resp.Proto, Status: resp.StatusCode, Reason: reason(resp.Status), Headers: headersOf(snap.conn, resp)}
	loc, follow := s.follow(resp, cur.req.URL)
	if !follow || n >= s.o.MaxRedirects {
		r.Body = readBody(a.ctx, resp, &s.o)
		resp.Body.Close()
		e.Response = r
		if follow {
			e.fail(KindRedirects, fmt.Sprintf("stopped after %d redirects: the server keeps redirecting (the last one to %s)", n, loc))
		}
		return built{}, false
	}
	drain(resp)
	method, keepBody := nextMethod(resp.StatusCode, cur.req.Method)
	a.withBody = a.withBody && keepBody
	next, err := s.b.build(a.ctx, method, loc, a.withBody)
	if err != nil {
		e.Response = r
		e.fail(buildKind(err), err.Error())
		return built{}, false
	}
	e.Redirects = append(e.Redirects, Hop{
		Status: resp.StatusCode, URL: cur.req.URL.String(), Location: loc.String(), Headers: r.Headers,
		CrossOrigin: origin(loc) != s.b.draftOrigin, AuthDropped: cur.hasAuth && !next.hasAuth,
	})
	return next, true
}

// finish stamps the timings and says whether credentials were withheld.
func (a *run) finish() {
	a.e.Timing = a.rec.snapshot().timing
	a.e.Timing.Total = time.Since(a.rec.start)
	a.e.CredentialsWithheld = a.s.withheld(a.e, a.firstHadCreds)
}

// follow says whether a response is a redirect to follow, and where to.
func (s *sender) follow(resp *http.Response, base *url.URL) (*url.URL, bool) {
	if !s.o.FollowRedirects || !isRedirect(resp.StatusCode) {
		return nil, false
	}
	return location(resp, base)
}

// noteConnection records the proxy, TLS and credentials of the hop that
// is (so far) the last.
func (s *sender) noteConnection(e *Exchange, snap snapshot, b built) {
	e.ViaProxy = snap.proxy
	e.CredentialsSent = b.withCreds
	e.TLS = nil
	if strings.EqualFold(b.req.URL.Scheme, "https") && snap.tls != nil {
		info := *snap.tls
		e.TLS = &info
	}
}

// failed records a request that got no response: a proxy's refusal of
// CONNECT counts as the response, anything else is an error.
func (s *sender) failed(ctx, parent context.Context, e *Exchange, err error, snap snapshot, u *url.URL) {
	var refusal *proxyRefusal
	if errors.As(err, &refusal) {
		e.Response, e.ViaProxy, e.TLS = refusal.resp, refusal.proxy, nil
		return
	}
	f := describeErr(err, failContext{attempt: ctx, parent: parent, timeout: s.o.Timeout, maxHeader: s.o.MaxHeaderBytes, snap: snap, target: u})
	e.fail(f.kind, f.msg)
	if f.kind == KindTLS && f.detail != "" {
		if e.TLS == nil {
			e.TLS = &TLSInfo{}
		}
		e.TLS.Error = f.detail
	}
}

// withheld says why the provider's credentials did not reach the server.
func (s *sender) withheld(e *Exchange, firstHadCreds bool) string {
	if s.o.Credentials == nil || e.CredentialsSent || e.ErrKind == KindCredentials {
		return ""
	}
	if firstHadCreds && len(e.Redirects) > 0 {
		last := e.Redirects[len(e.Redirects)-1]
		u, _ := url.Parse(last.Location)
		return fmt.Sprintf("No credentials were sent to %s after the redirect: they go only to %s.", origin(u), s.b.credOrigin)
	}
	if o := origin(s.target); o != s.b.credOrigin {
		return fmt.Sprintf("No credentials were sent: %s is not %s, the only origin they go to.", o, s.b.credOrigin)
	}
	return "" // the request never went out; its error says why
}

func buildKind(err error) ErrKind {
	var be *buildError
	if errors.As(err, &be) {
		return be.kind
	}
	return KindInvalid
}

// reason is the reason phrase of a status line such as "401 Unauthorized".
func reason(status string) string {
	_, r, _ := strings.Cut(status, " ")
	return r
}

// headersOf prefers the header block read from the wire; when it could not
// be read (it never should), Go's map is listed sorted by name.
func headersOf(c *wireConn, resp *http.Response) []Header {
	if c != nil {
		if hs, ok := c.received(); ok {
			return hs
		}
	}
	return sortedHeaders(resp.Header)
}
