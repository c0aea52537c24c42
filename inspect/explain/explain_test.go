package explain

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
)

// allIDs are the diagnosis ids the engine can produce: CONTRACT's list
// plus the ones servermsg adds and the engine names (rules_response.go).
var allIDs = []string{
	"NO_CREDENTIALS", "CREDENTIALS_NOT_SEEN", "AUTH_STRIPPED_ON_REDIRECT", "WRONG_ENVIRONMENT",
	"TOKEN_EXPIRED", "TOKEN_NOT_YET_VALID", "CLOCK_SKEW", "AUDIENCE_MISMATCH", "ISSUER_MISMATCH",
	"SIGNATURE_INVALID", "KEY_NOT_FOUND", "TOKEN_MALFORMED", "OPAQUE_TOKEN", "INSUFFICIENT_SCOPE",
	"STEP_UP_REQUIRED", "CLAIMS_CHALLENGE", "DPOP_REQUIRED", "DPOP_NONCE_REQUIRED", "DPOP_PROOF_INVALID",
	"WRONG_SCHEME", "INTEGRATED_AUTH", "DIGEST_STALE", "PROXY_AUTH_REQUIRED", "AWS_SIGNATURE",
	"NO_CHALLENGE", "FORBIDDEN_AUTHZ", "INVALID_REQUEST", "REGISTRY_TOKEN_FLOW", "RESOURCE_METADATA",
	"UNKNOWN_SCHEME", "SERVER_SAYS", "TOKEN_REVOKED", "INVALID_CLIENT", "CONSENT_REQUIRED",
	// added by the engine since (rules_response.go serverOnlyTitles)
	"INVALID_GRANT", "INVALID_SCOPE", "RATE_LIMITED", "CREDENTIALS_REJECTED",
}

// explainCase is one exchange and what its explanation must say.
//
// A positive case (pos) is about id: id must come first, and the first
// diagnosis' title must contain title. A negative case is about id too: id
// must not come first (and, when listed in absent, not appear at all).
type explainCase struct {
	id   string
	name string
	pos  bool
	in   func(t testing.TB) Input

	title    string      // positive: substring of the first title
	want     []string    // ids that must be listed
	absent   []string    // ids that must not be listed
	order    [][2]string // pairs: [0] ranked before [1]
	evidence string      // substring some evidence line of the first diagnosis must hold
	check    func(t *testing.T, r Result)
}

func pos(id, name, title string, in func(t testing.TB) Input, more ...func(*explainCase)) explainCase {
	c := explainCase{id: id, name: name, pos: true, title: title, in: in}
	for _, m := range more {
		m(&c)
	}
	return c
}

func neg(id, name string, in func(t testing.TB) Input, more ...func(*explainCase)) explainCase {
	c := explainCase{id: id, name: name, in: in}
	for _, m := range more {
		m(&c)
	}
	return c
}

func want(ids ...string) func(*explainCase) {
	return func(c *explainCase) { c.want = append(c.want, ids...) }
}
func absent(ids ...string) func(*explainCase) {
	return func(c *explainCase) { c.absent = append(c.absent, ids...) }
}
func before(a, b string) func(*explainCase) {
	return func(c *explainCase) { c.order = append(c.order, [2]string{a, b}) }
}
func evidence(s string) func(*explainCase) { return func(c *explainCase) { c.evidence = s } }
func also(f func(t *testing.T, r Result)) func(*explainCase) {
	return func(c *explainCase) { c.check = f }
}

// run explains c and checks it, and returns the result.
func (c explainCase) run(t *testing.T) Result {
	t.Helper()
	in := c.in(t)
	r := Explain(in)
	checkInvariants(t, in, r)
	got := ids(r)
	first := ""
	if len(r.Diagnosis) > 0 {
		first = r.Diagnosis[0].ID
	}
	switch {
	case c.id == "":
	case c.pos:
		if first != c.id {
			t.Errorf("first = %q, want %q\n  ids: %v\n%s", first, c.id, got, dump(r))
		} else if !strings.Contains(r.Diagnosis[0].Title, c.title) {
			t.Errorf("title %q does not contain %q", r.Diagnosis[0].Title, c.title)
		}
		if c.evidence != "" && first == c.id && !slices.ContainsFunc(r.Diagnosis[0].Evidence, func(e string) bool { return strings.Contains(e, c.evidence) }) {
			t.Errorf("evidence of %s lacks %q: %q", first, c.evidence, r.Diagnosis[0].Evidence)
		}
	case first == c.id:
		t.Errorf("%s must not come first here\n  ids: %v\n%s", c.id, got, dump(r))
	}
	for _, w := range c.want {
		if !slices.Contains(got, w) {
			t.Errorf("%s is not listed; ids: %v", w, got)
		}
	}
	for _, a := range c.absent {
		if slices.Contains(got, a) {
			t.Errorf("%s must not be listed; ids: %v\n%s", a, got, dump(r))
		}
	}
	for _, o := range c.order {
		i, j := slices.Index(got, o[0]), slices.Index(got, o[1])
		switch {
		case i < 0 || j < 0:
			t.Errorf("order %s before %s: not both listed; ids: %v", o[0], o[1], got)
		case i > j:
			t.Errorf("%s must rank before %s; ids: %v", o[0], o[1], got)
		}
	}
	if c.check != nil {
		c.check(t, r)
	}
	return r
}

func dump(r Result) string {
	var b strings.Builder
	for _, d := range r.Diagnosis {
		b.WriteString("  - " + d.ID + " [" + d.Severity + "] " + d.Title + "\n")
		for _, e := range d.Evidence {
			b.WriteString("      · " + e + "\n")
		}
	}
	return b.String()
}

// credentialsSent says, from the request alone, whether it carried any
// credentials (CONTRACT: credentials is null exactly when it did not).
func credentialsSent(in Input) bool {
	for _, h := range in.Request.Headers {
		switch strings.ToLower(h.Name) {
		case "authorization", "cookie", "x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token",
			"private-token", "x-goog-api-key", "ocp-apim-subscription-key":
			return true
		}
	}
	return false
}

// checkInvariants holds for every explanation, whatever the input.
func checkInvariants(t *testing.T, in Input, r Result) {
	t.Helper()
	seen := map[string]bool{}
	for i, d := range r.Diagnosis {
		if seen[d.ID] {
			t.Errorf("%s is listed twice", d.ID)
		}
		seen[d.ID] = true
		if !slices.Contains(allIDs, d.ID) {
			t.Errorf("unknown diagnosis id %q", d.ID)
		}
		if strings.TrimSpace(d.Title) == "" || strings.TrimSpace(d.Detail) == "" || strings.TrimSpace(d.Fix) == "" {
			t.Errorf("%s: empty title, detail or fix: %+v", d.ID, d)
		}
		switch d.Severity {
		case "info", "warning", "error":
		default:
			t.Errorf("%s: severity %q", d.ID, d.Severity)
		}
		if d.Evidence == nil {
			t.Errorf("%s: evidence is nil (JSON null)", d.ID)
		}
		if i == 0 && len(d.Evidence) == 0 {
			t.Errorf("%s comes first but has no evidence", d.ID)
		}
		for _, e := range d.Evidence {
			if strings.TrimSpace(e) == "" {
				t.Errorf("%s: empty evidence line", d.ID)
			}
		}
	}

	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	for _, k := range []string{"diagnosis", "challenges", "diagnostics", "redirects"} {
		if v := top[k]; len(v) == 0 || v[0] != '[' {
			t.Errorf("%s is %s, want an array", k, v)
		}
	}
	var diags []map[string]json.RawMessage
	_ = json.Unmarshal(top["diagnosis"], &diags)
	for _, d := range diags {
		for _, k := range []string{"id", "severity", "title", "detail", "fix", "evidence"} {
			if _, ok := d[k]; !ok {
				t.Errorf("diagnosis JSON lacks %q: %s", k, top["diagnosis"])
			}
		}
		if v := d["evidence"]; len(v) == 0 || v[0] != '[' {
			t.Errorf("diagnosis evidence is %s, want an array", v)
		}
	}
	sent := credentialsSent(in)
	if isNull := string(top["credentials"]) == "null"; isNull == sent {
		t.Errorf("credentials = %s but the request sent credentials: %v", top["credentials"], sent)
	}
	if (string(top["token"]) == "null") != (in.Token == nil) {
		t.Errorf("token = %.40s… but a token was decoded: %v", top["token"], in.Token != nil)
	}
	if _, ok := top["status"]; !ok {
		t.Error("status missing")
	}
	checkSecrets(t, in, r, string(b))
}

// checkSecrets: the fingerprint shows at most the last four characters of
// a credential, never a Basic password; the JSON never holds a secret.
func checkSecrets(t *testing.T, in Input, r Result, js string) {
	t.Helper()
	for _, h := range in.Request.Headers {
		var secrets []string
		switch strings.ToLower(h.Name) {
		case "authorization":
			scheme, cred, _ := strings.Cut(strings.TrimSpace(h.Value), " ")
			cred = strings.TrimSpace(cred)
			if strings.EqualFold(scheme, "basic") {
				if raw, err := base64.StdEncoding.DecodeString(cred); err == nil {
					if _, pw, ok := strings.Cut(string(raw), ":"); ok && len(pw) >= 4 {
						secrets = append(secrets, pw)
					}
				}
			}
			if strings.EqualFold(scheme, "digest") {
				continue // Digest credentials are a hash, not the password
			}
			if len(cred) > 8 {
				secrets = append(secrets, cred)
			}
			if r.Credentials != nil && r.Credentials.Header == "Authorization" {
				fp := r.Credentials.Fingerprint
				if _, tail, ok := strings.Cut(fp, "…"); ok && len(cred) > 8 {
					if len(tail) > 4 || !strings.HasSuffix(cred, tail) {
						t.Errorf("fingerprint %q shows more than the credential's last 4 characters", fp)
					}
				}
			}
		case "x-api-key", "api-key", "x-auth-token", "private-token", "cookie":
			if len(h.Value) > 8 {
				secrets = append(secrets, h.Value)
			}
		}
		for _, s := range secrets {
			if r.Credentials != nil && strings.Contains(r.Credentials.Fingerprint, s) {
				t.Errorf("fingerprint %q holds a secret", r.Credentials.Fingerprint)
			}
			if strings.Contains(js, s) || strings.Contains(js, jsonEscaped(s)) {
				t.Errorf("the explain JSON holds the secret %.12s…", s)
			}
		}
	}
}

