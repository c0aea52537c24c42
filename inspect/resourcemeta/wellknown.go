package resourcemeta

import (
	"fmt"
	"net/url"
	"strings"
)

// wellKnownPath is the RFC 9728 §3 suffix, registered in §8.3.
const wellKnownPath = "/.well-known/oauth-protected-resource"

// WellKnownURL builds the metadata URL for a resource identifier (RFC 9728
// §3.1): the well-known path goes between the host and the path and query,
// after dropping a "/" that directly follows the host. The identifier's
// bytes are kept as given, since §3.3 later compares them exactly.
func WellKnownURL(resourceURL string) (string, error) {
	origin, rest, err := splitOrigin(resourceURL)
	if err != nil {
		return "", err
	}
	if strings.Contains(rest, "#") {
		return "", fmt.Errorf("%s has a fragment, which a resource identifier must not have (RFC 9728 §1.2)", resourceURL)
	}
	if rest == "/" || strings.HasPrefix(rest, "/?") {
		rest = rest[1:]
	}
	return origin + wellKnownPath + rest, nil
}

// ResourceFromWellKnown inverts WellKnownURL: the resource identifier a
// well-known metadata URL was built from. ok is false when metadataURL is
// not such a URL.
func ResourceFromWellKnown(metadataURL string) (resource string, ok bool) {
	origin, rest, err := splitOrigin(metadataURL)
	if err != nil {
		return "", false
	}
	tail, found := strings.CutPrefix(rest, wellKnownPath)
	if !found || tail != "" && tail[0] != '/' && tail[0] != '?' {
		return "", false
	}
	return origin + tail, true
}

// splitOrigin cuts an absolute URL into "scheme://authority" and the rest,
// by bytes, so nothing is re-encoded or normalised.
func splitOrigin(raw string) (origin, rest string, err error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", "", fmt.Errorf("%q is not an absolute URL", raw)
	}
	i := strings.Index(raw, "://") + len("://")
	end := strings.IndexAny(raw[i:], "/?#")
	if end < 0 {
		return raw, "", nil
	}
	return raw[:i+end], raw[i+end:], nil
}
