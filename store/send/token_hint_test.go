package send

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/secrets"
)

// TestWithHint: each refusal the profile can fix says which setting to
// change, naming where the secret comes from; other errors pass unchanged.
func TestWithHint(t *testing.T) {
	prof := func(ref secrets.Ref, scopes ...string) config.Profile {
		return config.Profile{Name: "stg", Auth: config.Auth{Type: config.AuthOAuth2ClientCredentials,
			ClientID: "cli", ClientSecret: ref, Scopes: scopes}}
	}
	refused := func(code string) error {
		return fmt.Errorf("wrapped: %w", &auth.TokenError{Endpoint: "token endpoint", Grant: "client_credentials", Status: 400, Code: code})
	}
	tests := []struct {
		name string
		p    config.Profile
		err  error
		want string // "" means unchanged
	}{
		{"keyring secret", prof(secrets.Ref{Kind: secrets.KindKeyring}), refused("invalid_client"), "replace the secret with: why401 secret set stg client_secret"},
		{"env secret", prof(secrets.Ref{Kind: secrets.KindEnv, Arg: "CLI_SECRET"}), refused("invalid_client"), "the client secret that env:CLI_SECRET supplies"},
		{"public client", prof(secrets.Ref{}), refused("invalid_client"), `add client_secret = "keyring"`},
		{"scopes", prof(secrets.Ref{}, "a", "b"), refused("invalid_scope"), "(a b)"},
		{"no scopes", prof(secrets.Ref{}), refused("invalid_scope"), "asks for no scopes"},
		{"grant not allowed", prof(secrets.Ref{}), refused("unauthorized_client"), "change the profile's auth.type"},
		{"server error", prof(secrets.Ref{}), refused("server_error"), ""},
		{"not a token error", prof(secrets.Ref{}), errors.New("dial tcp: refused"), ""},
	}
	for _, tt := range tests {
		got := withHint(tt.p, tt.err)
		if tt.want == "" {
			if got != tt.err {
				t.Errorf("%s: changed to %v", tt.name, got)
			}
			continue
		}
		var te *auth.TokenError
		if !strings.Contains(got.Error(), tt.want) || !strings.HasPrefix(got.Error(), tt.err.Error()) || !errors.As(got, &te) {
			t.Errorf("%s: %v", tt.name, got)
		}
	}
}
