package resourcemeta

import "testing"

func TestWellKnownURL(t *testing.T) {
	cases := map[string]string{
		// RFC 9728 §3.1's two examples.
		"https://resource.example.com":           "https://resource.example.com/.well-known/oauth-protected-resource",
		"https://resource.example.com/resource1": "https://resource.example.com/.well-known/oauth-protected-resource/resource1",
		// A "/" right after the host goes; any other stays, byte for byte.
		"https://resource.example.com/":          "https://resource.example.com/.well-known/oauth-protected-resource",
		"https://resource.example.com/?t=a":      "https://resource.example.com/.well-known/oauth-protected-resource?t=a",
		"https://resource.example.com?t=a":       "https://resource.example.com/.well-known/oauth-protected-resource?t=a",
		"https://resource.example.com/r1/":       "https://resource.example.com/.well-known/oauth-protected-resource/r1/",
		"https://resource.example.com/r1?t=a":    "https://resource.example.com/.well-known/oauth-protected-resource/r1?t=a",
		"https://Resource.Example.com:8443/A%7e": "https://Resource.Example.com:8443/.well-known/oauth-protected-resource/A%7e",
		"http://127.0.0.1:8080/mcp":              "http://127.0.0.1:8080/.well-known/oauth-protected-resource/mcp",
	}
	for in, want := range cases {
		got, err := WellKnownURL(in)
		if err != nil || got != want {
			t.Errorf("WellKnownURL(%q) = %q, %v; want %q", in, got, err, want)
		}
		back, ok := ResourceFromWellKnown(got)
		if !ok || (back != in && back+"/" != in && !sameQueryRoot(back, in)) {
			t.Errorf("ResourceFromWellKnown(%q) = %q, %v; want %q", got, back, ok, in)
		}
	}
	for _, bad := range []string{"", "/resource1", "resource.example.com/r", "https://resource.example.com/r#frag", "https:///r"} {
		if got, err := WellKnownURL(bad); err == nil {
			t.Errorf("WellKnownURL(%q) = %q, want an error", bad, got)
		}
	}
	for _, not := range []string{"https://x.example/.well-known/oauth-authorization-server", "https://x.example/.well-known/oauth-protected-resourceX", "https://x.example/api", "nope"} {
		if got, ok := ResourceFromWellKnown(not); ok {
			t.Errorf("ResourceFromWellKnown(%q) = %q, want not ok", not, got)
		}
	}
}

// sameQueryRoot: "https://h/?q" and "https://h?q" build the same URL.
func sameQueryRoot(back, in string) bool {
	origin, rest, _ := splitOrigin(back)
	return origin+"/"+rest == in
}
