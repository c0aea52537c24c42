package explain

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/inspect/rawhttp"
	"github.com/why401/why401/inspect/token"
)

// capturedDir holds real 401/403/407 responses with their requests
// (testdata/README.md, "responses/").
const capturedDir = "../../testdata/responses"

type capturedCase struct {
	Name        string   `json:"name"`
	Response    string   `json:"response"`
	Request     string   `json:"request"`
	Token       string   `json:"token"`
	Now         string   `json:"now"`
	ExpectFirst string   `json:"expect_first"`
	Also        []string `json:"also"`
}

func loadCaptured(t testing.TB) []capturedCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(capturedDir, "cases.json"))
	if err != nil {
		t.Fatalf("cases.json: %v", err)
	}
	var cs []capturedCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatalf("cases.json: %v", err)
	}
	return cs
}

// capturedInput builds the Input `why401 explain --response R --request Q
// --now N` would: the last response is explained, the earlier ones are
// redirects, and a Bearer or DPoP token in the request is decoded.
func capturedInput(t testing.TB, c capturedCase) Input {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(capturedDir, c.Response))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rawhttp.ParseResponses(raw)
	if err != nil {
		t.Fatalf("%s: %v", c.Response, err)
	}
	clock, err := time.Parse(time.RFC3339, c.Now)
	if err != nil {
		t.Fatal(err)
	}
	last := rs[len(rs)-1]
	in := Input{Status: last.Status, Body: last.Body, Now: clock}
	for _, r := range rs[:len(rs)-1] {
		loc, _ := r.Header("Location")
		in.Redirects = append(in.Redirects, Redirect{Status: r.Status, Location: loc})
	}
	for _, h := range last.Headers {
		in.ResponseHeaders = append(in.ResponseHeaders, Header{h.Name, h.Value})
	}
	if c.Request == "" {
		return in
	}
	rb, err := os.ReadFile(filepath.Join(capturedDir, c.Request))
	if err != nil {
		t.Fatal(err)
	}
	req, err := rawhttp.ParseRequest(rb)
	if err != nil {
		t.Fatalf("%s: %v", c.Request, err)
	}
	in.Request = Request{Method: req.Method, URL: req.URL()}
	for _, h := range req.Headers {
		in.Request.Headers = append(in.Request.Headers, Header{h.Name, h.Value})
	}
	if _, ok := req.Header("Authorization"); ok {
		if tin, ok := SentToken(in.Request); ok {
			value := tin.Token
			rep := token.Analyze(tin, token.Options{Now: clock})
			in.Token = &rep
			if c.Token != "" {
				tb, err := os.ReadFile(filepath.Join(capturedDir, c.Token))
				if err != nil {
					t.Fatal(err)
				}
				if strings.TrimSpace(string(tb)) != strings.TrimSpace(value) {
					t.Fatalf("%s differs from the token in %s", c.Token, c.Request)
				}
			}
		}
	}
	return in
}

// TestCapturedResponses: each captured exchange is explained with the
// diagnosis its manifest names first, and the others it lists.
func TestCapturedResponses(t *testing.T) {
	cs := loadCaptured(t)
	if len(cs) < 20 {
		t.Fatalf("only %d captured cases", len(cs))
	}
	for _, c := range cs {
		t.Run(c.Name, func(t *testing.T) {
			in := capturedInput(t, c)
			r := Explain(in)
			checkInvariants(t, in, r)
			got := ids(r)
			if len(got) == 0 || got[0] != c.ExpectFirst {
				t.Errorf("first = %v, want %s\n%s", got, c.ExpectFirst, dump(r))
			}
			for _, a := range c.Also {
				if !slices.Contains(got, a) {
					t.Errorf("%s not listed; ids %v", a, got)
				}
			}
		})
	}
}

