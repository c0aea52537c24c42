package resourcemeta

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/why401/why401/inspect/fetch"
)

// Check applies RFC 9728 §3.3 and the explanation rules to a parsed
// document. requestedURL is the URL the client requested when
// metadataURL came from a resource_metadata challenge; pass "" when the
// client built metadataURL itself by the well-known rule (§3.1), and
// resource is then compared with the identifier it was built from.
// tokenIssuer (the token's iss) and neededScopes may be empty.
func Check(md Metadata, requestedURL, metadataURL, tokenIssuer string, neededScopes []string) []Problem {
	probs := slices.Clone(md.Invalid)
	probs = append(probs, checkResource(md.Resource, requestedURL, metadataURL)...)
	probs = append(probs, checkURLs(md, metadataURL)...)
	probs = append(probs, checkIssuer(md.AuthorizationServers, tokenIssuer)...)
	probs = append(probs, checkScopes(md.ScopesSupported, neededScopes)...)
	return append(probs, notes(md)...)
}

// checkResource is §3.3: a resource that is not identical to the expected
// value means the client MUST NOT use the document.
func checkResource(resource, requestedURL, metadataURL string) []Problem {
	if resource == "" {
		return []Problem{{MissingResource, Error, "the metadata has no resource, which RFC 9728 §2 requires, so a client must not use it"}}
	}
	if requestedURL != "" {
		want, _, _ := strings.Cut(requestedURL, "#") // a fragment is never sent
		return compareResource(resource, want, "the URL the client requested")
	}
	want, ok := ResourceFromWellKnown(metadataURL)
	switch {
	case !ok:
		return []Problem{{ResourceUnchecked, Info, fmt.Sprintf(
			"resource %s was not compared: no requested URL was given and %s is not a well-known metadata URL", show(resource), show(metadataURL))}}
	case builds(resource, metadataURL):
		return nil // "https://host" and "https://host/" give the same well-known URL
	}
	return compareResource(resource, want, "the resource identifier the well-known URL was built from")
}

// builds reports whether resource is an identifier metadataURL could have
// been built from; more than one can be ("https://h" and "https://h/").
func builds(resource, metadataURL string) bool {
	u, err := WellKnownURL(resource)
	return err == nil && u == metadataURL
}

func compareResource(resource, want, what string) []Problem {
	if resource == want {
		return nil
	}
	why := explainDiff(resource, want)
	if mcpAccepts(resource, want) {
		return []Problem{{ResourceMismatch, Warning, fmt.Sprintf(
			"resource is %s but %s is %s: %s; it must be identical per RFC 9728 §3.3, a prefix per the MCP spec, so MCP clients accept it but a strict RFC 9728 client must not use the metadata",
			show(resource), what, show(want), why)}}
	}
	return []Problem{{ResourceMismatch, Error, fmt.Sprintf(
		"resource is %s but %s is %s: %s; it must be identical per RFC 9728 §3.3 (a prefix per the MCP spec, which this is not either), so no client may use the metadata",
		show(resource), what, show(want), why)}}
}

// checkURLs flags plain http where an attacker on the path could swap the
// authorization server or keys the client will trust.
func checkURLs(md Metadata, metadataURL string) []Problem {
	var probs []Problem
	if insecure(metadataURL) {
		probs = append(probs, Problem{InsecureURL, Error, fmt.Sprintf(
			"the metadata URL %s uses plain http on a non-loopback host, so anyone on the path can change which authorization server the client trusts", show(metadataURL))})
	}
	named := []struct{ name, u string }{{"resource", md.Resource}, {"jwks_uri", md.JWKSURI}}
	for _, as := range md.AuthorizationServers {
		named = append(named, struct{ name, u string }{"authorization server", as})
	}
	for _, n := range named {
		if insecure(n.u) {
			probs = append(probs, Problem{InsecureURL, Warning, fmt.Sprintf(
				"%s %s uses plain http on a non-loopback host; RFC 9728 requires https", n.name, show(n.u))})
		}
	}
	return probs
}

func insecure(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && strings.EqualFold(u.Scheme, "http") && !fetch.IsLoopback(u.Hostname())
}

// checkIssuer: a token whose iss is not listed came from an authorization
// server this resource does not name.
func checkIssuer(servers []string, iss string) []Problem {
	switch {
	case iss == "":
		return nil
	case len(servers) == 0:
		return []Problem{{NoAuthServers, Info, "the metadata lists no authorization_servers, so it does not say whose tokens this resource accepts"}}
	case slices.Contains(servers, iss):
		return nil
	}
	msg := fmt.Sprintf("the token's iss %s is not among authorization_servers (%s): the token is from the wrong authorization server", show(iss), list(servers))
	if near := nearest(servers, iss); near != "" {
		msg += fmt.Sprintf(", or the issuer is spelled differently: against %s, %s", show(near), explainIssuer(iss, near))
	}
	return []Problem{{IssuerNotListed, Error, msg}}
}

// nearest finds a listed server that differs from iss only in case or a
// final slash, the usual near miss; issuers are compared exactly.
func nearest(servers []string, iss string) string {
	key := func(s string) string { return strings.ToLower(strings.TrimSuffix(s, "/")) }
	for _, s := range servers {
		if key(s) == key(iss) {
			return s
		}
	}
	return ""
}

func explainIssuer(iss, listed string) string {
	switch {
	case iss == listed+"/":
		return "iss has a trailing slash the listed issuer lacks"
	case listed == iss+"/":
		return "iss lacks the listed issuer's trailing slash"
	}
	return "they differ in letter case, and issuers are compared byte for byte"
}

// checkScopes: the authorization server may refuse a scope the resource
// does not advertise. Only informational: MCP makes the challenge's scope
// authoritative, and scopes_supported need not be complete.
func checkScopes(supported, needed []string) []Problem {
	if supported == nil {
		return nil
	}
	var missing []string
	for _, s := range needed {
		if !slices.Contains(supported, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return []Problem{{ScopeNotSupported, Info, fmt.Sprintf(
		"scope %s is not in scopes_supported (%s): the authorization server may refuse it, though under MCP the challenge's scope is authoritative",
		list(missing), list(supported))}}
}
