package dpop

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// checkATH applies point 12's access token hash: a proof sent with an
// access token carries ath = base64url(SHA-256(token)).
func checkATH(claims map[string]any, p Params) []Problem {
	if p.AccessToken == "" {
		return nil // a token endpoint request: there is no token to bind to
	}
	want := ATH(p.AccessToken)
	ath, probs := requireString(claims, "ath", CheckATH, "base64url(SHA-256(access token)), "+want)
	if probs != nil || ath == want {
		return probs
	}
	if hint := athHint(ath, p.AccessToken); hint != "" {
		return []Problem{problem(CheckATH, "ath is %s but must be %s: it is %s", show(ath), want, hint)}
	}
	return []Problem{problem(CheckATH, "ath is %s but base64url(SHA-256(access token)) is %s: the proof was made for a different access token", show(ath), want)}
}

// athHint recognises the usual ways of getting ath almost right.
func athHint(ath, token string) string {
	sum := sha256.Sum256([]byte(token))
	switch ath {
	case ATH("DPoP " + token), ATH("Bearer " + token):
		return "the hash of the whole Authorization value, scheme included, instead of the token alone"
	case base64.StdEncoding.EncodeToString(sum[:]), base64.URLEncoding.EncodeToString(sum[:]),
		base64.RawStdEncoding.EncodeToString(sum[:]):
		return "the right hash in the wrong encoding (standard base64 or padding); it must be base64url without padding"
	case hex.EncodeToString(sum[:]):
		return "the right hash in hex; it must be base64url without padding"
	}
	return ""
}

// checkJKT applies point 12's key binding: the proof key is the one the
// access token is bound to. Servers word this "Invalid DPoP key binding".
func checkJKT(jkt string, p Params) []Problem {
	if p.TokenJKT == "" || jkt == "" || jkt == p.TokenJKT {
		return nil
	}
	return []Problem{problem(CheckJKT, "Invalid DPoP key binding: the proof's jwk has thumbprint %s but the access token's cnf.jkt is %s, so the proof is signed with a different key than the token was bound to",
		jkt, show(p.TokenJKT))}
}
