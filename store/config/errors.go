package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNoConfig is returned (wrapped) by Load when the config file does not
// exist; callers show the first-run path instead of an error.
var ErrNoConfig = errors.New("no config file")

// Error is one problem in a config file. Error() is one sentence on one
// line: file:line, the key, what is wrong and how to fix it. It never
// contains the value of a secret-bearing key.
type Error struct {
	File string
	Line int    // 1-based; 0 when the problem has no single line
	Key  string // dotted path such as profiles.staging.auth.token; may be empty
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(oneLine(e.File))
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(oneLine(e.Key) + ": ")
	}
	b.WriteString(oneLine(e.Msg))
	return b.String()
}

// ErrorList is what Load returns when a file has several problems: every
// problem found, one *Error per key, in line order. Error() puts one
// problem per line; errors.As(err, &e) with e *Error finds the first.
type ErrorList []*Error

func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.As and errors.Is see each problem.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// oneLine escapes control characters so that a key, a path or an echoed
// reference can never break the one-line promise of Error.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029
}

// problems collects the errors of one file, at most one per key.
type problems struct {
	file string
	list ErrorList
	seen map[string]bool
}

func (p *problems) add(line int, key, format string, args ...any) {
	if p.seen == nil {
		p.seen = map[string]bool{}
	}
	if p.seen[key] {
		return
	}
	p.seen[key] = true
	p.list = append(p.list, &Error{File: p.file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}
