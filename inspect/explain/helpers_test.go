package explain

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/inspect/rawhttp"
	"github.com/why401/why401/inspect/token"
)

// now is the local clock of every case unless a case moves it; responses
// carry the same Date unless a case is about skew.
var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

const httpDate = "Fri, 27 Nov 2026 10:00:00 GMT"

// jwtWith signs claims (times given as offsets from now when time.Duration)
// with a throwaway HS256 secret; explain never verifies unless told to.
func jwtWith(t testing.TB, header map[string]any, claims map[string]any) string {
	t.Helper()
	mc := jwt.MapClaims{}
	for k, v := range claims {
		if d, ok := v.(time.Duration); ok {
			v = now.Add(d).Unix()
		}
		mc[k] = v
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, mc)
	for k, v := range header {
		tok.Header[k] = v
	}
	s, err := tok.SignedString([]byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// baseClaims is a token nothing is wrong with at now.
func baseClaims(kv ...any) map[string]any {
	c := map[string]any{
		"iss": "https://idp.example.com/", "aud": "api://orders", "sub": "u1",
		"iat": -5 * time.Minute, "exp": 10 * time.Minute, "scope": "orders:read",
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(c, kv[i].(string))
		} else {
			c[kv[i].(string)] = kv[i+1]
		}
	}
	return c
}

// exchange builds an Input from a raw response (as curl -si prints it),
// the Authorization value sent ("" for none) and extra request headers.
func exchange(t testing.TB, raw string, auth string, reqHeaders ...string) Input {
	t.Helper()
	rs, err := rawhttp.ParseResponses([]byte(strings.ReplaceAll(raw, "\n", "\r\n")))
	if err != nil {
		t.Fatalf("response: %v", err)
	}
	last := rs[len(rs)-1]
	in := Input{Status: last.Status, Body: last.Body, Now: now,
		Request: Request{Method: "GET", URL: "https://api.example.com/orders"}}
	for _, r := range rs[:len(rs)-1] {
		loc, _ := r.Header("Location")
		in.Redirects = append(in.Redirects, Redirect{Status: r.Status, Location: loc})
	}
	for _, h := range last.Headers {
		in.ResponseHeaders = append(in.ResponseHeaders, Header{h.Name, h.Value})
	}
	if auth != "" {
		in.Request.Headers = append(in.Request.Headers, Header{"Authorization", auth})
		if tin, ok := SentToken(in.Request); ok {
			rep := token.Analyze(tin, token.Options{Now: now})
			in.Token = &rep
		}
	}
	for _, h := range reqHeaders {
		name, value, _ := strings.Cut(h, ":")
		in.Request.Headers = append(in.Request.Headers, Header{name, strings.TrimSpace(value)})
	}
	return in
}

func ids(r Result) []string {
	var out []string
	for _, d := range r.Diagnosis {
		out = append(out, d.ID)
	}
	return out
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
