package challenge

import (
	"encoding/base64"
	"reflect"
	"strings"
	"testing"
)

// one parses a single challenge leniently.
func one(t *testing.T, h string) Challenge {
	t.Helper()
	r := Parse([]string{h}, Lenient)
	if len(r.Challenges) != 1 {
		t.Fatalf("%q: got %d challenges", h, len(r.Challenges))
	}
	return r.Challenges[0]
}

func TestAsBasic(t *testing.T) {
	b, ok := one(t, `BASIC realm="foo", charset="UTF-8"`).AsBasic()
	if !ok || b != (Basic{Realm: "foo", Charset: "UTF-8"}) {
		t.Errorf("AsBasic = %+v, %v", b, ok)
	}
	if _, ok := one(t, `Bearer realm="foo"`).AsBasic(); ok {
		t.Error("Bearer read as Basic")
	}
}

func TestAsDigest(t *testing.T) {
	d, ok := one(t, `Digest realm="http-auth@example.org", domain="/a /b", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf", opaque="FQhe", stale="FALSE", userhash=true, charset=UTF-8`).AsDigest()
	want := Digest{
		Realm: "http-auth@example.org", Domain: []string{"/a", "/b"}, Nonce: "7ypf", Opaque: "FQhe",
		Stale: false, Algorithm: "SHA-256", QOP: []string{"auth", "auth-int"}, Charset: "UTF-8", Userhash: true,
	}
	if !ok || !reflect.DeepEqual(d, want) {
		t.Errorf("AsDigest =\n %+v\nwant\n %+v", d, want)
	}
	d, _ = one(t, `Digest realm="r", nonce="n", stale=TRUE`).AsDigest()
	if d.Algorithm != "MD5" || !d.Stale || d.Domain != nil || d.QOP != nil {
		t.Errorf("defaults: %+v", d)
	}
	d, _ = one(t, `Digest realm="r", stale="true"`).AsDigest()
	if !d.Stale {
		t.Error(`quoted stale="true" (Hikvision) not read`)
	}
}

func TestAsBearer(t *testing.T) {
	claims := `{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}`
	h := `Bearer realm="api", scope="files:read files:write", error="insufficient_claims", error_description="token revoked", ` +
		`error_uri="https://e.example/e", acr_values="urn:a urn:b", max_age=5, resource_metadata="https://r/1", resource_metadata="https://r/2", ` +
		`authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", ` +
		`resource_id="https://storage.azure.com", authorization="https://login.windows.net/t", resource="https://vault.azure.net", ` +
		`claims="` + base64.StdEncoding.EncodeToString([]byte(claims)) + `"`
	b, ok := one(t, h).AsBearer()
	if !ok {
		t.Fatal("not a Bearer")
	}
	if b.Realm != "api" || !reflect.DeepEqual(b.Scope, []string{"files:read", "files:write"}) || b.Error != "insufficient_claims" ||
		b.ErrorDescription != "token revoked" || b.ErrorURI != "https://e.example/e" {
		t.Errorf("RFC 6750 fields: %+v", b)
	}
	if !reflect.DeepEqual(b.ACRValues, []string{"urn:a", "urn:b"}) || !b.HasMaxAge || b.MaxAge != 5 {
		t.Errorf("step-up: %+v", b.Hints)
	}
	if !reflect.DeepEqual(b.ResourceMetadata, []string{"https://r/1", "https://r/2"}) {
		t.Errorf("resource_metadata: %v", b.ResourceMetadata)
	}
	az := b.Azure
	if az.AuthorizationURI == "" || az.ClientID != "00000003-0000-0000-c000-000000000000" || az.ResourceID != "https://storage.azure.com" ||
		az.Authorization != "https://login.windows.net/t" || az.Resource != "https://vault.azure.net" {
		t.Errorf("azure: %+v", az)
	}
	if az.Claims.JSON != claims || az.Claims.Err != nil || az.Claims.Raw == "" {
		t.Errorf("claims: %+v", az.Claims)
	}
}

func TestClaimsDecoding(t *testing.T) {
	js := `{"access_token":{"xms_cc":{"values":["cp1"]}}}`
	for name, raw := range map[string]string{
		"std padded":   base64.StdEncoding.EncodeToString([]byte(js)),
		"std unpadded": base64.RawStdEncoding.EncodeToString([]byte(js)),
		"plain JSON":   js,
	} {
		b, _ := Challenge{Scheme: "Bearer", Params: []Param{{Name: "claims", Value: raw}}}.AsBearer()
		if b.Azure.Claims.Err != nil || b.Azure.Claims.JSON != js || b.Azure.Claims.Raw != raw {
			t.Errorf("%s: %+v", name, b.Azure.Claims)
		}
	}
	b, _ := Challenge{Scheme: "Bearer", Params: []Param{{Name: "claims", Value: "!!not base64"}}}.AsBearer()
	if b.Azure.Claims.Err == nil || b.Azure.Claims.Raw != "!!not base64" || b.Azure.Claims.JSON != "" {
		t.Errorf("bad claims: %+v", b.Azure.Claims)
	}
	b, _ = Challenge{Scheme: "Bearer", Params: []Param{{Name: "claims", Value: base64.StdEncoding.EncodeToString([]byte("no json"))}}}.AsBearer()
	if b.Azure.Claims.Err != errClaimsNotJSON {
		t.Errorf("non-JSON claims: %+v", b.Azure.Claims)
	}
	b, _ = one(t, `Bearer realm="x"`).AsBearer()
	if b.Azure.Claims != (Claims{}) {
		t.Errorf("absent claims: %+v", b.Azure.Claims)
	}
}

