package excerpt

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestOf(t *testing.T) {
	cases := map[string]string{
		"plain":         "plain",
		"a\nb":          `"a\nb"`,
		"\x1b[2J":       `"\x1b[2J"`,
		"bad\xff":       `"bad\xff"`,
		"line\u2028sep": `"line\u2028sep"`,
		"héllo":         "héllo",
	}
	for in, want := range cases {
		if got := Of(in); got != want {
			t.Errorf("Of(%q) = %q, want %q", in, got, want)
		}
	}
	long := Of(strings.Repeat("é", 100))
	if !utf8.ValidString(long) || !strings.HasSuffix(long, "…") || len(long) > Max+len("…") {
		t.Errorf("long value: %q", long)
	}
}
