package safe

import "testing"

func TestLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"a\nb\tc\rd", `a\nb\tc\rd`},
		{"title\x1b]0;pwned\x07", `title\x1b]0;pwned\x07`},
		{"caf\xc3\xa9", "café"},
		{"bad\xffbyte", `bad\xffbyte`},
		{"rtl\u202eevil", `rtl\u202eevil`},
		{"c1\u009bcsi", `c1\x9bcsi`},
	}
	for _, c := range cases {
		if got := Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTextKeepsLayout(t *testing.T) {
	if got := Text("a\n\tb\x1b"); got != "a\n\tb\\x1b" {
		t.Errorf("Text = %q", got)
	}
}

func FuzzLine(f *testing.F) {
	f.Add("\x1b[2J")
	f.Add("ok")
	f.Fuzz(func(t *testing.T, s string) {
		out := Line(s)
		for i := 0; i < len(out); i++ {
			if out[i] < 0x20 || out[i] == 0x7f {
				t.Fatalf("control byte %#x survived in %q", out[i], out)
			}
		}
	})
}
