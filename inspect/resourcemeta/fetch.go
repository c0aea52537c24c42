package resourcemeta

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/why401/why401/inspect/fetch"
)

// Fetch gets and parses the document at metadataURL with fetch.Get's rules
// (https, or http on loopback; timeout; size cap). Call it only on an
// explicit user action: the URL usually comes from a response. Errors are
// *DocumentError, with INSECURE_URL, FETCH_FAILED or NOT_JSON.
func Fetch(ctx context.Context, metadataURL string, o fetch.Options) (Metadata, error) {
	if err := fetch.CheckURL(metadataURL); err != nil {
		id := FetchFailed
		if insecure(metadataURL) {
			id = InsecureURL
		}
		return Metadata{}, &DocumentError{Problem: Problem{id, Error, err.Error()}, Err: err}
	}
	if o.Accept == "" {
		o.Accept = "application/json" // RFC 9728 §3.2's content type
	}
	data, err := fetch.Get(ctx, metadataURL, o)
	if err != nil {
		return Metadata{}, &DocumentError{Problem: Problem{FetchFailed, Error, fetchMessage(metadataURL, err)}, Err: err}
	}
	md, err := Parse(data)
	if err != nil {
		err.(*DocumentError).Message += fmt.Sprintf(" (from %s)", show(metadataURL))
	}
	return md, err
}

// fetchMessage adds what a 404 at a well-known URL usually means.
func fetchMessage(metadataURL string, err error) string {
	msg := err.Error()
	if !strings.Contains(msg, "HTTP 404") {
		return msg
	}
	u, perr := url.Parse(metadataURL)
	if perr == nil && strings.HasPrefix(u.Path, wellKnownPath+"/") {
		return msg + "; under MCP 2025-11-25 a client then tries the root " + wellKnownPath
	}
	return msg
}
