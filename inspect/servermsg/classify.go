package servermsg

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// rule is one recognised wording. Named groups in re become Values (the
// first non-empty group of a name wins, so alternatives may share a name);
// fixed adds constant Values such as token or note; refine, when set, gets
// the rule's id, the text segment and the values, returns the id to use and
// may adjust the values.
type rule struct {
	id       string
	vendor   string
	re       *regexp.Regexp
	fixed    map[string]string
	refine   func(id, segment string, v map[string]string) string
	fallback bool     // only used when no other rule of its set matched
	need     []string // words one of which a match contains (prefilter.go)
}

// wording builds a rule; kv are fixed Values as key, value pairs.
func wording(id, vendor, pattern string, kv ...string) rule {
	r := rule{id: id, vendor: vendor, re: regexp.MustCompile(pattern), need: requiredLiterals(pattern)}
	for i := 0; i+1 < len(kv); i += 2 {
		if r.fixed == nil {
			r.fixed = map[string]string{}
		}
		r.fixed[kv[i]] = kv[i+1]
	}
	return r
}

func (r rule) refined(f func(string, string, map[string]string) string) rule {
	r.refine = f
	return r
}

func (r rule) asFallback() rule {
	r.fallback = true
	return r
}

// vendorRules and genericRules are built once; the tables are never changed
// after that.
var (
	vendorRules = sync.OnceValue(func() []rule {
		var all []rule
		for _, set := range [][]rule{
			aspnetRules(), identityModelRules(), springRules(), keycloakRules(), entraRules(),
			azureRules(), awsRules(), googleRules(), oktaRules(), auth0Rules(), kubernetesRules(),
			githubRules(), oauthRules(), libraryRules(),
		} {
			all = append(all, set...)
		}
		return all
	})
	genericRules = sync.OnceValue(genericRuleList)
)

// Classify classifies one piece of server text (an error_description, a
// body message) said in source. Vendor wordings are tried first; generic
// English is used only when no vendor wording matched, because a vendor's
// sentence often contains generic words ("expired") that mean something
// narrower there. Statements come in the order the text says them.
func Classify(source, text string) []Statement {
	text = limitText(text)
	if text == "" {
		return nil
	}
	found := matchRules(vendorRules(), text)
	if len(found) == 0 {
		found = matchRules(genericRules(), text)
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].start < found[j].start })
	var out []Statement
	for _, f := range found {
		st := f.statement(source, text)
		if !hasSame(out, st) {
			out = append(out, st)
		}
	}
	return out
}

// limitText trims the text and caps it, cutting on a rune boundary.
func limitText(text string) string {
	text = strings.TrimSpace(strings.ToValidUTF8(text, "\uFFFD"))
	if len(text) <= maxClassify {
		return text
	}
	cut := maxClassify
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return text[:cut]
}

type match struct {
	rule       *rule
	start, end int
	groups     []int
}

// matchRules applies the non-fallback rules, then the fallback ones if
// nothing matched. A match overlapping an earlier accepted one is dropped:
// rules are ordered most specific first, so "AADSTS50013: Assertion failed
// signature validation. [Reason - The key was not found." wins over the
// plain AADSTS50013 rule for the same words.
func matchRules(rules []rule, text string) []match {
	lower := foldLower(text)
	var accepted []match
	for pass := 0; pass < 2 && len(accepted) == 0; pass++ {
		for i := range rules {
			r := &rules[i]
			if r.fallback != (pass == 1) || !r.mayMatch(lower) {
				continue
			}
			for _, loc := range r.re.FindAllStringSubmatchIndex(text, 8) {
				m := match{rule: r, start: loc[0], end: loc[1], groups: loc}
				if m.end > m.start && !overlaps(accepted, m) {
					accepted = append(accepted, m)
				}
			}
		}
	}
	return accepted
}

func overlaps(ms []match, m match) bool {
	for _, x := range ms {
		if m.start < x.end && x.start < m.end {
			return true
		}
	}
	return false
}

// statement turns a match into a Statement: values from the named groups,
// the fixed values, then the rule's refinement.
func (m match) statement(source, text string) Statement {
	r := m.rule
	v := map[string]string{}
	for i, name := range r.re.SubexpNames() {
		if name == "" || v[name] != "" || m.groups[2*i] < 0 {
			continue
		}
		if val := cleanValue(name, text[m.groups[2*i]:m.groups[2*i+1]]); val != "" {
			v[name] = val
		}
	}
	for k, val := range r.fixed {
		if v[k] == "" {
			v[k] = val
		}
	}
	segStart, segEnd := segment(text, m.start, m.end)
	id := r.id
	if r.refine != nil {
		id = r.refine(id, text[segStart:segEnd], v)
	}
	if len(v) == 0 {
		v = nil
	}
	return Statement{ID: id, Vendor: r.vendor, Source: source, Quote: quote(text, segStart, segEnd, m.start), Values: v}
}

// hasSame reports whether a statement with the same id and vendor was
// already made from this text (a wording repeated, or two codes that mean
// the same thing).
func hasSame(out []Statement, st Statement) bool {
	for _, o := range out {
		if o.ID == st.ID && o.Vendor == st.Vendor {
			return true
		}
	}
	return false
}
