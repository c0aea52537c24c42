package resourcemeta

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// rfcExample is RFC 9728 §3.2's example response.
const rfcExample = `{
  "resource": "https://resource.example.com",
  "authorization_servers": ["https://as1.example.com", "https://as2.example.net"],
  "bearer_methods_supported": ["header", "body"],
  "scopes_supported": ["profile", "email", "phone"],
  "resource_documentation": "https://resource.example.com/resource_documentation.html"
}`

func TestParseRFCExample(t *testing.T) {
	md, err := Parse([]byte(rfcExample))
	if err != nil {
		t.Fatal(err)
	}
	want := Metadata{
		Resource:               "https://resource.example.com",
		AuthorizationServers:   []string{"https://as1.example.com", "https://as2.example.net"},
		BearerMethodsSupported: []string{"header", "body"},
		ScopesSupported:        []string{"profile", "email", "phone"},
		ResourceDocumentation:  "https://resource.example.com/resource_documentation.html",
	}
	if !reflect.DeepEqual(md, want) {
		t.Fatalf("Parse = %+v\nwant %+v", md, want)
	}
	if probs := Check(md, "https://resource.example.com", "https://resource.example.com/.well-known/oauth-protected-resource", "https://as1.example.com", []string{"email"}); len(probs) > 0 {
		t.Fatalf("RFC example has problems: %+v", probs)
	}
}

func TestParseMembers(t *testing.T) {
	md, err := Parse([]byte(`{
		"resource": "https://api.example.com/mcp",
		"resource_name": "Orders", "resource_name#de": "Bestellungen",
		"dpop_signing_alg_values_supported": ["ES256"], "dpop_bound_access_tokens_required": true,
		"tls_client_certificate_bound_access_tokens": true, "bearer_methods_supported": [],
		"authorization_servers": "https://as.example.com",
		"scopes_supported": ["a", 1],
		"jwks_uri": null, "x-vendor": {"anything": true}
	}`))
	if err != nil {
		t.Fatal(err)
	}
	if md.ResourceName != "Orders" || md.LocalizedNames["de"] != "Bestellungen" || !md.DPoPBoundRequired ||
		!md.TLSClientCertBound || md.BearerMethodsSupported == nil || len(md.BearerMethodsSupported) != 0 {
		t.Fatalf("members: %+v", md)
	}
	if md.AuthorizationServers != nil {
		t.Fatalf("a wrong-typed member must be left empty: %v", md.AuthorizationServers)
	}
	wantInvalid := []string{
		"authorization_servers is a string but must be an array of strings",
		"scopes_supported is an array with a member that is not a string",
	}
	if len(md.Invalid) != len(wantInvalid) {
		t.Fatalf("Invalid = %+v", md.Invalid)
	}
	for i, w := range wantInvalid {
		if md.Invalid[i].ID != InvalidField || !strings.Contains(md.Invalid[i].Message, w) {
			t.Errorf("Invalid[%d] = %+v, want %q", i, md.Invalid[i], w)
		}
	}
}

func TestParseNotJSON(t *testing.T) {
	cases := map[string]string{
		"":                                 "empty",
		"<!doctype html><html>":            "HTML",
		`["https://as.example.com"]`:       "JSON but not an object",
		"null":                             "JSON but not an object",
		"resource=https://api.example.com": "not JSON",
		`{"resource": "x"`:                 "not JSON",
	}
	for in, want := range cases {
		_, err := Parse([]byte(in))
		var de *DocumentError
		if !errors.As(err, &de) || de.ID != NotJSON || !strings.Contains(de.Message, want) {
			t.Errorf("Parse(%q) err = %v, want NOT_JSON with %q", in, err, want)
		}
	}
}
