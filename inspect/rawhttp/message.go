package rawhttp

import "strings"

// Header is one header field; Name is as written, Value has surrounding
// whitespace removed and obs-folded lines joined with a single space.
type Header struct{ Name, Value string }

// Request is a parsed raw request.
type Request struct {
	Method, Target string
	// Proto is "HTTP/1.1" and the like; empty when the request line had
	// no version, "HTTP/2" when HTTP/2 pseudo-headers were pasted.
	Proto   string
	Headers []Header
	// Body is everything after the blank line ending the headers; nil when
	// there is none.
	Body     []byte
	Warnings []string
}

// Response is one parsed response.
type Response struct {
	// Proto is as written: "HTTP/1.1", "HTTP/2", "HTTP/3".
	Proto  string
	Status int
	// Reason is the reason phrase, empty for HTTP/2 and HTTP/3.
	Reason  string
	Headers []Header
	Body    []byte
	// Tunneled is set when a proxy CONNECT preamble ("HTTP/1.1 200
	// Connection established") came right before this response.
	Tunneled bool
	Warnings []string
}

// Header returns the first value of the header named name, compared
// case-insensitively.
func (r Request) Header(name string) (string, bool) { return first(r.Headers, name) }

// Values returns every value of the header named name, in order.
func (r Request) Values(name string) []string { return values(r.Headers, name) }

// Header returns the first value of the header named name, compared
// case-insensitively.
func (r Response) Header(name string) (string, bool) { return first(r.Headers, name) }

// Values returns every value of the header named name, in order.
func (r Response) Values(name string) []string { return values(r.Headers, name) }

func first(hs []Header, name string) (string, bool) {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value, true
		}
	}
	return "", false
}

func values(hs []Header, name string) []string {
	var out []string
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			out = append(out, h.Value)
		}
	}
	return out
}
