package exchange

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"reflect"
	"strings"
	"time"
)

// handshake runs TLS over raw as a client of host. A proxy's handshake
// (toProxy) is timed but its certificate is not the exchange's, and it
// gets no client certificate.
func (d *dialer) handshake(ctx context.Context, raw net.Conn, host string, toProxy bool) (*tls.Conn, error) {
	tc := tls.Client(raw, d.tlsConfig(host, toProxy))
	if !toProxy {
		d.rec.clientCert(false, false, false)
	}
	start := d.rec.tlsStarted()
	err := tc.HandshakeContext(ctx)
	if err == nil {
		d.rec.tlsDone(start, d.forTarget(toProxy, d.describe(tc)))
		return tc, nil
	}
	raw.Close()
	if ctx.Err() != nil {
		d.rec.tlsDone(start, nil)
		return nil, ctx.Err() // a timeout, said as such by describeErr
	}
	s := d.rec.snapshot()
	info := &TLSInfo{Error: tlsFailure(err, host, s.cert)}
	var ve *tls.CertificateVerificationError
	if errors.As(err, &ve) && len(ve.UnverifiedCertificates) > 0 {
		fillCert(info, ve.UnverifiedCertificates[0])
	}
	d.rec.tlsDone(start, d.forTarget(toProxy, info))
	return nil, &tlsError{host: host, proxy: toProxy, info: info, err: err}
}

func (d *dialer) forTarget(toProxy bool, info *TLSInfo) *TLSInfo {
	if toProxy {
		var last *TLSInfo
		d.rec.with(func() { last = d.rec.lastTLS })
		return last
	}
	return info
}

// tlsConfig clones the caller's config for one peer: HTTP/1.1 only (see
// the package doc), the peer's name for SNI and verification, and a
// client-certificate hook that notes whether the server asked for one,
// so a refusal can be told in plain words.
func (d *dialer) tlsConfig(host string, toProxy bool) *tls.Config {
	cfg := &tls.Config{}
	if d.o.TLS != nil {
		cfg = d.o.TLS.Clone()
	}
	if cfg.ServerName == "" || toProxy {
		cfg.ServerName = host
	}
	cfg.NextProtos = []string{"http/1.1"}
	if toProxy {
		cfg.Certificates, cfg.GetClientCertificate = nil, nil
		return cfg
	}
	own, certs := cfg.GetClientCertificate, cfg.Certificates
	cfg.GetClientCertificate = func(cri *tls.CertificateRequestInfo) (*tls.Certificate, error) {
		c, err := pickClientCert(own, certs, cri)
		d.rec.clientCert(true, err == nil && c != nil && len(c.Certificate) > 0, own != nil || len(certs) > 0)
		return c, err
	}
	return cfg
}

// pickClientCert does what crypto/tls does without a hook: the caller's
// hook, else the first certificate the server accepts, else none.
func pickClientCert(own func(*tls.CertificateRequestInfo) (*tls.Certificate, error), certs []tls.Certificate, cri *tls.CertificateRequestInfo) (*tls.Certificate, error) {
	if own != nil {
		return own(cri)
	}
	for i := range certs {
		if cri.SupportsCertificate(&certs[i]) == nil {
			return &certs[i], nil
		}
	}
	return new(tls.Certificate), nil
}

func (d *dialer) describe(tc *tls.Conn) *TLSInfo {
	cs := tc.ConnectionState()
	info := &TLSInfo{Version: tls.VersionName(cs.Version)}
	if len(cs.PeerCertificates) > 0 {
		fillCert(info, cs.PeerCertificates[0])
	}
	return info
}

func fillCert(info *TLSInfo, c *x509.Certificate) {
	info.Subject, info.Issuer = c.Subject.String(), c.Issuer.String()
	info.DNSNames = certNames(c)
	info.NotBefore, info.NotAfter = c.NotBefore, c.NotAfter
}

// tlsError is a failed handshake, already put in plain words.
type tlsError struct {
	host  string
	proxy bool
	info  *TLSInfo
	err   error
}

func (e *tlsError) Error() string {
	if e.proxy {
		return "TLS with the proxy " + e.host + " failed: " + e.info.Error
	}
	return "TLS with " + e.host + " failed: " + e.info.Error
}

func (e *tlsError) Unwrap() error { return e.err }

