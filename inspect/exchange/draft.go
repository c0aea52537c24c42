package exchange

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/why401/why401/inspect/explain"
)

// Header is one header field, in the order it was composed, sent or
// received. It is explain.Header, so records pass to the explainer as they are.
type Header = explain.Header

// Draft is a composed request, before credentials are added.
type Draft struct {
	Method      string
	URL         string   // absolute http:// or https:// URL
	Headers     []Header // in order; a name given here replaces the credentials' header of that name
	Body        []byte
	BodyFile    string // a file sent as the body, streamed; not together with Body
	ContentType string // sent as Content-Type unless Headers has one
}

// Validate refuses what would be sent wrong or not at all: a line break in
// a header (it would split the request), a relative URL, a method that is
// not an HTTP token. The error is one sentence naming the culprit.
func (d Draft) Validate() error {
	if !isToken(d.Method) {
		return fmt.Errorf("the method %s is not a valid HTTP method name (letters, digits and !#$%%&'*+-.^_`|~ only)", quote(d.Method))
	}
	if _, err := parseTarget(d.URL); err != nil {
		return err
	}
	for _, h := range d.Headers {
		if err := checkHeader(h); err != nil {
			return err
		}
	}
	if d.ContentType != "" {
		if err := checkHeader(Header{Name: "Content-Type", Value: d.ContentType}); err != nil {
			return err
		}
	}
	if len(d.Body) > 0 && d.BodyFile != "" {
		return errors.New("the body is given both as text and as a file; give only one")
	}
	return nil
}

// parseTarget accepts only absolute http and https URLs.
func parseTarget(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("the URL %s cannot be read: %v", quote(raw), err)
	}
	if u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("the URL %s is not absolute: it needs http:// or https:// and a host", quote(raw))
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil, fmt.Errorf("the URL %s uses %s:, but only http and https requests are sent", quote(raw), u.Scheme)
	}
	return u, nil
}

func checkHeader(h Header) error {
	name := quote(h.Name)
	switch {
	case strings.ContainsAny(h.Name, "\r\n") || strings.ContainsAny(h.Value, "\r\n"):
		return fmt.Errorf("the header %s contains a line break (CR or LF), which would split the request; remove it", name)
	case h.Name == "":
		return errors.New("a header has an empty name")
	case !isToken(h.Name):
		return fmt.Errorf("the header name %s is not valid: no spaces, colons or other separators", name)
	}
	for _, r := range h.Value {
		if (r < 0x20 && r != '\t') || r == 0x7f {
			return fmt.Errorf("the header %s contains the control character %U, which servers refuse; remove it", name, r)
		}
	}
	return nil
}

// isToken reports whether s is an RFC 9110 token (method and header names).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || !(isAlnum(c) || strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0) {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// quote shows a name as is when it is printable, else Go-quoted so that
// the line break or control character is visible.
func quote(s string) string {
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == ' ' }) >= 0 {
		return strconv.Quote(s)
	}
	return s
}
