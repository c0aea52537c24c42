package requests

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ"

func sample() Request {
	return Request{Name: "list orders", Method: "POST", URL: "/v1/orders?limit=10",
		Headers: []Header{{Name: "Accept", Value: "application/json"}, {Name: "X-Trace", Value: "1", Off: true}},
		Body:    "{\n  \"item\": 1\n}\n", Auth: AuthNone}
}

func TestSaveListRoundTrip(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	if got, err := s.List("staging"); err != nil || got != nil {
		t.Fatalf("List of a missing file = %v, %v; want none", got, err)
	}
	want := sample()
	if err := s.Save("staging", want); err != nil {
		t.Fatal(err)
	}
	got, err := s.List("staging")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []Request{want}) {
		t.Errorf("List = %+v\nwant %+v", got, want)
	}
	st, err := os.Stat(s.Path("staging"))
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(s.Dir, DirName, ".*.tmp-*")); len(left) > 0 {
		t.Errorf("temp files left behind: %v", left)
	}
}

func TestSaveReplacesByNameAndKeepsOrder(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	for _, n := range []string{"a", "b", "c"} {
		if err := s.Save("dev", Request{Name: n, Method: "GET", URL: "/" + n}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Save("dev", Request{Name: "b", Method: "DELETE", URL: "/b2"}); err != nil {
		t.Fatal(err)
	}
	got, _ := s.List("dev")
	var names []string
	for _, r := range got {
		names = append(names, r.Name+" "+r.Method+" "+r.URL)
	}
	if want := []string{"a GET /a", "b DELETE /b2", "c GET /c"}; !reflect.DeepEqual(names, want) {
		t.Errorf("got %v, want %v", names, want)
	}
	if err := s.Remove("dev", "a"); err != nil {
		t.Fatal(err)
	}
	if err := s.Remove("dev", "zzz"); err == nil || !strings.Contains(err.Error(), `"zzz"`) {
		t.Errorf("Remove of a missing name: %v", err)
	}
	if got, _ := s.List("dev"); len(got) != 2 || got[0].Name != "b" {
		t.Errorf("after Remove: %+v", got)
	}
}

// TestNoSecretReachesTheFile saves a request full of credentials and scans
// the file for every one of them.
func TestNoSecretReachesTheFile(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	r := sample()
	r.Auth, r.Token = AuthBearer, jwt
	r.Headers = append(r.Headers,
		Header{Name: "Authorization", Value: "Basic dXNlcjpodW50ZXIy"},
		Header{Name: "cookie", Value: "sid=s3ss10ns3ss10n"},
		Header{Name: "X-API-Key", Value: "k3yk3yk3yk3y"},
		Header{Name: "Proxy-Authorization", Value: "Bearer " + jwt})
	err := s.Save("staging", r)
	var stripped *StrippedError
	if !errors.As(err, &stripped) {
		t.Fatalf("Save = %v, want a *StrippedError", err)
	}
	msg := err.Error()
	for _, want := range []string{"the bearer token", "Authorization", "cookie", "X-API-Key", "Proxy-Authorization", s.Path("staging")} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not name %q", msg, want)
		}
	}
	data, _ := os.ReadFile(s.Path("staging"))
	for _, secret := range []string{jwt, "dXNlcjpodW50ZXIy", "s3ss10ns3ss10n", "k3yk3yk3yk3y"} {
		if strings.Contains(string(data), secret) || strings.Contains(msg, secret) {
			t.Errorf("%q reached the file or the message", secret)
		}
	}
	got, err := s.List("staging")
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range got[0].Headers[2:] {
		if h.Value != "" || !h.Off {
			t.Errorf("credential header %s loaded back as %q off=%v; want empty and off", h.Name, h.Value, h.Off)
		}
	}
	if got[0].Auth != AuthProfile || got[0].Token != "" {
		t.Errorf("auth %q token %q: a bearer override whose token is not saved must load back as the profile's credentials", got[0].Auth, got[0].Token)
	}
	if !stripped.AuthReset || !strings.Contains(msg, "profile's credentials") {
		t.Errorf("the message does not say the auth went back to the profile's: %q", msg)
	}
}

