package cli

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSendAPIKeyNeverShown: an API key in a custom header or in the query
// reaches the server but never the output, and the explanation knows the
// request carried credentials.
func TestSendAPIKeyNeverShown(t *testing.T) {
	const key = "SuperSecretKey-1234567"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Echo", r.Header.Get("X-Custom-Secret")+r.URL.Query().Get("k"))
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprintf(w, "you sent %s%s", r.Header.Get("X-Custom-Secret"), r.URL.Query().Get("k"))
	}))
	defer srv.Close()
	for _, in := range []string{"header", "query"} {
		t.Run(in, func(t *testing.T) {
			dir := t.TempDir()
			name := map[string]string{"header": "X-Custom-Secret", "query": "k"}[in]
			cfg := fmt.Sprintf("[profiles.akc]\nbase_url = %q\n[profiles.akc.auth]\ntype = \"api_key\"\nname = %q\nin = %q\nvalue = \"env:AKC_KEY\"\n", srv.URL, name, in)
			if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(cfg), 0o600); err != nil {
				t.Fatal(err)
			}
			for _, asJSON := range []bool{false, true} {
				args := []string{"--config-dir", dir, "-p", "akc", "send", "GET", "/x"}
				if asJSON {
					args = append(args, "--json")
				}
				r := run(t, inv{env: map[string]string{"AKC_KEY": key}}, args...)
				if r.code != 1 {
					t.Fatalf("exit %d: %s", r.code, r)
				}
				if strings.Contains(r.stdout+r.stderr, key) {
					t.Fatalf("the key was printed:\n%s", r.stdout)
				}
				if asJSON {
					var out struct {
						Credentials *struct{ Kind string } `json:"credentials"`
					}
					json.Unmarshal([]byte(r.stdout), &out)
					if out.Credentials == nil || out.Credentials.Kind != "api_key" {
						t.Fatalf("credentials %+v", out.Credentials)
					}
				}
			}
		})
	}
}
