package bodyview

import "testing"

func TestBodyDetect(t *testing.T) {
	cases := []struct {
		name, ct  string
		head      string
		truncated bool
		want      Kind
	}{
		{"json type", "application/json; charset=utf-8", `{"a":1}`, false, KindJSON},
		{"problem+json", "application/problem+json", `{"title":"x"}`, false, KindJSON},
		{"sniffed object", "text/plain", ` {"a":1}`, false, KindJSON},
		{"sniffed array", "", "[1,2]", false, KindJSON},
		{"html", "text/html", "<html>hi</html>", false, KindText},
		{"plain", "", "hello\tworld\r\n", false, KindText},
		{"nul byte", "application/octet-stream", "PNG\x00\x01", false, KindBinary},
		{"bad utf8", "text/plain", "caf\xe9", false, KindBinary},
		{"cut rune kept when truncated", "text/plain", "caf\xc3", true, KindText},
		{"cut rune is binary when whole", "text/plain", "caf\xc3", false, KindBinary},
		{"escape is text", "text/plain", "\x1b[31mred", false, KindText},
		{"json type but binary", "application/json", "\x00\x01", false, KindBinary},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Detect([]byte(c.head), c.ct, c.truncated); got != c.want {
				t.Errorf("Detect = %v, want %v", got, c.want)
			}
		})
	}
}

func TestBodyIsJSONType(t *testing.T) {
	for ct, want := range map[string]bool{
		"application/json":             true,
		"Application/JSON; charset=x":  true,
		"application/vnd.api+json":     true,
		"text/json":                    true,
		"application/jsonp":            false,
		"text/html":                    false,
		"":                             false,
		"application/json; broken=\"x": true,
	} {
		if got := IsJSONType(ct); got != want {
			t.Errorf("IsJSONType(%q) = %v, want %v", ct, got, want)
		}
	}
}
