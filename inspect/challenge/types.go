package challenge

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Mode selects how Parse treats input that breaks the RFC 9110 grammar.
type Mode int

const (
	// Lenient reports every problem and recovers from the ones real servers
	// produce (notes §5.4, rules L1–L10).
	Lenient Mode = iota
	// Strict accepts the RFC grammar only; every deviation is an error and
	// the broken list element is skipped without guessing.
	Strict
)

// String returns "lenient" or "strict".
func (m Mode) String() string {
	if m == Strict {
		return "strict"
	}
	return "lenient"
}

// Param is one auth-param of a challenge.
type Param struct {
	Name   string // ASCII-lower-cased
	Value  string // unquoted, quoted-pairs unescaped; no other decoding
	Raw    string // as on the wire
	Quoted bool
	Offset int // byte offset of the name in the (normalised) field value
	Field  int // index of the field the parameter came from (a challenge may continue on the next field line)
}

// Challenge is one auth-scheme with its token68 or its parameters.
type Challenge struct {
	Scheme  string  // as sent (compare with strings.EqualFold)
	Token68 *string // nil unless token68 form
	Params  []Param // in order, duplicates kept
	Field   int     // index of the field it came from
	Offset  int     // byte offset of the scheme in that field
}

// Get returns the value of the first parameter called name (matched
// case-insensitively, as RFC 9110 §11.2 requires).
func (c Challenge) Get(name string) (string, bool) {
	for _, p := range c.Params {
		if strings.EqualFold(p.Name, name) {
			return p.Value, true
		}
	}
	return "", false
}

// All returns the values of every parameter called name, in order. A server
// that repeats a parameter breaks RFC 9110, but the explanation needs all of
// them (Sentry sent two resource_metadata URLs).
func (c Challenge) All(name string) []string {
	var vs []string
	for _, p := range c.Params {
		if strings.EqualFold(p.Name, name) {
			vs = append(vs, p.Value)
		}
	}
	return vs
}

// Is reports whether the challenge uses scheme (case-insensitively).
func (c Challenge) Is(scheme string) bool { return strings.EqualFold(c.Scheme, scheme) }

// Lookup returns every challenge with the given scheme, in order: a server
// may offer the same scheme twice (one Digest challenge per algorithm, or
// two realms).
func Lookup(cs []Challenge, scheme string) []Challenge {
	var out []Challenge
	for _, c := range cs {
		if c.Is(scheme) {
			out = append(out, c)
		}
	}
	return out
}

// jsonParam is the CONTRACT shape of one parameter.
type jsonParam struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// MarshalJSON produces the CONTRACT shape
// {"scheme": "...", "token68": null, "params": [{"name": "...", "value": "..."}]}.
func (c Challenge) MarshalJSON() ([]byte, error) {
	ps := make([]jsonParam, len(c.Params))
	for i, p := range c.Params {
		ps[i] = jsonParam{Name: p.Name, Value: p.Value}
	}
	v := struct {
		Scheme  string      `json:"scheme"`
		Token68 *string     `json:"token68"`
		Params  []jsonParam `json:"params"`
	}{c.Scheme, c.Token68, ps}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	// Realms and URLs hold & < >; leave HTML escaping to the caller's encoder.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// Severity grades a diagnostic.
type Severity string

// Severities, from least to most severe.
const (
	SeverityInfo    Severity = "info"
	SeverityWarning Severity = "warning"
	SeverityError   Severity = "error"
)

func (s Severity) rank() int {
	switch s {
	case SeverityError:
		return 2
	case SeverityWarning:
		return 1
	}
	return 0
}

// Diagnostic is one problem found while parsing.
type Diagnostic struct {
	Severity Severity `json:"severity"`
	Code     string   `json:"code"`    // UPPER_SNAKE, stable
	Message  string   `json:"message"` // one sentence, with the likely cause
	Field    int      `json:"field"`
	Offset   int      `json:"offset"` // byte offset into the field value after unfolding
}

// Result is what Parse returns. Challenges and Diagnostics are never nil, so
// they marshal as [] when empty.
type Result struct {
	Challenges  []Challenge  `json:"challenges"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	Fields      []string     `json:"-"` // normalised field values the offsets refer to
}

// HasErrors reports whether any diagnostic has severity error (the CLI's
// --strict exit status).
func (r Result) HasErrors() bool {
	for _, d := range r.Diagnostics {
		if d.Severity == SeverityError {
			return true
		}
	}
	return false
}
