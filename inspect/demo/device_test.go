package demo

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// approve signs in on the device page and approves (or denies) user code.
func approve(t *testing.T, s *Server, userCode, password string, mfa, deny bool) int {
	t.Helper()
	form := url.Values{"user_code": {userCode}, "username": {demoUser}, "password": {password}, "action": {"approve"}}
	if mfa {
		form.Set("mfa", "on")
	}
	if deny {
		form.Set("action", "deny")
	}
	status, _, _ := postForm(t, s.URL()+"/device", form, nil)
	return status
}

func deviceConfig(s *Server) *oauth2.Config {
	c := s.Credentials()
	return &oauth2.Config{ClientID: c.PublicClientID, Scopes: []string{"orders:read"},
		Endpoint: oauth2.Endpoint{TokenURL: c.TokenURL, DeviceAuthURL: c.DeviceURL}}
}

// TestDeviceFlow runs the device flow with golang.org/x/oauth2 as the
// client, approved with MFA through the page, and uses the token where a
// multi-factor sign-in is required.
func TestDeviceFlow(t *testing.T) {
	s, _ := startServer(t)
	c := s.Credentials()
	conf := deviceConfig(s)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	da, err := conf.DeviceAuth(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(da.VerificationURIComplete, s.URL()+"/device?user_code=") {
		t.Errorf("verification_uri_complete %q", da.VerificationURIComplete)
	}
	page := send(t, "GET", da.VerificationURIComplete, "", nil, "", false)
	if page.status != http.StatusOK || !strings.Contains(string(page.body), da.UserCode) {
		t.Errorf("the page does not offer the code: %d", page.status)
	}
	if status := approve(t, s, da.UserCode, "wrong", true, false); status != http.StatusOK {
		t.Errorf("wrong password page: %d", status)
	}
	if _, body, _ := postForm(t, c.TokenURL, url.Values{"grant_type": {deviceGrantType}, "client_id": {c.PublicClientID},
		"device_code": {da.DeviceCode}}, nil); body["error"] != "authorization_pending" {
		t.Errorf("after a wrong password: %v, want authorization_pending", body)
	}
	if status := approve(t, s, strings.ToLower(da.UserCode), c.BasicPassword, true, false); status != http.StatusOK {
		t.Fatalf("approval: %d", status)
	}
	tok, err := conf.DeviceAccessToken(ctx, da)
	if err != nil {
		t.Fatal(err)
	}
	if claims := claimsOf(t, tok.AccessToken); claims["acr"] != "mfa" || claims["sub"] != demoUser {
		t.Errorf("claims %v", claims)
	}
	if ex := send(t, "GET", s.URL()+"/v1/reports", "Bearer "+tok.AccessToken, nil, "", false); ex.status != http.StatusOK {
		t.Errorf("/v1/reports: %d %q", ex.status, ex.header.Values("WWW-Authenticate"))
	}
	if tok.RefreshToken == "" {
		t.Fatal("no refresh token")
	}
	// The device code is single-use.
	if _, body, _ := postForm(t, c.TokenURL, url.Values{"grant_type": {deviceGrantType}, "client_id": {c.PublicClientID},
		"device_code": {da.DeviceCode}}, nil); body["error"] != "invalid_grant" {
		t.Errorf("second redemption: %v", body)
	}
	testRefreshRotation(t, s, tok.RefreshToken)
}

// testRefreshRotation: each refresh returns a new refresh token; using an
// old one again revokes the whole family, the new one included.
func testRefreshRotation(t *testing.T, s *Server, first string) {
	c := s.Credentials()
	refresh := func(rt string) (int, map[string]any) {
		status, body, _ := postForm(t, c.TokenURL, url.Values{"grant_type": {"refresh_token"}, "client_id": {c.PublicClientID},
			"refresh_token": {rt}}, nil)
		return status, body
	}
	status, body := refresh(first)
	second, _ := body["refresh_token"].(string)
	if status != http.StatusOK || second == "" || second == first {
		t.Fatalf("refresh: %d %v", status, body)
	}
	if ex := send(t, "GET", s.URL()+"/v1/orders", "Bearer "+body["access_token"].(string), nil, "", false); ex.status != http.StatusOK {
		t.Errorf("refreshed token on /v1/orders: %d", ex.status)
	}
	if status, body := refresh(first); status != http.StatusBadRequest || body["error"] != "invalid_grant" {
		t.Errorf("reusing a rotated refresh token: %d %v", status, body)
	}
	if status, body := refresh(second); body["error"] != "invalid_grant" {
		t.Errorf("after reuse the family must be revoked: %d %v", status, body)
	}
}

func TestDeviceDenied(t *testing.T) {
	s, _ := startServer(t)
	c := s.Credentials()
	da, err := deviceConfig(s).DeviceAuth(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if status := approve(t, s, da.UserCode, c.BasicPassword, false, true); status != http.StatusOK {
		t.Fatalf("deny: %d", status)
	}
	_, body, _ := postForm(t, c.TokenURL, url.Values{"grant_type": {deviceGrantType}, "client_id": {c.PublicClientID},
		"device_code": {da.DeviceCode}}, nil)
	if body["error"] != "access_denied" {
		t.Errorf("%v, want access_denied", body)
	}
}
