// Package fetch gets small documents the user asked for — JWKS, discovery
// and protected-resource metadata — with the rules every such fetch shares:
// https (plain http only on loopback, where nothing can tamper with it), a
// timeout, a size cap and a bounded number of redirects that obey the same
// rules.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults: these documents are kilobytes, and a debugging tool must not
// hang on a slow server.
const (
	DefaultTimeout  = 10 * time.Second
	DefaultMaxBytes = 1 << 20
	maxRedirects    = 5
)

// Options tune one fetch. The zero value uses the defaults.
type Options struct {
	Client   *http.Client // nil: a client with Timeout and the URL rules on redirects
	Timeout  time.Duration
	MaxBytes int64
	Accept   string
}

// Get fetches rawURL and returns its body when the status is 200.
func Get(ctx context.Context, rawURL string, o Options) ([]byte, error) {
	if err := CheckURL(rawURL); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, o.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("cannot fetch %s: %w", rawURL, err)
	}
	if o.Accept != "" {
		req.Header.Set("Accept", o.Accept)
	}
	resp, err := o.client().Do(req)
	if err != nil {
		return nil, fmt.Errorf("cannot fetch %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetching %s returned HTTP %d", rawURL, resp.StatusCode)
	}
	limit := o.maxBytes()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", rawURL, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", rawURL, limit)
	}
	return data, nil
}

// CheckURL allows https anywhere and plain http only on loopback.
func CheckURL(rawURL string) error {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%q is not an absolute URL", rawURL)
	}
	switch {
	case u.Scheme == "https":
		return nil
	case u.Scheme == "http" && IsLoopback(u.Hostname()):
		return nil
	case u.Scheme == "http":
		return fmt.Errorf("%s uses plain http; only https is fetched (http only on loopback)", rawURL)
	}
	return fmt.Errorf("%s is not an http(s) URL", rawURL)
}

// IsLoopback reports whether host is localhost or a loopback address.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (o Options) client() *http.Client {
	if o.Client != nil {
		return o.Client
	}
	return &http.Client{
		Timeout: o.timeout(),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= maxRedirects {
				return errors.New("too many redirects")
			}
			return CheckURL(req.URL.String())
		},
	}
}

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}
