package exchange

import (
	"errors"
	"time"
)

// Exchange is the record of one Send.
type Exchange struct {
	Started time.Time
	// Request is the first request of the (last) attempt, as sent.
	Request Request
	// CredentialsSent: the request that got Response carried the
	// provider's credentials.
	CredentialsSent bool
	// CredentialsWithheld says in a sentence why a provider's credentials
	// were not sent (another origin), for the output to say so; "" when
	// they were sent or there is no provider.
	CredentialsWithheld string
	Redirects           []Hop    // every redirect followed, in order
	ViaProxy            string   // the proxy of the last connection, password redacted; "" direct
	TLS                 *TLSInfo // the last TLS handshake; nil for plain http
	Timing              Timing
	// Response is the last response that arrived (a redirect not followed
	// when the chain was cut off); nil when none arrived.
	Response *Response
	Retried  bool      // the credentials were invalidated and the request sent again
	First    *Response // with Retried: the response that caused the retry
	RetryErr string    // the retry policy asked, but the credentials could not be invalidated
	// Err says in one sentence why the exchange did not complete; "" when
	// it did. ErrKind classifies it.
	Err     string
	ErrKind ErrKind
	// CredentialsErr is the provider's own error when ErrKind is
	// KindCredentials, so callers can tell e.g. "a sign-in is needed".
	CredentialsErr error `json:"-"`
}

// Request is what was sent.
type Request struct {
	Method string
	URL    string // after the credentials were applied (an API key may sit in the query)
	// Headers as written on the wire, credentials included (the caller
	// redacts for display); the composed headers when nothing was written.
	Headers  []Header
	BodySize int64
}

// Hop is one redirect followed.
type Hop struct {
	Status   int
	URL      string   // the request that got the redirect
	Location string   // resolved against URL
	Headers  []Header // of the redirect response, in received order
	// CrossOrigin: Location's origin is not the draft's.
	CrossOrigin bool
	// AuthDropped: the request to URL carried credentials (an
	// Authorization header or the provider's) and the one to Location
	// carries none.
	AuthDropped bool
}

// Response is what came back.
type Response struct {
	Proto   string // "HTTP/1.1"
	Status  int
	Reason  string   // the reason phrase as sent
	Headers []Header // in received order, names spelt as received
	Body    Body
	// FromProxy: the proxy answered the CONNECT itself; the server never
	// saw the request.
	FromProxy bool
}

// Timing adds up every connection of the attempt: DNS, Connect and TLS
// are the time spent in each phase; FirstByte is from the start of the
// attempt to the first byte of the final response; Total to the end of
// its body.
type Timing struct {
	DNS, Connect, TLS, FirstByte, Total time.Duration
}

// TLSInfo describes the peer certificate and the handshake.
type TLSInfo struct {
	Version   string // "TLS 1.3"; "" when the handshake failed
	Subject   string
	Issuer    string
	DNSNames  []string
	NotBefore time.Time
	NotAfter  time.Time
	Error     string // verification or handshake failure in plain words
}

// ErrKind classifies a failure, so callers and tests need not parse sentences.
type ErrKind string

// The kinds of failure.
const (
	KindInvalid         ErrKind = "invalid"     // the draft was refused; nothing sent
	KindCredentials     ErrKind = "credentials" // the provider could not supply credentials
	KindDNS             ErrKind = "dns"
	KindRefused         ErrKind = "refused"
	KindTimeout         ErrKind = "timeout"
	KindCanceled        ErrKind = "canceled"
	KindTLS             ErrKind = "tls"
	KindProxy           ErrKind = "proxy"
	KindRedirects       ErrKind = "redirects" // too many redirects
	KindHeadersTooLarge ErrKind = "headers_too_large"
	KindProtocol        ErrKind = "protocol" // the answer was not HTTP/1.x
	KindClosed          ErrKind = "closed"   // the connection closed before the answer was complete
	KindDecode          ErrKind = "decode"   // a body's Content-Encoding could not be undone
	KindSpool           ErrKind = "spool"    // a large body could not be written to disk
	KindNetwork         ErrKind = "network"  // any other network failure
	KindInternal        ErrKind = "internal"
)

// Close releases the spool files of the bodies.
func (e *Exchange) Close() error {
	var errs []error
	for _, r := range []*Response{e.Response, e.First} {
		if r != nil {
			errs = append(errs, r.Body.Close())
		}
	}
	return errors.Join(errs...)
}

func (e *Exchange) fail(kind ErrKind, msg string) {
	e.ErrKind, e.Err = kind, msg
}
