package demo

import (
	"net/http"
	"testing"
)

// dpopCall sends GET /v1/dpop/me with a DPoP token and a fresh proof,
// retrying once with the nonce the server asks for, as a DPoP client does.
func dpopCall(t *testing.T, s *Server, clock *testClock, tok string) exchange {
	t.Helper()
	c := s.Credentials()
	u := s.URL() + "/v1/dpop/me"
	nonce := ""
	var ex exchange
	for range 2 {
		proof, err := Proof(c.DPoPKey, "GET", u, tok, nonce, clock.Now())
		if err != nil {
			t.Fatal(err)
		}
		ex = send(t, "GET", u, "DPoP "+tok, http.Header{"Dpop": {proof}}, "", false)
		if nonce = ex.header.Get("DPoP-Nonce"); nonce == "" {
			break
		}
	}
	return ex
}

func dpopProbe(t *testing.T, s *Server, clock *testClock, forge bool) int {
	tok := mintFor(t, s, nil, forge, WithDPoPKey(&s.Credentials().DPoPKey.PublicKey))
	return dpopCall(t, s, clock, tok).status
}

func TestDPoPNonceAndReplay(t *testing.T) {
	s, clock := startServer(t)
	c := s.Credentials()
	u := s.URL() + "/v1/dpop/me"
	proof, _ := Proof(c.DPoPKey, "GET", u, c.DPoPToken, "", clock.Now())
	ex := send(t, "GET", u, "DPoP "+c.DPoPToken, http.Header{"Dpop": {proof}}, "", false)
	nonce := ex.header.Get("DPoP-Nonce")
	if ex.status != http.StatusUnauthorized || nonce == "" {
		t.Fatalf("first call: %d, DPoP-Nonce %q; want 401 with a nonce", ex.status, nonce)
	}
	if ids := explainFirst(ex, clock, profile{}); len(ids) == 0 || ids[0] != "DPOP_NONCE_REQUIRED" {
		t.Errorf("nonce challenge explained as %v", ids)
	}
	proof, _ = Proof(c.DPoPKey, "GET", u, c.DPoPToken, nonce, clock.Now())
	ok := send(t, "GET", u, "DPoP "+c.DPoPToken, http.Header{"Dpop": {proof}}, "", false)
	if ok.status != http.StatusOK {
		t.Fatalf("with the nonce: %d %s %q", ok.status, ok.body, ok.header.Values("WWW-Authenticate"))
	}
	replay := send(t, "GET", u, "DPoP "+c.DPoPToken, http.Header{"Dpop": {proof}}, "", false)
	if replay.status != http.StatusUnauthorized {
		t.Errorf("a replayed proof got %d", replay.status)
	}
	// A proof signed by another key than the token is bound to.
	other, _ := Proof(newECKey(t), "GET", u, c.DPoPToken, nonce, clock.Now())
	bad := send(t, "GET", u, "DPoP "+c.DPoPToken, http.Header{"Dpop": {other}}, "", false)
	if bad.status != http.StatusUnauthorized {
		t.Fatalf("a proof with the wrong key got %d", bad.status)
	}
	if ids := explainFirst(bad, clock, profile{}); len(ids) == 0 || ids[0] != "DPOP_PROOF_INVALID" {
		t.Errorf("wrong proof key explained as %v (%q)", ids, bad.header.Values("WWW-Authenticate"))
	}
	// The nonce expires with its windows.
	clock.Advance(2*nonceWindow + 1)
	proof, _ = Proof(c.DPoPKey, "GET", u, c.DPoPToken, nonce, clock.Now())
	if ex := send(t, "GET", u, "DPoP "+c.DPoPToken, http.Header{"Dpop": {proof}}, "", false); ex.header.Get("DPoP-Nonce") == "" {
		t.Errorf("an old nonce was accepted: %d", ex.status)
	}
}
