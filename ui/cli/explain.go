package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/fetch"
	"github.com/why401/why401/inspect/rawhttp"
	"github.com/why401/why401/inspect/resourcemeta"
	"github.com/why401/why401/inspect/token"
)

// explainFlags are the explain command's options; key flags are decode's.
type explainFlags struct {
	decodeFlags
	response        string
	status          int
	responseHeaders []string
	request         string
	requestHeaders  []string
	url             string
	token           string
	issuer          string
	audience        string
	scopes          []string
	fetchMetadata   bool
}

func (e *env) explainCommand() *cobra.Command {
	var fl explainFlags
	cmd := &cobra.Command{
		Use:   "explain [flags]",
		Short: "Explain why a response refused a request",
		Long: "Explain a 401/403/407 response: give the response (--response FILE|- as `curl -si` or\n" +
			"`curl -siL` prints it, or --status with --response-header), what was sent (--request FILE,\n" +
			"--request-header, --token) and optionally what the API expects and the keys to verify with.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			e.jsonOut = fl.json
			return e.runExplain(cmd.Context(), fl)
		},
	}
	f := cmd.Flags()
	addDecodeFlags(f, &fl.decodeFlags)
	f.StringVar(&fl.response, "response", "", "the raw HTTP response in `FILE` (- for stdin), as curl -si or -siL prints it")
	f.IntVar(&fl.status, "status", 0, "the response status, when there is no --response")
	f.StringArrayVar(&fl.responseHeaders, "response-header", nil, "a response header `'Name: value'` (repeatable)")
	f.StringVar(&fl.request, "request", "", "the raw HTTP request in `FILE` (- for stdin)")
	f.StringArrayVar(&fl.requestHeaders, "request-header", nil, "a request header `'Name: value'` (repeatable)")
	f.StringVar(&fl.url, "url", "", "the URL the request was sent to, when --request does not say")
	f.StringVar(&fl.token, "token", "", "the token sent, as `Authorization: Bearer TOKEN` (- for stdin)")
	f.StringVar(&fl.issuer, "issuer", "", "the issuer this API expects")
	f.StringVar(&fl.audience, "audience", "", "the audience this API expects")
	f.StringSliceVar(&fl.scopes, "scope", nil, "scopes this request needs (repeatable or comma-separated)")
	f.BoolVar(&fl.fetchMetadata, "fetch-metadata", false, "fetch the resource_metadata document the challenge names and check it (RFC 9728)")
	return cmd
}

// explainOutput is the explain JSON plus why401's notes on its inputs.
type explainOutput struct {
	explain.Result
	Notes []string `json:"notes"`
}

func (e *env) runExplain(ctx context.Context, fl explainFlags) error {
	if err := fl.validate(); err != nil {
		return err
	}
	in, notes, err := e.explainInput(ctx, fl)
	if err != nil {
		return err
	}
	out := explainOutput{Result: explain.Explain(in), Notes: notes}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	if fl.json {
		writeJSON(e.stdout, out)
	} else {
		renderExplain(e.stdout, out.Result, out.Notes, style{on: e.colour()})
	}
	return nil
}

// validate checks the flags that go together: CONTRACT's "only one input
// may be -", and one way of giving the response.
func (fl explainFlags) validate() error {
	n := 0
	for _, v := range []string{fl.response, fl.request, fl.token} {
		if v == "-" {
			n++
		}
	}
	if n > 1 {
		return usageErr("only one of --response, --request and --token may read stdin (-)")
	}
	if fl.response == "" && fl.status == 0 {
		return usageErr("give the response with --response FILE (or -), or its status with --status")
	}
	if fl.response == "" && (fl.status < 100 || fl.status > 599) {
		return usageErr("--status %d is not an HTTP status code (100 to 599)", fl.status)
	}
	if fl.response != "" && (fl.status != 0 || len(fl.responseHeaders) > 0) {
		return usageErr("give the response either with --response or with --status and --response-header, not both")
	}
	return nil
}