// TestQueryAndBodySecretsStripped: secret query parameters and form or
// JSON body fields (store/redact's list) keep their names and lose their
// values; everything else stays as written.
func TestQueryAndBodySecretsStripped(t *testing.T) {
	tests := []struct {
		name        string
		url, ct     string
		body        string
		wantURL     string
		wantBody    string
		wantNames   []string
		secretsGone []string
	}{
		{name: "query", url: "https://x.example/cb?state=s1&access_token=" + jwt + "&API_KEY=k3yk3y#frag",
			wantURL:   "https://x.example/cb?state=s1&access_token=&API_KEY=#frag",
			wantNames: []string{"query parameter access_token", "query parameter API_KEY"}, secretsGone: []string{jwt, "k3yk3y"}},
		{name: "query escaped and repeated", url: "/v1?client%5Fsecret=c5ecret&token=t0k3n&token=t0k3n2&q=a%20b",
			wantURL:   "/v1?client%5Fsecret=&token=&token=&q=a%20b",
			wantNames: []string{"query parameter client_secret", "query parameter token"}, secretsGone: []string{"c5ecret", "t0k3n"}},
		{name: "form", url: "/token", ct: "application/x-www-form-urlencoded",
			body:      "grant_type=password&username=alice&password=hunter2&client_secret=s3cr3t\n",
			wantBody:  "grant_type=password&username=alice&password=&client_secret=\n",
			wantNames: []string{"body field password", "body field client_secret"}, secretsGone: []string{"hunter2", "s3cr3t"}},
		{name: "form without content type", url: "/token", body: "password=hunter2&x=1",
			wantBody: "password=&x=1", wantNames: []string{"body field password"}, secretsGone: []string{"hunter2"}},
		{name: "json", url: "/login", ct: "application/json; charset=utf-8",
			body:        "{\n  \"user\": \"alice\",\n  \"password\" : \"hun\\\"ter2\",\n  \"nested\": {\"refresh_token\": \"rt-123\", \"code\": 123456, \"keep\": [\"password\", 1]},\n  \"list\": [{\"api_key\":\"ak-9\"}]\n}\n",
			wantBody:    "{\n  \"user\": \"alice\",\n  \"password\" : \"\",\n  \"nested\": {\"refresh_token\": \"\", \"code\": \"\", \"keep\": [\"password\", 1]},\n  \"list\": [{\"api_key\":\"\"}]\n}\n",
			wantNames:   []string{"body field password", "body field refresh_token", "body field code", "body field api_key"},
			secretsGone: []string{"hun", "rt-123", "123456", "ak-9"}},
		{name: "json undeclared", url: "/login", body: `[{"password":"hunter2"}]`,
			wantBody: `[{"password":""}]`, wantNames: []string{"body field password"}, secretsGone: []string{"hunter2"}},
		{name: "invalid json kept", url: "/login", ct: "application/json", body: `{"password": "hunter2"`,
			wantBody: `{"password": "hunter2"`},
		{name: "plain text kept", url: "/x?limit=10", ct: "text/plain", body: "password=hunter2",
			wantURL: "/x?limit=10", wantBody: "password=hunter2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Request{Name: "n", Method: "POST", URL: tc.url, Body: tc.body}
			if tc.ct != "" {
				r.Headers = []Header{{Name: "Content-Type", Value: tc.ct}}
			}
			clean, stripped := r.WithoutSecrets()
			if tc.wantURL == "" {
				tc.wantURL = tc.url
			}
			if clean.URL != tc.wantURL {
				t.Errorf("URL %q, want %q", clean.URL, tc.wantURL)
			}
			if clean.Body != tc.wantBody {
				t.Errorf("body %q, want %q", clean.Body, tc.wantBody)
			}
			if !reflect.DeepEqual(stripped, tc.wantNames) {
				t.Errorf("stripped %q, want %q", stripped, tc.wantNames)
			}
			for _, sec := range tc.secretsGone {
				if strings.Contains(clean.URL, sec) || strings.Contains(clean.Body, sec) {
					t.Errorf("%q survived", sec)
				}
			}
			if r.URL != tc.url || r.Body != tc.body {
				t.Error("WithoutSecrets changed the request it was given")
			}
		})
	}
}

// Saving strips the query and body and says so; the file holds none of it.
func TestSaveStripsQueryAndBody(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	r := Request{Name: "login", Method: "POST", URL: "/token?api_key=k3yk3yk3y",
		Headers: []Header{{Name: "Content-Type", Value: "application/x-www-form-urlencoded"}},
		Body:    "username=alice&password=hunter2hunter2", Auth: AuthBearer}
	err := s.Save("dev", r)
	var se *StrippedError
	if !errors.As(err, &se) {
		t.Fatalf("Save = %v, want *StrippedError", err)
	}
	for _, want := range []string{"query parameter api_key", "body field password", "the bearer token", "profile's credentials"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err.Error(), want)
		}
	}
	data, _ := os.ReadFile(s.Path("dev"))
	for _, sec := range []string{"k3yk3yk3y", "hunter2hunter2"} {
		if strings.Contains(string(data), sec) || strings.Contains(err.Error(), sec) {
			t.Errorf("%q reached the file or the message", sec)
		}
	}
	got, err := s.List("dev")
	if err != nil || len(got) != 1 || got[0].URL != "/token?api_key=" || got[0].Body != "username=alice&password=" || got[0].Auth != AuthProfile {
		t.Errorf("loaded back %+v, %v", got, err)
	}
}

