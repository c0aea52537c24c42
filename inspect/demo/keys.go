package demo

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"

	"github.com/why401/why401/inspect/dpop"
	"github.com/why401/why401/inspect/keys"
)

// signer is a signing key with the kid its tokens carry.
type signer struct {
	kid string
	key *ecdsa.PrivateKey
}

// keyring holds the demo's keys. They are EC P-256 (ES256): making one
// takes microseconds, where an RSA-2048 key costs 30–140 ms.
type keyring struct {
	current signer // signs what the demo issues; published in the JWKS
	rotated signer // signed tokens before the last rotation; no longer published
	other   signer // the other environment's issuer; never published here
	dpop    signer // the demo client's DPoP key (kid unused)
	jwks    []byte // the published JWKS document
	trusted keys.Set
}

func newKeyring() (*keyring, error) {
	var kr keyring
	for _, k := range []struct {
		s      *signer
		prefix string
	}{{&kr.current, "demo-"}, {&kr.rotated, "demo-"}, {&kr.other, "sandbox-"}, {&kr.dpop, "client-"}} {
		var err error
		if *k.s, err = newSigner(k.prefix); err != nil {
			return nil, err
		}
	}
	var err error
	if kr.jwks, err = json.Marshal(map[string]any{"keys": []any{publishedJWK(kr.current)}}); err != nil {
		return nil, err
	}
	// Resources verify against the document as published, like any
	// resource server that fetched it.
	if kr.trusted, err = keys.Parse(kr.jwks, "the demo JWKS"); err != nil {
		return nil, err
	}
	return &kr, nil
}

// newSigner makes a key whose kid is derived from its thumbprint, as many
// identity providers do, so kids never collide.
func newSigner(prefix string) (signer, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return signer{}, err
	}
	jkt, err := thumbprint(&key.PublicKey)
	if err != nil {
		return signer{}, err
	}
	return signer{kid: prefix + jkt[:10], key: key}, nil
}

// publicJWK is the RFC 7517 form of an EC P-256 public key.
func publicJWK(pub *ecdsa.PublicKey) (map[string]any, error) {
	b, err := pub.Bytes() // 0x04 || X || Y
	if err != nil {
		return nil, err
	}
	if len(b) != 65 {
		return nil, fmt.Errorf("not a P-256 key")
	}
	enc := base64.RawURLEncoding.EncodeToString
	return map[string]any{"kty": "EC", "crv": "P-256", "x": enc(b[1:33]), "y": enc(b[33:])}, nil
}

func publishedJWK(s signer) map[string]any {
	jwk, _ := publicJWK(&s.key.PublicKey) // a key newSigner made always renders
	jwk["kid"], jwk["alg"], jwk["use"] = s.kid, "ES256", "sig"
	return jwk
}

// thumbprint is the RFC 7638 thumbprint, the value of a DPoP cnf.jkt.
func thumbprint(pub *ecdsa.PublicKey) (string, error) {
	jwk, err := publicJWK(pub)
	if err != nil {
		return "", err
	}
	return dpop.Thumbprint(jwk)
}
