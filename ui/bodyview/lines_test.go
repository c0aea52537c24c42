package bodyview

import (
	"strings"
	"testing"
)

func TestBodySplitLines(t *testing.T) {
	long := strings.Repeat("a", MaxLineBytes)
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"one", "abc", []string{"abc"}},
		{"trailing newline", "a\nb\n", []string{"a\n", "b\n"}},
		{"no trailing newline", "a\nb", []string{"a\n", "b"}},
		{"blank lines", "a\n\n\nb", []string{"a\n", "\n", "\n", "b"}},
		{"crlf", "a\r\nb\r\n", []string{"a\r\n", "b\r\n"}},
		{"long line cut", long + "bc", []string{long, "bc"}},
		{"long line exact then newline", long + "\nx", []string{long + "\n", "x"}},
		{"cut waits for a character start", long[:MaxLineBytes-1] + "é" + "z", []string{long[:MaxLineBytes-1] + "é", "z"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, l := range SplitLines([]byte(c.in)) {
				got = append(got, string(l))
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
				t.Errorf("SplitLines = %q, want %q", got, c.want)
			}
		})
	}
}

// Control sequences from the network are shown, never executed.
func TestBodyClean(t *testing.T) {
	cases := []struct {
		name string
		in   string
		keep int
		want string
	}{
		{"plain", "hello\n", 80, "hello"},
		{"crlf", "hello\r\n", 80, "hello"},
		{"csi stripped", "\x1b[2J\x1b[31mred\n", 80, `\x1b[2J\x1b[31mred`},
		{"osc title", "\x1b]0;pwned\x07x", 80, `\x1b]0;pwned\x07x`},
		{"bidi override", "a\u202eb", 80, `a\u202eb`},
		{"c1 csi", "a\u009b2Jb", 80, `a\x9b2Jb`},
		{"tab to stop", "a\tb", 80, "a       b"},
		{"cut", "abcdefghij", 4, "abcd"},
		{"cut counts characters", "ééééé", 3, "ééé"},
		{"inner cr", "a\rb", 80, `a\rb`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Clean(c.in, c.keep); got != c.want {
				t.Errorf("Clean(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}