func TestURLSafeClaims(t *testing.T) {
	// Bytes that differ between the std and URL alphabets (0xfb 0xff).
	js := `{"a":"\u00fb\u00ff~~~"}`
	raw := base64.RawURLEncoding.EncodeToString([]byte(js))
	if !strings.ContainsAny(raw, "-_") {
		t.Fatalf("test value %q does not exercise the URL alphabet", raw)
	}
	b, _ := Challenge{Scheme: "Bearer", Params: []Param{{Name: "claims", Value: raw}}}.AsBearer()
	if b.Azure.Claims.JSON != js {
		t.Errorf("url-safe claims: %+v", b.Azure.Claims)
	}
}

func TestHintsOnAnyScheme(t *testing.T) {
	h := one(t, `DPoP error="insufficient_user_authentication", acr_values="urn:okta:loa:1fa:any", max_age=5`).Hints()
	if !reflect.DeepEqual(h.ACRValues, []string{"urn:okta:loa:1fa:any"}) || h.MaxAge != 5 || !h.HasMaxAge {
		t.Errorf("hints: %+v", h)
	}
	h = one(t, `Bearer max_age="300"`).Hints()
	if h.MaxAge != 300 || !h.HasMaxAge || h.MaxAgeRaw != "300" {
		t.Errorf("quoted max_age: %+v", h)
	}
	h = one(t, `Bearer max_age="soon"`).Hints()
	if h.HasMaxAge || h.MaxAgeRaw != "soon" {
		t.Errorf("bad max_age: %+v", h)
	}
}

func TestAsDPoP(t *testing.T) {
	d, ok := one(t, `DPoP realm="r", algs="ES256 PS256", error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof", scope="a b", resource_metadata="https://r"`).AsDPoP()
	if !ok || d.Realm != "r" || !reflect.DeepEqual(d.Algs, []string{"ES256", "PS256"}) || d.Error != "use_dpop_nonce" ||
		d.ErrorDescription == "" || !reflect.DeepEqual(d.Scope, []string{"a", "b"}) || !reflect.DeepEqual(d.ResourceMetadata, []string{"https://r"}) {
		t.Errorf("AsDPoP = %+v, %v", d, ok)
	}
	if _, ok := one(t, `Bearer`).AsDPoP(); ok {
		t.Error("Bearer read as DPoP")
	}
}

func TestAsRegistry(t *testing.T) {
	c := one(t, `Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull,push repository:host:5000/x:pull",error="insufficient_scope"`)
	if !IsRegistryChallenge(c) {
		t.Fatal("not recognised as a registry challenge")
	}
	r, ok := c.AsRegistry()
	want := Registry{
		Realm: "https://auth.docker.io/token", Service: "registry.docker.io", Error: "insufficient_scope",
		Scopes: []RegistryScope{
			{Type: "repository", Name: "library/alpine", Actions: []string{"pull", "push"}},
			{Type: "repository", Name: "host:5000/x", Actions: []string{"pull"}},
		},
	}
	if !ok || !reflect.DeepEqual(r, want) {
		t.Errorf("AsRegistry =\n %+v\nwant\n %+v", r, want)
	}
	// GitLab: scope alone is enough; Codeberg sends scope="*".
	if !IsRegistryChallenge(one(t, `Bearer realm="https://gitlab.example/jwt/auth", scope="repository:g/p:pull"`)) {
		t.Error("scope-only registry challenge not recognised")
	}
	if got := ParseRegistryScope("*"); got.Name != "*" || got.Type != "" {
		t.Errorf("scope *: %+v", got)
	}
	if got := ParseRegistryScope("registry:catalog"); got.Type != "registry" || got.Name != "catalog" || got.Actions != nil {
		t.Errorf("two-part scope: %+v", got)
	}
	if IsRegistryChallenge(one(t, `Bearer realm="api", scope="files:read"`)) {
		t.Error("OAuth scope taken for a registry")
	}
	if _, ok := one(t, `Bearer realm="api"`).AsRegistry(); ok {
		t.Error("plain Bearer read as registry")
	}
}

func TestAsNegotiate(t *testing.T) {
	n, ok := one(t, `Negotiate`).AsNegotiate()
	if !ok || !n.Initial || n.Token != "" {
		t.Errorf("bare Negotiate: %+v", n)
	}
	n, _ = one(t, `Negotiate a87421000492aa874209af8bc028`).AsNegotiate()
	if n.Initial || n.Token != "a87421000492aa874209af8bc028" || n.NTLMType2 {
		t.Errorf("continuation: %+v", n)
	}
	n, ok = one(t, `NTLM TlRMTVNTUAACAAAADAAMADAAAAA1goniK7qAkWlyzmIAAAAAAAAAAA==`).AsNegotiate()
	if !ok || !n.NTLMType2 {
		t.Errorf("NTLM type 2: %+v", n)
	}
	n, _ = one(t, `NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAGAbEdAAAADw==`).AsNegotiate()
	if n.NTLMType2 {
		t.Error("type 1 taken for type 2")
	}
	if _, ok := one(t, `Basic realm="x"`).AsNegotiate(); ok {
		t.Error("Basic read as Negotiate")
	}
}
