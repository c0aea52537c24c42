package cli

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// joseVector is one entry of testdata/jose-vectors.json.
type joseVector struct {
	Name          string          `json:"name"`
	Alg           string          `json:"alg"`
	ExpectValid   bool            `json:"expect_valid"`
	Token         string          `json:"token"`
	KeyJWK        json.RawMessage `json:"key_jwk"`
	PayloadIsJSON *bool           `json:"payload_is_json"`
}

func loadVectors(t *testing.T) []joseVector {
	t.Helper()
	var vs []joseVector
	if err := json.Unmarshal([]byte(readFile(t, vectorsPath)), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

func vector(t *testing.T, name string) joseVector {
	t.Helper()
	for _, v := range loadVectors(t) {
		if v.Name == name {
			return v
		}
	}
	t.Fatalf("no vector %s", name)
	return joseVector{}
}

// vectorNow is a clock at which the RFC tokens are valid (testdata README).
const vectorNow = "2011-03-22T18:36:40Z"

const (
	ghpToken   = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
	twoSegment = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0"
)

// decodeJSON runs decode --json and returns the parsed object.
func decodeJSON(t *testing.T, o inv, args ...string) (map[string]any, result) {
	t.Helper()
	r := run(t, o, append([]string{"decode", "--json"}, args...)...)
	var m map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
		t.Fatalf("stdout is not a JSON object: %v\n%s", err, r)
	}
	return m, r
}

func obj(t *testing.T, m map[string]any, name string) map[string]any {
	t.Helper()
	o, ok := m[name].(map[string]any)
	if !ok {
		t.Fatalf("%q is %T (%v), want an object", name, m[name], m[name])
	}
	return o
}

func findingIDs(m map[string]any) []string {
	var ids []string
	fs, _ := m["findings"].([]any)
	for _, f := range fs {
		if fo, ok := f.(map[string]any); ok {
			ids = append(ids, fmt.Sprint(fo["id"]))
		}
	}
	return ids
}

func hasFinding(m map[string]any, id string) bool {
	for _, f := range findingIDs(m) {
		if f == id {
			return true
		}
	}
	return false
}

func hasErrorFinding(m map[string]any) bool {
	fs, _ := m["findings"].([]any)
	for _, f := range fs {
		if fo, ok := f.(map[string]any); ok && fo["severity"] == "error" {
			return true
		}
	}
	return false
}

func sigStatus(t *testing.T, m map[string]any) string {
	t.Helper()
	return fmt.Sprint(obj(t, m, "signature")["status"])
}

// tamper replaces the demo token's payload with another one, keeping the
// header and signature.
func tamper(tok string) string {
	parts := strings.Split(tok, ".")
	parts[1] = base64.RawURLEncoding.EncodeToString([]byte(`{"sub":"admin","exp":1767228300,"iat":1767224700,"nbf":1767224700,"jti":"x"}`))
	return strings.Join(parts, ".")
}

// rsaJWK is an RSA public key as a JWK with the given kid ("" for none).
func rsaJWK(t *testing.T, pub *rsa.PublicKey, kid string) map[string]any {
	t.Helper()
	return map[string]any{
		"kty": "RSA", "kid": kid, "use": "sig",
		"n": base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
	}
}

func demoPublic(t *testing.T) *rsa.PublicKey {
	t.Helper()
	block, _ := pem.Decode([]byte(readFile(t, demoKeyPath)))
	if block == nil {
		t.Fatal("demo-key.pem holds no PEM block")
	}
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return pub.(*rsa.PublicKey)
}

// demoJWKS is a key set holding another key and the demo key, both with kids.
func demoJWKS(t *testing.T) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{"keys": []any{
		rsaJWK(t, &testRSA().PublicKey, "other-2025"),
		rsaJWK(t, demoPublic(t), "demo-2026"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testSecret is distinctive so that a leak into any output is easy to spot.
const testSecret = "S3cr3t-why401-Zq8xV3pLm2Nc7Rt4Wy9Kb6Hd1Fg5"

func hmacToken(t *testing.T, secret []byte, extra map[string]any) string {
	t.Helper()
	return sign(t, jwt.SigningMethodHS256, secret, claimsAround(extra), nil)
}

// TestDecodeExitCodes covers CONTRACT "Exit codes" for decode.
func TestDecodeExitCodes(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	wrongKey := writeFile(t, "wrong.pem", publicPEM(t, &testRSA().PublicKey))
	jwks := writeFile(t, "jwks.json", demoJWKS(t))
	otherOnly, _ := json.Marshal(map[string]any{"keys": []any{rsaJWK(t, &testRSA().PublicKey, "other-2025")}})
	otherJWKS := writeFile(t, "other.json", otherOnly)
	secretFile := writeFile(t, "secret", []byte(testSecret))
	jwe := vector(t, "RFC7520-6-nested-outer-JWE").Token
	none := vector(t, "RFC7515-A.5-unsecured-none").Token
	missing := filepath.Join(t.TempDir(), "no-such-key.pem")

	cases := []struct {
		name  string
		o     inv
		args  []string
		code  int
		sig   string // expected signature.status, "" to skip
		times string // expected time.status, "" to skip
	}{
		{"verified with --key", inv{}, []string{"--key", demoKeyPath, "--now", demoNow, tok}, 0, "verified", "valid"},
		{"verified with a JWKS", inv{}, []string{"--key", jwks, "--now", demoNow, tok}, 0, "verified", "valid"},
		{"no key, no error finding", inv{}, []string{"--now", demoNow, tok}, 0, "unverified", "valid"},
		{"expired", inv{}, []string{"--now", "2027-01-01T00:00:00Z", tok}, 1, "unverified", "expired"},
		{"expired with a key", inv{}, []string{"--key", demoKeyPath, "--now", "2027-01-01T00:00:00Z", tok}, 1, "verified", "expired"},
		{"not yet valid", inv{}, []string{"--now", "2025-12-31T23:00:00Z", tok}, 1, "unverified", "not_yet_valid"},
		{"wrong key", inv{}, []string{"--key", wrongKey, "--now", demoNow, tok}, 1, "invalid", "valid"},
		{"kid not in the JWKS", inv{}, []string{"--key", otherJWKS, "--now", demoNow, tok}, 1, "invalid", ""},
		{"tampered payload", inv{}, []string{"--key", demoKeyPath, "--now", demoNow, tamper(tok)}, 1, "invalid", ""},
		{"HMAC secret for an RS256 token", inv{}, []string{"--secret-file", secretFile, "--now", demoNow, tok}, 1, "invalid", ""},
		{"alg none", inv{}, []string{"--now", vectorNow, none}, 1, "unsecured", ""},
		{"opaque github_pat", inv{}, []string{"--now", demoNow, ghpToken}, 0, "unsupported", "not_applicable"},
		{"opaque unknown", inv{}, []string{"--now", demoNow, "0123456789abcdef0123"}, 0, "unsupported", "not_applicable"},
		{"JWE", inv{}, []string{"--now", demoNow, jwe}, 0, "unsupported", "not_applicable"},
		{"JWE with a key", inv{}, []string{"--key", demoKeyPath, "--now", demoNow, jwe}, 0, "unsupported", "not_applicable"},
		{"malformed: two segments", inv{}, []string{"--now", demoNow, twoSegment}, 2, "", ""},
		{"malformed: four segments", inv{}, []string{"--now", demoNow, tok + ".x"}, 2, "", ""},
		{"malformed: header not JSON", inv{}, []string{"--now", demoNow, "eyJub3QganNvbg.eyJ9.c2ln"}, 2, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, r := decodeJSON(t, c.o, c.args...)
			if r.code != c.code {
				t.Fatalf("want exit %d:\n%s", c.code, r)
			}
			if c.sig != "" && sigStatus(t, m) != c.sig {
				t.Errorf("signature.status = %v, want %s", sigStatus(t, m), c.sig)
			}
			if c.times != "" && obj(t, m, "time")["status"] != c.times {
				t.Errorf("time.status = %v, want %s", obj(t, m, "time")["status"], c.times)
			}
			if c.code == 0 && hasErrorFinding(m) {
				t.Errorf("exit 0 with an error finding: %v", m["findings"])
			}
			if c.code == 2 && m["kind"] != "malformed" {
				t.Errorf("exit 2 but kind %v", m["kind"])
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine ") {
				t.Errorf("stderr: %s", r.stderr)
			}
			// The human report exits the same way.
			if h := run(t, c.o, append([]string{"decode"}, c.args...)...); h.code != c.code {
				t.Errorf("human output: exit %d, want %d:\n%s", h.code, c.code, h)
			}
		})
	}

	errCases := []struct {
		name string
		o    inv
		args []string
	}{
		{"unreadable --key", inv{}, []string{"--key", missing, "--now", demoNow, tok}},
		{"--key that holds no key", inv{}, []string{"--key", writeFile(t, "junk.pem", []byte("not a key")), "--now", demoNow, tok}},
		{"unreadable --secret-file", inv{}, []string{"--secret-file", missing, "--now", demoNow, tok}},
		{"--secret-env not set", inv{}, []string{"--secret-env", "WHY401_NO_SUCH_VAR", "--now", demoNow, tok}},
		{"--secret-file and --secret-env", inv{env: map[string]string{"S": "x"}}, []string{"--secret-file", secretFile, "--secret-env", "S", tok}},
		{"unknown --secret-encoding", inv{}, []string{"--secret-file", secretFile, "--secret-encoding", "hex", tok}},
		{"secret not base64", inv{}, []string{"--secret-file", writeFile(t, "s.b64", []byte("***not base64***")), "--secret-encoding", "base64", tok}},
		{"bad --now", inv{}, []string{"--now", "2026-01-01 00:00", tok}},
		{"--now without zone", inv{}, []string{"--now", "2026-01-01T00:00:00", tok}},
		{"negative --leeway", inv{}, []string{"--leeway", "-5s", "--now", demoNow, tok}},
		{"unknown --alg", inv{}, []string{"--alg", "RS257", "--now", demoNow, tok}},
		{"unknown flag", inv{}, []string{"--bogus", tok}},
		{"two tokens", inv{}, []string{tok, tok}},
		{"empty stdin", inv{stdin: ""}, []string{"-"}},
		{"blank stdin", inv{stdin: " \n\t\n"}, []string{"-"}},
		{"no token and stdin a terminal", inv{stdinTTY: true}, nil},
		{"--profile without a config", inv{}, []string{"--profile", "dev", tok}},
		{"curl command without a token", inv{}, []string{"curl https://api.example.com/x"}},
		{"--jwks over plain http to another host", inv{}, []string{"--jwks", "http://keys.example.com/jwks.json", "--now", demoNow, tok}},
		{"--discover over plain http to another host", inv{}, []string{"--discover", "http://idp.example.com", "--now", demoNow, tok}},
		{"--jwks not a URL", inv{}, []string{"--jwks", "keys.json", "--now", demoNow, tok}},
		{"--jwks ftp", inv{}, []string{"--jwks", "ftp://127.0.0.1/jwks.json", "--now", demoNow, tok}},
	}
	for _, c := range errCases {
		for _, asJSON := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/json=%v", c.name, asJSON), func(t *testing.T) {
				args := append([]string{"decode"}, c.args...)
				if asJSON {
					args = append([]string{"decode", "--json"}, c.args...)
				}
				r := run(t, c.o, args...)
				if r.code != 2 {
					t.Fatalf("want exit 2:\n%s", r)
				}
				checkOneSentence(t, r, asJSON)
			})
		}
	}
}

