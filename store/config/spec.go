package config

import (
	"time"

	"github.com/why401/why401/store/secrets"
)

// ProfileSpec is a profile to add, in plain values. Secret-bearing fields
// are secrets.Ref, so a secret value cannot be written to the config.
// Zero values are left out of the file (and so take their defaults).
type ProfileSpec struct {
	Name    string
	BaseURL string
	Headers []Header

	Protected *bool // nil: not written (default: true when Name contains "prod")
	History   *bool // nil: not written (default: off when protected)
	Timeout   time.Duration

	Issuer   string
	Audience string
	Scopes   []string
	Algs     []string
	Leeway   time.Duration

	JWKSURL          string
	Discovery        string
	KeyFile          string
	HMACSecret       secrets.Ref
	IntrospectionURL string

	CAFile             string
	ClientCert         string
	ClientKey          secrets.Ref
	InsecureSkipVerify bool

	Auth AuthSpec
}

// AuthSpec is the [auth] table of a ProfileSpec; Type "" writes no [auth]
// table (auth none).
type AuthSpec struct {
	Type AuthType

	Token secrets.Ref

	Username string
	Password secrets.Ref

	Name  string
	In    string
	Value secrets.Ref

	TokenURL     string
	AuthURL      string
	DeviceURL    string
	ClientID     string
	ClientSecret secrets.Ref
	Scopes       []string
	Resource     string
	Extra        []Param
	RedirectPort int
	RefreshToken secrets.Ref
	RetryOn401   *bool // nil: not written (default true)
}
