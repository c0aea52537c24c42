package dpop

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/asn1"
	"encoding/base64"
	"encoding/hex"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestCheckValidProofs(t *testing.T) {
	for _, alg := range []string{"ES256", "RS256", "PS256", "EdDSA"} {
		t.Run(alg, func(t *testing.T) {
			f := newFixture(t, alg)
			proof, probs := Check(f.sign(t), f.params)
			if len(probs) > 0 {
				t.Fatalf("valid proof refused: %+v", probs)
			}
			if proof.JKT != f.params.TokenJKT || proof.Header["typ"] != "dpop+jwt" || proof.Claims["htm"] != "GET" {
				t.Fatalf("proof = %+v", proof)
			}
		})
	}
}

// breakCase changes one thing about a valid ES256 proof. edit changes the
// parts before signing; after, if set, changes the signed string.
type breakCase struct {
	name  string
	edit  func(t *testing.T, f *fixture)
	after func(proof string) string
	check string // "" means the proof must still pass
	want  string // a substring of the message
}

func runBreakCases(t *testing.T, cases []breakCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, "ES256")
			if c.edit != nil {
				c.edit(t, f)
			}
			proof := f.sign(t)
			if c.after != nil {
				proof = c.after(proof)
			}
			_, probs := Check(proof, f.params)
			assertOne(t, probs, c.check, c.want)
		})
	}
}

// assertOne wants exactly one problem with the given check and message
// part, or none when check is "".
func assertOne(t *testing.T, probs []Problem, check, want string) {
	t.Helper()
	if check == "" {
		if len(probs) > 0 {
			t.Fatalf("want no problems, got %+v", probs)
		}
		return
	}
	if len(probs) != 1 || probs[0].Check != check || !strings.Contains(probs[0].Message, want) {
		t.Fatalf("want one %s problem containing %q, got %+v", check, want, probs)
	}
	if strings.ContainsAny(probs[0].Message, "\n\r") {
		t.Fatalf("message is not one line: %q", probs[0].Message)
	}
}

func setHeader(name string, v any) func(*testing.T, *fixture) {
	return func(_ *testing.T, f *fixture) { f.header[name] = v }
}

func setClaim(name string, v any) func(*testing.T, *fixture) {
	return func(_ *testing.T, f *fixture) {
		if v == nil {
			delete(f.claims, name)
			return
		}
		f.claims[name] = v
	}
}

func setParams(edit func(p *Params)) func(*testing.T, *fixture) {
	return func(_ *testing.T, f *fixture) { edit(&f.params) }
}

func TestCheckHeader(t *testing.T) {
	runBreakCases(t, []breakCase{
		{name: "typ missing", edit: func(_ *testing.T, f *fixture) { delete(f.header, "typ") }, check: CheckTyp, want: "no typ"},
		{name: "typ JWT", edit: setHeader("typ", "JWT"), check: CheckTyp, want: "typ is JWT but must be dpop+jwt (is this an access token"},
		{name: "typ number", edit: setHeader("typ", 1), check: CheckTyp, want: "a number"},
		{name: "typ other case", edit: setHeader("typ", "DPoP+JWT")},
		{name: "typ with application/", edit: setHeader("typ", "application/dpop+jwt")},
		{name: "alg not in algs", edit: setParams(func(p *Params) { p.Algs = []string{"PS256"} }), check: CheckAlg, want: "alg is ES256 but the server accepts only PS256"},
		{name: "alg for another curve", edit: func(_ *testing.T, f *fixture) { f.header["alg"], f.params.Algs = "ES384", nil }, check: CheckAlg, want: "alg is ES384, which needs an EC key on P-384, but jwk is an EC key on P-256"},
		{name: "alg unknown", edit: func(_ *testing.T, f *fixture) { f.header["alg"], f.params.Algs = "ES256K", nil }, check: CheckAlg, want: "ES256K"},
		{name: "alg missing", edit: func(_ *testing.T, f *fixture) { delete(f.header, "alg") }, check: CheckAlg, want: "no alg"},
		{name: "jwk missing", edit: func(_ *testing.T, f *fixture) { delete(f.header, "jwk") }, check: CheckJWK, want: "no jwk"},
		{name: "jwk a string", edit: setHeader("jwk", "abc"), check: CheckJWK, want: "jwk is a string"},
		{name: "jwk private", edit: func(_ *testing.T, f *fixture) { f.jwk()["d"] = "c2VjcmV0" }, check: CheckJWK, want: "private key member d"},
		{name: "jwk symmetric", edit: setHeader("jwk", map[string]any{"kty": "oct", "k": "c2VjcmV0"}), check: CheckJWK, want: "symmetric key (kty oct)"},
		{name: "jwk lacks y", edit: func(_ *testing.T, f *fixture) { delete(f.jwk(), "y") }, check: CheckJWK, want: "lacks y"},
		{name: "jwk off curve", edit: func(_ *testing.T, f *fixture) { f.jwk()["y"], f.params.TokenJKT = f.jwk()["x"], "" }, check: CheckJWK, want: "not a usable public key"},
		{name: "jwk kty unknown", edit: func(_ *testing.T, f *fixture) { f.jwk()["kty"] = "XYZ" }, check: CheckJWK, want: `kty "XYZ"`},
		{name: "jwk with kid and use", edit: func(_ *testing.T, f *fixture) { f.jwk()["kid"], f.jwk()["use"] = "k1", "bogus" }},
	})
}

