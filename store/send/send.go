// Package send joins a profile to the exchange: it resolves the request
// URL against the base URL, adds the profile's headers and credentials
// (sent only to the base URL's origin), applies its timeout, TLS options
// and the environment's proxy, retries once after a 401 invalid_token on
// an OAuth2 profile, and writes the exchange to the history when the
// profile keeps one.
package send

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/why401/why401/inspect/challenge"
	"github.com/why401/why401/inspect/credential"
	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/secrets"
)

// Deps are what sending needs besides the profile.
type Deps struct {
	Resolver *secrets.Resolver // the profile's secret references
	Keyring  secrets.Keyring   // the token cache of OAuth2 profiles
	History  *history.Store    // nil: never written
	UI       auth.FlowUI       // device and browser flows; nil: they fail with a message
	// Cache holds OAuth2 tokens; nil: the keyring (Keyring). A long-running
	// caller passes an auth.SessionCache so tokens outlive one request.
	Cache     auth.TokenCache
	Now       func() time.Time
	UserAgent string // "why401/VERSION"
}

// Request is one request to send with a profile.
type Request struct {
	Method   string
	URL      string // absolute, or a path joined to the profile's base URL
	Headers  []exchange.Header
	Body     []byte
	BodyFile string
	NoAuth   bool          // send no credentials at all
	KeepAll  bool          // keep the whole body (spooled past MaxBody), for writing it out
	MaxBody  int64         // 0: the exchange's default
	Timeout  time.Duration // 0: the profile's
}

// Result is the exchange and what the credentials were.
type Result struct {
	Exchange    *exchange.Exchange
	Credentials string   // the provider's description, "" with NoAuth
	Warnings    []string // e.g. an API key sent in the query
	// Secrets are the values resolved for this request, so that callers
	// can keep them out of what they print or write. Never serialised.
	Secrets []string `json:"-"`
	// APIKey names the header or query parameter of an api_key profile.
	APIKey string
}

// Do sends r with profile p. An error means nothing was sent (a bad URL,
// unusable settings); network failures are in Exchange.Err.
func Do(ctx context.Context, p config.Profile, r Request, d Deps) (Result, error) {
	target, err := resolveURL(p, r.URL)
	if err != nil {
		return Result{}, err
	}
	headers := r.Headers
	var note string
	if sameOrigin(target, p.BaseURL) {
		headers = mergeHeaders(p.Headers, r.Headers)
	} else if len(p.Headers) > 0 {
		// The profile's headers may carry tenant ids or keys: like the
		// credentials, they go only to the profile's own origin.
		note = "The profile's headers were not sent: " + origin(mustParse(target)) + " is not the profile's origin " + origin(p.BaseURL) + "."
	}
	draft := exchange.Draft{Method: r.Method, URL: target, Headers: headers, Body: r.Body, BodyFile: r.BodyFile}
	if err := draft.Validate(); err != nil {
		return Result{}, err
	}
	var resolved []string
	opts, res, err := options(ctx, p, r, d, &resolved)
	if err != nil {
		return Result{}, err
	}
	if note != "" {
		res.Warnings = append(res.Warnings, note)
	}
	if p.Auth.Type == config.AuthAPIKey {
		res.APIKey = p.Auth.Name
	}
	res.Exchange = exchange.Send(ctx, draft, opts)
	res.Secrets = resolved
	if p.History && d.History != nil && res.Exchange.Response != nil {
		_ = record(*d.History, p.Name, res.Exchange, res.APIKey, resolved) // a convenience: a failed write must not fail the request
	}
	return res, nil
}

func sameOrigin(target string, base *url.URL) bool {
	return base != nil && origin(mustParse(target)) == origin(base)
}

func mustParse(raw string) *url.URL {
	u, _ := url.Parse(raw)
	return u
}

func options(ctx context.Context, p config.Profile, r Request, d Deps, resolved *[]string) (exchange.Options, Result, error) {
	opts := exchange.DefaultOptions()
	opts.Decoders = map[string]exchange.Decoder{"br": brotliDecoder}
	opts.DiscardRest = !r.KeepAll
	opts.Timeout, opts.MaxBody, opts.Now, opts.UserAgent = p.Timeout, r.MaxBody, d.Now, d.UserAgent
	if r.Timeout > 0 {
		opts.Timeout = r.Timeout
	}
	opts.CredentialOrigin = origin(p.BaseURL)
	tlsConf, err := TLSConfig(ctx, p, d.Resolver)
	if err != nil {
		return opts, Result{}, err
	}
	opts.TLS = tlsConf
	var res Result
	if r.NoAuth || p.Auth.Type == config.AuthNone || p.Auth.Type == "" {
		return opts, res, nil
	}
	prov, err := provider(ctx, p, d, resolved)
	if err != nil {
		return opts, res, err
	}
	opts.Credentials, res.Credentials = prov, prov.Describe()
	if w, ok := prov.(auth.Warner); ok {
		res.Warnings = w.Warnings()
	}
	if p.Auth.Type.IsOAuth2() && p.Auth.RetryOn401 {
		opts.Retry = invalidToken
	}
	return opts, res, nil
}

// brotliDecoder undoes Content-Encoding: br, which browsers' servers send.
func brotliDecoder(r io.Reader) (io.ReadCloser, error) {
	return io.NopCloser(brotli.NewReader(r)), nil
}

