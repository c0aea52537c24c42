package auth

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// maxResponse caps what is read of a token response, as x/oauth2 does.
const maxResponse = 1 << 20

// tokenTransport sits under x/oauth2 on the way to the token and device
// authorization endpoints. It adds the profile's RFC 8707 resource and
// extra parameters to every request there (x/oauth2 has no way to add
// them to a refresh), authenticates a confidential client at the device
// authorization endpoint (RFC 8628 §3.1; x/oauth2 sends only client_id),
// and shows each token response to observe, which keeps a masked copy for
// the UI and follows device polling.
type tokenTransport struct {
	base     http.RoundTripper // nil: http.DefaultTransport
	tokenKey string            // endpointKey of the token endpoint
	devKey   string            // endpointKey of the device authorization endpoint
	params   url.Values        // added when the request does not carry them already
	client   clientAuth
	observe  func(status int, body []byte)
}

// clientAuth is how the client authenticates, as x/oauth2 was told.
type clientAuth struct {
	id, secret string
	inHeader   bool
}

func (t *tokenTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	target := endpointKey(req.URL.String())
	isToken := target != "" && target == t.tokenKey
	isDevice := target != "" && target == t.devKey
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	if req.Method != http.MethodPost || !isToken && !isDevice {
		return base.RoundTrip(req)
	}
	req, err := t.withParams(req, isDevice)
	if err != nil {
		return nil, err
	}
	resp, err := base.RoundTrip(req)
	if err != nil || !isToken {
		return resp, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	t.observe(resp.StatusCode, body)
	return resp, nil
}

// withParams returns a copy of req whose form has the extra parameters
// (and, at the device endpoint, the client's credentials); a RoundTripper
// must not change the request it was given.
func (t *tokenTransport) withParams(req *http.Request, device bool) (*http.Request, error) {
	authDevice := device && t.client.secret != "" && req.Header.Get("Authorization") == ""
	if len(t.params) == 0 && !authDevice || req.Body == nil {
		return req, nil
	}
	raw, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, err
	}
	form, err := url.ParseQuery(string(raw))
	if err != nil {
		return nil, err
	}
	for k, v := range t.params {
		if !form.Has(k) {
			form[k] = v
		}
	}
	out := req.Clone(req.Context())
	if authDevice && t.client.inHeader {
		// RFC 6749 §2.3.1: both parts form-encoded first, as x/oauth2 does.
		out.SetBasicAuth(url.QueryEscape(t.client.id), url.QueryEscape(t.client.secret))
	} else if authDevice {
		form.Set("client_secret", t.client.secret)
	}
	enc := form.Encode()
	out.Body = io.NopCloser(strings.NewReader(enc))
	out.ContentLength = int64(len(enc))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(enc)), nil }
	return out, nil
}

// endpointKey compares endpoints by scheme, host (in any case) and path:
// the query is left out, as a configured endpoint may carry one.
func endpointKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.ToLower(u.Scheme+"://"+u.Host) + u.EscapedPath()
}
