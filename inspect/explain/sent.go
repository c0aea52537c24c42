package explain

import (
	"strings"

	"github.com/why401/why401/inspect/challenge"
	"github.com/why401/why401/inspect/resourcemeta"
	"github.com/why401/why401/inspect/token"
)

// SentToken finds the token a request's Authorization header carried:
// Bearer and DPoP, and single-word values of other token schemes such as
// GitHub's "token ghp_…" — never passwords, handshakes or signatures.
func SentToken(r Request) (token.Input, bool) {
	auth, ok := headerValue(r.Headers, "Authorization")
	if !ok {
		return token.Input{}, false
	}
	scheme, value, _ := strings.Cut(strings.TrimSpace(auth), " ")
	value = strings.TrimSpace(value)
	if value == "" || strings.ContainsAny(value, " ,") {
		return token.Input{}, false
	}
	form := token.FormAuthorizationHeader
	switch strings.ToLower(scheme) {
	case "bearer":
		form = token.FormBearer
	case "dpop":
		form = token.FormDPoP
	case "basic", "digest", "negotiate", "ntlm", "aws4-hmac-sha256", "hoba", "mutual":
		return token.Input{}, false
	}
	return token.Input{Form: form, Token: value, Scheme: scheme, Where: "Authorization header"}, true
}

// MetadataURL is where the resource's RFC 9728 metadata is: the
// challenge's resource_metadata when it names one (fromChallenge), else
// the well-known URL of the request. The problems are those of the
// resource_metadata values themselves (duplicates, plain http).
func MetadataURL(responseHeaders []Header, requestURL string) (u string, fromChallenge bool, problems []resourcemeta.Problem) {
	var urls []string
	for _, c := range challenge.Parse(headerValues(responseHeaders, "WWW-Authenticate"), challenge.Lenient).Challenges {
		urls = append(urls, c.Hints().ResourceMetadata...)
	}
	if len(urls) > 0 {
		return urls[0], true, resourcemeta.CheckMetadataURLs(urls)
	}
	if requestURL == "" {
		return "", false, nil
	}
	wk, err := resourcemeta.WellKnownURL(requestURL)
	if err != nil {
		return "", false, nil
	}
	return wk, false, nil
}
