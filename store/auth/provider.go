// Package auth turns a profile's auth settings into a credential.Provider:
// static credentials (bearer, basic, API key) and OAuth2 flows with
// golang.org/x/oauth2 (client credentials, refresh token, device
// authorization, authorization code + PKCE), with tokens cached in the
// keyring, refreshed before they expire and rotated refresh tokens saved at
// once. It also reads token-endpoint errors into sentences and asks an
// introspection endpoint (RFC 7662) about opaque tokens.
//
// The package takes plain values (Spec) rather than the config types, and
// functions for secrets and UI, so the layers above decide where secrets
// come from and how the user is talked to.
package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/why401/why401/inspect/credential"
)

// Auth types, as written in the config.
const (
	TypeNone              = "none"
	TypeBearer            = "bearer"
	TypeBasic             = "basic"
	TypeAPIKey            = "api_key"
	TypeClientCredentials = "oauth2_client_credentials"
	TypeDevice            = "oauth2_device"
	TypeAuthCode          = "oauth2_auth_code"
	TypeRefresh           = "oauth2_refresh"
)

// Spec is a profile's auth settings as plain values.
type Spec struct {
	Profile string
	Type    string // one of the Type constants; "" means none

	Username string // basic
	KeyName  string // api_key: the header or query parameter name
	KeyIn    string // api_key: "header" or "query"

	// OAuth2. Empty endpoint URLs come from discovery at Issuer.
	TokenURL, AuthURL, DeviceURL string
	ClientID                     string
	Scopes                       []string
	Resource                     string            // RFC 8707, sent with authorization and token requests
	Extra                        map[string]string // more parameters for the same requests
	RedirectPort                 int               // auth code loopback port; 0: a random one
	Issuer                       string            // discovery base

	// HTTPClient carries the profile's CA, client certificate and the
	// environment's proxy; nil uses a default client. It is used for
	// discovery, token, device and introspection requests.
	HTTPClient *http.Client
}

// SecretFunc resolves one of the profile's secret references by name
// ("token", "password", "value", "client_secret", "refresh_token"). It is
// called lazily, only when the value is first needed. For a name the
// profile has no reference for it returns "" or an error wrapping
// ErrNoSecret.
type SecretFunc func(ctx context.Context, name string) (string, error)

// ErrNoSecret is what a SecretFunc wraps when the profile has no reference
// for the requested name (a public client's client_secret, say).
var ErrNoSecret = errors.New("the profile has no such secret")

// ErrSignInNeeded: the grant needs a person (device or browser sign-in)
// and no FlowUI was given; the terminal app answers it with its sign-in
// modal.
var ErrSignInNeeded = errors.New("sign-in needed")

// FlowUI is how an interactive flow talks to the user.
type FlowUI interface {
	// ShowDeviceCode shows where to go and what to type for the device
	// flow; polling starts when it returns.
	ShowDeviceCode(DeviceCode)
	// OpenBrowser opens url in the user's browser, or fails when there is
	// none (the URL has been said already).
	OpenBrowser(url string) error
	// Say is one line of progress or warning.
	Say(msg string)
}

// DeviceCode is what the user needs to approve a device authorization.
type DeviceCode struct {
	VerificationURI         string
	VerificationURIComplete string // "" when the server sent none
	UserCode                string
	Expires                 time.Time
	// QR is VerificationURIComplete (or VerificationURI) as a QR code drawn
	// with half-block characters, light modules drawn, for a dark
	// terminal background; "" when it could not be drawn.
	QR string
}

// Warner is implemented by providers that send credentials in a risky way
// (an API key in the query); the UI shows the warnings.
type Warner interface {
	Warnings() []string
}

// OAuth2 is what the OAuth2 providers offer beyond credential.Provider.
type OAuth2 interface {
	credential.Provider
	// AccessToken returns the access token Apply would send: the cached
	// one while it is fresh, else a refreshed or newly obtained one.
	AccessToken(ctx context.Context) (string, error)
	// Forget drops the cached tokens in memory and in the cache, so the
	// next Apply starts the flow again. For oauth2_refresh the refresh
	// token is kept: after a rotation it is the only one the server still
	// accepts.
	Forget(ctx context.Context) error
	// LastResponse is the last token-endpoint response, with every token
	// and secret replaced by a fingerprint; nil before the first one.
	LastResponse() map[string]any
	// IDToken is the ID token of the last token response, if any. It is
	// kept in memory only.
	IDToken() string
}

// New builds the provider for spec. It checks the settings but resolves no
// secret and makes no request: that happens on the first Apply. cache nil
// keeps tokens in memory only; ui nil means nobody can sign in, so the
// device and authorization code flows fail unless a cached or refreshable
// token exists; now nil is time.Now.
func New(spec Spec, secret SecretFunc, cache TokenCache, ui FlowUI, now func() time.Time) (credential.Provider, error) {
	if secret == nil {
		secret = func(context.Context, string) (string, error) { return "", ErrNoSecret }
	}
	if ui == nil {
		ui = silentUI{}
	}
	if now == nil {
		now = time.Now
	}
	secrets := newLazySecrets(secret, spec.Profile)
	switch spec.Type {
	case "", TypeNone:
		return credential.None{}, nil
	case TypeBearer:
		return &bearer{secrets: secrets}, nil
	case TypeBasic:
		return newBasic(spec, secrets)
	case TypeAPIKey:
		return newAPIKey(spec, secrets)
	case TypeClientCredentials, TypeDevice, TypeAuthCode, TypeRefresh:
		return newOAuth(spec, secrets, cache, ui, now)
	}
	return nil, fmt.Errorf("unknown auth type %q; use one of %s", spec.Type, strings.Join(types(), ", "))
}

func types() []string {
	return []string{TypeNone, TypeBearer, TypeBasic, TypeAPIKey, TypeClientCredentials, TypeDevice, TypeAuthCode, TypeRefresh}
}

type silentUI struct{}

func (silentUI) ShowDeviceCode(DeviceCode) {}
func (silentUI) OpenBrowser(string) error  { return errors.New("no browser") }
func (silentUI) Say(string)                {}
