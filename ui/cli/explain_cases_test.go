package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// capturedCase is one entry of testdata/responses/cases.json: a response
// captured from a real server (sources in testdata/README.md) and the cause
// the explainer must put first.
type capturedCase struct {
	Name        string   `json:"name"`
	Response    string   `json:"response"`
	Request     *string  `json:"request"`
	Token       *string  `json:"token"`
	Now         string   `json:"now"`
	ExpectFirst string   `json:"expect_first"`
	Also        []string `json:"also"`
}

// TestExplainCapturedResponses runs `why401 explain` on every captured
// response the way a user would, with the request and token files.
func TestExplainCapturedResponses(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "responses")
	var cases []capturedCase
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "cases.json"))), &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 10 {
		t.Fatalf("only %d captured cases; at least ten real servers are required", len(cases))
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			args := []string{"explain", "--json", "--now", c.Now, "--response", filepath.Join(dir, c.Response)}
			if c.Request != nil {
				args = append(args, "--request", filepath.Join(dir, *c.Request))
			}
			if c.Token != nil {
				tok, err := os.ReadFile(filepath.Join(dir, *c.Token))
				if err != nil {
					t.Fatal(err)
				}
				args = append(args, "--token", strings.TrimSpace(string(tok)))
			}
			r := run(t, inv{}, args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r)
			}
			var out struct {
				Diagnosis []struct {
					ID       string   `json:"id"`
					Title    string   `json:"title"`
					Evidence []string `json:"evidence"`
				} `json:"diagnosis"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
				t.Fatalf("JSON: %v\n%s", err, r.stdout)
			}
			var got []string
			for _, d := range out.Diagnosis {
				got = append(got, d.ID)
			}
			if len(got) == 0 || got[0] != c.ExpectFirst {
				t.Fatalf("diagnosis %v, want %s first", got, c.ExpectFirst)
			}
			for _, id := range c.Also {
				if !slices.Contains(got, id) {
					t.Errorf("diagnosis %v lacks %s", got, id)
				}
			}
			if len(out.Diagnosis[0].Evidence) == 0 {
				t.Errorf("first diagnosis %q has no evidence", out.Diagnosis[0].Title)
			}
		})
	}
}
