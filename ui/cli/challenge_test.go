package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// challengeOut is CONTRACT's `challenge --json` shape, decoded strictly.
type challengeOut struct {
	Challenges []struct {
		Scheme  string  `json:"scheme"`
		Token68 *string `json:"token68"`
		Params  []struct {
			Name  string `json:"name"`
			Value string `json:"value"`
		} `json:"params"`
	} `json:"challenges"`
	Diagnostics []struct {
		Severity string `json:"severity"`
		Code     string `json:"code"`
		Message  string `json:"message"`
		Field    int    `json:"field"`
		Offset   int    `json:"offset"`
	} `json:"diagnostics"`
}

func (c challengeOut) hasCode(code string) bool {
	for _, d := range c.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

func (c challengeOut) hasError() bool {
	for _, d := range c.Diagnostics {
		if d.Severity == "error" {
			return true
		}
	}
	return false
}

// challengeJSONRun runs `challenge --json` and checks the output's shape: the
// exact members with their JSON types, before decoding it.
func challengeJSONRun(t *testing.T, o inv, args ...string) (challengeOut, result) {
	t.Helper()
	r := run(t, o, append([]string{"challenge", "--json"}, args...)...)
	checkChallengeShape(t, r.stdout)
	var out challengeOut
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("stdout does not decode as the challenge shape: %v\n%s", err, r)
	}
	return out, r
}

func checkChallengeShape(t *testing.T, stdout string) {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(stdout), &m); err != nil {
		t.Fatalf("stdout is not a JSON object: %v\n%s", err, stdout)
	}
	if len(m) != 2 {
		t.Errorf("top level has %d members, want challenges and diagnostics: %v", len(m), m)
	}
	cs, ok := m["challenges"].([]any)
	if !ok {
		t.Fatalf("challenges is %T, want an array", m["challenges"])
	}
	for _, c := range cs {
		co, ok := c.(map[string]any)
		if !ok {
			t.Fatalf("challenge %v is not an object", c)
		}
		if _, ok := co["scheme"].(string); !ok {
			t.Errorf("scheme is %T", co["scheme"])
		}
		if v, present := co["token68"]; !present {
			t.Errorf("token68 is missing")
		} else if _, isStr := v.(string); v != nil && !isStr {
			t.Errorf("token68 is %T", v)
		}
		ps, ok := co["params"].([]any)
		if !ok {
			t.Errorf("params is %T (%v), want an array", co["params"], co["params"])
		}
		for _, p := range ps {
			po, _ := p.(map[string]any)
			if _, ok := po["name"].(string); !ok || len(po) != 2 {
				t.Errorf("param %v is not {name, value}", p)
			}
			if _, ok := po["value"].(string); !ok {
				t.Errorf("param %v has no string value", p)
			}
		}
	}
	ds, ok := m["diagnostics"].([]any)
	if !ok {
		t.Fatalf("diagnostics is %T (%v), want an array", m["diagnostics"], m["diagnostics"])
	}
	for _, d := range ds {
		do, _ := d.(map[string]any)
		switch do["severity"] {
		case "info", "warning", "error":
		default:
			t.Errorf("diagnostic severity %v", do["severity"])
		}
		if code, _ := do["code"].(string); code == "" || code != strings.ToUpper(code) {
			t.Errorf("diagnostic code %v", do["code"])
		}
		if msg, _ := do["message"].(string); msg == "" {
			t.Errorf("diagnostic %v has no message", do["code"])
		}
		for _, k := range []string{"field", "offset"} {
			if n, ok := do[k].(float64); !ok || n < 0 || n != float64(int(n)) {
				t.Errorf("diagnostic %s = %v, want a non-negative integer", k, do[k])
			}
		}
	}
}

