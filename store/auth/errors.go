package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/oauth2"

	"github.com/why401/why401/inspect/excerpt"
)

// Grants, as error messages name them.
const (
	grantClientCredentials = "client_credentials"
	grantRefresh           = "refresh_token"
	grantDevice            = "device_code"
	grantAuthCode          = "authorization_code"
)

// TokenError is an OAuth2 error response (RFC 6749 §5.2, RFC 8628 §3.5)
// from the token or device authorization endpoint, read into a sentence.
type TokenError struct {
	Endpoint    string // "token endpoint" or "device authorization endpoint"
	Grant       string // the grant that was asked for
	Status      int    // the HTTP status
	Code        string // error; "" when the server sent none
	Description string // error_description, cut short and scrubbed of known secrets
	URI         string // error_uri
}

func (e *TokenError) Error() string {
	var b strings.Builder
	b.WriteString(e.lead())
	if e.Code != "" {
		fmt.Fprintf(&b, " (%s)", e.Code)
	}
	if e.Description != "" {
		b.WriteString(": " + strings.TrimRight(e.Description, ". ") + ".")
	} else {
		b.WriteString(".")
	}
	if e.URI != "" {
		b.WriteString(" More at " + e.URI + ".")
	}
	return b.String()
}

// lead says what went wrong in the words of the error code.
func (e *TokenError) lead() string {
	ep := "The " + e.Endpoint
	switch e.Code {
	case "invalid_client":
		return ep + " refused the client credentials"
	case "invalid_grant":
		return ep + " refused " + grantWhat(e.Grant)
	case "unauthorized_client":
		return ep + " does not allow this client the " + e.Grant + " grant"
	case "unsupported_grant_type":
		return ep + " does not support the " + e.Grant + " grant"
	case "invalid_scope":
		return ep + " refused the requested scopes"
	case "invalid_request":
		return ep + " found the request malformed"
	case "access_denied":
		return "The sign-in was denied"
	case "expired_token":
		return "The device code expired before it was approved; start again"
	case "authorization_pending", "slow_down":
		return "The device code was not approved yet"
	case "server_error", "temporarily_unavailable":
		return ep + " failed"
	case "":
		return fmt.Sprintf("%s answered HTTP %d without an OAuth2 error code", ep, e.Status)
	}
	return ep + " refused the request"
}

func grantWhat(grant string) string {
	switch grant {
	case grantRefresh:
		return "the refresh token"
	case grantAuthCode:
		return "the authorization code"
	case grantDevice:
		return "the device code"
	}
	return "the grant"
}

// tokenErr reads an x/oauth2 error. Server text is untrusted: it is cut
// short, quoted when odd, and scrubbed of the secrets in play, so a server
// echoing a refresh token back cannot put it in a message.
func tokenErr(err error, endpoint, grant string, secrets []string) error {
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return err
		}
		return fmt.Errorf("cannot get a token from the %s: %s", endpoint, scrub(err.Error(), secrets))
	}
	te := &TokenError{Endpoint: endpoint, Grant: grant, Code: re.ErrorCode, URI: re.ErrorURI}
	if re.Response != nil {
		te.Status = re.Response.StatusCode
	}
	if re.ErrorDescription != "" {
		te.Description = excerpt.Of(scrub(re.ErrorDescription, secrets))
	}
	if te.URI != "" {
		te.URI = excerpt.Of(scrub(te.URI, secrets))
	}
	return te
}

// scrub replaces every known secret in s.
func scrub(s string, secrets []string) string {
	for _, v := range secrets {
		if len(v) >= 4 {
			s = strings.ReplaceAll(s, v, "[redacted]")
		}
	}
	return s
}

// isCode reports whether err is a TokenError with the given code.
func isCode(err error, code string) bool {
	var te *TokenError
	return errors.As(err, &te) && te.Code == code
}
