package send_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/oidctest"
	"github.com/why401/why401/store/secrets"
	"github.com/why401/why401/store/send"
)

// opProfile is an OAuth2 profile against the test provider, discovering
// its endpoints from the issuer; secrets come from an in-memory keyring.
func opProfile(t *testing.T, op *oidctest.Provider, typ config.AuthType, client oidctest.Client, scopes ...string) (config.Profile, send.Deps, secrets.Keyring) {
	t.Helper()
	base, err := url.Parse(op.Issuer)
	if err != nil {
		t.Fatal(err)
	}
	kr := secrets.Memory()
	p := config.Profile{Name: "op", BaseURL: base, Issuer: op.Issuer, Timeout: 10 * time.Second,
		Auth: config.Auth{Type: typ, ClientID: client.ID, Scopes: scopes}}
	if client.Secret != "" {
		p.Auth.ClientSecret = secrets.Ref{Kind: secrets.KindKeyring}
		if err := kr.Set(secrets.Service(p.Name), "client_secret", client.Secret); err != nil {
			t.Fatal(err)
		}
	}
	return p, send.Deps{Resolver: &secrets.Resolver{Keyring: kr}, Keyring: kr, Now: time.Now}, kr
}

func cached(t *testing.T, kr secrets.Keyring, item string) string {
	t.Helper()
	v, err := kr.Get(secrets.Service("op"), item)
	if err != nil && !secrets.IsNotFound(err) {
		t.Fatal(err)
	}
	return v
}

// TestTokenActionClientCredentials runs the actions in order against one
// keyring, as a user pressing keys would: each step says whether the
// token endpoint is asked and whether the token changes.
func TestTokenActionClientCredentials(t *testing.T) {
	t.Parallel()
	op := oidctest.Start(t)
	p, d, kr := opProfile(t, op, config.AuthOAuth2ClientCredentials, op.Service, "orders:read")
	steps := []struct {
		name      string
		action    send.Action
		requests  int  // token requests made so far
		sameToken bool // the token equals the previous step's
		answered  bool // Response is set: the endpoint was asked in this step
	}{
		{"first get obtains", send.GetToken, 1, false, true},
		{"second get reuses the cache", send.GetToken, 1, true, false},
		{"refresh obtains a new one", send.RefreshToken, 2, false, true},
		{"get after refresh reuses it", send.GetToken, 2, true, false},
		{"forget empties the cache", send.ForgetToken, 2, false, false},
		{"get after forget obtains", send.GetToken, 3, false, true},
	}
	var prev string
	for _, s := range steps {
		res, err := send.TokenAction(t.Context(), p, s.action, d)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if n := op.TokenRequests(); n != s.requests {
			t.Errorf("%s: %d token requests, want %d", s.name, n, s.requests)
		}
		if (res.Token == prev) != s.sameToken {
			t.Errorf("%s: token same as before = %v, want %v", s.name, res.Token == prev, s.sameToken)
		}
		if (res.Response != nil) != s.answered {
			t.Errorf("%s: Response = %v", s.name, res.Response)
		}
		checkCache(t, s.name, kr, s.action, res)
		prev = res.Token
	}
}

// checkCache: the keyring holds the token shown, or nothing after forget;
// the response shows tokens only as fingerprints.
func checkCache(t *testing.T, step string, kr secrets.Keyring, a send.Action, res send.TokenResult) {
	t.Helper()
	if a == send.ForgetToken {
		for _, item := range []string{auth.ItemAccessToken, auth.ItemRefreshToken, auth.ItemTokenMeta} {
			if cached(t, kr, item) != "" {
				t.Errorf("%s: %s survived", step, item)
			}
		}
		if res.Token != "" {
			t.Errorf("%s: a token after forget", step)
		}
		return
	}
	if res.Token == "" || cached(t, kr, auth.ItemAccessToken) != res.Token {
		t.Errorf("%s: the token shown is not the one cached", step)
	}
	if res.Response != nil && res.Response["access_token"] != auth.Fingerprint(res.Token) {
		t.Errorf("%s: response not masked: %v", step, res.Response)
	}
	if !strings.HasPrefix(res.Credentials, "OAuth2 client credentials") {
		t.Errorf("%s: Credentials = %q", step, res.Credentials)
	}
}

// flowUI plays the user of a device flow: it records the code and, when
// approve is set, approves it on the provider's pages.
type flowUI struct {
	op      *oidctest.Provider
	approve bool
	mu      sync.Mutex
	codes   []auth.DeviceCode
	errs    chan error
}

func newFlowUI(op *oidctest.Provider, approve bool) *flowUI {
	return &flowUI{op: op, approve: approve, errs: make(chan error, 4)}
}

func (u *flowUI) ShowDeviceCode(c auth.DeviceCode) {
	u.mu.Lock()
	u.codes = append(u.codes, c)
	u.mu.Unlock()
	if u.approve {
		u.errs <- u.op.ApproveDevice(context.Background(), c.UserCode)
	}
}

func (u *flowUI) OpenBrowser(string) error { return errors.New("no browser in tests") }
func (u *flowUI) Say(string)               {}

func (u *flowUI) shown() []auth.DeviceCode {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]auth.DeviceCode(nil), u.codes...)
}