func jsonEscaped(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

// TestExplain runs every case of the table.
func TestExplain(t *testing.T) {
	for _, c := range cases() {
		kind := "neg"
		if c.pos {
			kind = "pos"
		}
		t.Run(c.id+"/"+kind+"/"+c.name, func(t *testing.T) { c.run(t) })
	}
}

// TestCaseCoverage: every id has at least two positive cases and a
// negative one, with distinct names.
func TestCaseCoverage(t *testing.T) {
	posN, negN := map[string]int{}, map[string]int{}
	names := map[string]bool{}
	for _, c := range cases() {
		if !slices.Contains(allIDs, c.id) {
			t.Errorf("case %q is about unknown id %s", c.name, c.id)
		}
		key := c.id + "/" + c.name
		if names[key] {
			t.Errorf("duplicate case name %s", key)
		}
		names[key] = true
		if c.pos {
			posN[c.id]++
		} else {
			negN[c.id]++
		}
	}
	for _, id := range allIDs {
		if posN[id] < 2 {
			t.Errorf("%s has %d positive cases, want at least 2", id, posN[id])
		}
		if negN[id] < 1 {
			t.Errorf("%s has no negative case", id)
		}
		t.Logf("%-26s positive %d  negative %d", id, posN[id], negN[id])
	}
}

// TestEveryIDReachable: each id comes first for some input.
func TestEveryIDReachable(t *testing.T) {
	reached := map[string]bool{}
	for _, c := range cases() {
		if !c.pos {
			continue
		}
		r := Explain(c.in(t))
		if len(r.Diagnosis) > 0 {
			reached[r.Diagnosis[0].ID] = true
		}
	}
	var missing []string
	for _, id := range allIDs {
		if !reached[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		t.Errorf("never ranked first by any positive case: %v", missing)
	}
	for id := range reached {
		if !slices.Contains(allIDs, id) {
			t.Errorf("reached %s, which is not in the list", id)
		}
	}
}

// Wordings shared by several cases.
const (
	kubeUnauthorized = `{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "Unauthorized",
  "reason": "Unauthorized",
  "code": 401
}`
	mcpMeta      = "https://mcp.example.com/.well-known/oauth-protected-resource"
	ghPAT        = "ghp_EXAMPLE0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123"
	googleOpaque = "ya29.a0ARrdaM-EXAMPLE_kq2XrFhsZ9vQ3yWmPzTnL8sDd1"
	expired3m12  = -(3*time.Minute + 12*time.Second)
)

func cases() []explainCase {
	var cs []explainCase
	for _, group := range [][]explainCase{
		requestCases(), tokenCases(), challengeCases(), dpopCases(), responseCases(), serverOnlyCases(),
	} {
		cs = append(cs, group...)
	}
	return cs
}

// requestCases: what was sent.
func requestCases() []explainCase {
	return []explainCase{
		// NO_CREDENTIALS
		pos("NO_CREDENTIALS", "bare Bearer challenge", "carried no credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), "")
		}, also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Fix, "Bearer") {
				t.Errorf("fix does not name the Bearer scheme: %q", r.Diagnosis[0].Fix)
			}
		})),
		pos("NO_CREDENTIALS", "MCP SDK says invalid_token Missing Authorization header", "carried no credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"invalid_token","error_description":"Missing Authorization header"}`,
				"Content-Type: application/json",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="Missing Authorization header", resource_metadata="`+mcpMeta+`"`), "")
		}, want("RESOURCE_METADATA"), evidence("request: no Authorization header")),
		pos("NO_CREDENTIALS", "API Gateway Missing Authentication Token", "carried no credentials", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"message":"Missing Authentication Token"}`,
				"Content-Type: application/json", "x-amzn-ErrorType: MissingAuthenticationTokenException", "x-amz-apigw-id: EXAMPLE="), "")
		}, want("AWS_SIGNATURE"), before("NO_CREDENTIALS", "AWS_SIGNATURE")),
		pos("NO_CREDENTIALS", "Nexus Basic challenge", "carried no credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: BASIC realm="Sonatype Nexus Repository Manager"`), "")
		}, also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Fix, "Basic") {
				t.Errorf("fix does not say Basic: %q", r.Diagnosis[0].Fix)
			}
		})),
		pos("NO_CREDENTIALS", "GitHub MCP invalid_request without a token", "carried no credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, "bad request: missing required Authorization header\n",
				"Content-Type: text/plain; charset=utf-8",
				`WWW-Authenticate: Bearer error="invalid_request", error_description="No access token was provided in this request", resource_metadata="https://api.githubcopilot.com/.well-known/oauth-protected-resource/mcp/"`), "")
		}, want("INVALID_REQUEST", "RESOURCE_METADATA"), before("NO_CREDENTIALS", "INVALID_REQUEST")),
		neg("NO_CREDENTIALS", "a session cookie is credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), "", "Cookie: session=4f9a1c2e8b7d6a5f; theme=dark")
		}, absent("NO_CREDENTIALS")),
		neg("NO_CREDENTIALS", "an API key header is credentials", func(t testing.TB) Input {
			return exchange(t, resp(403, ""), "", "X-API-Key: k_live_51HxYzAbCdEf0123456789")
		}, absent("NO_CREDENTIALS"), want("FORBIDDEN_AUTHZ")),
		neg("NO_CREDENTIALS", "a 407 is the proxy's business", func(t testing.TB) Input {
			return exchange(t, resp(407, "", `Proxy-Authenticate: Basic realm="Squid proxy-caching web server"`), "")
		}, absent("NO_CREDENTIALS")),
		neg("NO_CREDENTIALS", "a bearer token was sent", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t)))
		}, absent("NO_CREDENTIALS")),

		// CREDENTIALS_NOT_SEEN
		pos("CREDENTIALS_NOT_SEEN", "bare Bearer challenge after a JWT", "as if no credentials arrived", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t)))
		}),
		pos("CREDENTIALS_NOT_SEEN", "bare DPoP challenge after a DPoP token and a good proof", "as if no credentials arrived", func(t testing.TB) Input {
			k := dpopKey()
			at := boundToken(t, k)
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP algs="ES256 PS256"`), at, proofOpts{key: k})
		}, absent("DPOP_PROOF_INVALID", "DPOP_REQUIRED")),
		// FastAPI's HTTPBearer answers {"detail":"Not authenticated"} and a
		// bare Bearer challenge when it saw no Authorization header; the
		// request had one, so it was lost on the way (servermsg doc.go:
		// "the engine should read it as CREDENTIALS_NOT_SEEN").
		pos("CREDENTIALS_NOT_SEEN", "FastAPI Not authenticated although a token was sent", "", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"detail":"Not authenticated"}`, "Content-Type: application/json", "WWW-Authenticate: Bearer"), bearer(tok(t)))
		}, evidence("Not authenticated")),
		pos("CREDENTIALS_NOT_SEEN", "express-jwt No authorization token was found although one was sent", "", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"message":"No authorization token was found"}`, "Content-Type: application/json", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t)))
		}, evidence("No authorization token was found")),
		neg("CREDENTIALS_NOT_SEEN", "the challenge carries an error code", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api", error="invalid_token"`), bearer(tok(t)))
		}, absent("CREDENTIALS_NOT_SEEN")),
		neg("CREDENTIALS_NOT_SEEN", "nothing was sent", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), "")
		}, absent("CREDENTIALS_NOT_SEEN")),
		// Basic and Digest challenges never carry an error code: a repeated
		// Basic challenge after Basic credentials means they were refused
		// (wrong user or password), not that they got lost (rule 4 of the
		// notes is about Bearer and DPoP).
		// CREDENTIALS_REJECTED: a password scheme re-challenged.
		pos("CREDENTIALS_REJECTED", "Jenkins Basic re-challenge", "refused the user name or password", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Basic realm="Jenkins"`), "Basic "+b64("alice:correct-horse-battery"))
		}, evidence("Basic user alice")),
		pos("CREDENTIALS_REJECTED", "Digest re-challenge without stale", "refused the user name or password", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Digest realm="cam", nonce="abc123", qop="auth"`),
				`Digest username="root", realm="cam", nonce="abc123", uri="/", response="6629fae49393a05397450978507c4ef1"`)
		}),
		neg("CREDENTIALS_REJECTED", "stale Digest nonce is not a wrong password", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Digest realm="cam", nonce="def456", stale=true`),
				`Digest username="root", realm="cam", nonce="abc123", uri="/", response="6629fae49393a05397450978507c4ef1"`)
		}, absent("CREDENTIALS_REJECTED")),
		neg("CREDENTIALS_NOT_SEEN", "Basic credentials refused by a Basic challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Basic realm="Jenkins"`), "Basic "+b64("alice:correct-horse-battery"))
		}, also(func(t *testing.T, r Result) {
			for _, d := range r.Diagnosis {
				if strings.Contains(d.Title, "as if no credentials arrived") {
					t.Errorf("%s: %q, but a Basic re-challenge is how a wrong user or password is answered", d.ID, d.Title)
				}
			}
			if len(r.Diagnosis) == 0 || !strings.Contains(strings.ToLower(r.Diagnosis[0].Title+r.Diagnosis[0].Detail), "password") {
				t.Errorf("the first diagnosis should say the user or password may be wrong\n%s", dump(r))
			}
		})),

		// AUTH_STRIPPED_ON_REDIRECT
		pos("AUTH_STRIPPED_ON_REDIRECT", "Bearer dropped on a redirect to the login host", "dropped on the redirect to login.example.net", func(t testing.TB) Input {
			return exchange(t, redirect(302, "https://login.example.net/authorize?client_id=cli")+resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t)))
		}, before("AUTH_STRIPPED_ON_REDIRECT", "CREDENTIALS_NOT_SEEN"), evidence("302 Location: https://login.example.net/")),
		pos("AUTH_STRIPPED_ON_REDIRECT", "Basic dropped on a redirect to a file host", "dropped on the redirect to cdn.files.example.org", func(t testing.TB) Input {
			return exchange(t, redirect(301, "https://cdn.files.example.org/data/granule.nc")+
				resp(401, "", `WWW-Authenticate: Basic realm="Please enter your Earthdata Login credentials"`), "Basic "+b64("example_user:example-password"))
		}, evidence("request host api.example.com")),
		neg("AUTH_STRIPPED_ON_REDIRECT", "redirect on the same host", func(t testing.TB) Input {
			return exchange(t, redirect(301, "https://api.example.com/v2/orders")+resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t)))
		}, absent("AUTH_STRIPPED_ON_REDIRECT")),
		neg("AUTH_STRIPPED_ON_REDIRECT", "relative Location", func(t testing.TB) Input {
			return exchange(t, redirect(307, "/v2/orders")+resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t)))
		}, absent("AUTH_STRIPPED_ON_REDIRECT")),
		neg("AUTH_STRIPPED_ON_REDIRECT", "nothing to strip when nothing was sent", func(t testing.TB) Input {
			return exchange(t, redirect(302, "https://login.example.net/authorize")+resp(401, "", `WWW-Authenticate: Bearer realm="api"`), "")
		}, absent("AUTH_STRIPPED_ON_REDIRECT")),

		// WRONG_SCHEME
		pos("WRONG_SCHEME", "Bearer JWT to GitHub's Basic git endpoint", "wants Basic credentials, not Bearer", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Basic realm="GitHub"`), bearer(tok(t)))
		}, also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Fix, "personal access token") {
				t.Errorf("fix does not mention GitHub's PAT-as-password: %q", r.Diagnosis[0].Fix)
			}
		})),
		pos("WRONG_SCHEME", "Basic credentials to a Bearer API", "wants Bearer credentials, not Basic", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"unauthorized"}`, "Content-Type: application/json", `WWW-Authenticate: Bearer realm="orders"`), "Basic "+b64("svc-orders:s3cr3t-passw0rd"))
		}),
		neg("WRONG_SCHEME", "Bearer to Negotiate-only is INTEGRATED_AUTH", func(t testing.TB) Input {
			return exchange(t, resp(401, "", "WWW-Authenticate: Negotiate"), bearer(tok(t)))
		}, absent("WRONG_SCHEME")),
		neg("WRONG_SCHEME", "Bearer sent to a Bearer challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api", error="invalid_token"`), bearer(tok(t)))
		}, absent("WRONG_SCHEME")),
		// Rule 26: OAuth2 with RFC 6750 parameters is Bearer under another
		// name (WSO2), and WSO2 accepts `Authorization: Bearer`.
		neg("WRONG_SCHEME", "Bearer to WSO2's OAuth2 challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: OAuth2 realm="WSO2 API Manager", error="invalid_token", error_description="The access token expired"`),
				bearer(tok(t, "exp", expired3m12)))
		}, absent("WRONG_SCHEME"), want("TOKEN_EXPIRED", "UNKNOWN_SCHEME")),

		// INVALID_REQUEST
		pos("INVALID_REQUEST", "token in the header and the query", "the token is in the Authorization header and in the query (access_token)", func(t testing.TB) Input {
			at := tok(t)
			in := exchange(t, resp(400, "",
				`WWW-Authenticate: Bearer error="invalid_request", error_description="Multiple methods used to include access token"`), bearer(at))
			return withURL(in, "https://api.example.com/orders?access_token="+at[:12])
		}),
		pos("INVALID_REQUEST", "empty Bearer", "has no token after the scheme", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api", error="invalid_request", error_description="Bearer token is empty"`), "Bearer ")
		}),
		pos("INVALID_REQUEST", "Spring multiple bearer tokens", "malformed", func(t testing.TB) Input {
			return exchange(t, resp(400, "",
				`WWW-Authenticate: Bearer error="invalid_request", error_description="Found multiple bearer tokens in the request", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"`),
				bearer(tok(t)))
		}, evidence("Found multiple bearer tokens")),
		neg("INVALID_REQUEST", "no credentials beats the server's invalid_request", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_request", error_description="No access token was provided in this request"`), "")
		}, want("INVALID_REQUEST")),
		neg("INVALID_REQUEST", "a well-formed request", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "exp", expired3m12)))
		}, absent("INVALID_REQUEST")),
	}
}