// TestDecodeJSONShape checks every top-level member of CONTRACT's decode
// shape and its type, for each kind of token.
func TestDecodeJSONShape(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	es512 := vector(t, "RFC7515-A.4-ES512")
	jwe := vector(t, "RFC7520-6-nested-outer-JWE").Token
	es512Key := writeFile(t, "es512.jwk", es512.KeyJWK)

	cases := []struct {
		name   string
		args   []string
		kind   string
		form   string
		opaque any // expected opaque_format (nil: null)
		check  func(t *testing.T, m map[string]any)
	}{
		{"verified JWS", []string{"--key", demoKeyPath, "--now", demoNow, tok}, "jws", "raw", nil, func(t *testing.T, m map[string]any) {
			h := obj(t, m, "header")
			if h["alg"] != "RS256" || h["kid"] != "demo-2026" {
				t.Errorf("header = %v", h)
			}
			p := obj(t, m, "payload")
			if p["sub"] != "user-42" {
				t.Errorf("payload = %v", p)
			}
			if m["payload_text"] != nil {
				t.Errorf("payload_text = %v, want null", m["payload_text"])
			}
			s := obj(t, m, "signature")
			if s["status"] != "verified" || s["alg"] != "RS256" || s["error"] != nil {
				t.Errorf("signature = %v", s)
			}
			if k, _ := s["key"].(string); !strings.Contains(k, "--key "+demoKeyPath) {
				t.Errorf("signature.key %q does not name the key file", k)
			}
			tm := obj(t, m, "time")
			want := map[string]any{"status": "valid", "now": demoNow, "exp": "2026-01-01T00:45:00Z",
				"iat": "2025-12-31T23:45:00Z", "nbf": "2025-12-31T23:45:00Z", "expires_in_seconds": 2700.0}
			for k, v := range want {
				if tm[k] != v {
					t.Errorf("time.%s = %v, want %v", k, tm[k], v)
				}
			}
			if fs := m["findings"].([]any); len(fs) != 0 {
				t.Errorf("findings = %v, want []", fs)
			}
		}},
		{"expired JWS", []string{"--now", "2026-01-01T00:48:12Z", tok}, "jws", "raw", nil, func(t *testing.T, m map[string]any) {
			tm := obj(t, m, "time")
			if tm["status"] != "expired" || tm["expires_in_seconds"] != -192.0 {
				t.Errorf("time = %v", tm)
			}
			if !hasFinding(m, "EXPIRED") {
				t.Errorf("findings %v lack EXPIRED", findingIDs(m))
			}
			if sigStatus(t, m) != "unverified" {
				t.Errorf("signature.status = %s, want unverified", sigStatus(t, m))
			}
		}},
		{"RFC 7515 A.4 ES512, text payload", []string{"--key", es512Key, "--now", vectorNow, es512.Token}, "jws", "raw", nil, func(t *testing.T, m map[string]any) {
			if m["payload"] != nil {
				t.Errorf("payload = %v, want null", m["payload"])
			}
			if m["payload_text"] != "Payload" {
				t.Errorf("payload_text = %v, want \"Payload\"", m["payload_text"])
			}
			if sigStatus(t, m) != "verified" {
				t.Errorf("signature.status = %s, want verified", sigStatus(t, m))
			}
			// No claims to evaluate: either reading is defensible, but not valid/expired.
			if st := obj(t, m, "time")["status"]; st != "no_expiry" && st != "not_applicable" {
				t.Errorf("time.status = %v, want no_expiry or not_applicable", st)
			}
		}},
		{"RFC 7520 JWE", []string{"--now", demoNow, jwe}, "jwe", "raw", nil, func(t *testing.T, m map[string]any) {
			h := obj(t, m, "header")
			if h["alg"] != "RSA-OAEP" || h["enc"] == nil {
				t.Errorf("header = %v", h)
			}
			if m["payload"] != nil || m["payload_text"] != nil {
				t.Errorf("payload = %v, payload_text = %v; a JWE is not decrypted", m["payload"], m["payload_text"])
			}
			if obj(t, m, "time")["status"] != "not_applicable" || sigStatus(t, m) != "unsupported" {
				t.Errorf("time = %v, signature = %v", m["time"], m["signature"])
			}
		}},
		{"opaque GitHub PAT", []string{"--now", demoNow, ghpToken}, "opaque", "raw", "github_pat", func(t *testing.T, m map[string]any) {
			if m["header"] != nil || m["payload"] != nil {
				t.Errorf("header = %v, payload = %v; want null for opaque", m["header"], m["payload"])
			}
			if obj(t, m, "time")["status"] != "not_applicable" || sigStatus(t, m) != "unsupported" {
				t.Errorf("time = %v, signature = %v", m["time"], m["signature"])
			}
		}},
		{"opaque Google OAuth as Bearer", []string{"--now", demoNow, "Bearer ya29.a0AfH6SMBx-example"}, "opaque", "bearer", "google_oauth", nil},
		{"malformed, two segments", []string{"--now", demoNow, twoSegment}, "malformed", "raw", nil, func(t *testing.T, m map[string]any) {
			if e, _ := m["error"].(string); e == "" {
				t.Errorf("error = %v, want a string saying where it broke", m["error"])
			}
			if obj(t, m, "header")["alg"] != "HS256" {
				t.Errorf("the decodable header is not shown: %v", m["header"])
			}
		}},
		{"malformed, undecodable header", []string{"--now", demoNow, "eyJub3QganNvbg.eyJ9.c2ln"}, "malformed", "raw", nil, func(t *testing.T, m map[string]any) {
			if e, _ := m["error"].(string); !strings.Contains(e, "header") {
				t.Errorf("error = %v, want it to say the header broke", m["error"])
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, r := decodeJSON(t, inv{}, c.args...)
			if r.code == 2 && c.kind != "malformed" {
				t.Fatalf("unexpected exit 2:\n%s", r)
			}
			for _, name := range []string{"input_form", "kind", "opaque_format", "header", "payload", "payload_text", "signature", "time", "findings", "error"} {
				if _, ok := m[name]; !ok {
					t.Errorf("member %q is missing", name)
				}
			}
			if m["input_form"] != c.form {
				t.Errorf("input_form = %v, want %s", m["input_form"], c.form)
			}
			if m["kind"] != c.kind {
				t.Errorf("kind = %v, want %s", m["kind"], c.kind)
			}
			if m["opaque_format"] != c.opaque {
				t.Errorf("opaque_format = %v, want %v", m["opaque_format"], c.opaque)
			}
			// header, signature and time are always objects (opaque: header null).
			if c.kind != "opaque" {
				if _, ok := m["header"].(map[string]any); !ok {
					t.Errorf("header is %T (%v), want an object", m["header"], m["header"])
				}
			}
			s := obj(t, m, "signature")
			for _, k := range []string{"status", "alg", "key", "error"} {
				if _, ok := s[k]; !ok {
					t.Errorf("signature.%s is missing", k)
				}
			}
			tm := obj(t, m, "time")
			for _, k := range []string{"status", "now", "exp", "iat", "nbf", "expires_in_seconds"} {
				if _, ok := tm[k]; !ok {
					t.Errorf("time.%s is missing", k)
				}
			}
			if _, err := time.Parse(time.RFC3339, fmt.Sprint(tm["now"])); err != nil {
				t.Errorf("time.now %v is not RFC 3339", tm["now"])
			}
			if m["payload"] != nil {
				if _, ok := m["payload"].(map[string]any); !ok {
					t.Errorf("payload is %T", m["payload"])
				}
			}
			if v := m["payload_text"]; v != nil {
				if _, ok := v.(string); !ok {
					t.Errorf("payload_text is %T", v)
				}
			}
			fs, ok := m["findings"].([]any)
			if !ok {
				t.Fatalf("findings is %T (%v), want an array", m["findings"], m["findings"])
			}
			for _, f := range fs {
				fo, ok := f.(map[string]any)
				if !ok {
					t.Fatalf("finding %v is not an object", f)
				}
				if id, _ := fo["id"].(string); id == "" || id != strings.ToUpper(id) {
					t.Errorf("finding id %v", fo["id"])
				}
				switch fo["severity"] {
				case "info", "warning", "error":
				default:
					t.Errorf("finding severity %v", fo["severity"])
				}
				if msg, _ := fo["message"].(string); msg == "" {
					t.Errorf("finding %v has no message", fo["id"])
				}
			}
			if c.kind == "malformed" {
				if _, ok := m["error"].(string); !ok {
					t.Errorf("error is %v, want a string for malformed", m["error"])
				}
			} else if m["error"] != nil {
				t.Errorf("error = %v, want null", m["error"])
			}
			if c.check != nil {
				c.check(t, m)
			}
		})
	}
}

// TestDecodeInputForms: every input form of CONTRACT "Input forms", as an
// argument, from stdin with -, and from stdin with no argument.
func TestDecodeInputForms(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	wrapped := tok[:60] + "\n  " + tok[60:140] + "\r\n\t" + tok[140:]
	cases := []struct {
		name, input, form string
	}{
		{"raw", tok, "raw"},
		{"raw with a trailing newline", tok + "\n", "raw"},
		{"raw in double quotes", `"` + tok + `"`, "raw"},
		{"raw in single quotes", `'` + tok + `'`, "raw"},
		{"raw wrapped over lines", wrapped, "raw"},
		{"bearer", "Bearer " + tok, "bearer"},
		{"bearer lower case", "bearer " + tok, "bearer"},
		{"bearer upper case, wrapped", "BEARER " + wrapped, "bearer"},
		{"dpop", "DPoP " + tok, "dpop"},
		{"dpop lower case", "dpop " + tok, "dpop"},
		{"authorization header", "Authorization: Bearer " + tok, "authorization_header"},
		{"authorization header lower case", "authorization:Bearer " + tok + "\r\n", "authorization_header"},
		{"cookie", "session=" + tok + "; theme=dark", "cookie"},
		{"cookie header", "Cookie: theme=dark; access_token=" + tok, "cookie"},
		{"set-cookie", "Set-Cookie: session=" + tok + "; Path=/; Secure; HttpOnly", "set_cookie"},
		{"curl -H", "curl -H 'Authorization: Bearer " + tok + "' https://api.example.com/orders", "curl"},
		{"curl copied from a browser", "curl 'https://api.example.com/orders' \\\n  -H 'accept: application/json' \\\n  -H 'authorization: Bearer " + tok + "' \\\n  --compressed", "curl"},
		{"curl --oauth2-bearer", "curl --oauth2-bearer " + tok + " https://api.example.com/orders", "curl"},
		{"curl -b", `curl -b "session=` + tok + `" https://api.example.com/orders`, "curl"},
		{"curl $'…' quoting", "curl -H $'Authorization: Bearer " + tok + "' https://api.example.com/", "curl"},
		{"http request", "GET /orders HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer " + tok + "\r\nAccept: */*\r\n\r\n", "http_request"},
		{"http request, LF", "POST /orders HTTP/1.1\nHost: api.example.com\nAuthorization: DPoP " + tok + "\nContent-Type: application/json\n\n{\"a\":1}\n", "http_request"},
	}
	for _, c := range cases {
		ways := []struct {
			name string
			o    inv
			arg  []string
		}{
			{"argument", inv{}, []string{c.input}},
			{"stdin -", inv{stdin: c.input}, []string{"-"}},
			{"stdin, no argument", inv{stdin: c.input}, nil},
		}
		for _, w := range ways {
			t.Run(c.name+"/"+w.name, func(t *testing.T) {
				args := append([]string{"--key", demoKeyPath, "--now", demoNow}, w.arg...)
				m, r := decodeJSON(t, w.o, args...)
				if r.code != 0 {
					t.Fatalf("want exit 0:\n%s", r)
				}
				if m["input_form"] != c.form {
					t.Errorf("input_form = %v, want %s", m["input_form"], c.form)
				}
				if m["kind"] != "jws" || sigStatus(t, m) != "verified" {
					t.Errorf("kind %v, signature %v: the token was not extracted intact", m["kind"], m["signature"])
				}
			})
		}
	}
}

// TestDecodeKeys: --key (PEM, JWK, JWKS), HMAC secrets with their
// encodings, --alg and --leeway.
func TestDecodeKeys(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	jwks := write("jwks.json", demoJWKS(t))
	oneJWK, _ := json.Marshal(rsaJWK(t, demoPublic(t), "demo-2026"))
	jwk := write("demo.jwk", oneJWK)
	noKidJWK := rsaJWK(t, demoPublic(t), "")
	delete(noKidJWK, "kid")
	noKid, _ := json.Marshal(map[string]any{"keys": []any{noKidJWK}})
	jwksNoKid := write("nokid.json", noKid)

	// HMAC: a printable secret, and a binary one whose base64 and base64url
	// texts differ (bytes 0xfb 0xff encode to + and / or - and _).
	binSecret := []byte{0xfb, 0xff, 0xbf, 0x01, 0x02, 0xfe, 0xfd, 0x10, 0x20, 0x30, 0xfb, 0xef, 0xbe, 0x11, 0x22, 0x33,
		0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0xfa, 0xfb, 0xfc, 0xfd}
	hs := hmacToken(t, []byte(testSecret), nil)
	hsBin := hmacToken(t, binSecret, nil)
	rawSecret := write("secret.txt", []byte(testSecret))
	nlSecret := write("secret-nl.txt", []byte(testSecret+"\n"))
	b64Secret := write("secret.b64", []byte(base64.StdEncoding.EncodeToString(binSecret)+"\n"))
	b64uSecret := write("secret.b64u", []byte(base64.RawURLEncoding.EncodeToString(binSecret)))
	if strings.Trim(base64.StdEncoding.EncodeToString(binSecret), "=") == base64.RawURLEncoding.EncodeToString(binSecret) {
		t.Fatal("test secret does not tell base64 from base64url")
	}

	// The algorithm-confusion attack: an HS256 token "signed" with the
	// bytes of a public key, offered the public key as the secret.
	pubPEM := publicPEM(t, &testRSA().PublicKey)
	pemFile := write("public.pem", pubPEM)
	confused := sign(t, jwt.SigningMethodHS256, pubPEM, claimsAround(nil), nil)

	// Expired 10 seconds before the clock.
	expired10 := sign(t, jwt.SigningMethodRS256, testRSA(), claimsAround(map[string]any{"exp": demoNowTime.Add(-10 * time.Second).Unix()}), nil)
	testPub := write("test.pem", pubPEM)

	cases := []struct {
		name    string
		o       inv
		args    []string
		code    int
		sig     string
		key     string // substring of signature.key
		finding string // a finding id that must be present
		noFind  string // a finding id that must be absent
	}{
		{"PEM", inv{}, []string{"--key", demoKeyPath, tok}, 0, "verified", "--key " + demoKeyPath, "", "KID_NOT_IN_JWKS"},
		{"JWK", inv{}, []string{"--key", jwk, tok}, 0, "verified", "kid demo-2026 from --key " + jwk, "", ""},
		{"JWKS, kid match", inv{}, []string{"--key", jwks, tok}, 0, "verified", "kid demo-2026 from --key " + jwks, "", "KID_NOT_IN_JWKS"},
		{"JWKS without kids", inv{}, []string{"--key", jwksNoKid, tok}, 0, "verified", jwksNoKid, "", ""},
		{"PEM and JWKS together", inv{}, []string{"--key", jwks, "--secret-file", rawSecret, tok}, 0, "verified", "kid demo-2026", "", ""},
		{"--alg allows it", inv{}, []string{"--key", demoKeyPath, "--alg", "RS256,ES256", tok}, 0, "verified", "", "", "ALG_NOT_EXPECTED"},
		{"--alg repeated", inv{}, []string{"--key", demoKeyPath, "--alg", "ES256", "--alg", "RS256", tok}, 0, "verified", "", "", "ALG_NOT_EXPECTED"},
		{"--alg excludes it", inv{}, []string{"--key", demoKeyPath, "--alg", "ES256", tok}, 1, "invalid", "", "ALG_NOT_EXPECTED", ""},
		{"--alg PS256 for an RS256 token", inv{}, []string{"--key", jwks, "--alg", "PS256", tok}, 1, "invalid", "", "ALG_NOT_EXPECTED", ""},
		{"secret raw", inv{}, []string{"--secret-file", rawSecret, hs}, 0, "verified", "--secret-file " + rawSecret, "", "KEY_TRAILING_WS"},
		{"secret raw, explicit", inv{}, []string{"--secret-file", rawSecret, "--secret-encoding", "raw", hs}, 0, "verified", "", "", ""},
		{"secret with a trailing newline", inv{}, []string{"--secret-file", nlSecret, hs}, 0, "verified", "", "KEY_TRAILING_WS", ""},
		{"secret base64", inv{}, []string{"--secret-file", b64Secret, "--secret-encoding", "base64", hsBin}, 0, "verified", "", "", ""},
		{"secret base64url", inv{}, []string{"--secret-file", b64uSecret, "--secret-encoding", "base64url", hsBin}, 0, "verified", "", "", ""},
		{"secret base64 read raw", inv{}, []string{"--secret-file", b64Secret, hsBin}, 1, "invalid", "", "", ""},
		{"secret base64url read as base64", inv{}, []string{"--secret-file", b64uSecret, "--secret-encoding", "base64", hsBin}, 2, "", "", "", ""},
		{"--secret-env", inv{env: map[string]string{"JWT_SECRET_T": testSecret}}, []string{"--secret-env", "JWT_SECRET_T", hs}, 0, "verified", "--secret-env JWT_SECRET_T", "", ""},
		{"--secret-env base64url", inv{env: map[string]string{"JWT_SECRET_T": base64.RawURLEncoding.EncodeToString(binSecret)}}, []string{"--secret-env", "JWT_SECRET_T", "--secret-encoding", "base64url", hsBin}, 0, "verified", "", "", ""},
		{"wrong secret", inv{}, []string{"--secret-file", write("wrong.txt", []byte("another-secret-of-32-bytes-length!!")), hs}, 1, "invalid", "", "", ""},
		{"PEM public key as HMAC secret", inv{}, []string{"--secret-file", pemFile, confused}, 1, "invalid", "", "ALG_CONFUSION", ""},
		{"PEM public key as --key for HS256", inv{}, []string{"--key", pemFile, confused}, 1, "invalid", "", "ALG_CONFUSION", ""},
		{"expired by 10s", inv{}, []string{"--key", testPub, expired10}, 1, "verified", "", "EXPIRED", ""},
		{"expired by 10s, --leeway 30s", inv{}, []string{"--key", testPub, "--leeway", "30s", expired10}, 0, "verified", "", "", "EXPIRED"},
		{"expired by 10s, --leeway 5s", inv{}, []string{"--key", testPub, "--leeway", "5s", expired10}, 1, "verified", "", "EXPIRED", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"--now", demoNow}, c.args...)
			m, r := decodeJSON(t, c.o, args...)
			if r.code != c.code {
				t.Fatalf("want exit %d:\n%s", c.code, r)
			}
			if c.code == 2 {
				checkOneSentence(t, r, true)
				return
			}
			if got := sigStatus(t, m); got != c.sig {
				t.Errorf("signature.status = %s, want %s (%v)", got, c.sig, m["signature"])
			}
			if c.key != "" {
				if k, _ := obj(t, m, "signature")["key"].(string); !strings.Contains(k, c.key) {
					t.Errorf("signature.key = %q, want it to contain %q", k, c.key)
				}
			}
			if c.finding != "" && !hasFinding(m, c.finding) {
				t.Errorf("findings %v lack %s", findingIDs(m), c.finding)
			}
			if c.noFind != "" && hasFinding(m, c.noFind) {
				t.Errorf("findings %v hold %s", findingIDs(m), c.noFind)
			}
			if c.sig == "invalid" {
				if e, _ := obj(t, m, "signature")["error"].(string); e == "" {
					t.Errorf("an invalid signature says nothing in signature.error: %v", m["signature"])
				}
			}
		})
	}

	t.Run("leeway shows in time", func(t *testing.T) {
		m, _ := decodeJSON(t, inv{}, "--now", demoNow, "--leeway", "30s", "--key", testPub, expired10)
		if tm := obj(t, m, "time"); tm["status"] != "valid" || tm["expires_in_seconds"] != -10.0 {
			t.Errorf("time = %v, want valid with expires_in_seconds -10", tm)
		}
	})
}

