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
