package dpop

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"testing"
	"time"

	"github.com/MicahParks/jwkset"
	"github.com/golang-jwt/jwt/v5"
)

// testNow is the fixed clock every fixture is checked at.
func testNow() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) }

const (
	testToken = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU"
	testURL   = "https://api.example.com/orders?x=1"
	testHTU   = "https://api.example.com/orders"
	testNonce = "eyJ7S_zG.eyJH0-Z.HX4w-7v"
)

// fixture is a valid proof in parts; a test case breaks one thing and signs.
type fixture struct {
	method jwt.SigningMethod
	key    any // what method signs with
	header map[string]any
	claims map[string]any
	params Params
}

func newKey(t testing.TB, alg string) crypto.Signer {
	t.Helper()
	var k crypto.Signer
	var err error
	switch alg {
	case "ES256":
		k, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case "ES384":
		k, err = ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	case "RS256", "PS256":
		k, err = rsa.GenerateKey(rand.Reader, 2048)
	case "EdDSA":
		_, k, err = ed25519.GenerateKey(rand.Reader)
	default:
		t.Fatalf("no key for %s", alg)
	}
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// publicJWK renders the public half of k as a JWK object.
func publicJWK(t testing.TB, k crypto.Signer) map[string]any {
	t.Helper()
	j, err := jwkset.NewJWKFromKey(k.Public(), jwkset.JWKOptions{})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(j.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func newFixture(t testing.TB, alg string) *fixture {
	t.Helper()
	priv := newKey(t, alg)
	jwk := publicJWK(t, priv)
	jkt, err := Thumbprint(jwk)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{
		method: jwt.GetSigningMethod(alg),
		key:    priv,
		header: map[string]any{"typ": "dpop+jwt", "alg": alg, "jwk": jwk},
		claims: map[string]any{
			"jti": "e1j3V_bKic8-LAEB", "htm": "GET", "htu": testHTU,
			"iat": testNow().Add(-10 * time.Second).Unix(), "ath": ATH(testToken), "nonce": testNonce,
		},
		params: Params{
			Method: "GET", URL: testURL, AccessToken: testToken, TokenJKT: jkt,
			Nonce: testNonce, Algs: []string{"ES256", "RS256", "PS256", "EdDSA"}, Now: testNow(),
		},
	}
}

// sign signs the fixture's header and claims exactly as they are, with
// the fixture's method and key, whatever alg the header claims.
func (f *fixture) sign(t testing.TB) string {
	t.Helper()
	tok := jwt.NewWithClaims(f.method, jwt.MapClaims(f.claims))
	tok.Header = f.header
	s, err := tok.SignedString(f.key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (f *fixture) jwk() map[string]any { return f.header["jwk"].(map[string]any) }
