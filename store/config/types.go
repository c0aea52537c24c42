package config

import (
	"net/url"
	"time"

	"github.com/why401/why401/store/secrets"
)

// Defaults of CONTRACT that are not "unset".
const (
	DefaultTimeout = 30 * time.Second // a profile's request timeout when timeout is not set
	FileName       = "config.toml"    // the config file inside the config dir
)

// Config is a loaded, validated config file.
type Config struct {
	DefaultProfile string    // as written; "" when not set
	Profiles       []Profile // in file order
	Path           string    // the file it was loaded from
}

// Profile returns the profile called name.
func (c *Config) Profile(name string) (Profile, bool) {
	for _, p := range c.Profiles {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// Default returns the profile to use when --profile is not given:
// default_profile, else the first profile in the file.
func (c *Config) Default() (Profile, bool) {
	if c.DefaultProfile != "" {
		return c.Profile(c.DefaultProfile)
	}
	if len(c.Profiles) == 0 {
		return Profile{}, false
	}
	return c.Profiles[0], true
}

// Names lists the profile names in file order.
func (c *Config) Names() []string {
	names := make([]string, len(c.Profiles))
	for i, p := range c.Profiles {
		names[i] = p.Name
	}
	return names
}

// Profile is one [profiles.NAME] table with every default resolved.
// URLs are parsed and validated; unset optional URLs are nil and unset
// secret references are zero (Ref.IsZero). File paths are absolute:
// "~/" is the home directory and relative paths are relative to the
// config file's directory.
type Profile struct {
	Name string
	Line int // line of the profile's first table or key, for messages

	BaseURL *url.URL // required; http or https, no query or fragment
	Headers []Header // sent with every request, in file order

	Protected    bool // default: true when the name contains "prod"
	ProtectedSet bool // protected was written in the file
	History      bool // default: false when protected, else true
	HistorySet   bool // history was written in the file

	Timeout  time.Duration // default DefaultTimeout
	Issuer   string        // expected iss; an http(s) issuer is also the discovery base
	Audience string        // expected in aud
	Scopes   []string      // scopes this profile's requests are expected to need
	Algs     []string      // allowed signature algorithms; nil: those that fit the key
	Leeway   time.Duration // clock leeway for time claims; default 0

	JWKSURL          *url.URL
	Discovery        *url.URL // an issuer URL to discover from; overrides Issuer for discovery
	KeyFile          string
	HMACSecret       secrets.Ref
	IntrospectionURL *url.URL

	CAFile             string
	ClientCert         string
	ClientKey          secrets.Ref // set exactly when ClientCert is
	InsecureSkipVerify bool

	Auth Auth
}

// DiscoveryBase is the issuer URL to run discovery against: discovery if
// set, else issuer when it is an http(s) URL; nil when neither.
func (p Profile) DiscoveryBase() *url.URL {
	if p.Discovery != nil {
		return p.Discovery
	}
	if u, err := url.Parse(p.Issuer); err == nil && p.Issuer != "" && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
		return u
	}
	return nil
}

// Header is one request header of a profile.
type Header struct{ Name, Value string }

// Param is one extra token-request parameter (auth.extra), in file order.
type Param struct{ Name, Value string }

// AuthType is the value of auth.type.
type AuthType string

// The auth types of CONTRACT.
const (
	AuthNone                    AuthType = "none"
	AuthBearer                  AuthType = "bearer"
	AuthBasic                   AuthType = "basic"
	AuthAPIKey                  AuthType = "api_key"
	AuthOAuth2ClientCredentials AuthType = "oauth2_client_credentials"
	AuthOAuth2Device            AuthType = "oauth2_device"
	AuthOAuth2AuthCode          AuthType = "oauth2_auth_code"
	AuthOAuth2Refresh           AuthType = "oauth2_refresh"
)

// AuthTypes lists every auth type in CONTRACT order.
func AuthTypes() []AuthType {
	return []AuthType{AuthNone, AuthBearer, AuthBasic, AuthAPIKey, AuthOAuth2ClientCredentials,
		AuthOAuth2Device, AuthOAuth2AuthCode, AuthOAuth2Refresh}
}

// IsOAuth2 reports whether t is one of the oauth2_* flows.
func (t AuthType) IsOAuth2() bool {
	switch t {
	case AuthOAuth2ClientCredentials, AuthOAuth2Device, AuthOAuth2AuthCode, AuthOAuth2Refresh:
		return true
	}
	return false
}

// Where an API key goes.
const (
	InHeader = "header"
	InQuery  = "query"
)

// Auth is a profile's [auth] table. A profile without one has Type none.
// Only the keys of its type are set; Load refuses the others.
type Auth struct {
	Type AuthType

	Token secrets.Ref // bearer

	Username string      // basic
	Password secrets.Ref // basic

	Name  string      // api_key: header or query parameter name
	In    string      // api_key: InHeader (default) or InQuery
	Value secrets.Ref // api_key

	TokenURL     *url.URL // oauth2_*; nil: from discovery
	AuthURL      *url.URL // oauth2_auth_code; nil: from discovery
	DeviceURL    *url.URL // oauth2_device; nil: from discovery
	ClientID     string
	ClientSecret secrets.Ref // zero for public clients
	Scopes       []string    // requested scopes
	Resource     string      // RFC 8707 resource indicator
	Extra        []Param     // extra token-request parameters, in file order
	RedirectPort int         // oauth2_auth_code loopback port; 0: random
	RefreshToken secrets.Ref // oauth2_refresh: the first refresh token
	RetryOn401   bool        // refresh and retry once after a 401 invalid_token (flows that can); default true
}
