package demo

import (
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// accessLifetime is how long the access tokens the demo issues live.
const accessLifetime = time.Hour

// MintOption changes how Mint signs a token.
type MintOption func(*mintConfig)

// keyChoice names one of the demo's signing keys.
type keyChoice int

const (
	keyCurrent keyChoice = iota
	keyRotated
	keyOther
)

type mintConfig struct {
	key keyChoice
	own *ecdsa.PrivateKey // a caller's key: a forged token
	kid *string
	jkt string
	err error
}

// WithKID puts kid in the header instead of the signing key's own; ""
// leaves the kid out.
func WithKID(kid string) MintOption { return func(c *mintConfig) { c.kid = &kid } }

// WithRotatedKey signs with the rotated-out key, whose kid the JWKS no
// longer lists.
func WithRotatedKey() MintOption { return func(c *mintConfig) { c.key = keyRotated } }

// WithOtherEnvironment signs with the other environment's issuer key, and
// defaults iss and aud to that environment's.
func WithOtherEnvironment() MintOption { return func(c *mintConfig) { c.key = keyOther } }

// WithSigningKey signs with a key of the caller's, keeping the kid of the
// demo's current key unless WithKID says otherwise: a forged token.
func WithSigningKey(key *ecdsa.PrivateKey) MintOption {
	return func(c *mintConfig) {
		c.own = key
		if key == nil {
			c.err = errors.New("demo: WithSigningKey needs a key")
		}
	}
}

// WithDPoPKey binds the token to a DPoP key: cnf.jkt is its thumbprint.
func WithDPoPKey(pub *ecdsa.PublicKey) MintOption {
	return func(c *mintConfig) {
		if pub == nil {
			c.err = errors.New("demo: WithDPoPKey needs a key")
			return
		}
		c.jkt, c.err = thumbprint(pub)
	}
}

// Mint signs an access token. claims override the defaults (iss, aud,
// sub, iat, exp an hour after iat, jti); a nil value removes a claim, and a
// time.Time becomes a NumericDate.
func (s *Server) Mint(claims map[string]any, opts ...MintOption) (string, error) {
	base := s.URL()
	if base == "" {
		return "", errors.New("demo: the server has no URL yet, so it has no issuer")
	}
	var cfg mintConfig
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.err != nil {
		return "", cfg.err
	}
	key := map[keyChoice]signer{keyCurrent: s.keys.current, keyRotated: s.keys.rotated, keyOther: s.keys.other}[cfg.key]
	if cfg.own != nil {
		key.key = cfg.own
	}
	if cfg.kid != nil {
		key.kid = *cfg.kid
	}
	iss, aud := base, base+apiPath
	if cfg.key == keyOther {
		iss, aud = OtherEnvIssuer, OtherEnvAudience
	}
	now := s.now()
	c := map[string]any{"iss": iss, "aud": aud, "sub": demoUser, "iat": now.Unix(),
		"exp": now.Add(accessLifetime).Unix(), "jti": rand.Text()}
	for k, v := range claims {
		switch x := v.(type) {
		case nil:
			delete(c, k)
		case time.Time:
			c[k] = x.Unix()
		default:
			c[k] = v
		}
	}
	if cfg.jkt != "" {
		c["cnf"] = map[string]any{"jkt": cfg.jkt}
	}
	return sign(c, key.key, key.kid, "at+jwt")
}

// sign makes an ES256 JWS with the given header kid and typ.
func sign(claims map[string]any, key *ecdsa.PrivateKey, kid, typ string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims(claims))
	t.Header["typ"] = typ
	if kid != "" {
		t.Header["kid"] = kid
	}
	return t.SignedString(key)
}
