package curl

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// quoteArgs rebuilds a command line from words, each in single quotes,
// the one quoting that has no escapes: an inner quote ends the quoting, is
// written escaped, and the quoting starts again.
func quoteArgs(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

// FuzzParseCurl checks that Parse never panics, that tokenising is
// faithful (requoting the words and parsing again gives the same words
// and the same Command), and that Looks never promises a curl command that
// Parse then rejects as not curl.
func FuzzParseCurl(f *testing.F) {
	for _, tc := range splitCases {
		f.Add(tc.in)
	}
	for _, tc := range cmdCases {
		f.Add(tc.in)
	}
	for _, tc := range parseCases {
		f.Add(tc.in)
	}
	for _, tc := range browserCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s)
		if err != nil {
			if Looks(s) && errors.Is(err, ErrNotCurl) {
				t.Fatalf("Looks(%q) but Parse says it is not curl", s)
			}
			return
		}
		args, err := split(s)
		if err != nil {
			t.Fatalf("Parse succeeded but split failed: %v", err)
		}
		rebuilt := quoteArgs(args)
		args2, err := split(rebuilt)
		if err != nil || !reflect.DeepEqual(args, args2) {
			t.Fatalf("requoted words differ:\n in  %q\n out %q (%v)\n via %q", args, args2, err, rebuilt)
		}
		c2, err := Parse(rebuilt)
		if err != nil || !reflect.DeepEqual(c, c2) {
			t.Fatalf("requoted command differs:\n in  %+v\n out %+v (%v)\n via %q", c, c2, err, rebuilt)
		}
	})
}
