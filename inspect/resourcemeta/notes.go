package resourcemeta

import (
	"fmt"
	"slices"
)

// notes are the informational findings: what the document asks of the
// client beyond a bearer token.
func notes(md Metadata) []Problem {
	var probs []Problem
	if md.DPoPBoundRequired {
		msg := "the resource requires DPoP-bound access tokens (dpop_bound_access_tokens_required): send Authorization: DPoP <token> with a DPoP proof"
		if len(md.DPoPSigningAlgs) > 0 {
			msg += fmt.Sprintf(" signed with %s", list(md.DPoPSigningAlgs))
		}
		probs = append(probs, Problem{DPoPRequired, Info, msg})
	}
	probs = append(probs, bearerMethods(md.BearerMethodsSupported)...)
	if md.SignedMetadata != "" {
		probs = append(probs, Problem{SignedMetadata, Info,
			"the document has signed_metadata, whose values take precedence (RFC 9728 §2.2); these are the plain values, and the signature was not verified"})
	}
	return probs
}

// bearerMethods: absent means unspecified, [] means no bearer tokens at all.
func bearerMethods(methods []string) []Problem {
	switch {
	case methods == nil || slices.Contains(methods, "header"):
		return nil
	case len(methods) == 0:
		return []Problem{{BearerHeaderRefused, Warning, "bearer_methods_supported is [], so the resource takes no bearer tokens at all (only DPoP or certificate-bound ones?)"}}
	}
	return []Problem{{BearerHeaderRefused, Warning, fmt.Sprintf(
		"bearer_methods_supported is %s, so the resource does not take a bearer token in the Authorization header", list(methods))}}
}

// CheckMetadataURLs looks at the resource_metadata values of one response
// before anything is fetched: more than one is ambiguous (Sentry sends
// two), and plain http ones must not be trusted.
func CheckMetadataURLs(urls []string) []Problem {
	var probs []Problem
	if len(urls) > 1 {
		probs = append(probs, Problem{DuplicateMetadataURL, Warning, fmt.Sprintf(
			"the response names %d resource_metadata URLs (%s); RFC 9728 expects one, and clients differ in which they use", len(urls), list(urls))})
	}
	for _, u := range urls {
		if insecure(u) {
			probs = append(probs, Problem{InsecureURL, Error, fmt.Sprintf(
				"the metadata URL %s uses plain http on a non-loopback host, so anyone on the path can change which authorization server the client trusts", show(u))})
		}
	}
	return probs
}