// keyServer is a loopback identity provider: a JWKS and an OIDC discovery
// document whose issuer is the server's own URL unless issuer is set.
type keyServer struct {
	*httptest.Server
	hits atomic.Int32
}

func newKeyServer(t *testing.T, jwks []byte, issuer string) *keyServer {
	t.Helper()
	ks := &keyServer{}
	mux := http.NewServeMux()
	mux.HandleFunc("/jwks.json", func(w http.ResponseWriter, r *http.Request) {
		ks.hits.Add(1)
		w.Header().Set("Content-Type", "application/jwk-set+json")
		w.Write(jwks)
	})
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, r *http.Request) {
		iss := issuer
		if iss == "" {
			iss = ks.URL
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"issuer": iss, "jwks_uri": ks.URL + "/jwks.json"})
	})
	ks.Server = httptest.NewServer(mux)
	t.Cleanup(ks.Close)
	return ks
}

// TestDecodeRemoteKeys: --jwks and --discover against a loopback server,
// the issuer check, plain http only on loopback, and the cache location.
func TestDecodeRemoteKeys(t *testing.T) {
	t.Parallel()
	tok := demoToken(t)
	good := newKeyServer(t, demoJWKS(t), "")
	evil := newKeyServer(t, demoJWKS(t), "https://idp.example.com")
	empty := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(empty.Close)

	cases := []struct {
		name string
		args []string
		code int
		key  string
	}{
		{"--jwks", []string{"--jwks", good.URL + "/jwks.json"}, 0, "kid demo-2026 from JWKS " + good.URL + "/jwks.json"},
		{"--jwks via localhost", []string{"--jwks", strings.Replace(good.URL, "127.0.0.1", "localhost", 1) + "/jwks.json"}, 0, "kid demo-2026"},
		{"--discover", []string{"--discover", good.URL}, 0, "kid demo-2026"},
		{"--discover, issuer mismatch", []string{"--discover", evil.URL}, 2, ""},
		{"--jwks 404", []string{"--jwks", empty.URL + "/jwks.json"}, 2, ""},
		{"--discover 404", []string{"--discover", empty.URL}, 2, ""},
		{"--jwks that is not a key set", []string{"--jwks", good.URL + "/.well-known/openid-configuration"}, 2, ""},
	}
	for _, c := range cases {
		for _, asJSON := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/json=%v", c.name, asJSON), func(t *testing.T) {
				cache := t.TempDir()
				o := inv{env: map[string]string{"XDG_CACHE_HOME": cache}}
				args := append(append([]string{"decode", "--now", demoNow}, c.args...), tok)
				if asJSON {
					args = append([]string{"decode", "--json"}, args[1:]...)
				}
				r := run(t, o, args...)
				if r.code != c.code {
					t.Fatalf("want exit %d:\n%s", c.code, r)
				}
				if c.code != 0 {
					checkOneSentence(t, r, asJSON)
					return
				}
				if r.stderr != "" {
					t.Errorf("stderr: %q", r.stderr)
				}
				if asJSON {
					var m map[string]any
					if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
						t.Fatal(err)
					}
					if sigStatus(t, m) != "verified" {
						t.Errorf("signature = %v", m["signature"])
					}
					if k, _ := obj(t, m, "signature")["key"].(string); !strings.Contains(k, c.key) {
						t.Errorf("signature.key = %q, want it to contain %q", k, c.key)
					}
				}
				// Fetched key documents are cached under $XDG_CACHE_HOME/why401.
				entries, _ := os.ReadDir(filepath.Join(cache, "why401"))
				if len(entries) == 0 {
					t.Errorf("nothing was cached under %s/why401", cache)
				}
			})
		}
	}

	t.Run("issuer mismatch says why in one sentence", func(t *testing.T) {
		r := run(t, inv{}, "decode", "--now", demoNow, "--discover", evil.URL, tok)
		checkOneSentence(t, r, false)
		if !strings.Contains(r.stderr, "issuer") {
			t.Errorf("stderr does not mention the issuer: %q", r.stderr)
		}
	})

	t.Run("cached JWKS is reused", func(t *testing.T) {
		ks := newKeyServer(t, demoJWKS(t), "")
		o := inv{env: map[string]string{"XDG_CACHE_HOME": t.TempDir()}}
		for i := 0; i < 2; i++ {
			if r := run(t, o, "decode", "--now", demoNow, "--jwks", ks.URL+"/jwks.json", tok); r.code != 0 {
				t.Fatalf("run %d: %s", i, r)
			}
		}
		if n := ks.hits.Load(); n != 1 {
			t.Errorf("the JWKS was fetched %d times, want 1 (then cached)", n)
		}
	})
}

