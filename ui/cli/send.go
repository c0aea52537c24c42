package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/send"
)

// sendFlags are the options of send and demo send (CONTRACT).
type sendFlags struct {
	json, yes, noAuth, full bool
	maxBody                 int64
	output                  string
	timeout                 time.Duration
	headers                 []string
	data                    string
}

func addSendFlags(cmd *cobra.Command, fl *sendFlags) {
	f := cmd.Flags()
	f.BoolVar(&fl.json, "json", false, "print the exchange as JSON")
	f.BoolVar(&fl.yes, "yes", false, "do not ask before a non-GET request on a protected profile")
	f.BoolVar(&fl.noAuth, "no-auth", false, "send no credentials at all")
	f.BoolVar(&fl.full, "full", false, "print the whole body, even in a terminal")
	f.Int64Var(&fl.maxBody, "max-body", 1<<20, "body bytes kept and printed at most")
	f.StringVarP(&fl.output, "output", "o", "", "write the body to `FILE`")
	f.DurationVar(&fl.timeout, "timeout", 0, "request timeout (default: the profile's)")
	f.StringArrayVarP(&fl.headers, "header", "H", nil, "a request header `'Name: value'` (replaces the profile's)")
	f.StringVarP(&fl.data, "data", "d", "", "the request body, or @FILE")
}

func (e *env) sendCommand() *cobra.Command {
	var fl sendFlags
	cmd := &cobra.Command{
		Use:   "send [flags] METHOD URL",
		Short: "Send one request with the profile's credentials and explain the answer",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			e.jsonOut = fl.json
			cfg, p, err := e.profileNamed(e.profile)
			if err != nil {
				return err
			}
			deps := send.Deps{Resolver: e.resolver(), Keyring: e.keyring(), UI: e.flowUI(), Now: time.Now, UserAgent: "why401/" + version()}
			if p.History {
				h := history.Open(e.paths().State)
				deps.History = &h
			}
			return e.runSend(cmd.Context(), cfg, p, deps, fl, args[0], args[1])
		},
	}
	addSendFlags(cmd, &fl)
	return cmd
}

// sendOutput is CONTRACT's send JSON.
type sendOutput struct {
	Profile     string               `json:"profile"`
	Retried     bool                 `json:"retried"`
	Request     sentRequest          `json:"request"`
	Response    *sentResponse        `json:"response,omitempty"`
	Timing      *timingJSON          `json:"timing,omitempty"`
	TLS         *tlsJSON             `json:"tls"`
	Redirects   []explain.Redirect   `json:"redirects"`
	Credentials *explain.Credentials `json:"credentials"`
	Token       *token.Report        `json:"token"`
	Challenges  any                  `json:"challenges"`
	Diagnostics any                  `json:"diagnostics"`
	Diagnosis   []explain.Diagnosis  `json:"diagnosis"`
	Notes       []string             `json:"notes,omitempty"`
	Error       string               `json:"error,omitempty"`
	explained   *explain.Result
	input       explain.Input // what explained was built from (the terminal app re-explains with metadata)
	metadataURL string        // the resource_metadata a challenge offered
	exchange    *exchange.Exchange
	mask        masker
}

type sentRequest struct {
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers []exchange.Header `json:"headers"`
}

type sentResponse struct {
	Proto   string            `json:"proto"`
	Status  int               `json:"status"`
	Headers []exchange.Header `json:"headers"`
	Body    bodyJSON          `json:"body"`
}

type bodyJSON struct {
	ContentType string `json:"content_type"`
	Size        int64  `json:"size"`
	Truncated   bool   `json:"truncated"`
	Encoding    string `json:"encoding"`
	Data        string `json:"data"`
}

// tlsJSON is CONTRACT's tls member.
type tlsJSON struct {
	Version  string  `json:"version"`
	Subject  string  `json:"subject"`
	Issuer   string  `json:"issuer"`
	NotAfter string  `json:"not_after"`
	Error    *string `json:"error"`
}

func tlsOf(t *exchange.TLSInfo) *tlsJSON {
	if t == nil {
		return nil
	}
	j := &tlsJSON{Version: t.Version, Subject: t.Subject, Issuer: t.Issuer}
	if !t.NotAfter.IsZero() {
		j.NotAfter = t.NotAfter.UTC().Format(time.RFC3339)
	}
	if t.Error != "" {
		j.Error = &t.Error
	}
	return j
}

