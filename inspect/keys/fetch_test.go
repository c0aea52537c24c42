package keys

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// idp is a real HTTP server on 127.0.0.1 serving discovery and a JWKS.
type idp struct {
	srv      *httptest.Server
	issuer   string
	kids     atomic.Value // []string served in the JWKS
	hits     atomic.Int32
	n        string
	badIss   bool
	oidcPath bool // serve the OIDC document; else only RFC 8414
}

func newIDP(t *testing.T, path string, oidc bool) *idp {
	k, _ := rsa.GenerateKey(rand.Reader, 2048)
	p := &idp{n: base64.RawURLEncoding.EncodeToString(k.N.Bytes()), oidcPath: oidc}
	p.kids.Store([]string{"k1"})
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == path+"/.well-known/openid-configuration" && p.oidcPath,
			r.URL.Path == "/.well-known/oauth-authorization-server"+path && !p.oidcPath:
			iss := p.issuer
			if p.badIss {
				iss = "https://evil.example/"
			}
			fmt.Fprintf(w, `{"issuer":%q,"jwks_uri":%q}`, iss, p.srv.URL+"/jwks")
		case r.URL.Path == "/jwks":
			p.hits.Add(1)
			var ks []string
			for _, kid := range p.kids.Load().([]string) {
				ks = append(ks, fmt.Sprintf(`{"kty":"RSA","kid":%q,"n":%q,"e":"AQAB"}`, kid, p.n))
			}
			fmt.Fprintf(w, `{"keys":[%s]}`, strings.Join(ks, ","))
		default:
			http.NotFound(w, r)
		}
	})
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	p.issuer = p.srv.URL + path
	return p
}

func TestFetchJWKS(t *testing.T) {
	p := newIDP(t, "", true)
	set, err := Fetcher{}.JWKS(context.Background(), p.srv.URL+"/jwks", "")
	if err != nil || len(set.Keys) != 1 || set.Keys[0].ID != "k1" || set.FetchedAt.IsZero() {
		t.Fatalf("set %+v err %v", set, err)
	}
}

func TestDiscoverOIDCAndRFC8414(t *testing.T) {
	for _, c := range []struct {
		name string
		path string
		oidc bool
	}{{"oidc root", "", true}, {"oidc with path", "/realms/demo", true}, {"rfc8414 with path", "/tenant1", false}} {
		t.Run(c.name, func(t *testing.T) {
			p := newIDP(t, c.path, c.oidc)
			set, md, err := Fetcher{}.Discover(context.Background(), p.issuer, "")
			if err != nil || len(set.Keys) != 1 || md.Issuer != p.issuer {
				t.Fatalf("set %+v md %+v err %v", set, md, err)
			}
		})
	}
}

func TestDiscoverIssuerMustMatch(t *testing.T) {
	p := newIDP(t, "", true)
	p.badIss = true
	_, _, err := Fetcher{}.Discover(context.Background(), p.issuer, "")
	if err == nil || !strings.Contains(err.Error(), "not trusted") {
		t.Fatalf("err = %v", err)
	}
}

// TestCacheRefetchesOnUnknownKid: a cached JWKS is used until the token
// names a kid it lacks; then the issuer has probably rotated, so refetch.
func TestCacheRefetchesOnUnknownKid(t *testing.T) {
	p := newIDP(t, "", true)
	clock := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	f := Fetcher{Cache: DirCache{Dir: t.TempDir()}, Now: func() time.Time { return clock }}
	u := p.srv.URL + "/jwks"
	if _, err := f.JWKS(context.Background(), u, "k1"); err != nil {
		t.Fatal(err)
	}
	set, err := f.JWKS(context.Background(), u, "k1")
	if err != nil || !set.FromCache || p.hits.Load() != 1 {
		t.Fatalf("second fetch: cache=%v hits=%d err=%v", set.FromCache, p.hits.Load(), err)
	}
	p.kids.Store([]string{"k1", "k2"})
	set, err = f.JWKS(context.Background(), u, "k2")
	if err != nil || set.FromCache || p.hits.Load() != 2 || len(set.KIDs()) != 2 {
		t.Fatalf("rotation: cache=%v hits=%d kids=%v err=%v", set.FromCache, p.hits.Load(), set.KIDs(), err)
	}
	clock = clock.Add(DefaultMaxAge + time.Second)
	if set, _ = f.JWKS(context.Background(), u, ""); set.FromCache {
		t.Fatal("stale cache entry used")
	}
}