// TestDecodeSecretNeverPrinted: an HMAC secret's value never reaches
// stdout or stderr, whether the signature verifies, fails or errors.
func TestDecodeSecretNeverPrinted(t *testing.T) {
	t.Parallel()
	hs := hmacToken(t, []byte(testSecret), nil)
	other := hmacToken(t, []byte("a-different-secret-0123456789abcdef"), nil)
	b64 := base64.StdEncoding.EncodeToString([]byte(testSecret))
	rawFile := writeFile(t, "raw", []byte(testSecret))
	nlFile := writeFile(t, "nl", []byte(testSecret+"\r\n"))
	b64File := writeFile(t, "b64", []byte(b64))
	env := map[string]string{"MY_SECRET": testSecret, "MY_SECRET_B64": b64}
	cases := []struct {
		name string
		args []string
	}{
		{"verified", []string{"--secret-file", rawFile, hs}},
		{"verified after trimming", []string{"--secret-file", nlFile, hs}},
		{"verified base64", []string{"--secret-file", b64File, "--secret-encoding", "base64", hs}},
		{"env verified", []string{"--secret-env", "MY_SECRET", hs}},
		{"env base64", []string{"--secret-env", "MY_SECRET_B64", "--secret-encoding", "base64", hs}},
		{"wrong key", []string{"--secret-file", rawFile, other}},
		{"wrong key via env", []string{"--secret-env", "MY_SECRET", other}},
		{"tampered", []string{"--secret-file", rawFile, tamper(hs)}},
		{"RS256 token", []string{"--secret-env", "MY_SECRET", demoToken(t)}},
		{"raw secret read as base64", []string{"--secret-env", "MY_SECRET", "--secret-encoding", "base64", hs}},
		{"raw secret read as base64url", []string{"--secret-file", rawFile, "--secret-encoding", "base64url", hs}},
		{"--alg excludes HS256", []string{"--secret-file", rawFile, "--alg", "HS512", hs}},
		{"bad --now after the secret", []string{"--secret-file", rawFile, "--now", "never", hs}},
		{"both sources", []string{"--secret-file", rawFile, "--secret-env", "MY_SECRET", hs}},
		{"malformed token", []string{"--secret-file", rawFile, twoSegment}},
	}
	for _, c := range cases {
		for _, mode := range []string{"human", "json", "terminal"} {
			t.Run(c.name+"/"+mode, func(t *testing.T) {
				o := inv{env: env, stdoutTTY: mode == "terminal"}
				args := append([]string{"decode", "--now", demoNow}, c.args...)
				if mode == "json" {
					args = append([]string{"decode", "--json", "--now", demoNow}, c.args...)
				}
				r := run(t, o, args...)
				for _, leak := range []string{testSecret, b64, strings.TrimRight(b64, "=")} {
					if strings.Contains(r.stdout, leak) || strings.Contains(r.stderr, leak) {
						t.Errorf("the secret (%q) was printed:\n%s", leak, r)
					}
				}
				if r.code == 2 && !strings.Contains(c.name, "malformed") {
					checkOneSentence(t, r, mode == "json")
				}
			})
		}
	}
}

