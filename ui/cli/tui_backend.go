package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"net/url"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/store/send"
	"github.com/why401/why401/ui/tui"
)

// backend is the terminal app's I/O over store/. The app calls it from
// tea.Cmd goroutines. env's lazy caches (the fetcher, key sources) are not
// safe for concurrent use, so the calls that use env hold mu — but never
// across the network send itself, so a hung request does not hold up a
// profile switch; the resolver and keyring guard themselves.
type backend struct {
	mu       sync.Mutex
	e        *env
	cfg      *config.Config
	deps     send.Deps
	history  *history.Store  // nil: the demo keeps history in memory only
	saved    *requests.Store // nil: saving is not offered (the demo)
	session  map[string][]history.Entry
	memSaved map[string][]requests.Request // the demo's saved requests
}

func newBackend(e *env, cfg *config.Config, deps send.Deps, hist *history.Store, saved *requests.Store) *backend {
	return &backend{e: e, cfg: cfg, deps: deps, history: hist, saved: saved,
		session: map[string][]history.Entry{}, memSaved: map[string][]requests.Request{}}
}

func (b *backend) profile(name string) (config.Profile, error) {
	if b.cfg == nil {
		return config.Profile{}, fmt.Errorf("there is no config: create a profile with why401 profile add")
	}
	p, ok := b.cfg.Profile(name)
	if !ok {
		return config.Profile{}, fmt.Errorf("there is no profile %q", name)
	}
	return p, nil
}

// Send sends r and explains the answer the way `why401 send` does.
func (b *backend) Send(ctx context.Context, profile string, r requests.Request) tui.Outcome {
	out := tui.Outcome{Profile: profile, Request: r, Mask: func(s string) string { return s }}
	p, err := b.profile(profile)
	if err != nil {
		out.Err = err.Error()
		return out
	}
	res, err := send.Do(ctx, p, sendRequest(r), b.deps)
	if err != nil {
		out.Err = redact.Text(redact.URL(err.Error()))
		return out
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	rep := b.e.sendReport(ctx, b.cfg, p, res)
	out.Exchange, out.Notes, out.Err = res.Exchange, rep.Notes, rep.Error
	out.SignIn = errors.Is(res.Exchange.CredentialsErr, auth.ErrSignInNeeded)
	out.Mask = rep.mask.text
	if rep.explained != nil {
		out.Result, out.Diagnosis = rep.explained, rep.Diagnosis
		out.Input = rep.input
		out.MetadataURL = rep.metadataURL
	}
	out.APIKey = res.APIKey
	out.Credential = sentCredential(rep.input.Request, res.APIKey)
	b.remember(profile, res)
	b.log(profile, res, out)
	return out
}

// log writes one redacted line per send to the --debug log.
func (b *backend) log(profile string, res send.Result, o tui.Outcome) {
	l := b.e.log
	if l == nil {
		return
	}
	for _, s := range res.Secrets {
		l.AddSecret(s)
	}
	ex := res.Exchange
	status, first := 0, ""
	if ex.Response != nil {
		status = ex.Response.Status
	}
	if len(o.Diagnosis) > 0 {
		first = o.Diagnosis[0].ID
	}
	l.Printf("app send profile=%s method=%s url=%q status=%d total=%s diagnosis=%s err=%q",
		profile, ex.Request.Method, o.Mask(ex.Request.URL), status, ex.Timing.Total, first, o.Err)
}

// sentCredential is the credential the request carried: the token of a
// token scheme, the whole Basic value, or the API key's value.
func sentCredential(r explain.Request, apiKey string) string {
	if tin, ok := explain.SentToken(r); ok {
		return tin.Token
	}
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, "Authorization") || apiKey != "" && strings.EqualFold(h.Name, apiKey) {
			return h.Value
		}
	}
	if u, err := url.Parse(r.URL); err == nil && apiKey != "" {
		return u.Query().Get(apiKey)
	}
	return ""
}

// sendRequest turns the composed request into store/send's: disabled
// headers stay home, and an override replaces the profile's credentials.
func sendRequest(r requests.Request) send.Request {
	// KeepAll: the whole body stays reachable (spooled past the head) so the
	// response pane can index, scroll and search all of it.
	req := send.Request{Method: strings.ToUpper(r.Method), URL: r.URL, Body: []byte(r.Body), KeepAll: true}
	for _, h := range r.Sent() {
		req.Headers = append(req.Headers, exchange.Header{Name: h.Name, Value: h.Value})
	}
	switch r.Auth {
	case requests.AuthNone:
		req.NoAuth = true
	case requests.AuthBearer:
		req.NoAuth = true
		req.Headers = append(req.Headers, exchange.Header{Name: "Authorization", Value: "Bearer " + r.Token})
	}
	return req
}

// remember keeps a redacted summary of the exchange for this session's
// history pane; profiles that keep history also have it on disk.
func (b *backend) remember(profile string, res send.Result) {
	ex := res.Exchange
	if ex == nil || ex.Response == nil {
		return
	}
	e := history.Entry{Time: ex.Started, Method: ex.Request.Method, URL: ex.Request.URL, Status: ex.Response.Status,
		DurationMS: float64(ex.Timing.Total) / float64(time.Millisecond)}
	for _, h := range ex.Request.Headers {
		v := h.Value
		if redact.IsSecretHeader(h.Name) || res.APIKey != "" && strings.EqualFold(h.Name, res.APIKey) {
			v = redact.Fingerprint(v)
		}
		e.RequestHeaders = append(e.RequestHeaders, redact.Header{Name: h.Name, Value: v})
	}
	m := masker{apiKey: res.APIKey, secrets: res.Secrets}
	e.URL = redact.URL(m.url(e.URL)) // also tokens typed into the query
	b.session[profile] = append([]history.Entry{e}, b.session[profile]...)
}

