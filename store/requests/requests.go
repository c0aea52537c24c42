// Package requests holds composed requests: the draft the terminal app
// edits and sends, and the named requests a user saves per profile in a
// plain, diff-friendly TOML file beside the config.
package requests

import (
	"strings"

	"github.com/why401/why401/store/redact"
)

// Header is one request header; Off keeps it in the draft without sending it.
type Header struct {
	Name  string `toml:"name"`
	Value string `toml:"value"`
	Off   bool   `toml:"off,omitempty"`
}

// Auth says which credentials a request carries.
type Auth string

const (
	AuthProfile Auth = ""       // the profile's own credentials
	AuthNone    Auth = "none"   // no credentials at all
	AuthBearer  Auth = "bearer" // Token as a bearer token instead of the profile's
)

// Request is a composed request. URL is absolute or a path joined to the
// profile's base URL; Query parameters live in the URL itself so that what
// is shown is what is sent. Token (a per-request bearer override) is never
// saved to a file.
type Request struct {
	Name    string   `toml:"name,omitempty"`
	Method  string   `toml:"method"`
	URL     string   `toml:"url"`
	Headers []Header `toml:"headers,omitempty"`
	Body    string   `toml:"body,omitempty,multiline"`
	Auth    Auth     `toml:"auth,omitempty"`
	Token   string   `toml:"-"`
}

// Sent returns the headers that are switched on.
func (r Request) Sent() []Header {
	var out []Header
	for _, h := range r.Headers {
		if !h.Off && h.Name != "" {
			out = append(out, h)
		}
	}
	return out
}

// Header returns the value of the first switched-on header named name
// (case-insensitive).
func (r Request) Header(name string) (string, bool) {
	for _, h := range r.Sent() {
		if strings.EqualFold(h.Name, name) {
			return h.Value, true
		}
	}
	return "", false
}

// WithoutSecrets returns r as it may be written to a file: the Token is
// gone, and every credential header (store/redact's list) keeps its name
// but loses its value and is switched off, so that loading it back never
// sends an empty credential. stripped names what was removed.
func (r Request) WithoutSecrets() (clean Request, stripped []string) {
	clean = r
	clean.Token = ""
	if r.Token != "" {
		stripped = append(stripped, "the bearer token")
	}
	clean.Headers = make([]Header, len(r.Headers))
	for i, h := range r.Headers {
		if redact.IsSecretHeader(h.Name) && h.Value != "" {
			h.Value, h.Off = "", true
			stripped = append(stripped, h.Name)
		}
		clean.Headers[i] = h
	}
	if len(clean.Headers) == 0 {
		clean.Headers = nil
	}
	return clean, stripped
}
