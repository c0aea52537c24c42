package demo

import (
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Options configure a demo server. The zero value is ready to use.
type Options struct {
	// Addr is where Start listens: 127.0.0.1 with a port. Default
	// 127.0.0.1:0, a free port.
	Addr string
	// Now is the server's clock: token lifetimes, the Date header, nonces
	// and step-up ages all use it. Default time.Now.
	Now func() time.Time
	// URL is the base URL clients reach the server at, for a Handler served
	// by someone else (httptest.NewUnstartedServer). Start sets it from its
	// listener when it is empty.
	URL string
}

// Server is the demo API: an identity provider and the resources it
// protects, on one loopback origin. It keeps its state in memory only.
type Server struct {
	now     func() time.Time
	addr    string
	keys    *keyring
	secrets secrets
	handler http.Handler

	mu    sync.Mutex
	base  string
	srv   *http.Server
	creds *Credentials
	state state
}

// secrets are made fresh at every start, so nothing the demo prints is
// worth anything once it stops.
type secrets struct {
	clientSecret string
	password     string
	nonceKey     []byte // HMAC key of the DPoP and Digest nonces
	opaque       string // the Digest opaque value
}

// New makes the keys and secrets of a demo server. It does not listen:
// call Start, or serve Handler yourself with Options.URL set.
func New(opts Options) (*Server, error) {
	kr, err := newKeyring()
	if err != nil {
		return nil, fmt.Errorf("demo: making keys: %w", err)
	}
	s := &Server{
		now:  opts.Now,
		addr: opts.Addr,
		keys: kr,
		secrets: secrets{
			clientSecret: rand.Text(),
			password:     strings.ToLower(rand.Text()[:12]),
			nonceKey:     []byte(rand.Text()),
			opaque:       rand.Text(),
		},
		base:  strings.TrimSuffix(opts.URL, "/"),
		state: newState(),
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.addr == "" {
		s.addr = "127.0.0.1:0"
	}
	s.handler = s.withDate(s.routes())
	return s, nil
}

// Start listens on Options.Addr, which must be on 127.0.0.1: the demo
// hands out credentials and must never be reachable from another machine.
func (s *Server) Start() error {
	addr, err := loopbackAddr(s.addr)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return errors.New("demo: the server is already started")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if s.base == "" {
		s.base = "http://" + ln.Addr().String()
	}
	s.srv = &http.Server{Handler: s.handler, ReadHeaderTimeout: 10 * time.Second}
	go func(srv *http.Server) { _ = srv.Serve(ln) }(s.srv) // ends with Close
	return nil
}

// loopbackAddr accepts 127.0.0.1 (or localhost, or no host) with a port.
func loopbackAddr(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("demo: address %q: %w", addr, err)
	}
	if host == "" || host == "localhost" {
		host = "127.0.0.1"
	}
	if host != "127.0.0.1" {
		return "", fmt.Errorf("demo: %s is not 127.0.0.1; the demo API listens on loopback only", host)
	}
	return net.JoinHostPort(host, port), nil
}

// URL is the base URL, "" until Start (or Options.URL) gives it one.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.base
}

// Close stops the listener and every open connection.
func (s *Server) Close() error {
	s.mu.Lock()
	srv := s.srv
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	return srv.Close()
}

// Handler serves the demo API; it answers 503 while the server has no URL,
// since the issuer and every audience are built from it.
func (s *Server) Handler() http.Handler { return s.handler }

// withDate stamps every response with the server's clock, so a client
// compares token times with the clock that judged them.
func (s *Server) withDate(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", s.now().UTC().Format(http.TimeFormat))
		if s.URL() == "" {
			http.Error(w, "demo: the server has no URL yet (Start it, or set Options.URL)", http.StatusServiceUnavailable)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// otherHost is base with 127.0.0.1 and localhost swapped: the same server
// under another name, which clients treat as another origin.
func otherHost(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return base
	}
	name := "localhost"
	if u.Hostname() == "localhost" {
		name = "127.0.0.1"
	}
	if p := u.Port(); p != "" {
		name = net.JoinHostPort(name, p)
	}
	u.Host = name
	return u.String()
}
