package token

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/why401/why401/inspect/keys"
)

type joseVector struct {
	Name          string          `json:"name"`
	Alg           string          `json:"alg"`
	ExpectValid   bool            `json:"expect_valid"`
	Token         string          `json:"token"`
	KeyJWK        json.RawMessage `json:"key_jwk"`
	PayloadIsJSON *bool           `json:"payload_is_json"`
}

func loadVectors(t testing.TB) []joseVector {
	t.Helper()
	b, err := os.ReadFile("../../testdata/jose-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var vs []joseVector
	if err := json.Unmarshal(b, &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestJOSEVectors runs every RFC vector: valid ones verify with their key,
// the derived negatives never do, and non-JSON payloads still verify (the
// raw signing input is what is checked, RFC 7515 A.4 / RFC 7520).
func TestJOSEVectors(t *testing.T) {
	vectorNow := time.Unix(1300819000, 0)
	for _, v := range loadVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			opts := Options{Now: vectorNow}
			if len(v.KeyJWK) > 0 && string(v.KeyJWK) != "null" {
				set, err := keys.Parse(v.KeyJWK, "vector key")
				if err != nil {
					t.Fatalf("key: %v", err)
				}
				opts.Keys = []keys.Set{set}
			}
			r := analyzeRaw(t, v.Token, opts)
			if v.Alg == "RSA-OAEP" {
				if r.Kind != KindJWE || r.Token.headerString("enc") == "" || r.Signature.Status != SigUnsupported {
					t.Fatalf("JWE: kind %s, header %s, signature %s", r.Kind, r.Header, r.Signature.Status)
				}
				return
			}
			if r.Kind != KindJWS {
				t.Fatalf("kind = %s (%v), want jws", r.Kind, deref(r.Error))
			}
			verified := r.Signature.Status == SigVerified
			if verified != v.ExpectValid {
				t.Fatalf("signature %s (%s), want valid=%v", r.Signature.Status, deref(r.Signature.Error), v.ExpectValid)
			}
			if v.PayloadIsJSON != nil && *v.PayloadIsJSON == (r.PayloadText != nil) {
				t.Errorf("payload JSON=%v but payload_text=%v", *v.PayloadIsJSON, r.PayloadText != nil)
			}
		})
	}
}

func TestJOSEVectorNegativesSayWhy(t *testing.T) {
	want := map[string]string{
		"DERIVED-alg-confusion-RS256-key-as-HS256-secret": "ALG_CONFUSION",
		"DERIVED-alg-none-mixed-case":                     "ALG_NONE",
		"DERIVED-A.2-signature-stripped":                  "SIG_EMPTY",
		"DERIVED-A.3-psychic-signature":                   "SIG_LENGTH",
		"RFC7515-A.5-unsecured-none":                      "ALG_NONE",
	}
	for _, v := range loadVectors(t) {
		id, ok := want[v.Name]
		if !ok {
			continue
		}
		opts := Options{Now: time.Unix(1300819000, 0)}
		if len(v.KeyJWK) > 0 && string(v.KeyJWK) != "null" {
			set, err := keys.Parse(v.KeyJWK, "vector key")
			if err != nil {
				t.Fatal(err)
			}
			opts.Keys = []keys.Set{set}
		}
		r := analyzeRaw(t, v.Token, opts)
		if !contains(findingIDs(r), id) {
			t.Errorf("%s: findings %v, want %s", v.Name, findingIDs(r), id)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
