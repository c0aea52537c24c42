package dpop

import (
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/MicahParks/jwkset"
)

// privateMembers are the JWK members that hold private key material
// (RFC 7518 §6.2.2, §6.3.2, §6.4; RFC 8037 §2). A proof that carries one
// has published its private key.
func privateMembers() []string {
	return []string{"d", "p", "q", "dp", "dq", "qi", "oth", "k"}
}

// minRSABits is RFC 7518 §3.3's floor for RS* and PS* keys. maxRSABits
// is far above any real key and keeps a hostile proof from costing
// seconds of CPU to verify.
const (
	minRSABits = 2048
	maxRSABits = 16384
)

// proofKey is the header jwk, as far as it could be read.
type proofKey struct {
	public  any    // the Go public key; nil when unusable
	jkt     string // RFC 7638 thumbprint; "" when the jwk lacks members
	kty     string
	crv     string
	rsaBits int
}

// checkJWK reads the header's jwk. It returns whatever it could read even
// with problems, so the thumbprint is shown for a key that is, say, public
// but carries a private member too.
func checkJWK(header map[string]any) (proofKey, []Problem) {
	raw, present := header["jwk"]
	if !present {
		return proofKey{}, []Problem{problem(CheckJWK, "the header has no jwk; a DPoP proof carries its public key there")}
	}
	jwk, ok := raw.(map[string]any)
	if !ok {
		return proofKey{}, []Problem{problem(CheckJWK, "jwk is %s but must be a JSON object (a JWK)", kind(raw))}
	}
	if jwk["kty"] == "oct" {
		return proofKey{}, []Problem{problem(CheckJWK, "jwk is a symmetric key (kty oct), so its secret is now exposed; a DPoP proof carries an asymmetric public key")}
	}
	var probs []Problem
	if found := foundPrivate(jwk); len(found) > 0 {
		probs = append(probs, problem(CheckJWK,
			"jwk contains the private key member %s; a proof must carry only the public key, and this private key is now exposed and must be replaced",
			strings.Join(found, ", ")))
	}
	members, err := publicMembers(jwk)
	if err != nil {
		return proofKey{}, append(probs, problem(CheckJWK, "%s", err.Error()))
	}
	k := proofKey{kty: members["kty"], crv: members["crv"]}
	k.jkt, _ = Thumbprint(jwk) // cannot fail: publicMembers succeeded
	if k.public, err = toPublic(members); err != nil {
		return k, append(probs, problem(CheckJWK, "jwk (%s) is not a usable public key: %s", k.describe(), err.Error()))
	}
	if rk, ok := k.public.(*rsa.PublicKey); ok {
		k.rsaBits = rk.N.BitLen()
	}
	return k, append(probs, k.checkSize()...)
}

// checkSize refuses RSA keys below the RFC's floor, and drops the key
// (so no signature check is tried) when it is absurdly large.
func (k *proofKey) checkSize() []Problem {
	switch {
	case k.kty != "RSA":
		return nil
	case k.rsaBits < minRSABits:
		return []Problem{problem(CheckJWK, "jwk is a %d-bit RSA key; RFC 7518 §3.3 requires at least %d bits", k.rsaBits, minRSABits)}
	case k.rsaBits > maxRSABits:
		k.public = nil
		return []Problem{problem(CheckJWK, "jwk is a %d-bit RSA key, larger than any real key (%d bits at most), so the signature was not checked", k.rsaBits, maxRSABits)}
	}
	return nil
}

func foundPrivate(jwk map[string]any) []string {
	var found []string
	for _, name := range privateMembers() {
		if _, ok := jwk[name]; ok {
			found = append(found, name)
		}
	}
	return found
}

// toPublic turns the required members into a Go key. Only those members
// are passed on, so nothing else in the jwk (x5u, use, key_ops) can make
// the library fetch, refuse or pick a private key.
func toPublic(members map[string]string) (any, error) {
	raw, err := json.Marshal(members)
	if err != nil {
		return nil, err
	}
	j, err := jwkset.NewJWKFromRawJSON(raw, jwkset.JWKMarshalOptions{}, jwkset.JWKValidateOptions{})
	if err != nil {
		return nil, shortKeyError(err)
	}
	return j.Key(), nil
}

// shortKeyError keeps the last, most specific clause of jwkset's wrapped
// error ("failed to unmarshal …: …: point is not on the curve").
func shortKeyError(err error) error {
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		msg = msg[i+2:]
	}
	return fmt.Errorf("%s", msg)
}

// describe names the key with its article: "an EC key on P-256".
func (k proofKey) describe() string {
	switch {
	case k.kty == "RSA" && k.rsaBits > 0:
		return fmt.Sprintf("a %d-bit RSA key", k.rsaBits)
	case k.kty == "RSA":
		return "an RSA key"
	}
	return fmt.Sprintf("an %s key on %s", k.kty, show(k.crv))
}

// fits reports whether alg can be used with this key, and what it needs
// when not (RFC 7518 §3.4 pins each ES* to one curve).
func (k proofKey) fits(alg string) (bool, string) {
	curve := map[string][2]string{
		"ES256": {"EC", "P-256"}, "ES384": {"EC", "P-384"}, "ES512": {"EC", "P-521"},
		"EdDSA": {"OKP", "Ed25519"}, "Ed25519": {"OKP", "Ed25519"},
	}
	if want, ok := curve[alg]; ok {
		return k.kty == want[0] && k.crv == want[1], proofKey{kty: want[0], crv: want[1]}.describe()
	}
	return k.kty == "RSA", "an RSA key"
}
