package token

import (
	"testing"
)

// BenchmarkDecodeLint measures what `why401 decode` does per token without
// a key: read the input, decode, evaluate time and lint.
func BenchmarkDecodeLint(b *testing.B) {
	kp := newKey(b, "RS256")
	claims := with(goodClaims(), "scope", "orders:read orders:write", "client_id", "c1")
	raw := "Bearer " + sign(b, "RS256", kp.private, map[string]any{"kid": "k1", "typ": "at+jwt"}, claims)
	b.ReportAllocs()
	for b.Loop() {
		in, _ := ReadInput(raw)
		Analyze(in, Options{Now: testNow})
	}
}

// BenchmarkDecodeLintVerify adds RS256 verification with a known key.
func BenchmarkDecodeLintVerify(b *testing.B) {
	kp := newKey(b, "RS256")
	raw := sign(b, "RS256", kp.private, map[string]any{"kid": "k1"}, goodClaims())
	b.ReportAllocs()
	for b.Loop() {
		in, _ := ReadInput(raw)
		Analyze(in, Options{Now: testNow, Keys: kp.setSlice()})
	}
}