// tlsFailure says why a handshake failed, in the words a user needs.
func tlsFailure(err error, host string, cert clientCertUse) string {
	var (
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
		unknown  x509.UnknownAuthorityError
		notTLS   tls.RecordHeaderError
		verifErr *tls.CertificateVerificationError
	)
	switch {
	case errors.As(err, &hostErr):
		return hostMismatch(hostErr.Certificate, host)
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return validity(invalid.Cert, time.Now())
	case errors.As(err, &unknown):
		return unknownAuthority(unknown.Cert)
	case isAlert(err):
		return alertText(err, cert)
	case errors.As(err, &notTLS):
		if bytes.HasPrefix(notTLS.RecordHeader[:], []byte("HTTP/")) {
			return "the server answered in plain HTTP, not TLS: use http:// or the right port"
		}
		return "the server does not speak TLS on this port"
	case errors.As(err, &invalid):
		return "the certificate is not valid: " + strings.TrimPrefix(invalid.Error(), "x509: ")
	case errors.As(err, &verifErr):
		return "the certificate could not be verified: " + strings.TrimPrefix(verifErr.Err.Error(), "x509: ")
	}
	return "the handshake failed: " + strings.TrimPrefix(err.Error(), "tls: ")
}

func hostMismatch(c *x509.Certificate, host string) string {
	if c == nil {
		return "the certificate is not for " + host
	}
	names := certNames(c)
	if len(names) == 0 {
		return fmt.Sprintf("the certificate names no host (only the Common Name %q, which clients ignore), so it is not valid for %s", c.Subject.CommonName, host)
	}
	return "the certificate is for " + listNames(names) + ", not " + host
}

func validity(c *x509.Certificate, now time.Time) string {
	whose := "the certificate"
	if c.IsCA {
		whose = "the issuing CA's certificate (" + c.Subject.String() + ")"
	}
	if now.Before(c.NotBefore) {
		return whose + " is not valid before " + stamp(c.NotBefore) + " (check this computer's clock)"
	}
	return whose + " expired on " + stamp(c.NotAfter)
}

func unknownAuthority(c *x509.Certificate) string {
	if c == nil {
		return "the certificate is signed by an unknown authority"
	}
	if bytes.Equal(c.RawIssuer, c.RawSubject) {
		return "the certificate is self-signed (" + c.Subject.String() + ") and not trusted here"
	}
	return "the certificate is signed by an unknown authority (" + c.Issuer.String() + ")"
}

// alertText reads a TLS alert from the server. Whether it had asked for a
// client certificate tells a refused client certificate apart from other
// handshake failures; TLS 1.3 servers send the alert after the handshake,
// on the first read.
func alertText(err error, cert clientCertUse) string {
	a, name := remoteAlert(err)
	const (
		handshakeFailure    = 40
		badCertificate      = 42
		unsupportedCert     = 43
		certificateRevoked  = 44
		certificateExpired  = 45
		certificateUnknown  = 46
		unknownCA           = 48
		protocolVersion     = 70
		unrecognizedName    = 112
		certificateRequired = 116
	)
	switch a {
	case certificateRequired:
		return cert.missing()
	case badCertificate, unsupportedCert, certificateRevoked, certificateExpired, certificateUnknown, unknownCA, handshakeFailure:
		switch {
		case cert.asked && !cert.given:
			return cert.missing()
		case cert.given:
			return "the server refused the client certificate (" + name + ")"
		case a == handshakeFailure:
			return "the server refused the handshake: no TLS version or cipher in common"
		}
	case protocolVersion:
		return "the server does not accept the TLS versions offered"
	case unrecognizedName:
		return "the server does not serve the host name asked for (SNI)"
	}
	return "the server ended the TLS connection (" + name + ")"
}

// clientCertUse is what happened to the client certificate in a handshake.
type clientCertUse struct {
	asked      bool // the server asked for one
	given      bool // one was sent
	configured bool // the caller gave one (it may not fit what the server accepts)
}

// missing says why no certificate went: none configured, or none the
// server accepts (crypto/tls sends only one issued by a CA it names).
func (c clientCertUse) missing() string {
	switch {
	case c.given:
		return "the server wants a client certificate and did not take the one given"
	case c.configured:
		return "the server wants a client certificate issued by a CA it accepts, and the one configured is not"
	}
	return "the server wants a client certificate, and none was given"
}

func isAlert(err error) bool {
	_, name := remoteAlert(err)
	return name != ""
}

// remoteAlert finds the TLS alert the server sent. crypto/tls reports it
// as a *net.OpError "remote error" around an unexported uint8 type, so
// its number is read by reflection; tls.AlertError covers the rest.
func remoteAlert(err error) (uint8, string) {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "remote error" && op.Err != nil {
		if v := reflect.ValueOf(op.Err); v.Kind() == reflect.Uint8 {
			return uint8(v.Uint()), strings.TrimPrefix(op.Err.Error(), "tls: ")
		}
	}
	var ae tls.AlertError
	if errors.As(err, &ae) {
		return uint8(ae), strings.TrimPrefix(ae.Error(), "tls: ")
	}
	return 0, ""
}

// certNames are the DNS names and IP addresses a certificate is for.
func certNames(c *x509.Certificate) []string {
	names := append([]string(nil), c.DNSNames...)
	for _, ip := range c.IPAddresses {
		names = append(names, ip.String())
	}
	return names
}

func listNames(names []string) string {
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
	}
	return strings.Join(names, ", ")
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }
