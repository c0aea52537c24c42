package send

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// Action is what the user asks of an OAuth2 profile's token.
type Action int

const (
	// GetToken uses the cached token while it is fresh, else refreshes it
	// or runs the profile's grant, exactly as sending a request would.
	GetToken Action = iota
	// RefreshToken drops the cached access token and gets one: with a
	// cached refresh token that is a refresh, else the grant runs again.
	RefreshToken
	// ForgetToken removes the profile's cached tokens (for oauth2_refresh
	// the refresh token stays: after a rotation no other is accepted).
	ForgetToken
)

func (a Action) String() string {
	switch a {
	case GetToken:
		return "get"
	case RefreshToken:
		return "refresh"
	case ForgetToken:
		return "forget"
	}
	return fmt.Sprintf("Action(%d)", int(a))
}

// TokenResult is what a token action left behind. It is filled as far as
// the action got, so a refusal still carries the endpoint's answer.
type TokenResult struct {
	// Token is the access token; "" after ForgetToken or a failure.
	Token string
	// Response is the token endpoint's last answer during this action,
	// with every token and secret replaced by a fingerprint; nil when no
	// request was made (a cached token, or ForgetToken).
	Response map[string]any
	// Credentials names the grant and client, never a secret:
	// "OAuth2 client credentials (client why401-cli)".
	Credentials string
}

// TokenAction gets, refreshes or forgets the token of profile p with the
// same provider, cache and HTTP settings a request would use, so what it
// shows is what the next request sends. Device and browser sign-ins talk
// through d.UI; cancelling ctx abandons them.
func TokenAction(ctx context.Context, p config.Profile, a Action, d Deps) (TokenResult, error) {
	if !p.Auth.Type.IsOAuth2() {
		return TokenResult{}, fmt.Errorf("profile %s uses %s, which has no token to get, refresh or forget; only the oauth2_* auth types do", p.Name, authName(p.Auth.Type))
	}
	prov, err := provider(ctx, p, d, nil)
	if err != nil {
		return TokenResult{}, fmt.Errorf("profile %s: %w", p.Name, err)
	}
	o, ok := prov.(auth.OAuth2)
	if !ok {
		return TokenResult{}, fmt.Errorf("profile %s: the %s provider offers no token actions", p.Name, p.Auth.Type)
	}
	res := TokenResult{Credentials: o.Describe()}
	res.Token, err = runAction(ctx, o, a)
	// Read after the action: a refusal's answer is the most useful one.
	res.Response = o.LastResponse()
	if err != nil {
		return res, withHint(p, err)
	}
	return res, nil
}

// runAction does a on o and returns the access token (none for forget).
func runAction(ctx context.Context, o auth.OAuth2, a Action) (string, error) {
	switch a {
	case ForgetToken:
		if err := o.Forget(ctx); err != nil {
			return "", fmt.Errorf("the cached tokens could not be removed: %w", err)
		}
		return "", nil
	case RefreshToken:
		// Invalidate keeps the refresh token, so what follows refreshes
		// when one is cached and runs the grant otherwise.
		if err := o.Invalidate(ctx); err != nil {
			return "", fmt.Errorf("the cached access token could not be dropped: %w", err)
		}
	case GetToken:
	default:
		return "", fmt.Errorf("unknown token action %d", int(a))
	}
	return o.AccessToken(ctx)
}

func authName(t config.AuthType) string {
	if t == "" || t == config.AuthNone {
		return "no auth"
	}
	return string(t) + " auth"
}

// withHint adds what the user can do to a refusal store/auth already put
// into words (RFC 6749 §5.2 codes). Only the profile knows the remedy: which
// setting to check, and how its secret is stored.
func withHint(p config.Profile, err error) error {
	var te *auth.TokenError
	if !errors.As(err, &te) {
		return err
	}
	if h := hint(p, te); h != "" {
		return fmt.Errorf("%w %s", err, h)
	}
	return err
}

func hint(p config.Profile, te *auth.TokenError) string {
	a := p.Auth
	switch te.Code {
	case "invalid_client":
		return clientHint(p)
	case "invalid_scope":
		if len(a.Scopes) == 0 {
			return "The profile asks for no scopes; set scopes to ones the provider allows this client."
		}
		return fmt.Sprintf("Check the profile's scopes (%s) against those the provider allows client %q.", strings.Join(a.Scopes, " "), a.ClientID)
	case "unauthorized_client", "unsupported_grant_type":
		return fmt.Sprintf("Allow that grant for client %q at the provider, or change the profile's auth.type to a flow the client may use.", a.ClientID)
	}
	return ""
}

// clientHint says where the client credentials come from, since the fix
// is to correct one of them there.
func clientHint(p config.Profile) string {
	a := p.Auth
	ref := a.ClientSecret
	switch {
	case ref.IsZero():
		return fmt.Sprintf(`Check client_id %q. If the provider registered it as a confidential client, add client_secret = "keyring" to the profile and store the secret with: why401 secret set %s client_secret`, a.ClientID, p.Name)
	case ref.Kind == secrets.KindKeyring:
		return fmt.Sprintf("Check client_id %q and the client secret in the keyring; replace the secret with: why401 secret set %s client_secret", a.ClientID, p.Name)
	}
	return fmt.Sprintf("Check client_id %q and the client secret that %s supplies.", a.ClientID, ref)
}
