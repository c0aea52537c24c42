// Package credential is the seam between a request and whatever supplies
// its credentials. The exchange (which sends requests) only knows this
// interface; the store implements it for each auth type of a profile, so
// inspect/ never learns about profiles or keyrings.
package credential

import (
	"context"
	"net/http"
)

// Provider applies credentials to outgoing requests.
type Provider interface {
	// Apply adds the credentials to req (a header, a query parameter),
	// fetching or refreshing a token first when the provider needs one.
	Apply(ctx context.Context, req *http.Request) error
	// Invalidate forgets a cached token, so the next Apply obtains a fresh
	// one: the exchange calls it before retrying once after a 401
	// invalid_token.
	Invalidate(ctx context.Context) error
	// Describe says in a few words what is sent, never a secret:
	// "Bearer token from the keyring", "OAuth2 client credentials (client why401-cli)".
	Describe() string
}

// None sends no credentials.
type None struct{}

func (None) Apply(context.Context, *http.Request) error { return nil }
func (None) Invalidate(context.Context) error           { return nil }
func (None) Describe() string                           { return "no credentials" }
