package token

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func seedTokens(f *testing.F) {
	for _, v := range loadVectors(f) {
		f.Add(v.Token)
	}
	for _, s := range []string{jwtA, "Bearer " + jwtA, "ghp_x", "a.b", "a.b.c.d.e", "eyJ.eyJ.", "e30.e30.e30",
		"eyJhbGciOiJub25lIn0.eyJleHAiOiIxIn0.", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln"} {
		f.Add(s)
	}
}

// FuzzDecodeToken checks properties of Decode and Analyze on any input:
// no panic, segments are the input byte for byte, the signing input is the
// first two segments, decoded JSON is valid, and the report marshals.
func FuzzDecodeToken(f *testing.F) {
	seedTokens(f)
	f.Fuzz(func(t *testing.T, raw string) {
		tok := Decode(raw)
		switch tok.Kind {
		case KindJWS, KindJWE, KindMalformed:
			if strings.Join(tok.Segments, ".") != raw {
				t.Fatalf("segments %q do not rebuild %q", tok.Segments, raw)
			}
		case KindOpaque:
		default:
			t.Fatalf("kind %q", tok.Kind)
		}
		if tok.Kind == KindJWS && tok.SigningInput() != tok.Segments[0]+"."+tok.Segments[1] {
			t.Fatal("signing input differs from the raw segments")
		}
		if tok.Header != nil && !json.Valid(tok.Header) || tok.Payload != nil && !json.Valid(tok.Payload) {
			t.Fatal("decoded JSON is not valid")
		}
		if tok.PayloadText != nil && !utf8.ValidString(*tok.PayloadText) {
			t.Fatal("payload text is not UTF-8")
		}
		r := Analyze(Input{Form: FormRaw, Token: raw}, Options{Now: testNow})
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("report does not marshal: %v", err)
		}
	})
}

// FuzzReadInput: any paste is read without panic, the token found has no
// whitespace, and reading the found token again gives the same token.
func FuzzReadInput(f *testing.F) {
	seedTokens(f)
	for _, s := range []string{"curl -H 'Authorization: Bearer x.y.z' https://a/", "Cookie: a=b; s=eyJ.x.y",
		"GET / HTTP/1.1\r\nAuthorization: Bearer abc\r\n\r\n", "Set-Cookie: s=v; Path=/", `"quoted"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in, err := ReadInput(s)
		if err != nil {
			return
		}
		if strings.ContainsAny(in.Token, " \t\r\n") && in.Form != FormCurl && in.Form != FormHTTPRequest {
			t.Fatalf("token %q keeps whitespace", in.Token)
		}
		if in.Token == "" || in.Form != FormRaw {
			return
		}
		again, err := ReadInput(in.Token)
		if err != nil || again.Token != in.Token {
			t.Fatalf("re-reading %q gave %q, %v", in.Token, again.Token, err)
		}
	})
}
