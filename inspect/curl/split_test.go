package curl

import (
	"reflect"
	"testing"
)

// splitCases pins the tokenizer: each input is a whole command line and
// want is every word, curl included. They also seed FuzzParseCurl.
var splitCases = []struct {
	name, in string
	want     []string
}{
	{"plain words", "curl https://x/a", []string{"curl", "https://x/a"}},
	{"runs of blanks", " \t curl  \t https://x \r\n", []string{"curl", "https://x"}},
	{"single quotes keep everything", `curl 'a "b" \n $X'`, []string{"curl", `a "b" \n $X`}},
	{"empty quotes are a word", `curl '' ""`, []string{"curl", "", ""}},
	{"adjacent quoting joins", `curl 'a'"b"c$'d'`, []string{"curl", "abcd"}},
	{"double quote escapes", `curl "a\"b\\c\$d\` + "`" + `e\zf"`, []string{"curl", "a\"b\\c$d`e\\zf"}},
	{"no variable expansion", `curl "$HOME" $TOKEN ${X}`, []string{"curl", "$HOME", "$TOKEN", "${X}"}},
	{"unquoted backslash", `curl a\ b \'c\"`, []string{"curl", "a b", `'c"`}},
	{"trailing backslash", `curl a\`, []string{"curl", "a"}},
	{"backslash newline", "curl \\\n  -k \\\r\n  https://x", []string{"curl", "-k", "https://x"}},
	{"backslash newline joins words", "curl ab\\\ncd", []string{"curl", "abcd"}},
	{"backslash newline in double quotes", "curl \"ab\\\ncd\"", []string{"curl", "abcd"}},
	{"backslash newline in single quotes is literal", "curl 'ab\\\ncd'", []string{"curl", "ab\\\ncd"}},
	{"newline without continuation", "curl -k\nhttps://x", []string{"curl", "-k", "https://x"}},
	{"caret continuation", "curl -k ^\n https://x", []string{"curl", "-k", "https://x"}},
	{"powershell backtick continuation", "curl.exe -k `\r\n https://x", []string{"curl.exe", "-k", "https://x"}},
	{"caret and backtick elsewhere literal", "curl a^b c`d", []string{"curl", "a^b", "c`d"}},
	{"ansi-c simple", `curl $'a\nb\tc\rd\\e\'f\"g\?'`, []string{"curl", "a\nb\tc\rd\\e'f\"g?"}},
	{"ansi-c bells and whistles", `curl $'\a\b\e\E\f\v'`, []string{"curl", "\a\b\x1b\x1b\f\v"}},
	{"ansi-c hex and octal", `curl $'\x41\x4a\x7\101\0\cA'`, []string{"curl", "AJ\x07A\x00\x01"}},
	{"ansi-c hex byte is a byte", `curl $'\xe9'`, []string{"curl", "\xe9"}},
	{"ansi-c unicode", `curl $'\u00e9\u20AC\U0001F600'`, []string{"curl", "é€😀"}},
	{"ansi-c surrogate pair", `curl $'\ud83d\ude00'`, []string{"curl", "😀"}},
	{"ansi-c lone surrogate", `curl $'\ud83dx'`, []string{"curl", "\uFFFDx"}},
	{"ansi-c escapes without digits", `curl $'\x\u\q'`, []string{"curl", `\x\u\q`}},
	{"ansi-c out of range", `curl $'\UFFFFFFFF'`, []string{"curl", "\uFFFD"}},
	{"locale string", `curl $"a\"b"`, []string{"curl", `a"b`}},
	{"lone dollar", `curl $ a$`, []string{"curl", "$", "a$"}},
	{"pipe ends the command", `curl -s https://x | jq .`, []string{"curl", "-s", "https://x"}},
	{"pipe inside a word", `curl https://x|jq`, []string{"curl", "https://x"}},
	{"semicolon ends the command", `curl a; echo done`, []string{"curl", "a"}},
	{"and-and ends the command", `curl a && echo ok`, []string{"curl", "a"}},
	{"ampersand inside an unquoted URL", `curl https://x/?a=1&b=2`, []string{"curl", "https://x/?a=1&b=2"}},
	{"quoted operators are literal", `curl 'a|b;c&&d>e'`, []string{"curl", "a|b;c&&d>e"}},
	{"redirections dropped", `curl -s https://x > out.json 2>&1 <in`, []string{"curl", "-s", "https://x"}},
	{"redirection without space", `curl https://x >out 2>/dev/null`, []string{"curl", "https://x"}},
	{"ampersand redirection", `curl https://x &>log`, []string{"curl", "https://x"}},
	{"comment", "curl -k # ignore -v\n https://x", []string{"curl", "-k", "https://x"}},
	{"hash inside a word", `curl https://x/#frag`, []string{"curl", "https://x/#frag"}},
	{"utf-8 passes through", `curl 'héllo' wörld`, []string{"curl", "héllo", "wörld"}},
}

func TestSplitPOSIX(t *testing.T) {
	for _, tc := range splitCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := split(tc.in)
			if err != nil {
				t.Fatalf("split(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// cmdCases are Windows cmd.exe command lines, decoded through cmd's ^
// escapes and the C runtime's argument rules.
var cmdCases = []struct {
	name, in string
	want     []string
}{
	{"chrome quoting", `curl ^"https://x/a?b=1^&c=2^" -H ^"accept: */*^"`,
		[]string{"curl", "https://x/a?b=1&c=2", "-H", "accept: */*"}},
	{"caret continuation", "curl ^\"https://x^\" ^\n  -H ^\"a: b^\" ^\r\n  --compressed",
		[]string{"curl", "https://x", "-H", "a: b", "--compressed"}},
	// Chrome doubles every backslash, and the C runtime keeps a pair that
	// is not before a quote, so curl.exe really receives two.
	{"escaped inner quotes and backslashes", `curl ^"https://x^" --data-raw ^"^{^\^"a^\^":^\^"c:^\^\d^\^"^}^"`,
		[]string{"curl", "https://x", "--data-raw", `{"a":"c:\\d"}`}},
	{"newline in a body", "curl ^\"https://x^\" --data-raw ^\"a^\n\nb^\"",
		[]string{"curl", "https://x", "--data-raw", "a\nb"}},
	{"percent before a letter", `curl ^"https://x/^%^41^%^PATH^%^"`,
		[]string{"curl", "https://x/%41%PATH%"}},
	{"plain double quotes", "curl \"https://x\" ^\n -H \"Authorization: Bearer a^b\"",
		[]string{"curl", "https://x", "-H", "Authorization: Bearer a^b"}},
	{"doubled quote inside quotes", "curl \"https://x\" ^\n -d \"a\"\"b\"",
		[]string{"curl", "https://x", "-d", `a"b`}},
	{"backslashes not before a quote", "curl \"C:\\dir\\\\f\" ^\n x",
		[]string{"curl", `C:\dir\\f`, "x"}},
	{"even backslashes before a quote", "curl \"a\\\\\" ^\n x",
		[]string{"curl", `a\`, "x"}},
}

func TestSplitCmd(t *testing.T) {
	for _, tc := range cmdCases {
		t.Run(tc.name, func(t *testing.T) {
			if !isWindowsCmd(tc.in) {
				t.Fatalf("%q not detected as the cmd form", tc.in)
			}
			got, err := split(tc.in)
			if err != nil {
				t.Fatalf("split(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNotWindowsCmd(t *testing.T) {
	for _, s := range []string{
		`curl 'https://x' -H 'a: ^"b^"'`,
		"curl 'https://x' ^\n -k",
		"'curl' '^\"x^\"'",
		"curl https://x \\\n -H 'a: b ^'",
		"wget ^\"x^\"",
	} {
		if isWindowsCmd(s) {
			t.Errorf("%q detected as the cmd form", s)
		}
	}
}
