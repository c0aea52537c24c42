package bodyview

import "sort"

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// SecretSpans finds the ranges of s that mask hides: the occurrences of
// the request's secrets. mask is opaque (it replaces resolved secret
// values with placeholders), so masking a window of a huge body cannot
// simply re-split masked text: offsets would no longer match the line
// index. Knowing the spans, a viewer hides exactly those bytes and keeps
// every offset. Each span costs O(log n) calls of mask, and bodies rarely
// hold one.
//
// It relies on what a replace-all masker satisfies: a text changes under
// mask exactly when it contains a whole secret, and masking two texts
// that no secret crosses is masking their concatenation.
func SecretSpans(s string, mask func(string) string) []Span {
	if mask == nil || mask(s) == s {
		return nil
	}
	changes := func(t string) bool { return mask(t) != t }
	var spans []Span
	for from := 0; from < len(s) && changes(s[from:]); {
		rest := s[from:]
		// The earliest-ending secret: the shortest prefix that changes,
		// then the shortest suffix of that prefix that still changes.
		end := sort.Search(len(rest)+1, func(e int) bool { return changes(rest[:e]) })
		start := sort.Search(end, func(st int) bool { return !changes(rest[st:end]) }) - 1
		end = cleanCut(rest, start, end, mask)
		spans = append(spans, Span{from + start, from + end})
		from += end
	}
	return spans
}

// cleanCut extends a secret at s[start:end] to the first offset no secret
// crosses, so that a longer secret starting at the same place, or one
// overlapping it, is hidden whole. Usually end itself is clean.
func cleanCut(s string, start, end int, mask func(string) string) int {
	hi := min(len(s), end+secretMargin)
	whole := mask(s[start:hi])
	for e := end; e < hi; e++ {
		if mask(s[start:e])+mask(s[e:hi]) == whole {
			return e
		}
	}
	return hi
}
