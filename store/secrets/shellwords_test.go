package secrets

import (
	"reflect"
	"strings"
	"testing"
)

func TestSplitCommand(t *testing.T) {
	good := map[string][]string{
		`pass show api/staging`:             {"pass", "show", "api/staging"},
		"  op\tread   x  ":                  {"op", "read", "x"},
		`printf '%s\n' "a b"`:               {"printf", `%s\n`, "a b"},
		`echo 'it''s'`:                      {"echo", "its"},
		`echo "it's" 'say "hi"'`:            {"echo", "it's", `say "hi"`},
		`echo '' ""`:                        {"echo", "", ""},
		`echo a\ b \'q\' \\`:                {"echo", "a b", "'q'", `\`},
		`echo "\$x \"q\" \\ \n"`:            {"echo", `$x "q" \ \n`},
		"echo a\\\nb":                       {"echo", "ab"},
		`echo $HOME ~ *.txt ${X:-y}`:        {"echo", "$HOME", "~", "*.txt", "${X:-y}"},
		`echo "$HOME" '$(id)' "a|b;c&d"`:    {"echo", "$HOME", "$(id)", "a|b;c&d"},
		`vault kv get -field=token "sec/x"`: {"vault", "kv", "get", "-field=token", "sec/x"},
		`echo ünï"cödé"`:                    {"echo", "ünïcödé"},
	}
	for in, want := range good {
		got, err := splitCommand(in)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("splitCommand(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		`echo 'open`:         "' quote is not closed",
		`echo "open`:         `" quote is not closed`,
		`echo "a\"`:          `" quote is not closed`,
		`echo a\`:            "lone backslash",
		`pass show x | head`: "shell operator",
		`a; b`:               "shell operator",
		`a && b`:             "shell operator",
		"echo `id`":          "shell operator",
		`cat < f`:            "shell operator",
		`echo $(id)`:         "shell operator",
		"   ":                "empty",
		"":                   "empty",
	}
	for in, want := range bad {
		if got, err := splitCommand(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("splitCommand(%q) = %q, %v; want an error saying %q", in, got, err, want)
		}
	}
}
