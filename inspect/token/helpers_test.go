package token

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/inspect/keys"
)

// testNow is the clock for tests that build their own tokens.
var testNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func enc(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// signRaw signs exactly the given header and payload bytes with alg.
func signRaw(t testing.TB, alg string, key any, header, payload []byte) string {
	t.Helper()
	input := enc(header) + "." + enc(payload)
	if alg == "none" {
		return input + "."
	}
	sig, err := jwt.GetSigningMethod(alg).Sign(input, key)
	if err != nil {
		t.Fatalf("sign %s: %v", alg, err)
	}
	return input + "." + enc(sig)
}

// sign builds a token from maps.
func sign(t testing.TB, alg string, key any, header, claims map[string]any) string {
	t.Helper()
	h := map[string]any{"alg": alg}
	for k, v := range header {
		h[k] = v
	}
	return signRaw(t, alg, key, mustJSON(t, h), mustJSON(t, claims))
}

// goodClaims are claims no time or shape lint objects to at testNow.
func goodClaims() map[string]any {
	return map[string]any{
		"iss": "https://idp.example.com/", "sub": "u1", "aud": "api://orders",
		"iat": testNow.Add(-5 * time.Minute).Unix(), "exp": testNow.Add(10 * time.Minute).Unix(),
		"jti": "j1",
	}
}

type keyPair struct {
	private any
	set     keys.Set
}

// newKey makes a fresh key for alg and the set that verifies it.
func newKey(t testing.TB, alg string) keyPair {
	t.Helper()
	switch alg[:2] {
	case "HS":
		secret := make([]byte, 64)
		rand.Read(secret)
		return keyPair{secret, keys.SecretSet(secret, "test secret")}
	case "RS", "PS":
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		return keyPair{k, keys.Set{Keys: []keys.Key{{Public: &k.PublicKey}}, Source: "test"}}
	case "ES":
		curve := map[string]elliptic.Curve{"ES256": elliptic.P256(), "ES384": elliptic.P384(), "ES512": elliptic.P521()}[alg]
		k, err := ecdsa.GenerateKey(curve, rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return keyPair{k, keys.Set{Keys: []keys.Key{{Public: &k.PublicKey}}, Source: "test"}}
	case "Ed":
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			t.Fatal(err)
		}
		return keyPair{priv, keys.Set{Keys: []keys.Key{{Public: pub}}, Source: "test"}}
	}
	t.Fatalf("no key for %s", alg)
	return keyPair{}
}

func analyzeRaw(t testing.TB, raw string, opts Options) Report {
	t.Helper()
	in, err := ReadInput(raw)
	if err != nil {
		t.Fatalf("ReadInput: %v", err)
	}
	if opts.Now.IsZero() {
		opts.Now = testNow
	}
	return Analyze(in, opts)
}

func findingIDs(r Report) []string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.ID)
	}
	return ids
}

func (k keyPair) setSlice() []keys.Set { return []keys.Set{k.set} }
