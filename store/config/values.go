package config

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// doc is a decoded document being validated: values come from go-toml's
// generic decoding, lines and key order from the outline.
type doc struct {
	out       *outline
	probs     *problems
	dir       string          // the config file's directory, for relative file paths
	suggested map[string]bool // pathIDs offered as "did you mean"; not also reported missing
}

// table is a TOML table and where it sits.
type table struct {
	path []string
	m    map[string]any
}

func (t table) at(key string) []string {
	return append(append([]string(nil), t.path...), key)
}

// problem records an error about path, at its line.
func (d *doc) problem(path []string, format string, args ...any) {
	d.probs.add(d.out.line(path), keyName(path), format, args...)
}

// problemAt records an error about path at another key's line (a missing
// key is reported where the key that requires it is).
func (d *doc) problemAt(at, path []string, format string, args ...any) {
	d.probs.add(d.out.line(at), keyName(path), format, args...)
}

// keys lists t's keys in file order.
func (d *doc) keys(t table) []string {
	keys := make([]string, 0, len(t.m))
	for _, k := range d.out.order[pathID(t.path)] {
		if _, ok := t.m[k]; ok {
			keys = append(keys, k)
		}
	}
	if len(keys) == len(t.m) {
		return keys
	}
	var rest []string // defensive: a key the outline did not see
	for k := range t.m {
		if !slices.Contains(keys, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}

// unknownKeys reports every key of t that is not in allowed, suggesting
// the closest allowed key.
func (d *doc) unknownKeys(t table, allowed []string, what string) {
	for _, k := range d.keys(t) {
		if slices.Contains(allowed, k) {
			continue
		}
		if s := closest(k, allowed); s != "" {
			d.suggested[pathID(t.at(s))] = true
			d.problem(t.at(k), "unknown key in %s; did you mean %s? (fix the spelling or remove it)", what, s)
			continue
		}
		d.problem(t.at(k), "unknown key in %s, which takes %s; remove it or fix its name", what, strings.Join(allowed, ", "))
	}
}

// sub returns t[key] as a table; ok is false when absent or not a table.
func (d *doc) sub(t table, key, example string) (table, bool) {
	v, present := t.m[key]
	if !present {
		return table{}, false
	}
	m, ok := v.(map[string]any)
	if !ok {
		d.problem(t.at(key), "must be a table, e.g. %s; it is %s", example, typeName(v))
		return table{}, false
	}
	return table{path: t.at(key), m: m}, true
}

// str returns t[key] as a string ("" when absent). example shows the
// expected form in the message when the value has another type.
func (d *doc) str(t table, key, example string) string {
	v, present := t.m[key]
	if !present {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		d.problem(t.at(key), "must be a string, e.g. %s = %s; it is %s", tomlKey(key), example, typeName(v))
		return ""
	}
	return s
}

// boolean returns t[key] and whether it was set.
func (d *doc) boolean(t table, key string) (value, set bool) {
	v, present := t.m[key]
	if !present {
		return false, false
	}
	b, ok := v.(bool)
	if !ok {
		d.problem(t.at(key), "must be true or false (without quotes); it is %s", typeName(v))
		return false, false
	}
	return b, true
}

// integer returns t[key] and whether it was set.
func (d *doc) integer(t table, key string) (int64, bool) {
	v, present := t.m[key]
	if !present {
		return 0, false
	}
	i, ok := v.(int64)
	if !ok {
		d.problem(t.at(key), "must be an integer without quotes, e.g. %s = 8080; it is %s", key, typeName(v))
		return 0, false
	}
	return i, true
}

// duration returns t[key] parsed as a Go duration. A negative one is an
// error, and so is zero unless allowZero.
func (d *doc) duration(t table, key string, allowZero bool) (time.Duration, bool) {
	v, present := t.m[key]
	if !present {
		return 0, false
	}
	s, ok := v.(string)
	if !ok {
		d.problem(t.at(key), `must be a duration string such as "30s", "1m30s" or "500ms"; it is %s, and a TOML number has no unit`, typeName(v))
		return 0, false
	}
	dur, err := time.ParseDuration(s)
	switch {
	case err != nil:
		d.problem(t.at(key), `is not a duration; write a number with a unit, such as "30s", "1m30s" or "500ms"`)
	case dur < 0:
		d.problem(t.at(key), `must not be negative; write a duration such as "30s"`)
	case dur == 0 && !allowZero:
		d.problem(t.at(key), `must be more than zero; write a duration such as "30s", or remove it for the default`)
	default:
		return dur, true
	}
	return 0, false
}

// strings returns t[key] as a list of strings; check, when non-nil,
// validates each element and returns a message for a bad one.
func (d *doc) strings(t table, key, example string, check func(string) string) []string {
	v, present := t.m[key]
	if !present {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		d.problem(t.at(key), "must be an array of strings, e.g. %s = %s; it is %s", key, example, typeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, e := range arr {
		s, ok := e.(string)
		if !ok {
			d.problem(t.at(key), "must be an array of strings, e.g. %s = %s; element %d is %s", key, example, i+1, typeName(e))
			return nil
		}
		if check != nil {
			if msg := check(s); msg != "" {
				d.problem(t.at(key), "element %d %s", i+1, msg)
				return nil
			}
		}
		out = append(out, s)
	}
	return out
}

// pairs returns t[key], a table of strings, in file order.
func (d *doc) pairs(t table, key, example string) ([]string, []string, bool) {
	sub, ok := d.sub(t, key, example)
	if !ok {
		return nil, nil, false
	}
	var names, values []string
	for _, k := range d.keys(sub) {
		s, isStr := sub.m[k].(string)
		if !isStr {
			d.problem(sub.at(k), "must be a string, e.g. %s; it is %s", example, typeName(sub.m[k]))
			return nil, nil, false
		}
		names, values = append(names, k), append(values, s)
	}
	return names, values, true
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}
