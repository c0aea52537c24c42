package resourcemeta

import (
	"fmt"
	"net/url"
	"strings"
)

// explainDiff says, for two URLs that are not byte-identical, how got
// differs from want: in the terms a user can act on where one applies,
// else by the first differing byte.
func explainDiff(got, want string) string {
	switch {
	case got == want+"/":
		return "resource has a trailing slash the requested URL lacks (some hosts, Vercel among them, add one)"
	case want == got+"/":
		return "resource lacks the requested URL's trailing slash"
	case strings.EqualFold(got, want):
		i := firstDiff(got, want)
		return fmt.Sprintf("they differ only in letter case, after %d identical bytes (%q vs %q)", i, snippet(got, i), snippet(want, i))
	case strings.HasPrefix(want, got):
		return belowOrQuery(got, want)
	case strings.HasPrefix(got, want):
		return fmt.Sprintf("resource goes on after the requested URL with %q", show(got[len(want):]))
	case sameButDefaultPort(got, want):
		return "one of them spells out the default port and the other does not"
	}
	i := firstDiff(got, want)
	return fmt.Sprintf("they agree for %d bytes, then differ (%q vs %q)", i, snippet(got, i), snippet(want, i))
}

// belowOrQuery explains a want that starts with got.
func belowOrQuery(got, want string) string {
	next := want[len(got)]
	if next == '?' {
		return fmt.Sprintf("the requested URL adds the query %q, and RFC 9728 compares the whole URL", show(want[len(got):]))
	}
	if next == '/' || strings.HasSuffix(got, "/") {
		return "the client requested a path below the resource"
	}
	return fmt.Sprintf("the requested URL goes on with %q after resource", show(want[len(got):]))
}

func firstDiff(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// snippet is a few bytes of s from i, for showing where two URLs part.
func snippet(s string, i int) string {
	if i >= len(s) {
		return ""
	}
	return s[i:min(len(s), i+12)]
}

func sameButDefaultPort(a, b string) bool {
	return dropDefaultPort(a) == dropDefaultPort(b)
}

func dropDefaultPort(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	if u.Port() == "443" && u.Scheme == "https" || u.Port() == "80" && u.Scheme == "http" {
		u.Host = u.Hostname()
		if strings.Contains(u.Host, ":") {
			u.Host = "[" + u.Host + "]"
		}
	}
	return u.String()
}

// mcpAccepts applies the MCP SDKs' resource check (checkResourceAllowed in
// the TypeScript SDK): same scheme and host, ignoring case, and the
// requested path at or below the resource's path, ignoring a final slash.
func mcpAccepts(resource, requested string) bool {
	r, err1 := url.Parse(resource)
	q, err2 := url.Parse(requested)
	if err1 != nil || err2 != nil {
		return false
	}
	if !strings.EqualFold(r.Scheme, q.Scheme) || !strings.EqualFold(r.Host, q.Host) {
		return false
	}
	dir := func(p string) string { return strings.TrimSuffix(p, "/") + "/" }
	return strings.HasPrefix(dir(q.Path), dir(r.Path))
}
