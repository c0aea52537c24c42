package claims

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The names the design asks for. A name missing here is a gap in the help
// screens, so the list is checked against the tables.
var requiredClaims = []string{
	// RFC 7519 §4.1
	"iss", "sub", "aud", "exp", "nbf", "iat", "jti",
	// OIDC Core §5.1
	"name", "given_name", "family_name", "middle_name", "nickname", "preferred_username",
	"profile", "picture", "website", "email", "email_verified", "gender", "birthdate",
	"zoneinfo", "locale", "phone_number", "phone_number_verified", "address", "updated_at",
	// OIDC Core §2 and logout
	"auth_time", "nonce", "acr", "amr", "azp", "at_hash", "c_hash", "sid",
	// RFC 9068, 7643, 7800, 8693
	"client_id", "scope", "roles", "groups", "entitlements", "cnf", "act", "may_act",
	// Microsoft
	"scp", "tid", "oid", "xms_cc", "ver", "appid", "idp", "upn", "unique_name", "wids",
	// Auth0, Okta
	"permissions", "cid", "uid",
	// Keycloak
	"realm_access", "resource_access", "typ", "session_state",
	// Cognito
	"cognito:groups", "token_use", "username",
	// Google, Docker registry
	"hd", "access",
	// DPoP proofs, SETs
	"htm", "htu", "ath", "events", "toe", "txn",
}

var requiredHeaders = []string{
	// RFC 7515 §4.1
	"alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
	// RFC 7516 §4.1, RFC 7518
	"enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c",
	// RFC 7797
	"b64",
}

func TestRequiredNamesPresent(t *testing.T) {
	for _, n := range requiredClaims {
		if _, ok := Claim(n); !ok {
			t.Errorf("Claim(%q) missing", n)
		}
	}
	for _, n := range requiredHeaders {
		if _, ok := Header(n); !ok {
			t.Errorf("Header(%q) missing", n)
		}
	}
}

var (
	// "RFC 7519 §4.1.4" at the start of Spec: the linked section must match.
	rfcSpec = regexp.MustCompile(`^RFC (\d+) §([0-9.]+)`)
	// The vendor marker in Spec.
	vendorMark = "(vendor)"
)

func checkEntries(t *testing.T, table string, entries []Entry) {
	t.Helper()
	seen := map[string]bool{}
	for _, e := range entries {
		where := table + " " + e.Name
		if e.Name == "" || strings.TrimSpace(e.Name) != e.Name {
			t.Errorf("%s: bad name %q", table, e.Name)
		}
		if seen[e.Name] {
			t.Errorf("%s: duplicate name", where)
		}
		seen[e.Name] = true

		if strings.TrimSpace(e.Title) == "" {
			t.Errorf("%s: empty Title", where)
		}
		m := e.Meaning
		if strings.TrimSpace(m) == "" {
			t.Errorf("%s: empty Meaning", where)
		} else if m != strings.TrimSpace(m) || !strings.HasSuffix(m, ".") {
			t.Errorf("%s: Meaning should be trimmed sentences ending in '.': %q", where, m)
		}
		// One or two sentences for a help panel, not an essay.
		if len(m) > 420 {
			t.Errorf("%s: Meaning is %d bytes; keep it under 420", where, len(m))
		}

		isVendor := strings.Contains(e.Spec, vendorMark)
		if !isVendor && !strings.HasPrefix(e.Spec, "RFC ") && !strings.HasPrefix(e.Spec, "OIDC ") && !strings.HasPrefix(e.Spec, "OpenID ") {
			t.Errorf("%s: Spec %q names no RFC, OIDC or vendor document", where, e.Spec)
		}
		if isVendor != (e.Vendor != "") {
			t.Errorf("%s: Vendor %q and Spec %q disagree on whether this is a vendor claim", where, e.Vendor, e.Spec)
		}

		u, err := url.Parse(e.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			t.Errorf("%s: URL %q is not an absolute https URL", where, e.URL)
			continue
		}
		if sm := rfcSpec.FindStringSubmatch(e.Spec); sm != nil {
			want := "https://www.rfc-editor.org/rfc/rfc" + sm[1] + "#section-" + sm[2]
			if e.URL != want {
				t.Errorf("%s: Spec %q links to %q, want %q", where, e.Spec, e.URL, want)
			}
		}
		if strings.HasPrefix(e.Spec, "OIDC Core ") && !strings.HasPrefix(e.URL, "https://openid.net/specs/openid-connect-core-1_0.html#") {
			t.Errorf("%s: OIDC Core entry links to %q", where, e.URL)
		}

		if e.Kind <= Unknown || e.Kind >= kindEnd {
			t.Errorf("%s: invalid Kind %v", where, e.Kind)
		}
	}
}

func TestClaimEntries(t *testing.T)  { checkEntries(t, "claim", Claims()) }
func TestHeaderEntries(t *testing.T) { checkEntries(t, "header", Headers()) }

