package challenge

import (
	"strconv"
	"strings"
)

// Typed views of the well-known schemes. Each AsX method returns false when
// the challenge is not of that scheme; missing parameters are zero values.

// Hints are parameters that may ride on any scheme: RFC 9470 step-up
// (acr_values, max_age) and RFC 9728 resource_metadata.
type Hints struct {
	ACRValues        []string // space-separated, in order of preference
	MaxAge           int      // seconds; valid only when HasMaxAge
	HasMaxAge        bool
	MaxAgeRaw        string   // as sent, also when it is not a number
	ResourceMetadata []string // every value, duplicates listed (Sentry sent two)
}

// Hints reads the step-up and resource-metadata parameters, quoted or not.
func (c Challenge) Hints() Hints {
	var h Hints
	if v, ok := c.Get("acr_values"); ok {
		h.ACRValues = words(v)
	}
	if v, ok := c.Get("max_age"); ok {
		h.MaxAgeRaw = v
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n >= 0 {
			h.MaxAge, h.HasMaxAge = n, true
		}
	}
	h.ResourceMetadata = c.All("resource_metadata")
	return h
}

// Basic is an RFC 7617 challenge.
type Basic struct {
	Realm   string
	Charset string // "UTF-8" is the only value RFC 7617 allows
}

// AsBasic reads a Basic challenge.
func (c Challenge) AsBasic() (Basic, bool) {
	if !c.Is("Basic") {
		return Basic{}, false
	}
	return Basic{Realm: c.value("realm"), Charset: c.value("charset")}, true
}

// Digest is an RFC 7616 challenge.
type Digest struct {
	Realm     string
	Domain    []string // space-separated URIs
	Nonce     string
	Opaque    string
	Stale     bool   // "true" in any case, quoted or not (Hikvision quotes it)
	Algorithm string // "MD5" when absent
	QOP       []string
	Charset   string
	Userhash  bool
}

// AsDigest reads a Digest challenge.
func (c Challenge) AsDigest() (Digest, bool) {
	if !c.Is("Digest") {
		return Digest{}, false
	}
	d := Digest{
		Realm:     c.value("realm"),
		Domain:    words(c.value("domain")),
		Nonce:     c.value("nonce"),
		Opaque:    c.value("opaque"),
		Stale:     isTrue(c.value("stale")),
		Algorithm: strings.TrimSpace(c.value("algorithm")),
		QOP:       splitList(c.value("qop")),
		Charset:   c.value("charset"),
		Userhash:  isTrue(c.value("userhash")),
	}
	if d.Algorithm == "" {
		d.Algorithm = "MD5"
	}
	return d, true
}

// Bearer is an RFC 6750 challenge, with the extensions seen in the wild.
type Bearer struct {
	Realm            string
	Scope            []string // space-separated, case-sensitive
	Error            string
	ErrorDescription string
	ErrorURI         string
	Hints
	Azure Azure
}

// Azure holds Microsoft Entra / Azure parameters of a Bearer challenge.
type Azure struct {
	AuthorizationURI string // ARM, Graph: the authority (tenant)
	Authorization    string // Key Vault: the authority
	ClientID         string // Graph: the resource app id the token must be for
	ResourceID       string // Storage: the required audience
	Resource         string // Key Vault: the required audience
	Claims           Claims // CAE claims challenge
}

// AsBearer reads a Bearer challenge.
func (c Challenge) AsBearer() (Bearer, bool) {
	if !c.Is("Bearer") {
		return Bearer{}, false
	}
	return Bearer{
		Realm:            c.value("realm"),
		Scope:            words(c.value("scope")),
		Error:            c.value("error"),
		ErrorDescription: c.value("error_description"),
		ErrorURI:         c.value("error_uri"),
		Hints:            c.Hints(),
		Azure: Azure{
			AuthorizationURI: c.value("authorization_uri"),
			Authorization:    c.value("authorization"),
			ClientID:         c.value("client_id"),
			ResourceID:       c.value("resource_id"),
			Resource:         c.value("resource"),
			Claims:           c.claims(),
		},
	}, true
}

// DPoP is an RFC 9449 §7.1 challenge.
type DPoP struct {
	Realm            string
	Algs             []string // accepted JWS algorithms for the proof
	Error            string
	ErrorDescription string
	Scope            []string
	Hints
}

