package dpop

import (
	"encoding/json"
	"fmt"

	"github.com/why401/why401/inspect/excerpt"
)

// show renders a value for a message (see package excerpt).
func show(s string) string { return excerpt.Of(s) }

// kind names a JSON value's type the way a user would read it.
func kind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// stringClaim returns m[name] when it is a string. present reports whether
// the member exists at all, so callers can tell "missing" from "wrong type".
func stringClaim(m map[string]any, name string) (s string, present, ok bool) {
	v, present := m[name]
	s, ok = v.(string)
	return s, present, ok
}
