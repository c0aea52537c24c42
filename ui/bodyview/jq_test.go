package bodyview

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestBodyJQ(t *testing.T) {
	doc := `{"error":"invalid_token","scopes":["read","write"],"id":12345678901234567890,"nested":{"a":{"b":1}}}`
	cases := []struct {
		name, body, filter, want, err string
	}{
		{"identity on empty filter", `{"a":1}`, "", "{\n  \"a\": 1\n}", ""},
		{"key", doc, ".error", `"invalid_token"`, ""},
		{"several results", doc, ".scopes[]", "\"read\"\n\"write\"", ""},
		{"object result indented", doc, ".nested", "{\n  \"a\": {\n    \"b\": 1\n  }\n}", ""},
		{"big integer keeps its digits", doc, ".id", "12345678901234567890", ""},
		{"no results", doc, "empty", "", ""},
		{"ndjson inputs", "{\"a\":1}\n{\"a\":2}", ".a", "1\n2", ""},
		{"no environment", doc, "$ENV | length", "0", ""},
		{"parse error is one sentence", doc, ".scopes[", "", "the filter does not parse: unexpected EOF"},
		{"runtime error", doc, ".scopes.x", "", "jq: expected an object but got: array"},
		{"unknown function", doc, "nosuch", "", "the filter does not compile: function not defined: nosuch/0"},
		{"no input files", doc, "input", "", "the filter does not compile: input(s)/0 is not allowed"},
		{"malformed body", `{"a":}`, ".a", "", "the body is not valid JSON at byte 6"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := JQ(context.Background(), strings.NewReader(c.body), int64(len(c.body)), c.filter)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("err = %v, want one line with %q", err, c.err)
				}
				return
			}
			if err != nil || got != c.want {
				t.Fatalf("JQ = %q, %v; want %q", got, err, c.want)
			}
		})
	}
}

// The cap is checked on the announced size first, and again on what is
// actually read, so a body larger than announced cannot get past it.
func TestBodyJQCap(t *testing.T) {
	if _, err := JQ(context.Background(), strings.NewReader("{}"), JQLimit+1, "."); !errors.Is(err, ErrTooLarge) ||
		!strings.Contains(err.Error(), "the jq filter reads at most 20 MB") {
		t.Fatalf("announced size: %v", err)
	}
	big := io.MultiReader(strings.NewReader(`"`), bytes.NewReader(bytes.Repeat([]byte("a"), JQLimit)), strings.NewReader(`"`))
	if _, err := JQ(context.Background(), big, 10, "."); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("actual size: %v", err)
	}
	exact := `"` + strings.Repeat("a", JQLimit-2) + `"`
	if out, err := JQ(context.Background(), strings.NewReader(exact), int64(len(exact)), "length"); err != nil || out != "20971518" {
		t.Fatalf("at the cap: %q, %v", out, err)
	}
}

func TestBodyJQStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := JQ(ctx, strings.NewReader("0"), 1, "def f: f; f")
	if err == nil || !strings.Contains(err.Error(), "stopped") {
		t.Fatalf("err = %v", err)
	}
}

func TestBodyJQOutputCap(t *testing.T) {
	out, err := JQ(context.Background(), strings.NewReader(`"x"`), 3, "range(4) | . * 0 | tostring * 8000000")
	if err != nil || !strings.HasSuffix(out, "… the output was cut at 20 MB") {
		t.Fatalf("%d bytes, %v", len(out), err)
	}
}
