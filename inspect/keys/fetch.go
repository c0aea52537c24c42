package keys

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/why401/why401/inspect/fetch"
)

// DefaultMaxAge is how long a cached key document is used before it is
// fetched again.
const DefaultMaxAge = 10 * time.Minute

// Cache keeps fetched documents with their fetch time.
type Cache interface {
	Get(url string) (data []byte, fetched time.Time, ok bool)
	Put(url string, data []byte, fetched time.Time) error
}

// Fetcher gets JWKS and discovery documents over HTTPS (plain HTTP only on
// loopback), with a timeout, a size cap and an optional cache.
type Fetcher struct {
	Client   *http.Client // nil: a client with Timeout
	Timeout  time.Duration
	MaxBytes int64
	MaxAge   time.Duration // how long a cached document is used without refetching
	Cache    Cache
	Now      func() time.Time
}

// Metadata is the part of an OIDC / RFC 8414 discovery document we use.
type Metadata struct {
	Issuer  string `json:"issuer"`
	JWKSURI string `json:"jwks_uri"`
	URL     string `json:"-"` // where the document was found
}

// JWKS fetches the key set at rawURL. When kid is not empty and the cached
// copy lacks it, the set is fetched again: the issuer may have rotated keys.
func (f Fetcher) JWKS(ctx context.Context, rawURL, kid string) (Set, error) {
	if data, at, ok := f.cached(rawURL); ok {
		set, err := Parse(data, "JWKS "+rawURL)
		if err == nil && (kid == "" || slices.Contains(set.KIDs(), kid)) {
			set.FetchedAt, set.FromCache = at, true
			return set, nil
		}
	}
	data, err := f.get(ctx, rawURL)
	if err != nil {
		return Set{}, err
	}
	set, err := Parse(data, "JWKS "+rawURL)
	if err != nil {
		return Set{}, err
	}
	set.FetchedAt = f.now()
	f.store(rawURL, data, set.FetchedAt)
	return set, nil
}

// Discover reads the issuer's OIDC discovery document (then the RFC 8414
// one), checks that it names the same issuer, and fetches its JWKS. The
// issuer comes from the user, never from a token.
func (f Fetcher) Discover(ctx context.Context, issuer, kid string) (Set, Metadata, error) {
	var errs []error
	for _, u := range discoveryURLs(issuer) {
		md, err := f.metadata(ctx, u)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if md.Issuer != issuer {
			return Set{}, md, fmt.Errorf("the discovery document at %s names issuer %q, not %q, so its keys are not trusted", u, md.Issuer, issuer)
		}
		if md.JWKSURI == "" {
			return Set{}, md, fmt.Errorf("the discovery document at %s has no jwks_uri", u)
		}
		set, err := f.JWKS(ctx, md.JWKSURI, kid)
		return set, md, err
	}
	return Set{}, Metadata{}, fmt.Errorf("discovery for %s failed: %s", issuer, joinErrs(errs))
}

// joinErrs keeps several failures on one line, for one-sentence errors.
func joinErrs(errs []error) string {
	msgs := make([]string, len(errs))
	for i, e := range errs {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

func (f Fetcher) metadata(ctx context.Context, u string) (Metadata, error) {
	data, err := f.get(ctx, u)
	if err != nil {
		return Metadata{}, err
	}
	var md Metadata
	if err := json.Unmarshal(data, &md); err != nil {
		return Metadata{}, fmt.Errorf("%s is not a JSON discovery document: %w", u, err)
	}
	md.URL = u
	return md, nil
}

// discoveryURLs lists where an issuer's metadata may live: OIDC appends the
// well-known path to the issuer (OIDC Discovery §4); RFC 8414 §3 inserts it
// between host and path.
func discoveryURLs(issuer string) []string {
	trimmed := strings.TrimSuffix(issuer, "/")
	out := []string{trimmed + "/.well-known/openid-configuration"}
	if u, err := url.Parse(trimmed); err == nil && u.Path != "" {
		out = append(out, u.Scheme+"://"+u.Host+"/.well-known/oauth-authorization-server"+u.Path)
	} else {
		out = append(out, trimmed+"/.well-known/oauth-authorization-server")
	}
	return out
}

func (f Fetcher) get(ctx context.Context, rawURL string) ([]byte, error) {
	return fetch.Get(ctx, rawURL, fetch.Options{Client: f.Client, Timeout: f.Timeout, MaxBytes: f.MaxBytes,
		Accept: "application/json, application/jwk-set+json"})
}

func (f Fetcher) cached(u string) ([]byte, time.Time, bool) {
	if f.Cache == nil {
		return nil, time.Time{}, false
	}
	data, at, ok := f.Cache.Get(u)
	if !ok || f.now().Sub(at) > f.maxAge() {
		return nil, time.Time{}, false
	}
	return data, at, true
}

func (f Fetcher) store(u string, data []byte, at time.Time) {
	if f.Cache != nil {
		_ = f.Cache.Put(u, data, at) // a cache that cannot be written only costs a refetch
	}
}

func (f Fetcher) maxAge() time.Duration {
	if f.MaxAge > 0 {
		return f.MaxAge
	}
	return DefaultMaxAge
}

func (f Fetcher) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}
