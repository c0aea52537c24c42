package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestDemoSendStories runs `why401 demo send` against the in-process demo
// API for every story and checks the status, the first cause and the exit
// code: the demo verifies for real, the explainer judges its answers.
func TestDemoSendStories(t *testing.T) {
	cases := []struct {
		args   string
		status int
		first  string // "" for a success
		code   int
	}{
		{"-p dev GET /v1/orders", 401, "TOKEN_EXPIRED", 1},
		{"-p dev-oauth GET /v1/orders", 200, "", 0},
		{"-p staging GET /v1/me", 401, "AUDIENCE_MISMATCH", 1},
		{"-p prod GET /v1/me", 200, "", 0},
		{"-p prod GET /v1/orders", 403, "INSUFFICIENT_SCOPE", 1},
		{"-p prod GET /v1/admin", 403, "FORBIDDEN_AUTHZ", 1},
		{"-p prod GET /v1/reports", 401, "STEP_UP_REQUIRED", 1},
		{"-p prod GET /v1/dpop/me", 401, "DPOP_REQUIRED", 1},
		{"-p prod GET /v2/me", 401, "AUTH_STRIPPED_ON_REDIRECT", 1},
		{"-p prod GET /inventory/items", 401, "ISSUER_MISMATCH", 1},
		{"-p prod GET /gateway/me", 401, "NO_CHALLENGE", 1},
		{"-p prod --yes POST /mcp", 401, "RESOURCE_METADATA", 1},
		{"-p prod GET /legacy/basic", 401, "WRONG_SCHEME", 1},
		{"--no-auth GET /v1/me", 401, "NO_CREDENTIALS", 1},
		{"-p qa GET /v1/me", 401, "WRONG_ENVIRONMENT", 1},
		{"--no-auth GET /registry/v2/demo/app/manifests/latest", 401, "REGISTRY_TOKEN_FLOW", 1},
	}
	for _, c := range cases {
		t.Run(c.args, func(t *testing.T) {
			args := append([]string{"demo", "send", "--json"}, strings.Fields(c.args)...)
			r := run(t, inv{}, args...)
			var out struct {
				Response struct {
					Status int `json:"status"`
				} `json:"response"`
				Diagnosis []struct {
					ID string `json:"id"`
				} `json:"diagnosis"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
				t.Fatalf("JSON: %v\n%s\n%s", err, r.stdout, r.stderr)
			}
			first := ""
			if len(out.Diagnosis) > 0 {
				first = out.Diagnosis[0].ID
			}
			if out.Response.Status != c.status || first != c.first || r.code != c.code {
				t.Fatalf("status %d first %q exit %d; want %d %q %d", out.Response.Status, first, r.code, c.status, c.first, c.code)
			}
		})
	}
}

// TestDemoProtectedNeedsYes: prod is protected; a POST without a terminal
// and without --yes is not sent (exit 2).
func TestDemoProtectedNeedsYes(t *testing.T) {
	r := run(t, inv{}, "demo", "send", "-p", "prod", "POST", "/v1/orders")
	if r.code != 2 || !strings.Contains(r.stderr, "--yes") {
		t.Fatalf("exit %d stderr %q", r.code, r.stderr)
	}
}
