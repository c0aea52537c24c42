package secrets

import "testing"

func TestParseRef(t *testing.T) {
	good := map[string]Ref{
		"keyring":             {Kind: KindKeyring},
		"prompt":              {Kind: KindPrompt},
		"env:API_TOKEN":       {Kind: KindEnv, Arg: "API_TOKEN"},
		"cmd:pass show api/x": {Kind: KindCmd, Arg: "pass show api/x"},
		"cmd:  op read x  ":   {Kind: KindCmd, Arg: "op read x"},
	}
	for in, want := range good {
		got, err := ParseRef(in)
		if err != nil || got != want || got.String() == "" {
			t.Errorf("ParseRef(%q) = %+v, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "eyJhbGciOi.literal.token", "env:", "env:1BAD", "cmd:", "Keyring"} {
		if _, err := ParseRef(in); err == nil {
			t.Errorf("ParseRef(%q) accepted", in)
		}
	}
}