// tokenCases: what the token shows.
func tokenCases() []explainCase {
	return []explainCase{
		// TOKEN_EXPIRED
		pos("TOKEN_EXPIRED", "ASP.NET The token expired at, confirmed by exp", "expired 3m12s ago", func(t testing.TB) Input {
			return exchange(t, resp(401, "", "Server: Kestrel",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired at '11/27/2026 09:56:48'"`),
				bearer(tok(t, "exp", expired3m12)))
		}, evidence("exp 2026-11-27T09:56:48Z")),
		pos("TOKEN_EXPIRED", "Spring Jwt expired at", "expired 3m12s ago", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Jwt expired at 2026-11-27T09:56:48Z", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"`),
				bearer(tok(t, "exp", expired3m12)))
		}, evidence("Jwt expired at")),
		pos("TOKEN_EXPIRED", "bare invalid_token, exp past by the server Date", "expired 3m12s ago", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api", error="invalid_token"`), bearer(tok(t, "exp", expired3m12)))
		}, absent("SERVER_SAYS"), evidence("server's Date")),
		pos("TOKEN_EXPIRED", "Kubernetes 401 without challenge, expired token", "expired 3m12s ago", func(t testing.TB) Input {
			return exchange(t, resp(401, kubeUnauthorized, "Audit-Id: 6c1e7c2a-1b1e-4a53-9b0e-6b1c5e0f6a11", "Content-Type: application/json"),
				bearer(tok(t, "iss", "https://kubernetes.default.svc.cluster.local", "aud", []any{"https://kubernetes.default.svc.cluster.local"}, "exp", expired3m12)))
		}, want("NO_CHALLENGE"), before("TOKEN_EXPIRED", "NO_CHALLENGE")),
		pos("TOKEN_EXPIRED", "opaque token, server's word only", "Token expired at 2026-11-27T09:56:48Z, the server says", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired at '11/27/2026 09:56:48'"`), bearer(googleOpaque))
		}, want("OPAQUE_TOKEN")),
		pos("TOKEN_EXPIRED", "Okta jwt-verifier Jwt is expired in the body", "expired 1h", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"invalid_token","error_description":"Jwt is expired"}`, "Content-Type: application/json"),
				bearer(tok(t, "iss", "https://dev-123456.okta.com/oauth2/default", "exp", -time.Hour-5*time.Minute)))
		}),
		neg("TOKEN_EXPIRED", "expired but the server says insufficient_scope", func(t testing.TB) Input {
			return exchange(t, resp(403, "", `WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write"`), bearer(tok(t, "exp", expired3m12)))
		}, want("TOKEN_EXPIRED", "INSUFFICIENT_SCOPE")),
		neg("TOKEN_EXPIRED", "exp is in the future", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t)))
		}, absent("TOKEN_EXPIRED")),

		// TOKEN_NOT_YET_VALID
		pos("TOKEN_NOT_YET_VALID", "ASP.NET not valid before, confirmed by nbf", "not valid for another 5m", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="The token is not valid before '11/27/2026 10:05:00'"`),
				bearer(tok(t, "nbf", 5*time.Minute, "iat", 5*time.Minute)))
		}, want("CLOCK_SKEW")),
		pos("TOKEN_NOT_YET_VALID", "Spring Jwt used before", "not valid for another 2m", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Jwt used before 2026-11-27T10:02:00Z"`),
				bearer(tok(t, "nbf", 2*time.Minute)))
		}),
		pos("TOKEN_NOT_YET_VALID", "bare invalid_token, nbf ahead of the server Date", "not valid for another 45s", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "nbf", 45*time.Second)))
		}, absent("SERVER_SAYS")),
		pos("TOKEN_NOT_YET_VALID", "jsonwebtoken jwt not active, opaque to us", "not valid yet", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"message":"jwt not active"}`, "Content-Type: application/json"), bearer(googleOpaque))
		}),
		neg("TOKEN_NOT_YET_VALID", "nbf in the past", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "nbf", -time.Minute, "exp", expired3m12)))
		}, absent("TOKEN_NOT_YET_VALID")),

		// CLOCK_SKEW
		pos("CLOCK_SKEW", "golang-jwt token used before issued", "clocks disagree", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="token has invalid claims: token used before issued"`),
				bearer(tok(t, "iat", 2*time.Minute)))
		}, evidence("token used before issued"), absent("SERVER_SAYS")),
		pos("CLOCK_SKEW", "Auth0 iat claim timestamp check failed", "clocks disagree", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="\"iat\" claim timestamp check failed"`),
				bearer(tok(t, "iss", "https://example.eu.auth0.com/", "iat", 3*time.Minute)))
		}),
		pos("CLOCK_SKEW", "local clock 10m ahead, 401 without challenge", "Your clock is 10m ahead of the server's", func(t testing.TB) Input {
			return analyzedAt(t, exchange(t, resp(401, ""), bearer(tok(t, "exp", 5*time.Minute))), now.Add(10*time.Minute))
		}, absent("TOKEN_EXPIRED")),
		pos("CLOCK_SKEW", "issuer clock ahead, iat 3m after the server Date", "iat is 3m after the server's Date", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t, "iat", 3*time.Minute)))
		}),
		neg("CLOCK_SKEW", "clocks agree and the token times are sane", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "exp", expired3m12)))
		}, absent("CLOCK_SKEW")),

		// AUDIENCE_MISMATCH
		pos("AUDIENCE_MISMATCH", "ASP.NET The audience is invalid, user expects api://orders", "Token is for api://billing; this API expects api://orders", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The audience 'api://billing' is invalid"`),
				bearer(tok(t, "aud", "api://billing")))
			return expecting(in, Expectations{Audience: "api://orders"})
		}),
		pos("AUDIENCE_MISMATCH", "AWS HTTP API JWT authorizer, comma-less challenge", "audience", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"message":"Unauthorized"}`, "Content-Type: application/json", "apigw-requestid: MRXqtgQ0oAMEVnQ=",
				`www-authenticate: Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"`),
				bearer(tok(t, "aud", nil, "client_id", "5kke2o7cu64m1pt7u9emhgnd5c", "token_use", "access")))
		}, evidence("the token does not have a valid audience")),
		pos("AUDIENCE_MISMATCH", "Azure Storage resource_id against a Graph token", "this API expects https://storage.azure.com", func(t testing.TB) Input {
			return exchange(t, resp(401, "", "x-ms-error-code: InvalidAuthenticationInfo",
				`WWW-Authenticate: Bearer authorization_uri=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/authorize resource_id=https://storage.azure.com`),
				bearer(tok(t, "aud", "00000003-0000-0000-c000-000000000000", "iss", "https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/", "tid", "72f988bf-86f1-41af-91ab-2d7cd011db47")))
		}, absent("ISSUER_MISMATCH")),
		pos("AUDIENCE_MISMATCH", "jsonwebtoken audience invalid with the expected value", "this API expects api://orders", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"message":"jwt audience invalid. expected: api://orders"}`, "Content-Type: application/json"),
				bearer(tok(t, "aud", "api://inventory")))
		}),
		neg("AUDIENCE_MISMATCH", "aud fits; the server complains about the signature", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The signature is invalid"`), bearer(tok(t)))
			return expecting(in, Expectations{Audience: "api://orders"})
		}, absent("AUDIENCE_MISMATCH")),
		neg("AUDIENCE_MISMATCH", "no aud but client_id is the expected audience (AWS)", func(t testing.TB) Input {
			in := exchange(t, resp(403, ""), bearer(tok(t, "aud", nil, "client_id", "5kke2o7cu64m1pt7u9emhgnd5c")))
			return expecting(in, Expectations{Audience: "5kke2o7cu64m1pt7u9emhgnd5c"})
		}, absent("AUDIENCE_MISMATCH")),

		// ISSUER_MISMATCH
		pos("ISSUER_MISMATCH", "ASP.NET The issuer is invalid, user expects the prod issuer", "issued by https://idp.dev.example.com/; this API trusts https://idp.example.com/", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The issuer 'https://idp.dev.example.com/' is invalid"`),
				bearer(tok(t, "iss", "https://idp.dev.example.com/")))
			return expecting(in, Expectations{Issuer: "https://idp.example.com/"})
		}),
		pos("ISSUER_MISMATCH", "Keycloak frontend URL vs internal hostname", "does not trust the token's issuer", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"invalid_token","error_description":"Invalid token issuer. Expected 'http://keycloak:8080/realms/app', but was 'https://sso.example.com/realms/app'"}`,
				"Content-Type: application/json", `WWW-Authenticate: Bearer realm="app", error="invalid_token"`),
				bearer(tok(t, "iss", "https://sso.example.com/realms/app")))
		}, evidence("iss https://sso.example.com/realms/app")),
		pos("ISSUER_MISMATCH", "Entra token from another tenant than authorization_uri", "another tenant", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer authorization_uri="https://login.microsoftonline.com/aaaaaaaa-1111-2222-3333-444444444444/oauth2/authorize", error="invalid_token", error_description="The access token is from the wrong issuer"`),
				bearer(tok(t, "iss", "https://sts.windows.net/bbbbbbbb-5555-6666-7777-888888888888/", "tid", "bbbbbbbb-5555-6666-7777-888888888888")))
		}),
		pos("ISSUER_MISMATCH", "token with no iss at all", "has no iss claim", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "iss", nil)))
			return expecting(in, Expectations{Issuer: "https://idp.example.com/"})
		}, evidence("iss missing")),
		neg("ISSUER_MISMATCH", "iss is the expected one", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "exp", expired3m12)))
			return expecting(in, Expectations{Issuer: "https://idp.example.com/"})
		}, absent("ISSUER_MISMATCH")),
		// A multi-tenant authority (common, organizations) names no tenant:
		// a token with any tid fits it.
		neg("ISSUER_MISMATCH", "CAE challenge with the common authority", func(t testing.TB) Input {
			return exchange(t, resp(401, "", caeChallenge), bearer(tok(t, "tid", "72f988bf-86f1-41af-91ab-2d7cd011db47", "xms_cc", []any{"cp1"})))
		}, absent("ISSUER_MISMATCH")),

		// WRONG_ENVIRONMENT
		pos("WRONG_ENVIRONMENT", "staging token to prod with an audience complaint", "issued for staging", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The audience 'api://orders-staging' is invalid"`),
				bearer(tok(t, "iss", "https://idp.staging.example.com/", "aud", "api://orders-staging")))
			in = expecting(in, Expectations{Issuer: "https://idp.example.com/", Audience: "api://orders"})
			return others(in, Environment{Name: "staging", Issuer: "https://idp.staging.example.com/", Audiences: []string{"api://orders-staging"}})
		}, want("AUDIENCE_MISMATCH")),
		pos("WRONG_ENVIRONMENT", "Kubernetes token of another cluster", "issued for prod-eu", func(t testing.TB) Input {
			in := exchange(t, resp(401, kubeUnauthorized, "Content-Type: application/json"),
				bearer(tok(t, "iss", "https://oidc.prod-eu.example.com", "aud", "kubernetes")))
			return others(in, Environment{Name: "prod-eu", Issuer: "https://oidc.prod-eu.example.com"})
		}, want("NO_CHALLENGE")),
		// Graph's Authorization_IdentityNotFound is classified
		// WRONG_ENVIRONMENT by servermsg; the engine must not drop it.
		pos("WRONG_ENVIRONMENT", "Graph Authorization_IdentityNotFound", "", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"error":{"code":"Authorization_IdentityNotFound","message":"The identity of the calling application could not be established.","innerError":{"date":"2026-11-27T10:00:00"}}}`,
				"Content-Type: application/json"), bearer(tok(t, "aud", "https://graph.microsoft.com")))
		}, evidence("Authorization_IdentityNotFound")),
		neg("WRONG_ENVIRONMENT", "the token belongs to no other profile", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The audience 'api://billing' is invalid"`),
				bearer(tok(t, "aud", "api://billing")))
			return others(in, Environment{Name: "staging", Issuer: "https://idp.staging.example.com/", Audiences: []string{"api://orders-staging"}})
		}, absent("WRONG_ENVIRONMENT")),
		neg("WRONG_ENVIRONMENT", "staging token, but the server says insufficient_scope", func(t testing.TB) Input {
			in := exchange(t, resp(403, "", `WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write"`),
				bearer(tok(t, "iss", "https://idp.staging.example.com/")))
			return others(in, Environment{Name: "staging", Issuer: "https://idp.staging.example.com/"})
		}, want("WRONG_ENVIRONMENT")),

		// SIGNATURE_INVALID
		pos("SIGNATURE_INVALID", "ASP.NET The signature is invalid, confirmed by the key", "signature does not verify", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The signature is invalid"`),
				bearer(tokH(t, map[string]any{"kid": "k1"})))
			return withKeys(t, in, hmacSet("k1", "another-secret-another-secret-32"))
		}, evidence("signature: ")),
		pos("SIGNATURE_INVALID", "alg none and a bare invalid_token", "signature", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(unsecured(t)))
		}, evidence("not signed")),
		pos("SIGNATURE_INVALID", "Spring Signed JWT rejected: Invalid signature", "signature", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature"`),
				bearer(tok(t)))
		}),
		neg("SIGNATURE_INVALID", "the server says the key is unknown", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="IDX10503: Signature validation failed. The token's kid is: 'k9', but did not match any keys in TokenValidationParameters or Configuration."`),
				bearer(tokH(t, map[string]any{"kid": "k9"})))
		}, absent("SIGNATURE_INVALID")),
		neg("SIGNATURE_INVALID", "the signature verifies", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tokH(t, map[string]any{"kid": "k1"}, "exp", expired3m12)))
			return withKeys(t, in, hmacSet("k1", testSecret))
		}, absent("SIGNATURE_INVALID")),

		// KEY_NOT_FOUND
		pos("KEY_NOT_FOUND", "ASP.NET The signature key was not found", "no key for kid k-2025-10", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was not found"`),
				bearer(tokH(t, map[string]any{"kid": "k-2025-10"})))
		}),
		pos("KEY_NOT_FOUND", "PyJWT unable to find a signing key", "no key for kid k9", func(t testing.TB) Input {
			return exchange(t, resp(401, `Unable to find a signing key that matches: "k9"`, "Content-Type: text/plain"),
				bearer(tokH(t, map[string]any{"kid": "k9"})))
		}),
		pos("KEY_NOT_FOUND", "kid not in the configured JWKS, bare invalid_token", "no key for kid k-old", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tokH(t, map[string]any{"kid": "k-old"})))
			return withKeys(t, in, hmacSet("k-new", testSecret))
		}, evidence("not in test JWKS")),
		neg("KEY_NOT_FOUND", "signature wording only", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The signature is invalid"`),
				bearer(tokH(t, map[string]any{"kid": "k1"})))
		}, absent("KEY_NOT_FOUND")),

		// TOKEN_MALFORMED
		pos("TOKEN_MALFORMED", "Spring Bearer token is malformed, token cut short", "The token is malformed: it has 2 segment(s)", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="Bearer token is malformed", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"`),
				bearer(malformedJWT(t)))
		}),
		pos("TOKEN_MALFORMED", "JWE where a JWS is expected", "encrypted (JWE)", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(jweToken()))
		}, absent("SERVER_SAYS")),
		pos("TOKEN_MALFORMED", "golang-jwt invalid number of segments", "cannot parse the token", func(t testing.TB) Input {
			return exchange(t, resp(401, "token is malformed: token contains an invalid number of segments", "Content-Type: text/plain"), bearer(googleOpaque))
		}, want("OPAQUE_TOKEN")),
		neg("TOKEN_MALFORMED", "a well-formed JWT the server calls expired", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired at '11/27/2026 09:56:48'"`),
				bearer(tok(t, "exp", expired3m12)))
		}, absent("TOKEN_MALFORMED")),

		// OPAQUE_TOKEN: context only, so it comes first only when nothing
		// else holds.
		pos("OPAQUE_TOKEN", "GitHub PAT on a 400 without words", "opaque", func(t testing.TB) Input {
			return exchange(t, resp(400, ""), bearer(ghPAT))
		}, also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Detail, "GitHub personal access token") {
				t.Errorf("detail does not name the format: %q", r.Diagnosis[0].Detail)
			}
		})),
		pos("OPAQUE_TOKEN", "Google access token on a 200", "opaque", func(t testing.TB) Input {
			return exchange(t, resp(200, `{"ok":true}`, "Content-Type: application/json"), bearer(googleOpaque))
		}, also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Detail, "Google") {
				t.Errorf("detail does not name the format: %q", r.Diagnosis[0].Detail)
			}
		})),
		neg("OPAQUE_TOKEN", "a JWT is not opaque", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t)))
		}, absent("OPAQUE_TOKEN")),
		neg("OPAQUE_TOKEN", "opaque token and invalid_token", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(ghPAT))
		}, want("OPAQUE_TOKEN", "SERVER_SAYS")),
	}
}

