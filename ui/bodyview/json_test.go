package bodyview

import (
	"strings"
	"testing"
)

func TestBodyPretty(t *testing.T) {
	cases := []struct {
		name, in, want, err string
	}{
		{"object", `{"a":1,"b":[true,null],"c":{}}`, "{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ],\n  \"c\": {}\n}", ""},
		{"keeps escapes and precision", `{"s":"\u00e9\n","n":12345678901234567890.50}`, "{\n  \"s\": \"\\u00e9\\n\",\n  \"n\": 12345678901234567890.50\n}", ""},
		{"ndjson", "{\"a\":1}\n{\"a\":2}\n", "{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}", ""},
		{"scalar", " 42 ", "42", ""},
		{"malformed", `{"a":1,}`, "", "not valid JSON at byte 8"},
		{"truncated", `{"a":[1,2`, "", "not valid JSON"},
		{"trailing garbage", `{"a":1} x`, "", "not valid JSON at byte 9"},
		{"empty", "  ", "", "empty"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Pretty([]byte(c.in))
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				return
			}
			if err != nil || string(got) != c.want {
				t.Fatalf("Pretty = %q, %v\nwant %q", got, err, c.want)
			}
		})
	}
}

func TestBodyTokens(t *testing.T) {
	type tk = Token
	cases := []struct {
		line string
		want []Token
	}{
		{`  "name": "al\"ice",`, []Token{{TokSpace, "  "}, {TokKey, `"name"`}, {TokPunct, ":"}, {TokSpace, " "}, {TokString, `"al\"ice"`}, {TokPunct, ","}}},
		{`  "n": -1.5e+3,`, []Token{{TokSpace, "  "}, {TokKey, `"n"`}, {TokPunct, ":"}, {TokSpace, " "}, {TokNumber, "-1.5e+3"}, {TokPunct, ","}}},
		{`[true, false, null]`, []Token{{TokPunct, "["}, {TokLiteral, "true"}, {TokPunct, ","}, {TokSpace, " "}, {TokLiteral, "false"}, {TokPunct, ","}, {TokSpace, " "}, {TokLiteral, "null"}, {TokPunct, "]"}}},
		{`"cut off`, []Token{{TokString, `"cut off`}}},
		{`  "k" : 1`, []Token{{TokSpace, "  "}, {TokKey, `"k"`}, {TokSpace, " "}, {TokPunct, ":"}, {TokSpace, " "}, {TokNumber, "1"}}},
		{`nope ~`, []Token{{TokOther, "nope"}, {TokSpace, " "}, {TokOther, "~"}}},
		{``, nil},
	}
	for _, c := range cases {
		got := Tokens(c.line)
		if len(got) != len(c.want) {
			t.Errorf("Tokens(%q) = %v, want %v", c.line, got, c.want)
			continue
		}
		var joined strings.Builder
		for i := range got {
			joined.WriteString(got[i].Text)
			if got[i] != tk(c.want[i]) {
				t.Errorf("Tokens(%q)[%d] = %v, want %v", c.line, i, got[i], c.want[i])
			}
		}
		if joined.String() != c.line {
			t.Errorf("tokens of %q join to %q", c.line, joined.String())
		}
	}
}
