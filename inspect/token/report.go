package token

import (
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/why401/why401/inspect/keys"
)

// Options says how to evaluate a token: the clock, the trusted keys and
// what the user expects. The zero value decodes and lints without a key.
type Options struct {
	Now         time.Time // zero: time.Now()
	Leeway      time.Duration
	Keys        []keys.Set // trusted keys; none: the signature is not checked
	Algs        []string   // allowed algorithms; empty: those that fit the keys
	Issuer      string     // expected iss
	Audience    string     // expected in aud
	Typ         string     // expected typ
	MaxLifetime time.Duration
}

// DefaultMaxLifetime is where LIFETIME_LONG starts: access tokens are
// meant to be short-lived, and a day is generous.
const DefaultMaxLifetime = 24 * time.Hour

func (o Options) maxLifetime() time.Duration {
	if o.MaxLifetime > 0 {
		return o.MaxLifetime
	}
	return DefaultMaxLifetime
}

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

// SigStatus is the outcome of signature verification.
type SigStatus string

const (
	SigVerified    SigStatus = "verified"
	SigInvalid     SigStatus = "invalid"
	SigUnverified  SigStatus = "unverified"
	SigUnsecured   SigStatus = "unsecured"
	SigUnsupported SigStatus = "unsupported"
)

// Signature is the "signature" member of the decode JSON.
type Signature struct {
	Status SigStatus `json:"status"`
	Alg    *string   `json:"alg"`
	Key    *string   `json:"key"`
	Reason *string   `json:"reason"` // why this key was chosen
	Error  *string   `json:"error"`
}

// TimeJSON is the "time" member of the decode JSON.
type TimeJSON struct {
	Status           TimeStatus `json:"status"`
	Now              string     `json:"now"`
	Exp              *string    `json:"exp"`
	Iat              *string    `json:"iat"`
	Nbf              *string    `json:"nbf"`
	AuthTime         *string    `json:"auth_time"`
	ExpiresInSeconds *int64     `json:"expires_in_seconds"`
	LeewaySeconds    int64      `json:"leeway_seconds"`
}

// Source says where in the input the token was found.
type Source struct {
	Where      string `json:"where"`
	Scheme     string `json:"scheme,omitempty"`
	Candidates int    `json:"candidates"`
	Note       string `json:"note,omitempty"`
}

// Report is the whole analysis of one token, shaped as the decode JSON.
type Report struct {
	InputForm    Form            `json:"input_form"`
	Kind         Kind            `json:"kind"`
	OpaqueFormat *string         `json:"opaque_format"`
	Header       json.RawMessage `json:"header"`
	Payload      json.RawMessage `json:"payload"`
	PayloadText  *string         `json:"payload_text"`
	Signature    Signature       `json:"signature"`
	Time         TimeJSON        `json:"time"`
	Findings     []Finding       `json:"findings"`
	Error        *string         `json:"error"`
	Source       Source          `json:"source"`

	Token Token `json:"-"`
	Times Times `json:"-"`
}

// Analyze decodes, lints and (given keys) verifies the token in in.
func Analyze(in Input, opts Options) Report {
	tok := Decode(in.Token)
	if strings.EqualFold(in.Scheme, "basic") {
		// user:password in base64 is not a token: never decode or show it.
		tok = Token{Raw: in.Token, Kind: KindOpaque, OpaqueFormat: FormatHTTPBasic}
	}
	r := Report{InputForm: in.Form, Kind: tok.Kind, Token: tok, Source: in.source()}
	r.Header, r.Payload, r.PayloadText = tok.Header, tok.Payload, tok.PayloadText
	if r.Header == nil && tok.Kind != KindOpaque {
		r.Header = json.RawMessage("{}") // CONTRACT: header is an object whenever the token is JWT-shaped
	}
	r.OpaqueFormat = strPtr(tok.OpaqueFormat)
	r.Error = strPtr(tok.Err)
	r.Times = EvaluateTimes(tok.Claims, opts.now(), opts.Leeway)
	if tok.Kind != KindJWS {
		r.Times.Status = TimeNotApplicable
	}
	r.Time = timeJSON(r.Times)
	r.Findings = Lint(tok, r.Times, opts)
	r.Findings = append(r.Findings, in.findings()...)
	var issues []keys.Issue
	r.Signature, issues = signature(tok, opts)
	for _, is := range issues {
		r.Findings = addFinding(r.Findings, Finding{ID: is.ID, Severity: Severity(is.Severity), Message: is.Message})
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	return r
}

// HasErrors reports whether any finding is an error.
func (r Report) HasErrors() bool {
	return slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Severity == SevError })
}

func signature(tok Token, opts Options) (Signature, []keys.Issue) {
	s := Signature{Alg: strPtr(tok.Alg())}
	switch {
	case tok.Kind == KindJWE || tok.Kind == KindOpaque:
		s.Status = SigUnsupported
		return s, nil
	case tok.Kind == KindMalformed:
		s.Status = SigUnverified
		return s, nil
	case strings.EqualFold(tok.Alg(), "none"):
		s.Status = SigUnsecured
		return s, nil
	case len(opts.Keys) == 0:
		s.Status = SigUnverified
		return s, nil
	}
	res := keys.Verify(keys.Request{
		Alg: tok.Alg(), KID: tok.KID(), SigningInput: tok.SigningInput(),
		Signature: tok.Signature, Allowed: opts.Algs,
	}, opts.Keys...)
	s.Status = SigInvalid
	if res.Verified {
		s.Status = SigVerified
	}
	s.Key, s.Reason, s.Error = strPtr(res.Key), strPtr(res.Reason), strPtr(res.Err)
	return s, res.Issues
}

// addFinding appends f unless a finding with the same id already says the
// same thing (lints and verification can both notice an unexpected alg).
func addFinding(list []Finding, f Finding) []Finding {
	if slices.ContainsFunc(list, func(g Finding) bool { return g.ID == f.ID }) {
		return list
	}
	return append(list, f)
}

func timeJSON(t Times) TimeJSON {
	j := TimeJSON{Status: t.Status, Now: stamp(t.Now), LeewaySeconds: int64(t.Leeway / time.Second)}
	j.Exp, j.Iat, j.Nbf, j.AuthTime = stampPtr(t.Exp), stampPtr(t.Iat), stampPtr(t.Nbf), stampPtr(t.AuthTime)
	if t.ExpiresIn != nil {
		s := int64(t.ExpiresIn.Round(time.Second) / time.Second)
		j.ExpiresInSeconds = &s
	}
	return j
}

func stampPtr(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := stamp(*t)
	return &s
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
