package token

import (
	"strings"
	"testing"
)

const jwtA = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnYQ"
const jwtB = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiIn0.c2lnYg"

func TestReadInputForms(t *testing.T) {
	cases := []struct {
		name, in string
		form     Form
		token    string
		where    string
	}{
		{"raw", jwtA, FormRaw, jwtA, "raw token"},
		{"raw wrapped over lines", jwtA[:20] + "\n  " + jwtA[20:], FormRaw, jwtA, "raw token"},
		{"raw quoted", `"` + jwtA + `"`, FormRaw, jwtA, "raw token"},
		{"bearer", "Bearer " + jwtA, FormBearer, jwtA, "Bearer value"},
		{"bearer lower case", "bearer   " + jwtA, FormBearer, jwtA, "Bearer value"},
		{"dpop", "DPoP " + jwtA, FormDPoP, jwtA, "DPoP value"},
		{"dpop upper", "DPOP " + jwtA, FormDPoP, jwtA, "DPoP value"},
		{"authorization line", "Authorization: Bearer " + jwtA, FormAuthorizationHeader, jwtA, "Authorization header"},
		{"authorization lower", "authorization:bearer " + jwtA, FormAuthorizationHeader, jwtA, "authorization header"},
		{"authorization basic", "Authorization: Basic YWxpY2U6c2VjcmV0", FormAuthorizationHeader, "YWxpY2U6c2VjcmV0", "Authorization header"},
		{"cookie header", "Cookie: theme=dark; session=" + jwtA + "; lang=en", FormCookie, jwtA, "cookie session"},
		{"cookie string", "theme=dark; id_token=" + jwtA, FormCookie, jwtA, "cookie id_token"},
		{"single cookie", "session=" + jwtA, FormCookie, jwtA, "cookie session"},
		{"set-cookie", "Set-Cookie: access_token=" + jwtA + "; Path=/; HttpOnly; Secure", FormSetCookie, jwtA, "Set-Cookie access_token"},
		{"curl header", "curl -H 'Authorization: Bearer " + jwtA + "' https://api.example.com/orders", FormCurl, jwtA, "Authorization header"},
		{"curl continuation", "curl https://api.example.com/orders \\\n  -H \"Authorization: Bearer " + jwtA + "\" \\\n  -H 'Accept: application/json'", FormCurl, jwtA, "Authorization header"},
		{"curl oauth2-bearer", "curl --oauth2-bearer " + jwtA + " https://api.example.com/", FormCurl, jwtA, "--oauth2-bearer"},
		{"curl cookie", "curl -b 'session=" + jwtA + "' https://api.example.com/", FormCurl, jwtA, "cookie session"},
		{"curl ansi-c quoted", "curl $'https://api.example.com/' -H $'authorization: Bearer " + jwtA + "'", FormCurl, jwtA, "Authorization header"},
		{"curl data field", "curl -d 'token=" + jwtA + "' https://idp.example.com/introspect", FormCurl, jwtA, "body field token"},
		{"http request", "GET /orders HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: Bearer " + jwtA + "\r\n\r\n", FormHTTPRequest, jwtA, "Authorization header"},
		{"http request LF", "POST /orders HTTP/1.1\nHost: api.example.com\nAuthorization: DPoP " + jwtA + "\nDPoP: " + jwtB + "\n\n{}", FormHTTPRequest, jwtA, "Authorization header"},
		{"opaque", "ghp_16C7e42F292c6912E7710c838347Ae178B4a", FormRaw, "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "raw token"},
		{"padded opaque is not a cookie", "dGVzdA==", FormRaw, "dGVzdA==", "raw token"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := ReadInput(c.in)
			if err != nil {
				t.Fatalf("ReadInput: %v", err)
			}
			if in.Form != c.form || in.Token != c.token || in.Where != c.where {
				t.Fatalf("got form %s token %q where %q; want %s %q %q", in.Form, in.Token, in.Where, c.form, c.token, c.where)
			}
		})
	}
}

// TestAuthorizationWins: with several candidates the Authorization header
// is used and the report says so.
func TestAuthorizationWins(t *testing.T) {
	cmd := "curl -b 'session=" + jwtB + "' -H 'X-Api-Key: k' -H 'Authorization: Bearer " + jwtA + "' 'https://api.example.com/?access_token=" + jwtB + "'"
	in, err := ReadInput(cmd)
	if err != nil {
		t.Fatal(err)
	}
	if in.Token != jwtA {
		t.Fatalf("token = %q, want the Authorization one", in.Token)
	}
	src := in.source()
	if src.Candidates != 4 || !strings.Contains(src.Note, "Authorization") {
		t.Fatalf("source = %+v", src)
	}
}

func TestReadInputErrors(t *testing.T) {
	for _, in := range []string{"", "   \n", "curl https://api.example.com/", "curl -H 'unterminated"} {
		if _, err := ReadInput(in); err == nil {
			t.Errorf("ReadInput(%q) succeeded", in)
		}
	}
}

func TestOpaqueFormats(t *testing.T) {
	cases := map[string]string{
		"ghp_16C7e42F292c6912E7710c838347Ae178B4a":                  "github_pat",
		"github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz": "github_fine_grained_pat",
		"gho_16C7e42F292c6912E7710c838347Ae178B4a":                  "github_oauth",
		"ya29.a0AfH6SMBx-example-google-token":                      "google_oauth",
		"xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx":  "slack_bot",
		"xoxp-123-456-789-abc":                                      "slack_user",
		"ASIAIOSFODNN7EXAMPLE":                                      "aws_session_key_id",
		"AKIAIOSFODNN7EXAMPLE":                                      "aws_access_key_id",
		"sv=2022-11-02&ss=b&srt=sco&sp=r&se=2026-01-01&sig=abc%3D":  "azure_sas",
		"just-some-opaque-value":                                    "",
	}
	for raw, want := range cases {
		tok := Decode(raw)
		if tok.Kind != KindOpaque || tok.OpaqueFormat != want {
			t.Errorf("Decode(%q) = %s/%q, want opaque/%q", raw, tok.Kind, tok.OpaqueFormat, want)
		}
	}
}

func TestMalformedStillShowsWhatItCan(t *testing.T) {
	good := strings.Split(jwtA, ".")
	cases := []struct {
		name, raw, errHas string
		header, payload   bool
	}{
		{"bad signature segment", good[0] + "." + good[1] + ".!!!", "signature (segment 3)", true, true},
		{"two segments", good[0] + "." + good[1], "2 segment", true, false},
		{"four segments", jwtA + ".x", "4 segments", true, false},
		{"bad header", "eyJhbGciOiJIUzI1NiJ9x." + good[1] + "." + good[2], "header (segment 1)", false, false},
		{"header not json", enc([]byte("not json")) + "." + good[1] + "." + good[2] + "", "", false, false},
		{"bad payload", good[0] + ".e30!." + good[2], "payload (segment 2)", true, false},
		{"five without enc", good[0] + ".a.b.c.d", "enc", true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tok := Decode(c.raw)
			if c.name == "header not json" {
				if tok.Kind != KindOpaque && tok.Kind != KindMalformed {
					t.Fatalf("kind %s", tok.Kind)
				}
				return
			}
			if tok.Kind != KindMalformed || !strings.Contains(tok.Err, c.errHas) {
				t.Fatalf("kind %s err %q, want malformed with %q", tok.Kind, tok.Err, c.errHas)
			}
			if (tok.Header != nil) != c.header || (tok.Payload != nil) != c.payload {
				t.Fatalf("header %s payload %s", tok.Header, tok.Payload)
			}
		})
	}
}