// TestTokenActionDevice: get runs the device flow through Deps.UI (the
// code and its QR reach ShowDeviceCode). Refresh drops the access token;
// the example provider refuses refresh tokens it issued to the device
// flow, so the flow runs again and yields a new token.
func TestTokenActionDevice(t *testing.T) {
	t.Parallel()
	op := oidctest.Start(t)
	p, d, _ := opProfile(t, op, config.AuthOAuth2Device, op.Native, "openid", "offline_access")
	ui := newFlowUI(op, true)
	d.UI = ui
	first, err := send.TokenAction(t.Context(), p, send.GetToken, d)
	if err != nil {
		t.Fatal(err)
	}
	if err := <-ui.errs; err != nil {
		t.Fatalf("approving: %v", err)
	}
	codes := ui.shown()
	if len(codes) != 1 || codes[0].UserCode == "" || codes[0].QR == "" || !strings.HasPrefix(codes[0].VerificationURI, op.Issuer) {
		t.Fatalf("device codes shown: %+v", codes)
	}
	if first.Token == "" || first.Response["refresh_token"] == nil || first.Response["access_token"] != auth.Fingerprint(first.Token) {
		t.Fatalf("got %+v", first)
	}
	again, err := send.TokenAction(t.Context(), p, send.RefreshToken, d)
	if err != nil {
		t.Fatal(err)
	}
	if again.Token == "" || again.Token == first.Token {
		t.Error("refresh did not give a new token")
	}
}

// TestTokenActionAuthCodeRefresh: after one sign-in, refresh trades the
// cached refresh token for a new access token without signing in again.
func TestTokenActionAuthCodeRefresh(t *testing.T) {
	t.Parallel()
	op := oidctest.Start(t)
	p, d, _ := opProfile(t, op, config.AuthOAuth2AuthCode, op.Native, "openid", "offline_access")
	ui := &signInUI{op: op, ctx: t.Context()}
	d.UI = ui
	first, err := send.TokenAction(t.Context(), p, send.GetToken, d)
	if err != nil {
		t.Fatal(err)
	}
	again, err := send.TokenAction(t.Context(), p, send.RefreshToken, d)
	if err != nil {
		t.Fatal(err)
	}
	if again.Token == "" || again.Token == first.Token || ui.signIns.Load() != 1 {
		t.Errorf("new token %v, sign-ins %d (want 1)", again.Token != first.Token, ui.signIns.Load())
	}
	if again.Response["access_token"] != auth.Fingerprint(again.Token) {
		t.Errorf("refresh response %v", again.Response)
	}
}

// signInUI plays the browser of the authorization code flow.
type signInUI struct {
	op      *oidctest.Provider
	ctx     context.Context
	signIns atomic.Int32
}

func (u *signInUI) ShowDeviceCode(auth.DeviceCode) {}
func (u *signInUI) Say(string)                     {}

func (u *signInUI) OpenBrowser(url string) error {
	u.signIns.Add(1)
	_, err := u.op.SignIn(u.ctx, url)
	return err
}

// TestTokenActionDeviceCancelled: cancelling ctx ends the polling at once
// with an error that says so.
func TestTokenActionDeviceCancelled(t *testing.T) {
	t.Parallel()
	op := oidctest.Start(t)
	p, d, _ := opProfile(t, op, config.AuthOAuth2Device, op.Native)
	ctx, cancel := context.WithCancel(t.Context())
	d.UI = cancelOnCode{cancel}
	_, err := send.TokenAction(ctx, p, send.GetToken, d)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "cancelled") {
		t.Errorf("got %v", err)
	}
}

type cancelOnCode struct{ cancel context.CancelFunc }

func (c cancelOnCode) ShowDeviceCode(auth.DeviceCode) { c.cancel() }
func (cancelOnCode) OpenBrowser(string) error         { return errors.New("no browser") }
func (cancelOnCode) Say(string)                       {}

// TestTokenActionInvalidClient: a wrong client secret is explained in
// plain words, says what to do, keeps the endpoint's (masked) answer and
// never shows the secret.
func TestTokenActionInvalidClient(t *testing.T) {
	t.Parallel()
	op := oidctest.Start(t)
	wrong := oidctest.Client{ID: op.Service.ID, Secret: "not-the-secret-4711"}
	p, d, _ := opProfile(t, op, config.AuthOAuth2ClientCredentials, wrong)
	res, err := send.TokenAction(t.Context(), p, send.GetToken, d)
	if err == nil {
		t.Fatal("a wrong client secret was accepted")
	}
	msg := err.Error()
	for _, want := range []string{"The token endpoint refused the client credentials (invalid_client)", "why401 secret set op client_secret"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	var te *auth.TokenError
	if strings.Contains(msg, "4711") || !errors.As(err, &te) {
		t.Errorf("error %q leaks the secret or lost its TokenError", msg)
	}
	if res.Token != "" || res.Response["error"] != "invalid_client" {
		t.Errorf("result %+v", res)
	}
}

// TestTokenActionNotOAuth2: profiles without a token to act on get one
// sentence and no network.
func TestTokenActionNotOAuth2(t *testing.T) {
	for _, typ := range []config.AuthType{config.AuthBearer, config.AuthNone, ""} {
		p := config.Profile{Name: "plain", Auth: config.Auth{Type: typ}}
		_, err := send.TokenAction(t.Context(), p, send.GetToken, send.Deps{})
		if err == nil || !strings.Contains(err.Error(), "only the oauth2_* auth types do") || strings.ContainsAny(err.Error(), ".\n") {
			t.Errorf("%q: %v", typ, err)
		}
	}
}