// TestDecodeTerminalSafety: text from the token reaches the terminal only
// with its control characters shown as escapes, with colour on or off.
func TestDecodeTerminalSafety(t *testing.T) {
	t.Parallel()
	const clear, title = "\x1b[2J", "\x1b]0;title\x07"
	key := testRSA()
	pubFile := writeFile(t, "test.pem", publicPEM(t, &key.PublicKey))
	jwksData, _ := json.Marshal(map[string]any{"keys": []any{rsaJWK(t, &key.PublicKey, "k1"), rsaJWK(t, demoPublic(t), "k2")}})
	jwksFile := writeFile(t, "jwks.json", jwksData)

	evilClaims := claimsAround(map[string]any{"sub": clear, "name": "Mallory" + title, "nested": map[string]any{"x": clear}, clear: "key"})
	claimsTok := sign(t, jwt.SigningMethodRS256, key, evilClaims, nil)
	kidTok := sign(t, jwt.SigningMethodRS256, key, claimsAround(nil), map[string]any{"kid": "k" + clear})
	typTok := sign(t, jwt.SigningMethodRS256, key, claimsAround(nil), map[string]any{"typ": title, "cty": clear})
	textTok := func() string {
		parts := strings.Split(sign(t, jwt.SigningMethodRS256, key, claimsAround(nil), nil), ".")
		parts[1] = base64.RawURLEncoding.EncodeToString([]byte("plain " + clear + title))
		return strings.Join(parts, ".")
	}()
	// A header whose alg carries the escape: unsigned, hand made.
	algTok := func(alg string) string {
		h, _ := json.Marshal(map[string]any{"alg": alg, "typ": "JWT"})
		p, _ := json.Marshal(claimsAround(nil))
		return base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(p) + "." +
			base64.RawURLEncoding.EncodeToString(make([]byte, 256))
	}
	validTok := sign(t, jwt.SigningMethodRS256, key, claimsAround(nil), nil)
	malformedHeader, _ := json.Marshal(map[string]string{"alg": clear, "kid": title})
	malformedTok := base64.RawURLEncoding.EncodeToString(malformedHeader) + ".e30"

	cases := []struct {
		name string
		args []string
	}{
		{"claims", []string{claimsTok}},
		{"claims, verified", []string{"--key", pubFile, claimsTok}},
		{"header typ and cty", []string{typTok}},
		{"text payload", []string{textTok}},
		{"kid, no key", []string{kidTok}},
		{"kid, verified with a key without kids", []string{"--key", pubFile, kidTok}},
		{"kid, not in the JWKS", []string{"--key", jwksFile, kidTok}},
		{"alg, no key", []string{algTok("RS256" + clear)}},
		{"alg, with a key", []string{"--key", pubFile, algTok("RS256" + title)}},
		{"alg not allowed by --alg", []string{"--key", pubFile, "--alg", "RS256", algTok(title)}},
		{"HS alg with a public key", []string{"--key", pubFile, algTok("HS256" + clear)}},
		{"malformed with an escape in the header", []string{malformedTok}},
		{"cookie name", []string{"Cookie: a" + title + "=" + validTok + "; b=" + validTok}},
		{"curl header name", []string{"curl -H $'X-\\e[2J-Token: " + validTok + "' -H 'X-Auth-Token: " + validTok + "' https://api.example.com/"}},
		{"opaque token", []string{"ghp_abc" + clear}},
		{"bearer with a control char", []string{"Bearer x" + title + "y"}},
		{"error naming a key file", []string{"--key", filepath.Join(t.TempDir(), "k"+clear+".pem"), validTok}},
	}
	for _, c := range cases {
		for _, tty := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/terminal=%v", c.name, tty), func(t *testing.T) {
				r := run(t, inv{stdoutTTY: tty}, append([]string{"decode", "--now", demoNow}, c.args...)...)
				if r.code == 2 && r.stdout == "" {
					checkOneSentence(t, r, false)
				}
				out := r.stdout + r.stderr
				if !tty {
					noESC(t, "human output", out)
				}
				for _, seq := range []string{clear, title, "\x07", "\x1b]", "\x1b[2J"} {
					if strings.Contains(out, seq) {
						t.Errorf("output holds the raw sequence %q:\n%q", seq, out)
					}
				}
				// Only SGR colour sequences may remain on a terminal.
				if tty {
					stripped := sgr.ReplaceAllString(out, "")
					noESC(t, "output without its colour codes", stripped)
				}
			})
		}
	}
	t.Run("escaped form is shown", func(t *testing.T) {
		r := run(t, inv{}, "decode", "--now", demoNow, claimsTok)
		if !strings.Contains(r.stdout, `\x1b[2J`) {
			t.Errorf("the claim value is not shown escaped:\n%s", r.stdout)
		}
	})
	t.Run("JSON escapes control characters", func(t *testing.T) {
		r := run(t, inv{stdoutTTY: true}, "decode", "--json", "--now", demoNow, "--key", pubFile, claimsTok)
		noESC(t, "JSON", r.stdout)
		var m map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &m); err != nil {
			t.Fatal(err)
		}
		if obj(t, m, "payload")["sub"] != clear {
			t.Errorf("payload.sub = %q, want the original value", obj(t, m, "payload")["sub"])
		}
	})
}

