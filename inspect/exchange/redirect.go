package exchange

import (
	"io"
	"net/http"
	"net/url"
	"strings"
)

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// nextMethod is the method of the request after a redirect, and whether
// it keeps the body: 307 and 308 repeat the request, 303 turns it into a
// GET, and 301/302 turn anything but GET and HEAD into a GET, as Go's
// client and browsers do.
func nextMethod(code int, method string) (string, bool) {
	switch {
	case code == http.StatusTemporaryRedirect || code == http.StatusPermanentRedirect:
		return method, true
	case method == http.MethodHead:
		return method, false
	case code == http.StatusSeeOther || method != http.MethodGet:
		return http.MethodGet, false
	}
	return method, false
}

// location resolves the Location header; false when there is none to follow.
func location(resp *http.Response, base *url.URL) (*url.URL, bool) {
	loc := resp.Header.Get("Location")
	if loc == "" {
		return nil, false
	}
	u, err := base.Parse(loc)
	if err != nil || u.Host == "" {
		return nil, false
	}
	if s := strings.ToLower(u.Scheme); s != "http" && s != "https" {
		return nil, false
	}
	return u, true
}

// drain discards a redirect's body, bounded: the connection is not reused.
func drain(resp *http.Response) {
	io.CopyN(io.Discard, resp.Body, 64<<10)
	resp.Body.Close()
}
