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
// gone; every credential header (store/redact's list) keeps its name but
// loses its value and is switched off, so that loading it back never sends
// an empty credential; secret query parameters and secret fields of a form
// or JSON body (store/redact's list: access_token, client_secret,
// password, …) keep their names and lose their values. A bearer override
// goes back to the profile's credentials, since its token is not saved
// and an empty bearer would be sent otherwise. stripped names what was
// removed ("the bearer token", header names, "query parameter x",
// "body field y").
func (r Request) WithoutSecrets() (clean Request, stripped []string) {
	clean = r
	clean.Token = ""
	if r.Auth == AuthBearer {
		clean.Auth = AuthProfile
	}
	if r.Token != "" || r.Auth == AuthBearer {
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
	var names []string
	clean.URL, names = stripQuery(r.URL)
	for _, n := range names {
		stripped = append(stripped, "query parameter "+n)
	}
	ct, _ := r.Header("Content-Type")
	clean.Body, names = stripBody(r.Body, ct)
	for _, n := range names {
		stripped = append(stripped, "body field "+n)
	}
	return clean, stripped
}

// Methods are the HTTP methods a request is composed with, in the order
// the terminal app cycles through them.
func Methods() []string {
	return []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
}

// IsMethod reports whether s (in any case) is one of Methods.
func IsMethod(s string) bool {
	for _, m := range Methods() {
		if strings.EqualFold(s, m) {
			return true
		}
	}
	return false
}
