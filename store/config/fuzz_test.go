package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	toml "github.com/pelletier/go-toml/v2"

	"github.com/why401/why401/store/secrets"
)

// secretKeys hold secret references; a literal value there is a secret.
var secretKeys = []string{"token", "password", "value", "client_secret", "refresh_token", "client_key", "hmac_secret"}

func FuzzLoad(f *testing.F) {
	f.Add(contractExample)
	f.Add(commented)
	f.Add(Template())
	for _, tc := range brokenConfigs {
		f.Add(tc.text)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text string) {
		path := filepath.Join(dir, FileName)
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		cfg, err := Load(path)
		if err == nil {
			checkLoaded(t, cfg)
			return
		}
		var list ErrorList
		var one *Error
		switch {
		case errors.As(err, &list):
			for _, e := range list {
				checkProblem(t, text, e)
			}
		case errors.As(err, &one):
			checkProblem(t, text, one)
		default:
			t.Fatalf("Load returned %T, not *Error: %v", err, err)
		}
	})
}

// checkProblem: one line, and no literal secret echoed.
func checkProblem(t *testing.T, text string, e *Error) {
	s := e.Error()
	if strings.ContainsAny(s, "\r\n") {
		t.Fatalf("error is not one line: %q", s)
	}
	for _, v := range literalSecrets(text) {
		// Key and file name are the user's own text, not the value.
		rest := strings.ReplaceAll(strings.ReplaceAll(s, e.File, ""), e.Key, "")
		if strings.Contains(rest, v) {
			t.Fatalf("error echoes the secret %q: %s", v, s)
		}
	}
}

// literalSecrets are the values of secret keys that are not references,
// long enough and unique enough in the input that finding one in a
// message can only mean it was echoed.
func literalSecrets(text string) []string {
	var root map[string]any
	if toml.Unmarshal([]byte(text), &root) != nil {
		return nil
	}
	var out []string
	var walk func(m map[string]any)
	walk = func(m map[string]any) {
		for k, v := range m {
			switch v := v.(type) {
			case map[string]any:
				walk(v)
			case string:
				_, err := secrets.ParseRef(v)
				if err != nil && isSecretKey(k) && len(v) >= 6 && !strings.HasPrefix(v, "env:") && !strings.HasPrefix(v, "cmd:") &&
					strings.Count(text, v) == 1 && !strings.Contains(Template()+literalMessages, v) {
					out = append(out, v)
				}
			}
		}
	}
	walk(root)
	return out
}

// literalMessages is fixed text of messages, which a fuzzed value may
// happen to equal without anything being echoed.
const literalMessages = `this looks like a literal secret; store it with "why401 secret set PROFILE NAME" and write "keyring", or use env:NAME, cmd:COMMAND or prompt`

func isSecretKey(k string) bool {
	for _, s := range secretKeys {
		if k == s {
			return true
		}
	}
	return false
}

// checkLoaded: what Load accepts is consistent with its own rules.
func checkLoaded(t *testing.T, cfg *Config) {
	for _, p := range cfg.Profiles {
		if !ValidProfileName(p.Name) || p.BaseURL == nil || p.Timeout <= 0 || p.Leeway < 0 {
			t.Fatalf("accepted an invalid profile: %+v", p)
		}
		if p.Auth.Type == "" {
			t.Fatalf("profile %s has no auth type", p.Name)
		}
	}
	if cfg.DefaultProfile != "" {
		if _, ok := cfg.Default(); !ok {
			t.Fatalf("default_profile %q names no profile", cfg.DefaultProfile)
		}
	}
}