// caeChallenge is Microsoft Graph's CAE challenge (RFC-style quoting, the
// claims value from the azure-sdk-for-js recording).
const caeChallenge = `WWW-Authenticate: Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwgInZhbHVlIjoiMTYzNTUyNzc5MCJ9fX0="`

// challengeCases: what the challenge asks for.
func challengeCases() []explainCase {
	return []explainCase{
		// INSUFFICIENT_SCOPE
		pos("INSUFFICIENT_SCOPE", "RFC 6750 insufficient_scope with scope", "Token has orders:read; this endpoint needs orders:write", func(t testing.TB) Input {
			return exchange(t, resp(403, "", `WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="orders:write"`), bearer(tok(t)))
		}, absent("FORBIDDEN_AUTHZ")),
		pos("INSUFFICIENT_SCOPE", "Spring names no scope", "the server did not say which", func(t testing.TB) Input {
			return exchange(t, resp(403, "",
				`WWW-Authenticate: Bearer error="insufficient_scope", error_description="The request requires higher privileges than provided by the access token.", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1"`),
				bearer(tok(t, "scope", nil, "scp", []any{"write:messages"})))
		}, also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Title, "write:messages") {
				t.Errorf("title does not show the token's scp: %q", r.Diagnosis[0].Title)
			}
		})),
		pos("INSUFFICIENT_SCOPE", "GitHub Resource not accessible by personal access token", "permission", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"message":"Resource not accessible by personal access token","documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue","status":"403"}`,
				"Content-Type: application/json; charset=utf-8", "X-Accepted-GitHub-Permissions: issues=write", "X-GitHub-Media-Type: github.v3"),
				bearer("github_pat_11AAAAAAA0EXAMPLE_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"))
		}, evidence("Resource not accessible by personal access token")),
		pos("INSUFFICIENT_SCOPE", "user expects a scope the token lacks, plain 403", "this endpoint needs orders:admin", func(t testing.TB) Input {
			return expecting(exchange(t, resp(403, ""), bearer(tok(t))), Expectations{Scopes: []string{"orders:admin"}})
		}, before("INSUFFICIENT_SCOPE", "FORBIDDEN_AUTHZ")),
		pos("INSUFFICIENT_SCOPE", "Docker Hub registry token with empty access", "repository:library/ubuntu:pull", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Class":"","Name":"library/ubuntu","Action":"pull"}]}]}`+"\n",
				"Content-Type: application/json; charset=utf-8", "Docker-Distribution-Api-Version: registry/2.0",
				`Www-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull",error="insufficient_scope"`),
				bearer(tok(t, "iss", "auth.docker.io", "aud", "registry.docker.io", "scope", nil, "access", []any{})))
		}, want("REGISTRY_TOKEN_FLOW"), before("INSUFFICIENT_SCOPE", "REGISTRY_TOKEN_FLOW")),
		neg("INSUFFICIENT_SCOPE", "no credentials, insufficient_scope anyway", func(t testing.TB) Input {
			return exchange(t, resp(403, "", `WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write"`), "")
		}),
		neg("INSUFFICIENT_SCOPE", "token has the expected scope", func(t testing.TB) Input {
			return expecting(exchange(t, resp(403, ""), bearer(tok(t))), Expectations{Scopes: []string{"orders:read"}})
		}, absent("INSUFFICIENT_SCOPE")),

		// STEP_UP_REQUIRED
		pos("STEP_UP_REQUIRED", "RFC 9470 acr_values", "wanted myACR, the token has urn:example:basic", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR"`),
				bearer(tok(t, "acr", "urn:example:basic")))
		}),
		pos("STEP_UP_REQUIRED", "RFC 9470 max_age", "last sign-in 10m ago, the limit is 5s", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer error="insufficient_user_authentication", error_description="More recent authentication is required", max_age="5"`),
				bearer(tok(t, "auth_time", -10*time.Minute)))
		}),
		pos("STEP_UP_REQUIRED", "Okta-style DPoP step-up, unquoted max_age", "stronger", func(t testing.TB) Input {
			k := dpopKey()
			at := boundToken(t, k, "acr", "urn:okta:loa:1fa:any")
			return dpopExchange(t, resp(401, "",
				`WWW-Authenticate: DPoP algs="ES256", error="insufficient_user_authentication", error_description="stronger authentication is required", acr_values="urn:okta:loa:2fa:any", max_age=5`),
				at, proofOpts{key: k})
		}, absent("DPOP_PROOF_INVALID")),
		neg("STEP_UP_REQUIRED", "insufficient_scope is not step-up", func(t testing.TB) Input {
			return exchange(t, resp(403, "", `WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write"`), bearer(tok(t, "acr", "urn:example:basic")))
		}, absent("STEP_UP_REQUIRED")),

		// CLAIMS_CHALLENGE
		pos("CLAIMS_CHALLENGE", "Graph CAE insufficient_claims", "claims challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":{"code":"InvalidAuthenticationToken","message":"Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp"}}`,
				"Content-Type: application/json", caeChallenge),
				bearer(tok(t, "aud", "00000003-0000-0000-c000-000000000000", "xms_cc", []any{"cp1"})))
		}, evidence(`decoded claims {"access_token"`)),
		pos("CLAIMS_CHALLENGE", "invalid_token with claims, client without cp1", "claims challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`WWW-Authenticate: Bearer realm="", error="invalid_token", error_description="Continuous access evaluation resulted in challenge with result: InteractionRequired and code: LocationConditionEvaluationSatisfied", claims="eyJhY2Nlc3NfdG9rZW4iOnsibmJmIjp7ImVzc2VudGlhbCI6dHJ1ZSwgInZhbHVlIjoiMTYzNTUyNzc5MCJ9fX0="`),
				bearer(tok(t)))
		}, evidence("lacks cp1"), absent("SERVER_SAYS")),
		pos("CLAIMS_CHALLENGE", "insufficient_claims without a claims parameter", "claims challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="insufficient_claims"`), bearer(tok(t)))
		}, evidence(`error="insufficient_claims"`)),
		neg("CLAIMS_CHALLENGE", "plain invalid_token", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "exp", expired3m12)))
		}, absent("CLAIMS_CHALLENGE")),

		// INTEGRATED_AUTH
		pos("INTEGRATED_AUTH", "IIS Negotiate and NTLM fields, nothing sent", "Windows integrated authentication", func(t testing.TB) Input {
			return exchange(t, resp(401, "401 UNAUTHORIZED", "Server: Microsoft-IIS/8.5", "WWW-Authenticate: Negotiate", "WWW-Authenticate: NTLM", "X-Powered-By: ASP.NET"), "")
		}, want("NO_CREDENTIALS"), before("INTEGRATED_AUTH", "NO_CREDENTIALS")),
		pos("INTEGRATED_AUTH", "Bearer token to a Negotiate-only intranet API", "Negotiate/NTLM", func(t testing.TB) Input {
			return exchange(t, resp(401, "", "WWW-Authenticate: Negotiate"), bearer(tok(t)))
		}),
		neg("INTEGRATED_AUTH", "Negotiate is one option next to Bearer", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api", error="invalid_token"`, "WWW-Authenticate: Negotiate"), bearer(tok(t, "exp", expired3m12)))
		}, want("INTEGRATED_AUTH")),

		// DIGEST_STALE
		pos("DIGEST_STALE", "Axis camera stale=true", "nonce expired", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Digest realm="AXIS_ACCC8E000000", nonce="00036cc2Y5b7d4e1c3a7b8d45e1a5a3d19b0e9a8c2e7a1", algorithm=MD5, qop="auth", stale=true`),
				`Digest username="root", realm="AXIS_ACCC8E000000", nonce="0002f2a1Y5b7d4e1c", uri="/axis-cgi/jpg/image.cgi", response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000002, cnonce="0a4f113b"`)
		}, absent("CREDENTIALS_NOT_SEEN", "WRONG_SCHEME")),
		pos("DIGEST_STALE", "Hikvision quoted stale TRUE", "retry with the same password", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Digest qop="auth", realm="IP Camera(C1234)", nonce="4e5468694e7a42694d5449364e5467324f413d3d", stale="TRUE"`),
				`Digest username="admin", realm="IP Camera(C1234)", nonce="4e546869", uri="/ISAPI/System/deviceInfo", response="0f3a5b7c9d1e2f406172839405a6b7c8"`)
		}),
		neg("DIGEST_STALE", "stale=false", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Digest realm="AXIS_ACCC8E000000", nonce="00036cc2Y5b7d4e1c", algorithm=MD5, qop="auth", stale=false`),
				`Digest username="root", realm="AXIS_ACCC8E000000", nonce="00036cc2Y5b7d4e1c", uri="/", response="6629fae49393a05397450978507c4ef1"`)
		}, absent("DIGEST_STALE")),

		// PROXY_AUTH_REQUIRED
		pos("PROXY_AUTH_REQUIRED", "Squid Basic", "proxy wants credentials", func(t testing.TB) Input {
			return exchange(t, resp(407, "", "Server: squid/3.5.27", `Proxy-Authenticate: Basic realm="Squid proxy-caching web server"`, "X-Squid-Error: ERR_CACHE_ACCESS_DENIED 0"), bearer(tok(t)))
		}, evidence("Proxy-Authenticate: Basic"), absent("WRONG_SCHEME")),
		pos("PROXY_AUTH_REQUIRED", "corporate proxy Negotiate and NTLM", "API was never reached", func(t testing.TB) Input {
			return exchange(t, resp(407, "", "Proxy-Authenticate: Negotiate", "Proxy-Authenticate: NTLM"), "")
		}, want("INTEGRATED_AUTH")),
		neg("PROXY_AUTH_REQUIRED", "a 401 from the API", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Basic realm="api"`), "")
		}, absent("PROXY_AUTH_REQUIRED")),

		// REGISTRY_TOKEN_FLOW
		pos("REGISTRY_TOKEN_FLOW", "Docker Hub anonymous", "get a token from https://auth.docker.io/token", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":[{"Type":"repository","Name":"docker/highland_builder","Action":"pull"}]}]}`+"\n",
				"Content-Type: application/json; charset=utf-8", "Docker-Distribution-Api-Version: registry/2.0",
				`Www-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:docker/highland_builder:pull"`), "")
		}, want("NO_CREDENTIALS"), also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Fix, "scope=repository:docker/highland_builder:pull") {
				t.Errorf("fix lacks the token URL: %q", r.Diagnosis[0].Fix)
			}
		})),
		pos("REGISTRY_TOKEN_FLOW", "GHCR with Basic sent straight to the registry", "get a token from https://ghcr.io/token", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}`,
				"Content-Type: application/json", `Www-Authenticate: Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:octo-org/app:pull"`),
				"Basic "+b64("octocat:"+ghPAT))
		}),
		neg("REGISTRY_TOKEN_FLOW", "a registry token was judged insufficient", func(t testing.TB) Input {
			return exchange(t, resp(401, "",
				`Www-Authenticate: Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull",error="insufficient_scope"`),
				bearer(tok(t, "access", []any{})))
		}, want("REGISTRY_TOKEN_FLOW", "INSUFFICIENT_SCOPE")),

		// RESOURCE_METADATA
		pos("RESOURCE_METADATA", "fetched metadata whose resource differs", "does not fit this request", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer resource_metadata="`+mcpMeta+`"`),
				bearer(tok(t, "iss", "https://auth.example.com", "aud", "https://mcp.example.com/mcp")))
			in = withURL(in, "https://mcp.example.com/mcp")
			return withMetadata(in, &Metadata{URL: mcpMeta, Resource: "https://mcp.example.com/mcp/", AuthorizationServers: []string{"https://auth.example.com"},
				ScopesSupported: []string{"mcp:tools"}, Problems: []string{"resource https://mcp.example.com/mcp/ is not the requested URL https://mcp.example.com/mcp (trailing slash)"}})
		}, evidence("trailing slash"), absent("AUDIENCE_MISMATCH")),
		pos("RESOURCE_METADATA", "token issuer not among authorization_servers", "does not fit this request", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer resource_metadata="`+mcpMeta+`", scope="mcp:tools"`),
				bearer(tok(t, "iss", "https://auth.other.example.com/", "aud", "https://mcp.example.com/mcp")))
			in = withURL(in, "https://mcp.example.com/mcp")
			return withMetadata(in, &Metadata{URL: mcpMeta, Resource: "https://mcp.example.com/mcp", AuthorizationServers: []string{"https://auth.example.com"},
				Problems: []string{"the token's iss https://auth.other.example.com/ is not among authorization_servers"}})
		}, evidence("not among authorization_servers"), absent("AUDIENCE_MISMATCH")),
		pos("RESOURCE_METADATA", "metadata could not be fetched", "does not fit this request", func(t testing.TB) Input {
			in := exchange(t, resp(401, "", `WWW-Authenticate: Bearer resource_metadata="http://mcp.example.com/.well-known/oauth-protected-resource"`), bearer(tok(t)))
			return withMetadata(in, &Metadata{URL: "http://mcp.example.com/.well-known/oauth-protected-resource", Err: "HTTP 404 Not Found"})
		}, evidence("HTTP 404")),
		neg("RESOURCE_METADATA", "no resource_metadata and nothing fetched", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), "")
		}, absent("RESOURCE_METADATA")),
		neg("RESOURCE_METADATA", "metadata pointer but no credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer resource_metadata="`+mcpMeta+`", scope="mcp:tools"`), "")
		}, want("RESOURCE_METADATA"), before("NO_CREDENTIALS", "RESOURCE_METADATA")),

		// UNKNOWN_SCHEME: context only.
		pos("UNKNOWN_SCHEME", "WSO2 OAuth2 challenge on a 200", "Unknown authentication scheme OAuth2", func(t testing.TB) Input {
			return exchange(t, resp(200, "", `WWW-Authenticate: OAuth2 realm="WSO2 API Manager"`), "")
		}, also(func(t *testing.T, r Result) {
			if !strings.Contains(r.Diagnosis[0].Detail, "treat it as Bearer") {
				t.Errorf("detail does not say OAuth2 is Bearer: %q", r.Diagnosis[0].Detail)
			}
		})),
		pos("UNKNOWN_SCHEME", "MutualTLS on a 400 after MutualTLS credentials", "Unknown authentication scheme MutualTLS", func(t testing.TB) Input {
			return exchange(t, resp(400, "", `WWW-Authenticate: MutualTLS realm="bank"`), "MutualTLS c2VyaWFsPTEyMzQ1Njc4OTA=")
		}),
		neg("UNKNOWN_SCHEME", "Bearer is known", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), "")
		}, absent("UNKNOWN_SCHEME")),
		neg("UNKNOWN_SCHEME", "OAuth2 without credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: OAuth2 realm="WSO2 API Manager"`), "")
		}, want("UNKNOWN_SCHEME", "NO_CREDENTIALS")),
	}
}