// notSentOutput is CONTRACT's JSON when no response arrived.
type notSentOutput struct {
	Error   string      `json:"error"`
	Profile string      `json:"profile"`
	Request sentRequest `json:"request"`
}

type timingJSON struct {
	DNS       float64  `json:"dns_ms"`
	Connect   float64  `json:"connect_ms"`
	TLS       *float64 `json:"tls_ms"`
	FirstByte float64  `json:"first_byte_ms"`
	Total     float64  `json:"total_ms"`
}

func (e *env) runSend(ctx context.Context, cfg *config.Config, p config.Profile, deps send.Deps, fl sendFlags, method, target string) error {
	req, err := fl.request(method, target)
	if err != nil {
		return err
	}
	if err := e.confirmProtected(p, req.Method, fl.yes); err != nil {
		return err
	}
	send.CleanSpools("", time.Hour, time.Now())
	var outFile *os.File
	if fl.output != "" {
		// Opened first: a request that may change something must not go
		// out only to find that its answer cannot be saved.
		if outFile, err = os.OpenFile(fl.output, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600); err != nil {
			return usageErr("cannot write %s: %v", fl.output, err)
		}
		defer outFile.Close()
	}
	res, err := send.Do(ctx, p, req, deps)
	if err != nil {
		return exitError{exitUsage, err}
	}
	defer res.Exchange.Close()
	out := e.sendReport(ctx, cfg, p, res)
	if res.Exchange.Response == nil {
		if fl.json {
			writeJSON(e.stdout, notSentOutput{Error: sentence(safeErr(out.Error)), Profile: p.Name, Request: out.Request})
		}
		e.jsonOut = false // the JSON is written; stderr gets the sentence
		return exitError{exitUsage, fmt.Errorf("%s", safeErr(out.Error))}
	}
	if outFile != nil {
		if err := writeBody(outFile, &res.Exchange.Response.Body); err != nil {
			fmt.Fprintln(e.stderr, "why401: "+sentence(err.Error()))
		}
	}
	if fl.json {
		writeJSON(e.stdout, out)
	} else {
		renderSend(e.stdout, out, style{on: e.colour()}, e.isTerminal(e.stdout), fl.full)
	}
	if res.Exchange.Response.Status >= 400 {
		return silentExit(exitFailed)
	}
	return nil
}

func safeErr(s string) string {
	if s == "" {
		return "no response arrived"
	}
	return strings.TrimSuffix(s, ".")
}

func (fl sendFlags) request(method, target string) (send.Request, error) {
	if fl.maxBody < 0 {
		return send.Request{}, usageErr("--max-body must not be negative")
	}
	if fl.data == "@" {
		return send.Request{}, usageErr("-d @ needs a file name after the @")
	}
	req := send.Request{Method: strings.ToUpper(method), URL: target, NoAuth: fl.noAuth, MaxBody: fl.maxBody,
		Timeout: fl.timeout, KeepAll: fl.output != ""}
	hs, err := parseHeaderFlags(fl.headers, "-H")
	if err != nil {
		return req, err
	}
	req.Headers = hs
	if fl.output != "" && !hasHeaderNamed(hs, "Accept-Encoding") {
		// -o writes the body exactly as received: ask for it uncompressed.
		req.Headers = append(req.Headers, exchange.Header{Name: "Accept-Encoding", Value: "identity"})
	}
	switch {
	case strings.HasPrefix(fl.data, "@"):
		req.BodyFile = strings.TrimPrefix(fl.data, "@")
	case fl.data != "":
		req.Body = []byte(fl.data)
	}
	return req, nil
}

// confirmProtected asks before a request that may change something on a
// protected profile (CONTRACT: non-GET/HEAD/OPTIONS).
func (e *env) confirmProtected(p config.Profile, method string, yes bool) error {
	if !p.Protected || yes || method == http.MethodGet || method == http.MethodHead || method == http.MethodOptions {
		return nil
	}
	if !e.isTerminal(e.stdin) {
		return usageErr("profile %s is protected: confirm a %s request with --yes", p.Name, method)
	}
	if !e.confirm(fmt.Sprintf("Send %s with the protected profile %s?", method, p.Name)) {
		return usageErr("not sent: you declined")
	}
	return nil
}

