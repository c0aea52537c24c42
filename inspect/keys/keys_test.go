package keys

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"
)

func pemOf(t *testing.T, typ string, der []byte) []byte {
	t.Helper()
	return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
}

func TestParseForms(t *testing.T) {
	rk, _ := rsa.GenerateKey(rand.Reader, 2048)
	ek, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, edPriv, _ := ed25519.GenerateKey(rand.Reader)
	pkix1, _ := x509.MarshalPKIXPublicKey(&rk.PublicKey)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(ek)
	ecDER, _ := x509.MarshalECPrivateKey(ek)
	edPKCS8, _ := x509.MarshalPKCS8PrivateKey(edPriv)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "t"},
		NotBefore: time.Now(), NotAfter: time.Now().Add(time.Hour)}
	cert, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &rk.PublicKey, rk)
	n := base64.RawURLEncoding.EncodeToString(rk.N.Bytes())
	cases := []struct {
		name, data, typ string
		count           int
	}{
		{"PKIX PEM", string(pemOf(t, "PUBLIC KEY", pkix1)), "RSA 2048", 1},
		{"PKCS1 PEM", string(pemOf(t, "RSA PUBLIC KEY", x509.MarshalPKCS1PublicKey(&rk.PublicKey))), "RSA 2048", 1},
		{"certificate", string(pemOf(t, "CERTIFICATE", cert)), "RSA 2048", 1},
		{"PKCS8 private EC keeps only the public half", string(pemOf(t, "PRIVATE KEY", pkcs8)), "EC P-256", 1},
		{"SEC1 EC private", string(pemOf(t, "EC PRIVATE KEY", ecDER)), "EC P-256", 1},
		{"Ed25519 private", string(pemOf(t, "PRIVATE KEY", edPKCS8)), "Ed25519", 1},
		{"DER", string(pkix1), "RSA 2048", 1},
		{"two PEM blocks", string(pemOf(t, "PUBLIC KEY", pkix1)) + string(pemOf(t, "CERTIFICATE", cert)), "RSA 2048", 2},
		{"JWK", `{"kty":"RSA","kid":"k1","n":"` + n + `","e":"AQAB"}`, "RSA 2048", 1},
		{"JWKS skips enc keys", `{"keys":[{"kty":"RSA","kid":"s","use":"sig","n":"` + n + `","e":"AQAB"},{"kty":"RSA","kid":"e","use":"enc","n":"` + n + `","e":"AQAB"}]}`, "RSA 2048", 1},
		{"oct JWK", `{"kty":"oct","k":"c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I"}`, "HMAC secret of 32 bytes", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set, err := Parse([]byte(c.data), "test")
			if err != nil {
				t.Fatal(err)
			}
			if len(set.Keys) != c.count || set.Keys[0].Type() != c.typ {
				t.Fatalf("got %d keys, first %s", len(set.Keys), set.Keys[0].Type())
			}
			if _, isPriv := set.Keys[0].Public.(crypto.Signer); isPriv {
				t.Fatal("a private key was kept")
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for name, data := range map[string]string{
		"empty":     "",
		"garbage":   "not a key",
		"bad JSON":  "{nope",
		"bad JWK":   `{"kty":"RSA","n":"!!"}`,
		"encrypted": "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n",
		"only enc":  `{"keys":[]}`,
	} {
		if _, err := Parse([]byte(data), "--key x"); err == nil || !strings.Contains(err.Error(), "--key x") {
			t.Errorf("%s: err = %v, want one naming the source", name, err)
		}
	}
}

func TestDecodeSecret(t *testing.T) {
	cases := []struct{ in, enc, want string }{
		{"plain text\n", "raw", "plain text\n"},
		{"c2VjcmV0", "base64", "secret"},
		{"c2VjcmV0\n", "base64", "secret"},
		{"-_8", "base64url", "\xfb\xff"},
		{"-_8=", "base64url", "\xfb\xff"},
	}
	for _, c := range cases {
		got, err := DecodeSecret([]byte(c.in), c.enc)
		if err != nil || string(got) != c.want {
			t.Errorf("DecodeSecret(%q, %s) = %q, %v", c.in, c.enc, got, err)
		}
	}
	if _, err := DecodeSecret([]byte("!!"), "base64"); err == nil {
		t.Error("bad base64 accepted")
	}
	if _, err := DecodeSecret([]byte("x"), "hex"); err == nil {
		t.Error("unknown encoding accepted")
	}
}

func TestLooksLikePublicKey(t *testing.T) {
	yes := []string{"-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----", "  -----BEGIN CERTIFICATE-----", `{"kty":"RSA","n":"x","e":"AQAB"}`}
	no := []string{"secret", `{"kty":"oct","k":"AA"}`, "-----BEGIN RANDOM-----"}
	for _, s := range yes {
		if !LooksLikePublicKey([]byte(s)) {
			t.Errorf("%q not seen as a public key", s)
		}
	}
	for _, s := range no {
		if LooksLikePublicKey([]byte(s)) {
			t.Errorf("%q seen as a public key", s)
		}
	}
}

func TestSignatureSizes(t *testing.T) {
	for alg, n := range map[string]int{"HS256": 32, "HS384": 48, "HS512": 64, "ES256": 64, "ES384": 96, "ES512": 132, "EdDSA": 64, "RS256": 0} {
		if got := SignatureSize(alg); got != n {
			t.Errorf("SignatureSize(%s) = %d, want %d", alg, got, n)
		}
	}
}