// dpopCases: RFC 9449.
func dpopCases() []explainCase {
	return []explainCase{
		// DPOP_REQUIRED
		pos("DPOP_REQUIRED", "bound token sent as Bearer, both schemes offered (RFC 9449 §7.2)", "must be sent with DPoP", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="Invalid token", DPoP algs="ES256 PS256"`),
				bearer(boundToken(t, dpopKey())))
		}, evidence("token cnf.jkt "), absent("WRONG_SCHEME", "SERVER_SAYS")),
		pos("DPOP_REQUIRED", "DPoP-only server, unbound Bearer token", "must be sent with DPoP", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: DPoP algs="ES256 PS256"`), bearer(tok(t)))
		}, absent("WRONG_SCHEME", "CREDENTIALS_NOT_SEEN")),
		pos("DPOP_REQUIRED", "bound token as Bearer to a Bearer-only challenge", "must be sent with DPoP", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(boundToken(t, dpopKey())))
		}, before("DPOP_REQUIRED", "CREDENTIALS_NOT_SEEN")),
		// Spring: "DPoP proof is missing or invalid" is DPOP_REQUIRED in
		// servermsg; here the request itself shows the proof is missing.
		pos("DPOP_REQUIRED", "DPoP scheme without a DPoP proof header", "", func(t testing.TB) Input {
			k := dpopKey()
			return exchange(t, resp(401, "", `WWW-Authenticate: DPoP algs="ES256"`), "DPoP "+boundToken(t, k))
		}),
		neg("DPOP_REQUIRED", "bound token sent as DPoP with a good proof", func(t testing.TB) Input {
			k := dpopKey()
			at := boundToken(t, k, "exp", expired3m12)
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP error="invalid_token", algs="ES256"`), at, proofOpts{key: k})
		}, absent("DPOP_REQUIRED")),

		// DPOP_NONCE_REQUIRED
		pos("DPOP_NONCE_REQUIRED", "RFC 9449 §9 resource server nonce", "Retry with the server's DPoP nonce", func(t testing.TB) Input {
			k := dpopKey()
			at := boundToken(t, k)
			return dpopExchange(t, resp(401, "",
				`WWW-Authenticate: DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"`, "DPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v"),
				at, proofOpts{key: k})
		}, evidence("DPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v"), before("DPOP_NONCE_REQUIRED", "DPOP_PROOF_INVALID")),
		pos("DPOP_NONCE_REQUIRED", "RFC 9449 §8 authorization server nonce, 400 JSON", "Retry with the server's DPoP nonce", func(t testing.TB) Input {
			in := exchange(t, resp(400, `{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof"}`,
				"Content-Type: application/json", "DPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v"), "Basic "+b64("s6BhdRkqt3:7Fjfp0ZBr1KtDRbnfVdmIw"),
				"DPoP: "+proof(t, proofOpts{htm: "POST", htu: "https://server.example.com/token"}))
			return withURL(withMethod(in, "POST"), "https://server.example.com/token")
		}),
		neg("DPOP_NONCE_REQUIRED", "invalid_dpop_proof is not a nonce request", func(t testing.TB) Input {
			at := boundToken(t, dpopKey())
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP error="invalid_dpop_proof", error_description="Invalid DPoP proof"`), at, proofOpts{htm: "POST"})
		}, absent("DPOP_NONCE_REQUIRED")),

		// DPOP_PROOF_INVALID
		pos("DPOP_PROOF_INVALID", "invalid_dpop_proof, htm POST for a GET", "htm is", func(t testing.TB) Input {
			at := boundToken(t, dpopKey())
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP error="invalid_dpop_proof", error_description="Invalid DPoP proof", algs="ES256"`), at, proofOpts{htm: "POST"})
		}, evidence("proof htm: ")),
		pos("DPOP_PROOF_INVALID", "Invalid DPoP key binding, proof signed with another key", "key binding", func(t testing.TB) Input {
			at := boundToken(t, dpopKey())
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP error="invalid_token", error_description="Invalid DPoP key binding", algs="ES256"`), at, proofOpts{key: otherDPoPKey()})
		}, evidence("proof jkt: "), absent("SERVER_SAYS")),
		pos("DPOP_PROOF_INVALID", "ath of another token, bare DPoP challenge", "ath is", func(t testing.TB) Input {
			at := boundToken(t, dpopKey())
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP algs="ES256"`), at, proofOpts{accessToken: "some-other-access-token"})
		}, before("DPOP_PROOF_INVALID", "CREDENTIALS_NOT_SEEN")),
		pos("DPOP_PROOF_INVALID", "Spring ath claim is invalid", "proof", func(t testing.TB) Input {
			at := boundToken(t, dpopKey())
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP error="invalid_dpop_proof", error_description="ath claim is invalid"`), at, proofOpts{ath: "bm90LXRoZS1oYXNo"})
		}, evidence("ath claim is invalid")),
		neg("DPOP_PROOF_INVALID", "a good proof", func(t testing.TB) Input {
			k := dpopKey()
			at := boundToken(t, k, "exp", expired3m12)
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP error="invalid_token", algs="ES256"`), at, proofOpts{key: k})
		}, absent("DPOP_PROOF_INVALID")),
	}
}

