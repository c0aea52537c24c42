package token

import (
	"strings"
	"testing"

	"github.com/why401/why401/inspect/keys"
)

// TestRoundTripEveryAlgorithm signs with a fresh key for every JWS
// algorithm and checks: the right key verifies, a tampered payload and a
// different key of the same type do not.
func TestRoundTripEveryAlgorithm(t *testing.T) {
	for _, alg := range keys.Algorithms() {
		t.Run(alg, func(t *testing.T) {
			kp := newKey(t, alg)
			tok := sign(t, alg, kp.private, map[string]any{"kid": "k1"}, goodClaims())
			r := analyzeRaw(t, tok, Options{Keys: []keys.Set{kp.set}})
			if r.Signature.Status != SigVerified {
				t.Fatalf("fresh %s token: %s (%s)", alg, r.Signature.Status, deref(r.Signature.Error))
			}
			if r.HasErrors() {
				t.Fatalf("unexpected error findings %v", findingIDs(r))
			}
			parts := strings.Split(tok, ".")
			tampered := parts[0] + "." + enc(mustJSON(t, with(goodClaims(), "sub", "admin"))) + "." + parts[2]
			if r := analyzeRaw(t, tampered, Options{Keys: []keys.Set{kp.set}}); r.Signature.Status != SigInvalid {
				t.Fatalf("tampered payload: %s", r.Signature.Status)
			}
			other := newKey(t, alg)
			if r := analyzeRaw(t, tok, Options{Keys: []keys.Set{other.set}}); r.Signature.Status != SigInvalid {
				t.Fatalf("wrong key: %s", r.Signature.Status)
			}
		})
	}
}

// TestNonJSONPayloadVerifies covers RFC 7515 A.4's lesson with a fresh key.
func TestNonJSONPayloadVerifies(t *testing.T) {
	kp := newKey(t, "ES256")
	tok := signRaw(t, "ES256", kp.private, []byte(`{"alg":"ES256"}`), []byte("It’s a dangerous business, Frodo"))
	r := analyzeRaw(t, tok, Options{Keys: []keys.Set{kp.set}})
	if r.Signature.Status != SigVerified || r.PayloadText == nil || r.Payload != nil {
		t.Fatalf("status %s payload %s text %v", r.Signature.Status, r.Payload, r.PayloadText)
	}
	if r.Time.Status != TimeNotApplicable && r.Time.Status != TimeNoExpiry {
		t.Fatalf("time %s", r.Time.Status)
	}
}

// TestKeySelection checks that the report names the key and why.
func TestKeySelection(t *testing.T) {
	a, b := newKey(t, "RS256"), newKey(t, "RS256")
	a.set.Keys[0].ID, b.set.Keys[0].ID = "a", "b"
	set := keys.Set{Keys: []keys.Key{a.set.Keys[0], b.set.Keys[0]}, Source: "--key jwks.json"}
	set.Keys[1].Index = 1
	tok := sign(t, "RS256", b.private, map[string]any{"kid": "b"}, goodClaims())
	r := analyzeRaw(t, tok, Options{Keys: []keys.Set{set}})
	if r.Signature.Status != SigVerified || deref(r.Signature.Key) != "kid b from --key jwks.json" || deref(r.Signature.Reason) != "kid match" {
		t.Fatalf("signature %+v key %q reason %q", r.Signature.Status, deref(r.Signature.Key), deref(r.Signature.Reason))
	}
	noKid := sign(t, "RS256", b.private, nil, goodClaims())
	r = analyzeRaw(t, noKid, Options{Keys: []keys.Set{set}})
	if r.Signature.Status != SigVerified || !strings.Contains(deref(r.Signature.Reason), "kid b") || !contains(findingIDs(r), "KID_NOT_IN_JWKS") {
		t.Fatalf("no kid: %s reason %q findings %v", r.Signature.Status, deref(r.Signature.Reason), findingIDs(r))
	}
	wrongKid := sign(t, "RS256", b.private, map[string]any{"kid": "zzz"}, goodClaims())
	r = analyzeRaw(t, wrongKid, Options{Keys: []keys.Set{set}})
	if r.Signature.Status != SigInvalid || !strings.Contains(deref(r.Signature.Error), "does match kid b") {
		t.Fatalf("wrong kid: %s %q", r.Signature.Status, deref(r.Signature.Error))
	}
}
