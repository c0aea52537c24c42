package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
)

// bearer sends a token from the profile as "Authorization: Bearer …".
type bearer struct{ secrets *lazySecrets }

func (b *bearer) Apply(ctx context.Context, req *http.Request) error {
	tok, err := b.secrets.required(ctx, "token")
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return nil
}

// Invalidate resolves the token again on the next Apply: a cmd: helper
// may hand out a fresh one.
func (b *bearer) Invalidate(context.Context) error {
	b.secrets.forget("token")
	return nil
}

func (b *bearer) Describe() string { return "Bearer token from the profile" }

// basic sends HTTP Basic credentials (RFC 7617).
type basic struct {
	user    string
	secrets *lazySecrets
}

func newBasic(spec Spec, secrets *lazySecrets) (*basic, error) {
	switch {
	case spec.Username == "":
		return nil, errors.New("basic auth needs a username")
	case strings.Contains(spec.Username, ":"):
		// RFC 7617: the user-id cannot contain a colon.
		return nil, errors.New("a basic auth username cannot contain a colon")
	case strings.ContainsAny(spec.Username, "\r\n"):
		return nil, errors.New("a basic auth username cannot contain a line break")
	}
	return &basic{user: spec.Username, secrets: secrets}, nil
}

func (b *basic) Apply(ctx context.Context, req *http.Request) error {
	pw, err := b.secrets.required(ctx, "password")
	if err != nil {
		return err
	}
	req.SetBasicAuth(b.user, pw)
	return nil
}

func (b *basic) Invalidate(context.Context) error {
	b.secrets.forget("password")
	return nil
}

func (b *basic) Describe() string { return "Basic auth as " + b.user }

// apiKey sends a key in a header or a query parameter.
type apiKey struct {
	name    string
	inQuery bool
	secrets *lazySecrets
}

func newAPIKey(spec Spec, secrets *lazySecrets) (*apiKey, error) {
	if spec.KeyName == "" {
		return nil, errors.New(`api_key auth needs a name (the header or query parameter, e.g. "X-API-Key")`)
	}
	switch spec.KeyIn {
	case "header", "":
		if !validHeaderName(spec.KeyName) {
			return nil, fmt.Errorf("%q is not a valid header name", spec.KeyName)
		}
		return &apiKey{name: textproto.CanonicalMIMEHeaderKey(spec.KeyName), secrets: secrets}, nil
	case "query":
		return &apiKey{name: spec.KeyName, inQuery: true, secrets: secrets}, nil
	}
	return nil, fmt.Errorf(`api_key "in" is %q; use "header" or "query"`, spec.KeyIn)
}

func (k *apiKey) Apply(ctx context.Context, req *http.Request) error {
	v, err := k.secrets.required(ctx, "value")
	if err != nil {
		return err
	}
	if !k.inQuery {
		req.Header.Set(k.name, v)
		return nil
	}
	addQuery(req.URL, k.name, v)
	return nil
}

// addQuery sets name=value, leaving the rest of the query as the user
// wrote it (re-encoding would reorder and re-escape it).
func addQuery(u *url.URL, name, value string) {
	q := u.Query()
	if q.Has(name) {
		q.Set(name, value)
		u.RawQuery = q.Encode()
		return
	}
	pair := url.QueryEscape(name) + "=" + url.QueryEscape(value)
	if u.RawQuery == "" {
		u.RawQuery = pair
	} else {
		u.RawQuery += "&" + pair
	}
}

func (k *apiKey) Invalidate(context.Context) error {
	k.secrets.forget("value")
	return nil
}

func (k *apiKey) Describe() string {
	if k.inQuery {
		return "API key in query parameter " + k.name
	}
	return "API key in header " + k.name
}

// Warnings says what a key in the URL risks.
func (k *apiKey) Warnings() []string {
	if !k.inQuery {
		return nil
	}
	return []string{fmt.Sprintf("The API key is sent in the URL (?%s=…), where server and proxy logs, "+
		"browser history and Referer headers keep it (the leak RFC 6750 §5.3 warns about for tokens); "+
		"send it in a header if the API accepts one.", k.name)}
}

func validHeaderName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		// RFC 9110 token characters.
		if c > 127 || !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", c)) {
			return false
		}
	}
	return true
}