// responseCases: what the response says without a challenge.
func responseCases() []explainCase {
	return []explainCase{
		// AWS_SIGNATURE
		pos("AWS_SIGNATURE", "STS security token invalid", "The security token included in the request is invalid", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"message":"The security token included in the request is invalid."}`,
				"Content-Type: application/json", "x-amzn-RequestId: 2b1f5e3c-0000-4000-8000-000000000000", "x-amzn-ErrorType: UnrecognizedClientException"),
				"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024")
		}, absent("FORBIDDEN_AUTHZ")),
		pos("AWS_SIGNATURE", "S3 SignatureDoesNotMatch XML", "The request signature we calculated does not match", func(t testing.TB) Input {
			return exchange(t, resp(403, `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>AKIAIOSFODNN7EXAMPLE</AWSAccessKeyId><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
				"Content-Type: application/xml", "x-amz-request-id: 4442587FB7D0A2F9", "Server: AmazonS3"),
				"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
		}, absent("FORBIDDEN_AUTHZ")),
		pos("AWS_SIGNATURE", "SP-API Signature expired", "Signature expired", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"errors":[{"message":"Signature expired: 20261127T095455Z is now earlier than 20261127T095500Z (20261127T100000Z - 5 min.)","code":"InvalidSignature"}]}`,
				"Content-Type: application/json", "x-amzn-RequestId: 8f2b3c4d-0000-4000-8000-000000000000"),
				"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
				"x-amz-date: 20261127T095455Z")
		}, want("CLOCK_SKEW")),
		neg("AWS_SIGNATURE", "no credentials at all", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"message":"Missing Authentication Token"}`, "Content-Type: application/json", "x-amzn-ErrorType: MissingAuthenticationTokenException"), "")
		}, want("AWS_SIGNATURE")),
		neg("AWS_SIGNATURE", "not an AWS response", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"message":"Forbidden"}`, "Content-Type: application/json"), bearer(tok(t)))
		}, absent("AWS_SIGNATURE")),

		// NO_CHALLENGE
		pos("NO_CHALLENGE", "401 without challenge after a good JWT", "401 without a WWW-Authenticate challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, "", "Content-Length: 0"), bearer(tok(t)))
		}),
		pos("NO_CHALLENGE", "401 without challenge after a session cookie", "401 without a WWW-Authenticate challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, ""), "", "Cookie: sessionid=8b1f0c2d9e3a4b5c6d7e8f90")
		}),
		neg("NO_CHALLENGE", "a 401 with a challenge", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer realm="api"`), bearer(tok(t)))
		}, absent("NO_CHALLENGE")),
		neg("NO_CHALLENGE", "a 403 needs no challenge", func(t testing.TB) Input {
			return exchange(t, resp(403, ""), bearer(tok(t)))
		}, absent("NO_CHALLENGE")),
		neg("NO_CHALLENGE", "Kubernetes: the expired token says more", func(t testing.TB) Input {
			return exchange(t, resp(401, kubeUnauthorized, "Content-Type: application/json"), bearer(tok(t, "exp", expired3m12)))
		}, want("NO_CHALLENGE")),

		// FORBIDDEN_AUTHZ
		pos("FORBIDDEN_AUTHZ", "403 after a good token, roles shown", "Authenticated, but not allowed", func(t testing.TB) Input {
			return exchange(t, resp(403, ""), bearer(tok(t, "roles", []any{"orders.reader"})))
		}, evidence("token roles: orders.reader")),
		pos("FORBIDDEN_AUTHZ", "Kubernetes RBAC denial", "", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods is forbidden: User \"system:serviceaccount:default:ci\" cannot list resource \"pods\" in API group \"\" in the namespace \"kube-system\"","reason":"Forbidden","details":{"kind":"pods"},"code":403}`,
				"Content-Type: application/json"), bearer(tok(t, "iss", "https://kubernetes.default.svc.cluster.local", "sub", "system:serviceaccount:default:ci")))
		}, evidence("cannot list resource")),
		pos("FORBIDDEN_AUTHZ", "AWS IAM AccessDenied with a valid signature", "", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"__type":"AccessDeniedException","Message":"User: arn:aws:iam::123456789012:user/ci is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/Orders because no identity-based policy allows the dynamodb:GetItem action"}`,
				"Content-Type: application/x-amz-json-1.0", "x-amzn-RequestId: 7a3d0000-0000-4000-8000-000000000000"),
				"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=1111111111111111111111111111111111111111111111111111111111111111")
		}, evidence("is not authorized to perform")),
		neg("FORBIDDEN_AUTHZ", "403 without credentials", func(t testing.TB) Input {
			return exchange(t, resp(403, ""), "")
		}, absent("FORBIDDEN_AUTHZ")),
		neg("FORBIDDEN_AUTHZ", "insufficient_scope says more", func(t testing.TB) Input {
			return exchange(t, resp(403, "", `WWW-Authenticate: Bearer error="insufficient_scope"`), bearer(tok(t)))
		}, absent("FORBIDDEN_AUTHZ")),
		// A rate limit is not an authorization decision (servermsg:
		// RATE_LIMITED "is a rate limit or quota, not a credential problem").
		neg("FORBIDDEN_AUTHZ", "GitHub secondary rate limit on a 403", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}`,
				"Content-Type: application/json; charset=utf-8", "Retry-After: 60", "X-RateLimit-Remaining: 0"), bearer(ghPAT))
		}, absent("FORBIDDEN_AUTHZ")),
	}
}

// serverOnlyCases: causes only the server's words can name.
func serverOnlyCases() []explainCase {
	return []explainCase{
		// SERVER_SAYS
		pos("SERVER_SAYS", "Google invalid_token for an opaque token", "The server says the token is invalid, but not why", func(t testing.TB) Input {
			return exchange(t, resp(401, `{
  "error": {
    "code": 401,
    "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
    "status": "UNAUTHENTICATED"
  }
}`, "Content-Type: application/json; charset=UTF-8", `WWW-Authenticate: Bearer realm="https://accounts.google.com/", error="invalid_token"`), bearer(googleOpaque))
		}, want("OPAQUE_TOKEN")),
		pos("SERVER_SAYS", "GitHub Bad credentials", "Bad credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}`, "Content-Type: application/json; charset=utf-8", "X-RateLimit-Limit: 60"), "token "+ghPAT)
		}, want("NO_CHALLENGE"), evidence("Bad credentials")),
		pos("SERVER_SAYS", "unrecognised description", "", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="Token was issued to a suspended application"`), bearer(tok(t)))
		}, evidence("suspended application")),
		neg("SERVER_SAYS", "invalid_token explained by exp", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t, "exp", expired3m12)))
		}, absent("SERVER_SAYS")),
		neg("SERVER_SAYS", "invalid_token explained by the wording", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was not found"`), bearer(tok(t)))
		}, absent("SERVER_SAYS")),

		// TOKEN_REVOKED
		pos("TOKEN_REVOKED", "Keycloak Token has been revoked", "revoked", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"invalid_token","error_description":"Token has been revoked"}`, "Content-Type: application/json",
				`WWW-Authenticate: Bearer realm="app", error="invalid_token", error_description="Token has been revoked"`), bearer(tok(t, "iss", "https://sso.example.com/realms/app")))
		}, absent("SERVER_SAYS")),
		pos("TOKEN_REVOKED", "Google Token has been expired or revoked", "revoked", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant","error_description":"Token has been expired or revoked."}`, "Content-Type: application/json; charset=utf-8"),
				"Basic "+b64("1234-abc.apps.googleusercontent.com:GOCSPX-EXAMPLEsecret"))
		}),
		pos("TOKEN_REVOKED", "Keycloak session not active", "session ended", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant","error_description":"Session not active"}`, "Content-Type: application/json"), "Basic "+b64("cli:cli-secret-value"))
		}),
		neg("TOKEN_REVOKED", "nothing said about revocation", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token"`), bearer(tok(t)))
		}, absent("TOKEN_REVOKED")),

		// INVALID_CLIENT
		pos("INVALID_CLIENT", "Entra AADSTS7000215 invalid client secret", "client's credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '00000000-0000-0000-0000-000000000001'.","error_codes":[7000215]}`,
				"Content-Type: application/json; charset=utf-8", `WWW-Authenticate: Basic realm="login.microsoftonline.com"`),
				"Basic "+b64("00000000-0000-0000-0000-000000000001:abc~DEF.ghi_JKL-mno"))
		}, absent("CREDENTIALS_NOT_SEEN")),
		pos("INVALID_CLIENT", "Keycloak Invalid client credentials", "client's credentials", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}`, "Content-Type: application/json"),
				"Basic "+b64("orders-service:wrong-secret-value"))
		}),
		neg("INVALID_CLIENT", "invalid_grant is about the grant", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant","error_description":"Token has been expired or revoked."}`, "Content-Type: application/json"),
				"Basic "+b64("1234-abc.apps.googleusercontent.com:GOCSPX-EXAMPLEsecret"))
		}, absent("INVALID_CLIENT")),

		// CONSENT_REQUIRED
		pos("CONSENT_REQUIRED", "Entra AADSTS65001", "not consented", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant","error_description":"AADSTS65001: The user or administrator has not consented to use the application with ID '00000000-0000-0000-0000-000000000001' named 'orders-cli'. Send an interactive authorization request for this user and resource.","error_codes":[65001],"suberror":"consent_required"}`,
				"Content-Type: application/json; charset=utf-8"), "Basic "+b64("00000000-0000-0000-0000-000000000001:abc~DEF.ghi_JKL-mno"))
		}),
		pos("CONSENT_REQUIRED", "resource server: user has not consented", "not consented", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Bearer error="invalid_token", error_description="The user has not consented to the scopes this API needs"`), bearer(tok(t)))
		}, absent("SERVER_SAYS")),
		// INVALID_GRANT
		pos("INVALID_GRANT", "Entra AADSTS54005 code already redeemed", "rejected the grant", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant","error_description":"AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.","error_codes":[54005]}`,
				"Content-Type: application/json; charset=utf-8"), "Basic "+b64("00000000-0000-0000-0000-000000000001:abc~DEF.ghi_JKL-mno"))
		}, evidence("AADSTS54005")),
		pos("INVALID_GRANT", "Keycloak Invalid refresh token", "rejected the grant", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant","error_description":"Invalid refresh token"}`, "Content-Type: application/json"), "Basic "+b64("cli:cli-secret-value"))
		}),
		pos("INVALID_GRANT", "bare RFC 6749 invalid_grant", "rejected the grant", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant"}`, "Content-Type: application/json"), "Basic "+b64("cli:cli-secret-value"))
		}),
		neg("INVALID_GRANT", "the words say revoked", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_grant","error_description":"Token has been expired or revoked."}`, "Content-Type: application/json"),
				"Basic "+b64("1234-abc.apps.googleusercontent.com:GOCSPX-EXAMPLEsecret"))
		}),

		// INVALID_SCOPE
		pos("INVALID_SCOPE", "Entra AADSTS70011", "rejected the requested scope", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_scope","error_description":"AADSTS70011: The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope orders.read is not valid.","error_codes":[70011]}`,
				"Content-Type: application/json; charset=utf-8"), "Basic "+b64("00000000-0000-0000-0000-000000000001:abc~DEF.ghi_JKL-mno"))
		}),
		pos("INVALID_SCOPE", "RFC 6749 invalid_scope", "rejected the requested scope", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, or malformed."}`, "Content-Type: application/json"),
				"Basic "+b64("cli:cli-secret-value"))
		}),
		neg("INVALID_SCOPE", "a resource server's insufficient_scope", func(t testing.TB) Input {
			return exchange(t, resp(403, "", `WWW-Authenticate: Bearer error="insufficient_scope", scope="orders:write"`), bearer(tok(t)))
		}, absent("INVALID_SCOPE")),

		// RATE_LIMITED
		pos("RATE_LIMITED", "GitHub secondary rate limit on a 403", "rate-limiting", func(t testing.TB) Input {
			return exchange(t, resp(403, `{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}`,
				"Content-Type: application/json; charset=utf-8", "Retry-After: 60", "X-RateLimit-Remaining: 0"), bearer(ghPAT))
		}, absent("FORBIDDEN_AUTHZ")),
		pos("RATE_LIMITED", "Google quota exceeded", "rate-limiting", func(t testing.TB) Input {
			return exchange(t, resp(429, `{"error":{"code":429,"message":"Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:123456'.","status":"RESOURCE_EXHAUSTED"}}`,
				"Content-Type: application/json; charset=UTF-8"), bearer(googleOpaque))
		}),
		pos("RATE_LIMITED", "AWS ThrottlingException", "rate-limiting", func(t testing.TB) Input {
			return exchange(t, resp(400, `{"__type":"ThrottlingException","message":"Rate exceeded"}`, "Content-Type: application/x-amz-json-1.1", "x-amzn-RequestId: 1d2e0000-0000-4000-8000-000000000000"),
				"AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261127/us-east-1/logs/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=2222222222222222222222222222222222222222222222222222222222222222")
		}, absent("AWS_SIGNATURE")),
		neg("RATE_LIMITED", "Bad credentials is no rate limit", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}`, "Content-Type: application/json; charset=utf-8", "X-RateLimit-Limit: 60"), "token "+ghPAT)
		}, absent("RATE_LIMITED")),

		neg("CONSENT_REQUIRED", "no credentials comes first", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"consent_required","error_description":"consent required"}`, "Content-Type: application/json", `WWW-Authenticate: Bearer realm="api"`), "")
		}, want("CONSENT_REQUIRED")),
	}
}

