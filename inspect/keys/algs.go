package keys

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"slices"
	"strings"
)

// Algorithms returns the JWS algorithms this package can verify, in display order.
func Algorithms() []string {
	return []string{"HS256", "HS384", "HS512", "RS256", "RS384", "RS512",
		"PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
}

// Known reports whether alg is a JWS algorithm from the IANA registry
// (RFC 7518 §3.1, RFC 8037), including ones we cannot verify.
func Known(alg string) bool {
	switch alg {
	case "none", "ES256K", "Ed25519", "Ed448":
		return true
	}
	return slices.Contains(Algorithms(), alg)
}

// IsHMAC reports whether alg is one of the HS* algorithms.
func IsHMAC(alg string) bool { return strings.HasPrefix(alg, "HS") }

// FitsKey returns the algorithms a key can verify. A JWK that names its
// "alg" allows only that one (RFC 7517 §4.4), which is what stops a token
// from choosing a weaker algorithm for the same key.
func FitsKey(k Key) []string {
	if k.Alg != "" {
		return []string{k.Alg}
	}
	switch p := k.Public.(type) {
	case *rsa.PublicKey:
		return []string{"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}
	case *ecdsa.PublicKey:
		switch p.Curve.Params().Name {
		case "P-256":
			return []string{"ES256"}
		case "P-384":
			return []string{"ES384"}
		case "P-521":
			return []string{"ES512"}
		}
	case ed25519.PublicKey:
		return []string{"EdDSA", "Ed25519"}
	case []byte:
		return []string{"HS256", "HS384", "HS512"}
	}
	return nil
}

// SignatureSize is the exact signature length in bytes for alg, or 0 when it
// depends on the key (RSA) or is unknown. RFC 7518 §3.2, §3.4; RFC 8037 §3.1.
func SignatureSize(alg string) int {
	switch alg {
	case "HS256":
		return 32
	case "ES256", "EdDSA", "Ed25519":
		return 64
	case "HS384":
		return 48
	case "HS512":
		return 64
	case "ES384":
		return 96
	case "ES512":
		return 132
	}
	return 0
}

// HashSize is the output size of the hash behind an HMAC alg, the minimum
// secret length RFC 7518 §3.2 asks for.
func HashSize(alg string) int {
	switch alg {
	case "HS256":
		return 32
	case "HS384":
		return 48
	case "HS512":
		return 64
	}
	return 0
}
