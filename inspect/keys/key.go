// Package keys loads the keys a user trusts for verifying token signatures
// (PEM public keys and certificates, JWK, JWKS, HMAC secrets, JWKS URLs and
// OIDC / RFC 8414 discovery) and verifies a JWS signature with them.
//
// It never takes a key from the token itself: jku, x5u, x5c and jwk header
// parameters are for lints, not for verification. The caller decides which
// keys to trust; Verify only picks among them and says why.
package keys

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"fmt"
	"time"
)

// Key is one verification key and where it came from.
type Key struct {
	ID     string // kid, "" when the source gave none
	Alg    string // the JWK "alg", "" when unspecified
	Use    string // the JWK "use"
	Public any    // *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey or []byte (HMAC)
	Index  int    // position in its set, from 0

	// PublicAsSecret marks an HMAC secret whose bytes are a public key:
	// verifying with it is the algorithm-confusion attack, so it is refused.
	PublicAsSecret bool
}

// Set is the keys from one source, such as a file, a JWKS URL or a secret.
type Set struct {
	Keys      []Key
	Source    string    // how the user named it: "--key testdata/demo.pem", "JWKS https://…"
	FetchedAt time.Time // zero unless fetched over the network
	FromCache bool      // the document came from the local cache
}

// Type names the key's family and size: "RSA 2048", "EC P-256", "Ed25519", "HMAC 32 bytes".
func (k Key) Type() string {
	switch p := k.Public.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("RSA %d", p.N.BitLen())
	case *ecdsa.PublicKey:
		return "EC " + p.Curve.Params().Name
	case ed25519.PublicKey:
		return "Ed25519"
	case []byte:
		return fmt.Sprintf("HMAC secret of %d bytes", len(p))
	}
	return fmt.Sprintf("%T", k.Public)
}

// Symmetric reports whether the key is an HMAC secret.
func (k Key) Symmetric() bool {
	_, ok := k.Public.([]byte)
	return ok
}

// Name is how the key is named in output: "kid k1 from --key f.pem" or
// "key #2 (RSA 2048) from JWKS https://…".
func (k Key) Name(s Set) string {
	if k.ID != "" {
		return fmt.Sprintf("kid %s from %s", k.ID, s.Source)
	}
	if len(s.Keys) == 1 {
		return fmt.Sprintf("%s key from %s", k.Type(), s.Source)
	}
	return fmt.Sprintf("key #%d (%s) from %s", k.Index+1, k.Type(), s.Source)
}

// HasKIDs reports whether any key in the set carries a kid.
func (s Set) HasKIDs() bool {
	for _, k := range s.Keys {
		if k.ID != "" {
			return true
		}
	}
	return false
}

// KIDs lists the kids in the set, in order.
func (s Set) KIDs() []string {
	var ids []string
	for _, k := range s.Keys {
		if k.ID != "" {
			ids = append(ids, k.ID)
		}
	}
	return ids
}
