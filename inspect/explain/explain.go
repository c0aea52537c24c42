// Package explain says why a request got 401 or 403, in plain words and
// ranked. It combines the parsed challenges, the decoded token, what the
// request carried and what the response said (status, Date, body, vendor
// headers) into a list of diagnoses, the most likely cause first.
//
// The engine never fetches anything: it points to metadata, JWKS and
// discovery URLs, and uses a document only when the caller fetched it on
// the user's explicit request (Input.Metadata).
package explain

import (
	"time"

	"github.com/why401/why401/inspect/challenge"
	"github.com/why401/why401/inspect/token"
)

// Header is one HTTP header as sent or received.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Request is what was sent.
type Request struct {
	Method   string
	URL      string   // absolute when known, else "" or a path
	Headers  []Header // as sent (the Authorization the client meant to send)
	ViaProxy bool     // a forward proxy was in use
	// APIKey names the header or query parameter that carried an API key
	// the caller knows of (a profile's api_key), beyond the usual names.
	APIKey string
}

// Redirect is an earlier response of a followed redirect chain.
type Redirect struct {
	Status   int    `json:"status"`
	Location string `json:"location"`
}

// Expectations are what the user says the API expects, all optional.
type Expectations struct {
	Issuer   string
	Audience string
	Scopes   []string
	Algs     []string
}

// Environment is another profile's identity, for WRONG_ENVIRONMENT.
type Environment struct {
	Name      string
	Issuer    string
	Audiences []string
}

// Metadata is a protected-resource-metadata document the user asked to
// fetch, with the problems found in it (RFC 9728 §3.3).
type Metadata struct {
	URL                  string
	Resource             string
	AuthorizationServers []string
	ScopesSupported      []string
	Problems             []string
	Err                  string // why it could not be fetched or read
}

// Input is everything known about one exchange, as plain values.
type Input struct {
	Status          int
	ResponseHeaders []Header
	Body            []byte
	Redirects       []Redirect
	Request         Request
	Token           *token.Report // the decoded bearer or DPoP token sent; nil when none
	Now             time.Time     // the local clock
	Expect          Expectations
	Others          []Environment
	Metadata        *Metadata
}

// Diagnosis is one cause, with what to do and the evidence for it.
type Diagnosis struct {
	ID       string   `json:"id"`
	Severity string   `json:"severity"`
	Title    string   `json:"title"`
	Detail   string   `json:"detail"`
	Fix      string   `json:"fix"`
	Evidence []string `json:"evidence"`

	score int // rank: higher first; see the tiers in rank.go
}

// Credentials describes what the request carried.
type Credentials struct {
	Kind        string `json:"kind"` // bearer | dpop | basic | digest | api_key | cookie | other
	Header      string `json:"header"`
	Fingerprint string `json:"fingerprint"`
}

// Result is the explanation, shaped as CONTRACT's explain JSON.
type Result struct {
	Status      int                    `json:"status"`
	Challenges  []challenge.Challenge  `json:"challenges"`
	Diagnostics []challenge.Diagnostic `json:"diagnostics"`
	Credentials *Credentials           `json:"credentials"`
	Token       *token.Report          `json:"token"`
	Redirects   []Redirect             `json:"redirects"`
	Diagnosis   []Diagnosis            `json:"diagnosis"`
}

// Explain ranks every cause that holds for in, most likely first.
func Explain(in Input) Result {
	f := gather(in)
	var ds []Diagnosis
	for _, rule := range rules() {
		ds = append(ds, rule(f)...)
	}
	if len(ds) == 0 && in.Status >= 400 {
		ds = fallback(f)
	}
	ds = rank(ds)
	res := Result{
		Status: in.Status, Challenges: f.challenges, Diagnostics: f.parse.Diagnostics,
		Credentials: f.creds, Token: in.Token, Redirects: in.Redirects, Diagnosis: ds,
	}
	if res.Challenges == nil {
		res.Challenges = []challenge.Challenge{}
	}
	if res.Diagnostics == nil {
		res.Diagnostics = []challenge.Diagnostic{}
	}
	if res.Redirects == nil {
		res.Redirects = []Redirect{}
	}
	if res.Diagnosis == nil {
		res.Diagnosis = []Diagnosis{}
	}
	redact(&res, secretsOf(in.Request))
	return res
}
