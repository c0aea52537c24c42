package exchange

import (
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/why401/why401/inspect/credential"
)

// Defaults, chosen for a debugging tool: it must not hang, and it must
// not hold a huge body in memory.
const (
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBody        = 1 << 20 // bytes of the body kept in memory
	DefaultMaxRedirects   = 10
	DefaultMaxHeaderBytes = 1 << 20 // as Go's server; curl stops at 300 KB
	DefaultMaxSpool       = 1 << 30 // a decompression bomb must not fill the disk
)

// RetryPolicy decides, after a response arrived, whether to invalidate the
// credentials and send once more (the store says yes for an OAuth2
// profile's 401 invalid_token).
type RetryPolicy func(e *Exchange) bool

// Decoder undoes one Content-Encoding. gzip and deflate are built in;
// others such as br are plugged in through Options.Decoders.
type Decoder func(r io.Reader) (io.ReadCloser, error)

// Options tune one Send. Start from DefaultOptions: the zero value does
// not follow redirects.
type Options struct {
	Credentials credential.Provider // nil: none
	// CredentialOrigin is the scheme://host[:port] the credentials may go
	// to; every other origin, redirect targets included, gets none. Empty:
	// the origin of the draft's URL.
	CredentialOrigin string
	Timeout          time.Duration // for each attempt, body included; 0: DefaultTimeout
	MaxBody          int64         // body bytes kept in memory; 0: DefaultMaxBody
	MaxHeaderBytes   int64         // response header block; 0: DefaultMaxHeaderBytes
	MaxSpool         int64         // body bytes spooled to disk at most; 0: DefaultMaxSpool
	// DiscardRest counts the body bytes past MaxBody and drops them instead
	// of spooling them: for a caller that shows only the head, writing the
	// rest to disk is most of the cost of a large response.
	DiscardRest bool
	TLS         *tls.Config // nil: system roots
	// Proxy picks the proxy for a request. nil: the environment
	// (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), read afresh on every Send.
	// Only http:// and https:// proxies are supported.
	Proxy func(*http.Request) (*url.URL, error)
	// Dial opens TCP connections, to servers and proxies alike (a
	// curl --connect-to). nil: a net.Dialer.
	Dial            func(ctx context.Context, network, addr string) (net.Conn, error)
	FollowRedirects bool
	MaxRedirects    int // 0: DefaultMaxRedirects
	Retry           RetryPolicy
	Decoders        map[string]Decoder // by Content-Encoding name, lower case, e.g. "br"
	SpoolDir        string             // for bodies over MaxBody; "": os.TempDir()
	UserAgent       string             // sent unless the draft has one; "": Go's default
	Now             func() time.Time   // stamps Exchange.Started; nil: time.Now
}

// DefaultOptions follow redirects and use the default limits.
func DefaultOptions() Options {
	return Options{
		Timeout:         DefaultTimeout,
		MaxBody:         DefaultMaxBody,
		MaxHeaderBytes:  DefaultMaxHeaderBytes,
		FollowRedirects: true,
		MaxRedirects:    DefaultMaxRedirects,
	}
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxHeaderBytes <= 0 {
		o.MaxHeaderBytes = DefaultMaxHeaderBytes
	}
	if o.MaxSpool <= 0 {
		o.MaxSpool = DefaultMaxSpool
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Dial == nil {
		o.Dial = (&net.Dialer{}).DialContext
	}
	return o
}

// acceptEncoding lists what the body reader can decode.
func (o Options) acceptEncoding() string {
	names := []string{"gzip", "deflate"}
	var extra []string
	for name := range o.Decoders {
		if n := strings.ToLower(name); n != "gzip" && n != "deflate" && n != "identity" {
			extra = append(extra, n)
		}
	}
	sort.Strings(extra)
	return strings.Join(append(names, extra...), ", ")
}
