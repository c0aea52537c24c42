package challenge

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Step budget: Parse must stay linear in its input.
const (
	stepsPerByte  = 16
	stepsPerField = 16
	stepsBase     = 64
)

// FuzzParseChallenge reads its input as pasted lines (SplitFieldLines: a
// line starting with SP or HTAB is a fold), so one string covers several
// fields and obs-fold alike.
func FuzzParseChallenge(f *testing.F) {
	for _, c := range loadCorpus(f) {
		f.Add(strings.Join(c.wireFields(f), "\n"))
	}
	for _, c := range recoveryCases {
		f.Add(strings.Join(c.fields, "\n"))
	}
	f.Add(typicalHeader)
	f.Fuzz(func(t *testing.T, in string) {
		checkProperties(t, SplitFieldLines(in))
	})
}

// checkProperties asserts what must hold for every input, in both modes.
func checkProperties(t *testing.T, fields []string) {
	size := stepsBase + stepsPerField*len(fields)
	for _, fl := range fields {
		size += stepsPerByte * len(fl)
	}
	results := map[Mode]Result{}
	for _, mode := range []Mode{Lenient, Strict} {
		r, steps := parse(fields, mode)
		results[mode] = r
		if steps > size {
			t.Fatalf("%v: %d steps for %d fields, budget %d: not linear", mode, steps, len(fields), size)
		}
		checkOffsets(t, mode, r)
		checkUTF8(t, mode, r)
		checkRoundTrip(t, mode, r)
	}
	strict := results[Strict]
	if strict.HasErrors() || hasCode(strict.Diagnostics, CodeHeaderName) {
		return
	}
	// A clean header: the modes agree, and the fields parse like their join
	// (RFC 9110 §5.3).
	if d := diffChallenges(results[Lenient].Challenges, strict.Challenges); d != "" {
		t.Fatalf("clean input, lenient differs from strict: %s", d)
	}
	joined := []string{strings.Join(fields, ", ")}
	for _, mode := range []Mode{Lenient, Strict} {
		j := Parse(joined, mode)
		if hasCode(j.Diagnostics, CodeInputTooLarge) {
			continue
		}
		if d := diffChallenges(j.Challenges, results[mode].Challenges); d != "" {
			t.Fatalf("%v: fields %q parse unlike their join: %s", mode, fields, d)
		}
	}
}

// checkOffsets: every offset lies within the field it names.
func checkOffsets(t *testing.T, mode Mode, r Result) {
	if len(r.Fields) == 0 {
		if len(r.Challenges)+len(r.Diagnostics) > 0 {
			t.Fatalf("%v: output without fields", mode)
		}
		return
	}
	inField := func(field, off int, atEnd bool) bool {
		if field < 0 || field >= len(r.Fields) || off < 0 {
			return false
		}
		if atEnd {
			return off <= len(r.Fields[field])
		}
		return off < len(r.Fields[field])
	}
	for _, c := range r.Challenges {
		if !inField(c.Field, c.Offset, false) || !strings.HasPrefix(r.Fields[c.Field][c.Offset:], c.Scheme) {
			t.Fatalf("%v: challenge %q at field %d offset %d", mode, c.Scheme, c.Field, c.Offset)
		}
		for _, p := range c.Params {
			if !inField(p.Field, p.Offset, false) || !strings.EqualFold(r.Fields[p.Field][p.Offset:p.Offset+len(p.Name)], p.Name) {
				t.Fatalf("%v: param %q at field %d offset %d", mode, p.Name, p.Field, p.Offset)
			}
		}
	}
	for _, d := range r.Diagnostics {
		if !inField(d.Field, d.Offset, true) {
			t.Fatalf("%v: diagnostic %s at field %d offset %d", mode, d.Code, d.Field, d.Offset)
		}
		if d.Severity == "" || d.Message == "" {
			t.Fatalf("%v: diagnostic %+v incomplete", mode, d)
		}
	}
}

// checkUTF8: every string Parse returns is valid UTF-8.
func checkUTF8(t *testing.T, mode Mode, r Result) {
	var strs []string
	strs = append(strs, r.Fields...)
	for _, c := range r.Challenges {
		strs = append(strs, c.Scheme)
		if c.Token68 != nil {
			strs = append(strs, *c.Token68)
		}
		for _, p := range c.Params {
			strs = append(strs, p.Name, p.Value, p.Raw)
		}
	}
	for _, d := range r.Diagnostics {
		strs = append(strs, d.Message)
	}
	for _, s := range strs {
		if !utf8.ValidString(s) {
			t.Fatalf("%v: invalid UTF-8 in output %q", mode, s)
		}
	}
}

// checkRoundTrip: Format then Parse gives the same challenges back.
func checkRoundTrip(t *testing.T, mode Mode, r Result) {
	if hasCode(r.Diagnostics, CodeTooManyChallenges) || hasCode(r.Diagnostics, CodeTooManyParams) {
		return // a cut-off result need not survive a second cut
	}
	text := Format(r.Challenges)
	if len(text) > maxInput {
		return
	}
	back := Parse([]string{text}, mode)
	if d := diffChallenges(back.Challenges, r.Challenges); d != "" {
		t.Fatalf("%v: Format %q does not round-trip: %s", mode, text, d)
	}
}

// diffChallenges compares schemes, token68s and parameters, ignoring
// positions and wire forms.
func diffChallenges(got, want []Challenge) string {
	if len(got) != len(want) {
		return "got " + Format(got) + "\nwant " + Format(want)
	}
	for i := range got {
		g, w := got[i], want[i]
		same := g.Scheme == w.Scheme && (g.Token68 == nil) == (w.Token68 == nil) &&
			(g.Token68 == nil || *g.Token68 == *w.Token68) && len(g.Params) == len(w.Params)
		for j := 0; same && j < len(g.Params); j++ {
			same = g.Params[j].Name == w.Params[j].Name && g.Params[j].Value == w.Params[j].Value
		}
		if !same {
			return "got " + Format(got[i:i+1]) + "\nwant " + Format(want[i:i+1])
		}
	}
	return ""
}

// TestAdversarialInputsStayLinear runs the fuzz properties on inputs built
// to defeat look-aheads and recoveries.
func TestAdversarialInputsStayLinear(t *testing.T) {
	n := 20000
	for name, in := range map[string]string{
		"quotes":              strings.Repeat(`"`, n),
		"L5 candidates":       `B a="x` + strings.Repeat(`" y`, n),
		"L5 repeated":         strings.Repeat(`a="x"! `, n),
		"L5 before element":   strings.Repeat(`a="x"! "`, n) + `, b=c`,
		"junk words":          "A " + strings.Repeat("x ", n),
		"challenge lookahead": strings.Repeat("a b ", n),
		"bws":                 "A a" + strings.Repeat(" ", n) + "b",
		"escapes":             `A a="` + strings.Repeat(`\`, n),
		"commas in L5":        `A a="x"!` + strings.Repeat(`,"`, n),
		"params":              "A " + strings.Repeat("a=b ", n),
		"token68 tries":       strings.Repeat("A b c, ", n),
		"empty elements":      strings.Repeat(",", n),
		"folds":               strings.Repeat("A\r\n ", n),
		"latin1":              strings.Repeat("\xe4", n),
		"many fields":         strings.Repeat("A\n", n),
	} {
		t.Run(name, func(t *testing.T) { checkProperties(t, SplitFieldLines(in)) })
	}
}
