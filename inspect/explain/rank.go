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

// rank sorts by score (ties by id, so the order never depends on map
// iteration), keeps the best diagnosis of each id and folds the evidence
// of the others into it.
func rank(ds []Diagnosis) []Diagnosis {
	slices.SortStableFunc(ds, func(a, b Diagnosis) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.ID, b.ID))
	})
	at := map[string]int{}
	var out []Diagnosis
	for _, d := range ds {
		if i, ok := at[d.ID]; ok {
			for _, e := range d.Evidence {
				if !slices.Contains(out[i].Evidence, e) {
					out[i].Evidence = append(out[i].Evidence, e)
				}
			}
			continue
		}
		at[d.ID] = len(out)
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
