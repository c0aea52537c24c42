package demo

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/why401/why401/inspect/challenge"
)

// digestNonceLifetime is how long a Digest nonce is fresh; after that the
// server answers stale=true, and the client retries with a new nonce.
const digestNonceLifetime = 5 * time.Minute

// digestNonce carries its own time and an HMAC over it, so the server can
// tell a forged nonce from an old one without remembering any.
func (s *Server) digestNonce(t time.Time) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return base64.RawURLEncoding.EncodeToString([]byte(ts + " " + s.digestMAC(ts)))
}

func (s *Server) digestMAC(ts string) string {
	mac := hmac.New(sha256.New, s.secrets.nonceKey)
	mac.Write([]byte("digest-nonce|" + ts))
	return hex.EncodeToString(mac.Sum(nil)[:16])
}

// nonceState reports whether the server made nonce, and whether it is
// still fresh by the server's clock.
func (s *Server) nonceState(nonce string) (valid, fresh bool) {
	b, err := base64.RawURLEncoding.DecodeString(nonce)
	if err != nil {
		return false, false
	}
	ts, mac, _ := strings.Cut(string(b), " ")
	if !hmac.Equal([]byte(mac), []byte(s.digestMAC(ts))) {
		return false, false
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false, false
	}
	age := s.now().Sub(time.Unix(sec, 0))
	return true, age >= -clockLeeway && age <= digestNonceLifetime
}

func (s *Server) digestChallenges(stale bool) []string {
	nonce := s.digestNonce(s.now())
	var out []string
	for _, alg := range []string{"SHA-256", "MD5"} {
		params := []string{q("realm", legacyRealm), q("qop", "auth"), "algorithm=" + alg,
			q("nonce", nonce), q("opaque", s.secrets.opaque)}
		if stale {
			params = append(params, "stale=true")
		}
		out = append(out, challengeOf("Digest", params...))
	}
	return out
}

// checkDigest verifies `Authorization: Digest …` (RFC 7616 §3.4). stale
// is true when the response was right for an old nonce: the password is
// fine, only the nonce needs renewing.
func (s *Server) checkDigest(r *http.Request) (ok, stale bool) {
	auth := r.Header.Get("Authorization")
	if !hasScheme(auth, "Digest") {
		return false, false
	}
	// Credentials share the challenge grammar (auth-params).
	cs := challenge.Parse([]string{auth}, challenge.Lenient).Challenges
	if len(cs) != 1 {
		return false, false
	}
	get := func(name string) string { v, _ := cs[0].Get(name); return v }
	h := digestHash(get("algorithm"))
	if h == nil || get("username") != demoUser || get("realm") != legacyRealm || get("qop") != "auth" ||
		get("uri") != r.URL.RequestURI() || get("opaque") != s.secrets.opaque {
		return false, false
	}
	valid, fresh := s.nonceState(get("nonce"))
	if !valid {
		return false, false
	}
	want := digestResponse(h, demoUser, s.secrets.password, legacyRealm, r.Method, get("uri"), get("nonce"), get("nc"), get("cnonce"))
	if !hmac.Equal([]byte(want), []byte(strings.ToLower(get("response")))) {
		return false, false
	}
	return fresh, !fresh
}

// digestHash is the hash an algorithm parameter names; absent means MD5.
func digestHash(alg string) func() hash.Hash {
	switch strings.ToUpper(alg) {
	case "", "MD5":
		return md5.New
	case "SHA-256":
		return sha256.New
	}
	return nil
}

// digestResponse computes the response of RFC 7616 §3.4.1 for qop=auth:
// what a Digest client sends. newHash is md5.New or sha256.New.
func digestResponse(newHash func() hash.Hash, user, password, realm, method, uri, nonce, nc, cnonce string) string {
	hx := func(parts ...string) string {
		h := newHash()
		h.Write([]byte(strings.Join(parts, ":")))
		return fmt.Sprintf("%x", h.Sum(nil))
	}
	return hx(hx(user, realm, password), nonce, nc, cnonce, "auth", hx(method, uri))
}