func TestChallengeJSON(t *testing.T) {
	t.Parallel()
	out, r := challengeJSONRun(t, inv{}, `Bearer realm="api", error="invalid_token", error_description="The token \"expired\""`)
	if r.code != 0 {
		t.Fatalf("want exit 0:\n%s", r)
	}
	if !strings.Contains(r.stdout, `"diagnostics": []`) {
		t.Errorf("a clean value must give \"diagnostics\": []:\n%s", r.stdout)
	}
	want := `[[Bearer <nil> [{realm api} {error invalid_token} {error_description The token "expired"}]]]`
	if got := fmt.Sprint(flatten(out)); got != want {
		t.Errorf("challenges = %s, want %s", got, want)
	}

	t.Run("token68, order and duplicates kept, names lower-cased, scheme as sent", func(t *testing.T) {
		out, r := challengeJSONRun(t, inv{}, `NEGOTIATE YIIGhgYGKwYBBQUCoIIGejCCBnag==, bearer REALM="a", Scope="x", realm="b"`)
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		if len(out.Challenges) != 2 {
			t.Fatalf("challenges: %+v", out.Challenges)
		}
		c0, c1 := out.Challenges[0], out.Challenges[1]
		if c0.Scheme != "NEGOTIATE" || c0.Token68 == nil || *c0.Token68 != "YIIGhgYGKwYBBQUCoIIGejCCBnag==" || len(c0.Params) != 0 {
			t.Errorf("token68 challenge: %+v", c0)
		}
		if c1.Scheme != "bearer" || c1.Token68 != nil {
			t.Errorf("scheme %q token68 %v", c1.Scheme, c1.Token68)
		}
		if got := fmt.Sprint(c1.Params); got != "[{realm a} {scope x} {realm b}]" {
			t.Errorf("params = %s", got)
		}
		if !out.hasCode("DUPLICATE_PARAM") {
			t.Errorf("no diagnostic for the duplicate realm: %+v", out.Diagnostics)
		}
		if !strings.Contains(r.stdout, `"params": []`) {
			t.Errorf("a token68 challenge must have \"params\": []:\n%s", r.stdout)
		}
	})

	t.Run("no challenges", func(t *testing.T) {
		out, r := challengeJSONRun(t, inv{stdin: ""}, "-")
		if r.code != 0 || len(out.Challenges) != 0 {
			t.Fatalf("want exit 0 and no challenges:\n%s", r)
		}
		if !strings.Contains(r.stdout, `"challenges": []`) {
			t.Errorf("want \"challenges\": []:\n%s", r.stdout)
		}
	})

	t.Run("error diagnostic", func(t *testing.T) {
		value := `Bearer realm="api" error="invalid_token"`
		out, r := challengeJSONRun(t, inv{}, value)
		if r.code != 0 {
			t.Fatalf("lenient: want exit 0:\n%s", r)
		}
		if !out.hasError() {
			t.Fatalf("no error diagnostic: %+v", out.Diagnostics)
		}
		for _, d := range out.Diagnostics {
			if d.Field != 0 || d.Offset > len(value) {
				t.Errorf("diagnostic %+v points outside the field", d)
			}
		}
	})
}

// flatten reduces the output to a printable form for comparisons.
func flatten(out challengeOut) []any {
	var cs []any
	for _, c := range out.Challenges {
		var ps []any
		for _, p := range c.Params {
			ps = append(ps, struct{ N, V string }{p.Name, p.Value})
		}
		var t68 any
		if c.Token68 != nil {
			t68 = *c.Token68
		}
		cs = append(cs, []any{c.Scheme, t68, ps})
	}
	return cs
}