// sendReport explains the exchange and shapes it as CONTRACT's JSON.
func (e *env) sendReport(ctx context.Context, cfg *config.Config, p config.Profile, res send.Result) sendOutput {
	ex := res.Exchange
	mask := masker{apiKey: res.APIKey, secrets: res.Secrets}
	out := sendOutput{Profile: p.Name, Retried: ex.Retried, TLS: tlsOf(ex.TLS), exchange: ex, mask: mask,
		Request: sentRequest{Method: ex.Request.Method, URL: mask.url(ex.Request.URL), Headers: mask.headers(ex.Request.Headers)}}
	out.Notes = append(out.Notes, res.Warnings...)
	if p.InsecureSkipVerify {
		out.Notes = append(out.Notes, "insecure_skip_verify is on for profile "+p.Name+": TLS certificates are NOT checked")
	}
	for _, n := range []string{ex.CredentialsWithheld, ex.RetryErr} {
		if n != "" {
			out.Notes = append(out.Notes, n)
		}
	}
	if ex.Response == nil {
		out.Error = ex.Err
		return out
	}
	out.Response = responseJSON(ex.Response, mask)
	out.Timing = timingOf(ex.Timing, ex.TLS != nil)
	in := ex.ExplainInput()
	in.Now = time.Now().UTC()
	in.Request.APIKey = res.APIKey
	opts := token.Options{Now: in.Now}
	if err := e.withProfile(ctx, p, &opts, sentKID(in.Request)); err != nil {
		out.Notes = append(out.Notes, "the token was not verified: "+err.Error())
	}
	decodeSent(&in, opts)
	in.Expect = explain.Expectations{Issuer: p.Issuer, Audience: p.Audience, Scopes: p.Scopes, Algs: p.Algs}
	in.Others = otherEnvironments(cfg, p)
	if !explainable(ex.Response) {
		// A success needs no explanation, and reading a large body for
		// server wording would cost more than the request itself.
		in.Body = nil
	}
	r := explain.Explain(in)
	out.explained, out.input = &r, in
	if u, fromChallenge, _ := explain.MetadataURL(in.ResponseHeaders, in.Request.URL); fromChallenge {
		out.metadataURL = u
	}
	out.Redirects, out.Credentials, out.Token = r.Redirects, r.Credentials, r.Token
	out.Challenges, out.Diagnostics = r.Challenges, r.Diagnostics
	out.Diagnosis = []explain.Diagnosis{}
	if explainable(ex.Response) {
		out.Diagnosis = r.Diagnosis
	}
	return out
}

// explainable: the explainer runs on 401, 403 and 407 and on any response
// that carries a challenge.
func explainable(r *exchange.Response) bool {
	if r.Status == 401 || r.Status == 403 || r.Status == 407 {
		return true
	}
	for _, h := range r.Headers {
		if strings.EqualFold(h.Name, "WWW-Authenticate") || strings.EqualFold(h.Name, "Proxy-Authenticate") {
			return true
		}
	}
	return false
}

func responseJSON(r *exchange.Response, m masker) *sentResponse {
	b := r.Body
	return &sentResponse{Proto: r.Proto, Status: r.Status, Headers: m.headers(r.Headers), Body: bodyJSON{
		ContentType: b.ContentType, Size: b.Size, Truncated: b.Truncated, Encoding: b.Encoding, Data: m.text(bodyData(b))}}
}

func bodyData(b exchange.Body) string {
	if b.Encoding == "base64" {
		return base64Std(b.Data)
	}
	return string(b.Data)
}

func timingOf(t exchange.Timing, tlsUsed bool) *timingJSON {
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	j := &timingJSON{DNS: ms(t.DNS), Connect: ms(t.Connect), FirstByte: ms(t.FirstByte), Total: ms(t.Total)}
	if tlsUsed {
		v := ms(t.TLS)
		j.TLS = &v
	}
	return j
}

// writeBody writes the whole body, streamed from the spool when large.
func writeBody(f *os.File, b *exchange.Body) error {
	r, err := b.Open()
	if err != nil {
		return fmt.Errorf("cannot read the body: %w", err)
	}
	defer r.Close()
	if _, err := io.Copy(f, r); err != nil {
		return fmt.Errorf("cannot write %s: %w", f.Name(), err)
	}
	return nil
}

func hasHeaderNamed(hs []exchange.Header, name string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return true
		}
	}
	return false
}