func TestCheckUnsignedAndHMAC(t *testing.T) {
	f := newFixture(t, "ES256")
	f.header["alg"] = "none"
	f.method, f.key = jwt.SigningMethodNone, jwt.UnsafeAllowNoneSignatureType
	_, probs := Check(f.sign(t), f.params)
	assertOne(t, probs, CheckAlg, "alg is none: the proof is unsigned")

	f = newFixture(t, "ES256")
	f.header["alg"] = "HS256"
	f.method, f.key = jwt.SigningMethodHS256, []byte("0123456789abcdef0123456789abcdef")
	_, probs = Check(f.sign(t), f.params)
	assertOne(t, probs, CheckAlg, "symmetric (HMAC)")
}

func TestCheckSmallRSAKey(t *testing.T) {
	f := newFixture(t, "RS256")
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	f.key = small
	f.header["jwk"] = publicJWK(t, small)
	f.params.TokenJKT = ""
	_, probs := Check(f.sign(t), f.params)
	assertOne(t, probs, CheckJWK, "1024-bit RSA key; RFC 7518 §3.3 requires at least 2048 bits")
}

func TestCheckHugeRSAKey(t *testing.T) {
	f := newFixture(t, "RS256")
	n := make([]byte, 3000) // 24000 bits
	n[0], n[len(n)-1] = 0x80, 1
	f.jwk()["n"] = base64.RawURLEncoding.EncodeToString(n)
	f.params.TokenJKT = ""
	start := time.Now()
	_, probs := Check(f.sign(t), f.params)
	assertOne(t, probs, CheckJWK, "24000-bit RSA key, larger than any real key")
	if d := time.Since(start); d > time.Second {
		t.Fatalf("took %v", d)
	}
}

func TestCheckSignature(t *testing.T) {
	runBreakCases(t, []breakCase{
		{name: "other key", edit: func(t *testing.T, f *fixture) {
			f.header["jwk"] = publicJWK(t, newKey(t, "ES256"))
			f.params.TokenJKT = ""
		}, check: CheckSignature, want: "does not verify"},
		{name: "payload changed", after: func(p string) string {
			parts := strings.Split(p, ".")
			parts[1] = base64.RawURLEncoding.EncodeToString([]byte(`{"htm":"GET","htu":"` + testHTU + `","iat":` + itoa(testNow().Unix()) + `,"jti":"x","ath":"` + ATH(testToken) + `","nonce":"` + testNonce + `"}`))
			return strings.Join(parts, ".")
		}, check: CheckSignature, want: "altered after signing"},
		{name: "empty signature", after: func(p string) string { return p[:strings.LastIndex(p, ".")+1] }, check: CheckSignature, want: "empty"},
		{name: "DER signature", after: toDER, check: CheckSignature, want: "not the DER encoding"},
		{name: "short signature", after: func(p string) string { return p[:len(p)-4] }, check: CheckSignature, want: "must be 64"},
	})
}

// toDER re-encodes an ES256 proof's signature the way crypto libraries
// return it, which JWS does not accept.
func toDER(p string) string {
	i := strings.LastIndex(p, ".")
	sig, _ := base64.RawURLEncoding.DecodeString(p[i+1:])
	der, _ := asn1.Marshal(struct{ R, S *big.Int }{new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])})
	return p[:i+1] + base64.RawURLEncoding.EncodeToString(der)
}

func itoa(n int64) string { return big.NewInt(n).String() }

func TestCheckHTMAndHTU(t *testing.T) {
	runBreakCases(t, []breakCase{
		{name: "htm other method", edit: setClaim("htm", "POST"), check: CheckHTM, want: "htm is POST but the request method is GET"},
		{name: "htm lower case", edit: setClaim("htm", "get"), check: CheckHTM, want: "case-sensitive"},
		{name: "htm missing", edit: setClaim("htm", nil), check: CheckHTM, want: "htm is missing; it must be the request method, GET"},
		{name: "htm number", edit: setClaim("htm", 1), check: CheckHTM, want: "htm is a number"},
		{name: "htu with query", edit: setClaim("htu", testURL), check: CheckHTU,
			want: "htu is https://api.example.com/orders?x=1 but must be https://api.example.com/orders: no query or fragment"},
		{name: "htu with fragment", edit: setClaim("htu", testHTU+"#top"), check: CheckHTU, want: "no query or fragment"},
		{name: "htu trailing slash", edit: setClaim("htu", testHTU+"/"), check: CheckHTU, want: "the path differs (/orders/ vs /orders)"},
		{name: "htu other host", edit: setClaim("htu", "https://www.example.com/orders"), check: CheckHTU, want: "the host differs (www.example.com vs api.example.com)"},
		{name: "htu http", edit: setClaim("htu", "http://api.example.com/orders"), check: CheckHTU, want: "the scheme differs (http vs https)"},
		{name: "htu other port", edit: setClaim("htu", "https://api.example.com:8443/orders"), check: CheckHTU, want: "the port differs (8443 vs none)"},
		{name: "htu relative", edit: setClaim("htu", "/orders"), check: CheckHTU, want: "not an absolute URL"},
		{name: "htu missing", edit: setClaim("htu", nil), check: CheckHTU, want: "htu is missing"},
		{name: "htu default port", edit: setClaim("htu", "https://api.example.com:443/orders")},
		{name: "htu upper-case host", edit: setClaim("htu", "HTTPS://API.Example.COM/orders")},
		{name: "htu dot segments", edit: setClaim("htu", "https://api.example.com/v1/../orders")},
		{name: "htu percent-encoded", edit: setClaim("htu", "https://api.example.com/%6Frders")},
		{name: "request URL with default port", edit: setParams(func(p *Params) { p.URL = "https://api.example.com:443/orders" })},
		{name: "request URL unparsable", edit: setParams(func(p *Params) { p.URL = "orders" }), check: CheckHTU, want: "was not compared"},
	})
}

func TestCheckIAT(t *testing.T) {
	runBreakCases(t, []breakCase{
		{name: "old", edit: setClaim("iat", testNow().Add(-10*time.Minute).Unix()), check: CheckIAT,
			want: "iat is 2026-11-27T09:50:00Z, 10m0s before now (2026-11-27T10:00:00Z); proofs older than 5m0s are refused"},
		{name: "future", edit: setClaim("iat", testNow().Add(7*time.Minute).Unix()), check: CheckIAT, want: "7m0s ahead of now"},
		{name: "milliseconds", edit: setClaim("iat", testNow().UnixMilli()), check: CheckIAT, want: "in milliseconds"},
		{name: "string", edit: setClaim("iat", "1795428000"), check: CheckIAT, want: "iat is a string"},
		{name: "missing", edit: setClaim("iat", nil), check: CheckIAT, want: "iat is missing"},
		{name: "huge", edit: setClaim("iat", 1e300), check: CheckIAT, want: "not a plausible time"},
		{name: "fractional", edit: setClaim("iat", float64(testNow().Unix())-0.5)},
		{name: "inside a wider window", edit: func(_ *testing.T, f *fixture) {
			f.claims["iat"] = testNow().Add(-10 * time.Minute).Unix()
			f.params.MaxAge = 15 * time.Minute
		}},
	})
}

