package dpop

import (
	"fmt"
	"net/url"
	"strings"
)

// target is an http(s) URI reduced to what RFC 9449 §4.3 point 9 compares,
// after RFC 3986 §6.2.2 syntax-based and §6.2.3 scheme-based normalisation.
type target struct {
	scheme, host, port, path string
	queryOrFragment          bool // the raw string had "?" or "#"
}

// parseTarget normalises s: lower-case scheme and host, default port
// dropped, percent-encoding and dot segments normalised, empty path "/".
func parseTarget(s string) (target, error) {
	rest, _, frag := strings.Cut(s, "#")
	rest, _, query := strings.Cut(rest, "?")
	u, err := url.Parse(rest)
	switch {
	case err != nil:
		return target{}, fmt.Errorf("is not a valid URL")
	case u.Host == "" || u.Opaque != "":
		return target{}, fmt.Errorf("is not an absolute URL")
	}
	t := target{
		scheme:          strings.ToLower(u.Scheme),
		host:            strings.ToLower(u.Hostname()),
		port:            u.Port(),
		path:            rawPath(rest),
		queryOrFragment: frag || query,
	}
	if t.port == defaultPort(t.scheme) {
		t.port = ""
	}
	t.path = removeDotSegments(normalisePercent(t.path))
	return t, nil
}

// rawPath is the path exactly as written: url.URL's decoded Path would
// hide percent-encoding differences the user needs to see.
func rawPath(s string) string {
	_, after, _ := strings.Cut(s, "://")
	if i := strings.IndexByte(after, '/'); i >= 0 {
		return after[i:]
	}
	return ""
}

func defaultPort(scheme string) string {
	switch scheme {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

// normalisePercent upper-cases %xx escapes and decodes those of unreserved
// characters (RFC 3986 §6.2.2.1–2).
func normalisePercent(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '%' || i+2 >= len(p) || !isHex(p[i+1]) || !isHex(p[i+2]) {
			b.WriteByte(p[i])
			continue
		}
		c := unhex(p[i+1])<<4 | unhex(p[i+2])
		if isUnreserved(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
		i += 2
	}
	return b.String()
}

// removeDotSegments resolves "." and ".." (RFC 3986 §5.2.4); an empty path
// becomes "/" (§6.2.3).
func removeDotSegments(p string) string {
	if p == "" {
		return "/"
	}
	var out []string
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, seg := range segs {
		last := i == len(segs)-1
		switch seg {
		case ".":
		case "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		default:
			out = append(out, seg)
			continue
		}
		if last {
			out = append(out, "") // "/a/." and "/a/b/.." keep the final slash
		}
	}
	return "/" + strings.Join(out, "/")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// differs names the first part in which two targets differ, "" if none.
func (t target) differs(want target) string {
	pairs := [][3]string{
		{"scheme", t.scheme, want.scheme},
		{"host", t.host, want.host},
		{"port", t.port, want.port},
		{"path", t.path, want.path},
	}
	for _, p := range pairs {
		if p[1] != p[2] {
			return fmt.Sprintf("the %s differs (%s vs %s)", p[0], orNone(p[1]), orNone(p[2]))
		}
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return show(s)
}

// withoutQuery strips the query and fragment: what htu must be.
func withoutQuery(s string) string {
	s, _, _ = strings.Cut(s, "#")
	s, _, _ = strings.Cut(s, "?")
	return s
}
