package requests

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	toml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// file is the document: one [[request]] table per saved request.
type file struct {
	Request []Request `toml:"request"`
}

// fileHeader opens every written file, so whoever opens it knows what it is
// and why a credential header has no value.
const fileHeader = "# why401 saved requests for one profile (edit freely; order is kept).\n" +
	"# Credentials are never saved here: credential headers are kept without their value.\n\n"

// ParseRequests reads a saved-requests document. Unknown keys, a missing
// name, method or URL, duplicate names and header names or values that
// could not be sent are errors; an *Error says which line.
func ParseRequests(data []byte) ([]Request, error) {
	var f file
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, decodeError(err)
	}
	spots := locate(data)
	seen := map[string]bool{}
	for i := range f.Request {
		r := &f.Request[i]
		if len(r.Headers) == 0 {
			r.Headers = nil
		}
		if err := r.validate(); err != nil {
			return nil, &Error{Line: spots.line(i, err.key), Msg: requestLabel(i, r.Name) + ": " + err.msg}
		}
		if seen[r.Name] {
			return nil, &Error{Line: spots.line(i, "name"), Msg: requestLabel(i, r.Name) + ": the name is used twice; give each saved request its own name"}
		}
		seen[r.Name] = true
	}
	if len(f.Request) == 0 {
		return nil, nil
	}
	return f.Request, nil
}

// Encode writes requests as a saved-requests document. It does not strip
// secrets; Save does that before calling it.
func Encode(rs []Request) ([]byte, error) {
	body, err := toml.Marshal(file{Request: rs})
	if err != nil {
		return nil, fmt.Errorf("encoding saved requests: %w", err)
	}
	return append([]byte(fileHeader), body...), nil
}

func requestLabel(i int, name string) string {
	if name == "" {
		return fmt.Sprintf("request %d", i+1)
	}
	return fmt.Sprintf("request %q", name)
}

// decodeError turns go-toml's error into an *Error with its line. go-toml
// quotes at most one character of the input, never a value.
func decodeError(err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) && len(strict.Errors) > 0 {
		line, _ := strict.Errors[0].Position()
		key := strings.Join(strict.Errors[0].Key(), ".")
		return &Error{Line: line, Msg: fmt.Sprintf("unknown key %q; a request has name, method, url, headers, body and auth", key)}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		return &Error{Line: line, Msg: "invalid TOML: " + strings.TrimPrefix(de.Error(), "toml: ") + "; fix the syntax on this line"}
	}
	return &Error{Msg: "the file is not valid TOML (" + strings.TrimPrefix(err.Error(), "toml: ") + "); fix the syntax"}
}

// spots are the lines where each request's table and keys are written, for
// messages about a document go-toml has already accepted.
type spots struct {
	tables []int            // line of the i-th [[request]]
	keys   []map[string]int // key → line, per request
}

func (s spots) line(i int, key string) int {
	if i >= len(s.tables) {
		return 0
	}
	if l, ok := s.keys[i][key]; ok {
		return l
	}
	return s.tables[i]
}

// locate walks the syntax tree for [[request]] tables, their keys and their
// [[request.headers]] tables (recorded under the key "headers.N"). Requests
// written as an inline array are not found, and messages then name the
// request without a line.
func locate(data []byte) spots {
	var s spots
	lines := newLineIndex(data)
	var p unstable.Parser
	p.Reset(data)
	var table []string
	headers := 0
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.ArrayTable, unstable.Table:
			table = keyParts(e.Key())
			line := lines.line(int(e.Child().Raw.Offset)) // a table node has no range of its own; its key does
			switch {
			case e.Kind == unstable.ArrayTable && pathIs(table, "request"):
				s.tables = append(s.tables, line)
				s.keys = append(s.keys, map[string]int{})
				headers = 0
			case e.Kind == unstable.ArrayTable && pathIs(table, "request", "headers") && len(s.keys) > 0:
				s.keys[len(s.keys)-1][fmt.Sprintf("headers.%d", headers)] = line
				headers++
			}
		case unstable.KeyValue:
			if pathIs(table, "request") && len(s.keys) > 0 {
				k := keyParts(e.Key())
				s.keys[len(s.keys)-1][k[0]] = lines.line(int(e.Raw.Offset))
			}
		}
	}
	return s
}

func keyParts(it unstable.Iterator) []string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return parts
}

func pathIs(path []string, want ...string) bool {
	if len(path) != len(want) {
		return false
	}
	for i := range path {
		if path[i] != want[i] {
			return false
		}
	}
	return true
}

// lineIndex maps byte offsets to 1-based lines.
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

func (l lineIndex) line(offset int) int { return sort.SearchInts(l, offset) + 1 }
