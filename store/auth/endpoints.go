package auth

import (
	"cmp"
	"context"
	"errors"
	"net/http"
	"slices"

	"golang.org/x/oauth2"

	"github.com/why401/why401/inspect/fetch"
)

// endpoint is what the flows need once discovery and secrets are resolved.
type endpoint struct {
	conf   oauth2.Config
	client *http.Client // carries the profile's TLS and proxy, and the tokenTransport
	issuer string       // the discovered issuer, "" without discovery
}

// endpoints resolves URLs (discovery for the missing ones), the client
// secret and the HTTP client, once.
func (o *oauth) endpoints(ctx context.Context) (*endpoint, error) {
	if o.ep != nil {
		return o.ep, nil
	}
	e, md, err := o.urls(ctx)
	if err != nil {
		return nil, err
	}
	secret, err := o.secrets.optional(ctx, "client_secret")
	if err != nil {
		return nil, err
	}
	e.AuthStyle = authStyle(secret, md)
	s := o.spec
	ep := &endpoint{conf: oauth2.Config{ClientID: s.ClientID, ClientSecret: secret, Endpoint: e, Scopes: s.Scopes}}
	if md != nil {
		ep.issuer = md.Issuer
	}
	ep.client = noRedirects(o.baseClient())
	ep.client.Transport = &tokenTransport{
		base: ep.client.Transport, tokenKey: endpointKey(e.TokenURL), devKey: endpointKey(e.DeviceAuthURL),
		params: requestParams(s), observe: o.rec.observe,
		client: clientAuth{id: s.ClientID, secret: secret, inHeader: e.AuthStyle == oauth2.AuthStyleInHeader},
	}
	o.ep = ep
	return ep, nil
}

// urls are the configured endpoints, completed from the issuer's metadata
// when the flow needs one that is not configured.
func (o *oauth) urls(ctx context.Context) (oauth2.Endpoint, *Metadata, error) {
	s := o.spec
	e := oauth2.Endpoint{TokenURL: s.TokenURL, AuthURL: s.AuthURL, DeviceAuthURL: s.DeviceURL}
	need := e.TokenURL == "" || s.Type == TypeAuthCode && e.AuthURL == "" || s.Type == TypeDevice && e.DeviceAuthURL == ""
	if s.Issuer == "" || !need {
		return e, nil, missingEndpoint(s.Type, e)
	}
	md, err := Discover(ctx, o.baseClient(), s.Issuer)
	if err != nil {
		return e, nil, err
	}
	e.TokenURL = cmp.Or(e.TokenURL, md.TokenEndpoint)
	e.AuthURL = cmp.Or(e.AuthURL, md.AuthorizationEndpoint)
	e.DeviceAuthURL = cmp.Or(e.DeviceAuthURL, md.DeviceAuthorizationEndpoint)
	return e, &md, missingEndpoint(s.Type, e)
}

func missingEndpoint(typ string, e oauth2.Endpoint) error {
	switch {
	case e.TokenURL == "":
		return errors.New("the issuer's discovery document names no token_endpoint; set token_url")
	case typ == TypeAuthCode && e.AuthURL == "":
		return errors.New("the issuer's discovery document names no authorization_endpoint; set auth_url")
	case typ == TypeDevice && e.DeviceAuthURL == "":
		return errors.New("the issuer's discovery document names no device_authorization_endpoint (the provider may not support the device flow); set device_url")
	}
	return nil
}

// authStyle picks how the client authenticates. Without a secret the
// client is public and sends only client_id. With one, HTTP Basic, which
// RFC 6749 §2.3.1 requires every server to accept, unless the metadata
// says the server only takes client_secret_post. x/oauth2's auto-detection
// is avoided: after any error it retries the other way, and the second
// error (often "invalid_client") hides the first (access_denied, …).
func authStyle(secret string, md *Metadata) oauth2.AuthStyle {
	if secret == "" {
		return oauth2.AuthStyleInParams
	}
	if md != nil && len(md.TokenEndpointAuthMethods) > 0 &&
		!slices.Contains(md.TokenEndpointAuthMethods, "client_secret_basic") && slices.Contains(md.TokenEndpointAuthMethods, "client_secret_post") {
		return oauth2.AuthStyleInParams
	}
	return oauth2.AuthStyleInHeader
}

// baseClient is a copy of the profile's client (the caller's stays
// untouched), with a timeout and, for discovery, redirects held to the
// same https-or-loopback rule as the URLs themselves.
func (o *oauth) baseClient() *http.Client {
	c := &http.Client{}
	if o.spec.HTTPClient != nil {
		*c = *o.spec.HTTPClient
	}
	if c.Timeout == 0 {
		c.Timeout = tokenTimeout
	}
	if c.CheckRedirect == nil {
		c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if len(via) >= 5 {
				return errors.New("too many redirects")
			}
			return fetch.CheckURL(req.URL.String())
		}
	}
	return c
}

// noRedirects makes c return a redirect instead of following it: a token
// or introspection request carries credentials in its body, which a 307
// would carry on to wherever it points.
func noRedirects(c *http.Client) *http.Client {
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}

// ctx carries the HTTP client to x/oauth2.
func (ep *endpoint) ctx(ctx context.Context) context.Context {
	return context.WithValue(ctx, oauth2.HTTPClient, ep.client)
}