// TestCapturedDetails checks what the manifest's notes ask of some cases.
func TestCapturedDetails(t *testing.T) {
	byName := map[string]capturedCase{}
	for _, c := range loadCaptured(t) {
		byName[c.Name] = c
	}
	explain := func(t *testing.T, name string, change func(Input) Input) Result {
		t.Helper()
		c, ok := byName[name]
		if !ok {
			t.Fatalf("no captured case %s", name)
		}
		in := capturedInput(t, c)
		if change != nil {
			in = change(in)
		}
		r := Explain(in)
		checkInvariants(t, in, r)
		return r
	}
	find := func(r Result, id string) *Diagnosis {
		for i := range r.Diagnosis {
			if r.Diagnosis[i].ID == id {
				return &r.Diagnosis[i]
			}
		}
		return nil
	}

	t.Run("aspnetcore expired 3m12s ago", func(t *testing.T) {
		r := explain(t, "aspnetcore-jwtbearer-expired", nil)
		if d := r.Diagnosis[0]; !strings.Contains(d.Title, "3m12s ago") {
			t.Errorf("title %q", d.Title)
		}
	})
	t.Run("spring with --audience cashcard-client lists AUDIENCE_MISMATCH after the expiry", func(t *testing.T) {
		r := explain(t, "spring-jwt-expired-resource-metadata", func(in Input) Input {
			in.Expect.Audience = "cashcard-client"
			return in
		})
		got := ids(r)
		if got[0] != "TOKEN_EXPIRED" || !slices.Contains(got, "AUDIENCE_MISMATCH") {
			t.Errorf("ids %v\n%s", got, dump(r))
		}
	})
	t.Run("spring-okta names no scope, with --scope it diffs", func(t *testing.T) {
		r := explain(t, "spring-okta-insufficient-scope", nil)
		if d := r.Diagnosis[0]; !strings.Contains(d.Title, "did not say which") {
			t.Errorf("title %q", d.Title)
		}
		r = explain(t, "spring-okta-insufficient-scope", func(in Input) Input {
			in.Expect.Scopes = []string{"read:messages"}
			return in
		})
		if d := r.Diagnosis[0]; !strings.Contains(d.Title, "read:messages") {
			t.Errorf("with --scope: title %q", d.Title)
		}
	})
	t.Run("mcp example server: no token, so no token judgement", func(t *testing.T) {
		r := explain(t, "mcp-example-server-missing-header", nil)
		noTokenClaims(t, r)
	})
	t.Run("api gateway: missing token also means a wrong path or stage", func(t *testing.T) {
		r := explain(t, "aws-apigw-missing-authentication-token", nil)
		d := find(r, "AWS_SIGNATURE")
		if d == nil || !strings.Contains(d.Detail+d.Fix, "path") {
			t.Errorf("AWS_SIGNATURE should mention the path or stage: %+v", d)
		}
	})
	t.Run("earthdata: stripped on the way to urs", func(t *testing.T) {
		r := explain(t, "earthdata-auth-stripped-on-redirect", nil)
		if d := r.Diagnosis[0]; !strings.Contains(d.Title, "urs.earthdata.nasa.gov") {
			t.Errorf("title %q", d.Title)
		}
	})
	t.Run("axis: stale nonce is not a wrong password", func(t *testing.T) {
		r := explain(t, "axis-digest-stale-nonce", nil)
		if find(r, "CREDENTIALS_NOT_SEEN") != nil {
			t.Errorf("a stale nonce is not credentials getting lost\n%s", dump(r))
		}
	})
	t.Run("squid 407: the Bearer/Basic Authorization is not what the proxy judges", func(t *testing.T) {
		r := explain(t, "squid-proxy-407-connect", nil)
		if find(r, "WRONG_SCHEME") != nil || find(r, "NO_CREDENTIALS") != nil {
			t.Errorf("ids %v", ids(r))
		}
	})
	t.Run("cae: common authority is no tenant mismatch", func(t *testing.T) {
		r := explain(t, "msgraph-cae-insufficient-claims", nil)
		if find(r, "ISSUER_MISMATCH") != nil {
			t.Errorf("authorization_uri .../common/ names no tenant\n%s", dump(r))
		}
	})
}
