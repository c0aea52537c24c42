package dpop

import (
	"strings"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/inspect/keys"
)

// checkSignature applies RFC 9449 §4.3 point 6: the proof verifies with
// the key in its own header. alg is "" when checkAlg already refused it.
func checkSignature(d decoded, alg string, k proofKey) []Problem {
	if alg == "" || k.public == nil || !d.sigOK {
		return nil // the reason is already reported
	}
	if ok, need := k.fits(alg); !ok {
		return []Problem{problem(CheckAlg, "alg is %s, which needs %s, but jwk is %s", alg, need, k.describe())}
	}
	if len(d.sig) == 0 {
		return []Problem{problem(CheckSignature, "the signature segment is empty")}
	}
	if want := keys.SignatureSize(alg); strings.HasPrefix(alg, "ES") && len(d.sig) != want {
		return []Problem{problem(CheckSignature, "the %s signature is %d bytes but must be %d (R and S concatenated%s)",
			alg, len(d.sig), want, derHint(d.sig))}
	}
	method := jwt.GetSigningMethod(jwtName(alg))
	if method == nil {
		return []Problem{problem(CheckSignature, "the %s signature was not checked: the JWT library lacks it", alg)}
	}
	if err := method.Verify(d.signingInput, d.sig, k.public); err != nil {
		return []Problem{problem(CheckSignature, "the signature does not verify with the jwk in the header: the proof was altered after signing or signed with another key")}
	}
	return nil
}

// jwtName maps RFC 9864's Ed25519 to the name golang-jwt registers.
func jwtName(alg string) string {
	if alg == "Ed25519" {
		return "EdDSA"
	}
	return alg
}

// derHint recognises the commonest ES* mistake: passing the DER signature
// that most crypto libraries produce straight into the JWS.
func derHint(sig []byte) string {
	if len(sig) > 8 && sig[0] == 0x30 && int(sig[1]) == len(sig)-2 {
		return ", not the DER encoding this one is in"
	}
	return ""
}
