package resourcemeta

import (
	"strings"
	"testing"
)

func FuzzParseMetadata(f *testing.F) {
	f.Add([]byte(rfcExample))
	f.Add([]byte(`{"resource":"https://mcp.example.com/mcp/","authorization_servers":"x","resource_name#en":1}`))
	f.Add([]byte(`{"resource":"http://a\u0000b","bearer_methods_supported":[],"scopes_supported":[null,"a"]}`))
	f.Add([]byte("<html>"))
	f.Add([]byte("null"))
	f.Fuzz(func(t *testing.T, data []byte) {
		md, err := Parse(data)
		if err != nil {
			return
		}
		for _, requested := range []string{"", mcpURL, md.Resource + "/x"} {
			for _, p := range Check(md, requested, mcpMetadata, issuer, []string{"mcp:read"}) {
				if p.ID == "" || p.Severity == "" || strings.ContainsAny(p.Message, "\r\n") {
					t.Fatalf("bad problem %+v", p)
				}
			}
		}
		if md.Resource != "" {
			WellKnownURL(md.Resource)
			ResourceFromWellKnown(md.Resource)
		}
	})
}