func TestChallengeInput(t *testing.T) {
	t.Parallel()
	const bearer = `Bearer realm="api", error="invalid_token"`
	cases := []struct {
		name   string
		o      inv
		args   []string
		want   string // fmt of flatten()
		codes  []string
		fields int // diagnostics must point at fields < this
	}{
		{"one argument", inv{}, []string{bearer}, "[[Bearer <nil> [{realm api} {error invalid_token}]]]", nil, 1},
		{"two arguments are two fields", inv{}, []string{`Basic realm="a"`, `Bearer realm="b"`},
			"[[Basic <nil> [{realm a}]] [Bearer <nil> [{realm b}]]]", nil, 2},
		{"argument with WWW-Authenticate: name", inv{}, []string{"WWW-Authenticate: " + bearer},
			"[[Bearer <nil> [{realm api} {error invalid_token}]]]", []string{"HEADER_NAME"}, 1},
		{"argument with proxy-authenticate: name", inv{}, []string{`proxy-authenticate:Basic realm="p"`},
			"[[Basic <nil> [{realm p}]]]", []string{"HEADER_NAME"}, 1},
		{"stdin lines", inv{stdin: "Basic realm=\"a\"\nBearer realm=\"b\"\n"}, []string{"-"},
			"[[Basic <nil> [{realm a}]] [Bearer <nil> [{realm b}]]]", nil, 2},
		{"stdin without -, not a terminal", inv{stdin: "Basic realm=\"a\"\n"}, nil,
			"[[Basic <nil> [{realm a}]]]", nil, 1},
		{"stdin CRLF and blank lines", inv{stdin: "\r\nBasic realm=\"a\"\r\n\r\nBearer realm=\"b\"\r\n"}, []string{"-"},
			"[[Basic <nil> [{realm a}]] [Bearer <nil> [{realm b}]]]", nil, 2},
		{"stdin without a final newline", inv{stdin: `Basic realm="a"`}, []string{"-"},
			"[[Basic <nil> [{realm a}]]]", nil, 1},
		{"stdin header names stripped", inv{stdin: "WWW-Authenticate: Basic realm=\"a\"\nWWW-Authenticate: Bearer realm=\"b\"\n"}, []string{"-"},
			"[[Basic <nil> [{realm a}]] [Bearer <nil> [{realm b}]]]", []string{"HEADER_NAME"}, 2},
		{"stdin obs-fold with a space", inv{stdin: "WWW-Authenticate: Bearer realm=\"api\",\n error=\"invalid_token\"\nBasic realm=\"x\"\n"}, []string{"-"},
			"[[Bearer <nil> [{realm api} {error invalid_token}]] [Basic <nil> [{realm x}]]]", []string{"OBS_FOLD"}, 2},
		{"stdin obs-fold with a tab, CRLF", inv{stdin: "Bearer realm=\"api\",\r\n\terror=\"invalid_token\",\r\n\t error_description=\"bad\"\r\n"}, []string{"-"},
			"[[Bearer <nil> [{realm api} {error invalid_token} {error_description bad}]]]", []string{"OBS_FOLD"}, 1},
		{"stdin ISO-8859-1", inv{stdin: "Basic realm=\"foo-\xe4\"\n"}, []string{"-"},
			"[[Basic <nil> [{realm foo-ä}]]]", []string{"NOT_UTF8"}, 1},
		{"argument ISO-8859-1", inv{}, []string{"Basic realm=\"caf\xe9\""},
			"[[Basic <nil> [{realm café}]]]", []string{"NOT_UTF8"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, r := challengeJSONRun(t, c.o, c.args...)
			if r.code != 0 {
				t.Fatalf("want exit 0:\n%s", r)
			}
			if got := fmt.Sprint(flatten(out)); got != c.want {
				t.Errorf("challenges = %s\nwant         %s", got, c.want)
			}
			for _, code := range c.codes {
				if !out.hasCode(code) {
					t.Errorf("no %s diagnostic: %+v", code, out.Diagnostics)
				}
			}
			if c.codes == nil && len(out.Diagnostics) != 0 {
				t.Errorf("diagnostics = %+v, want none", out.Diagnostics)
			}
			for _, d := range out.Diagnostics {
				if d.Field >= c.fields {
					t.Errorf("diagnostic %+v names field %d of %d", d, d.Field, c.fields)
				}
			}
			// The human report reads the same input the same way.
			if h := run(t, c.o, append([]string{"challenge"}, c.args...)...); h.code != 0 || h.stdout == "" {
				t.Errorf("human output: %s", h)
			}
		})
	}

	t.Run("obs-fold is one field, offsets after unfolding", func(t *testing.T) {
		// The fold (LF + 4 tabs) becomes one space: a diagnostic on the
		// second line is counted in the unfolded value.
		out, r := challengeJSONRun(t, inv{stdin: "Bearer realm=\"api\",\n\t\t\t\terror=\"x\" scope=\"y\"\nBasic realm=\"b\"\n"}, "-")
		if r.code != 0 {
			t.Fatalf("want exit 0:\n%s", r)
		}
		unfolded := `Bearer realm="api", error="x" scope="y"`
		sep := strings.Index(unfolded, ` scope`)
		found := false
		for _, d := range out.Diagnostics {
			if d.Code == "PARAM_SEPARATOR" {
				found = true
				if d.Field != 0 || (d.Offset != sep && d.Offset != sep+1) {
					t.Errorf("PARAM_SEPARATOR at field %d offset %d, want field 0 offset %d (after unfolding)", d.Field, d.Offset, sep)
				}
			}
			if d.Code == "OBS_FOLD" && d.Field != 0 {
				t.Errorf("OBS_FOLD in field %d", d.Field)
			}
		}
		if !found {
			t.Errorf("no PARAM_SEPARATOR: %+v", out.Diagnostics)
		}
		if len(out.Challenges) != 2 || out.Challenges[1].Scheme != "Basic" {
			t.Errorf("the line after the fold is not its own field: %+v", flatten(out))
		}
	})

	usage := []struct {
		name string
		o    inv
		args []string
	}{
		{"no value, stdin a terminal", inv{stdinTTY: true}, nil},
		{"- mixed with a value", inv{}, []string{"-", `Basic realm="a"`}},
		{"value then -", inv{}, []string{`Basic realm="a"`, "-"}},
		{"unknown flag", inv{}, []string{"--lenient", `Basic realm="a"`}},
	}
	for _, c := range usage {
		for _, asJSON := range []bool{false, true} {
			t.Run(fmt.Sprintf("usage: %s/json=%v", c.name, asJSON), func(t *testing.T) {
				args := append([]string{"challenge"}, c.args...)
				if asJSON {
					args = append([]string{"challenge", "--json"}, c.args...)
				}
				r := run(t, c.o, args...)
				if r.code != 2 {
					t.Fatalf("want exit 2:\n%s", r)
				}
				checkOneSentence(t, r, asJSON)
			})
		}
	}
}

func TestChallengeExitCodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		args   []string
		code   int
		errors bool
	}{
		{"lenient, clean", []string{`Bearer realm="api"`}, 0, false},
		{"lenient, error diagnostic", []string{`Bearer realm="api" error="invalid_token"`}, 0, true},
		{"lenient, unterminated quote", []string{`Basic realm="api`}, 0, true},
		{"lenient, only a warning", []string{`Basic`}, 0, false},
		{"strict, clean", []string{"--strict", `Bearer realm="api", error="invalid_token"`}, 0, false},
		{"strict, several clean fields", []string{"--strict", `Basic realm="a"`, `Bearer realm="b"`}, 0, false},
		{"strict, only a warning", []string{"--strict", `Basic`}, 0, false},
		{"strict, error diagnostic", []string{"--strict", `Bearer realm="api" error="invalid_token"`}, 1, true},
		{"strict after the value", []string{`Bearer realm="api" error="invalid_token"`, "--strict"}, 1, true},
		{"strict, error in the second field", []string{"--strict", `Basic realm="a"`, `Bearer realm="b`}, 1, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, r := challengeJSONRun(t, inv{}, c.args...)
			if r.code != c.code {
				t.Fatalf("want exit %d:\n%s", c.code, r)
			}
			if out.hasError() != c.errors {
				t.Errorf("error diagnostics = %v, want %v: %+v", out.hasError(), c.errors, out.Diagnostics)
			}
			if r.stderr != "" && c.code != 1 {
				t.Errorf("stderr: %q", r.stderr)
			}
			h := run(t, inv{}, append([]string{"challenge"}, c.args...)...)
			if h.code != c.code {
				t.Errorf("human output: exit %d, want %d", h.code, c.code)
			}
		})
	}
}

// corpusCase is one entry of testdata/challenges-public.json.
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

// orderedParams keeps the key order of the corpus's params object.
type orderedParams [][2]string

