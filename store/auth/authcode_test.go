package auth_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/inspect/keys"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/oidctest"
)

// signInBrowser plays the browser: first a stray callback with a wrong
// state (refused; the flow keeps waiting), then a real sign-in.
func signInBrowser(t *testing.T, s *setup, count *atomic.Int32) func(string) error {
	return func(authURL string) error {
		count.Add(1)
		u, err := url.Parse(authURL)
		if err != nil {
			return err
		}
		stray, err := http.Get(u.Query().Get("redirect_uri") + "?state=forged&code=stolen")
		if err != nil {
			return err
		}
		stray.Body.Close()
		if stray.StatusCode != http.StatusBadRequest {
			t.Errorf("a callback with a wrong state got HTTP %d", stray.StatusCode)
		}
		_, err = s.op.SignIn(context.Background(), authURL)
		return err
	}
}

func TestAuthCodePKCE(t *testing.T) {
	t.Parallel()
	defer timed(t)()
	s := newSetup(t, oidctest.WithJWTAccessTokens("why401-native"))
	var signIns atomic.Int32
	s.ui.browse = signInBrowser(t, s, &signIns)
	p := s.provider(t, auth.Spec{Type: auth.TypeAuthCode, Issuer: s.op.Issuer, ClientID: s.op.Native.ID,
		Scopes: []string{"openid", "offline_access"}, Resource: "https://api.example.test/"}, nil)

	tok := bearer(t, p)
	q := mustQuery(t, s.ui.openedURL(0))
	redirect, _ := url.Parse(q.Get("redirect_uri"))
	if q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) != 43 || redirect.Hostname() != "127.0.0.1" ||
		redirect.Port() == "" || q.Get("resource") != "https://api.example.test/" || q.Get("state") == "" {
		t.Errorf("authorization request: %v", q)
	}
	if !s.ui.saidSome("Sign in at " + s.ui.openedURL(0)) {
		t.Errorf("the URL was not said:\n%s", s.ui.transcript())
	}

	// JWKS: the JWT access token verifies with the provider's keys, found
	// by discovery; so does the ID token with jwt/v5.
	verifyWithKeys(t, s.op.Issuer, tok)
	verifyIDToken(t, s.op.Issuer, p.IDToken(), s.op.Native.ID)
	if len(p.IDToken()) < 10 || p.LastResponse()["id_token"] != auth.Fingerprint(p.IDToken()) {
		t.Error("the ID token is not kept, or not masked in LastResponse")
	}

	// Invalidate: the refresh token gets a new access token, no sign-in;
	// the provider rotates the refresh token and the new one is saved.
	oldRT := s.item(t, "test", "refresh_token")
	if err := p.Invalidate(t.Context()); err != nil {
		t.Fatal(err)
	}
	if bearer(t, p) == tok || signIns.Load() != 1 {
		t.Error("Invalidate did not refresh (or signed in again)")
	}
	if rt := s.item(t, "test", "refresh_token"); rt == "" || rt == oldRT {
		t.Error("the rotated refresh token was not saved")
	}
	// Forget: the next request signs in again.
	p.Forget(t.Context())
	bearer(t, p)
	if signIns.Load() != 2 {
		t.Errorf("%d sign-ins after Forget, want 2", signIns.Load())
	}
}

func TestAuthCodeFixedPortWithoutBrowser(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	// No browser: the user opens the printed URL themselves (here: the
	// test, reading what was said).
	p := s.provider(t, auth.Spec{Type: auth.TypeAuthCode, Issuer: s.op.Issuer, ClientID: s.op.Native.ID,
		Scopes: []string{"openid"}, RedirectPort: port}, nil)
	signedIn := make(chan error, 1)
	go func() {
		for !s.ui.saidSome("open the address above yourself") {
			time.Sleep(10 * time.Millisecond)
		}
		_, err := s.op.SignIn(context.Background(), s.ui.openedURL(0))
		signedIn <- err
	}()
	bearer(t, p)
	if err := <-signedIn; err != nil {
		t.Errorf("sign-in: %v", err)
	}
	if got := mustQuery(t, s.ui.openedURL(0)).Get("redirect_uri"); got != "http://127.0.0.1:"+strconv.Itoa(port)+"/callback" {
		t.Errorf("redirect_uri = %s", got)
	}
}

