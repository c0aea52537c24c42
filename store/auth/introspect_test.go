package auth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/store/auth"
)

func TestIntrospection(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	spec, sec := s.serviceSpec()
	tok := bearer(t, s.provider(t, spec, sec))
	url := s.op.Discovery.IntrospectionEndpoint
	svc := s.op.Service

	in, err := auth.Introspect(t.Context(), nil, url, svc.ID, svc.Secret, tok)
	if err != nil {
		t.Fatal(err)
	}
	// The example OP says little about client_credentials tokens.
	if !in.Active || in.Scope != "orders:read" || in.Exp == nil || time.Until(*in.Exp) < 4*time.Minute || in.Raw["active"] != true {
		t.Errorf("introspection = %+v", in)
	}

	in, err = auth.Introspect(t.Context(), nil, url, svc.ID, svc.Secret, "not-a-token")
	if err != nil || in.Active {
		t.Errorf("a garbage token: %+v, %v", in, err)
	}

	_, err = auth.Introspect(t.Context(), nil, url, svc.ID, "wrong-secret-9876", tok)
	if err == nil || !strings.HasPrefix(err.Error(), "the introspection endpoint answered HTTP 401, refusing the client credentials") ||
		strings.Contains(err.Error(), "9876") || strings.Contains(err.Error(), tok) {
		t.Errorf("wrong secret: %v", err)
	}

	if _, err := auth.Introspect(t.Context(), nil, "http://op.example.test/introspect", svc.ID, svc.Secret, tok); err == nil {
		t.Error("plain http to a non-loopback host was accepted")
	}
}

// A user's token, introspected by the confidential client it was issued
// to, names the user.
func TestIntrospectionUserToken(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	dev := s.op.Device
	s.ui.onCode = func(c auth.DeviceCode) { s.op.ApproveDevice(context.Background(), c.UserCode) }
	tok := bearer(t, s.provider(t, auth.Spec{Type: auth.TypeDevice, Issuer: s.op.Issuer, ClientID: dev.ID,
		Scopes: []string{"openid", "profile"}}, map[string]string{"client_secret": dev.Secret}))
	in, err := auth.Introspect(t.Context(), nil, s.op.Discovery.IntrospectionEndpoint, dev.ID, dev.Secret, tok)
	if err != nil {
		t.Fatal(err)
	}
	if !in.Active || in.Sub != "alice" || in.Scope != "openid profile" || in.Username != "alice" {
		t.Errorf("introspection = %+v", in)
	}
}
