// Package claims is a dictionary of JWT claims and JOSE header parameters:
// what each name means to a developer debugging a 401 or 403, which document
// defines it, and how its value should be displayed.
//
// The data covers the registered JWT claims (RFC 7519), the JWS and JWE header
// parameters (RFC 7515, 7516, 7518, 7797), OpenID Connect ID-token and
// standard claims, OAuth access-token profiles (RFC 9068, 8693, 7800, 9449,
// 9396, 9470) and the vendor claims most often met in the wild (Microsoft
// Entra, Auth0, Okta, Keycloak, AWS Cognito, Google, Docker registries,
// GitHub Actions, Kubernetes).
//
// Names are looked up exactly as they appear in the token: JWT member names
// are case-sensitive (RFC 7519 §4), so "EXP" is not "exp". The tables are
// built by functions and only copies leave the package, so no caller can
// change what another caller sees.
package claims

import (
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Entry explains one claim or header parameter.
type Entry struct {
	Name    string // as it appears in the token
	Title   string // short human name, e.g. "Expiration time"
	Meaning string // plain explanation, including what a server checks
	Spec    string // defining document and section, e.g. "RFC 7519 §4.1.4"
	URL     string // https link to that section or vendor page
	Kind    Kind   // how to display the value
	Vendor  string // "" for standards, else the vendor, e.g. "Microsoft Entra"
}

// Kind says how a value should be displayed. It describes the usual shape;
// a renderer must still cope with whatever the token actually contains.
type Kind int

const (
	// Unknown is the zero Kind; no dictionary entry uses it. A renderer can
	// use it for names that are not in the dictionary: show the raw JSON.
	Unknown Kind = iota
	// Time is a NumericDate: seconds since 1970-01-01T00:00:00Z (RFC 7519 §2).
	Time
	// Text is a string shown as is.
	Text
	// URL is a URL or URI. It is shown, never fetched. StringOrURI claims
	// such as iss may also hold a plain string.
	URL
	// List is a space-separated string of values (OAuth scope syntax,
	// RFC 6749 §3.3). Some issuers send the same values as a JSON array.
	List
	// Array is a JSON array. aud may also be a single string.
	Array
	// Object is a JSON object, shown as nested members.
	Object
	// Bool is a JSON true or false.
	Bool
	// Number is a JSON number that is not a date.
	Number
	kindEnd // sentinel for validation; keep last
)

var kindNames = [...]string{
	Unknown: "unknown",
	Time:    "time",
	Text:    "text",
	URL:     "url",
	List:    "list",
	Array:   "array",
	Object:  "object",
	Bool:    "bool",
	Number:  "number",
}

// String returns the lower-case name of k, e.g. "time".
func (k Kind) String() string {
	if k >= 0 && k < kindEnd {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// table is one dictionary, sorted by name, with an exact-match index.
type table struct {
	sorted []Entry
	index  map[string]int
}

func newTable(entries []Entry) table {
	slices.SortStableFunc(entries, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	t := table{sorted: entries, index: make(map[string]int, len(entries))}
	for i, e := range entries {
		// Keep the first entry if a name repeats; the tests forbid repeats.
		if _, dup := t.index[e.Name]; !dup {
			t.index[e.Name] = i
		}
	}
	return t
}

func (t table) lookup(name string) (Entry, bool) {
	i, ok := t.index[name]
	if !ok {
		return Entry{}, false
	}
	return t.sorted[i], true
}

// Built on first use so that importing the package costs nothing at start-up.
var (
	claimTable  = sync.OnceValue(func() table { return newTable(claimEntries()) })
	headerTable = sync.OnceValue(func() table { return newTable(headerEntries()) })
)

// Claim returns the entry for a payload claim. The match is exact and
// case-sensitive, as JWT member names are.
func Claim(name string) (Entry, bool) { return claimTable().lookup(name) }

// Header returns the entry for a JOSE header parameter (JWS or JWE). The
// match is exact and case-sensitive.
func Header(name string) (Entry, bool) { return headerTable().lookup(name) }

// Claims returns every claim entry, sorted by name. The slice is a copy.
func Claims() []Entry { return slices.Clone(claimTable().sorted) }

// Headers returns every header parameter entry, sorted by name. The slice is
// a copy.
func Headers() []Entry { return slices.Clone(headerTable().sorted) }

// IsTime reports whether the payload claim name holds a NumericDate (exp, nbf,
// iat, auth_time, updated_at, toe, …), so that a renderer can show it as a
// date. It is derived from the dictionary, so it cannot disagree with Claim.
func IsTime(name string) bool {
	e, ok := Claim(name)
	return ok && e.Kind == Time
}
