package demo

import (
	"crypto/ecdsa"
	"encoding/base64"
	"time"
)

// Names the demo gives to things that are not secrets.
const (
	clientID       = "why401-demo"     // confidential: client credentials
	publicClientID = "why401-demo-cli" // public: the device flow
	demoUser       = "demo"
	apiPath        = "/v1"      // the /v1 API's resource identifier is base+apiPath
	stagingPath    = "/billing" // another API of the same issuer
	mcpPath        = "/mcp"

	// The other environment: an issuer and API that are not this server's.
	// .invalid never resolves (RFC 2606), so nothing is ever fetched there.
	OtherEnvIssuer   = "https://idp.sandbox.why401.invalid"
	OtherEnvAudience = "https://api.sandbox.why401.invalid/v1"
)

// storyLifetime keeps the valid demo tokens usable for a long session,
// yet under the day where long lifetimes become a lint finding.
const storyLifetime = 12 * time.Hour

// Credentials are what a client needs to use the demo, for building
// in-memory demo profiles; the demo itself knows no profiles. The tokens
// are empty until the server has a URL.
type Credentials struct {
	Issuer    string // also the discovery base
	Audience  string // the /v1 API's resource identifier
	TokenURL  string
	DeviceURL string // the device authorization endpoint
	JWKSURL   string

	ClientID     string // confidential client: client_credentials (client_secret_basic or _post)
	ClientSecret string
	// PublicClientID is a public client (no secret): the device flow and
	// its refresh tokens.
	PublicClientID string

	DevToken         string // expired an hour ago: TOKEN_EXPIRED
	StagingToken     string // valid, but issued for StagingAudience: AUDIENCE_MISMATCH
	StagingAudience  string
	ProdToken        string // valid on /v1/me; lacks orders:read and the admin role; a password sign-in (acr pwd)
	RotatedToken     string // signed with the rotated-out key: KEY_NOT_FOUND
	OtherEnvToken    string // from the other environment: WRONG_ENVIRONMENT
	OtherEnvIssuer   string
	OtherEnvAudience string
	DPoPToken        string            // bound to DPoPKey (cnf.jkt)
	DPoPKey          *ecdsa.PrivateKey // sign proofs with Proof
	DPoPJKT          string

	// BasicUser and BasicPassword work on /legacy/basic, /legacy/digest,
	// the registry's token service and the device sign-in page.
	BasicUser     string
	BasicPassword string
}

// Credentials returns the demo credentials; the tokens are minted once.
func (s *Server) Credentials() Credentials {
	s.mu.Lock()
	cached := s.creds
	s.mu.Unlock()
	if cached != nil {
		return *cached
	}
	c := s.plainCredentials()
	if c.Issuer == "" || s.mintStory(&c) != nil {
		return c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.creds == nil {
		s.creds = &c
	}
	return *s.creds
}

// plainCredentials are those that need no signing.
func (s *Server) plainCredentials() Credentials {
	base := s.URL()
	c := Credentials{
		ClientID: clientID, ClientSecret: s.secrets.clientSecret, PublicClientID: publicClientID,
		OtherEnvIssuer: OtherEnvIssuer, OtherEnvAudience: OtherEnvAudience,
		DPoPKey: s.keys.dpop.key, BasicUser: demoUser, BasicPassword: s.secrets.password,
	}
	c.DPoPJKT, _ = thumbprint(&s.keys.dpop.key.PublicKey)
	if base != "" {
		c.Issuer, c.Audience, c.StagingAudience = base, base+apiPath, base+stagingPath
		c.TokenURL, c.DeviceURL, c.JWKSURL = base+"/oauth/token", base+"/oauth/device_authorization", base+"/jwks.json"
	}
	return c
}

// mintStory makes the tokens of the demo's story: one per failure a
// profile can walk into.
func (s *Server) mintStory(c *Credentials) error {
	now := s.now()
	user := func(kv ...any) map[string]any {
		m := map[string]any{"client_id": publicClientID, "acr": "pwd", "auth_time": now.Add(-time.Minute),
			"roles": []string{"viewer"}, "scope": "orders:read", "exp": now.Add(storyLifetime)}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	var err error
	mint := func(dst *string, claims map[string]any, opts ...MintOption) {
		if err == nil {
			*dst, err = s.Mint(claims, opts...)
		}
	}
	mint(&c.DevToken, user("iat", now.Add(-2*time.Hour), "auth_time", now.Add(-2*time.Hour), "exp", now.Add(-time.Hour),
		"scope", "orders:read orders:write"))
	mint(&c.StagingToken, user("aud", c.StagingAudience))
	mint(&c.ProdToken, user("scope", "profile"))
	mint(&c.RotatedToken, user(), WithRotatedKey())
	mint(&c.OtherEnvToken, user(), WithOtherEnvironment())
	mint(&c.DPoPToken, user(), WithDPoPKey(&c.DPoPKey.PublicKey))
	return err
}

// Header is the Authorization value for a credential named as in
// Endpoint.Credential: "none" (no header), "Basic", or a token field of
// Credentials ("ProdToken", "DevToken", …) sent as Bearer.
func (c Credentials) Header(name string) (string, bool) {
	switch name {
	case "none":
		return "", true
	case "Basic":
		return "Basic " + base64.StdEncoding.EncodeToString([]byte(c.BasicUser+":"+c.BasicPassword)), true
	}
	tokens := map[string]string{
		"DevToken": c.DevToken, "StagingToken": c.StagingToken, "ProdToken": c.ProdToken,
		"RotatedToken": c.RotatedToken, "OtherEnvToken": c.OtherEnvToken, "DPoPToken": c.DPoPToken,
	}
	if t := tokens[name]; t != "" {
		return "Bearer " + t, true
	}
	return "", false
}
