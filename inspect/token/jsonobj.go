package token

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// parseObject parses a JSON object, keeping numbers exact, and lists member
// names that repeat at the top level. encoding/json silently keeps the last
// duplicate while other libraries keep the first, which is how a claim can
// mean one thing to the signer and another to the verifier (RFC 7515 §4).
func parseObject(raw []byte) (map[string]any, []string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var fields map[string]any
	if err := dec.Decode(&fields); err != nil {
		return nil, nil, errors.New(jsonMessage(err))
	}
	if fields == nil {
		return nil, nil, errors.New("it is null, not an object")
	}
	if len(bytes.TrimSpace(raw[dec.InputOffset():])) > 0 {
		return nil, nil, errors.New("there is data after the JSON object")
	}
	var dups []string
	if topLevelMembers(raw) > len(fields) {
		dups = duplicateNames(raw) // only then pay for naming them
	}
	return fields, dups, nil
}

// topLevelMembers counts the members of a JSON object by its colons at
// depth one, outside strings: more members than map keys means a name repeats.
func topLevelMembers(raw []byte) int {
	depth, n := 0, 0
	inString, escaped := false, false
	for _, c := range raw {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		case c == ':' && depth == 1:
			n++
		}
	}
	return n
}

// duplicateNames scans the top-level object for repeated member names.
func duplicateNames(raw []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	seen := map[string]bool{}
	var dups []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return dups
		}
		name, _ := t.(string)
		if seen[name] {
			dups = append(dups, name)
		}
		seen[name] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return dups
		}
	}
	return dups
}

func jsonMessage(err error) string {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Sprintf("%s at byte %d", syn.Error(), syn.Offset)
	}
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return "it is a JSON " + typ.Value + ", not an object"
	}
	return err.Error()
}

// Member is one name/value pair of a JSON object, in document order.
type Member struct {
	Name  string
	Value json.RawMessage
}

// Members lists the top-level members of a JSON object in the order they
// appear, which is the order a user expects to read claims in.
func Members(raw json.RawMessage) []Member {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var out []Member
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return out
		}
		name, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return out
		}
		out = append(out, Member{Name: name, Value: v})
	}
	return out
}
