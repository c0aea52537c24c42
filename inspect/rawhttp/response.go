package rawhttp

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
)

var errNoStatusLine = errors.New("the input has no HTTP status line (a response starts with a line such as \"HTTP/1.1 401 Unauthorized\" or \"HTTP/2 401\")")

// ParseResponses reads one or more responses in a row, as curl -si and
// -siL print them. Interim 1xx responses (other than 101) and a proxy's
// CONNECT preamble are skipped when another response follows; the skip of
// a preamble is reported in the next response's Warnings and Tunneled.
// Text before the first status line (a pasted shell prompt and command) is
// skipped with a warning.
//
// The body of the last response is everything after its blank line. An
// earlier response's body ends where the next status line starts, or after
// Content-Length bytes when a status line follows them.
func ParseResponses(b []byte) ([]Response, error) {
	if len(b) > MaxInput {
		return nil, ErrTooLarge
	}
	i := skipSpace(b, 0)
	if i == len(b) {
		return nil, ErrEmpty
	}
	start := findStatusLine(b, i)
	if start < 0 {
		return nil, errNoStatusLine
	}
	var pending warnings
	if start > i {
		pending.add("skipped %d line(s) of text before the first status line", bytes.Count(b[i:start], []byte{'\n'}))
	}
	return readResponses(b, start, pending)
}

func readResponses(b []byte, i int, pending warnings) ([]Response, error) {
	var out []Response
	tunneled := false
	for i < len(b) {
		r, next, err := readResponse(b, i)
		if err != nil {
			return nil, err
		}
		i = next
		more := next < len(b)
		if more && isInterim(r) {
			continue
		}
		if more && isConnectPreamble(r) {
			pending.add("skipped the proxy's CONNECT response %q", statusText(r))
			tunneled = true
			continue
		}
		r.Tunneled, tunneled = tunneled, false
		r.Warnings = append(pending.result(), r.Warnings...)
		pending = warnings{}
		out = append(out, r)
	}
	return out, nil
}

// readResponse reads the response whose status line starts at b[i] and
// returns it with the index where the next one starts.
func readResponse(b []byte, i int) (Response, int, error) {
	line, next := nextLine(b, i)
	st, _ := parseStatusLine(line)
	sec, err := readSection(b, i, next, true)
	if err != nil {
		return Response{}, 0, err
	}
	for _, p := range sec.pseudo {
		sec.warnings.add("ignored the pseudo-header :%s in a response", p.Name)
	}
	r := Response{Proto: st.proto, Status: st.status, Reason: st.reason, Headers: sec.headers}
	end, after := bodyBounds(b, sec, contentLength(sec.headers))
	r.Body = clone(b[sec.end:end])
	r.Warnings = sec.warnings.result()
	return r, after, nil
}

// bodyBounds returns where the body that starts at sec.end ends and where
// the next response starts.
func bodyBounds(b []byte, sec section, cl int) (end, next int) {
	from := sec.end
	if !sec.blank {
		return from, from
	}
	// Content-Length first: it is the only way to tell a body line that
	// looks like a status line from the next response. It counts only
	// when a response follows it, because curl -L does not print the
	// bodies of the redirects it follows.
	if cl >= 0 && cl <= len(b)-from {
		if after, ok := responseAfter(b, from+cl); ok {
			return from + cl, after
		}
	}
	if j := findStatusLine(b, from); j >= 0 {
		return j, j
	}
	return len(b), len(b)
}

// responseAfter reports whether another response starts at b[i] or right
// after a line break there, and where.
func responseAfter(b []byte, i int) (int, bool) {
	if statusLineAt(b, i) {
		return i, true
	}
	if n := lineBreakLen(b, i); n > 0 && statusLineAt(b, i+n) {
		return i + n, true
	}
	return 0, false
}

func lineBreakLen(b []byte, i int) int {
	switch {
	case bytes.HasPrefix(b[i:], []byte("\r\n")):
		return 2
	case bytes.HasPrefix(b[i:], []byte("\n")):
		return 1
	}
	return 0
}

// contentLength returns the Content-Length, or -1 when it is absent,
// invalid or repeated with different values.
func contentLength(hs []Header) int {
	n := -1
	for _, v := range values(hs, "Content-Length") {
		m, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || m < 0 || (n >= 0 && m != n) {
			return -1
		}
		n = m
	}
	return n
}

// isInterim reports 1xx responses that precede the real one; 101 Switching
// Protocols is final for HTTP.
func isInterim(r Response) bool { return r.Status < 200 && r.Status != 101 }

// isConnectPreamble recognises the proxy's answer to CONNECT that curl
// prints before the tunnelled response: "200 Connection established", or a
// bare 200 with no headers and no body from a terser proxy.
func isConnectPreamble(r Response) bool {
	if r.Status < 200 || r.Status > 299 {
		return false
	}
	if strings.Contains(strings.ToLower(r.Reason), "connection established") {
		return true
	}
	return r.Status == 200 && len(r.Headers) == 0 && len(r.Body) == 0
}

func statusText(r Response) string {
	s := r.Proto + " " + strconv.Itoa(r.Status)
	if r.Reason != "" {
		s += " " + r.Reason
	}
	return s
}
