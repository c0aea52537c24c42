package curl

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// parseCases cover every option Parse models and the ways of writing one.
// They also seed FuzzParseCurl.
var parseCases = []struct {
	name, in string
	want     Command
}{
	{"bare", "curl https://api.example.com/v1",
		Command{Method: "GET", URL: "https://api.example.com/v1"}},
	{"request short", "curl -X PUT https://x",
		Command{Method: "PUT", URL: "https://x"}},
	{"request attached", "curl -XDELETE https://x", Command{Method: "DELETE", URL: "https://x"}},
	{"request long", "curl --request PATCH https://x", Command{Method: "PATCH", URL: "https://x"}},
	{"request equals", "curl --request=OPTIONS https://x", Command{Method: "OPTIONS", URL: "https://x"}},
	{"request beats data", "curl -X GET -d a=b https://x",
		Command{Method: "GET", URL: "https://x", Data: []string{"a=b"}}},
	{"data implies POST", "curl -d 'a=1' --data b=2 --data-raw @c --data-binary @body.json --data-urlencode 'q=a b' --data-ascii x https://x",
		Command{Method: "POST", URL: "https://x", Data: []string{"a=1", "b=2", "@c", "@body.json", "q=a b", "x"}}},
	{"data attached", "curl -d@f -dx=1 https://x", Command{Method: "POST", URL: "https://x", Data: []string{"@f", "x=1"}}},
	{"get with data", "curl -G -d q=1 https://x", Command{Method: "GET", URL: "https://x", Data: []string{"q=1"}}},
	{"get long", "curl --get --data q=1 https://x", Command{Method: "GET", URL: "https://x", Data: []string{"q=1"}}},
	{"head", "curl -I https://x", Command{Method: "HEAD", URL: "https://x"}},
	{"head long beats get", "curl --head -G https://x", Command{Method: "HEAD", URL: "https://x"}},
	{"json", `curl --json '{"a":1}' https://x`,
		Command{Method: "POST", URL: "https://x", Data: []string{`{"a":1}`}, JSON: true}},
	{"form implies POST", "curl -F file=@a.png --form-string 'n=v' https://x",
		Command{Method: "POST", URL: "https://x", Form: []string{"file=@a.png", "n=v"}}},
	{"upload implies PUT", "curl -T file.bin https://x", Command{Method: "PUT", URL: "https://x", UploadFile: "file.bin"}},
	{"url option", "curl --url https://x -k", Command{Method: "GET", URL: "https://x", Insecure: true}},
	{"first url wins", "curl https://a --url https://b c",
		Command{Method: "GET", URL: "https://a", MoreURLs: []string{"https://b", "c"}}},
	{"empty url is still first", "curl '' https://b", Command{Method: "GET", MoreURLs: []string{"https://b"}}},
	{"no url", "curl -k", Command{Method: "GET", Insecure: true}},
	{"headers in order", "curl -H 'Authorization: Bearer abc' --header 'X-A:1' -HAccept:text/plain --header=X-B:2 https://x",
		Command{Method: "GET", URL: "https://x", Headers: []Header{
			{Name: "Authorization", Value: "Bearer abc"}, {Name: "X-A", Value: "1"},
			{Name: "Accept", Value: "text/plain"}, {Name: "X-B", Value: "2"}}}},
	{"header value keeps inner colons and trims", "curl -H '  Host :  a:8080  ' https://x",
		Command{Method: "GET", URL: "https://x", Headers: []Header{{Name: "Host", Value: "a:8080"}}}},
	{"header removal and empty", "curl -H 'User-Agent:' -H 'X-Empty;' -H 'Accept: ' https://x",
		Command{Method: "GET", URL: "https://x", Headers: []Header{
			{Name: "User-Agent", Remove: true}, {Name: "X-Empty"}, {Name: "Accept", Remove: true}}}},
	{"header not understood", "curl -H @headers.txt -H novalue -H ': x' https://x",
		Command{Method: "GET", URL: "https://x", Unknown: []string{"--header @headers.txt", "--header novalue", "--header : x"}}},
	{"user", "curl -u alice:s3cr3t --digest https://x",
		Command{Method: "GET", URL: "https://x", User: "alice:s3cr3t", AuthScheme: "digest"}},
	{"user long and attached", "curl --user=bob -ualice:pw --ntlm --basic https://x",
		Command{Method: "GET", URL: "https://x", User: "alice:pw", AuthScheme: "basic"}},
	{"auth schemes", "curl --negotiate -u : --anyauth https://x",
		Command{Method: "GET", URL: "https://x", User: ":", AuthScheme: "anyauth"}},
	{"oauth2 bearer", "curl --oauth2-bearer eyJ.x.y https://x",
		Command{Method: "GET", URL: "https://x", OAuth2Bearer: "eyJ.x.y"}},
	{"aws sigv4", `curl --aws-sigv4 "aws:amz:us-east-1:execute-api" -u AKIA:secret https://x`,
		Command{Method: "GET", URL: "https://x", User: "AKIA:secret", AWSSigV4: "aws:amz:us-east-1:execute-api"}},
	{"cookies and cookie files", "curl -b 'session=abc; csrftoken=x' --cookie jar.txt -b=x https://x",
		Command{Method: "GET", URL: "https://x", Cookies: []string{"session=abc; csrftoken=x", "jar.txt", "=x"},
			CookieFiles: []string{"jar.txt"}}},
	{"cookie jar is not a cookie", "curl -c jar.txt https://x", Command{Method: "GET", URL: "https://x"}},
	{"flags", "curl -k --compressed -L -i https://x",
		Command{Method: "GET", URL: "https://x", Insecure: true, Compressed: true, Location: true, Include: true}},
	{"flags long", "curl --insecure --location --include https://x",
		Command{Method: "GET", URL: "https://x", Insecure: true, Location: true, Include: true}},
	{"flags negated", "curl -k --no-insecure -L --no-location --compressed --no-compressed -i --no-include https://x",
		Command{Method: "GET", URL: "https://x"}},
	{"show-headers is include", "curl --show-headers https://x", Command{Method: "GET", URL: "https://x", Include: true}},
	{"location trusted", "curl --location-trusted https://x",
		Command{Method: "GET", URL: "https://x", Location: true, LocationTrusted: true}},
	{"combined short flags", "curl -sSLki https://x",
		Command{Method: "GET", URL: "https://x", Location: true, Insecure: true, Include: true}},
	{"combined with a value at the end", "curl -sSLXPOST https://x", Command{Method: "POST", URL: "https://x", Location: true}},
	{"combined with a value in the next word", "curl -skX PUT https://x",
		Command{Method: "PUT", URL: "https://x", Insecure: true}},
	{"netrc", "curl -n https://x", Command{Method: "GET", URL: "https://x", Netrc: true}},
	{"netrc file", "curl --netrc-file ~/.netrc https://x", Command{Method: "GET", URL: "https://x", Netrc: true}},
	{"proxy", "curl -x http://proxy:3128 -U u:p --proxy-insecure https://x",
		Command{Method: "GET", URL: "https://x", Proxy: "http://proxy:3128", ProxyUser: "u:p"}},
	{"client cert", "curl -E client.pem --key client.key --cacert ca.pem https://x",
		Command{Method: "GET", URL: "https://x", Cert: "client.pem"}},
	{"values of options are not urls", "curl -A 'agent' -e https://ref -m 5 -o out -w '%{http_code}' -r 0-9 -y 1 -Y 1 -z date --max-time 3 --connect-timeout 2 --retry 1 --user-agent ua --referer r --output o --write-out w --resolve x:443:1.2.3.4 --connect-to a:443:b:443 --cert-type PEM --limit-rate 1k -D - -C - https://x",
		Command{Method: "GET", URL: "https://x"}},
	{"expand prefix", `curl --expand-header "Authorization: Bearer {{T}}" --variable T@file https://x`,
		Command{Method: "GET", URL: "https://x", Headers: []Header{{Name: "Authorization", Value: "Bearer {{T}}"}}}},
	{"end of options", "curl -k -- -not-an-option", Command{Method: "GET", URL: "-not-an-option", Insecure: true}},
	{"dash alone is positional", "curl - ", Command{Method: "GET", URL: "-"}},
	{"option values may start with a dash", "curl -d -x https://x", Command{Method: "POST", URL: "https://x", Data: []string{"-x"}}},
	{"unknown options are kept", "curl --frobnicate -W https://x --insecure=yes",
		Command{Method: "GET", URL: "https://x", Unknown: []string{"--frobnicate", "-W", "--insecure=yes"}}},
	{"unknown letter in a cluster", "curl -sWk https://x",
		Command{Method: "GET", URL: "https://x", Insecure: true, Unknown: []string{"-W"}}},
	{"missing argument", "curl https://x -H", Command{Method: "GET", URL: "https://x", Unknown: []string{"-H"}}},
	{"missing argument long", "curl https://x --data", Command{Method: "GET", URL: "https://x", Unknown: []string{"--data"}}},
	{"config file", "curl -K opts.txt https://x", Command{Method: "GET", URL: "https://x", Unknown: []string{"--config opts.txt"}}},
	{"next stops", "curl -d a https://x --next -X PUT https://y",
		Command{Method: "POST", URL: "https://x", Data: []string{"a"}, Unknown: []string{"--next"}}},
	{"next short", "curl https://x -: https://y", Command{Method: "GET", URL: "https://x", Unknown: []string{"--next"}}},
	{"unquoted header value spills", "curl -H Authorization: Bearer abc https://x",
		Command{Method: "GET", URL: "Bearer", MoreURLs: []string{"abc", "https://x"},
			Headers: []Header{{Name: "Authorization", Remove: true}}}},
	{"curl.exe and paths", `/usr/bin/curl -k https://x`, Command{Method: "GET", URL: "https://x", Insecure: true}},
	{"windows exe", `CURL.EXE https://x`, Command{Method: "GET", URL: "https://x"}},
	{"shell prompt", "$ curl https://x", Command{Method: "GET", URL: "https://x"}},
	{"piped", `curl -s -H "Authorization: Bearer $TOKEN" https://x | jq .`,
		Command{Method: "GET", URL: "https://x", Headers: []Header{{Name: "Authorization", Value: "Bearer $TOKEN"}}}},
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, in string
		want     string // substring of the error; "" means ErrNotCurl
	}{
		{"empty", "", ""},
		{"blank", " \n\t", ""},
		{"other program", "wget https://x", ""},
		{"curl-like word", "curly https://x", ""},
		{"token", "eyJhbGciOiJIUzI1NiJ9.e30.x", ""},
		{"other program with bad quoting", "echo 'x", ""},
		{"unterminated single", "curl 'https://x", "unterminated single quote starting at byte 5"},
		{"unterminated double", `curl -H "a: b`, "unterminated double quote starting at byte 8"},
		{"unterminated double after escape", `curl "a\"`, "unterminated double quote"},
		{"unterminated ansi-c", `curl $'abc\'`, "unterminated $' quote starting at byte 5"},
		{"unterminated cmd", `curl ^"https://x^" -H "a`, "unterminated double quote"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.in)
			if err == nil {
				t.Fatalf("Parse(%q) succeeded", tc.in)
			}
			if tc.want == "" {
				if !errors.Is(err, ErrNotCurl) {
					t.Errorf("Parse(%q) = %v, want ErrNotCurl", tc.in, err)
				}
				return
			}
			var se *SyntaxError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse(%q) = %v, want a SyntaxError containing %q", tc.in, err, tc.want)
			}
			if strings.Contains(err.Error(), ". ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q is more than one sentence", err)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	s := "curl -d '" + strings.Repeat("a", MaxInput) + "' https://x"
	if _, err := Parse(s); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse of %d bytes = %v, want ErrTooLarge", len(s), err)
	}
}

func TestLooks(t *testing.T) {
	yes := []string{"curl https://x", "  \n curl\t-k", "curl", "CURL x", "curl.exe x", "$ curl x", "curl ^\"x^\""}
	no := []string{"", "curly x", "wget x", "Bearer abc", "xcurl", "'curl' x", "# curl x", "curl-config"}
	for _, s := range yes {
		if !Looks(s) {
			t.Errorf("Looks(%q) = false", s)
		}
	}
	for _, s := range no {
		if Looks(s) {
			t.Errorf("Looks(%q) = true", s)
		}
	}
}

func TestCommandHeaderLookup(t *testing.T) {
	c, err := Parse("curl -H 'authorization: Bearer a' -H 'X-A:' -H 'Authorization: Basic b' https://x")
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := c.Header("Authorization"); !ok || v != "Bearer a" {
		t.Errorf("Header = %q, %v", v, ok)
	}
	if got := c.Values("AUTHORIZATION"); !reflect.DeepEqual(got, []string{"Bearer a", "Basic b"}) {
		t.Errorf("Values = %q", got)
	}
	if _, ok := c.Header("X-A"); ok {
		t.Error("a removal counts as a value")
	}
}
