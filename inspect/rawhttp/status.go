package rawhttp

import "bytes"

// statusLine is a parsed "HTTP/1.1 401 Unauthorized" or "HTTP/2 401".
type statusLine struct {
	proto  string
	status int
	reason string
}

// parseStatusLine accepts HTTP/d or HTTP/d.d, blanks, a three-digit code
// from 100, and an optional reason.
func parseStatusLine(line []byte) (statusLine, bool) {
	sp := bytes.IndexAny(line, " \t")
	if sp < 0 || !validProto(line[:sp]) {
		return statusLine{}, false
	}
	rest := bytes.TrimLeft(line[sp:], " \t")
	if len(rest) < 3 || !isDigit(rest[0]) || !isDigit(rest[1]) || !isDigit(rest[2]) {
		return statusLine{}, false
	}
	if len(rest) > 3 && rest[3] != ' ' && rest[3] != '\t' {
		return statusLine{}, false
	}
	code := int(rest[0]-'0')*100 + int(rest[1]-'0')*10 + int(rest[2]-'0')
	if code < 100 {
		return statusLine{}, false
	}
	return statusLine{proto: string(line[:sp]), status: code, reason: string(trimOWS(rest[3:]))}, true
}

func isStatusLine(line []byte) bool {
	_, ok := parseStatusLine(line)
	return ok
}

// validProto accepts HTTP/1.0, HTTP/1.1, HTTP/2, HTTP/2.0, HTTP/3 and the
// like.
func validProto(p []byte) bool {
	v, ok := bytes.CutPrefix(p, []byte("HTTP/"))
	switch {
	case !ok:
		return false
	case len(v) == 1:
		return isDigit(v[0])
	case len(v) == 3:
		return isDigit(v[0]) && v[1] == '.' && isDigit(v[2])
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// statusLineAt reports whether a status line starts at b[i].
func statusLineAt(b []byte, i int) bool {
	if i >= len(b) || !bytes.HasPrefix(b[i:], []byte("HTTP/")) {
		return false
	}
	line, _ := nextLine(b, i)
	return isStatusLine(line)
}

// findStatusLine returns the start of the first line at or after b[i]
// that is a status line, or -1; b[i] must start a line.
func findStatusLine(b []byte, i int) int {
	for i < len(b) {
		if statusLineAt(b, i) {
			return i
		}
		j := bytes.Index(b[i:], []byte("\nHTTP/"))
		if j < 0 {
			return -1
		}
		i += j + 1
	}
	return -1
}
