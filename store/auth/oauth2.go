package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/why401/why401/inspect/excerpt"
	"github.com/why401/why401/inspect/fetch"
)

// Skew is how long before its expiry a cached access token is replaced:
// long enough for a request to reach the server while the token is valid,
// and to absorb a small clock difference.
const Skew = 30 * time.Second

// tokenTimeout bounds one token-endpoint request when the profile's
// client sets no timeout of its own.
const tokenTimeout = 30 * time.Second

// oauth is the provider of the oauth2_* types.
type oauth struct {
	spec    Spec
	secrets *lazySecrets
	cache   TokenCache
	ui      FlowUI
	now     func() time.Time
	rec     *recorder

	interactive bool // a FlowUI was given: someone can sign in

	mu    sync.Mutex // one token acquisition at a time; guards the fields below
	ep    *endpoint  // resolved on first need
	tok   CachedToken
	dirty bool // the last save failed: memory is newer than the cache
	said  bool // a cache read failure was reported
}

func newOAuth(spec Spec, secrets *lazySecrets, cache TokenCache, ui FlowUI, now func() time.Time) (*oauth, error) {
	if err := checkOAuthSpec(spec); err != nil {
		return nil, err
	}
	if cache == nil {
		cache = NewMemoryCache()
	}
	_, silent := ui.(silentUI)
	return &oauth{spec: spec, secrets: secrets, cache: cache, ui: ui, now: now, rec: &recorder{}, interactive: !silent}, nil
}

func checkOAuthSpec(s Spec) error {
	if s.Profile == "" {
		return errors.New("OAuth2 auth needs the profile's name, which keys its token cache")
	}
	if s.ClientID == "" {
		return fmt.Errorf("%s needs a client_id", s.Type)
	}
	if s.RedirectPort < 0 || s.RedirectPort > 65535 {
		return fmt.Errorf("redirect_port %d is not a port (0 picks a random one)", s.RedirectPort)
	}
	for _, u := range [][2]string{{"issuer", s.Issuer}, {"token_url", s.TokenURL}, {"auth_url", s.AuthURL}, {"device_url", s.DeviceURL}} {
		if u[1] == "" {
			continue
		}
		if err := fetch.CheckURL(u[1]); err != nil {
			return fmt.Errorf("%s: %w", u[0], err)
		}
	}
	if s.Issuer != "" {
		return nil
	}
	switch {
	case s.TokenURL == "":
		return fmt.Errorf("%s needs token_url, or issuer for discovery", s.Type)
	case s.Type == TypeAuthCode && s.AuthURL == "":
		return errors.New("oauth2_auth_code needs auth_url, or issuer for discovery")
	case s.Type == TypeDevice && s.DeviceURL == "":
		return errors.New("oauth2_device needs device_url, or issuer for discovery")
	}
	return nil
}

func (o *oauth) Apply(ctx context.Context, req *http.Request) error {
	tok, err := o.AccessToken(ctx)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return nil
}

// AccessToken is the token Apply would send, obtained the same way; the
// UI's token actions use it to show a token without sending a request.
func (o *oauth) AccessToken(ctx context.Context) (string, error) {
	t, err := o.token(ctx)
	if err != nil {
		return "", err
	}
	if t.TokenType != "" && !strings.EqualFold(t.TokenType, "bearer") {
		return "", fmt.Errorf("the token endpoint issued a token of type %s; why401 sends only Bearer tokens", excerpt.Of(t.TokenType))
	}
	return t.AccessToken, nil
}

func (o *oauth) Describe() string {
	what := map[string]string{
		TypeClientCredentials: "OAuth2 client credentials",
		TypeRefresh:           "OAuth2 refresh token",
		TypeDevice:            "OAuth2 device authorization",
		TypeAuthCode:          "OAuth2 authorization code with PKCE",
	}[o.spec.Type]
	return fmt.Sprintf("%s (client %s)", what, o.spec.ClientID)
}

// Invalidate drops the access token here and in the cache; the refresh
// token stays, so the next Apply refreshes. A cache that cannot be written
// is said, not returned: memory is what this run uses, and the caller's
// retry should go ahead.
func (o *oauth) Invalidate(context.Context) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.reload()
	o.tok.AccessToken, o.tok.TokenType, o.tok.Expiry = "", "", time.Time{}
	if err := o.save(); err != nil {
		o.ui.Say(fmt.Sprintf("The refused token could not be removed from the cache: %v", err))
	}
	return nil
}

