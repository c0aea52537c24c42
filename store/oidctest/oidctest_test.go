package oidctest

import (
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

func TestStart(t *testing.T) {
	t.Parallel()
	a, b := Start(t), Start(t)
	if a.Issuer == b.Issuer || !strings.HasPrefix(a.Issuer, "http://127.0.0.1:") {
		t.Errorf("issuers %s, %s", a.Issuer, b.Issuer)
	}
	if a.Discovery.Issuer != a.Issuer || a.Discovery.TokenEndpoint != a.Issuer+"/oauth/token" || a.Discovery.DeviceAuthorizationEndpoint == "" {
		t.Errorf("discovery: %+v", a.Discovery)
	}
	if a.Service.Secret == b.Service.Secret || a.User.Password == b.User.Password {
		t.Error("secrets are shared between providers")
	}
}

// SignIn reaches the client's callback; a wrong password stays on the
// provider's form and says so.
func TestSignIn(t *testing.T) {
	t.Parallel()
	p := Start(t)
	callback := httptest.NewServer(nil) // any answer will do; a 404 proves the redirect arrived
	t.Cleanup(callback.Close)
	conf := oauth2.Config{ClientID: p.Native.ID, RedirectURL: callback.URL + "/callback", Scopes: []string{"openid"},
		Endpoint: oauth2.Endpoint{AuthURL: p.Discovery.AuthorizationEndpoint}}
	authURL := conf.AuthCodeURL("st", oauth2.S256ChallengeOption(oauth2.GenerateVerifier()))

	_, err := p.SignInAs(t.Context(), authURL, User{Username: p.User.Username, Password: "wrong"})
	if err == nil || !strings.Contains(err.Error(), "stayed on the provider") {
		t.Errorf("wrong password: %v", err)
	}
	_, err = p.SignIn(t.Context(), authURL)
	if err == nil || !strings.Contains(err.Error(), "/callback answered HTTP 404") {
		t.Errorf("the sign-in did not reach the callback: %v", err)
	}
}
