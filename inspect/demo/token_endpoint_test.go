package demo

import (
	"context"
	"net/http"
	"net/url"
	"testing"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// TestClientCredentials is dev-oauth's story: a token from the token
// endpoint that /v1/orders accepts, with either way of sending the secret.
func TestClientCredentials(t *testing.T) {
	s, _ := startServer(t)
	c := s.Credentials()
	for name, style := range map[string]oauth2.AuthStyle{"basic": oauth2.AuthStyleInHeader, "post": oauth2.AuthStyleInParams} {
		t.Run(name, func(t *testing.T) {
			conf := clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, TokenURL: c.TokenURL, AuthStyle: style}
			tok, err := conf.Token(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			claims := claimsOf(t, tok.AccessToken)
			if claims["aud"] != c.Audience || claims["iss"] != c.Issuer || claims["scope"] != "orders:read" {
				t.Errorf("claims %v", claims)
			}
			if ex := send(t, "GET", s.URL()+"/v1/orders", "Bearer "+tok.AccessToken, nil, "", false); ex.status != http.StatusOK {
				t.Errorf("/v1/orders: %d", ex.status)
			}
		})
	}
}

func TestTokenEndpointRefusals(t *testing.T) {
	s, _ := startServer(t)
	c := s.Credentials()
	base := url.Values{"grant_type": {"client_credentials"}}
	auth := func(id, secret string) func(*http.Request) {
		return func(r *http.Request) { r.SetBasicAuth(id, secret) }
	}
	cases := []struct {
		name   string
		form   url.Values
		mod    func(*http.Request)
		status int
		code   string
	}{
		{"wrong secret", base, auth(c.ClientID, "nope"), 401, "invalid_client"},
		{"unknown client", base, auth("who", "x"), 401, "invalid_client"},
		{"no client", base, nil, 401, "invalid_client"},
		{"public client", url.Values{"grant_type": {"client_credentials"}, "client_id": {c.PublicClientID}}, nil, 400, "unauthorized_client"},
		{"unknown grant", url.Values{"grant_type": {"password"}}, auth(c.ClientID, c.ClientSecret), 400, "unauthorized_client"},
		{"unknown resource", url.Values{"grant_type": {"client_credentials"}, "resource": {"https://elsewhere.example"}}, auth(c.ClientID, c.ClientSecret), 400, "invalid_target"},
		{"scope of another resource", url.Values{"grant_type": {"client_credentials"}, "scope": {"mcp:tools"}}, auth(c.ClientID, c.ClientSecret), 400, "invalid_scope"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, body, hdr := postForm(t, c.TokenURL, tc.form, tc.mod)
			if status != tc.status || body["error"] != tc.code {
				t.Errorf("got %d %v, want %d %s", status, body, tc.status, tc.code)
			}
			if tc.name == "wrong secret" && hdr.Get("WWW-Authenticate") == "" {
				t.Error("a Basic client authentication failure must challenge for Basic")
			}
		})
	}
}

// TestResourceIndicator gets a token for the MCP server (RFC 8707), which
// is what its resource metadata asks for.
func TestResourceIndicator(t *testing.T) {
	s, _ := startServer(t)
	c := s.Credentials()
	conf := clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, TokenURL: c.TokenURL,
		EndpointParams: url.Values{"resource": {s.URL() + mcpPath}}}
	tok, err := conf.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if aud := claimsOf(t, tok.AccessToken)["aud"]; aud != s.URL()+mcpPath {
		t.Errorf("aud %v", aud)
	}
	if ex := send(t, "POST", s.URL()+mcpPath, "Bearer "+tok.AccessToken, nil, `{"jsonrpc":"2.0","id":1,"method":"tools/list"}`, false); ex.status != http.StatusOK {
		t.Errorf("/mcp: %d %q", ex.status, ex.header.Values("WWW-Authenticate"))
	}
}

// TestDPoPBoundClientCredentials binds a token at the token endpoint and
// uses it on the DPoP-only resource.
func TestDPoPBoundClientCredentials(t *testing.T) {
	s, clock := startServer(t)
	c := s.Credentials()
	proof, err := Proof(c.DPoPKey, "POST", c.TokenURL, "", "", clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	status, body, _ := postForm(t, c.TokenURL, url.Values{"grant_type": {"client_credentials"}}, func(r *http.Request) {
		r.SetBasicAuth(c.ClientID, c.ClientSecret)
		r.Header.Set("DPoP", proof)
	})
	if status != http.StatusOK || body["token_type"] != "DPoP" {
		t.Fatalf("%d %v", status, body)
	}
	at := body["access_token"].(string)
	if cnf, _ := claimsOf(t, at)["cnf"].(map[string]any); cnf["jkt"] != c.DPoPJKT {
		t.Errorf("cnf %v, want jkt %s", cnf, c.DPoPJKT)
	}
	if ex := dpopCall(t, s, clock, at); ex.status != http.StatusOK {
		t.Errorf("/v1/dpop/me: %d %q", ex.status, ex.header.Values("WWW-Authenticate"))
	}
}

// TestIssuerFollowsHostName: asked as localhost, the token endpoint issues
// under localhost (Keycloak without a fixed frontend URL), which the
// inventory service trusts and the /v1 API does not.
func TestIssuerFollowsHostName(t *testing.T) {
	s, clock := startServer(t)
	c := s.Credentials()
	alt := otherHost(s.URL())
	conf := clientcredentials.Config{ClientID: c.ClientID, ClientSecret: c.ClientSecret, TokenURL: alt + "/oauth/token"}
	tok, err := conf.Token(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if iss := claimsOf(t, tok.AccessToken)["iss"]; iss != alt {
		t.Fatalf("iss %v, want %s", iss, alt)
	}
	if ex := send(t, "GET", s.URL()+"/inventory/items", "Bearer "+tok.AccessToken, nil, "", false); ex.status != http.StatusOK {
		t.Errorf("/inventory/items: %d", ex.status)
	}
	ex := send(t, "GET", s.URL()+"/v1/me", "Bearer "+tok.AccessToken, nil, "", false)
	if ids := explainFirst(ex, clock, demoProfile(t, s)); len(ids) == 0 || ids[0] != "ISSUER_MISMATCH" {
		t.Errorf("/v1/me with a localhost token: %d, explained as %v", ex.status, ids)
	}
}