func (o *oauth) Forget(context.Context) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.reload()
	keep := CachedToken{}
	if o.spec.Type == TypeRefresh {
		keep.RefreshToken = o.tok.RefreshToken
	}
	o.tok = keep
	o.rec.reset()
	if keep == (CachedToken{}) {
		err := o.cache.Forget(o.spec.Profile)
		o.dirty = err != nil
		return err
	}
	return o.save()
}

func (o *oauth) LastResponse() map[string]any { return o.rec.lastResponse() }

func (o *oauth) IDToken() string { return o.rec.getIDToken() }

// token returns a usable access token: the one in memory, one another run
// cached, a refreshed one, or one from the profile's grant, in that order.
func (o *oauth) token(ctx context.Context) (CachedToken, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.usable(o.tok) {
		return o.tok, nil
	}
	o.reload()
	if o.usable(o.tok) {
		return o.tok, nil
	}
	var refused refusal
	if rt := o.tok.RefreshToken; rt != "" {
		t, err := o.refresh(ctx, rt)
		if err == nil || !isCode(err, "invalid_grant") {
			return t, err
		}
		refused = refusal{token: rt, err: err}
		o.tok.RefreshToken = ""
		// oauth2_refresh keeps the item: with refresh_token = "keyring" it
		// is also the profile's configured token, read again next.
		if o.spec.Type != TypeRefresh {
			o.save()
			o.ui.Say("The cached refresh token was refused, so a new token is needed.")
		}
	}
	return o.obtain(ctx, refused)
}

// obtain runs the profile's own grant.
func (o *oauth) obtain(ctx context.Context, refused refusal) (CachedToken, error) {
	switch o.spec.Type {
	case TypeClientCredentials:
		return o.clientCredentials(ctx)
	case TypeRefresh:
		return o.configuredRefresh(ctx, refused)
	}
	if !o.interactive {
		return CachedToken{}, fmt.Errorf("%s needs someone to sign in, and nobody can be asked here; run why401 in a terminal once, and the tokens it gets are cached: %w", o.spec.Type, ErrSignInNeeded)
	}
	if o.spec.Type == TypeDevice {
		return o.device(ctx)
	}
	return o.authCode(ctx)
}

func (o *oauth) usable(t CachedToken) bool {
	return t.AccessToken != "" && (t.Expiry.IsZero() || o.now().Add(Skew).Before(t.Expiry))
}

// reload takes the cached tokens, which another why401 process may have
// rotated since: refreshing with a stale refresh token would fail.
func (o *oauth) reload() {
	if o.dirty {
		return
	}
	t, ok, err := o.cache.Load(o.spec.Profile)
	if err != nil {
		if !o.said {
			o.ui.Say(fmt.Sprintf("Cached tokens could not be read, so new ones are fetched: %v", err))
			o.said = true
		}
		return
	}
	if ok {
		o.tok = t
	} else {
		o.tok = CachedToken{}
	}
}

// keep makes a fresh token the current one and saves it at once, so a
// rotated refresh token survives even if this run dies next.
func (o *oauth) keep(t *oauth2.Token) (CachedToken, error) {
	ct := CachedToken{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, TokenType: t.TokenType, Expiry: o.expiry(t)}
	if id, ok := t.Extra("id_token").(string); ok {
		o.rec.setIDToken(id)
	}
	o.tok = ct
	if err := o.save(); err != nil {
		o.ui.Say(fmt.Sprintf("The new tokens could not be cached, so they last for this run only: %v", err))
	}
	return ct, nil
}

// expiry counts expires_in on o.now, the clock every freshness check uses.
func (o *oauth) expiry(t *oauth2.Token) time.Time {
	if t.ExpiresIn > 0 {
		return o.now().Add(time.Duration(t.ExpiresIn) * time.Second)
	}
	return t.Expiry
}

func (o *oauth) save() error {
	err := o.cache.Save(o.spec.Profile, o.tok)
	o.dirty = err != nil
	return err
}

// scrubbed is every secret in play, to keep out of error messages.
func (o *oauth) scrubbed() []string {
	return append(o.secrets.known(), o.tok.AccessToken, o.tok.RefreshToken)
}
