package curl

import "testing"

func TestBuildRoundTrip(t *testing.T) {
	tests := []struct {
		name, method, url, body string
		headers                 []Header
	}{
		{"get", "GET", "https://api.example.com/v1/orders?limit=10", "", []Header{{Name: "Accept", Value: "application/json"}}},
		{"quote in body", "POST", "https://x.test/a", `{"it's":"ok"}`, []Header{{Name: "Content-Type", Value: "application/json"}}},
		{"shell chars", "PUT", "https://x.test/$(id)", "`rm -rf`; $HOME", []Header{{Name: "X-A", Value: "a'b\"c"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse(Build(tc.method, tc.url, tc.headers, tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if c.Method != tc.method || c.URL != tc.url {
				t.Errorf("method/url = %q %q", c.Method, c.URL)
			}
			if len(c.Headers) != len(tc.headers) || (len(tc.headers) > 0 && c.Headers[0].Value != tc.headers[0].Value) {
				t.Errorf("headers = %+v", c.Headers)
			}
			if tc.body != "" && (len(c.Data) != 1 || c.Data[0] != tc.body) {
				t.Errorf("data = %q", c.Data)
			}
		})
	}
}

func TestBuildPlaceholder(t *testing.T) {
	got := Build("GET", "https://x.test/", []Header{{Name: "Authorization", Value: "Bearer $TOKEN"}}, "")
	want := "curl \\\n  -H \"Authorization: Bearer $TOKEN\" \\\n  'https://x.test/'"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := quote("a $TOKEN `x`"); got[0] != '\'' {
		t.Errorf("backquote must force single quotes: %s", got)
	}
}
