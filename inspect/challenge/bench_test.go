package challenge

import (
	"fmt"
	"strings"
	"testing"
)

// typicalHeader is an MCP-style 403: realm, error, description, scope and
// resource_metadata.
const typicalHeader = `Bearer realm="mcp", error="insufficient_scope", error_description="Additional file write permission required", ` +
	`scope="files:read files:write user:profile", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource"`

// header64KB builds a realistic 64 KB header: a mix of Bearer, Digest, Basic
// and token68 challenges, with quoted and token values and escapes.
func header64KB() string {
	var b strings.Builder
	for i := 0; b.Len() < 64<<10; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, `Bearer realm="api-%d", error="invalid_token", error_description="The token \"t%d\" expired", scope="read:%d write:%d"`, i, i, i, i)
		case 1:
			fmt.Fprintf(&b, `Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v%d", opaque="FQhe"`, i)
		case 2:
			fmt.Fprintf(&b, `Basic realm="realm %d", charset="UTF-8"`, i)
		default:
			fmt.Fprintf(&b, `Negotiate YIIFxgYGKwYBBQUCoIIFujCCBbagMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCqKCBYAEggV8%d==`, i)
		}
	}
	return b.String()
}

func TestHeader64KBParsesFully(t *testing.T) {
	h := header64KB()
	for _, mode := range []Mode{Lenient, Strict} {
		r := Parse([]string{h}, mode)
		if r.HasErrors() || len(r.Diagnostics) != 0 {
			t.Fatalf("%v: diagnostics %v", mode, codesOf(r.Diagnostics))
		}
		if got, want := len(r.Challenges), strings.Count(h, "realm=")+strings.Count(h, "Negotiate"); got != want {
			t.Fatalf("%v: %d challenges, want %d", mode, got, want)
		}
	}
}

func BenchmarkParseTypical(b *testing.B) {
	fields := []string{typicalHeader}
	b.ReportAllocs()
	b.SetBytes(int64(len(typicalHeader)))
	for b.Loop() {
		Parse(fields, Lenient)
	}
}

func BenchmarkParse64KB(b *testing.B) {
	fields := []string{header64KB()}
	b.ReportAllocs()
	b.SetBytes(int64(len(fields[0])))
	for b.Loop() {
		Parse(fields, Lenient)
	}
}
