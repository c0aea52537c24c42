package exchange

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// failure is a network error put in plain words.
type failure struct {
	kind   ErrKind
	msg    string
	detail string // for TLS: the cause alone, for TLSInfo.Error
}

// failContext is what describeErr needs to know about the attempt.
type failContext struct {
	attempt, parent context.Context // the attempt's (with its timeout) and the caller's
	timeout         time.Duration
	maxHeader       int64
	snap            snapshot
	target          *url.URL // the request that failed
}

// describeErr turns what the transport returned into one sentence.
func describeErr(err error, fc failContext) failure {
	s, target := fc.snap, fc.target
	var (
		tlsErr   *tlsError
		proxyErr *proxyError
		pdErr    *proxyDialError
		dnsErr   *net.DNSError
	)
	host := hostPort(target)
	switch {
	case errors.Is(fc.parent.Err(), context.Canceled):
		return failure{kind: KindCanceled, msg: "the request was canceled"}
	case s.conn != nil && s.conn.overflowed(), strings.Contains(err.Error(), "response headers exceeded"):
		return failure{kind: KindHeadersTooLarge, msg: "the server's response headers are larger than " + humanBytes(fc.maxHeader) + ", the most that is read"}
	case errors.As(err, &tlsErr):
		return failure{kind: KindTLS, msg: tlsErr.Error(), detail: tlsErr.info.Error}
	case isAlert(err):
		why := alertText(err, s.cert)
		return failure{kind: KindTLS, msg: "TLS with " + target.Hostname() + " failed: " + why, detail: why}
	case errors.As(err, &proxyErr):
		return failure{kind: KindProxy, msg: proxyErr.msg}
	case errors.As(err, &pdErr):
		return failure{kind: KindProxy, msg: "cannot reach the proxy " + pdErr.addr + ": " + netText(pdErr.err, pdErr.addr)}
	case errors.As(err, &dnsErr):
		return failure{kind: KindDNS, msg: dnsText(dnsErr)}
	case errors.Is(err, context.DeadlineExceeded) || fc.attempt.Err() != nil || isTimeout(err):
		return failure{kind: KindTimeout, msg: timeoutText(s.phase, fc.timeout, host)}
	case isRefused(err):
		return failure{kind: KindRefused, msg: "connection refused by " + host + ": nothing is listening there"}
	case isClosed(err):
		return failure{kind: KindClosed, msg: "the server closed the connection without answering"}
	case strings.Contains(err.Error(), "malformed HTTP"):
		return failure{kind: KindProtocol, msg: "the server's answer is not HTTP/1.x (" + innermost(err) + ")"}
	}
	return failure{kind: KindNetwork, msg: "the request to " + host + " failed: " + netText(err, host)}
}

// humanBytes writes a limit the way people say it: 1 MiB, 512 KiB, 300 bytes.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func timeoutText(p phase, timeout time.Duration, host string) string {
	switch p {
	case phaseStart:
		return fmt.Sprintf("timed out after %s: could not connect to %s", timeout, host)
	case phaseTLS:
		return fmt.Sprintf("timed out after %s: the TLS handshake with %s did not finish", timeout, host)
	case phaseConnected, phaseWaiting:
		return fmt.Sprintf("timed out after %s: %s accepted the connection but sent no answer", timeout, host)
	}
	return fmt.Sprintf("timed out after %s: the answer from %s did not finish arriving", timeout, host)
}

func dnsText(e *net.DNSError) string {
	switch {
	case e.IsNotFound:
		return "no such host: " + e.Name + " (DNS found no address for it)"
	case e.IsTimeout:
		return "the DNS lookup of " + e.Name + " timed out"
	}
	return "could not look up " + e.Name + ": " + e.Err
}

// netText is the innermost error's words, with the common cases named.
func netText(err error, addr string) string {
	switch {
	case isRefused(err):
		return "connection refused (nothing is listening on " + addr + ")"
	case isTimeout(err):
		return "timed out"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return "no route to " + addr
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsText(dnsErr)
	}
	return innermost(err)
}

func isRefused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) ||
		strings.Contains(err.Error(), "connection refused") ||
		strings.Contains(err.Error(), "actively refused") // Windows
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func isClosed(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		strings.Contains(err.Error(), "server closed") || strings.Contains(err.Error(), "connection reset")
}

// innermost drops Go's wrapping ("Get \"…\": dial tcp …:") down to the cause.
func innermost(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}
