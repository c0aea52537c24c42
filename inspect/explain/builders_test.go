package explain

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/inspect/dpop"
	"github.com/why401/why401/inspect/keys"
	"github.com/why401/why401/inspect/token"
)

// dateLine is the server Date of every built response unless a case gives
// its own.
const dateLine = "Date: " + httpDate

// resp builds a raw response as curl -si prints it (LF line ends; exchange
// turns them into CRLF). Each header is "Name: value"; a Date header is
// added unless one is given. body may be empty.
func resp(status int, body string, headers ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\n", status, http.StatusText(status))
	hasDate := false
	for _, h := range headers {
		if strings.HasPrefix(strings.ToLower(h), "date:") {
			hasDate = true
		}
	}
	if !hasDate {
		b.WriteString(dateLine + "\n")
	}
	for _, h := range headers {
		b.WriteString(h + "\n")
	}
	b.WriteString("\n")
	b.WriteString(body)
	return b.String()
}

// redirect builds one redirect response of a curl -siL chain.
func redirect(status int, location string) string {
	return fmt.Sprintf("HTTP/1.1 %d %s\n%s\nLocation: %s\nContent-Length: 0\n\n", status, http.StatusText(status), dateLine, location)
}

// tok is a HS256 JWT with baseClaims changed by kv.
func tok(t testing.TB, kv ...any) string { return jwtWith(t, nil, baseClaims(kv...)) }

// tokH is tok with extra JOSE header members.
func tokH(t testing.TB, header map[string]any, kv ...any) string {
	return jwtWith(t, header, baseClaims(kv...))
}

func bearer(s string) string { return "Bearer " + s }

// unsecured is an alg none JWT (RFC 7519 §6) with baseClaims.
func unsecured(t testing.TB) string {
	t.Helper()
	enc := base64.RawURLEncoding
	payload := mustJSON(func() map[string]any {
		m := map[string]any{}
		for k, v := range baseClaims() {
			if d, ok := v.(time.Duration); ok {
				v = now.Add(d).Unix()
			}
			m[k] = v
		}
		return m
	}())
	return enc.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc.EncodeToString([]byte(payload)) + "."
}

