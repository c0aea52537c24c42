package dpop

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
)

// requiredMembers lists, per kty, the members RFC 7638 §3.2 hashes, already
// in the lexicographic order the canonical form needs. They are also exactly
// the public key, so the same list drives key conversion.
func requiredMembers(kty string) []string {
	switch kty {
	case "RSA":
		return []string{"e", "kty", "n"}
	case "EC":
		return []string{"crv", "kty", "x", "y"}
	case "OKP":
		return []string{"crv", "kty", "x"} // RFC 8037 §2
	}
	return nil
}

// Thumbprint computes the RFC 7638 JWK thumbprint (SHA-256, base64url
// without padding) of an RSA, EC or OKP key, as RFC 9449 uses for cnf.jkt.
// Only the required members count; kid, alg, use and the rest do not.
func Thumbprint(jwk map[string]any) (string, error) {
	members, err := publicMembers(jwk)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(canonical(members))
	return base64.RawURLEncoding.EncodeToString(sum[:]), nil
}

// publicMembers picks the required members of jwk, which must be strings.
func publicMembers(jwk map[string]any) (map[string]string, error) {
	kty, present, ok := stringClaim(jwk, "kty")
	switch {
	case !present:
		return nil, fmt.Errorf("jwk has no kty")
	case !ok:
		return nil, fmt.Errorf("jwk kty is %s, not a string", kind(jwk["kty"]))
	case kty == "oct":
		return nil, fmt.Errorf("jwk is a symmetric key (kty oct); DPoP needs a public key")
	}
	names := requiredMembers(kty)
	if names == nil {
		return nil, fmt.Errorf("jwk has kty %q; only RSA, EC and OKP keys are supported", show(kty))
	}
	out := make(map[string]string, len(names))
	var missing []string
	for _, name := range names {
		v, ok := jwk[name].(string)
		if !ok || v == "" {
			missing = append(missing, name)
			continue
		}
		out[name] = v
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("jwk (kty %s) lacks %s as a non-empty string", kty, strings.Join(missing, ", "))
	}
	return out, nil
}

// canonical writes the members as RFC 7638 §3.3 wants: sorted names, no
// whitespace. HTML escaping is off because the hash is over exact bytes.
func canonical(members map[string]string) []byte {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, name := range requiredMembers(members["kty"]) {
		if i > 0 {
			b.WriteByte(',')
		}
		writeJSONString(&b, name)
		b.WriteByte(':')
		writeJSONString(&b, members[name])
	}
	b.WriteByte('}')
	return b.Bytes()
}

func writeJSONString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)       // a string always encodes
	b.Truncate(b.Len() - 1) // Encode appends a newline
}

// ATH is the value of a proof's ath claim for accessToken:
// base64url(SHA-256(token)), RFC 9449 §4.2.
func ATH(accessToken string) string {
	sum := sha256.Sum256([]byte(accessToken))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}
