package challenge

import (
	"fmt"
	"strings"
	"testing"
)

// recoveryCase checks one input in both modes. want and strictWant are the
// Format of the challenges each mode returns, which pins schemes, token68s,
// parameter order and (escaped) values in one readable string.
type recoveryCase struct {
	name       string // names the rule (L1–L10) or the real-world source
	fields     []string
	want       string   // Format of the lenient challenges
	codes      []string // codes the lenient parse must report
	strictWant string   // Format of the strict challenges
	strictErr  bool     // strict must report an error
}

var recoveryCases = []recoveryCase{
	{
		name:   "L1 HTAB after the scheme",
		fields: []string{"Basic\trealm=\"foo\""},
		want:   `Basic realm="foo"`, codes: []string{CodeTabAfterScheme},
		strictWant: `Basic`, strictErr: true,
	},
	{
		name:   "L1 HTAB before a comma is only OWS",
		fields: []string{"Basic\t, Bearer"},
		want:   `Basic, Bearer`, codes: []string{CodeBasicNoRealm},
		strictWant: `Basic, Bearer`,
	},
	{
		name:   "L2 AWS HTTP API JWT authorizer: no commas",
		fields: []string{`Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"`},
		want:   `Bearer scope="", error="invalid_token", error_description="the token does not have a valid audience"`,
		codes:  []string{CodeParamSeparator}, strictWant: `Bearer scope=""`, strictErr: true,
	},
	{
		name:   "L2 oauth.com tutorial: missing comma",
		fields: []string{`Bearer error="invalid_token" error_description="The access token expired"`},
		want:   `Bearer error="invalid_token", error_description="The access token expired"`,
		codes:  []string{CodeParamSeparator}, strictWant: `Bearer error="invalid_token"`, strictErr: true,
	},
	{
		name:   "L2 no whitespace either after a quoted value",
		fields: []string{`Bearer realm="a"error="invalid_token"`},
		want:   `Bearer realm="a", error="invalid_token"`,
		codes:  []string{CodeParamSeparator}, strictWant: `Bearer realm="a"`, strictErr: true,
	},
	{
		name:   "L2 a whole challenge without its comma",
		fields: []string{`Bearer realm="x" DPoP algs="ES256"`},
		want:   `Bearer realm="x", DPoP algs="ES256"`,
		codes:  []string{CodeMissingComma}, strictWant: `Bearer realm="x"`, strictErr: true,
	},
	{
		name:   "L3 Azure Storage: unquoted URLs separated by spaces",
		fields: []string{`Bearer authorization_uri=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/authorize resource_id=https://storage.azure.com`},
		want:   `Bearer authorization_uri="https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/authorize", resource_id="https://storage.azure.com"`,
		codes:  []string{CodeUnquotedValue, CodeParamSeparator}, strictWant: `Bearer`, strictErr: true,
	},
	{
		name:   "L3 greenbytes simplebasictokbs: backslashes outside quotes stay",
		fields: []string{`Basic realm=\f\o\o`},
		want:   `Basic realm="\\f\\o\\o"`, codes: []string{CodeUnquotedValue, CodeRealmNotQuoted},
		strictWant: `Basic`, strictErr: true,
	},
	{
		name:   "L3 unquoted URL followed by a comma",
		fields: []string{`Bearer realm=https://a.example/x, error=invalid_token`},
		want:   `Bearer realm="https://a.example/x", error=invalid_token`, codes: []string{CodeUnquotedValue},
		strictWant: `Bearer error=invalid_token`, strictErr: true,
	},
	{
		name:   "L4 unterminated quoted-string runs to the end of its field only",
		fields: []string{`Basic realm="basic`, `Bearer realm="x"`},
		want:   `Basic realm="basic", Bearer realm="x"`, codes: []string{CodeUnterminatedQuote},
		strictWant: `Basic, Bearer realm="x"`, strictErr: true,
	},
	{
		name:   "L5 Auth0: unescaped quotes inside error_description",
		fields: []string{`Bearer realm="api", error="invalid_token", error_description="unexpected "iss" claim value"`},
		want:   `Bearer realm="api", error="invalid_token", error_description="unexpected \"iss\" claim value"`,
		codes:  []string{CodeUnescapedQuote},
		// Strict keeps what the grammar gives ("unexpected ") and drops the rest.
		strictWant: `Bearer realm="api", error="invalid_token", error_description="unexpected "`, strictErr: true,
	},
	{
		name:   "L5 unescaped quotes, then more parameters",
		fields: []string{`Bearer error="invalid_token", error_description="The "aud" claim is invalid", error_uri="https://e.example/doc"`},
		want:   `Bearer error="invalid_token", error_description="The \"aud\" claim is invalid", error_uri="https://e.example/doc"`,
		codes:  []string{CodeUnescapedQuote}, strictErr: true,
		strictWant: `Bearer error="invalid_token", error_description="The ", error_uri="https://e.example/doc"`,
	},
	{
		name:   "L5 not applied when no later quote ends the value",
		fields: []string{`Basic realm="a"b`},
		want:   `Basic realm="a"`, codes: []string{CodeUnexpectedText},
		strictWant: `Basic realm="a"`, strictErr: true,
	},
	{
		name:   "L5 still applies after an earlier L5 look-ahead failed",
		fields: []string{`Bearer realm="a" ??? , error_description="unexpected "iss" value"`},
		want:   `Bearer realm="a", error_description="unexpected \"iss\" value"`,
		codes:  []string{CodeUnexpectedText, CodeUnescapedQuote}, strictErr: true,
		strictWant: `Bearer realm="a", error_description="unexpected "`,
	},
	{
		name:   "L6 Sentry MCP: duplicate resource_metadata kept",
		fields: []string{`Bearer realm="OAuth", resource_metadata="https://mcp.sentry.dev/.well-known/oauth-protected-resource/mcp", error="invalid_token", resource_metadata="https://mcp.sentry.dev/.well-known/oauth-protected-resource"`},
		want:   `Bearer realm="OAuth", resource_metadata="https://mcp.sentry.dev/.well-known/oauth-protected-resource/mcp", error="invalid_token", resource_metadata="https://mcp.sentry.dev/.well-known/oauth-protected-resource"`,
		codes:  []string{CodeDuplicateParam}, strictErr: true,
		strictWant: `Bearer realm="OAuth", resource_metadata="https://mcp.sentry.dev/.well-known/oauth-protected-resource/mcp", error="invalid_token", resource_metadata="https://mcp.sentry.dev/.well-known/oauth-protected-resource"`,
	},
	{
		name:   "L7 HOBA demo: Scheme:",
		fields: []string{`HOBA: challenge="16:MTEyMzEyMzEyMw==1:028:https://www.example.com:8080:3:MTI48:NjgxNDdj",expires=180`},
		want:   `HOBA challenge="16:MTEyMzEyMzEyMw==1:028:https://www.example.com:8080:3:MTI48:NjgxNDdj", expires=180`,
		codes:  []string{CodeSchemeColon}, strictWant: `HOBA`, strictErr: true,
	},
	{
		name:   "L7 bare Scheme: before another challenge",
		fields: []string{`Newauth:, Basic realm="x"`},
		want:   `Newauth, Basic realm="x"`, codes: []string{CodeSchemeColon},
		strictWant: `Newauth, Basic realm="x"`, strictErr: true,
	},
	{
		name:   "L8 greenbytes simplebasiccomma2: Basic, realm=...",
		fields: []string{`Basic, realm="foo"`},
		want:   `Basic`, codes: []string{CodeParamWithoutChallenge, CodeBasicNoRealm},
		strictWant: `Basic`, strictErr: true,
	},
	{
		name:   "L8 parameter before any scheme",
		fields: []string{`realm="foo", Basic realm="bar"`},
		want:   `Basic realm="bar"`, codes: []string{CodeParamWithoutChallenge},
		strictWant: `Basic realm="bar"`, strictErr: true,
	},
	{
		name:   "L9 obs-text in ISO-8859-1",
		fields: []string{"Basic realm=\"foo-\xe4\""},
		want:   `Basic realm="foo-ä"`, codes: []string{CodeNotUTF8, CodeObsText},
		strictWant: `Basic realm="foo-ä"`,
	},
	{
		name:   "L9 obs-text in UTF-8",
		fields: []string{"Basic realm=\"foo-ä\""},
		want:   `Basic realm="foo-ä"`, codes: []string{CodeObsText},
		strictWant: `Basic realm="foo-ä"`,
	},
	{
		name:   "L10 too many empty list elements",
		fields: []string{strings.Repeat(", ", maxEmpty+10) + `Basic realm="x"`},
		want:   `Basic realm="x"`, codes: []string{CodeTooManyEmpty},
		strictWant: `Basic realm="x"`, strictErr: true,
	},
	{
		name:       "real world: Microsoft Graph realm=\"\"",
		fields:     []string{`Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`},
		want:       `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
		strictWant: `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`,
	},
	{
		name:       "real world: RFC 9449 Figure 19, same names in two challenges",
		fields:     []string{`Bearer error="invalid_request", error_description="Multiple methods used to include access token", DPoP algs="ES256 PS256", error="invalid_request", error_description="Multiple methods used to include access token"`},
		want:       `Bearer error="invalid_request", error_description="Multiple methods used to include access token", DPoP algs="ES256 PS256", error="invalid_request", error_description="Multiple methods used to include access token"`,
		strictWant: `Bearer error="invalid_request", error_description="Multiple methods used to include access token", DPoP algs="ES256 PS256", error="invalid_request", error_description="Multiple methods used to include access token"`,
	},
	{
		name:   "real world: escaped backslash before the closing quote",
		fields: []string{`Basic realm="foo\\", charset="UTF-8"`},
		want:   `Basic realm="foo\\", charset="UTF-8"`, strictWant: `Basic realm="foo\\", charset="UTF-8"`,
	},
	{
		name:   "real world: escaped quote does not end the string (tropel#525)",
		fields: []string{`Digest realm="a\"b", nonce="n1"`},
		want:   `Digest realm="a\"b", nonce="n1"`, strictWant: `Digest realm="a\"b", nonce="n1"`,
	},
	{
		name:   "a challenge continued on the next field line",
		fields: []string{`Bearer realm="x"`, `error="invalid_token"`},
		want:   `Bearer realm="x", error="invalid_token"`, codes: []string{CodeParamContinuesField},
		strictWant: `Bearer realm="x", error="invalid_token"`,
	},
	{
		name:   "pasted header names are stripped",
		fields: []string{`WWW-Authenticate: Basic realm="x"`, `proxy-authenticate:Negotiate`},
		want:   `Basic realm="x", Negotiate`, codes: []string{CodeHeaderName},
		strictWant: `Basic realm="x", Negotiate`,
	},
	{
		name:   "obs-fold with a bare LF",
		fields: []string{"Basic\n realm=\"foo\""},
		want:   `Basic realm="foo"`, codes: []string{CodeObsFold}, strictWant: `Basic realm="foo"`,
	},
	{
		name:   "empty value",
		fields: []string{`Basic realm="x", charset=`},
		want:   `Basic realm="x", charset=""`, codes: []string{CodeEmptyValue},
		strictWant: `Basic realm="x"`, strictErr: true,
	},
	{
		name:   "empty value before a parameter without a comma",
		fields: []string{`Bearer error= realm="x"`},
		want:   `Bearer error="", realm="x"`, codes: []string{CodeEmptyValue, CodeParamSeparator},
		strictWant: `Bearer`, strictErr: true,
	},
	{
		name:   "control character in a value",
		fields: []string{"Basic realm=\"a\x01b\""},
		want:   "Basic realm=\"a\x01b\"", codes: []string{CodeControlChar},
		strictWant: "Basic realm=\"a\x01b\"", strictErr: true,
	},
	{
		name:   "semantics: unknown Bearer error, unquoted realm",
		fields: []string{`Bearer realm=api, error="invalid_tokn"`},
		want:   `Bearer realm=api, error="invalid_tokn"`, codes: []string{CodeUnknownErrorCode, CodeRealmNotQuoted},
		strictWant: `Bearer realm=api, error="invalid_tokn"`,
	},
	{
		name:   "junk between challenges is skipped, the rest survives",
		fields: []string{`Basic realm="a" ??? , Bearer realm="b"`},
		want:   `Basic realm="a", Bearer realm="b"`, codes: []string{CodeUnexpectedText},
		strictWant: `Basic realm="a", Bearer realm="b"`, strictErr: true,
	},
}

func TestRecoveries(t *testing.T) {
	for _, c := range recoveryCases {
		t.Run(c.name, func(t *testing.T) {
			r := Parse(c.fields, Lenient)
			if got := Format(r.Challenges); got != c.want {
				t.Errorf("lenient:\n got %s\nwant %s\ndiagnostics %+v", got, c.want, r.Diagnostics)
			}
			for _, code := range c.codes {
				if !hasCode(r.Diagnostics, code) {
					t.Errorf("lenient: no %s diagnostic in %+v", code, r.Diagnostics)
				}
			}
			s := Parse(c.fields, Strict)
			if got := Format(s.Challenges); got != c.strictWant {
				t.Errorf("strict:\n got %s\nwant %s\ndiagnostics %+v", got, c.strictWant, s.Diagnostics)
			}
			if s.HasErrors() != c.strictErr {
				t.Errorf("strict: HasErrors = %v, want %v: %+v", s.HasErrors(), c.strictErr, s.Diagnostics)
			}
			// Strict reports at least every problem lenient reports.
			for _, d := range r.Diagnostics {
				if d.Code != CodeTooManyDiagnostics && !hasCode(s.Diagnostics, d.Code) && !lenientOnly[d.Code] {
					t.Errorf("strict: missing %s that lenient reports", d.Code)
				}
			}
		})
	}
}

// lenientOnly are codes that can only arise after a lenient recovery has
// gone on parsing what strict mode skipped.
var lenientOnly = map[string]bool{
	CodeParamSeparator: true, CodeUnquotedValue: true, CodeRealmNotQuoted: true, CodeEmptyValue: true,
}

func TestDiagnosticDetails(t *testing.T) {
	r := Parse([]string{`Bearer scope="" error="invalid_token"`}, Lenient)
	d := r.Diagnostics[0]
	if d.Code != CodeParamSeparator || d.Offset != 15 || d.Field != 0 || d.Severity != SeverityError {
		t.Errorf("PARAM_SEPARATOR diagnostic = %+v, want offset 15 (where the comma belongs)", d)
	}
	if !strings.Contains(d.Message, "AWS") {
		t.Errorf("message should name the likely cause: %q", d.Message)
	}

	r = Parse([]string{`Basic realm="a"`, "Basic\trealm=\"b\""}, Lenient)
	if got := r.Diagnostics[0]; got.Code != CodeTabAfterScheme || got.Field != 1 || got.Offset != 5 || got.Severity != SeverityWarning {
		t.Errorf("TAB_AFTER_SCHEME = %+v", got)
	}
	if c := r.Challenges[1]; c.Field != 1 || c.Offset != 0 || c.Params[0].Offset != 6 || c.Params[0].Field != 1 {
		t.Errorf("offsets of the second challenge = %+v", c)
	}

	// Offsets refer to the unfolded value.
	r = Parse([]string{"Basic\r\n  realm=foo"}, Lenient)
	if r.Fields[0] != "Basic realm=foo" || r.Challenges[0].Params[0].Offset != 6 {
		t.Errorf("unfolded field %q, realm offset %d", r.Fields[0], r.Challenges[0].Params[0].Offset)
	}
}

func TestTooManyChallengesAndParams(t *testing.T) {
	r := Parse([]string{strings.Repeat("A, ", maxChallenges+5)}, Lenient)
	if len(r.Challenges) != maxChallenges || !hasCode(r.Diagnostics, CodeTooManyChallenges) {
		t.Errorf("got %d challenges, diagnostics %v", len(r.Challenges), codesOf(r.Diagnostics))
	}
	var b strings.Builder
	b.WriteString("X ")
	for i := 0; i < maxParams+5; i++ {
		fmt.Fprintf(&b, "p%d=v, ", i)
	}
	r = Parse([]string{b.String()}, Lenient)
	if n := len(r.Challenges[0].Params); n != maxParams || !hasCode(r.Diagnostics, CodeTooManyParams) {
		t.Errorf("got %d params, diagnostics %v", n, codesOf(r.Diagnostics))
	}
}

// L10: past the input cap the rest of the field and later fields are
// ignored, with a diagnostic.
func TestInputCap(t *testing.T) {
	fields := []string{`Basic realm="x"`, `Newauth p="` + strings.Repeat("a", maxInput) + `"`, `Bearer realm="y"`}
	for _, mode := range []Mode{Lenient, Strict} {
		r := Parse(fields, mode)
		if len(r.Challenges) != 2 || !r.Challenges[1].Is("Newauth") {
			t.Errorf("%v: got %d challenges", mode, len(r.Challenges))
		}
		if !hasCode(r.Diagnostics, CodeInputTooLarge) || len(r.Fields[1]) >= maxInput || r.Fields[2] != "" {
			t.Errorf("%v: cap not applied: %v", mode, codesOf(r.Diagnostics))
		}
		if mode == Strict && !r.HasErrors() {
			t.Errorf("strict: a truncated header must be an error")
		}
	}
}

// A flood of warnings must not hide a later error from a strict caller.
func TestTooManyDiagnosticsKeepsWorstSeverity(t *testing.T) {
	in := strings.Repeat("A\tb, ", maxDiagnostics+20) + `B x="unterminated`
	r := Parse([]string{in}, Lenient)
	last := r.Diagnostics[len(r.Diagnostics)-1]
	if last.Code != CodeTooManyDiagnostics || last.Severity != SeverityError {
		t.Errorf("last diagnostic = %+v", last)
	}
	if len(r.Diagnostics) != maxDiagnostics+1 {
		t.Errorf("got %d diagnostics", len(r.Diagnostics))
	}
}

func codesOf(ds []Diagnostic) []string {
	var cs []string
	for _, d := range ds {
		cs = append(cs, d.Code)
	}
	return cs
}

func TestEveryCodeHasSeverities(t *testing.T) {
	for code, s := range severities {
		if s[0] == "" || s[1] == "" || s[1].rank() < s[0].rank() {
			t.Errorf("%s: severities %v (strict must not be milder than lenient)", code, s)
		}
	}
	if SeverityOf("NOPE", Strict) != "" {
		t.Error("unknown code has a severity")
	}
}

func TestNoDiagnosticsForCleanInput(t *testing.T) {
	r := Parse([]string{`Bearer realm="example", error="invalid_token", error_description="The access token expired"`}, Strict)
	if len(r.Diagnostics) != 0 || r.Diagnostics == nil {
		t.Errorf("diagnostics = %#v, want empty non-nil", r.Diagnostics)
	}
}