// TestCredentialsFingerprint: what the request carried is described, never
// reproduced: at most the last four characters of a secret, and a Basic
// user name without its password.
func TestCredentialsFingerprint(t *testing.T) {
	jwtTok := tokH(t, map[string]any{"kid": "k1"})
	k := dpopKey()
	bound := boundToken(t, k)
	for _, c := range []struct {
		name       string
		in         func(t testing.TB) Input
		kind, head string
		has        []string
	}{
		{"bearer JWT", func(t testing.TB) Input { return exchange(t, resp(401, ""), bearer(jwtTok)) },
			"bearer", "Authorization", []string{"HS256", "kid k1", "…" + jwtTok[len(jwtTok)-4:]}},
		{"opaque GitHub PAT", func(t testing.TB) Input { return exchange(t, resp(401, ""), bearer(ghPAT)) },
			"bearer", "Authorization", []string{"github_pat", "…" + ghPAT[len(ghPAT)-4:]}},
		{"DPoP", func(t testing.TB) Input {
			return dpopExchange(t, resp(401, "", `WWW-Authenticate: DPoP algs="ES256"`), bound, proofOpts{key: k})
		}, "dpop", "Authorization", []string{"…" + bound[len(bound)-4:]}},
		{"Basic", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Basic realm="x"`), "Basic "+b64("alice:correct-horse-battery"))
		}, "basic", "Authorization", []string{"alice"}},
		{"Basic that is not base64", func(t testing.TB) Input {
			return exchange(t, resp(401, "", `WWW-Authenticate: Basic realm="x"`), "Basic alice:correct-horse-battery")
		}, "basic", "Authorization", nil},
		{"short bearer", func(t testing.TB) Input { return exchange(t, resp(401, ""), "Bearer abc123") },
			"bearer", "Authorization", nil},
		{"legacy GitHub token scheme", func(t testing.TB) Input { return exchange(t, resp(401, ""), "token "+ghPAT) },
			"other", "Authorization", []string{"…" + ghPAT[len(ghPAT)-4:]}},
		{"API key header", func(t testing.TB) Input {
			return exchange(t, resp(401, ""), "", "X-API-Key: k_live_51HxYzAbCdEf0123456789")
		}, "api_key", "X-API-Key", []string{"…6789"}},
		{"session cookie", func(t testing.TB) Input {
			return exchange(t, resp(401, ""), "", "Cookie: session=4f9a1c2e8b7d6a5f; theme=dark")
		}, "cookie", "Cookie", []string{"session", "theme"}},
		// A server that quotes the token back must not make it leak.
		{"server echoes the token", func(t testing.TB) Input {
			return exchange(t, resp(401, `{"message":"Token `+ghPAT+` is not valid for this organization"}`, "Content-Type: application/json",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="token `+ghPAT+` was revoked"`), bearer(ghPAT))
		}, "bearer", "Authorization", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := c.in(t)
			r := Explain(in)
			checkInvariants(t, in, r)
			if r.Credentials == nil {
				t.Fatal("credentials is nil")
			}
			if r.Credentials.Kind != c.kind || r.Credentials.Header != c.head {
				t.Errorf("credentials = %+v, want kind %s header %s", *r.Credentials, c.kind, c.head)
			}
			for _, h := range c.has {
				if !strings.Contains(r.Credentials.Fingerprint, h) {
					t.Errorf("fingerprint %q lacks %q", r.Credentials.Fingerprint, h)
				}
			}
			for _, bad := range []string{"correct-horse-battery", "abc123", "4f9a1c2e8b7d6a5f", "dark"} {
				if strings.Contains(r.Credentials.Fingerprint, bad) {
					t.Errorf("fingerprint %q shows %q", r.Credentials.Fingerprint, bad)
				}
			}
		})
	}
}