func TestCheckBindingClaims(t *testing.T) {
	sum := sha256.Sum256([]byte(testToken))
	runBreakCases(t, []breakCase{
		{name: "jti missing", edit: setClaim("jti", nil), check: CheckJTI, want: "jti is missing"},
		{name: "jti empty", edit: setClaim("jti", ""), check: CheckJTI, want: "jti is empty"},
		{name: "ath missing", edit: setClaim("ath", nil), check: CheckATH, want: "ath is missing; it must be base64url(SHA-256(access token)), " + ATH(testToken)},
		{name: "ath other token", edit: setClaim("ath", ATH("another")), check: CheckATH, want: "different access token"},
		{name: "ath with scheme", edit: setClaim("ath", ATH("DPoP "+testToken)), check: CheckATH, want: "scheme included"},
		{name: "ath hex", edit: setClaim("ath", hex.EncodeToString(sum[:])), check: CheckATH, want: "in hex"},
		{name: "ath padded", edit: setClaim("ath", base64.URLEncoding.EncodeToString(sum[:])), check: CheckATH, want: "wrong encoding"},
		{name: "no token, no ath", edit: func(_ *testing.T, f *fixture) {
			delete(f.claims, "ath")
			f.params.AccessToken = ""
		}},
		{name: "nonce missing", edit: setClaim("nonce", nil), check: CheckNonce, want: "nonce is missing but the server sent DPoP-Nonce " + testNonce},
		{name: "nonce stale", edit: setClaim("nonce", "old"), check: CheckNonce, want: "nonce is old but the server's latest DPoP-Nonce is " + testNonce},
		{name: "nonce not required", edit: setParams(func(p *Params) { p.Nonce = "" })},
		{name: "key binding", edit: setParams(func(p *Params) { p.TokenJKT = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I" }), check: CheckJKT,
			want: "Invalid DPoP key binding: the proof's jwk has thumbprint"},
		{name: "access token as proof", edit: func(_ *testing.T, f *fixture) {
			f.claims = map[string]any{"sub": "alice", "aud": "api"}
		}, check: CheckClaims, want: "not a DPoP proof"},
	})
}

func TestCheckSyntax(t *testing.T) {
	good := newFixture(t, "ES256")
	proof := good.sign(t)
	parts := strings.Split(proof, ".")
	cases := []struct{ name, proof, want string }{
		{"empty", "", "empty"},
		{"two proofs", proof + ", " + proof, "more than one value"},
		{"two segments", parts[0] + "." + parts[1], "2 dot-separated segments"},
		{"JWE", "a.b.c.d.e", "encrypted JWT"},
		{"line break", parts[0] + ".\n" + parts[1] + "." + parts[2], "whitespace"},
		{"padding", parts[0] + "=." + parts[1] + "." + parts[2], "= padding"},
		{"standard base64", parts[0] + "." + parts[1] + "." + "+/" + parts[2][2:], "standard base64"},
		{"header not JSON", base64.RawURLEncoding.EncodeToString([]byte("hello")) + "." + parts[1] + "." + parts[2], "header is not a JSON object"},
		{"payload an array", parts[0] + "." + base64.RawURLEncoding.EncodeToString([]byte("[1]")) + "." + parts[2], "payload is not a JSON object"},
		{"bad byte", parts[0] + "." + parts[1] + ".ab!d", "bad data at byte 2"},
		{"huge", strings.Repeat("a", maxProofLen+1), "far more than any DPoP proof"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, probs := Check(c.proof, good.params)
			if len(probs) == 0 || probs[0].Check != CheckSyntax || !strings.Contains(probs[0].Message, c.want) {
				t.Fatalf("want a syntax problem containing %q first, got %+v", c.want, probs)
			}
		})
	}
}

func TestCheckReportsEveryFailure(t *testing.T) {
	f := newFixture(t, "ES256")
	f.header["typ"] = "JWT"
	f.claims["htm"] = "POST"
	f.claims["iat"] = testNow().Add(-time.Hour).Unix()
	_, probs := Check(f.sign(t), f.params)
	var got []string
	for _, p := range probs {
		got = append(got, p.Check)
	}
	if strings.Join(got, ",") != "typ,htm,iat" {
		t.Fatalf("checks = %v, want typ,htm,iat in that order", got)
	}
}

func TestCheckDefaultsClock(t *testing.T) {
	f := newFixture(t, "ES256")
	f.claims["iat"] = time.Now().Unix()
	f.params.Now = time.Time{}
	if _, probs := Check(f.sign(t), f.params); len(probs) > 0 {
		t.Fatalf("zero Now should mean the local clock: %+v", probs)
	}
}
