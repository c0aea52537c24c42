package auth

import (
	"context"
	"fmt"
	"net/url"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// requestParams are the RFC 8707 resource and the extra parameters, sent
// with every authorization and token request.
func requestParams(s Spec) url.Values {
	v := url.Values{}
	for k, val := range s.Extra {
		v.Set(k, val)
	}
	if s.Resource != "" {
		v.Set("resource", s.Resource)
	}
	return v
}

func (o *oauth) clientCredentials(ctx context.Context) (CachedToken, error) {
	ep, err := o.endpoints(ctx)
	if err != nil {
		return CachedToken{}, err
	}
	cc := clientcredentials.Config{
		ClientID: ep.conf.ClientID, ClientSecret: ep.conf.ClientSecret,
		TokenURL: ep.conf.Endpoint.TokenURL, Scopes: ep.conf.Scopes, AuthStyle: ep.conf.Endpoint.AuthStyle,
	}
	t, err := cc.Token(ep.ctx(ctx))
	if err != nil {
		return CachedToken{}, tokenErr(err, "token endpoint", grantClientCredentials, o.scrubbed())
	}
	return o.keep(t)
}

// refresh trades rt for new tokens. x/oauth2 keeps rt when the response
// carries no new refresh token, so a rotation shows as a different one.
func (o *oauth) refresh(ctx context.Context, rt string) (CachedToken, error) {
	ep, err := o.endpoints(ctx)
	if err != nil {
		return CachedToken{}, err
	}
	t, err := ep.conf.TokenSource(ep.ctx(ctx), &oauth2.Token{RefreshToken: rt}).Token()
	if err != nil {
		return CachedToken{}, tokenErr(err, "token endpoint", grantRefresh, append(o.scrubbed(), rt))
	}
	return o.keep(t)
}

// refusal is a cached refresh token the server refused, and its error.
type refusal struct {
	token string
	err   error
}

// configuredRefresh is oauth2_refresh's own grant: the refresh token the
// profile points at, read again after a refusal since the user may have
// stored a new one. When it is the token just refused, trying again
// cannot help.
func (o *oauth) configuredRefresh(ctx context.Context, refused refusal) (CachedToken, error) {
	if refused.err != nil {
		o.secrets.forget("refresh_token")
	}
	rt, err := o.secrets.required(ctx, "refresh_token")
	if err != nil {
		return CachedToken{}, err
	}
	if refused.err != nil && rt == refused.token {
		return CachedToken{}, withRefreshHint(refused.err)
	}
	t, err := o.refresh(ctx, rt)
	if isCode(err, "invalid_grant") {
		err = withRefreshHint(err)
	}
	return t, err
}

func withRefreshHint(err error) error {
	return fmt.Errorf("%w Get a new refresh token and store it where the profile's refresh_token points.", err)
}
