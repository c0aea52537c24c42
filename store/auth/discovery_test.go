package auth_test

import (
	"strings"
	"testing"

	"github.com/why401/why401/store/auth"
)

func TestDiscovery(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	md, err := auth.Discover(t.Context(), nil, s.op.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	d := s.op.Discovery
	if md.Issuer != s.op.Issuer || md.TokenEndpoint != d.TokenEndpoint || md.AuthorizationEndpoint != d.AuthorizationEndpoint ||
		md.DeviceAuthorizationEndpoint != d.DeviceAuthorizationEndpoint || md.IntrospectionEndpoint != d.IntrospectionEndpoint ||
		md.JWKSURI != d.JwksURI || !strings.HasSuffix(md.URL, "/.well-known/openid-configuration") {
		t.Errorf("metadata = %+v", md)
	}

	// A provider with only the issuer discovers once, however many
	// tokens it gets.
	before := s.op.Hits("/.well-known/openid-configuration")
	spec, sec := s.serviceSpec()
	p := s.provider(t, spec, sec)
	bearer(t, p)
	p.Invalidate(t.Context())
	bearer(t, p)
	if n := s.op.Hits("/.well-known/openid-configuration") - before; n != 1 {
		t.Errorf("%d discovery requests, want 1", n)
	}
}

// The issuer must match the document exactly: with a trailing slash the
// provider's document names another issuer, and nothing is trusted.
func TestDiscoveryIssuerMismatch(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	spec.Issuer += "/"
	_, err := bearerErr(t.Context(), s.provider(t, spec, sec))
	if err == nil || !strings.Contains(err.Error(), "names issuer \""+s.op.Issuer+"\"") {
		t.Errorf("got %v", err)
	}
	if s.op.TokenRequests() != 0 {
		t.Error("a token was requested from an unverified endpoint")
	}
}

func TestPlainHTTPOnlyOnLoopback(t *testing.T) {
	for _, spec := range []auth.Spec{
		{Issuer: "http://op.example.test"},
		{TokenURL: "http://op.example.test/token"},
		{Issuer: "https://op.example.test", TokenURL: "http://10.0.0.1/token"},
		{Issuer: "https://op.example.test", DeviceURL: "http://op.example.test/device"},
	} {
		spec.Profile, spec.Type, spec.ClientID = "p", auth.TypeDevice, "c"
		_, err := auth.New(spec, nil, nil, nil, nil)
		if err == nil || !strings.Contains(err.Error(), "plain http") {
			t.Errorf("%+v: %v", spec, err)
		}
	}
	for _, spec := range []auth.Spec{
		{Issuer: "http://127.0.0.1:9"}, {Issuer: "http://localhost:9"}, {Issuer: "http://[::1]:9"},
		{TokenURL: "https://op.example.test/token", DeviceURL: "https://op.example.test/device"},
	} {
		spec.Profile, spec.Type, spec.ClientID = "p", auth.TypeDevice, "c"
		if _, err := auth.New(spec, nil, nil, nil, nil); err != nil {
			t.Errorf("%+v: %v", spec, err)
		}
	}
	if _, err := auth.Discover(t.Context(), nil, "http://op.example.test"); err == nil || !strings.Contains(err.Error(), "plain http") {
		t.Errorf("Discover: %v", err)
	}
}

func TestOAuthSpecErrors(t *testing.T) {
	for _, c := range []struct {
		spec auth.Spec
		want string
	}{
		{auth.Spec{Type: auth.TypeClientCredentials, ClientID: "c", TokenURL: "https://x.test/t"}, "profile's name"},
		{auth.Spec{Profile: "p", Type: auth.TypeClientCredentials, TokenURL: "https://x.test/t"}, "client_id"},
		{auth.Spec{Profile: "p", Type: auth.TypeClientCredentials, ClientID: "c"}, "token_url, or issuer"},
		{auth.Spec{Profile: "p", Type: auth.TypeAuthCode, ClientID: "c", TokenURL: "https://x.test/t"}, "auth_url"},
		{auth.Spec{Profile: "p", Type: auth.TypeDevice, ClientID: "c", TokenURL: "https://x.test/t"}, "device_url"},
		{auth.Spec{Profile: "p", Type: auth.TypeAuthCode, ClientID: "c", Issuer: "https://x.test", RedirectPort: 70000}, "redirect_port"},
	} {
		_, err := auth.New(c.spec, nil, nil, nil, nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: %v, want …%s…", c.spec, err, c.want)
		}
	}
}
