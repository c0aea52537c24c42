package tui

import (
	"context"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/requests"
)

// Backend does all of the app's I/O. The UI calls it only from inside
// tea.Cmds, never from Update or View, so a slow keyring or network never
// blocks a keypress. ui/cli implements it over store/; tests use fakes.
type Backend interface {
	// Send sends r with the named profile; cancelling ctx abandons it.
	Send(ctx context.Context, profile string, r requests.Request) Outcome
	// Token gets, refreshes or forgets an OAuth2 profile's token; device
	// and browser flows report through ui.
	Token(ctx context.Context, profile string, a TokenAction, ui auth.FlowUI) TokenOutcome
	// Verify checks a token's signature with the profile's key sources
	// (its JWKS or discovery, fetched on demand; never the token's jku).
	Verify(ctx context.Context, profile, raw string) (token.Report, error)
	// Introspect asks the profile's RFC 7662 introspection endpoint about
	// an opaque token and describes the answer as lines of text.
	Introspect(ctx context.Context, profile, raw string) ([]string, error)
	// History lists the profile's recent exchanges, newest first.
	History(profile string) ([]history.Entry, error)
	// Saved lists the profile's saved requests; Save adds or replaces one.
	Saved(profile string) ([]requests.Request, error)
	Save(profile string, r requests.Request) error
	// FetchMetadata fetches the RFC 9728 resource metadata the response
	// offered (only ever on the user's request) and explains o again with it.
	FetchMetadata(ctx context.Context, o Outcome) Outcome
}

// Outcome is one send, explained. Everything in it came from the network
// or the profile and is sanitised before it is drawn.
type Outcome struct {
	Profile  string
	Request  requests.Request   // what was composed
	Exchange *exchange.Exchange // nil when nothing was sent
	Result   *explain.Result    // nil when no response arrived
	// Diagnosis is Result's ranked causes when the response needs an
	// explanation (401, 403, 407 or a challenge); empty for a success.
	Diagnosis []explain.Diagnosis
	Notes     []string
	Err       string // why nothing was sent or no response arrived
	// Credential is the raw credential that was sent — the token, the
	// whole Basic value, or the API key — for the token pane, the Auth
	// tab's reveal and copy; shown masked unless the user reveals it.
	Credential string
	// APIKey names the header or query parameter of an api_key profile,
	// so that copies can put a placeholder there.
	APIKey string
	// Mask replaces the secrets this request resolved with placeholders.
	Mask func(string) string
	// Input is what Result was explained from, kept so that fetched
	// resource metadata can be added and the response explained again.
	Input explain.Input
	// MetadataURL is the resource_metadata the challenge offered ("" none).
	MetadataURL string
	// SignIn: nothing was sent because the profile's grant needs a person
	// to sign in (device or browser flow); the app opens its sign-in modal.
	SignIn bool
}

// TokenAction is what the user asked of an OAuth2 profile's token.
type TokenAction int

const (
	TokenGet     TokenAction = iota // use the cached token or obtain one
	TokenRefresh                    // drop the cached access token and obtain a new one
	TokenForget                     // remove the cached tokens from the keyring
)

// TokenOutcome is the result of a TokenAction.
type TokenOutcome struct {
	Profile  string
	Action   TokenAction
	Token    string         // the access token (shown masked, decoded in the token pane)
	Response map[string]any // the token endpoint's last answer, secrets masked
	Err      error          // the token endpoint's refusal, in plain words
}
