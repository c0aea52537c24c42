package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

func TestFingerprint(t *testing.T) {
	for in, want := range map[string]string{
		"short":                  "… (5 chars)",
		"eyJhbGciOiJSUzI1NiJ9.x": "…J9.x (22 chars)",
	} {
		if got := Fingerprint(in); got != want {
			t.Errorf("Fingerprint(%q) = %q, want %q", in, got, want)
		}
	}
	doc := maskBody([]byte(`{"access_token":"at-0123456789abcdef","token_type":"Bearer","expires_in":300,
		"nested":{"refresh_token":"rt-0123456789abcdef"},"list":[{"id_token":"id-0123456789abcdef"}]}`))
	flat := strings.Join(strings.Fields(strings.ReplaceAll(stringify(doc), "\n", " ")), " ")
	for _, secret := range []string{"at-0123456789abcdef", "rt-0123456789abcdef", "id-0123456789abcdef"} {
		if strings.Contains(flat, secret) {
			t.Errorf("%s survived masking: %s", secret, flat)
		}
	}
	if doc["access_token"] != "…cdef (19 chars)" || doc["token_type"] != "Bearer" {
		t.Errorf("masked: %v", doc)
	}
}

func TestMaskFormBody(t *testing.T) {
	doc := maskBody([]byte("access_token=gho_0123456789abcdef&scope=repo&token_type=bearer"))
	if doc["access_token"] != "…cdef (20 chars)" || doc["scope"] != "repo" {
		t.Errorf("masked: %v", doc)
	}
	if doc := maskBody([]byte("<html>secret</html>")); len(doc) != 1 || doc["_unreadable"] == nil {
		t.Errorf("HTML kept: %v", doc)
	}
}

func stringify(v any) string {
	var b strings.Builder
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				b.WriteString(k + "=")
				walk(e)
				b.WriteString(" ")
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		case string:
			b.WriteString(v)
		}
	}
	walk(v)
	return b.String()
}

func TestTokenErrorSentences(t *testing.T) {
	resp := &http.Response{StatusCode: 401}
	cases := []struct {
		err   *oauth2.RetrieveError
		grant string
		want  string
	}{
		{&oauth2.RetrieveError{Response: resp, ErrorCode: "invalid_client", ErrorDescription: "Client authentication failed."}, grantClientCredentials,
			"The token endpoint refused the client credentials (invalid_client): Client authentication failed."},
		{&oauth2.RetrieveError{Response: resp, ErrorCode: "invalid_grant", ErrorDescription: "refresh token rt-SECRET-VALUE is revoked", ErrorURI: "https://idp.test/err"}, grantRefresh,
			"The token endpoint refused the refresh token (invalid_grant): refresh token [redacted] is revoked. More at https://idp.test/err."},
		{&oauth2.RetrieveError{Response: &http.Response{StatusCode: 502}}, grantClientCredentials,
			"The token endpoint answered HTTP 502 without an OAuth2 error code."},
		{&oauth2.RetrieveError{Response: resp, ErrorCode: "access_denied"}, grantDevice, "The sign-in was denied (access_denied)."},
		{&oauth2.RetrieveError{Response: resp, ErrorCode: "unsupported_grant_type"}, grantDevice,
			"The token endpoint does not support the device_code grant (unsupported_grant_type)."},
	}
	for _, c := range cases {
		got := tokenErr(c.err, "token endpoint", c.grant, []string{"rt-SECRET-VALUE"}).Error()
		if got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
	if err := tokenErr(context.Canceled, "token endpoint", grantDevice, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancel: %v", err)
	}
}

func TestMetadataURLs(t *testing.T) {
	got := metadataURLs("https://idp.test/tenant/")
	want := []string{"https://idp.test/tenant/.well-known/openid-configuration", "https://idp.test/.well-known/oauth-authorization-server/tenant"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q", got)
	}
}

func TestAuthStyle(t *testing.T) {
	postOnly := &Metadata{TokenEndpointAuthMethods: []string{"client_secret_post", "private_key_jwt"}}
	both := &Metadata{TokenEndpointAuthMethods: []string{"client_secret_basic", "client_secret_post"}}
	for _, c := range []struct {
		secret string
		md     *Metadata
		want   oauth2.AuthStyle
	}{{"", nil, oauth2.AuthStyleInParams}, {"s", nil, oauth2.AuthStyleInHeader}, {"s", postOnly, oauth2.AuthStyleInParams}, {"s", both, oauth2.AuthStyleInHeader}} {
		if got := authStyle(c.secret, c.md); got != c.want {
			t.Errorf("authStyle(%q, %v) = %v", c.secret, c.md, got)
		}
	}
}

func TestReadIntrospection(t *testing.T) {
	in, err := readIntrospection([]byte(`{"active":true,"exp":1700000000,"iat":1699999000.5,"scope":["a","b"],
		"client_id":"cli","sub":"u1","iss":"https://idp.test","token_type":"Bearer","aud":"api"}`))
	if err != nil {
		t.Fatal(err)
	}
	if !in.Active || in.Exp.Unix() != 1700000000 || in.Iat.UnixMilli() != 1699999000500 || in.Nbf != nil ||
		in.Scope != "a b" || in.ClientID != "cli" || in.Sub != "u1" || in.Iss != "https://idp.test" ||
		in.TokenType != "Bearer" || len(in.Aud) != 1 || in.Aud[0] != "api" {
		t.Errorf("got %+v", in)
	}
	if _, err := readIntrospection([]byte(`[1]`)); err == nil {
		t.Error("a JSON array was accepted")
	}
}

func TestSessionCacheOutlivesAFailingStore(t *testing.T) {
	c := NewSessionCache(failingCache{})
	tok := CachedToken{AccessToken: "at-1", TokenType: "Bearer"}
	if err := c.Save("p", tok); err == nil {
		t.Error("the store's failure should still be reported")
	}
	if got, ok, err := c.Load("p"); !ok || err != nil || got != tok {
		t.Fatalf("Load = %+v %v %v, want the token kept in memory", got, ok, err)
	}
	_ = c.Forget("p")
	if _, ok, _ := c.Load("p"); ok {
		t.Error("Forget should drop the token")
	}
}

type failingCache struct{}

func (failingCache) Load(string) (CachedToken, bool, error) {
	return CachedToken{}, false, errors.New("no keyring")
}
func (failingCache) Save(string, CachedToken) error { return errors.New("no keyring") }
func (failingCache) Forget(string) error            { return errors.New("no keyring") }
