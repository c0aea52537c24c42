package curl

import (
	"reflect"
	"testing"
)

// Samples in the exact shape browsers and API tools write them. Tokens and
// cookies are fake.
const (
	// Chrome/Edge "Copy as cURL (bash)": one option a line, lower-case
	// header names, cookies as -b, a body with a quote as $'…' in which
	// ! and control characters are \uXXXX.
	chromeBash = `curl 'https://api.example.com/v1/orders?limit=20' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -H 'authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSJ9.c2ln' \
  -b 'session=8f2a; _ga=GA1.1.1.1; theme=dark' \
  -H 'content-type: application/json' \
  -H 'origin: https://app.example.com' \
  -H 'priority: u=1, i' \
  -H 'referer: https://app.example.com/' \
  -H 'sec-ch-ua: "Chromium";v="128", "Not;A=Brand";v="24", "Google Chrome";v="128"' \
  -H 'sec-ch-ua-mobile: ?0' \
  -H 'sec-ch-ua-platform: "macOS"' \
  -H 'sec-fetch-dest: empty' \
  -H 'sec-fetch-mode: cors' \
  -H 'sec-fetch-site: same-site' \
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36' \
  --data-raw $'{"note":"it\'s urgent\u0021","lines":"a\\nb","city":"Zürich"}'`

	// Chrome "Copy as cURL (cmd)": every argument in ^"…^", ^ before
	// punctuation, inner quotes as \^", a newline in the body as ^ and two
	// line breaks, lines continued with ^.
	chromeCmd = "curl ^\"https://api.example.com/v1/orders?limit=20^&page=2^\" ^\r\n" +
		"  -H ^\"accept: application/json, text/plain, */*^\" ^\r\n" +
		"  -H ^\"authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln^\" ^\r\n" +
		"  -b ^\"session=8f2a; theme=dark^\" ^\r\n" +
		"  -H ^\"content-type: application/json^\" ^\r\n" +
		"  -H ^\"sec-ch-ua: ^\\^\"Chromium^\\^\";v=^\\^\"128^\\^\"^\" ^\r\n" +
		"  -H ^\"user-agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)^\" ^\r\n" +
		"  --data-raw ^\"^{^\\^\"note^\\^\":^\\^\"100^%^ sure^\\^\",^\\^\"x^\\^\":^[1,2^]^}^\""

	// Firefox "Copy as cURL (POSIX)": one line, Title-Case header names,
	// cookies as a Cookie header, --compressed after the URL.
	firefoxPOSIX = `curl 'https://api.example.com/v1/me' --compressed -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'Authorization: Bearer opaque-abc123' -H 'Content-Type: application/json' -H 'Origin: https://app.example.com' -H 'Connection: keep-alive' -H 'Cookie: session=8f2a; theme=dark' -H 'Sec-Fetch-Dest: empty' -H 'Sec-Fetch-Mode: cors' -H 'Sec-Fetch-Site: same-site' -H 'TE: trailers' --data-raw $'{"emoji":"\ud83d\ude00","name":"O\'Brien","acc":"\xe9"}'`

	// Firefox "Copy as cURL (Windows)": ^"…^" quoting on one line.
	firefoxWindows = `curl ^"https://api.example.com/v1/me^" --compressed -H ^"Accept: */*^" -H ^"Authorization: Bearer opaque-abc123^" -H ^"Cookie: session=8f2a^"`

	// Safari "Copy as cURL".
	safari = `curl 'https://api.example.com/v1/me' \
-X 'GET' \
-H 'Accept: application/json' \
-H 'Authorization: Basic YWxpY2U6czNjcjN0' \
-H 'User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'`

	// Postman's code snippet.
	postman = `curl --location 'https://api.example.com/v1/orders' \
--header 'Content-Type: application/json' \
--header 'Authorization: Bearer eyJ.e30.sig' \
--data '{
    "qty": 1
}'`

	// Insomnia's "Copy as Curl".
	insomnia = `curl --request POST \
  --url https://api.example.com/v1/orders \
  --header 'Authorization: Bearer eyJ.e30.sig' \
  --header 'Content-Type: application/json' \
  --cookie session=8f2a \
  --data '{"qty":1}'`
)