// TestDeterministic: the same exchange always gives the same ranking, even
// when several causes tie on score.
func TestDeterministic(t *testing.T) {
	inputs := map[string]func(t testing.TB) Input{
		// Two server-only causes with equal scores.
		"revoked and invalid client": func(t testing.TB) Input {
			return exchange(t, resp(401, `{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}`, "Content-Type: application/json",
				`WWW-Authenticate: Bearer realm="app", error="invalid_token", error_description="Token has been revoked"`), bearer(tok(t)))
		},
		"rate limited and consent": func(t testing.TB) Input {
			return exchange(t, resp(403, `{"error":"consent_required","error_description":"You have exceeded a secondary rate limit"}`, "Content-Type: application/json",
				`WWW-Authenticate: Bearer error="invalid_token", error_description="The user has not consented to this application"`), bearer(tok(t)))
		},
	}
	for name, mk := range inputs {
		t.Run(name, func(t *testing.T) {
			in := mk(t)
			first := Explain(in)
			want := mustJSON(first)
			for i := 0; i < 64; i++ {
				again := Explain(in)
				if mustJSON(again) != want {
					t.Fatalf("run %d ranks %v, the first run ranked %v", i, ids(again), ids(first))
				}
			}
		})
	}
}

// TestEmptyInput: nothing known still gives well-formed JSON.
func TestEmptyInput(t *testing.T) {
	for _, in := range []Input{{}, {Status: 401}, {Status: 403, Now: now}, {Status: 407}, {Status: 200}} {
		r := Explain(in)
		checkInvariants(t, in, r)
	}
}
