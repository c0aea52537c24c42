package redact

import (
	"strings"
	"testing"
)

const jwt = "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlLmNvbS8iLCJleHAiOjE5MDAwMDAwMDB9.c2lnbmF0dXJlLXNpZ25hdHVyZQ"

func TestFingerprint(t *testing.T) {
	got := Fingerprint("Bearer " + jwt)
	for _, want := range []string{"Bearer", "HS256", "kid k1", "iss https://idp.example.com/", "exp 2030-03-17T17:46:40Z", "…VyZQ"} {
		if !strings.Contains(got, want) {
			t.Errorf("Fingerprint = %q, lacks %q", got, want)
		}
	}
	if strings.Contains(got, jwt) || strings.Contains(Fingerprint("s3cretpassword"), "s3cret") {
		t.Error("a secret survived")
	}
}

func TestHeadersURLBody(t *testing.T) {
	hs := Headers([]Header{{"Authorization", "Bearer " + jwt}, {"Cookie", "sid=abcdefgh12345678"}, {"Accept", "text/plain"}})
	if strings.Contains(hs[0].Value, jwt) || strings.Contains(hs[1].Value, "abcdefgh1234") || hs[2].Value != "text/plain" {
		t.Errorf("headers: %+v", hs)
	}
	u := URL("https://api.example.com/x?access_token=" + jwt + "&page=2")
	if strings.Contains(u, jwt) || !strings.Contains(u, "page=2") {
		t.Errorf("URL: %s", u)
	}
	b := string(Body("application/json", []byte(`{"access_token":"`+jwt+`","nested":{"password":"hunter2hunter2"},"n":1}`), 0))
	if strings.Contains(b, jwt) || strings.Contains(b, "hunter2") || !strings.Contains(b, `"n":1`) {
		t.Errorf("JSON body: %s", b)
	}
	f := string(Body("application/x-www-form-urlencoded", []byte("grant_type=refresh_token&refresh_token=r3fr3shr3fr3sh&client_secret=cl13nts3cr3t"), 0))
	if strings.Contains(f, "r3fr3sh") || strings.Contains(f, "cl13nt") || !strings.Contains(f, "grant_type=refresh_token") {
		t.Errorf("form body: %s", f)
	}
	if got := Body("text/plain", []byte("hello world"), 5); string(got) != "hello" {
		t.Errorf("cap: %q", got)
	}
}

func TestText(t *testing.T) {
	for _, in := range []string{"sending Authorization: Bearer " + jwt, "token " + jwt + " done", "basic YWxpY2U6c2VjcmV0cGFzcw=="} {
		out := Text(in)
		if strings.Contains(out, jwt) || strings.Contains(out, "YWxpY2U6c2VjcmV0cGFzcw") {
			t.Errorf("Text(%q) = %q", in, out)
		}
	}
	if got := Secrets("cmd printed hunter2hunter2", []string{"hunter2hunter2"}); strings.Contains(got, "hunter2hunter2") {
		t.Errorf("Secrets: %q", got)
	}
}
