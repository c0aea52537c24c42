package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
)

// secretMap resolves secrets from a map and counts lookups, like a
// profile's references would (lazily, by name).
type secretMap struct {
	vals  map[string]string
	calls map[string]int
}

func newSecretMap(kv ...string) *secretMap {
	s := &secretMap{vals: map[string]string{}, calls: map[string]int{}}
	for i := 0; i+1 < len(kv); i += 2 {
		s.vals[kv[i]] = kv[i+1]
	}
	return s
}

func (s *secretMap) get(_ context.Context, name string) (string, error) {
	s.calls[name]++
	v, ok := s.vals[name]
	if !ok {
		return "", ErrNoSecret
	}
	return v, nil
}

func apply(t *testing.T, p interface {
	Apply(context.Context, *http.Request) error
}, rawURL string) *http.Request {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, rawURL, nil)
	if err := p.Apply(t.Context(), req); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return req
}

func TestStaticProviders(t *testing.T) {
	sec := newSecretMap("token", "tok-123", "password", "s3cret:pw", "value", "k e/y&")
	cases := []struct {
		spec   Spec
		header string
		want   string
		query  string
		desc   string
	}{
		{spec: Spec{Type: TypeBearer}, header: "Authorization", want: "Bearer tok-123", desc: "Bearer token from the profile"},
		{spec: Spec{Type: TypeBasic, Username: "alice"}, header: "Authorization", want: "Basic YWxpY2U6czNjcmV0OnB3", desc: "Basic auth as alice"},
		{spec: Spec{Type: TypeAPIKey, KeyName: "x-api-key", KeyIn: "header"}, header: "X-Api-Key", want: "k e/y&", desc: "API key in header X-Api-Key"},
		{spec: Spec{Type: TypeAPIKey, KeyName: "api_key", KeyIn: "query"}, query: "b=2&a=1&api_key=k+e%2Fy%26", desc: "API key in query parameter api_key"},
		{spec: Spec{Type: TypeNone}, desc: "no credentials"},
	}
	for _, c := range cases {
		t.Run(c.spec.Type+c.spec.KeyIn, func(t *testing.T) {
			p, err := New(c.spec, sec.get, nil, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			req := apply(t, p, "https://api.example.test/x?b=2&a=1")
			if c.header != "" && req.Header.Get(c.header) != c.want {
				t.Errorf("%s = %q, want %q", c.header, req.Header.Get(c.header), c.want)
			}
			if c.query != "" && req.URL.RawQuery != c.query {
				t.Errorf("query = %q, want %q (the user's order kept)", req.URL.RawQuery, c.query)
			}
			if got := p.Describe(); got != c.desc || strings.Contains(got, "tok-123") {
				t.Errorf("Describe = %q, want %q", got, c.desc)
			}
		})
	}
}

func TestQueryKeyWarns(t *testing.T) {
	for in, warn := range map[string]bool{"query": true, "header": false} {
		p, err := New(Spec{Type: TypeAPIKey, KeyName: "api_key", KeyIn: in}, nil, nil, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		w := p.(Warner).Warnings()
		if (len(w) > 0) != warn || warn && !strings.Contains(w[0], "RFC 6750") {
			t.Errorf("in=%s: warnings %q", in, w)
		}
	}
}

func TestQueryKeyReplacesExisting(t *testing.T) {
	p, _ := New(Spec{Type: TypeAPIKey, KeyName: "key", KeyIn: "query"}, newSecretMap("value", "new").get, nil, nil, nil)
	req := apply(t, p, "https://api.example.test/?key=old")
	if req.URL.RawQuery != "key=new" {
		t.Errorf("query = %q", req.URL.RawQuery)
	}
}

// Secrets are resolved on first use only, once, and again after
// Invalidate (a cmd: helper may mint a fresh token).
func TestSecretsAreLazy(t *testing.T) {
	sec := newSecretMap("token", "t1")
	p, err := New(Spec{Type: TypeBearer}, sec.get, nil, nil, nil)
	if err != nil || sec.calls["token"] != 0 {
		t.Fatalf("New resolved secrets: %v %v", sec.calls, err)
	}
	apply(t, p, "https://x.test/")
	apply(t, p, "https://x.test/")
	if sec.calls["token"] != 1 {
		t.Errorf("resolved %d times, want 1", sec.calls["token"])
	}
	sec.vals["token"] = "t2"
	p.Invalidate(t.Context())
	if got := apply(t, p, "https://x.test/").Header.Get("Authorization"); got != "Bearer t2" {
		t.Errorf("after Invalidate: %q", got)
	}
}

func TestStaticErrors(t *testing.T) {
	_, err := New(Spec{Type: TypeBearer, Profile: "staging"}, nil, nil, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := New(Spec{Type: TypeBearer, Profile: "staging"}, nil, nil, nil, nil)
	req, _ := http.NewRequest(http.MethodGet, "https://x.test/", nil)
	err = p.Apply(t.Context(), req)
	if err == nil || !strings.Contains(err.Error(), `why401 secret set staging token`) {
		t.Errorf("missing token: %v", err)
	}

	failing := func(context.Context, string) (string, error) { return "", errors.New("env:API_TOKEN is not set") }
	p, _ = New(Spec{Type: TypeBearer}, failing, nil, nil, nil)
	if err := p.Apply(t.Context(), req); err == nil || !strings.Contains(err.Error(), "env:API_TOKEN is not set") {
		t.Errorf("resolver error: %v", err)
	}

	newline := newSecretMap("token", "abc\r\nX-Evil: 1")
	p, _ = New(Spec{Type: TypeBearer}, newline.get, nil, nil, nil)
	if err := p.Apply(t.Context(), req); err == nil || strings.Contains(err.Error(), "abc") {
		t.Errorf("line break: %v", err)
	}

	for _, spec := range []Spec{
		{Type: "oauth3"},
		{Type: TypeBasic},
		{Type: TypeBasic, Username: "a:b"},
		{Type: TypeAPIKey, KeyIn: "header"},
		{Type: TypeAPIKey, KeyName: "X-Key", KeyIn: "cookie"},
		{Type: TypeAPIKey, KeyName: "X Key", KeyIn: "header"},
	} {
		if _, err := New(spec, nil, nil, nil, nil); err == nil {
			t.Errorf("New(%+v) accepted", spec)
		}
	}
}