// Rotation with oauth2_refresh: the configured refresh token (here from a
// real sign-in on another profile) is used once; the rotated one lands in
// the keyring at once and is used from then on, also by the next run.
func TestRefreshRotation(t *testing.T) {
	t.Parallel()
	defer timed(t)()
	s := newSetup(t)
	var signIns atomic.Int32
	s.ui.browse = signInBrowser(t, s, &signIns)
	bearer(t, s.provider(t, auth.Spec{Profile: "login", Type: auth.TypeAuthCode, Issuer: s.op.Issuer,
		ClientID: s.op.Native.ID, Scopes: []string{"offline_access"}}, nil))
	initial := s.item(t, "login", "refresh_token")

	spec := auth.Spec{Profile: "r", Type: auth.TypeRefresh, Issuer: s.op.Issuer, ClientID: s.op.Native.ID}
	configured := map[string]string{"refresh_token": initial}
	p := s.provider(t, spec, configured)
	first := bearer(t, p)
	rotated := s.item(t, "r", "refresh_token")
	if rotated == "" || rotated == initial {
		t.Fatal("the rotated refresh token is not in the keyring")
	}

	// The provider revoked the first one: using it again reads well.
	dead := s.provider(t, auth.Spec{Profile: "dead", Type: auth.TypeRefresh, Issuer: s.op.Issuer, ClientID: s.op.Native.ID}, configured)
	_, err := bearerErr(t.Context(), dead)
	if err == nil || !strings.HasPrefix(err.Error(), "The token endpoint refused the refresh token (invalid_grant)") ||
		!strings.Contains(err.Error(), "store it where the profile's refresh_token points") || strings.Contains(err.Error(), initial) {
		t.Errorf("got %v", err)
	}

	// Near expiry the rotated token refreshes, and rotates again.
	s.clock.advance(5 * time.Minute)
	if bearer(t, p) == first {
		t.Error("not refreshed near expiry")
	}
	again := s.item(t, "r", "refresh_token")
	if again == rotated {
		t.Error("the second rotation was not saved")
	}
	// A new run starts from the keyring, not from the (dead) configured one.
	s.clock.advance(5 * time.Minute)
	next := s.provider(t, spec, configured)
	bearer(t, next)
	// Forget keeps the refresh token: it is the only one still valid.
	if err := next.Forget(t.Context()); err != nil {
		t.Fatal(err)
	}
	if s.item(t, "r", "refresh_token") == "" || s.item(t, "r", "access_token") != "" {
		t.Error("Forget on oauth2_refresh must drop the access token and keep the refresh token")
	}
	bearer(t, next)
}

func mustQuery(t *testing.T, raw string) url.Values {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

// verifyWithKeys checks a JWS with why401's own key loading: discovery,
// JWKS, kid match.
func verifyWithKeys(t *testing.T, issuer, raw string) {
	t.Helper()
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		t.Fatalf("not a JWS: %d segments", len(parts))
	}
	var hdr struct{ Alg, Kid string }
	b, _ := base64.RawURLEncoding.DecodeString(parts[0])
	json.Unmarshal(b, &hdr)
	set, _, err := keys.Fetcher{}.Discover(t.Context(), issuer, hdr.Kid)
	if err != nil {
		t.Fatal(err)
	}
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	req := keys.Request{Alg: hdr.Alg, KID: hdr.Kid, SigningInput: parts[0] + "." + parts[1], Signature: sig, Allowed: []string{"RS256"}}
	if res := keys.Verify(req, set); !res.Verified {
		t.Errorf("the access token does not verify: %s", res.Err)
	}
	req.SigningInput += "x"
	if keys.Verify(req, set).Verified {
		t.Error("a tampered token verified")
	}
}

// verifyIDToken checks the ID token with jwt/v5 and the JWKS keys.
func verifyIDToken(t *testing.T, issuer, raw, clientID string) {
	t.Helper()
	set, md, err := keys.Fetcher{}.Discover(t.Context(), issuer, "")
	if err != nil {
		t.Fatal(err)
	}
	keyfunc := func(tok *jwt.Token) (any, error) {
		for _, k := range set.Keys {
			if k.ID == tok.Header["kid"] {
				return k.Public, nil
			}
		}
		return nil, jwt.ErrTokenUnverifiable
	}
	claims := jwt.MapClaims{}
	_, err = jwt.ParseWithClaims(raw, claims, keyfunc, jwt.WithValidMethods([]string{"RS256"}),
		jwt.WithIssuer(md.Issuer), jwt.WithAudience(clientID), jwt.WithExpirationRequired(), jwt.WithIssuedAt())
	if err != nil || claims["sub"] != "alice" {
		t.Errorf("ID token: %v, claims %v", err, claims)
	}
}
