package explain

import (
	"cmp"
	"slices"
)

// Tiers of the ranking principle (CONTRACT): an explicit server error code
// or wording confirmed by the token or the request ranks first; the
// server's word alone next; evidence found only locally after that;
// inferences from absence last. Within a tier, more specific causes get a
// higher bonus (0–99).
const (
	tierConfirmed = 400
	tierServer    = 300
	tierLocal     = 200
	tierInferred  = 100
	tierContext   = 0 // true, but background rather than a cause
)

// rank sorts by score, keeps the first diagnosis of each id, and drops
// duplicates the rules may produce from several pieces of evidence.
func rank(ds []Diagnosis) []Diagnosis {
	slices.SortStableFunc(ds, func(a, b Diagnosis) int { return cmp.Compare(b.score, a.score) })
	seen := map[string]bool{}
	out := ds[:0]
	for _, d := range ds {
		if seen[d.ID] {
			continue
		}
		seen[d.ID] = true
		if d.Evidence == nil {
			d.Evidence = []string{}
		}
		out = append(out, d)
	}
	return out
}

// serverTier is tierConfirmed when local evidence agrees with what the
// server said, else tierServer.
func serverTier(confirmed bool) int {
	if confirmed {
		return tierConfirmed
	}
	return tierServer
}
