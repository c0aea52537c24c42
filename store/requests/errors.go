package requests

import (
	"strconv"
	"strings"
)

// Error is a problem with a saved-requests file: one sentence on one line
// naming the file and, when known, the line. It never quotes a header value.
type Error struct {
	File string // empty when the text did not come from a file
	Line int    // 1-based; 0 when no single line is to blame
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(oneLine(e.File))
		if e.Line > 0 {
			b.WriteString(":" + strconv.Itoa(e.Line))
		}
		b.WriteString(": ")
	} else if e.Line > 0 {
		b.WriteString("line " + strconv.Itoa(e.Line) + ": ")
	}
	b.WriteString(oneLine(e.Msg))
	return b.String()
}

// StrippedError is what Save returns when it wrote the request but left
// credentials out: the save succeeded, and the user should know what will
// be missing when the request is loaded back.
type StrippedError struct {
	File     string
	Name     string   // the saved request
	Stripped []string // header names, "query parameter x", "body field y", and "the bearer token"
	// AuthReset: the request had a bearer override, whose token is not
	// saved; it was saved to use the profile's credentials instead.
	AuthReset bool
}

func (e *StrippedError) Error() string {
	msg := "saved " + strconv.Quote(e.Name) + " to " + oneLine(e.File) + " without the value of " +
		oneLine(joinAnd(e.Stripped)) + ": saved requests never hold credentials"
	if e.AuthReset {
		msg += "; it will send the profile's credentials instead of its own bearer token"
	}
	return msg
}

func joinAnd(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// oneLine shows control characters as escapes so a message stays one line.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 }
