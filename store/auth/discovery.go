package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/why401/why401/inspect/fetch"
)

// Metadata is the part of an OpenID Provider's or authorization server's
// metadata (OIDC Discovery, RFC 8414) the flows use.
type Metadata struct {
	Issuer                      string   `json:"issuer"`
	AuthorizationEndpoint       string   `json:"authorization_endpoint"`
	TokenEndpoint               string   `json:"token_endpoint"`
	DeviceAuthorizationEndpoint string   `json:"device_authorization_endpoint"`
	IntrospectionEndpoint       string   `json:"introspection_endpoint"`
	JWKSURI                     string   `json:"jwks_uri"`
	TokenEndpointAuthMethods    []string `json:"token_endpoint_auth_methods_supported"`
	CodeChallengeMethods        []string `json:"code_challenge_methods_supported"`
	GrantTypes                  []string `json:"grant_types_supported"`
	URL                         string   `json:"-"` // where the document was found
}

// Discover reads the issuer's metadata: OIDC discovery first, then the
// RFC 8414 location. The document must name exactly this issuer (else its
// endpoints could belong to someone else: the mix-up attack), and every
// endpoint must be https, or plain http on loopback. client nil: a
// default client.
func Discover(ctx context.Context, client *http.Client, issuer string) (Metadata, error) {
	if err := fetch.CheckURL(issuer); err != nil {
		return Metadata{}, fmt.Errorf("issuer: %w", err)
	}
	var errs []string
	for _, u := range metadataURLs(issuer) {
		data, err := fetch.Get(ctx, u, fetch.Options{Client: client, Accept: "application/json"})
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		var md Metadata
		if err := json.Unmarshal(data, &md); err != nil {
			errs = append(errs, fmt.Sprintf("%s is not a metadata document: %v", u, err))
			continue
		}
		md.URL = u
		return md, md.check(issuer)
	}
	return Metadata{}, fmt.Errorf("no discovery document for issuer %s: %s", issuer, strings.Join(errs, "; "))
}

func (md Metadata) check(issuer string) error {
	if md.Issuer != issuer {
		return fmt.Errorf("the discovery document at %s names issuer %q, not %q; set issuer to exactly the value the provider uses", md.URL, md.Issuer, issuer)
	}
	for _, ep := range [][2]string{
		{"authorization_endpoint", md.AuthorizationEndpoint}, {"token_endpoint", md.TokenEndpoint},
		{"device_authorization_endpoint", md.DeviceAuthorizationEndpoint},
		{"introspection_endpoint", md.IntrospectionEndpoint}, {"jwks_uri", md.JWKSURI},
	} {
		if ep[1] == "" {
			continue
		}
		if err := fetch.CheckURL(ep[1]); err != nil {
			return fmt.Errorf("the discovery document at %s: %s: %w", md.URL, ep[0], err)
		}
	}
	return nil
}

// metadataURLs: OIDC appends to the issuer's path, RFC 8414 inserts the
// well-known segment before it.
func metadataURLs(issuer string) []string {
	trimmed := strings.TrimSuffix(issuer, "/")
	urls := []string{trimmed + "/.well-known/openid-configuration"}
	if i := strings.Index(trimmed, "://"); i >= 0 {
		rest := trimmed[i+3:]
		host, path, _ := strings.Cut(rest, "/")
		if path != "" {
			path = "/" + path
		}
		urls = append(urls, trimmed[:i+3]+host+"/.well-known/oauth-authorization-server"+path)
	}
	return urls
}