// TestDecodeJOSEVectors runs every RFC vector through the command with its
// key as a JWK file: valid ones exit 0 verified, the negatives exit 1.
func TestDecodeJOSEVectors(t *testing.T) {
	t.Parallel()
	for _, v := range loadVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			args := []string{"--now", vectorNow}
			isJWE := v.Alg == "RSA-OAEP"
			if len(v.KeyJWK) > 0 && string(v.KeyJWK) != "null" && !isJWE {
				args = append(args, "--key", writeFile(t, "key.jwk", v.KeyJWK))
			}
			m, r := decodeJSON(t, inv{}, append(args, v.Token)...)
			switch {
			case isJWE:
				if r.code != 0 || m["kind"] != "jwe" || sigStatus(t, m) != "unsupported" {
					t.Errorf("JWE: %s", r)
				}
			case v.ExpectValid:
				if r.code != 0 || sigStatus(t, m) != "verified" {
					t.Errorf("want exit 0 and verified:\n%s", r)
				}
			default:
				if r.code != 1 || sigStatus(t, m) == "verified" {
					t.Errorf("want exit 1 and not verified:\n%s", r)
				}
			}
			if v.PayloadIsJSON != nil && !isJWE {
				if *v.PayloadIsJSON != (m["payload_text"] == nil) {
					t.Errorf("payload_is_json %v but payload_text = %v", *v.PayloadIsJSON, m["payload_text"])
				}
			}
		})
	}
}
