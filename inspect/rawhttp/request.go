package rawhttp

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// ParseRequest reads a raw request: a request line ("GET /path HTTP/1.1",
// or without the version), header lines and, after a blank line, the body.
// HTTP/2 pseudo-headers (":method", ":path", ":authority", ":scheme") as
// browsers' developer tools show them may stand in for the request line;
// :authority then becomes a Host header unless one is present.
func ParseRequest(b []byte) (Request, error) {
	if len(b) > MaxInput {
		return Request{}, ErrTooLarge
	}
	start := skipSpace(b, 0)
	if start == len(b) {
		return Request{}, ErrEmpty
	}
	var req Request
	i := start
	if b[i] != ':' {
		line, next := nextLine(b, i)
		rl, ok := parseRequestLine(line)
		if !ok {
			return Request{}, fmt.Errorf("the first line is not an HTTP request line such as \"GET /path HTTP/1.1\": %s", quoteLine(line))
		}
		req.Method, req.Target, req.Proto = rl.method, rl.target, rl.proto
		i = next
	}
	sec, err := readSection(b, start, i, false)
	if err != nil {
		return Request{}, err
	}
	req.Headers = sec.headers
	if err := applyPseudo(&req, sec.pseudo, &sec.warnings); err != nil {
		return Request{}, err
	}
	if req.Proto == "" && len(sec.pseudo) == 0 {
		sec.warnings.add("the request line has no HTTP version")
	}
	if sec.blank {
		req.Body = clone(b[sec.end:])
	}
	req.Warnings = sec.warnings.result()
	return req, nil
}

// applyPseudo fills the request line from HTTP/2 pseudo-headers when there
// was none (the input began with ':'); otherwise they are ignored with a
// warning.
func applyPseudo(req *Request, pseudo []Header, w *warnings) error {
	if req.Method != "" {
		if len(pseudo) > 0 {
			w.add("ignored HTTP/2 pseudo-headers after the request line")
		}
		return nil
	}
	method, _ := first(pseudo, "method")
	path, _ := first(pseudo, "path")
	authority, hasAuthority := first(pseudo, "authority")
	if !isToken([]byte(method)) {
		return errors.New("the HTTP/2 pseudo-headers have no valid :method")
	}
	if path == "" {
		path = authority // CONNECT names the authority, not a path
	}
	if path == "" {
		return errors.New("the HTTP/2 pseudo-headers have neither :path nor :authority")
	}
	req.Method, req.Target, req.Proto = method, path, "HTTP/2"
	if _, hasHost := first(req.Headers, "Host"); hasAuthority && !hasHost {
		req.Headers = append([]Header{{Name: "Host", Value: authority}}, req.Headers...)
	}
	return nil
}

type requestLine struct{ method, target, proto string }

// parseRequestLine splits "METHOD target [HTTP/x]". The target is what
// lies between, so an unencoded space in a pasted path survives.
func parseRequestLine(line []byte) (requestLine, bool) {
	line = trimOWS(line)
	sp := bytes.IndexAny(line, " \t")
	if sp <= 0 || !isToken(line[:sp]) {
		return requestLine{}, false
	}
	rl := requestLine{method: string(line[:sp])}
	rest := bytes.TrimLeft(line[sp:], " \t")
	if last := bytes.LastIndexAny(rest, " \t"); last >= 0 && bytes.HasPrefix(rest[last+1:], []byte("HTTP/")) {
		rl.proto = string(rest[last+1:])
		rest = trimOWS(rest[:last])
	}
	if len(rest) == 0 || bytes.HasPrefix(rest, []byte("HTTP/")) {
		return requestLine{}, false
	}
	rl.target = string(rest)
	return rl, true
}

// isToken checks RFC 9110 token characters, which a method consists of.
func isToken(s []byte) bool {
	for _, c := range s {
		if c <= ' ' || c >= 0x7f || bytes.IndexByte([]byte(`"(),/:;<=>?@[\]{}`), c) >= 0 {
			return false
		}
	}
	return len(s) > 0
}

var knownMethods = map[string]bool{
	"GET": true, "HEAD": true, "POST": true, "PUT": true, "PATCH": true,
	"DELETE": true, "OPTIONS": true, "CONNECT": true, "TRACE": true,
}

// Looks reports whether b starts, after blank lines, with what looks like
// a request line: an upper-case method, a target and an HTTP version, or a
// well-known method and a target that is a path or an absolute URL. The
// HTTP/2 pseudo-headers :method and :authority also count.
func Looks(b []byte) bool {
	line, _ := nextLine(b, skipSpace(b, 0))
	if bytes.HasPrefix(line, []byte(":method:")) || bytes.HasPrefix(line, []byte(":authority:")) {
		return true
	}
	rl, ok := parseRequestLine(line)
	if !ok || !isUpperMethod(rl.method) {
		return false
	}
	if rl.proto != "" {
		return validProto([]byte(rl.proto))
	}
	return knownMethods[rl.method] && looksLikeTarget(rl.target)
}

func isUpperMethod(m string) bool {
	for i := 0; i < len(m); i++ {
		c := m[i]
		if !(c >= 'A' && c <= 'Z') && !(i > 0 && (c == '-' || c == '_' || isDigit(c))) {
			return false
		}
	}
	return m != ""
}

func looksLikeTarget(t string) bool {
	return t[0] == '/' || t == "*" || hasPrefixFold(t, "http://") || hasPrefixFold(t, "https://")
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && bytes.EqualFold([]byte(s[:len(prefix)]), []byte(prefix))
}

// URL is the absolute URL the request was sent to: the target when it is
// absolute, else rebuilt from Host (https, or http on loopback, which is
// what a pasted request most likely used); the bare target when there is
// no Host.
func (r Request) URL() string {
	if u, err := url.Parse(r.Target); err == nil && u.IsAbs() {
		return r.Target
	}
	host, ok := r.Header("Host")
	if !ok || host == "" {
		return r.Target
	}
	scheme := "https"
	if h, _, err := net.SplitHostPort(host); err == nil && isLoopback(h) || isLoopback(host) {
		scheme = "http"
	}
	return scheme + "://" + host + r.Target
}

func isLoopback(host string) bool {
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
