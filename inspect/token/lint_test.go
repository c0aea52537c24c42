package token

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/inspect/keys"
)

// lintCase builds a token (and options) that must, or must not, raise id.
type lintCase struct {
	name  string
	id    string
	fires bool
	build func(t *testing.T) (string, Options)
}

func hs(t *testing.T, header map[string]any, claims map[string]any) string {
	return sign(t, "HS256", []byte(strings.Repeat("k", 32)), header, claims)
}

func with(claims map[string]any, kv ...any) map[string]any {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(claims, kv[i].(string))
			continue
		}
		claims[kv[i].(string)] = kv[i+1]
	}
	return claims
}

func plain(tok string) func(*testing.T) (string, Options) {
	return func(*testing.T) (string, Options) { return tok, Options{} }
}

func TestLints(t *testing.T) {
	secret := []byte(strings.Repeat("k", 32))
	now := testNow
	cases := []lintCase{
		{"none alg", "ALG_NONE", true, func(t *testing.T) (string, Options) {
			return signRaw(t, "none", nil, []byte(`{"alg":"none"}`), mustJSON(t, goodClaims())), Options{}
		}},
		{"none mixed case", "ALG_NONE", true, func(t *testing.T) (string, Options) {
			return enc([]byte(`{"alg":"NoNe"}`)) + "." + enc(mustJSON(t, goodClaims())) + ".", Options{}
		}},
		{"signed", "ALG_NONE", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"alg missing", "ALG_MISSING_OR_UNKNOWN", true, func(t *testing.T) (string, Options) {
			return enc([]byte(`{"typ":"JWT"}`)) + "." + enc(mustJSON(t, goodClaims())) + ".c2ln", Options{}
		}},
		{"alg unknown", "ALG_MISSING_OR_UNKNOWN", true, func(t *testing.T) (string, Options) {
			return enc([]byte(`{"alg":"HS257"}`)) + "." + enc(mustJSON(t, goodClaims())) + ".c2ln", Options{}
		}},
		{"alg known", "ALG_MISSING_OR_UNKNOWN", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"alg not allowed", "ALG_NOT_EXPECTED", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Algs: []string{"RS256"}}
		}},
		{"alg allowed", "ALG_NOT_EXPECTED", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Algs: []string{"HS256"}}
		}},
		{"confusion", "ALG_CONFUSION", true, func(t *testing.T) (string, Options) {
			k, _ := rsa.GenerateKey(rand.Reader, 2048)
			return hs(t, nil, goodClaims()), Options{Keys: []keys.Set{{Keys: []keys.Key{{Public: &k.PublicKey}}, Source: "rsa"}}}
		}},
		{"confusion via PEM secret", "ALG_CONFUSION", true, func(t *testing.T) (string, Options) {
			pem := []byte("-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n")
			return sign(t, "HS256", pem, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(pem, "secret")}}
		}},
		{"hmac with secret", "ALG_CONFUSION", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(secret, "secret")}}
		}},
		{"sig empty", "SIG_EMPTY", true, func(t *testing.T) (string, Options) {
			tok := hs(t, nil, goodClaims())
			return tok[:strings.LastIndex(tok, ".")+1], Options{}
		}},
		{"sig present", "SIG_EMPTY", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"sig length", "SIG_LENGTH", true, func(t *testing.T) (string, Options) {
			tok := hs(t, nil, goodClaims())
			return tok[:len(tok)-4], Options{}
		}},
		{"psychic", "SIG_LENGTH", true, func(t *testing.T) (string, Options) {
			return enc([]byte(`{"alg":"ES256"}`)) + "." + enc(mustJSON(t, goodClaims())) + "." + enc(make([]byte, 64)), Options{}
		}},
		{"sig length right", "SIG_LENGTH", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"hmac short", "HMAC_KEY_SHORT", true, func(t *testing.T) (string, Options) {
			s := []byte("0123456789abcdef")
			return sign(t, "HS256", s, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(s, "s")}}
		}},
		{"hmac long enough", "HMAC_KEY_SHORT", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(secret, "s")}}
		}},
		{"hmac guessable", "HMAC_KEY_GUESSABLE", true, func(t *testing.T) (string, Options) {
			s := []byte("your-256-bit-secret")
			return sign(t, "HS256", s, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(s, "s")}}
		}},
		{"hmac not guessable", "HMAC_KEY_GUESSABLE", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(secret, "s")}}
		}},
		{"rsa small", "RSA_KEY_SMALL", true, func(t *testing.T) (string, Options) {
			k, _ := rsa.GenerateKey(rand.Reader, 1024)
			return sign(t, "RS256", k, nil, goodClaims()), Options{Keys: []keys.Set{{Keys: []keys.Key{{Public: &k.PublicKey}}, Source: "k"}}}
		}},
		{"rsa 2048", "RSA_KEY_SMALL", false, func(t *testing.T) (string, Options) {
			kp := newKey(t, "RS256")
			return sign(t, "RS256", kp.private, nil, goodClaims()), Options{Keys: []keys.Set{kp.set}}
		}},
		{"trailing ws", "KEY_TRAILING_WS", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(append(append([]byte{}, secret...), '\n'), "s")}}
		}},
		{"clean secret", "KEY_TRAILING_WS", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Keys: []keys.Set{keys.SecretSet(secret, "s")}}
		}},
		{"jku", "JKU_X5U_PRESENT", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"jku": "https://evil.example/jwks"}, goodClaims()), Options{}
		}},
		{"x5u", "JKU_X5U_PRESENT", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"x5u": "https://evil.example/cert"}, goodClaims()), Options{}
		}},
		{"no jku", "JKU_X5U_PRESENT", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"jwk embedded", "JWK_EMBEDDED", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"jwk": map[string]any{"kty": "oct", "k": "AA"}}, goodClaims()), Options{}
		}},
		{"no jwk", "JWK_EMBEDDED", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"x5c", "X5C_PRESENT", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"x5c": []string{"MIIB"}}, goodClaims()), Options{}
		}},
		{"no x5c", "X5C_PRESENT", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"kid traversal", "KID_SUSPICIOUS", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"kid": "../../dev/null"}, goodClaims()), Options{}
		}},
		{"kid sql", "KID_SUSPICIOUS", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"kid": "x' UNION SELECT 'key"}, goodClaims()), Options{}
		}},
		{"kid number", "KID_SUSPICIOUS", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"kid": 7}, goodClaims()), Options{}
		}},
		{"kid normal", "KID_SUSPICIOUS", false, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"kid": "2026-rsa+Zk/b3Q="}, goodClaims()), Options{}
		}},
		{"kid not in jwks", "KID_NOT_IN_JWKS", true, func(t *testing.T) (string, Options) {
			kp := newKey(t, "RS256")
			kp.set.Keys[0].ID = "k1"
			return sign(t, "RS256", kp.private, map[string]any{"kid": "k9"}, goodClaims()), Options{Keys: []keys.Set{kp.set}}
		}},
		{"kid in jwks", "KID_NOT_IN_JWKS", false, func(t *testing.T) (string, Options) {
			kp := newKey(t, "RS256")
			kp.set.Keys[0].ID = "k1"
			return sign(t, "RS256", kp.private, map[string]any{"kid": "k1"}, goodClaims()), Options{Keys: []keys.Set{kp.set}}
		}},
		{"crit", "CRIT_UNKNOWN", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"crit": []string{"b64"}, "b64": false}, goodClaims()), Options{}
		}},
		{"no crit", "CRIT_UNKNOWN", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"typ odd", "TYP_UNEXPECTED", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"typ": "refresh"}, goodClaims()), Options{}
		}},
		{"typ not the expected", "TYP_UNEXPECTED", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"typ": "JWT"}, goodClaims()), Options{Typ: "at+jwt"}
		}},
		{"typ at+jwt", "TYP_UNEXPECTED", false, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"typ": "application/at+jwt"}, goodClaims()), Options{Typ: "at+jwt"}
		}},
		{"at+jwt missing claims", "AT_JWT_REQUIRED_CLAIMS", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"typ": "at+jwt"}, goodClaims()), Options{}
		}},
		{"at+jwt complete", "AT_JWT_REQUIRED_CLAIMS", false, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"typ": "at+jwt"}, with(goodClaims(), "client_id", "c1")), Options{}
		}},
		{"exp missing", "EXP_MISSING", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "exp", nil)), Options{}
		}},
		{"exp present", "EXP_MISSING", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"expired", "EXPIRED", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "exp", now.Add(-time.Second).Unix())), Options{}
		}},
		{"expired within leeway", "EXPIRED", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "exp", now.Add(-10*time.Second).Unix())), Options{Leeway: 30 * time.Second}
		}},
		{"not yet valid", "NOT_YET_VALID", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "nbf", now.Add(time.Minute).Unix())), Options{}
		}},
		{"valid now", "NOT_YET_VALID", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "nbf", now.Add(-time.Minute).Unix())), Options{}
		}},
		{"iat future", "IAT_FUTURE", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "iat", now.Add(2*time.Minute).Unix())), Options{}
		}},
		{"iat past", "IAT_FUTURE", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"exp before iat", "TIME_WINDOW_INCONSISTENT", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "iat", now.Add(20*time.Minute).Unix())), Options{}
		}},
		{"nbf after exp", "TIME_WINDOW_INCONSISTENT", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "nbf", now.Add(20*time.Minute).Unix())), Options{}
		}},
		{"window fine", "TIME_WINDOW_INCONSISTENT", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"lifetime long", "LIFETIME_LONG", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "exp", now.Add(400*24*time.Hour).Unix())), Options{}
		}},
		{"lifetime short", "LIFETIME_LONG", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"exp string", "TIME_NOT_NUMERICDATE", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "exp", "2026-12-01")), Options{}
		}},
		{"exp millis", "TIME_NOT_NUMERICDATE", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "exp", now.Add(time.Hour).UnixMilli())), Options{}
		}},
		{"exp seconds", "TIME_NOT_NUMERICDATE", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"duplicate payload key", "DUPLICATE_JSON_KEYS", true, func(t *testing.T) (string, Options) {
			return signRaw(t, "HS256", secret, []byte(`{"alg":"HS256"}`), []byte(`{"sub":"alice","sub":"admin","exp":1900000000}`)), Options{}
		}},
		{"duplicate header key", "DUPLICATE_JSON_KEYS", true, func(t *testing.T) (string, Options) {
			return signRaw(t, "HS256", secret, []byte(`{"alg":"HS256","alg":"none"}`), mustJSON(t, goodClaims())), Options{}
		}},
		{"unique keys", "DUPLICATE_JSON_KEYS", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"b64 padding", "B64_NON_CANONICAL", true, func(t *testing.T) (string, Options) {
			tok := hs(t, nil, goodClaims())
			parts := strings.Split(tok, ".")
			return parts[0] + "==." + parts[1] + "." + parts[2], Options{}
		}},
		{"b64 canonical", "B64_NON_CANONICAL", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"zip in jws", "ZIP_IN_JWS", true, func(t *testing.T) (string, Options) {
			return hs(t, map[string]any{"zip": "DEF"}, goodClaims()), Options{}
		}},
		{"no zip", "ZIP_IN_JWS", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"id token without azp", "OIDC_ID_TOKEN_CHECKS", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "nonce", "n", "aud", []string{"a", "b"})), Options{}
		}},
		{"id token with azp", "OIDC_ID_TOKEN_CHECKS", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "nonce", "n", "aud", []string{"a", "b"}, "azp", "a")), Options{}
		}},
		{"jti missing", "JTI_MISSING", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "jti", nil)), Options{}
		}},
		{"jti present", "JTI_MISSING", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"sensitive", "SENSITIVE_CLAIMS", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "email", "a@example.com")), Options{}
		}},
		{"not sensitive", "SENSITIVE_CLAIMS", false, func(t *testing.T) (string, Options) { return hs(t, nil, goodClaims()), Options{} }},
		{"issuer mismatch", "ISS_MISMATCH", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Issuer: "https://other.example.com/"}
		}},
		{"issuer missing", "ISS_MISMATCH", true, func(t *testing.T) (string, Options) {
			c := goodClaims()
			delete(c, "iss")
			return hs(t, nil, c), Options{Issuer: "https://idp.example.com/"}
		}},
		{"issuer match", "ISS_MISMATCH", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Issuer: "https://idp.example.com/"}
		}},
		{"audience mismatch", "AUD_MISMATCH", true, func(t *testing.T) (string, Options) {
			return hs(t, nil, goodClaims()), Options{Audience: "api://billing"}
		}},
		{"audience in list", "AUD_MISMATCH", false, func(t *testing.T) (string, Options) {
			return hs(t, nil, with(goodClaims(), "aud", []string{"api://x", "api://billing"})), Options{Audience: "api://billing"}
		}},
		{"token in url", "TOKEN_IN_URL", true, func(t *testing.T) (string, Options) {
			return "curl 'https://api.example.com/x?access_token=" + hs(t, nil, goodClaims()) + "'", Options{}
		}},
		{"token in header", "TOKEN_IN_URL", false, func(t *testing.T) (string, Options) {
			return "curl -H 'Authorization: Bearer " + hs(t, nil, goodClaims()) + "' https://api.example.com/x", Options{}
		}},
		{"bearer over http", "BEARER_OVER_HTTP", true, func(t *testing.T) (string, Options) {
			return "curl -H 'Authorization: Bearer " + hs(t, nil, goodClaims()) + "' http://api.example.com/x", Options{}
		}},
		{"bearer over loopback http", "BEARER_OVER_HTTP", false, func(t *testing.T) (string, Options) {
			return "curl -H 'Authorization: Bearer " + hs(t, nil, goodClaims()) + "' http://127.0.0.1:8080/x", Options{}
		}},
	}
	covered := map[string]bool{}
	for _, c := range cases {
		t.Run(c.id+"/"+c.name, func(t *testing.T) {
			raw, opts := c.build(t)
			r := analyzeRaw(t, raw, opts)
			if got := contains(findingIDs(r), c.id); got != c.fires {
				t.Fatalf("%s fired=%v, want %v; findings %v", c.id, got, c.fires, findingIDs(r))
			}
		})
		covered[c.id+"/"+map[bool]string{true: "on", false: "off"}[c.fires]] = true
	}
	for _, id := range lintIDs() {
		if !covered[id+"/on"] || !covered[id+"/off"] {
			t.Errorf("lint %s needs a case that fires and one that does not", id)
		}
	}
}

