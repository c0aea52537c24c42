package config

import (
	"net"
	"net/url"
	"strings"
)

// urlRule says what a URL-valued key accepts.
type urlRule int

const (
	// ruleBase is base_url: http or https anywhere, no query (request
	// paths are joined to it), no fragment.
	ruleBase urlRule = iota
	// ruleEndpoint is a token, authorization, device, JWKS or
	// introspection endpoint: https, or http on loopback only, since
	// client secrets and tokens travel to it.
	ruleEndpoint
	// ruleIssuer is an issuer (discovery base): as ruleEndpoint, and no
	// query or fragment (RFC 8414 §2).
	ruleIssuer
)

// checkURL parses s for key and returns the URL or a message saying what
// is wrong and how to fix it. The message never repeats the URL: it may
// hold user:password.
func checkURL(s string, rule urlRule) (*url.URL, string) {
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Scheme == "" || u.Opaque != "" || u.Host == "":
		return nil, "is not an absolute URL; write it with scheme and host, e.g. https://api.example.com"
	case u.Scheme != "https" && u.Scheme != "http":
		return nil, "must be an http or https URL; change the scheme"
	case u.User != nil:
		return nil, "must not contain user:password@; credentials in a URL are a literal secret, so remove them and configure [auth] with a secret reference"
	case u.Fragment != "" || strings.Contains(s, "#"):
		return nil, "must not have a fragment (#…); remove it"
	case u.RawQuery != "" || u.ForceQuery:
		if rule != ruleEndpoint {
			return nil, "must not have a query (?…); remove it (query parameters belong to the request URL)"
		}
	}
	if rule != ruleBase && u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, "must use https; plain http is accepted only for loopback hosts (127.0.0.1, ::1, localhost)"
	}
	return u, ""
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// checkURI validates an RFC 8707 resource indicator: an absolute URI of
// any scheme (api://orders is common) without a fragment.
func checkURI(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil || u.Scheme == "":
		return "must be an absolute URI such as https://api.example.com or api://orders (RFC 8707); write it with its scheme"
	case u.Fragment != "" || strings.Contains(s, "#"):
		return "must not have a fragment (#…) (RFC 8707); remove it"
	}
	return ""
}