func (o *orderedParams) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if _, err := dec.Token(); err != nil {
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

// wire returns the fields as the bytes a server sends: ISO-8859-1 cases are
// encoded back to one byte per character.
func (c corpusCase) wire(t *testing.T) []string {
	if !strings.EqualFold(c.WireEncoding, "iso-8859-1") {
		return c.Headers
	}
	out := make([]string, len(c.Headers))
	for i, h := range c.Headers {
		var b []byte
		for _, r := range h {
			if r > 0xff {
				t.Fatalf("%q is not ISO-8859-1", r)
			}
			b = append(b, byte(r))
		}
		out[i] = string(b)
	}
	return out
}

// compareCorpus compares the output with expected: schemes without case,
// token68, and the first value per parameter name in order of first
// appearance. It also asks for a diagnostic per duplicate.
func compareCorpus(out challengeOut, want []wantChallenge) string {
	if len(out.Challenges) != len(want) {
		return fmt.Sprintf("got %d challenges %v, want %d", len(out.Challenges), flatten(out), len(want))
	}
	for i, w := range want {
		g := out.Challenges[i]
		if !strings.EqualFold(g.Scheme, w.Scheme) {
			return fmt.Sprintf("challenge %d: scheme %q, want %q", i, g.Scheme, w.Scheme)
		}
		if (g.Token68 == nil) != (w.Token68 == nil) || (g.Token68 != nil && *g.Token68 != *w.Token68) {
			return fmt.Sprintf("challenge %d: token68 %v, want %v", i, g.Token68, w.Token68)
		}
		var first orderedParams
		seen := map[string]bool{}
		dup := false
		for _, p := range g.Params {
			if seen[p.Name] {
				dup = true
				continue
			}
			seen[p.Name] = true
			first = append(first, [2]string{p.Name, p.Value})
		}
		if fmt.Sprint(first) != fmt.Sprint(w.Params) && !(len(first) == 0 && len(w.Params) == 0) {
			return fmt.Sprintf("challenge %d: params %q, want %q", i, first, w.Params)
		}
		if dup && !out.hasCode("DUPLICATE_PARAM") {
			return fmt.Sprintf("challenge %d repeats a parameter without a DUPLICATE_PARAM diagnostic", i)
		}
	}
	return ""
}

// TestChallengeCorpus runs the 64 public cases through `challenge --json`
// with one argument per header field (and through stdin, one line per
// field, where the fields fit on lines), lenient and strict.
func TestChallengeCorpus(t *testing.T) {
	t.Parallel()
	var cases []corpusCase
	if err := json.Unmarshal([]byte(readFile(t, corpusPath)), &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) != 64 {
		t.Fatalf("corpus has %d cases, want 64", len(cases))
	}
	for _, c := range cases {
		t.Run(c.ID, func(t *testing.T) {
			fields := c.wire(t)
			args := fields
			o := inv{}
			if len(fields) == 0 {
				args = []string{"-"} // a response without the header: nothing on stdin
			}
			out, r := challengeJSONRun(t, o, args...)
			if r.code != 0 {
				t.Fatalf("lenient: want exit 0:\n%s", r)
			}
			if diff := compareCorpus(out, c.Expected); diff != "" {
				t.Errorf("lenient: %s\ndiagnostics: %+v", diff, out.Diagnostics)
			}
			if strings.EqualFold(c.WireEncoding, "iso-8859-1") && !out.hasCode("NOT_UTF8") {
				t.Errorf("ISO-8859-1 input without a NOT_UTF8 diagnostic: %+v", out.Diagnostics)
			}

			strict, sr := challengeJSONRun(t, o, append([]string{"--strict"}, args...)...)
			switch {
			case c.ExpectedError:
				if sr.code != 1 || !strict.hasError() {
					t.Errorf("strict: want exit 1 with an error diagnostic:\n%s", sr)
				}
			default:
				if sr.code != 0 || strict.hasError() {
					t.Errorf("strict: want exit 0 without errors:\n%s", sr)
				}
				if diff := compareCorpus(strict, c.Expected); diff != "" {
					t.Errorf("strict: %s", diff)
				}
			}

			if c.HeaderName != "" {
				named := make([]string, len(fields))
				for i, f := range fields {
					named[i] = c.HeaderName + ": " + f
				}
				out, r := challengeJSONRun(t, o, named...)
				if r.code != 0 {
					t.Fatalf("with %s name: %s", c.HeaderName, r)
				}
				if diff := compareCorpus(out, c.Expected); diff != "" {
					t.Errorf("with %s name: %s", c.HeaderName, diff)
				}
			}

			// Several fields as stdin lines, when each fits on one line.
			lineable := len(fields) > 1
			for _, f := range fields {
				if strings.ContainsAny(f, "\r\n") || strings.TrimSpace(f) == "" || f[0] == ' ' || f[0] == '\t' {
					lineable = false
				}
			}
			if lineable {
				out, r := challengeJSONRun(t, inv{stdin: strings.Join(fields, "\n") + "\n"}, "-")
				if r.code != 0 {
					t.Fatalf("stdin: %s", r)
				}
				if diff := compareCorpus(out, c.Expected); diff != "" {
					t.Errorf("stdin: %s", diff)
				}
			}
		})
	}
}

// TestChallengeTerminalSafety: control characters in a challenge reach
// the terminal only as visible escapes.
func TestChallengeTerminalSafety(t *testing.T) {
	t.Parallel()
	const clear, title = "\x1b[2J", "\x1b]0;title\x07"
	values := []string{
		`Bearer realm="` + title + `"`,
		`Bearer error="` + clear + `", error_description="` + title + `"`,
		`Bearer resource_metadata="https://x.example/` + title + `"`,
		`Bearer realm=a` + clear + `b`,
		`Basic realm="x", ` + clear + `=1`,
		`Digest realm="r", stale=` + title,
		`Bearer realm="api" error="` + title + `"`,
		`Newauth` + clear + ` realm="x"`,
	}
	for i, v := range values {
		for _, tty := range []bool{false, true} {
			t.Run(fmt.Sprintf("%d/terminal=%v", i, tty), func(t *testing.T) {
				r := run(t, inv{stdoutTTY: tty}, "challenge", v)
				if r.code != 0 {
					t.Fatalf("want exit 0:\n%s", r)
				}
				out := r.stdout + r.stderr
				if !tty {
					noESC(t, "human output", out)
				}
				noESC(t, "output without its colour codes", sgr.ReplaceAllString(out, ""))
				if strings.Contains(out, "\x07") {
					t.Errorf("output holds a BEL byte:\n%q", out)
				}
			})
		}
	}
	t.Run("from stdin", func(t *testing.T) {
		r := run(t, inv{stdin: "Bearer error=\"" + clear + "\"\n  , realm=\"" + title + "\"\n"}, "challenge", "-")
		noESC(t, "human output", r.stdout+r.stderr)
	})
}