// jweToken is a five-segment compact JWE (RFC 7516 §3.1) whose parts are
// opaque to anyone without the key.
func jweToken() string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"enc-1"}`)) +
		".OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg" +
		".48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ"
}

// malformedJWT looks like a JWT (starts with eyJ) but lost its last segment.
func malformedJWT(t testing.TB) string {
	s := tok(t)
	return s[:strings.LastIndex(s, ".")]
}

// withKeys re-analyzes the token of in with trusted keys, as decode --key
// and a profile's jwks_url do.
func withKeys(t testing.TB, in Input, sets ...keys.Set) Input {
	t.Helper()
	if in.Token == nil {
		t.Fatal("withKeys: no token")
	}
	rep := token.Analyze(token.Input{Form: in.Token.InputForm, Token: in.Token.Token.Raw}, token.Options{Now: in.Now, Keys: sets})
	in.Token = &rep
	return in
}

// hmacSet is a one-key set with an HMAC secret and a kid.
func hmacSet(kid, secret string) keys.Set {
	return keys.Set{Keys: []keys.Key{{ID: kid, Alg: "HS256", Public: []byte(secret)}}, Source: "test JWKS"}
}

// testSecret is the secret jwtWith signs with.
const testSecret = "0123456789abcdef0123456789abcdef"

// --- DPoP --------------------------------------------------------------

// dpopKey is a fixed P-256 key, so every run builds the same thumbprint.
var dpopKey = sync.OnceValue(func() *ecdsa.PrivateKey {
	d := make([]byte, 32)
	for i := range d {
		d[i] = byte(i + 1)
	}
	k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d)
	if err != nil {
		panic(err)
	}
	return k
})

// otherDPoPKey is a second fixed key, for key-binding mismatches.
var otherDPoPKey = sync.OnceValue(func() *ecdsa.PrivateKey {
	d := make([]byte, 32)
	for i := range d {
		d[i] = byte(0x40 + i)
	}
	k, err := ecdsa.ParseRawPrivateKey(elliptic.P256(), d)
	if err != nil {
		panic(err)
	}
	return k
})

func ecJWK(k *ecdsa.PrivateKey) map[string]any {
	x, y := make([]byte, 32), make([]byte, 32)
	k.PublicKey.X.FillBytes(x)
	k.PublicKey.Y.FillBytes(y)
	enc := base64.RawURLEncoding
	return map[string]any{"kty": "EC", "crv": "P-256", "x": enc.EncodeToString(x), "y": enc.EncodeToString(y)}
}

// jkt is the RFC 7638 thumbprint of k's public key, as cnf.jkt holds it.
func jkt(t testing.TB, k *ecdsa.PrivateKey) string {
	t.Helper()
	s, err := dpop.Thumbprint(ecJWK(k))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// proofOpts describes a DPoP proof; zero values give a proof that passes
// every check for GET https://api.example.com/orders with accessToken.
type proofOpts struct {
	key         *ecdsa.PrivateKey // default dpopKey
	typ         string            // default dpop+jwt
	htm, htu    string            // default GET and the exchange URL
	iat         time.Duration     // offset from now; default -5s
	nonce       string
	accessToken string // ath is computed from it
	ath         string // overrides the computed ath
}

func proof(t testing.TB, o proofOpts) string {
	t.Helper()
	if o.key == nil {
		o.key = dpopKey()
	}
	if o.typ == "" {
		o.typ = "dpop+jwt"
	}
	if o.htm == "" {
		o.htm = "GET"
	}
	if o.htu == "" {
		o.htu = "https://api.example.com/orders"
	}
	if o.iat == 0 {
		o.iat = -5 * time.Second
	}
	claims := jwt.MapClaims{"jti": "proof-" + o.htm + o.nonce, "htm": o.htm, "htu": o.htu, "iat": now.Add(o.iat).Unix()}
	if o.nonce != "" {
		claims["nonce"] = o.nonce
	}
	switch {
	case o.ath != "":
		claims["ath"] = o.ath
	case o.accessToken != "":
		claims["ath"] = dpop.ATH(o.accessToken)
	}
	p := jwt.NewWithClaims(jwt.SigningMethodES256, claims)
	p.Header = map[string]any{"typ": o.typ, "alg": "ES256", "jwk": ecJWK(o.key)}
	s, err := p.SignedString(o.key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dpopExchange is exchange with `Authorization: DPoP <tok>` and a proof
// built by o (its accessToken defaults to tok).
func dpopExchange(t testing.TB, raw, tok string, o proofOpts) Input {
	t.Helper()
	if o.accessToken == "" && o.ath == "" {
		o.accessToken = tok
	}
	return exchange(t, raw, "DPoP "+tok, "DPoP: "+proof(t, o))
}

// boundToken is a JWT bound to k by cnf.jkt.
func boundToken(t testing.TB, k *ecdsa.PrivateKey, kv ...any) string {
	t.Helper()
	return tok(t, append([]any{"cnf", map[string]any{"jkt": jkt(t, k)}}, kv...)...)
}

// --- small input changes -----------------------------------------------

func at(in Input, local time.Time) Input { in.Now = local; return in }

func expecting(in Input, e Expectations) Input { in.Expect = e; return in }

func others(in Input, envs ...Environment) Input { in.Others = envs; return in }

func withURL(in Input, u string) Input { in.Request.URL = u; return in }

func withMethod(in Input, m string) Input { in.Request.Method = m; return in }

func withMetadata(in Input, m *Metadata) Input { in.Metadata = m; return in }

// analyzedAt re-analyzes the token with another local clock, as the CLI
// does with --now: the token panel and the engine then share that clock.
func analyzedAt(t testing.TB, in Input, local time.Time) Input {
	t.Helper()
	in.Now = local
	if in.Token != nil {
		rep := token.Analyze(token.Input{Form: in.Token.InputForm, Token: in.Token.Token.Raw}, token.Options{Now: local})
		in.Token = &rep
	}
	return in
}