func TestSortedCopies(t *testing.T) {
	for name, get := range map[string]func() []Entry{"Claims": Claims, "Headers": Headers} {
		a := get()
		if len(a) == 0 {
			t.Fatalf("%s() is empty", name)
		}
		if !slices.IsSortedFunc(a, func(x, y Entry) int { return strings.Compare(x.Name, y.Name) }) {
			t.Errorf("%s() is not sorted by name", name)
		}
		// A caller scribbling on its slice must not change what others see.
		first := a[0]
		a[0].Meaning = "changed"
		a[0].Name = "changed"
		if b := get(); b[0] != first {
			t.Errorf("%s() shares its backing array with callers", name)
		}
		if e, ok := Claim(first.Name); name == "Claims" && (!ok || e != first) {
			t.Errorf("Claim(%q) affected by a caller's edit", first.Name)
		}
	}
}

func TestLookupsAreExactAndCaseSensitive(t *testing.T) {
	e, ok := Claim("exp")
	if !ok || e.Name != "exp" || e.Title != "Expiration time" || e.Spec != "RFC 7519 §4.1.4" {
		t.Errorf("Claim(exp) = %+v, %v", e, ok)
	}
	if h, ok := Header("x5t#S256"); !ok || h.Name != "x5t#S256" {
		t.Errorf("Header(x5t#S256) = %+v, %v", h, ok)
	}
	for _, n := range []string{"EXP", "Exp", " exp", "exp ", "ISS", "Aud", "SCP", "Cognito:groups", "", "alg", "kid", "enc"} {
		if _, ok := Claim(n); ok {
			t.Errorf("Claim(%q) found; names are exact and case-sensitive, and header names are not claims", n)
		}
	}
	for _, n := range []string{"ALG", "Alg", "KID", "Typ", "x5t#s256", "X5C", "", "exp", "iss"} {
		if _, ok := Header(n); ok {
			t.Errorf("Header(%q) found; names are exact and case-sensitive, and claim names are not headers", n)
		}
	}
	if e, ok := Claim("nope-not-a-claim"); ok || e != (Entry{}) {
		t.Errorf("unknown claim returned %+v, %v; want zero Entry, false", e, ok)
	}
}

func TestIsTime(t *testing.T) {
	for _, n := range []string{"exp", "nbf", "iat", "auth_time", "updated_at", "toe"} {
		if !IsTime(n) {
			t.Errorf("IsTime(%q) = false", n)
		}
	}
	for _, n := range []string{"EXP", "Exp", "iss", "jti", "sub", "aud", "birthdate", "ver", "alg", "", "expires_in"} {
		if IsTime(n) {
			t.Errorf("IsTime(%q) = true", n)
		}
	}
	// IsTime and the table must agree for every entry.
	for _, e := range Claims() {
		if IsTime(e.Name) != (e.Kind == Time) {
			t.Errorf("IsTime(%q) disagrees with Kind %v", e.Name, e.Kind)
		}
	}
}

// Names that mean different things to different issuers must say so, and
// names shared by header and payload are separate entries.
func TestAmbiguousNames(t *testing.T) {
	ht, _ := Header("typ")
	ct, _ := Claim("typ")
	if ht.Vendor != "" || !strings.Contains(ht.Meaning, "at+jwt") {
		t.Errorf("header typ should be the standard parameter and mention at+jwt: %+v", ht)
	}
	if ct.Vendor != vKeycloak || !strings.Contains(ct.Meaning, "Bearer") {
		t.Errorf("payload typ should be Keycloak's token type: %+v", ct)
	}
	roles, _ := Claim("roles")
	for _, who := range []string{"Entra", "Keycloak", "Auth0"} {
		if !strings.Contains(roles.Meaning, who) {
			t.Errorf("roles Meaning should say how %s uses it", who)
		}
	}
	scp, _ := Claim("scp")
	if !strings.Contains(scp.Vendor, vMicrosoft) || !strings.Contains(scp.Meaning, "space-separated") {
		t.Errorf("scp should name Microsoft and its space-separated form: %+v", scp)
	}
	nonce, _ := Claim("nonce")
	if !strings.Contains(nonce.Meaning, "DPoP") || !strings.Contains(nonce.Meaning, "ID token") {
		t.Errorf("nonce should explain both the ID-token and the DPoP meaning: %q", nonce.Meaning)
	}
	cnf, _ := Claim("cnf")
	for _, s := range []string{"jkt", "RFC 9449", "x5t#S256", "RFC 8705"} {
		if !strings.Contains(cnf.Meaning, s) {
			t.Errorf("cnf Meaning should mention %s", s)
		}
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{
		Unknown: "unknown", Time: "time", Text: "text", URL: "url", List: "list",
		Array: "array", Object: "object", Bool: "bool", Number: "number",
	}
	for k := Unknown; k < kindEnd; k++ {
		if got := k.String(); got != want[k] {
			t.Errorf("Kind(%d).String() = %q, want %q", int(k), got, want[k])
		}
	}
	for _, k := range []Kind{kindEnd, -1, 42} {
		if got := k.String(); !strings.HasPrefix(got, "Kind(") {
			t.Errorf("out-of-range Kind(%d).String() = %q", int(k), got)
		}
	}
}