// AsDPoP reads a DPoP challenge.
func (c Challenge) AsDPoP() (DPoP, bool) {
	if !c.Is("DPoP") {
		return DPoP{}, false
	}
	return DPoP{
		Realm:            c.value("realm"),
		Algs:             words(c.value("algs")),
		Error:            c.value("error"),
		ErrorDescription: c.value("error_description"),
		Scope:            words(c.value("scope")),
		Hints:            c.Hints(),
	}, true
}

// RegistryScope is one Docker/OCI token scope, "type:name:actions".
type RegistryScope struct {
	Type    string // "repository", "registry", "repository(plugin)", …
	Name    string // may hold a host:port
	Actions []string
}

// Registry is a Docker/OCI registry token-auth challenge: the client fetches
// a token from Realm with Service and Scope.
type Registry struct {
	Realm   string // the token endpoint
	Service string
	Scopes  []RegistryScope
	Error   string
}

// IsRegistryChallenge reports whether c looks like Docker/OCI token auth: a
// Bearer challenge with realm and service, or any challenge whose scope names
// a repository or the registry.
func IsRegistryChallenge(c Challenge) bool {
	if c.Is("Bearer") {
		_, realm := c.Get("realm")
		_, service := c.Get("service")
		if realm && service {
			return true
		}
	}
	for _, v := range c.All("scope") {
		for _, s := range strings.Fields(v) {
			if strings.HasPrefix(s, "repository:") || strings.HasPrefix(s, "repository(") || strings.HasPrefix(s, "registry:") {
				return true
			}
		}
	}
	return false
}

// AsRegistry reads a registry challenge; false unless IsRegistryChallenge.
func (c Challenge) AsRegistry() (Registry, bool) {
	if !IsRegistryChallenge(c) {
		return Registry{}, false
	}
	r := Registry{Realm: c.value("realm"), Service: c.value("service"), Error: c.value("error")}
	for _, v := range c.All("scope") {
		for _, s := range strings.Fields(v) {
			r.Scopes = append(r.Scopes, ParseRegistryScope(s))
		}
	}
	return r, true
}

// ParseRegistryScope splits "repository:library/alpine:pull,push". The name
// runs to the last colon, so "repository:host:5000/x:pull" keeps its port.
func ParseRegistryScope(s string) RegistryScope {
	first := strings.IndexByte(s, ':')
	if first < 0 {
		return RegistryScope{Name: s} // Codeberg sends scope="*"
	}
	last := strings.LastIndexByte(s, ':')
	if last == first {
		return RegistryScope{Type: s[:first], Name: s[first+1:]}
	}
	return RegistryScope{Type: s[:first], Name: s[first+1 : last], Actions: splitList(s[last+1:])}
}

// ntlmType2Prefix is base64 of "NTLMSSP\0" followed by message type 2.
const ntlmType2Prefix = "TlRMTVNTUAACAAAA"

// Negotiate is a Negotiate (RFC 4559) or NTLM challenge.
type Negotiate struct {
	Token     string // the token68, a continuation or mutual-auth token
	Initial   bool   // bare scheme: the first leg of the handshake
	NTLMType2 bool   // the token is an NTLM type-2 (server challenge) message
}

// AsNegotiate reads a Negotiate or NTLM challenge.
func (c Challenge) AsNegotiate() (Negotiate, bool) {
	if !c.Is("Negotiate") && !c.Is("NTLM") {
		return Negotiate{}, false
	}
	n := Negotiate{Initial: c.Token68 == nil && len(c.Params) == 0}
	if c.Token68 != nil {
		n.Token = *c.Token68
		n.NTLMType2 = strings.HasPrefix(n.Token, ntlmType2Prefix)
	}
	return n, true
}

// value is Get without the flag.
func (c Challenge) value(name string) string {
	v, _ := c.Get(name)
	return v
}

// isTrue reads a boolean parameter case-insensitively.
func isTrue(v string) bool { return strings.EqualFold(strings.TrimSpace(v), "true") }

// words splits a space-separated list; nil when there is nothing, so an
// absent parameter and an empty one read the same.
func words(v string) []string {
	if strings.TrimSpace(v) == "" {
		return nil
	}
	return strings.Fields(v)
}

// splitList splits a comma- and/or space-separated list, dropping empties.
func splitList(v string) []string {
	if strings.Trim(v, ", \t") == "" {
		return nil
	}
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
}
