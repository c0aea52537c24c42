package keys

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"
)

// Secret encodings for --secret-encoding. Raw is the default because an
// HMAC secret is bytes: jwt.io v1's "secret base64 encoded" checkbox showed
// how easily users guess the encoding wrong, so we never guess.
const (
	EncodingRaw       = "raw"
	EncodingBase64    = "base64"
	EncodingBase64URL = "base64url"
)

// DecodeSecret turns the bytes a user supplied into the HMAC key.
func DecodeSecret(b []byte, encoding string) ([]byte, error) {
	switch encoding {
	case "", EncodingRaw:
		return b, nil
	case EncodingBase64:
		return decodeB64(base64.StdEncoding, b)
	case EncodingBase64URL:
		return decodeB64(base64.URLEncoding, b)
	}
	return nil, fmt.Errorf("unknown secret encoding %q (use raw, base64 or base64url)", encoding)
}

func decodeB64(enc *base64.Encoding, b []byte) ([]byte, error) {
	s := strings.TrimRight(strings.TrimSpace(string(b)), "=")
	out, err := enc.WithPadding(base64.NoPadding).DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("the secret is not valid %s: %w", encName(enc), err)
	}
	return out, nil
}

func encName(enc *base64.Encoding) string {
	if enc == base64.URLEncoding {
		return "base64url"
	}
	return "base64"
}

// SecretSet wraps an HMAC secret as a one-key set.
func SecretSet(secret []byte, source string) Set {
	return Set{Keys: []Key{{Public: secret, PublicAsSecret: LooksLikePublicKey(secret)}}, Source: source}
}

// LooksLikePublicKey reports whether an "HMAC secret" is really a PEM or a
// JWK public key. Verifying an HS* token with such bytes as the secret is the
// algorithm-confusion attack (RFC 8725 §2.1, CVE-2016-10555): anyone who
// knows the public key could have made the signature.
func LooksLikePublicKey(secret []byte) bool {
	t := bytes.TrimSpace(secret)
	if bytes.HasPrefix(t, []byte("-----BEGIN")) {
		return bytes.Contains(t, []byte("PUBLIC KEY")) || bytes.Contains(t, []byte("CERTIFICATE"))
	}
	if len(t) > 0 && t[0] == '{' {
		return bytes.Contains(t, []byte(`"kty"`)) && !bytes.Contains(t, []byte(`"oct"`))
	}
	return false
}

// guessable lists secrets seen in tutorials, defaults and leaked configs.
// It is deliberately small: a lint, not a cracker.
func guessable() []string {
	return []string{
		"secret", "Secret", "SECRET", "secretkey", "secret_key", "SECRET_KEY", "secret123",
		"mysecret", "my_secret", "my-secret", "mysecretkey", "my_secret_key", "supersecret",
		"super-secret", "supersecretkey", "topsecret", "s3cr3t", "shhhhh", "shhhhhhared-secret",
		"your-256-bit-secret", "your-384-bit-secret", "your-512-bit-secret", "your_jwt_secret",
		"jwt", "jwt_secret", "jwtsecret", "jwt-secret", "JWT_SECRET", "password", "Password",
		"password123", "changeme", "changethis", "change-me", "changeit", "default", "key",
		"keyboard cat", "test", "testing", "dev", "development", "admin", "123456", "1234567890",
		"qwerty", "letmein", "hello", "thisismysecret", "notasecret", "token", "api", "app",
		"example", "foobar", "gsk", "hs256", "HS256", "ThisIsMySecretKey",
	}
}

// Guessable reports whether secret is one of the well-known weak secrets.
func Guessable(secret []byte) bool {
	s := string(bytes.TrimSpace(secret))
	for _, g := range guessable() {
		if s == g {
			return true
		}
	}
	return false
}