func TestSaveRefuses(t *testing.T) {
	s := Store{Dir: t.TempDir()}
	tests := []struct {
		name, profile string
		r             Request
		want          string
	}{
		{"no name", "dev", Request{Method: "GET", URL: "/"}, "needs a name"},
		{"bad method", "dev", Request{Name: "x", Method: "GE T", URL: "/"}, "not an HTTP method"},
		{"no url", "dev", Request{Name: "x", Method: "GET"}, "url is missing"},
		{"header break", "dev", Request{Name: "x", Method: "GET", URL: "/", Headers: []Header{{Name: "A", Value: "1\r\nB: 2"}}}, "line break"},
		{"bad auth", "dev", Request{Name: "x", Method: "GET", URL: "/", Auth: "basic"}, "auth"},
		{"path escape", "../etc", Request{Name: "x", Method: "GET", URL: "/"}, "not a profile name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Save(tc.profile, tc.r)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Save = %v, want an error with %q", err, tc.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(s.Dir, DirName, "dev.toml")); err == nil {
		t.Error("a refused save wrote a file")
	}
}

func TestBrokenFileNamesFileAndLine(t *testing.T) {
	tests := []struct {
		name, text string
		line       int
		want       string
	}{
		{"syntax", "[[request]]\nname = \"a\"\nmethod = GET\n", 3, "invalid TOML"},
		{"unknown key", "[[request]]\nname = \"a\"\nmethod = \"GET\"\nurl = \"/\"\ntoken = \"x\"\n", 5, `unknown key "request.token"`},
		{"no method", "[[request]]\nname = \"a\"\nurl = \"/\"\n", 1, "method is missing"},
		{"bad method", "[[request]]\nname = \"a\"\n\nmethod = \"G T\"\nurl = \"/\"\n", 4, "not an HTTP method"},
		{"duplicate", "[[request]]\nname = \"a\"\nmethod = \"GET\"\nurl = \"/\"\n[[request]]\nname = \"a\"\nmethod = \"GET\"\nurl = \"/\"\n", 6, "used twice"},
		{"bad header", "[[request]]\nname = \"a\"\nmethod = \"GET\"\nurl = \"/\"\n[[request.headers]]\nname = \"A\"\nvalue = \"x\"\n[[request.headers]]\nname = \"B C\"\nvalue = \"x\"\n", 8, "not a valid header name"},
		{"wrong type", "[[request]]\nname = \"a\"\nmethod = 1\nurl = \"/\"\n", 3, "invalid TOML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Store{Dir: t.TempDir()}
			path := s.Path("dev")
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(tc.text), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := s.List("dev")
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("List = %v, want *Error", err)
			}
			msg := err.Error()
			if e.Line != tc.line || !strings.HasPrefix(msg, path+":") || !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q (line %d), want line %d and %q", msg, e.Line, tc.line, tc.want)
			}
			if err := s.Save("dev", Request{Name: "b", Method: "GET", URL: "/"}); err == nil {
				t.Error("Save over a broken file should refuse, not overwrite it")
			}
		})
	}
}

func TestEncodeIsReadable(t *testing.T) {
	data, err := Encode([]Request{sample()})
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{"[[request]]", "[[request.headers]]", "body = \"\"\"", "never saved"} {
		if !strings.Contains(text, want) {
			t.Errorf("encoded file lacks %q:\n%s", want, text)
		}
	}
}

func TestSentAndHeader(t *testing.T) {
	r := Request{Headers: []Header{{Name: "A", Value: "1", Off: true}, {Name: "a", Value: "2"}, {Value: "nameless"}}}
	if got := r.Sent(); len(got) != 1 || got[0].Value != "2" {
		t.Errorf("Sent = %+v", got)
	}
	if v, ok := r.Header("A"); !ok || v != "2" {
		t.Errorf("Header(A) = %q, %v", v, ok)
	}
}