// provider builds the profile's credential provider; secrets resolve only
// when the first request needs them.
func provider(ctx context.Context, p config.Profile, d Deps, resolved *[]string) (credential.Provider, error) {
	spec := auth.Spec{Profile: p.Name, Type: string(p.Auth.Type), Username: p.Auth.Username,
		KeyName: p.Auth.Name, KeyIn: p.Auth.In, ClientID: p.Auth.ClientID, Scopes: p.Auth.Scopes,
		Resource: p.Auth.Resource, RedirectPort: p.Auth.RedirectPort, Extra: map[string]string{}}
	spec.TokenURL, spec.AuthURL, spec.DeviceURL = urlString(p.Auth.TokenURL), urlString(p.Auth.AuthURL), urlString(p.Auth.DeviceURL)
	if b := p.DiscoveryBase(); b != nil {
		spec.Issuer = b.String()
	}
	for _, x := range p.Auth.Extra {
		spec.Extra[x.Name] = x.Value
	}
	client, err := HTTPClient(ctx, p, d.Resolver)
	if err != nil {
		return nil, err
	}
	spec.HTTPClient = client
	now := d.Now
	if now == nil {
		now = time.Now
	}
	var cache auth.TokenCache = auth.KeyringCache{Keyring: d.Keyring}
	if d.Cache != nil {
		cache = d.Cache
	}
	return auth.New(spec, secretFunc(p, d.Resolver, resolved), cache, d.UI, now)
}

// secretFunc resolves the profile's reference for a secret name.
func secretFunc(p config.Profile, r *secrets.Resolver, resolved *[]string) auth.SecretFunc {
	refs := map[string]secrets.Ref{"token": p.Auth.Token, "password": p.Auth.Password, "value": p.Auth.Value,
		"client_secret": p.Auth.ClientSecret, "refresh_token": p.Auth.RefreshToken}
	return func(ctx context.Context, name string) (string, error) {
		ref, ok := refs[name]
		if !ok || ref.IsZero() {
			return "", fmt.Errorf("profile %s has no %s: %w", p.Name, name, auth.ErrNoSecret)
		}
		if r == nil {
			return "", errors.New("no secret resolver")
		}
		v, err := r.Resolve(ctx, p.Name, name, ref)
		if err == nil && resolved != nil {
			*resolved = append(*resolved, v)
		}
		return v, err
	}
}

// invalidToken: retry once after a 401 whose challenge says invalid_token.
func invalidToken(e *exchange.Exchange) bool {
	if e.Response == nil || e.Response.Status != 401 {
		return false
	}
	var www []string
	for _, h := range e.Response.Headers {
		if strings.EqualFold(h.Name, "WWW-Authenticate") {
			www = append(www, h.Value)
		}
	}
	for _, c := range challenge.Parse(www, challenge.Lenient).Challenges {
		if code, _ := c.Get("error"); code == "invalid_token" {
			return true
		}
	}
	return false
}

func resolveURL(p config.Profile, raw string) (string, error) {
	if strings.HasPrefix(raw, "/") {
		if p.BaseURL == nil {
			return "", fmt.Errorf("%s is a path, and profile %s has no base_url", raw, p.Name)
		}
		return strings.TrimSuffix(p.BaseURL.String(), "/") + raw, nil
	}
	u, err := url.Parse(raw)
	if err != nil || !u.IsAbs() {
		return "", fmt.Errorf("%q is neither an absolute URL nor a path starting with /", raw)
	}
	return raw, nil
}

// mergeHeaders puts the request's headers over the profile's: a header
// given for this request replaces the profile's of the same name.
func mergeHeaders(profile []config.Header, req []exchange.Header) []exchange.Header {
	var out []exchange.Header
	for _, h := range profile {
		if !hasHeader(req, h.Name) {
			out = append(out, exchange.Header{Name: h.Name, Value: h.Value})
		}
	}
	return append(out, req...)
}

func hasHeader(hs []exchange.Header, name string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return true
		}
	}
	return false
}

func origin(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.Scheme + "://" + u.Host
}

func urlString(u *url.URL) string {
	if u == nil {
		return ""
	}
	return u.String()
}

// record writes the exchange to the profile's history, redacted.
func record(h history.Store, profile string, e *exchange.Exchange, apiKey string, secretValues []string) error {
	var reqCT, respCT string
	entry := history.Entry{Time: e.Started, Method: e.Request.Method, URL: e.Request.URL, Status: e.Response.Status,
		DurationMS: float64(e.Timing.Total.Microseconds()) / 1000}
	for _, hd := range e.Request.Headers {
		if apiKey != "" && strings.EqualFold(hd.Name, apiKey) {
			hd.Value = redact.Fingerprint(hd.Value)
		}
		entry.RequestHeaders = append(entry.RequestHeaders, redact.Header{Name: hd.Name, Value: hd.Value})
		if strings.EqualFold(hd.Name, "Content-Type") {
			reqCT = hd.Value
		}
	}
	for _, hd := range e.Response.Headers {
		entry.ResponseHeaders = append(entry.ResponseHeaders, redact.Header{Name: hd.Name, Value: hd.Value})
	}
	respCT = e.Response.Body.ContentType
	if e.Response.Body.Encoding == "text" {
		entry.ResponseBody = string(e.Response.Body.Data)
	}
	return h.Append(profile, entry, reqCT, respCT, secretValues)
}
