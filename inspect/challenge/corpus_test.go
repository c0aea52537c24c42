package challenge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

const corpusPath = "../../testdata/challenges-public.json"

// corpusCase is one entry of challenges-public.json (see the testdata
// README): expected is the lenient parse, params hold the first value of each
// name in order of first appearance.
type corpusCase struct {
	ID            string          `json:"id"`
	Headers       []string        `json:"headers"`
	Expected      []wantChallenge `json:"expected"`
	ExpectedError bool            `json:"expected_error"`
	HeaderName    string          `json:"header_name"`
	WireEncoding  string          `json:"wire_encoding"`
}

type wantChallenge struct {
	Scheme  string        `json:"scheme"`
	Token68 *string       `json:"token68"`
	Params  orderedParams `json:"params"`
}

// orderedParams keeps the key order of a JSON object.
type orderedParams [][2]string

func (o *orderedParams) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil { // {
		return err
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		var v string
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*o = append(*o, [2]string{k.(string), v})
	}
	return nil
}

func loadCorpus(t testing.TB) []corpusCase {
	t.Helper()
	b, err := os.ReadFile(corpusPath)
	if err != nil {
		t.Fatalf("read corpus: %v", err)
	}
	var cs []corpusCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatalf("decode corpus: %v", err)
	}
	return cs
}

// wireFields returns the header bytes as they travel: ISO-8859-1 cases are
// encoded back to one byte per character.
func (c corpusCase) wireFields(t testing.TB) []string {
	if !strings.EqualFold(c.WireEncoding, "iso-8859-1") {
		return c.Headers
	}
	out := make([]string, len(c.Headers))
	for i, h := range c.Headers {
		b := make([]byte, 0, len(h))
		for _, r := range h {
			if r > 0xff {
				t.Fatalf("%s: %q is not ISO-8859-1", c.ID, r)
			}
			b = append(b, byte(r))
		}
		out[i] = string(b)
	}
	return out
}

// firstValues reduces params to the corpus shape: first value per name, in
// order of first appearance.
func firstValues(ps []Param) (orderedParams, bool) {
	var out orderedParams
	seen := map[string]bool{}
	dup := false
	for _, p := range ps {
		if seen[p.Name] {
			dup = true
			continue
		}
		seen[p.Name] = true
		out = append(out, [2]string{p.Name, p.Value})
	}
	return out, dup
}

// compareExpected returns a description of the first difference, or "".
func compareExpected(got []Challenge, want []wantChallenge) string {
	if len(got) != len(want) {
		return fmt.Sprintf("got %d challenges %s, want %d", len(got), Format(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if !strings.EqualFold(g.Scheme, w.Scheme) {
			return fmt.Sprintf("challenge %d: scheme %q, want %q", i, g.Scheme, w.Scheme)
		}
		if (g.Token68 == nil) != (w.Token68 == nil) || (g.Token68 != nil && *g.Token68 != *w.Token68) {
			return fmt.Sprintf("challenge %d: token68 %v, want %v", i, deref(g.Token68), deref(w.Token68))
		}
		fv, _ := firstValues(g.Params)
		if fmt.Sprint(fv) != fmt.Sprint(w.Params) && !(len(fv) == 0 && len(w.Params) == 0) {
			return fmt.Sprintf("challenge %d: params %q, want %q", i, fv, w.Params)
		}
	}
	return ""
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return fmt.Sprintf("%q", *s)
}

func hasCode(ds []Diagnostic, code string) bool {
	for _, d := range ds {
		if d.Code == code {
			return true
		}
	}
	return false
}

func TestCorpus(t *testing.T) {
	cases := loadCorpus(t)
	if len(cases) != 64 {
		t.Fatalf("corpus has %d cases, want 64", len(cases))
	}
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			fields := c.wireFields(t)
			lenient := Parse(fields, Lenient)
			if diff := compareExpected(lenient.Challenges, c.Expected); diff != "" {
				t.Errorf("lenient: %s\ndiagnostics: %+v", diff, lenient.Diagnostics)
			}
			for _, ch := range lenient.Challenges {
				if _, dup := firstValues(ch.Params); dup && !hasCode(lenient.Diagnostics, CodeDuplicateParam) {
					t.Errorf("duplicate parameter without a %s diagnostic", CodeDuplicateParam)
				}
			}
			strict := Parse(fields, Strict)
			if c.ExpectedError {
				if !strict.HasErrors() {
					t.Errorf("strict: no error diagnostic for an invalid header; got %+v", strict.Diagnostics)
				}
				if !lenient.HasErrors() && !hasSeverity(lenient.Diagnostics, SeverityWarning) {
					t.Errorf("lenient: invalid header parsed without a diagnostic")
				}
			} else {
				if strict.HasErrors() {
					t.Errorf("strict: unexpected errors %+v", strict.Diagnostics)
				}
				if diff := compareExpected(strict.Challenges, c.Expected); diff != "" {
					t.Errorf("strict: %s", diff)
				}
			}
			if c.HeaderName != "" {
				checkHeaderName(t, c, fields)
			}
		})
	}
}

// checkHeaderName pastes the case's header name in front of each field, as a
// user copying from curl -i would, and expects the same parse.
func checkHeaderName(t *testing.T, c corpusCase, fields []string) {
	named := make([]string, len(fields))
	for i, f := range fields {
		named[i] = c.HeaderName + ": " + f
	}
	r := Parse(named, Lenient)
	if diff := compareExpected(r.Challenges, c.Expected); diff != "" {
		t.Errorf("with %s name: %s", c.HeaderName, diff)
	}
	if !hasCode(r.Diagnostics, CodeHeaderName) {
		t.Errorf("with %s name: no %s diagnostic", c.HeaderName, CodeHeaderName)
	}
}

func hasSeverity(ds []Diagnostic, s Severity) bool {
	for _, d := range ds {
		if d.Severity == s {
			return true
		}
	}
	return false
}
