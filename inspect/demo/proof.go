package demo

import (
	"crypto/ecdsa"
	"crypto/rand"
	"errors"
	"net/url"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/inspect/dpop"
)

// Proof makes a DPoP proof (RFC 9449 §4.2) for one request, signed with
// key: what a DPoP client sends in the DPoP header. accessToken is "" at a
// token endpoint; nonce is "" until a server has sent a DPoP-Nonce. The
// htu is rawURL without its query and fragment.
func Proof(key *ecdsa.PrivateKey, method, rawURL, accessToken, nonce string, now time.Time) (string, error) {
	if key == nil {
		return "", errors.New("demo: Proof needs a key")
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", err
	}
	u.RawQuery, u.Fragment = "", ""
	jwk, err := publicJWK(&key.PublicKey)
	if err != nil {
		return "", err
	}
	claims := jwt.MapClaims{"jti": rand.Text(), "htm": method, "htu": u.String(), "iat": now.Unix()}
	if accessToken != "" {
		claims["ath"] = dpop.ATH(accessToken)
	}
	if nonce != "" {
		claims["nonce"] = nonce
	}
	t := jwt.NewWithClaims(jwt.SigningMethodES256, claims)
	t.Header["typ"] = "dpop+jwt"
	t.Header["jwk"] = jwk
	return t.SignedString(key)
}
