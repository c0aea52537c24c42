package requests

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParseRequests: the parser never panics, its errors are one line, and
// whatever it accepts survives Encode and a second parse unchanged.
func FuzzParseRequests(f *testing.F) {
	good, _ := Encode([]Request{sample(), {Name: "b", Method: "GET", URL: "https://x.example/?q=1#f", Auth: AuthBearer}})
	f.Add(string(good))
	f.Add("")
	f.Add("[[request]]\nname = 'a'\nmethod = 'GET'\nurl = '/'\nheaders = [{name = 'A', value = 'b'}]\n")
	f.Add("request = [{name = 'a', method = 'GET', url = '/'}]\n")
	f.Add("[[request]]\nname = \"a\"\nmethod = GET\n")
	f.Add("[[request]]\nbody = '''\nx\r\ny'''\n")
	f.Fuzz(func(t *testing.T, text string) {
		rs, err := ParseRequests([]byte(text))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error: %v", err, err)
			}
			if strings.ContainsAny(err.Error(), "\r\n") {
				t.Fatalf("error is not one line: %q", err.Error())
			}
			return
		}
		data, err := Encode(rs)
		if err != nil {
			t.Fatalf("Encode of parsed requests: %v", err)
		}
		again, err := ParseRequests(data)
		if err != nil {
			t.Fatalf("re-parse: %v\n%s", err, data)
		}
		if !reflect.DeepEqual(rs, again) {
			t.Fatalf("round trip changed the requests:\n%+v\n%+v", rs, again)
		}
	})
}

// FuzzWithoutSecrets: stripping never panics, keeps names, and stripping
// what was stripped changes nothing more.
func FuzzWithoutSecrets(f *testing.F) {
	f.Add("/x?access_token=abc&q=1", "application/json", `{"password":"p","a":[{"token":1}]}`)
	f.Add("/x?a", "application/x-www-form-urlencoded", "password=x&&=&%zz=1")
	f.Add("", "", `[{"client_secret":"s"}`)
	f.Fuzz(func(t *testing.T, u, ct, body string) {
		r := Request{Name: "n", Method: "GET", URL: u, Body: body, Headers: []Header{{Name: "Content-Type", Value: ct}}}
		clean, _ := r.WithoutSecrets()
		again, stripped := clean.WithoutSecrets()
		if again.URL != clean.URL || again.Body != clean.Body || len(stripped) != 0 {
			t.Fatalf("second strip changed %q %q → %q %q (%v)", clean.URL, clean.Body, again.URL, again.Body, stripped)
		}
	})
}
