package bodyview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// indent is one level of JSON indentation.
const indent = "  "

// Pretty indents a JSON document (or several, one after another, as in
// NDJSON). Strings and numbers are copied byte for byte, so escapes and
// precision stay as sent. A malformed document is an error saying where.
func Pretty(data []byte) ([]byte, error) {
	var out bytes.Buffer
	dec := json.NewDecoder(bytes.NewReader(data))
	for n := 0; ; n++ {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			if n == 0 {
				return nil, errors.New("the body is empty")
			}
			return out.Bytes(), nil
		}
		if err != nil {
			return nil, jsonError(err, dec.InputOffset())
		}
		if n > 0 {
			out.WriteByte('\n')
		}
		if err := json.Indent(&out, raw, "", indent); err != nil {
			return nil, jsonError(err, dec.InputOffset())
		}
	}
}

// jsonError says in one sentence where the JSON broke.
func jsonError(err error, at int64) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		at = se.Offset
	}
	return fmt.Errorf("not valid JSON at byte %d: %w", at, err)
}

// TokenKind classifies a piece of a JSON line for colouring.
type TokenKind int

// The kinds of token.
const (
	TokSpace   TokenKind = iota
	TokPunct             // { } [ ] , :
	TokKey               // a string followed by ':'
	TokString            // any other string
	TokNumber            // a number
	TokLiteral           // true, false, null
	TokOther             // anything else (a cut-off or malformed line)
)

// Token is one piece of a line; the tokens of a line concatenate to it.
type Token struct {
	Kind TokenKind
	Text string
}

// Tokens splits one line of indented JSON into tokens. It works line by
// line, so the view colours only the lines on screen; an indented JSON
// line always holds whole tokens (a string cannot contain a raw newline).
func Tokens(line string) []Token {
	var out []Token
	for i := 0; i < len(line); {
		kind, n := scanToken(line, i)
		if kind == TokString && isKey(line, i+n) {
			kind = TokKey
		}
		out = append(out, Token{Kind: kind, Text: line[i : i+n]})
		i += n
	}
	return out
}

// scanToken returns the kind and length of the token at line[i].
func scanToken(line string, i int) (TokenKind, int) {
	c := line[i]
	switch {
	case c == ' ' || c == '\t':
		return TokSpace, span(line, i, func(c byte) bool { return c == ' ' || c == '\t' })
	case c == '"':
		return TokString, scanString(line, i)
	case bytes.IndexByte([]byte("{}[],:"), c) >= 0:
		return TokPunct, 1
	case c == '-' || isDigit(c):
		return TokNumber, span(line, i, isNumberByte)
	case isLetter(c):
		n := span(line, i, isLetter)
		if w := line[i : i+n]; w == "true" || w == "false" || w == "null" {
			return TokLiteral, n
		}
		return TokOther, n
	}
	return TokOther, 1
}

// scanString returns the length of the string literal at line[i], to the
// end of the line when it is not closed.
func scanString(line string, i int) int {
	for j := i + 1; j < len(line); j++ {
		switch line[j] {
		case '\\':
			j++
		case '"':
			return j + 1 - i
		}
	}
	return len(line) - i
}

// isKey: the next non-space byte after a string is ':'.
func isKey(line string, j int) bool {
	for ; j < len(line) && line[j] == ' '; j++ {
	}
	return j < len(line) && line[j] == ':'
}

func span(line string, i int, ok func(byte) bool) int {
	j := i
	for j < len(line) && ok(line[j]) {
		j++
	}
	return j - i
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isNumberByte(c byte) bool {
	return isDigit(c) || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}
