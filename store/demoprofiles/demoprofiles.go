// Package demoprofiles builds the demo's profiles in memory: a config and
// a keyring that exist only for one run, so `why401 demo …` never touches
// the user's config, keyring or history.
package demoprofiles

import (
	"fmt"
	"net/url"

	"github.com/why401/why401/inspect/demo"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// Names lists the demo profiles in the order they tell their story.
func Names() []string { return []string{"dev", "dev-oauth", "staging", "prod", "qa", "sandbox"} }

// Build returns the demo profiles for a running demo server, and an
// in-memory keyring holding their secrets.
//
//   - dev: a bearer token that expired an hour ago (TOKEN_EXPIRED);
//   - dev-oauth: client credentials from the demo token endpoint — dev's fix;
//   - staging: a token issued for another audience (AUDIENCE_MISMATCH);
//   - prod (protected): works on /v1/me, lacks the scope /v1/orders needs;
//   - qa: holds a token the sandbox identity provider issued
//     (WRONG_ENVIRONMENT, naming sandbox);
//   - sandbox: another environment's issuer and audience.
func Build(c demo.Credentials, baseURL string) (*config.Config, secrets.Keyring, error) {
	base, err := url.Parse(baseURL)
	if err != nil {
		return nil, nil, fmt.Errorf("demo base URL %q: %w", baseURL, err)
	}
	tokenURL, err := url.Parse(c.TokenURL)
	if err != nil {
		return nil, nil, fmt.Errorf("demo token URL %q: %w", c.TokenURL, err)
	}
	jwks, _ := url.Parse(c.JWKSURL)
	kr := secrets.Memory()
	keyring := secrets.Ref{Kind: secrets.KindKeyring}
	bearer := func(name, tok string) config.Auth {
		_ = kr.Set(secrets.Service(name), "token", tok)
		return config.Auth{Type: config.AuthBearer, Token: keyring}
	}
	_ = kr.Set(secrets.Service("dev-oauth"), "client_secret", c.ClientSecret)
	profile := func(name string, auth config.Auth) config.Profile {
		return config.Profile{Name: name, BaseURL: base, Issuer: c.Issuer, Audience: c.Audience, JWKSURL: jwks,
			Timeout: config.DefaultTimeout, Auth: auth}
	}
	prod := profile("prod", bearer("prod", c.ProdToken))
	prod.Protected, prod.ProtectedSet = true, true
	sandbox := profile("sandbox", bearer("sandbox", c.OtherEnvToken))
	sandbox.Issuer, sandbox.Audience, sandbox.JWKSURL = c.OtherEnvIssuer, c.OtherEnvAudience, nil
	cfg := &config.Config{DefaultProfile: "dev", Path: "(demo, in memory)", Profiles: []config.Profile{
		profile("dev", bearer("dev", c.DevToken)),
		profile("dev-oauth", config.Auth{Type: config.AuthOAuth2ClientCredentials, TokenURL: tokenURL,
			ClientID: c.ClientID, ClientSecret: keyring, Scopes: []string{"orders:read", "orders:write"}, RetryOn401: true}),
		profile("staging", bearer("staging", c.StagingToken)),
		prod,
		profile("qa", bearer("qa", c.OtherEnvToken)),
		sandbox,
	}}
	return cfg, kr, nil
}
