package servermsg

import (
	"strings"
	"testing"
)

func hdr(kv ...string) []Header {
	var hs []Header
	for i := 0; i+1 < len(kv); i += 2 {
		hs = append(hs, Header{kv[i], kv[i+1]})
	}
	return hs
}

// want describes the statements Read must return, in order.
type want struct {
	id, vendor, source string
	values             map[string]string
}

func TestRead(t *testing.T) {
	cases := []struct {
		name string
		resp Response
		kind string
		want []want
	}{
		{"ASP.NET challenge description, empty body",
			Response{Status: 401, Descriptions: []string{"The token expired at '11/27/2026 09:56:48'"}},
			"", []want{{TokenExpired, vASPNET, "error_description", map[string]string{"expired_at": "2026-11-27T09:56:48Z"}}}},
		{"ASP.NET problem detail",
			Response{Status: 401, Headers: hdr("Content-Type", "application/problem+json"),
				Body: []byte(`{"type":"https://tools.ietf.org/html/rfc7235#section-3.1","title":"Unauthorized","status":401,"detail":"Invalid token: The token expired at '01/01/2024 01:00:00'"}`)},
			"problem", []want{{TokenExpired, vASPNET, "body detail", map[string]string{"expired_at": "2024-01-01T01:00:00Z"}}}},
		{"Keycloak says it twice",
			Response{Status: 401, Headers: hdr("Content-Type", "application/json"),
				Descriptions: []string{"Token verification failed"},
				Body:         []byte(`{"error":"invalid_token","error_description":"Token verification failed"}`)},
			"oauth2", []want{{"", vKeycloak, "error_description", nil}}},
		{"Google scope: the reason and the message agree, no FORBIDDEN_AUTHZ",
			Response{Status: 403, Headers: hdr("Content-Type", "application/json; charset=UTF-8"),
				Body: []byte(`{"error":{"code":403,"message":"Request had insufficient authentication scopes.","errors":[{"message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],"status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com"}]}}`)},
			"google", []want{{InsufficientScope, vGoogle, "body message", nil}, {InsufficientScope, vGoogle, "body errors message", nil}}},
		{"Google expired: the details reason explains the vague message",
			Response{Status: 401, Headers: hdr("Content-Type", "application/json"),
				Body: []byte(`{"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_EXPIRED","domain":"googleapis.com","metadata":{"service":"cloudkms.googleapis.com"}}]}}`)},
			"google", []want{{TokenExpired, vGoogle, "body details reason", map[string]string{"code": "ACCESS_TOKEN_EXPIRED"}}}},
		{"API Gateway missing token",
			Response{Status: 403, Headers: hdr("Content-Type", "application/json", "x-amzn-ErrorType", "MissingAuthenticationTokenException", "x-amz-apigw-id", "abc="),
				Body: []byte(`{"message":"Missing Authentication Token"}`)},
			"aws", []want{{AWSSignature, vAPIGateway, "body message", map[string]string{"reason": "missing_authentication_token"}}}},
		{"API Gateway authorizer Unauthorized",
			Response{Status: 401, Headers: hdr("Content-Type", "application/json", "x-amzn-ErrorType", "UnauthorizedException", "x-amz-apigw-id", "abc="),
				Body: []byte(`{"message":"Unauthorized"}`)},
			"aws", []want{{"", vAPIGateway, "body message", nil}}},
		{"AWS JSON protocol with header",
			Response{Status: 400, Headers: hdr("Content-Type", "application/x-amz-json-1.0", "X-Amzn-ErrorType", "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/"),
				Body: []byte(`{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"The security token included in the request is invalid."}`)},
			"aws", []want{{AWSSignature, vAWS, "body message", map[string]string{"reason": "invalid_security_token", "code": "UnrecognizedClientException"}}}},
		{"AWS code only, from the header",
			Response{Status: 403, Headers: hdr("X-Amzn-ErrorType", "IncompleteSignatureException")},
			"", []want{{AWSSignature, vAWS, "x-amzn-ErrorType", map[string]string{"reason": "incomplete_signature"}}}},
		{"S3 RequestTimeTooSkewed lends its instants",
			Response{Status: 403, Headers: hdr("Content-Type", "application/xml"),
				Body: []byte(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20191102T153031Z</RequestTime><ServerTime>2019-11-02T15:56:35Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>`)},
			"aws", []want{{ClockSkew, vAWS, "body message", map[string]string{"signed_at": "2019-11-02T15:30:31Z", "server_time": "2019-11-02T15:56:35Z", "tolerance": "15m0s", "code": "RequestTimeTooSkewed"}}}},
		{"S3 expired presigned URL",
			Response{Status: 403, Headers: hdr("Content-Type", "application/xml"),
				Body: []byte(`<Error><Code>AccessDenied</Code><Message>Request has expired</Message><X-Amz-Expires>60</X-Amz-Expires><Expires>2024-01-01T00:01:00Z</Expires><ServerTime>2024-01-01T01:00:00Z</ServerTime></Error>`)},
			"aws", []want{{TokenExpired, vAWS, "body message", map[string]string{"expired_at": "2024-01-01T00:01:00Z", "server_time": "2024-01-01T01:00:00Z"}}}},
		{"Azure Storage SAS expired",
			Response{Status: 403, Headers: hdr("Content-Type", "application/xml", "x-ms-error-code", "AuthenticationFailed"),
				Body: []byte("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:fc3ea0bb\nTime:2019-06-13T09:22:53.9093129Z</Message><AuthenticationErrorDetail>Signature not valid in the specified time frame: Start [Thu, 13 Jun 2019 16:18:07 GMT] - Expiry [Fri, 14 Jun 2019 16:23:07 GMT] - Current [Thu, 13 Jun 2019 09:22:53 GMT]</AuthenticationErrorDetail></Error>")},
			"xml", []want{{TokenNotYetValid, vStorage, "body AuthenticationErrorDetail", map[string]string{"not_before": "2019-06-13T16:18:07Z", "server_time": "2019-06-13T09:22:53Z"}}}},
		{"Azure Storage RBAC",
			Response{Status: 403, Headers: hdr("Content-Type", "application/xml", "x-ms-error-code", "AuthorizationPermissionMismatch"),
				Body: []byte("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.\nRequestId:8af1\nTime:2019-07-25T09:24:38.2773882Z</Message></Error>")},
			"xml", []want{{ForbiddenAuthz, vStorage, "body message", map[string]string{"code": "AuthorizationPermissionMismatch"}}}},
		{"Azure Storage header only",
			Response{Status: 401, Headers: hdr("x-ms-error-code", "NoAuthenticationInformation")},
			"", []want{{NoCredentials, vStorage, "x-ms-error-code", nil}}},
		{"Kubernetes 401",
			Response{Status: 401, Headers: hdr("Content-Type", "application/json"),
				Body: []byte(`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}`)},
			"kubernetes", []want{{"", vKubernetes, "body reason", nil}}},
		{"Kubernetes 403",
			Response{Status: 403, Headers: hdr("Content-Type", "application/json"),
				Body: []byte(`{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"system:anonymous\" cannot list resource \"pods\" in API group \"\" in the namespace \"default\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}`)},
			"kubernetes", []want{{ForbiddenAuthz, vKubernetes, "body message", map[string]string{"user": "system:anonymous", "namespace": "default"}}}},
		{"Graph expired",
			Response{Status: 401, Headers: hdr("Content-Type", "application/json"),
				Body: []byte(`{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid.","innerError":{"date":"2024-01-01T00:00:00"}}}`)},
			"graph", []want{{TokenExpired, vGraph, "body message", nil}}},
		{"Graph code only",
			Response{Status: 403, Headers: hdr("Content-Type", "application/json"),
				Body: []byte(`{"error":{"code":"Authorization_RequestDenied","message":"Something new."}}`)},
			"graph", []want{{InsufficientScope, vGraph, "body code", nil}}},
		{"Entra revoked grant is not a bare invalid_grant",
			Response{Status: 400, Headers: hdr("Content-Type", "application/json"),
				Body: []byte(`{"error":"invalid_grant","error_description":"AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.\r\nTrace ID: 1\r\nCorrelation ID: 2","error_codes":[50173]}`)},
			"oauth2", []want{{TokenRevoked, vEntra, "body error_description", map[string]string{"code": "AADSTS50173"}}}},
		{"bare invalid_grant",
			Response{Status: 400, Headers: hdr("Content-Type", "application/json"), Body: []byte(`{"error":"invalid_grant"}`)},
			"oauth2", []want{{InvalidGrant, vRFC6749, "body error", nil}}},
		{"DPoP nonce at the authorization server",
			Response{Status: 400, Headers: hdr("Content-Type", "application/json", "DPoP-Nonce", "eyJ7S_zG.eyJH0-Z.HX4w-7v"),
				Body: []byte(`{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof"}`)},
			"oauth2", []want{{DPoPNonceRequired, vRFC9449, "body error_description", nil}}},
		{"GitHub classic token without the scope",
			Response{Status: 404, Headers: hdr("Content-Type", "application/json", "X-Accepted-OAuth-Scopes", "repo", "X-OAuth-Scopes", "read:user, gist"),
				Body: []byte(`{"message":"Not Found","documentation_url":"https://docs.github.com/rest/repos/repos#get-a-repository","status":"404"}`)},
			"github", []want{{InsufficientScope, vGitHub, "X-Accepted-OAuth-Scopes", map[string]string{"scope": "repo"}}}},
		{"GitHub classic token with the scope",
			Response{Status: 404, Headers: hdr("X-Accepted-OAuth-Scopes", "repo", "X-OAuth-Scopes", "repo, gist"),
				Body: []byte(`{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}`)},
			"github", nil},
		{"GitHub fine-grained permission",
			Response{Status: 403, Headers: hdr("Content-Type", "application/json", "X-Accepted-GitHub-Permissions", "contents=write"),
				Body: []byte(`{"message":"Resource not accessible by personal access token","documentation_url":"https://docs.github.com/rest/repos/contents","status":"403"}`)},
			"github", []want{{InsufficientScope, vGitHub, "body message", map[string]string{"permission": "contents=write"}}}},
		{"GitHub SAML SSO",
			Response{Status: 403, Headers: hdr("X-GitHub-SSO", "required; url=https://github.com/orgs/acme/sso?authorization_request=abc")},
			"", []want{{ForbiddenAuthz, vGitHub, "X-GitHub-SSO", map[string]string{"reason": "saml_sso"}}}},
		{"plain Unauthorized says nothing",
			Response{Status: 401, Headers: hdr("Content-Type", "text/plain"), Body: []byte("Unauthorized")},
			"text", nil},
		{"nginx page says nothing",
			Response{Status: 401, Headers: hdr("Content-Type", "text/html"), Body: []byte("<html><head><title>401 Authorization Required</title></head><body><h1>401 Authorization Required</h1></body></html>")},
			"html", nil},
		{"challenge and body together",
			Response{Status: 401, Headers: hdr("Content-Type", "application/json"),
				Descriptions: []string{"The audience 'api://a' is invalid"},
				Body:         []byte(`{"message":"jwt expired"}`)},
			"aws", []want{{AudienceMismatch, vASPNET, "error_description", nil}, {TokenExpired, vJSONWebTok, "body message", nil}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := Read(c.resp)
			if rep.Body.Kind != c.kind {
				t.Errorf("Body.Kind = %q, want %q", rep.Body.Kind, c.kind)
			}
			if len(rep.Statements) != len(c.want) {
				t.Fatalf("got %d statements, want %d: %+v", len(rep.Statements), len(c.want), rep.Statements)
			}
			for i, w := range c.want {
				st := rep.Statements[i]
				if st.ID != w.id || st.Vendor != w.vendor || st.Source != w.source {
					t.Errorf("[%d] = %s/%q/%q, want %s/%q/%q (%+v)", i, st.ID, st.Vendor, st.Source, w.id, w.vendor, w.source, st)
				}
				for k, v := range w.values {
					if st.Values[k] != v {
						t.Errorf("[%d].Values[%q] = %q, want %q (all: %v)", i, k, st.Values[k], v, st.Values)
					}
				}
				if st.Quote == "" {
					t.Errorf("[%d] has no quote", i)
				}
			}
		})
	}
}

// TestReadQuotesAreServerText: every quote Read returns is text the server
// sent, in a header, a description or the body.
func TestReadQuotesAreServerText(t *testing.T) {
	resp := Response{Status: 403, Headers: hdr("Content-Type", "application/json", "X-Amzn-ErrorType", "AccessDeniedException"),
		Descriptions: []string{"The signature is invalid"},
		Body:         []byte(`{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::1:user/a is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:1:table/T"}`)}
	rep := Read(resp)
	if len(rep.Statements) != 2 {
		t.Fatalf("%+v", rep.Statements)
	}
	all := string(resp.Body) + strings.Join(resp.Descriptions, "\n")
	for _, st := range rep.Statements {
		if !strings.Contains(all, strings.TrimSuffix(st.Quote, "…")) {
			t.Errorf("quote %q is not server text", st.Quote)
		}
	}
}
