package servermsg

import (
	"regexp/syntax"
	"strings"
)

// A rule is tried only when its text could match: requiredLiterals derives
// from the pattern a set of lower-cased words one of which every match must
// contain. Running ~200 regexps over every text costs tens of milliseconds
// for a long one; a substring test first makes that a few microseconds for
// all the rules that cannot apply.

// minLiteral is the shortest word worth filtering on; shorter ones would
// pass almost every text anyway.
const minLiteral = 3

// requiredLiterals returns lower-cased words at least one of which appears
// in any match of pattern, or nil when no such set is known.
func requiredLiterals(pattern string) []string {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil
	}
	return required(re)
}

func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		s := strings.ToLower(string(re.Rune))
		if len(s) < minLiteral {
			return nil
		}
		return []string{s}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if set := required(sub); set != nil && better(set, best) {
				best = set
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set := required(sub)
			if set == nil {
				return nil
			}
			all = append(all, set...)
		}
		return all
	}
	return nil
}

// better prefers the set whose shortest word is longest: it rejects the
// most texts.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	return shortest(a) > shortest(b)
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}

// mayMatch reports whether lower (the lower-cased text) contains one of the
// rule's required words.
func (r *rule) mayMatch(lower string) bool {
	if r.need == nil {
		return true
	}
	for _, w := range r.need {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// foldLower lower-cases text for mayMatch. "ſ" (long s) is the one
// lower-case rune that case-insensitive patterns match as an ASCII letter
// ("s") but strings.ToLower leaves alone.
func foldLower(text string) string {
	return strings.ReplaceAll(strings.ToLower(text), "ſ", "s")
}
