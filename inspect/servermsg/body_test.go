package servermsg

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestReadBodyKinds(t *testing.T) {
	cases := []struct {
		name, contentType, body string
		kind, err, desc         string
		extra                   map[string]string
	}{
		{"empty", "application/json", "", "", "", "", nil},
		{"whitespace", "text/plain", " \r\n\t ", "", "", "", nil},
		{"oauth2 Entra", "application/json; charset=utf-8",
			`{"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired due to it being revoked.\r\nTrace ID: 62d60ed5\r\nCorrelation ID: 23f6c5a9\r\nTimestamp: 2021-10-29 10:23:09Z","error_codes":[50173,90033],"timestamp":"2021-10-29 10:23:09Z","trace_id":"62d60ed5","error_uri":"https://login.microsoftonline.com/error?code=50173"}`,
			"oauth2", "invalid_grant", "AADSTS50173: The provided grant has expired due to it being revoked.\nTrace ID: 62d60ed5\nCorrelation ID: 23f6c5a9\nTimestamp: 2021-10-29 10:23:09Z",
			map[string]string{"error_codes": "50173,90033", "trace_id": "62d60ed5", "error_uri": "https://login.microsoftonline.com/error?code=50173"}},
		{"oauth2 code only", "application/json", `{"error":"use_dpop_nonce"}`, "oauth2", "use_dpop_nonce", "", nil},
		{"problem ASP.NET", "application/problem+json",
			`{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,"detail":"Invalid token: The token expired at '01/01/2024 01:00:00'","traceId":"00-abc-01"}`,
			"problem", "unauthorized", "Invalid token: The token expired at '01/01/2024 01:00:00'",
			map[string]string{"title": "Unauthorized", "status": "401", "traceId": "00-abc-01"}},
		{"problem without media type", "application/json",
			`{"type":"https://api.example.com/errors/token-expired","status":401,"detail":"The provided access token expired at 2026-10-06T00:00:00Z."}`,
			"problem", "token-expired", "The provided access token expired at 2026-10-06T00:00:00Z.", nil},
		{"kubernetes", "application/json",
			`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"alice\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}`,
			"kubernetes", "Forbidden", `pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"`,
			map[string]string{"code": "403", "details_kind": "pods", "status": "Failure"}},
		{"google", "application/json; charset=UTF-8",
			`{"error":{"code":403,"message":"Request had insufficient authentication scopes.","errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],"status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com","metadata":{"service":"gmail.googleapis.com","method":"caribou.api.proto.MailboxService.CreateDraft"}}]}}`,
			"google", "PERMISSION_DENIED", "Request had insufficient authentication scopes.",
			map[string]string{"code": "403", "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "service": "gmail.googleapis.com", "errors_reason": "insufficientPermissions"}},
		{"google legacy", "application/json",
			`{"error":{"errors":[{"domain":"global","reason":"authError","message":"Invalid Credentials","locationType":"header","location":"Authorization"}],"code":401,"message":"Invalid Credentials"}}`,
			"google", "", "Invalid Credentials", map[string]string{"errors_reason": "authError"}},
		{"graph", "application/json",
			`{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid.","innerError":{"date":"2024-01-01T00:00:00","request-id":"abc","client-request-id":"def"}}}`,
			"graph", "InvalidAuthenticationToken", "Access token has expired or is not yet valid.", map[string]string{"request-id": "abc"}},
		{"aws API Gateway", "application/json", `{"message":"Missing Authentication Token"}`, "aws", "", "Missing Authentication Token", nil},
		{"aws JSON protocol", "application/x-amz-json-1.0",
			`{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"The security token included in the request is invalid."}`,
			"aws", "UnrecognizedClientException", "The security token included in the request is invalid.",
			map[string]string{"__type": "com.amazon.coral.service#UnrecognizedClientException"}},
		{"aws Lambda URL", "", `{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}`,
			"aws", "", "Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html", nil},
		{"aws S3 XML", "application/xml",
			`<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20191102T153031Z</RequestTime><ServerTime>2019-11-02T15:56:35Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestId>6C8855BC97D17A1B</RequestId><HostId>3bwh</HostId></Error>`,
			"aws", "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.",
			map[string]string{"RequestTime": "20191102T153031Z", "ServerTime": "2019-11-02T15:56:35Z", "MaxAllowedSkewMilliseconds": "900000"}},
		{"aws STS Query XML", "text/xml",
			`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>4d5e</RequestId></ErrorResponse>`,
			"aws", "InvalidClientTokenId", "The security token included in the request is invalid.", map[string]string{"Type": "Sender"}},
		{"azure storage XML", "application/xml",
			"\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>InvalidAuthenticationInfo</Code><Message>Server failed to authenticate the request. Please refer to the information in the www-authenticate header.\nRequestId:43f02504-301e\nTime:2023-10-12T06:59:11.6366569Z</Message><AuthenticationErrorDetail>Audience validation failed. Audience did not match.</AuthenticationErrorDetail></Error>",
			"xml", "InvalidAuthenticationInfo", "Server failed to authenticate the request. Please refer to the information in the www-authenticate header.",
			map[string]string{"AuthenticationErrorDetail": "Audience validation failed. Audience did not match.", "RequestId": "43f02504-301e", "Time": "2023-10-12T06:59:11.6366569Z"}},
		{"other XML", "application/xml", `<fault><reason>nope</reason></fault>`, "xml", "", "nope", nil},
		{"github", "application/json; charset=utf-8",
			`{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}`,
			"github", "", "Bad credentials", map[string]string{"documentation_url": "https://docs.github.com/rest", "status": "401"}},
		{"Spring Boot error JSON", "application/json",
			`{"timestamp":"2024-01-01T00:00:00.000+00:00","status":401,"error":"Unauthorized","path":"/api/orders"}`,
			"json", "Unauthorized", "", map[string]string{"path": "/api/orders", "status": "401"}},
		{"Okta API", "application/json",
			`{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae123","errorCauses":[]}`,
			"json", "E0000011", "Invalid token provided", map[string]string{"errorId": "oae123"}},
		{"GraphQL", "application/json",
			`{"errors":[{"message":"Your token has not been granted the required scopes.","extensions":{"code":"FORBIDDEN"}}]}`,
			"json", "FORBIDDEN", "Your token has not been granted the required scopes.", nil},
		{"JSON array", "application/json", `[{"message":"jwt expired","code":"TOKEN_EXPIRED"}]`, "json", "TOKEN_EXPIRED", "jwt expired", nil},
		{"JSON string", "application/json", `"jwt malformed"`, "json", "", "jwt malformed", nil},
		{"JSON number", "application/json", `401`, "json", "", "", nil},
		{"malformed JSON", "application/json", `{"error": "invalid_token", "error_description": "The token`, "text", "",
			`{"error": "invalid_token", "error_description": "The token`, map[string]string{"note": "the body looks like JSON but does not parse"}},
		{"JSON with text/plain", "text/plain", `{"message":"Forbidden"}`, "aws", "", "Forbidden", nil},
		{"nginx 401 page", "text/html",
			"<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n",
			"html", "", "401 Authorization Required nginx/1.25.3", map[string]string{"title": "401 Authorization Required"}},
		{"HTML with scripts and entities", "",
			`<!DOCTYPE html><html><head><title>Access &amp; Denied</title><style>body{color:red}</style></head><body><script>var t="<b>secret</b>";</script><!-- hidden --><p>You don&#39;t have   permission</p><noscript>enable js</noscript></body></html>`,
			"html", "", "You don't have permission", map[string]string{"title": "Access & Denied"}},
		{"HTML Latin-1", "text/html; charset=ISO-8859-1", "<html><body>Zugriff verweigert f\xfcr Benutzer</body></html>",
			"html", "", "Zugriff verweigert für Benutzer", nil},
		{"plain text", "text/plain", "Unauthorized\n", "text", "", "Unauthorized", nil},
		{"plain text collapsed", "", "  jwt\texpired\n\n", "text", "", "jwt expired", nil},
		{"binary", "application/octet-stream", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := ReadBody(c.contentType, []byte(c.body))
			if b.Kind != c.kind || b.Error != c.err || b.Description != c.desc {
				t.Fatalf("ReadBody = %q/%q/%q, want %q/%q/%q (extra %v)", b.Kind, b.Error, b.Description, c.kind, c.err, c.desc, b.Extra)
			}
			for k, want := range c.extra {
				if b.Extra[k] != want {
					t.Errorf("Extra[%q] = %q, want %q (all: %v)", k, b.Extra[k], want, b.Extra)
				}
			}
			checkBodyBounds(t, b)
		})
	}
}

func TestReadBodyHuge(t *testing.T) {
	body := bytes.Repeat([]byte("denied "), 400000) // 2.8 MB
	b := ReadBody("text/plain", body)
	if b.Kind != "text" || b.Extra["truncated"] == "" || utf8.RuneCountInString(b.Description) > maxPageText {
		t.Fatalf("got kind %q, %d runes, extra %v", b.Kind, utf8.RuneCountInString(b.Description), b.Extra)
	}
	// A JSON body cut at the cap no longer parses; it is still read as text.
	huge := `{"error":"invalid_token","error_description":"` + strings.Repeat("a", 2<<20) + `"}`
	b = ReadBody("application/json", []byte(huge))
	if b.Kind != "text" || b.Extra["truncated"] == "" {
		t.Fatalf("got %q %v", b.Kind, b.Extra)
	}
	// A long description inside valid JSON is capped.
	long := `{"error":"invalid_token","error_description":"` + strings.Repeat("b", 100000) + `"}`
	b = ReadBody("application/json", []byte(long))
	if b.Kind != "oauth2" || utf8.RuneCountInString(b.Description) > maxDescription {
		t.Fatalf("got %q with %d runes", b.Kind, utf8.RuneCountInString(b.Description))
	}
	checkBodyBounds(t, b)
}

func TestReadBodyDeepAndWide(t *testing.T) {
	deep := strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000)
	checkBodyBounds(t, ReadBody("application/json", []byte(deep)))
	var wide strings.Builder
	wide.WriteString("{")
	for i := 0; i < 1000; i++ {
		if i > 0 {
			wide.WriteString(",")
		}
		wide.WriteString(`"k` + strings.Repeat("x", i%50) + string(rune('a'+i%26)) + `":"v"`)
	}
	wide.WriteString("}")
	checkBodyBounds(t, ReadBody("application/json", []byte(wide.String())))
	xmlDeep := strings.Repeat("<a>", 10000) + "x" + strings.Repeat("</a>", 10000)
	checkBodyBounds(t, ReadBody("application/xml", []byte(xmlDeep)))
}

// checkBodyBounds holds for every Body: valid UTF-8 and the documented caps.
func checkBodyBounds(t *testing.T, b Body) {
	t.Helper()
	for name, s := range map[string]string{"Kind": b.Kind, "Error": b.Error, "Description": b.Description} {
		if !utf8.ValidString(s) {
			t.Errorf("%s is not UTF-8: %q", name, s)
		}
	}
	if n := utf8.RuneCountInString(b.Error); n > maxError {
		t.Errorf("Error has %d runes", n)
	}
	if n := utf8.RuneCountInString(b.Description); n > maxDescription {
		t.Errorf("Description has %d runes", n)
	}
	if len(b.Extra) > maxExtraEntries {
		t.Errorf("Extra has %d entries", len(b.Extra))
	}
	for k, v := range b.Extra {
		if !utf8.ValidString(k) || !utf8.ValidString(v) || utf8.RuneCountInString(v) > maxExtraValue || utf8.RuneCountInString(k) > 64 {
			t.Errorf("Extra[%q] = %q breaks the bounds", k, v)
		}
	}
}
