package requests

import (
	"fmt"
	"strings"
)

// problem is a validation failure and the key it is about, for its line.
type problem struct{ key, msg string }

// Validate reports the first reason r could not be saved or sent as it is.
func (r Request) Validate() error {
	if p := r.validate(); p != nil {
		return &Error{Msg: p.msg}
	}
	return nil
}

func (r Request) validate() *problem {
	switch {
	case strings.TrimSpace(r.Name) != r.Name || hasControl(r.Name):
		return &problem{"name", "the name has surrounding spaces or control characters"}
	case r.Method == "":
		return &problem{"method", "method is missing; write e.g. method = \"GET\""}
	case !isToken(r.Method):
		return &problem{"method", fmt.Sprintf("method %q is not an HTTP method", r.Method)}
	case strings.TrimSpace(r.URL) == "":
		return &problem{"url", "url is missing; write a path such as \"/v1/orders\" or a full URL"}
	case hasControl(r.URL):
		return &problem{"url", "the url contains control characters; percent-encode them"}
	}
	switch r.Auth {
	case AuthProfile, AuthNone, AuthBearer:
	default:
		return &problem{"auth", fmt.Sprintf("auth %q is not one of \"none\" or \"bearer\" (leave it out for the profile's credentials)", r.Auth)}
	}
	for i, h := range r.Headers {
		if p := h.validate(); p != nil {
			return &problem{fmt.Sprintf("headers.%d", i), p.msg}
		}
	}
	return nil
}

// validate never quotes the value: it may be a credential.
func (h Header) validate() *problem {
	switch {
	case h.Name == "":
		return &problem{"name", "a header has no name"}
	case !isToken(h.Name):
		return &problem{"name", fmt.Sprintf("header name %q is not a valid header name", h.Name)}
	case strings.ContainsAny(h.Value, "\r\n\x00"):
		return &problem{"value", fmt.Sprintf("the value of header %s contains a line break or NUL, which cannot be sent", h.Name)}
	}
	return nil
}

// Named saved requests must have a name; drafts need not.
func (r Request) validateNamed() error {
	if r.Name == "" {
		return &Error{Msg: "a saved request needs a name"}
	}
	return r.Validate()
}

// isToken reports whether s is an RFC 9110 token (method and header names).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if !alnum && !strings.ContainsRune("!#$%&'*+-.^_`|~", rune(c)) {
			return false
		}
	}
	return true
}

func hasControl(s string) bool { return strings.ContainsFunc(s, isControl) }
