package servermsg

import (
	"strings"
	"testing"
)

// TestClassifyNothingSpecific: text that names no cause yields no
// statement, so the engine quotes it as SERVER_SAYS itself.
func TestClassifyNothingSpecific(t *testing.T) {
	for _, text := range []string{
		"", "   ", "Unauthorized", "Invalid token", "invalid token", "invalid_token", "Forbidden",
		"Access token validation failed", "401 Authorization Required", "Authorization Required",
		"Authentication required", "The token is valid until tomorrow", "Token not expired",
		"The signature is valid", "token_expired_at: 2026-11-27", "Please provide a valid audience parameter",
		"Your session will expire in 5 minutes", "Request failed", "Not Found",
	} {
		if got := Classify("body message", text); len(got) != 0 {
			t.Errorf("Classify(%q) = %+v, want nothing", text, got)
		}
	}
}

// TestClassifyRecognisedButCauseless: vendor wordings that name no cause
// come back with an empty ID, the vendor and a note.
func TestClassifyRecognisedButCauseless(t *testing.T) {
	for _, c := range []struct{ text, vendor string }{
		{"Bad credentials", vGitHub},
		{"Token verification failed", vKeycloak},
		{"Invalid Token", vAuth0},
		{"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", vGoogle},
		{"AADSTS50058: A silent sign-in request was sent but no user is signed in.", vEntra},
		{"IDX10999: something new", vIdentityModel},
	} {
		got := Classify("body message", c.text)
		if len(got) != 1 || got[0].ID != "" || got[0].Vendor != c.vendor {
			t.Errorf("Classify(%q) = %+v, want one empty-ID statement from %s", c.text, got, c.vendor)
		}
	}
}

// TestMissingAuthenticationTokenIsNotNoCredentials: API Gateway says it for
// unknown paths too, so it is an AWS_SIGNATURE statement with a note.
func TestMissingAuthenticationTokenIsNotNoCredentials(t *testing.T) {
	got := Classify("body message", "Missing Authentication Token")
	if len(got) != 1 || got[0].ID != AWSSignature || !strings.Contains(got[0].Values["note"], "path") {
		t.Fatalf("got %+v", got)
	}
}

func TestClassifyASPNETJoinedDescriptions(t *testing.T) {
	text := "The audience 'api://x' is invalid; The signature key was not found"
	got := Classify("error_description", text)
	if len(got) != 2 {
		t.Fatalf("got %+v", got)
	}
	if got[0].ID != AudienceMismatch || got[0].Quote != "The audience 'api://x' is invalid" {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].ID != KeyNotFound || got[1].Quote != "The signature key was not found" {
		t.Errorf("second = %+v", got[1])
	}
}

func TestClassifyTwoEntraCodes(t *testing.T) {
	text := "AADSTS70002: Error validating credentials. AADSTS50012: Client assertion is not within its valid time range.\r\nTrace ID: 80ad7758\r\nCorrelation ID: 986a6c2c"
	got := Classify("body error_description", text)
	if len(got) != 2 || got[0].ID != InvalidClient || got[1].ID != TokenExpired {
		t.Fatalf("got %+v", got)
	}
	if got[1].Quote != "AADSTS50012: Client assertion is not within its valid time range." {
		t.Errorf("quote = %q", got[1].Quote)
	}
	if strings.Contains(got[0].Quote, "Trace ID") {
		t.Errorf("quote keeps the trace id: %q", got[0].Quote)
	}
}

// TestVendorWordingBeatsGeneric: Entra's refresh-token sentence contains
// "has expired" but means a revoked grant.
func TestVendorWordingBeatsGeneric(t *testing.T) {
	got := Classify("x", "AADSTS700082: The refresh token has expired due to inactivity.")
	if len(got) != 1 || got[0].ID != TokenRevoked {
		t.Fatalf("got %+v", got)
	}
}