// History lists the profile's exchanges, newest first: the file history
// when the profile keeps one, else this session's.
func (b *backend) History(profile string) ([]history.Entry, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, err := b.profile(profile)
	if err != nil {
		return nil, err
	}
	if !p.History || b.history == nil {
		return append([]history.Entry(nil), b.session[profile]...), nil
	}
	es, err := b.history.List(profile)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].Time.After(es[j].Time) })
	return es, nil
}

// Saved lists the profile's saved requests; the demo keeps them in memory.
func (b *backend) Saved(profile string) ([]requests.Request, error) {
	if b.saved == nil {
		b.mu.Lock()
		defer b.mu.Unlock()
		return append([]requests.Request(nil), b.memSaved[profile]...), nil
	}
	return b.saved.List(profile)
}

// Save adds or replaces a saved request by name; the demo writes nothing
// to disk, so its saved requests last for the run.
func (b *backend) Save(profile string, r requests.Request) error {
	if b.saved != nil {
		return b.saved.Save(profile, r)
	}
	clean, _ := r.WithoutSecrets()
	b.mu.Lock()
	defer b.mu.Unlock()
	list := b.memSaved[profile]
	for i := range list {
		if list[i].Name == clean.Name {
			list[i] = clean
			return nil
		}
	}
	b.memSaved[profile] = append(list, clean)
	return nil
}

// Token runs an OAuth2 token action for the profile, with flows shown by ui.
// The lock is not held across the action: a device flow polls for minutes,
// and sends to other profiles must not wait for it. store/send and
// store/auth guard their own state; the resolver is created before.
func (b *backend) Token(ctx context.Context, profile string, a tui.TokenAction, ui auth.FlowUI) tui.TokenOutcome {
	out := tui.TokenOutcome{Profile: profile, Action: a}
	b.mu.Lock()
	p, err := b.profile(profile)
	d := b.deps
	b.mu.Unlock()
	if err != nil {
		out.Err = err
		return out
	}
	d.UI = ui
	actions := map[tui.TokenAction]send.Action{tui.TokenGet: send.GetToken, tui.TokenRefresh: send.RefreshToken, tui.TokenForget: send.ForgetToken}
	res, err := send.TokenAction(ctx, p, actions[a], d)
	out.Token, out.Response, out.Err = res.Token, res.Response, err
	return out
}

// Verify decodes raw with the profile's expectations and verifies it with
// the profile's key sources.
func (b *backend) Verify(ctx context.Context, profile, raw string) (token.Report, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	in, err := token.ReadInput(raw)
	if err != nil {
		return token.Report{}, err
	}
	opts := token.Options{Now: time.Now()}
	p, perr := b.profile(profile)
	if perr != nil {
		return token.Analyze(in, opts), perr
	}
	err = b.e.withProfile(ctx, p, &opts, token.Decode(in.Token).KID())
	return token.Analyze(in, opts), err
}

// Introspect asks the profile's introspection endpoint about raw,
// authenticating as the profile's client.
func (b *backend) Introspect(ctx context.Context, profile, raw string) ([]string, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p, err := b.profile(profile)
	if err != nil {
		return nil, err
	}
	if p.IntrospectionURL == nil {
		return nil, fmt.Errorf("profile %s has no introspection_url, so an opaque token cannot be checked", profile)
	}
	secret := ""
	if !p.Auth.ClientSecret.IsZero() {
		if secret, err = b.deps.Resolver.Resolve(ctx, profile, "client_secret", p.Auth.ClientSecret); err != nil {
			return nil, err
		}
	}
	client, err := send.HTTPClient(ctx, p, b.deps.Resolver)
	if err != nil {
		return nil, err
	}
	in, err := auth.Introspect(ctx, client, p.IntrospectionURL.String(), p.Auth.ClientID, secret, raw)
	if err != nil {
		return nil, err
	}
	return introspectionLines(in), nil
}

// introspectionLines is RFC 7662's answer in the token pane's words.
func introspectionLines(in auth.Introspection) []string {
	if !in.Active {
		return []string{"✗ inactive: the server says this token is expired, revoked or unknown"}
	}
	out := []string{"✓ active"}
	add := func(name, v string) {
		if v != "" {
			out = append(out, name+" "+v)
		}
	}
	add("sub", in.Sub)
	add("client_id", in.ClientID)
	add("username", in.Username)
	add("iss", in.Iss)
	add("aud", strings.Join(in.Aud, " "))
	add("scope", in.Scope)
	add("token_type", in.TokenType)
	if in.Exp != nil {
		add("exp", in.Exp.UTC().Format(time.RFC3339)+" ("+token.Relative(*in.Exp, time.Now())+")")
	}
	return out
}

// FetchMetadata fetches the resource metadata o's response offered and
// explains o again with it.
func (b *backend) FetchMetadata(ctx context.Context, o tui.Outcome) tui.Outcome {
	b.mu.Lock()
	defer b.mu.Unlock()
	in := o.Input
	in.Metadata = b.e.fetchMetadata(ctx, in)
	r := explain.Explain(in)
	o.Input, o.Result = in, &r
	if len(o.Diagnosis) > 0 {
		o.Diagnosis = r.Diagnosis
	}
	return o
}
