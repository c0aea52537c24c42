package auth_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/store/auth"
)

func TestDrawQRDecodes(t *testing.T) {
	want := "https://idp.example.test/device?user_code=WDJB-MJHT"
	drawing, err := auth.DrawQR(want)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsFunc(drawing, func(r rune) bool { return !strings.ContainsRune(" █▀▄\n", r) }) {
		t.Errorf("unexpected characters in\n%s", drawing)
	}
	if got := decodeQR(t, drawing); got != want {
		t.Errorf("decoded %q, want %q", got, want)
	}
}

// The public native client with openid and offline_access: the user
// approves on the provider's pages, the token works, a refresh token and
// an ID token come back, and the QR code leads to the same page.
func TestDeviceFlow(t *testing.T) {
	t.Parallel()
	defer timed(t)()
	s := newSetup(t)
	approveErr := make(chan error, 1)
	s.ui.onCode = func(c auth.DeviceCode) { approveErr <- s.op.ApproveDevice(context.Background(), c.UserCode) }
	p := s.provider(t, auth.Spec{Type: auth.TypeDevice, Issuer: s.op.Issuer, ClientID: s.op.Native.ID,
		Scopes: []string{"openid", "offline_access"}}, nil)

	tok := bearer(t, p)
	if err := <-approveErr; err != nil {
		t.Fatalf("approving: %v", err)
	}
	code := s.ui.codes[0]
	if code.UserCode == "" || !strings.HasPrefix(code.VerificationURI, s.op.Issuer) ||
		code.VerificationURIComplete != code.VerificationURI+"?user_code="+code.UserCode || time.Until(code.Expires) < time.Minute {
		t.Errorf("device code: %+v", code)
	}
	if got := decodeQR(t, code.QR); got != code.VerificationURIComplete {
		t.Errorf("QR decodes to %q, want %q", got, code.VerificationURIComplete)
	}
	if s.item(t, "test", "access_token") != tok || s.item(t, "test", "refresh_token") == "" {
		t.Error("tokens not cached in the keyring")
	}
	if p.IDToken() == "" {
		t.Error("no ID token kept")
	}
	if !s.ui.saidSome("approved") {
		t.Errorf("said:\n%s", s.ui.transcript())
	}
}

func TestDeviceDenied(t *testing.T) {
	t.Parallel()
	defer timed(t)()
	s := newSetup(t)
	s.ui.onCode = func(c auth.DeviceCode) { s.op.DenyDevice(context.Background(), c.UserCode) }
	p := s.provider(t, auth.Spec{Type: auth.TypeDevice, Issuer: s.op.Issuer, ClientID: s.op.Device.ID},
		map[string]string{"client_secret": s.op.Device.Secret})
	_, err := bearerErr(t.Context(), p)
	if err == nil || !strings.HasPrefix(err.Error(), "The sign-in was denied (access_denied)") {
		t.Errorf("got %v", err)
	}
}

// slow_down makes x/oauth2 add 5 s to the interval (RFC 8628 §3.5): the
// user is told, and the flow still completes. This is the slowest test
// (1 s + 6 s); it runs in parallel with the others.
func TestDeviceSlowDown(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 7 s")
	}
	t.Parallel()
	defer timed(t)()
	s := newSetup(t)
	s.op.FailDevicePolls("slow_down", 1)
	s.ui.onCode = func(c auth.DeviceCode) { s.op.ApproveDevice(context.Background(), c.UserCode) }
	p := s.provider(t, auth.Spec{Type: auth.TypeDevice, Issuer: s.op.Issuer, ClientID: s.op.Device.ID},
		map[string]string{"client_secret": s.op.Device.Secret})
	bearer(t, p)
	if !s.ui.saidSome("poll less often (slow_down); polling every 6s now") {
		t.Errorf("said:\n%s", s.ui.transcript())
	}
	if s.item(t, "test", "refresh_token") != "" {
		t.Error("a device-only client got a refresh token")
	}
}

func TestDeviceExpired(t *testing.T) {
	t.Parallel()
	defer timed(t)()
	s := newSetup(t)
	s.op.FailDevicePolls("expired_token", 1)
	p := s.provider(t, auth.Spec{Type: auth.TypeDevice, Issuer: s.op.Issuer, ClientID: s.op.Device.ID},
		map[string]string{"client_secret": s.op.Device.Secret})
	_, err := bearerErr(t.Context(), p)
	if err == nil || !strings.HasPrefix(err.Error(), "The device code expired before it was approved; start again (expired_token)") {
		t.Errorf("got %v", err)
	}
}

// Nobody approves; cancelling ends the polling at once.
func TestDeviceCancelled(t *testing.T) {
	t.Parallel()
	defer timed(t)()
	s := newSetup(t)
	ctx, cancel := context.WithCancel(t.Context())
	p := s.provider(t, auth.Spec{Type: auth.TypeDevice, Issuer: s.op.Issuer, ClientID: s.op.Native.ID}, nil)
	time.AfterFunc(1500*time.Millisecond, cancel)
	_, err := bearerErr(ctx, p)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "cancelled") {
		t.Errorf("got %v", err)
	}
	if !s.ui.saidSome("Waiting for the code to be approved") {
		t.Errorf("authorization_pending not reported; said:\n%s", s.ui.transcript())
	}
}

// Without a UI nobody can approve a code: the flow says so at once
// instead of polling for minutes.
func TestInteractiveFlowWithoutUI(t *testing.T) {
	for _, typ := range []string{auth.TypeDevice, auth.TypeAuthCode} {
		p, err := auth.New(auth.Spec{Profile: "ci", Type: typ, ClientID: "c", Issuer: "https://op.example.test"}, nil, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = bearerErr(t.Context(), p.(auth.OAuth2))
		if err == nil || !strings.Contains(err.Error(), "needs someone to sign in") {
			t.Errorf("%s: %v", typ, err)
		}
	}
}
