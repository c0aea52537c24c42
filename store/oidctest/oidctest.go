// Package oidctest runs a real OpenID Provider (zitadel/oidc's example OP,
// an OpenID Certified library) on 127.0.0.1 inside a test, with per-test
// clients and users, and plays the browser for it: approving a device code,
// signing in for the authorization code flow. Only _test files import it,
// so none of the provider's dependencies reach the why401 binary.
//
// Every Provider has its own storage, signing key and client map, so tests
// may run in parallel. See ../../shared/notes/oidc-provider-in-tests.md for
// the limits of the example OP this package works around.
package oidctest

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/zitadel/oidc/v3/example/server/exampleop"
	"github.com/zitadel/oidc/v3/example/server/storage"
	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// Client is a registered client's ID and secret ("" for a public client).
type Client struct {
	ID     string
	Secret string
}

// User is a user who can sign in on the provider's pages.
type User struct {
	Username string
	Password string
}

// Provider is a running OpenID Provider.
type Provider struct {
	// Issuer is http://127.0.0.1:PORT, without a trailing slash: every
	// token's iss is exactly this string.
	Issuer    string
	Discovery oidc.DiscoveryConfiguration
	Storage   *storage.Storage

	// Service may use client_credentials; its tokens can be introspected
	// with its own credentials.
	Service Client
	// Native is a public client (PKCE, no secret) with the authorization
	// code, refresh_token and device_code grants; any 127.0.0.1 port with
	// the path /callback is an accepted redirect.
	Native Client
	// Device is a confidential client with only the device_code grant
	// (so never a refresh token).
	Device Client
	// User signs in; its ID equals its username, which the example's
	// device pages need (they store the username as the subject).
	User User

	mw *middleware
}

type config struct {
	stockInterval bool
	jwt           map[string]bool
}

// Option changes how Start sets the provider up.
type Option func(*config)

// WithStockPollInterval keeps the example's fixed 5 s device poll interval
// instead of rewriting it to 1 s.
func WithStockPollInterval() Option { return func(c *config) { c.stockInterval = true } }

// WithJWTAccessTokens makes the provider issue signed JWT access tokens
// (instead of opaque ones) to the given client IDs.
func WithJWTAccessTokens(clientIDs ...string) Option {
	return func(c *config) {
		for _, id := range clientIDs {
			c.jwt[id] = true
		}
	}
}

// Start runs a provider on 127.0.0.1 with a random port until the test ends.
func Start(t testing.TB, opts ...Option) *Provider {
	t.Helper()
	cfg := config{jwt: map[string]bool{}}
	for _, o := range opts {
		o(&cfg)
	}
	// NewUnstartedServer already holds the listener, so the issuer (which
	// SetupServer needs before serving) is known before the server starts.
	srv := httptest.NewUnstartedServer(nil)
	p := &Provider{
		Issuer:  "http://" + srv.Listener.Addr().String(),
		Service: Client{ID: "why401-service", Secret: "svc-" + rand.Text()},
		Native:  Client{ID: "why401-native"},
		Device:  Client{ID: "why401-device", Secret: "dev-" + rand.Text()},
		User:    User{Username: "alice", Password: "pw-" + rand.Text()},
	}
	p.Storage = storage.NewStorageWithClients(newUserStore(p.User, p.Service.ID), p.clients())
	st := &testStorage{Storage: p.Storage, jwt: cfg.jwt, native: p.Native.ID, service: p.Service}
	// A non-nil logger becomes the process's slog default; a discarding one
	// keeps the example's per-request logging out of test output.
	router := exampleop.SetupServer(p.Issuer, st, slog.New(slog.DiscardHandler), false)
	if err := p.discover(router); err != nil {
		srv.Close()
		t.Fatalf("oidctest: %v", err)
	}
	p.mw = newMiddleware(router, !cfg.stockInterval, pathOf(p.Discovery.TokenEndpoint), pathOf(p.Discovery.DeviceAuthorizationEndpoint))
	srv.Config.Handler = p.mw
	srv.Start()
	t.Cleanup(srv.Close)
	return p
}

// clients is this provider's own client map: the storage package's global
// one would be shared by parallel tests.
func (p *Provider) clients() map[string]*storage.Client {
	return map[string]*storage.Client{
		// A registered loopback redirect without a port matches any port.
		p.Native.ID: storage.NativeClient(p.Native.ID, "http://127.0.0.1/callback"),
		p.Device.ID: storage.DeviceClient(p.Device.ID, p.Device.Secret),
		// Registered as a normal client too, so that it can authenticate
		// at the introspection endpoint.
		p.Service.ID: storage.WebClient(p.Service.ID, p.Service.Secret),
	}
}

// discover reads the discovery document straight from the router, before
// the server starts, so the middleware knows the endpoint paths from the
// first request on.
func (p *Provider) discover(router http.Handler) error {
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p.Issuer+oidc.DiscoveryEndpoint, nil))
	if rec.Code != http.StatusOK {
		return fmt.Errorf("discovery: HTTP %d", rec.Code)
	}
	return json.Unmarshal(rec.Body.Bytes(), &p.Discovery)
}

func pathOf(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return u.Path
}

// Hits is how many requests reached path (e.g. "/oauth/token").
func (p *Provider) Hits(path string) int { return p.mw.hits(path) }

// TokenRequests is how many requests reached the token endpoint.
func (p *Provider) TokenRequests() int { return p.mw.hits(p.mw.tokenPath) }

// FailDevicePolls makes the next n device-code polls of the token endpoint
// answer HTTP 400 with the given RFC 8628 error (slow_down, expired_token,
// access_denied, …) without reaching the provider, which itself never
// sends slow_down for polling too fast.
func (p *Provider) FailDevicePolls(code string, n int) { p.mw.failDevicePolls(code, n) }
