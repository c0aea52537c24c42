package servermsg

import "sort"

// sortedKeys makes Extra deterministic when the entry cap drops fields.
func sortedKeys(o map[string]any) []string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
