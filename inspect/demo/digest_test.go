package demo

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/why401/why401/inspect/challenge"
)

// digestAuth answers the first (SHA-256) challenge of a 401 as a Digest
// client does.
func digestAuth(t *testing.T, ex exchange, method, uri, user, password string) string {
	t.Helper()
	cs := challenge.Parse(ex.header.Values("WWW-Authenticate"), challenge.Lenient).Challenges
	if len(cs) == 0 || !cs[0].Is("Digest") {
		t.Fatalf("no Digest challenge: %q", ex.header.Values("WWW-Authenticate"))
	}
	get := func(n string) string { v, _ := cs[0].Get(n); return v }
	if get("algorithm") != "SHA-256" {
		t.Fatalf("first challenge is %s, want SHA-256 first", get("algorithm"))
	}
	nc, cnonce := "00000001", "0a4f113b"
	resp := digestResponse(sha256.New, user, password, get("realm"), method, uri, get("nonce"), nc, cnonce)
	return fmt.Sprintf(`Digest username=%q, realm=%q, uri=%q, algorithm=SHA-256, nonce=%q, nc=%s, cnonce=%q, qop=auth, response=%q, opaque=%q`,
		user, get("realm"), uri, get("nonce"), nc, cnonce, resp, get("opaque"))
}

func digestProbe(t *testing.T, s *Server, forge bool) int {
	c := s.Credentials()
	u := s.URL() + "/legacy/digest"
	first := send(t, "GET", u, "", nil, "", false)
	pass := c.BasicPassword
	if forge {
		pass += "x"
	}
	return send(t, "GET", u, digestAuth(t, first, "GET", "/legacy/digest", c.BasicUser, pass), nil, "", false).status
}

func TestDigestStaleNonce(t *testing.T) {
	s, clock := startServer(t)
	c := s.Credentials()
	u := s.URL() + "/legacy/digest"
	first := send(t, "GET", u, "", nil, "", false)
	auth := digestAuth(t, first, "GET", "/legacy/digest", c.BasicUser, c.BasicPassword)
	clock.Advance(digestNonceLifetime + time.Second)
	ex := send(t, "GET", u, auth, nil, "", false)
	if ex.status != http.StatusUnauthorized {
		t.Fatalf("an old nonce got %d", ex.status)
	}
	if ids := explainFirst(ex, clock, profile{}); len(ids) == 0 || ids[0] != "DIGEST_STALE" {
		t.Errorf("stale nonce explained as %v (%q)", ids, ex.header.Values("WWW-Authenticate"))
	}
	// A wrong password with the same old nonce is not stale: it is wrong.
	wrong := digestAuth(t, first, "GET", "/legacy/digest", c.BasicUser, "nope")
	ex = send(t, "GET", u, wrong, nil, "", false)
	cs := challenge.Parse(ex.header.Values("WWW-Authenticate"), challenge.Lenient).Challenges
	if len(cs) == 0 {
		t.Fatalf("no challenge after a wrong password: %d", ex.status)
	}
	if stale, _ := cs[0].Get("stale"); stale != "" {
		t.Errorf("a wrong password was answered stale=%s", stale)
	}
	if ids := explainFirst(ex, clock, profile{}); len(ids) == 0 || ids[0] != "CREDENTIALS_REJECTED" {
		t.Errorf("wrong Digest password explained as %v", ids)
	}
}
