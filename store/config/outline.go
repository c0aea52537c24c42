package config

import (
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// outline is what the syntax tree says about a document that go-toml has
// already accepted: the line of every key, the order in which keys first
// appear (maps lose it), and the top-level expressions with their line
// spans, which the text edits need.
type outline struct {
	lines lineIndex
	pos   map[string]int      // pathID → line where the key or table first appears
	order map[string][]string // pathID of a table → its child keys in file order
	items []item              // top-level expressions in file order
}

// item is one top-level expression: a table header, a key-value or a
// comment line.
type item struct {
	kind      unstable.Kind // Table, ArrayTable, KeyValue or Comment
	path      []string      // full key path (header path for tables)
	start     int           // first line
	end       int           // last line (key-values may span lines)
	value     unstable.Range
	trailing  bool // a comment that shares its line with an expression
	valueKind unstable.Kind
}

// pathID joins key parts unambiguously (keys may contain dots).
func pathID(path []string) string { return strings.Join(path, "\x00") }

// keyName renders a key path as the user would write it in TOML.
func keyName(path []string) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = tomlKey(p)
	}
	return strings.Join(parts, ".")
}

// tomlKey returns k as a bare key when TOML allows it, else quoted.
func tomlKey(k string) string {
	if k != "" && strings.IndexFunc(k, func(r rune) bool { return r > 127 || !isBareKeyChar(byte(r)) }) < 0 {
		return k
	}
	return quote(k)
}

func isBareKeyChar(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// quote renders s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\u00`)
			h := strconv.FormatInt(int64(r), 16)
			if len(h) < 2 {
				b.WriteByte('0')
			}
			b.WriteString(strings.ToUpper(h))
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// lineIndex maps byte offsets to 1-based lines in O(log n).
type lineIndex []int // offsets of each '\n'

func newLineIndex(data []byte) lineIndex {
	var idx lineIndex
	for i, c := range data {
		if c == '\n' {
			idx = append(idx, i)
		}
	}
	return idx
}

func (l lineIndex) line(offset int) int {
	return sort.SearchInts(l, offset) + 1
}

// scanOutline walks the syntax tree of data. It must only be called on a
// document that go-toml decoded without error, so that duplicate keys and
// table redefinitions are already ruled out.
func scanOutline(data []byte) (*outline, error) {
	o := &outline{lines: newLineIndex(data), pos: map[string]int{}, order: map[string][]string{}}
	p := unstable.Parser{KeepComments: true}
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		expr := p.Expression()
		switch expr.Kind {
		case unstable.Comment:
			line := o.lines.line(int(expr.Raw.Offset))
			o.items = append(o.items, item{kind: unstable.Comment, start: line, end: line})
		case unstable.Table, unstable.ArrayTable:
			table = keyParts(expr.Key())
			line := o.lines.line(int(expr.Child().Raw.Offset))
			o.note(table, line)
			o.items = append(o.items, item{kind: expr.Kind, path: table, start: line, end: line})
		case unstable.KeyValue:
			o.items = append(o.items, o.keyValue(table, expr))
		}
		if c := expr.Next(); c != nil && c.Kind == unstable.Comment {
			line := o.lines.line(int(c.Raw.Offset))
			o.items = append(o.items, item{kind: unstable.Comment, start: line, end: line, trailing: true})
		}
	}
	return o, p.Error()
}

// keyValue records a key-value (and the keys of an inline-table value).
func (o *outline) keyValue(table []string, expr *unstable.Node) item {
	path := append(append([]string(nil), table...), keyParts(expr.Key())...)
	start := o.lines.line(int(expr.Raw.Offset))
	end := o.lines.line(int(expr.Raw.Offset+expr.Raw.Length) - 1)
	o.note(path, start)
	v := expr.Value()
	if v.Kind == unstable.InlineTable {
		o.inline(path, v)
	}
	return item{kind: unstable.KeyValue, path: path, start: start, end: end, value: v.Raw, valueKind: v.Kind}
}

func (o *outline) inline(base []string, table *unstable.Node) {
	it := table.Children()
	for it.Next() {
		kv := it.Node()
		if kv.Kind != unstable.KeyValue {
			continue
		}
		path := append(append([]string(nil), base...), keyParts(kv.Key())...)
		o.note(path, o.lines.line(int(kv.Raw.Offset)))
		if v := kv.Value(); v.Kind == unstable.InlineTable {
			o.inline(path, v)
		}
	}
}

// note records the first line of path and of each of its prefixes, and the
// order in which each table's keys appear.
func (o *outline) note(path []string, line int) {
	for i := 1; i <= len(path); i++ {
		id := pathID(path[:i])
		if _, ok := o.pos[id]; ok {
			continue
		}
		o.pos[id] = line
		parent := pathID(path[:i-1])
		o.order[parent] = append(o.order[parent], path[i-1])
	}
}

// line is where path first appears, or the line of its nearest ancestor
// that does (a required key that is missing points at its table).
func (o *outline) line(path []string) int {
	for i := len(path); i > 0; i-- {
		if l, ok := o.pos[pathID(path[:i])]; ok {
			return l
		}
	}
	return 0
}

func keyParts(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}
