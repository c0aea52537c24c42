package servermsg

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzReadBody(f *testing.F) {
	seeds := []struct{ ct, body string }{
		{"application/json", `{"error":"invalid_token","error_description":"The token expired at '11/27/2026 09:56:48'"}`},
		{"application/problem+json", `{"type":"about:blank","title":"Unauthorized","status":401,"detail":"x"}`},
		{"application/json", `{"kind":"Status","message":"Unauthorized","reason":"Unauthorized","code":401}`},
		{"application/json", `{"error":{"code":403,"message":"m","status":"PERMISSION_DENIED","details":[{"reason":"R"}]}}`},
		{"application/json", `{"error":{"code":"InvalidAuthenticationToken","message":"m"}}`},
		{"application/json", `{"message":"Bad credentials","documentation_url":"u"}`},
		{"", `{"__type":"a#B","message":"m"}`},
		{"application/xml", `<Error><Code>C</Code><Message>M</Message><AuthenticationErrorDetail>D</AuthenticationErrorDetail></Error>`},
		{"text/html", `<html><head><title>T</title><script>x</script></head><body><p>a &amp; b</p></body></html>`},
		{"text/plain; charset=latin1", "caf\xe9"},
		{"", "\x00\x01\x02"},
		{"application/json", `{"errors":[{"message":"m","extensions":{"code":"C"}}]}`},
		{"text/html", "<html><body><scrip"},
		{"application/xml", "<?xml version=\"1.0\"?><a><b>"},
	}
	for _, s := range seeds {
		f.Add(s.ct, []byte(s.body))
	}
	f.Fuzz(func(t *testing.T, ct string, body []byte) {
		b := ReadBody(ct, body)
		checkBodyBounds(t, b)
	})
}

func FuzzClassify(f *testing.F) {
	for _, c := range realWordings {
		f.Add(c.text)
	}
	f.Add("The audience 'a' is invalid; The signature key was not found")
	f.Add("AADSTS70002: x. AADSTS50012: Client assertion is not within its valid time range.\r\nTrace ID: 1")
	f.Add("\xff\xfeThe token expired at '\xff'")
	f.Fuzz(func(t *testing.T, text string) {
		sts := Classify("fuzz", text)
		clean := strings.ToValidUTF8(text, "\uFFFD")
		for _, st := range sts {
			if !knownID(st.ID) {
				t.Fatalf("unknown id %q", st.ID)
			}
			if st.Source != "fuzz" {
				t.Fatalf("source %q", st.Source)
			}
			if st.Quote == "" || !utf8.ValidString(st.Quote) || utf8.RuneCountInString(st.Quote) > maxQuote {
				t.Fatalf("bad quote %q", st.Quote)
			}
			if !strings.Contains(clean, strings.TrimSuffix(st.Quote, "…")) {
				t.Fatalf("quote %q is not in the text", st.Quote)
			}
			for k, v := range st.Values {
				if !utf8.ValidString(v) || utf8.RuneCountInString(v) > maxExtraValue || k == "" {
					t.Fatalf("bad value %q=%q", k, v)
				}
			}
		}
	})
}

func FuzzRead(f *testing.F) {
	f.Add(401, "application/json", `{"error":"invalid_grant","error_description":"AADSTS50173: x"}`, "UnauthorizedException", "AuthenticationFailed", "The token expired at '11/27/2026 09:56:48'")
	f.Add(403, "application/xml", `<Error><Code>RequestTimeTooSkewed</Code><RequestTime>x</RequestTime></Error>`, "", "", "")
	f.Fuzz(func(t *testing.T, status int, ct, body, amzn, ms, desc string) {
		rep := Read(Response{Status: status, Body: []byte(body), Descriptions: []string{desc},
			Headers: hdr("Content-Type", ct, "X-Amzn-ErrorType", amzn, "x-ms-error-code", ms, "x-amz-apigw-id", "a", "X-Accepted-OAuth-Scopes", amzn, "X-OAuth-Scopes", ms)})
		checkBodyBounds(t, rep.Body)
		if len(rep.Statements) > maxStatements {
			t.Fatalf("%d statements", len(rep.Statements))
		}
		for _, st := range rep.Statements {
			if !knownID(st.ID) || !utf8.ValidString(st.Quote) || utf8.RuneCountInString(st.Quote) > maxQuote {
				t.Fatalf("bad statement %+v", st)
			}
		}
	})
}

// FuzzPrefilter checks the prefilter never hides a match: whenever a rule's
// pattern matches, its required words are in the folded text.
func FuzzPrefilter(f *testing.F) {
	for i := 0; i < len(realWordings); i += 8 {
		f.Add(realWordings[i].text)
	}
	f.Add("ſcope is insufficient; TOKEN HAS EXPIRED")
	f.Fuzz(func(t *testing.T, text string) {
		text = limitText(text)
		lower := foldLower(text)
		for _, set := range [][]rule{vendorRules(), genericRules()} {
			for i := range set {
				r := &set[i]
				if r.re.MatchString(text) && !r.mayMatch(lower) {
					t.Fatalf("prefilter %q hides a match of %q in %q", r.need, r.re, text)
				}
			}
		}
	})
}