func (e *env) explainInput(ctx context.Context, fl explainFlags) (explain.Input, []string, error) {
	var in explain.Input
	var notes []string
	if err := e.readResponse(fl, &in, &notes); err != nil {
		return in, nil, err
	}
	if err := e.readRequest(fl, &in, &notes); err != nil {
		return in, nil, err
	}
	opts, err := fl.options()
	if err != nil {
		return in, nil, err
	}
	in.Now = opts.Now
	if in.Now.IsZero() {
		in.Now = time.Now().UTC()
	}
	opts.Issuer, opts.Audience = fl.issuer, fl.audience
	opts.Keys, err = e.loadKeys(ctx, fl.decodeFlags, sentKID(in.Request))
	if err != nil {
		return in, nil, exitError{exitUsage, err}
	}
	if e.profile != "" {
		cfg, p, err := e.profileNamed(e.profile)
		if err != nil {
			return in, nil, err
		}
		if err := e.withProfile(ctx, p, &opts, sentKID(in.Request)); err != nil {
			return in, nil, exitError{exitUsage, err}
		}
		fl.scopes = append(fl.scopes, p.Scopes...)
		in.Others = otherEnvironments(cfg, p)
	}
	in.Expect = explain.Expectations{Issuer: opts.Issuer, Audience: opts.Audience, Scopes: fl.scopes, Algs: opts.Algs}
	decodeSent(&in, opts)
	if fl.fetchMetadata {
		in.Metadata = e.fetchMetadata(ctx, in)
	}
	return in, notes, nil
}

func (e *env) readInputFile(name, what string) ([]byte, error) {
	if name == "-" {
		b, err := io.ReadAll(io.LimitReader(e.stdin, maxStdin+1))
		if err != nil || len(b) > maxStdin {
			return nil, usageErr("cannot read the %s from stdin", what)
		}
		return b, nil
	}
	b, err := readFileCapped(name, maxStdin)
	if err != nil {
		return nil, usageErr("cannot read the %s: %v", what, err)
	}
	return b, nil
}

func (e *env) readResponse(fl explainFlags, in *explain.Input, notes *[]string) error {
	if fl.response == "" {
		in.Status = fl.status
		hs, err := parseHeaderFlags(fl.responseHeaders, "--response-header")
		in.ResponseHeaders = hs
		return err
	}
	b, err := e.readInputFile(fl.response, "response")
	if err != nil {
		return err
	}
	rs, err := rawhttp.ParseResponses(b)
	if err != nil {
		return usageErr("cannot read the response: %v", err)
	}
	last := rs[len(rs)-1]
	for _, r := range rs {
		in.Request.ViaProxy = in.Request.ViaProxy || r.Tunneled // curl printed a CONNECT preamble
	}
	for _, r := range rs[:len(rs)-1] {
		loc, _ := r.Header("Location")
		in.Redirects = append(in.Redirects, explain.Redirect{Status: r.Status, Location: loc})
	}
	in.Status, in.Body = last.Status, last.Body
	for _, h := range last.Headers {
		in.ResponseHeaders = append(in.ResponseHeaders, explain.Header{Name: h.Name, Value: h.Value})
	}
	for _, w := range last.Warnings {
		*notes = append(*notes, "response: "+w)
	}
	return nil
}

func (e *env) readRequest(fl explainFlags, in *explain.Input, notes *[]string) error {
	in.Request.URL = fl.url
	if fl.request != "" {
		b, err := e.readInputFile(fl.request, "request")
		if err != nil {
			return err
		}
		req, err := rawhttp.ParseRequest(b)
		if err != nil {
			return usageErr("cannot read the request: %v", err)
		}
		in.Request.Method = req.Method
		if in.Request.URL == "" {
			in.Request.URL = req.URL()
		}
		for _, h := range req.Headers {
			in.Request.Headers = append(in.Request.Headers, explain.Header{Name: h.Name, Value: h.Value})
		}
	}
	extra, err := parseHeaderFlags(fl.requestHeaders, "--request-header")
	if err != nil {
		return err
	}
	in.Request.Headers = append(in.Request.Headers, extra...)
	if fl.token != "" {
		return e.applyTokenFlag(fl, in, notes)
	}
	return nil
}

