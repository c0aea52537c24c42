package keys

import (
	"fmt"
	"slices"
	"strings"
)

func flatten(sets []Set) []candidate {
	var out []candidate
	for _, s := range sets {
		for _, k := range s.Keys {
			out = append(out, candidate{key: k, set: s})
		}
	}
	return out
}

func fitting(all []candidate, alg string) []candidate {
	var out []candidate
	for _, c := range all {
		if slices.Contains(FitsKey(c.key), alg) {
			out = append(out, c)
		}
	}
	return out
}

func anyAsymmetric(all []candidate) bool {
	return slices.ContainsFunc(all, func(c candidate) bool { return !c.key.Symmetric() })
}

func anySymmetric(all []candidate) bool {
	return slices.ContainsFunc(all, func(c candidate) bool { return c.key.Symmetric() })
}

func setsHaveKIDs(all []candidate) bool {
	return slices.ContainsFunc(all, func(c candidate) bool { return c.key.ID != "" })
}

// sources names the distinct key sources, for messages.
func sources(cs []candidate) string {
	var names []string
	for _, c := range cs {
		if !slices.Contains(names, c.set.Source) {
			names = append(names, c.set.Source)
		}
	}
	return strings.Join(names, " and ")
}

func kidList(cs []candidate) string {
	var ids []string
	for _, c := range cs {
		if c.key.ID != "" {
			ids = append(ids, c.key.ID)
		}
	}
	if len(ids) == 0 {
		return "no kids"
	}
	if len(ids) > 6 {
		return fmt.Sprintf("kids %s, … (%d in all)", strings.Join(ids[:6], ", "), len(ids))
	}
	return "kids " + strings.Join(ids, ", ")
}

func describeKeys(cs []candidate) string {
	var types []string
	for _, c := range cs {
		t := c.key.Type()
		if !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	return "keys: " + strings.Join(types, ", ")
}
