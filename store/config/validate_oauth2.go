package config

import (
	"fmt"
	"net/url"
	"strings"
)

// extraProblem says why auth.extra must not set parameter name: a secret
// would be a literal secret in the config, the flow sends some parameters
// itself, and others have their own key. "" when name is fine.
func extraProblem(name string, typ AuthType) string {
	switch strings.ToLower(name) {
	case "client_secret", "client_assertion", "assertion", "password", "refresh_token", "access_token":
		return "would be a literal secret in the config; remove it (secrets come from client_secret or refresh_token, which take secret references)"
	case "grant_type", "code", "code_verifier", "code_challenge", "code_challenge_method", "device_code",
		"redirect_uri", "response_type", "state":
		return fmt.Sprintf("is sent by the %s flow itself; remove it", typ)
	case "client_id", "resource":
		return fmt.Sprintf("has its own key; remove it from extra and set %s in [auth]", strings.ToLower(name))
	case "scope":
		return "has its own key; remove it from extra and set scopes in [auth]"
	}
	return ""
}

func (c *authCheck) oauth2() {
	c.a.ClientID = c.d.str(c.t, "client_id", `"my-client"`)
	c.need("client_id", `add client_id = "…" (the client registered at your identity provider)`)
	c.a.ClientSecret = c.d.ref(c.t, "client_secret", c.p.Name)
	c.endpoint(&c.a.TokenURL, "token_url", "https://idp.example.com/oauth2/token")
	c.a.Scopes = c.d.strings(c.t, "scopes", `["openid", "orders:read"]`, checkScope)
	if c.a.Resource = c.d.str(c.t, "resource", `"https://api.example.com"`); c.a.Resource != "" {
		if msg := checkURI(c.a.Resource); msg != "" {
			c.d.problem(c.t.at("resource"), "%s", msg)
		}
	}
	c.extra()
	if v, set := c.d.boolean(c.t, "retry_on_401"); set {
		c.a.RetryOn401 = v
	}
	switch c.a.Type {
	case AuthOAuth2ClientCredentials:
		if c.p.ClientCert == "" {
			c.need("client_secret", fmt.Sprintf(`add client_secret = "keyring" and store it with: why401 secret set %s client_secret (or set client_cert for mutual-TLS client authentication)`, c.p.Name))
		}
	case AuthOAuth2Device:
		c.endpoint(&c.a.DeviceURL, "device_url", "https://idp.example.com/oauth2/device_authorization")
	case AuthOAuth2AuthCode:
		c.endpoint(&c.a.AuthURL, "auth_url", "https://idp.example.com/oauth2/authorize")
		c.redirectPort()
	case AuthOAuth2Refresh:
		c.a.RefreshToken = c.secret("refresh_token", "the first refresh token")
	}
}

// endpoint reads an endpoint URL, required unless the profile has an
// issuer or discovery URL to discover it from.
func (c *authCheck) endpoint(dst **url.URL, key, example string) {
	*dst = c.d.url(c.t, key, ruleEndpoint)
	if c.p.DiscoveryBase() == nil {
		c.need(key, fmt.Sprintf(`add %s = %q, or set issuer or discovery on the profile so that it can be discovered`, key, example))
	}
}

func (c *authCheck) redirectPort() {
	port, set := c.d.integer(c.t, "redirect_port")
	if set && (port < 0 || port > 65535) {
		c.d.problem(c.t.at("redirect_port"), "must be a port from 1 to 65535, or 0 for a random free port; fix the number")
		return
	}
	c.a.RedirectPort = int(port)
}

func (c *authCheck) extra() {
	names, values, ok := c.d.pairs(c.t, "extra", `extra = { audience = "api" }`)
	if !ok {
		return
	}
	for i, name := range names {
		if msg := extraProblem(name, c.a.Type); msg != "" {
			c.d.problem(append(c.t.at("extra"), name), "%s", msg)
			continue
		}
		c.a.Extra = append(c.a.Extra, Param{Name: name, Value: values[i]})
	}
}