// lintIDs is every finding id the token and key checks can produce.
func lintIDs() []string {
	return []string{"ALG_NONE", "ALG_MISSING_OR_UNKNOWN", "ALG_NOT_EXPECTED", "ALG_CONFUSION", "SIG_EMPTY",
		"SIG_LENGTH", "HMAC_KEY_SHORT", "HMAC_KEY_GUESSABLE", "RSA_KEY_SMALL", "KEY_TRAILING_WS",
		"JKU_X5U_PRESENT", "JWK_EMBEDDED", "X5C_PRESENT", "KID_SUSPICIOUS", "KID_NOT_IN_JWKS",
		"CRIT_UNKNOWN", "TYP_UNEXPECTED", "AT_JWT_REQUIRED_CLAIMS", "EXP_MISSING", "EXPIRED",
		"NOT_YET_VALID", "IAT_FUTURE", "TIME_WINDOW_INCONSISTENT", "LIFETIME_LONG",
		"TIME_NOT_NUMERICDATE", "DUPLICATE_JSON_KEYS", "B64_NON_CANONICAL", "ZIP_IN_JWS",
		"OIDC_ID_TOKEN_CHECKS", "JTI_MISSING", "SENSITIVE_CLAIMS", "ISS_MISMATCH", "AUD_MISMATCH",
		"TOKEN_IN_URL", "BEARER_OVER_HTTP"}
}

func TestFindingsHaveSentences(t *testing.T) {
	r := analyzeRaw(t, hs(t, map[string]any{"jku": "https://x"}, with(goodClaims(), "exp", nil, "jti", nil)), Options{})
	for _, f := range r.Findings {
		if f.Message == "" || !strings.HasSuffix(f.Message, ".") || f.Severity == "" {
			t.Errorf("%s: %q is not one sentence with a severity", f.ID, f.Message)
		}
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatal(err)
	}
}