func TestClassifyValueDetails(t *testing.T) {
	cases := []struct {
		text, key, want string
	}{
		// ASP.NET prints month first (invariant culture).
		{"The token expired at '05/11/2026 19:45:32'", "expired_at", "2026-05-11T19:45:32Z"},
		{"The token expired at '[PII is hidden]'", "expired_at", ""},
		{"The audience '(null)' is invalid", "audience", ""},
		{"The audience '(null)' is invalid", "note", "the token has no aud claim ASP.NET could read"},
		{"Jwt expired at 2026-11-27T09:56:48.123Z", "expired_at", "2026-11-27T09:56:48Z"},
		{"Error while resolving signing key for kid \"undefined\"", "kid", ""},
		{"The access token must provide access to at least one of these scopes - profile, email, address or phone", "scope", "profile email address phone"},
		{"IDX10214: Audience validation failed. Audiences: 'a'. Did not match: validationParameters.ValidAudience: 'null' or validationParameters.ValidAudiences: 'b, c'.", "expected", "b, c"},
		{"AADSTS700024: Client assertion is not within its valid time range. Current time: 2024-05-28T06:01:42.5853621Z, assertion valid from 2024-05-28T07:19:01.0000000Z, expiry time of assertion 2024-05-28T07:29:01.0000000Z.", "not_before", "2024-05-28T07:19:01Z"},
	}
	for _, c := range cases {
		got := Classify("x", c.text)
		if len(got) == 0 {
			t.Errorf("Classify(%q) = nothing", c.text)
			continue
		}
		if got[0].Values[c.key] != c.want {
			t.Errorf("Classify(%q).Values[%q] = %q, want %q", c.text, c.key, got[0].Values[c.key], c.want)
		}
	}
	// An assertion whose validity starts after the server's clock is not
	// yet valid, whatever the code says.
	got := Classify("x", cases[len(cases)-1].text)
	if got[0].ID != TokenNotYetValid {
		t.Errorf("AADSTS700024 before nbf: %s", got[0].ID)
	}
}

func TestParseInstant(t *testing.T) {
	for in, want := range map[string]string{
		"11/27/2026 09:56:48":           "2026-11-27T09:56:48Z",
		"1/6/2025 1:03:26 PM":           "2025-01-06T13:03:26Z",
		"20230804T000000Z":              "2023-08-04T00:00:00Z",
		"2024-10-02T22:05:03.6755165Z":  "2024-10-02T22:05:03Z",
		"2026-11-27T10:56:48+01:00":     "2026-11-27T09:56:48Z",
		"2016-01-09 02:02:12Z":          "2016-01-09T02:02:12Z",
		"Fri, 31 Jan 2020 12:28:37 GMT": "2020-01-31T12:28:37Z",
		"Mon, 2 Jan 2006 15:04:05 GMT":  "2006-01-02T15:04:05Z",
		"1700000000":                    "2023-11-14T22:13:20Z",
		"1970-01-01T00:00:00.0000000Z":  "",
		"01/01/0001 00:00:00":           "",
		"System.DateTime":               "",
		"next tuesday":                  "",
	} {
		got, ok := parseInstant(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseInstant(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestQuoteStaysShort: a long message is cut, but the cut keeps the words
// that matched.
func TestQuoteStaysShort(t *testing.T) {
	text := strings.Repeat("blah ", 200) + "The token expired at '11/27/2026 09:56:48' " + strings.Repeat("more ", 200)
	got := Classify("x", text)
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	checkQuote(t, text, got[0].Quote)
	if !strings.HasPrefix(got[0].Quote, "The token expired at") {
		t.Errorf("quote = %q", got[0].Quote)
	}
}

func TestClassifyHugeText(t *testing.T) {
	text := strings.Repeat("x", 1<<20) + " The token expired at '11/27/2026 09:56:48'"
	if got := Classify("x", text); len(got) != 0 {
		t.Errorf("text beyond the cap was classified: %+v", got)
	}
	text = "The token expired at '11/27/2026 09:56:48' " + strings.Repeat("é", 1<<16)
	if got := Classify("x", text); len(got) != 1 {
		t.Errorf("got %+v", got)
	}
}

// TestRuleTables checks every rule once: known ids, vendor wordings name
// their vendor, generic ones do not.
func TestRuleTables(t *testing.T) {
	for _, r := range vendorRules() {
		if !knownID(r.id) || r.vendor == "" {
			t.Errorf("vendor rule %q: id %q vendor %q", r.re, r.id, r.vendor)
		}
	}
	for _, r := range genericRules() {
		if !knownID(r.id) || r.id == "" || r.vendor != "" {
			t.Errorf("generic rule %q: id %q vendor %q", r.re, r.id, r.vendor)
		}
	}
	for table, codes := range codeTables() {
		for code, m := range codes {
			if !knownID(m.id) || m.vendor == "" {
				t.Errorf("code table %d %q: %+v", table, code, m)
			}
		}
	}
	for code, e := range entraCodes() {
		if !knownID(e.id) {
			t.Errorf("AADSTS%s: %q", code, e.id)
		}
	}
}

func knownID(id string) bool {
	switch id {
	case "", NoCredentials, TokenExpired, TokenNotYetValid, ClockSkew, AudienceMismatch, IssuerMismatch,
		SignatureInvalid, KeyNotFound, TokenMalformed, InsufficientScope, StepUpRequired, ClaimsChallenge,
		DPoPRequired, DPoPNonceRequired, DPoPProofInvalid, InvalidRequest, AWSSignature, ForbiddenAuthz,
		WrongEnvironment, TokenRevoked, InvalidClient, ConsentRequired, InvalidGrant, InvalidScope, RateLimited:
		return true
	}
	return false
}
