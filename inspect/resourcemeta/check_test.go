package resourcemeta

import (
	"strings"
	"testing"
)

const (
	mcpURL      = "https://mcp.example.com/mcp"
	mcpMetadata = "https://mcp.example.com/.well-known/oauth-protected-resource/mcp"
	issuer      = "https://auth.example.com"
)

// goodMetadata passes every check for mcpURL and issuer.
func goodMetadata() Metadata {
	return Metadata{
		Resource:             mcpURL,
		AuthorizationServers: []string{issuer},
		ScopesSupported:      []string{"mcp:read", "mcp:write"},
	}
}

type checkCase struct {
	name                 string
	edit                 func(md *Metadata)
	requested, metaURL   string
	iss                  string
	scopes               []string
	id, severity, substr string // id "" means no problems
}

func TestCheck(t *testing.T) {
	cases := []checkCase{
		{name: "all good", requested: mcpURL, metaURL: mcpMetadata, iss: issuer, scopes: []string{"mcp:read"}},
		{name: "trailing slash (Vercel)", edit: func(md *Metadata) { md.Resource = mcpURL + "/" }, requested: mcpURL, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Warning,
			substr: "resource is https://mcp.example.com/mcp/ but the URL the client requested is https://mcp.example.com/mcp: resource has a trailing slash the requested URL lacks (some hosts, Vercel among them, add one); it must be identical per RFC 9728 §3.3, a prefix per the MCP spec, so MCP clients accept it"},
		{name: "missing trailing slash", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com" }, requested: "https://mcp.example.com/", metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Warning, substr: "resource lacks the requested URL's trailing slash"},
		{name: "path below resource", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com" }, requested: mcpURL, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Warning, substr: "the client requested a path below the resource; it must be identical per RFC 9728 §3.3, a prefix per the MCP spec"},
		{name: "other path", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com/sse" }, requested: mcpURL, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Error, substr: `they agree for 24 bytes, then differ ("sse" vs "mcp"); it must be identical per RFC 9728 §3.3 (a prefix per the MCP spec, which this is not either)`},
		{name: "same prefix, not a path boundary", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com/mc" }, requested: mcpURL, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Error, substr: `the requested URL goes on with "p" after resource`},
		{name: "resource longer", edit: func(md *Metadata) { md.Resource = mcpURL + "/v2" }, requested: mcpURL, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Error, substr: `resource goes on after the requested URL with "/v2"`},
		{name: "host case", edit: func(md *Metadata) { md.Resource = "https://MCP.example.com/mcp" }, requested: mcpURL, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Warning, substr: `differ only in letter case, after 8 identical bytes ("MCP.example." vs "mcp.example.")`},
		{name: "default port", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com:443/mcp" }, requested: mcpURL, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Error, substr: "spells out the default port"},
		{name: "query", edit: func(md *Metadata) { md.Resource = mcpURL }, requested: mcpURL + "?tenant=a", metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Warning, substr: `adds the query "?tenant=a"`},
		{name: "fragment not sent", requested: mcpURL + "#x", metaURL: mcpMetadata},
		{name: "well-known: built from", metaURL: mcpMetadata},
		{name: "well-known: root with slash", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com/" },
			metaURL: "https://mcp.example.com/.well-known/oauth-protected-resource"},
		{name: "well-known: root with query", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com/?t=a" },
			metaURL: "https://mcp.example.com/.well-known/oauth-protected-resource?t=a"},
		{name: "well-known: mismatch", edit: func(md *Metadata) { md.Resource = "https://mcp.example.com" }, metaURL: mcpMetadata,
			id: ResourceMismatch, severity: Warning, substr: "but the resource identifier the well-known URL was built from is https://mcp.example.com/mcp"},
		{name: "not comparable", metaURL: "https://mcp.example.com/prm.json", id: ResourceUnchecked, severity: Info, substr: "was not compared"},
		{name: "missing resource", edit: func(md *Metadata) { md.Resource = "" }, requested: mcpURL, metaURL: mcpMetadata,
			id: MissingResource, severity: Error, substr: "no resource"},
		{name: "wrong issuer", requested: mcpURL, metaURL: mcpMetadata, iss: "https://login.example.org",
			id: IssuerNotListed, severity: Error, substr: "the token's iss https://login.example.org is not among authorization_servers (https://auth.example.com): the token is from the wrong authorization server"},
		{name: "issuer slash", requested: mcpURL, metaURL: mcpMetadata, iss: issuer + "/",
			id: IssuerNotListed, severity: Error, substr: "iss has a trailing slash the listed issuer lacks"},
		{name: "no authorization servers", edit: func(md *Metadata) { md.AuthorizationServers = nil }, requested: mcpURL, metaURL: mcpMetadata, iss: issuer,
			id: NoAuthServers, severity: Info, substr: "lists no authorization_servers"},
		{name: "http metadata URL", requested: mcpURL,
			metaURL: "http://mcp.example.com/.well-known/oauth-protected-resource/mcp", id: InsecureURL, severity: Error, substr: "plain http"},
		{name: "http on loopback", requested: "http://127.0.0.1:3000/mcp", edit: func(md *Metadata) { md.Resource = "http://127.0.0.1:3000/mcp" },
			metaURL: "http://127.0.0.1:3000/.well-known/oauth-protected-resource/mcp"},
		{name: "http jwks_uri", edit: func(md *Metadata) { md.JWKSURI = "http://mcp.example.com/jwks" }, requested: mcpURL, metaURL: mcpMetadata,
			id: InsecureURL, severity: Warning, substr: "jwks_uri http://mcp.example.com/jwks"},
		{name: "scope not supported", requested: mcpURL, metaURL: mcpMetadata, scopes: []string{"mcp:read", "admin"},
			id: ScopeNotSupported, severity: Info, substr: "scope admin is not in scopes_supported (mcp:read, mcp:write)"},
		{name: "no scopes_supported", edit: func(md *Metadata) { md.ScopesSupported = nil }, requested: mcpURL, metaURL: mcpMetadata, scopes: []string{"admin"}},
		{name: "DPoP required", edit: func(md *Metadata) { md.DPoPBoundRequired, md.DPoPSigningAlgs = true, []string{"ES256", "PS256"} }, requested: mcpURL, metaURL: mcpMetadata,
			id: DPoPRequired, severity: Info, substr: "send Authorization: DPoP <token> with a DPoP proof signed with ES256, PS256"},
		{name: "no bearer methods", edit: func(md *Metadata) { md.BearerMethodsSupported = []string{} }, requested: mcpURL, metaURL: mcpMetadata,
			id: BearerHeaderRefused, severity: Warning, substr: "takes no bearer tokens at all"},
		{name: "body only", edit: func(md *Metadata) { md.BearerMethodsSupported = []string{"body"} }, requested: mcpURL, metaURL: mcpMetadata,
			id: BearerHeaderRefused, severity: Warning, substr: "is body, so"},
		{name: "signed metadata", edit: func(md *Metadata) { md.SignedMetadata = "eyJ.eyJ.sig" }, requested: mcpURL, metaURL: mcpMetadata,
			id: SignedMetadata, severity: Info, substr: "not verified"},
		{name: "invalid member", edit: func(md *Metadata) { md.Invalid = []Problem{{InvalidField, Warning, "x"}} }, requested: mcpURL, metaURL: mcpMetadata,
			id: InvalidField, severity: Warning, substr: "x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			md := goodMetadata()
			if c.edit != nil {
				c.edit(&md)
			}
			probs := Check(md, c.requested, c.metaURL, c.iss, c.scopes)
			assertOne(t, probs, c.id, c.severity, c.substr)
		})
	}
}

func assertOne(t *testing.T, probs []Problem, id, severity, substr string) {
	t.Helper()
	if id == "" {
		if len(probs) > 0 {
			t.Fatalf("want no problems, got %+v", probs)
		}
		return
	}
	if len(probs) != 1 || probs[0].ID != id || probs[0].Severity != severity || !strings.Contains(probs[0].Message, substr) {
		t.Fatalf("want one %s %s containing %q, got %+v", severity, id, substr, probs)
	}
	if strings.ContainsAny(probs[0].Message, "\r\n") {
		t.Fatalf("message is not one line: %q", probs[0].Message)
	}
}

func TestCheckMetadataURLs(t *testing.T) {
	if probs := CheckMetadataURLs([]string{mcpMetadata}); len(probs) > 0 {
		t.Fatalf("one https URL: %+v", probs)
	}
	sentry := []string{"https://mcp.sentry.dev/.well-known/oauth-protected-resource/mcp", "https://mcp.sentry.dev/.well-known/oauth-protected-resource"}
	assertOne(t, CheckMetadataURLs(sentry), DuplicateMetadataURL, Warning,
		"names 2 resource_metadata URLs (https://mcp.sentry.dev/.well-known/oauth-protected-resource/mcp, https://mcp.sentry.dev/.well-known/oauth-protected-resource)")
	assertOne(t, CheckMetadataURLs([]string{"http://api.example.com/.well-known/oauth-protected-resource"}), InsecureURL, Error, "plain http")
}
