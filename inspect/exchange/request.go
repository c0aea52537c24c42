package exchange

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
)

// builder makes the request of every hop from the draft, deciding what
// each origin may see: the provider's credentials go only to the
// credential origin, the draft's own credential headers only to the
// draft's origin.
type builder struct {
	d           Draft
	o           *Options
	draftOrigin string
	credOrigin  string
}

// built is one hop's request and what it carries.
type built struct {
	req       *http.Request
	withCreds bool  // the provider's credentials were applied
	hasAuth   bool  // it carries credentials: the provider's or an Authorization header
	bodySize  int64 // -1 unknown
}

// sensitive headers of the draft are not sent to another origin after a
// redirect, as browsers and Go's client do.
func sensitive(name string) bool {
	switch http.CanonicalHeaderKey(name) {
	case "Authorization", "Cookie", "Cookie2", "Www-Authenticate":
		return true
	}
	return false
}

// bodyHeader headers describe the body and go when a redirect drops it.
func bodyHeader(name string) bool {
	switch http.CanonicalHeaderKey(name) {
	case "Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding":
		return true
	}
	return false
}

func (b *builder) build(ctx context.Context, method string, u *url.URL, withBody bool) (built, error) {
	body, size, err := b.body(withBody)
	if err != nil {
		return built{}, err
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return built{}, &buildError{msg: "the request cannot be built: " + err.Error(), kind: KindInvalid}
	}
	if f, ok := body.(*os.File); ok {
		req.ContentLength, req.GetBody = size, b.reopen(f.Name())
	}
	out := built{req: req, bodySize: size}
	// Credentials first, so that a header of the same name in the draft
	// replaces theirs (an -H Authorization wins over the profile's).
	if b.o.Credentials != nil && origin(u) == b.credOrigin {
		if err := b.o.Credentials.Apply(ctx, req); err != nil {
			return built{}, &buildError{msg: fmt.Sprintf("cannot get the credentials (%s): %v", b.o.Credentials.Describe(), err), kind: KindCredentials, cause: err}
		}
		out.withCreds = true
	}
	b.setHeaders(req, origin(u) == b.draftOrigin, withBody)
	out.hasAuth = out.withCreds || req.Header.Get("Authorization") != ""
	return out, nil
}

func (b *builder) setHeaders(req *http.Request, sameOrigin, withBody bool) {
	var keep []Header
	for _, h := range b.d.Headers {
		if (!sameOrigin && sensitive(h.Name)) || (!withBody && bodyHeader(h.Name)) {
			continue
		}
		keep = append(keep, h)
	}
	for _, h := range keep {
		req.Header.Del(h.Name)
	}
	for _, h := range keep {
		if strings.EqualFold(h.Name, "Host") {
			req.Host = h.Value // Go sends req.Host, never Header["Host"]
			continue
		}
		req.Header.Add(h.Name, h.Value)
	}
	if withBody && b.d.ContentType != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", b.d.ContentType)
	}
	if req.Header.Get("Accept-Encoding") == "" {
		req.Header.Set("Accept-Encoding", b.o.acceptEncoding())
	}
	if b.o.UserAgent != "" && req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", b.o.UserAgent)
	}
}

// body opens the draft's body for one hop; a file is streamed, never read whole.
func (b *builder) body(withBody bool) (io.Reader, int64, error) {
	switch {
	case !withBody:
		return nil, 0, nil
	case b.d.BodyFile != "":
		f, err := os.Open(b.d.BodyFile)
		if err != nil {
			return nil, 0, &buildError{msg: "cannot read the body file: " + err.Error(), kind: KindInvalid}
		}
		size := int64(-1)
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		return f, size, nil
	case len(b.d.Body) > 0:
		return bytes.NewReader(b.d.Body), int64(len(b.d.Body)), nil
	}
	return nil, 0, nil
}

func (b *builder) reopen(name string) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return os.Open(name) }
}

// buildError is a request that could not be built: no credentials, or an
// unreadable body file.
type buildError struct {
	msg   string
	kind  ErrKind
	cause error // the provider's error, for errors.Is
}

func (e *buildError) Error() string { return e.msg }
func (e *buildError) Unwrap() error { return e.cause }

// composedHeaders are the headers meant for the wire, for when nothing
// was written (the connection failed): Host first, then sorted.
func composedHeaders(req *http.Request) []Header {
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	hs := []Header{{Name: "Host", Value: host}}
	return append(hs, sortedHeaders(req.Header)...)
}

func sortedHeaders(h http.Header) []Header {
	names := make([]string, 0, len(h))
	for name := range h {
		names = append(names, name)
	}
	sort.Strings(names)
	var hs []Header
	for _, name := range names {
		for _, v := range h[name] {
			hs = append(hs, Header{Name: name, Value: v})
		}
	}
	return hs
}

// origin is scheme://host:port, lower case, with the default port made
// explicit, so that https://api.example and https://API.example:443 match.
func origin(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(hostPort(u))
}

// parseOrigin reads Options.CredentialOrigin; a path or query is ignored.
func parseOrigin(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return "", fmt.Errorf("the credential origin %q is not scheme://host[:port]", s)
	}
	return origin(u), nil
}
