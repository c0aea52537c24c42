package exchange

import (
	"net/http/httptrace"
	"sync"
	"time"
)

// phase is how far the current request got, for saying where a timeout hit.
type phase int

const (
	phaseStart     phase = iota
	phaseTLS             // TLS handshake in progress
	phaseConnected       // connection ready, request being written
	phaseWaiting         // request written, no answer yet
	phaseAnswering       // first byte received
)

// recorder collects what httptrace and the dialers report during one
// attempt. Dials run on the transport's goroutines and may outlive the
// attempt, so everything is behind a mutex and copied out at the end.
type recorder struct {
	mu        sync.Mutex
	start     time.Time
	timing    Timing
	dnsStart  time.Time
	connStart time.Time
	phase     phase
	sent      []Header
	conn      *wireConn
	proxy     string   // redacted URL of the proxy of the last connection
	proxyAddr string   // host:port of a proxy the transport dials for an http target
	lastTLS   *TLSInfo // of the last handshake, failed or not
	cert      clientCertUse
}

func newRecorder() *recorder {
	return &recorder{start: time.Now()}
}

func (r *recorder) clientTrace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		DNSStart: func(httptrace.DNSStartInfo) { r.with(func() { r.dnsStart = time.Now() }) },
		DNSDone: func(httptrace.DNSDoneInfo) {
			r.with(func() { r.timing.DNS += since(r.dnsStart) })
		},
		ConnectStart: func(string, string) {
			r.with(func() {
				if r.connStart.IsZero() {
					r.connStart = time.Now()
				}
			})
		},
		ConnectDone: func(_, _ string, err error) {
			r.with(func() {
				if err == nil && !r.connStart.IsZero() {
					r.timing.Connect += since(r.connStart)
					r.connStart = time.Time{}
				}
			})
		},
		GotConn: func(info httptrace.GotConnInfo) {
			r.with(func() {
				r.phase = phaseConnected
				if c, ok := info.Conn.(*wireConn); ok {
					r.conn = c
				}
			})
		},
		WroteHeaderField: func(name string, values []string) {
			r.with(func() {
				for _, v := range values {
					r.sent = append(r.sent, Header{Name: name, Value: v})
				}
			})
		},
		WroteRequest: func(httptrace.WroteRequestInfo) { r.with(func() { r.phase = phaseWaiting }) },
		GotFirstResponseByte: func() {
			r.with(func() {
				r.phase = phaseAnswering
				r.timing.FirstByte = since(r.start)
			})
		},
	}
}

func (r *recorder) with(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f()
}

func since(t time.Time) time.Duration {
	if t.IsZero() {
		return 0
	}
	return time.Since(t)
}

// beginHop forgets what belonged to the previous request of the chain.
func (r *recorder) beginHop() {
	r.with(func() {
		r.sent, r.conn, r.phase, r.lastTLS = nil, nil, phaseStart, nil
	})
}

// tlsStarted and tlsDone are called by the TLS dialer.
func (r *recorder) tlsStarted() time.Time {
	r.with(func() { r.phase = phaseTLS })
	return time.Now()
}

func (r *recorder) tlsDone(start time.Time, info *TLSInfo) {
	r.with(func() {
		r.timing.TLS += since(start)
		r.lastTLS = info
	})
}

func (r *recorder) clientCert(asked, given, configured bool) {
	r.with(func() { r.cert = clientCertUse{asked: asked, given: given, configured: configured} })
}

// snapshot is a consistent copy of the recorder for the attempt's goroutine.
type snapshot struct {
	timing Timing
	phase  phase
	sent   []Header
	conn   *wireConn
	proxy  string
	tls    *TLSInfo
	cert   clientCertUse
}

func (r *recorder) snapshot() snapshot {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := snapshot{
		timing: r.timing, phase: r.phase, sent: append([]Header(nil), r.sent...), conn: r.conn,
		proxy: r.proxy, tls: r.lastTLS, cert: r.cert,
	}
	if r.conn != nil {
		if t := r.conn.tlsInfo(); t != nil {
			s.tls = t
		}
	}
	return s
}