// applyTokenFlag puts --token in the Authorization header, replacing one
// from --request, and says so.
func (e *env) applyTokenFlag(fl explainFlags, in *explain.Input, notes *[]string) error {
	raw := fl.token
	if raw == "-" {
		b, err := e.readInputFile("-", "token")
		if err != nil {
			return err
		}
		raw = string(b)
	}
	tin, err := token.ReadInput(raw)
	if err != nil {
		return exitError{exitUsage, fmt.Errorf("--token: %w", err)}
	}
	scheme := "Bearer"
	switch {
	case tin.Scheme == "DPoP":
		scheme = "DPoP"
	case tin.Scheme != "" && tin.Scheme != "Bearer":
		// Never turn a password or another scheme's credentials into a Bearer token.
		return usageErr("--token takes a bearer or DPoP token; give %s credentials with --request or --request-header", tin.Scheme)
	}
	var kept []explain.Header
	for _, h := range in.Request.Headers {
		if strings.EqualFold(h.Name, "Authorization") {
			*notes = append(*notes, "--token replaced the Authorization header of the request")
			continue
		}
		kept = append(kept, h)
	}
	in.Request.Headers = append(kept, explain.Header{Name: "Authorization", Value: scheme + " " + tin.Token})
	return nil
}

// sentKID is the kid of the token sent, so a cached JWKS missing it is refetched.
func sentKID(r explain.Request) string {
	if tin, ok := explain.SentToken(r); ok {
		return token.Decode(tin.Token).KID()
	}
	return ""
}

// decodeSent decodes the token the request carried, verifying it with
// the keys given.
func decodeSent(in *explain.Input, opts token.Options) {
	if tin, ok := explain.SentToken(in.Request); ok {
		rep := token.Analyze(tin, opts)
		in.Token = &rep
	}
}

func (e *env) fetchMetadata(ctx context.Context, in explain.Input) *explain.Metadata {
	u, fromChallenge, urlProblems := explain.MetadataURL(in.ResponseHeaders, in.Request.URL)
	if u == "" {
		return &explain.Metadata{Err: "the response names no resource_metadata and the request URL is unknown"}
	}
	m := &explain.Metadata{URL: u}
	for _, p := range urlProblems {
		m.Problems = append(m.Problems, p.ID+": "+p.Message)
	}
	md, err := resourcemeta.Fetch(ctx, u, fetch.Options{})
	if err != nil {
		m.Err = err.Error()
		return m
	}
	m.Resource, m.AuthorizationServers, m.ScopesSupported = md.Resource, md.AuthorizationServers, md.ScopesSupported
	iss := ""
	if in.Token != nil {
		iss, _ = in.Token.Token.Claims["iss"].(string)
	}
	// RFC 9728 §3.3: a document named by the challenge must describe the
	// URL requested; one found at the well-known URL, the resource it was built from.
	requested := ""
	if fromChallenge {
		requested = in.Request.URL
	}
	for _, p := range resourcemeta.Check(md, requested, u, iss, in.Expect.Scopes) {
		m.Problems = append(m.Problems, p.ID+": "+p.Message)
	}
	return m
}

func parseHeaderFlags(vals []string, flag string) ([]explain.Header, error) {
	var out []explain.Header
	for _, v := range vals {
		name, value, ok := strings.Cut(v, ":")
		if !ok || strings.TrimSpace(name) == "" {
			// The value may hold a credential: never echo it.
			return nil, usageErr("a %s value has no header name before a colon; write it as 'Name: value'", flag)
		}
		out = append(out, explain.Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return out, nil
}

// statusText is "401 Unauthorized".
func statusText(code int) string {
	return strconv.Itoa(code) + " " + http.StatusText(code)
}