var browserCases = []struct {
	name, in string
	want     Command
}{
	{"chrome bash", chromeBash, Command{
		Method: "POST",
		URL:    "https://api.example.com/v1/orders?limit=20",
		Headers: []Header{
			{Name: "accept", Value: "application/json, text/plain, */*"},
			{Name: "accept-language", Value: "en-GB,en;q=0.9"},
			{Name: "authorization", Value: "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSJ9.c2ln"},
			{Name: "content-type", Value: "application/json"},
			{Name: "origin", Value: "https://app.example.com"},
			{Name: "priority", Value: "u=1, i"},
			{Name: "referer", Value: "https://app.example.com/"},
			{Name: "sec-ch-ua", Value: `"Chromium";v="128", "Not;A=Brand";v="24", "Google Chrome";v="128"`},
			{Name: "sec-ch-ua-mobile", Value: "?0"},
			{Name: "sec-ch-ua-platform", Value: `"macOS"`},
			{Name: "sec-fetch-dest", Value: "empty"},
			{Name: "sec-fetch-mode", Value: "cors"},
			{Name: "sec-fetch-site", Value: "same-site"},
			{Name: "user-agent", Value: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36"},
		},
		Data:    []string{`{"note":"it's urgent!","lines":"a\nb","city":"Zürich"}`},
		Cookies: []string{"session=8f2a; _ga=GA1.1.1.1; theme=dark"},
	}},
	{"chrome cmd", chromeCmd, Command{
		Method: "POST",
		URL:    "https://api.example.com/v1/orders?limit=20&page=2",
		Headers: []Header{
			{Name: "accept", Value: "application/json, text/plain, */*"},
			{Name: "authorization", Value: "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"},
			{Name: "content-type", Value: "application/json"},
			{Name: "sec-ch-ua", Value: `"Chromium";v="128"`},
			{Name: "user-agent", Value: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"},
		},
		Data:    []string{`{"note":"100% sure","x":[1,2]}`},
		Cookies: []string{"session=8f2a; theme=dark"},
	}},
	{"firefox posix", firefoxPOSIX, Command{
		Method: "POST",
		URL:    "https://api.example.com/v1/me",
		Headers: []Header{
			{Name: "User-Agent", Value: "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"},
			{Name: "Accept", Value: "*/*"},
			{Name: "Accept-Language", Value: "en-US,en;q=0.5"},
			{Name: "Accept-Encoding", Value: "gzip, deflate, br, zstd"},
			{Name: "Authorization", Value: "Bearer opaque-abc123"},
			{Name: "Content-Type", Value: "application/json"},
			{Name: "Origin", Value: "https://app.example.com"},
			{Name: "Connection", Value: "keep-alive"},
			{Name: "Cookie", Value: "session=8f2a; theme=dark"},
			{Name: "Sec-Fetch-Dest", Value: "empty"},
			{Name: "Sec-Fetch-Mode", Value: "cors"},
			{Name: "Sec-Fetch-Site", Value: "same-site"},
			{Name: "TE", Value: "trailers"},
		},
		Data:       []string{"{\"emoji\":\"😀\",\"name\":\"O'Brien\",\"acc\":\"\xe9\"}"},
		Compressed: true,
	}},
	{"firefox windows", firefoxWindows, Command{
		Method: "GET",
		URL:    "https://api.example.com/v1/me",
		Headers: []Header{
			{Name: "Accept", Value: "*/*"},
			{Name: "Authorization", Value: "Bearer opaque-abc123"},
			{Name: "Cookie", Value: "session=8f2a"},
		},
		Compressed: true,
	}},
	{"safari", safari, Command{
		Method: "GET",
		URL:    "https://api.example.com/v1/me",
		Headers: []Header{
			{Name: "Accept", Value: "application/json"},
			{Name: "Authorization", Value: "Basic YWxpY2U6czNjcjN0"},
			{Name: "User-Agent", Value: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"},
		},
	}},
	{"postman", postman, Command{
		Method: "POST",
		URL:    "https://api.example.com/v1/orders",
		Headers: []Header{
			{Name: "Content-Type", Value: "application/json"},
			{Name: "Authorization", Value: "Bearer eyJ.e30.sig"},
		},
		Data:     []string{"{\n    \"qty\": 1\n}"},
		Location: true,
	}},
	{"insomnia", insomnia, Command{
		Method: "POST",
		URL:    "https://api.example.com/v1/orders",
		Headers: []Header{
			{Name: "Authorization", Value: "Bearer eyJ.e30.sig"},
			{Name: "Content-Type", Value: "application/json"},
		},
		Data:    []string{`{"qty":1}`},
		Cookies: []string{"session=8f2a"},
	}},
}

func TestBrowserSamples(t *testing.T) {
	for _, tc := range browserCases {
		t.Run(tc.name, func(t *testing.T) {
			if !Looks(tc.in) {
				t.Errorf("Looks = false")
			}
			got, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Parse\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}
