package config

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/why401/why401/inspect/keys"
	"github.com/why401/why401/store/secrets"
)

// ValidProfileName reports whether name follows CONTRACT's rule for
// profile names, [a-z0-9][a-z0-9_-]{0,62}.
func ValidProfileName(name string) bool {
	if name == "" || len(name) > 63 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		alnum := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || c != '_' && c != '-') {
			return false
		}
	}
	return true
}

const nameRule = `profile names are 1 to 63 lowercase letters, digits, "_" or "-", starting with a letter or digit; rename it`

func rootKeys() []string { return []string{"default_profile", "profiles"} }

func profileKeys() []string {
	return []string{"base_url", "headers", "protected", "history", "timeout", "issuer", "audience",
		"scopes", "algs", "leeway", "jwks_url", "discovery", "key_file", "hmac_secret", "introspection_url",
		"ca_file", "client_cert", "client_key", "insecure_skip_verify", "auth"}
}

// config validates the whole document.
func (d *doc) config(root map[string]any) *Config {
	top := table{m: root}
	d.unknownKeys(top, rootKeys(), "the top level")
	cfg := &Config{}
	if ps, ok := d.sub(top, "profiles", `[profiles.staging]`); ok {
		for _, name := range d.keys(ps) {
			if p, ok := d.profile(ps, name); ok {
				cfg.Profiles = append(cfg.Profiles, p)
			}
		}
	}
	cfg.DefaultProfile = d.defaultProfile(top, writtenProfiles(top))
	return cfg
}

// writtenProfiles returns the names of the profiles written in the file, valid or not,
// so that default_profile is judged against what the user wrote.
func writtenProfiles(top table) []string {
	m, _ := top.m["profiles"].(map[string]any)
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

func (d *doc) defaultProfile(top table, names []string) string {
	name := d.str(top, "default_profile", `"staging"`)
	switch {
	case name == "" || slices.Contains(names, name):
		return name
	case !ValidProfileName(name):
		d.problem(top.at("default_profile"), "%s is not a profile name (%s)", shown(name), strings.Replace(nameRule, "rename it", "use the name of one of the [profiles.NAME] tables", 1))
	case len(names) == 0:
		d.problem(top.at("default_profile"), "names profile %s, but the file has no profiles; add a [profiles.%s] table or remove default_profile", shown(name), name)
	default:
		d.problem(top.at("default_profile"), "names profile %s, which is not in this file; add [profiles.%s] or name one of: %s", shown(name), name, strings.Join(names, ", "))
	}
	return ""
}

// profile validates [profiles.NAME].
func (d *doc) profile(ps table, name string) (Profile, bool) {
	if !ValidProfileName(name) {
		d.problem(ps.at(name), nameRule)
		return Profile{}, false
	}
	t, ok := d.sub(ps, name, fmt.Sprintf("[profiles.%s] with base_url = \"https://…\"", name))
	if !ok {
		return Profile{}, false
	}
	before := len(d.probs.list)
	d.unknownKeys(t, profileKeys(), "a profile")
	p := Profile{Name: name, Line: d.out.line(t.path)}
	d.endpoints(t, &p)
	d.headers(t, &p)
	d.safety(t, &p)
	d.expectations(t, &p)
	d.keySources(t, &p)
	d.transport(t, &p)
	if a, ok := d.sub(t, "auth", fmt.Sprintf("[profiles.%s.auth] with type = \"bearer\"", name)); ok {
		p.Auth = d.auth(a, &p)
	} else {
		p.Auth = Auth{Type: AuthNone, RetryOn401: true}
	}
	return p, len(d.probs.list) == before
}

func (d *doc) endpoints(t table, p *Profile) {
	p.BaseURL = d.url(t, "base_url", ruleBase)
	if !given(t, "base_url") && !d.suggested[pathID(t.at("base_url"))] {
		d.problem(t.at("base_url"), `is required; add base_url = "https://api.example.com" to [profiles.%s]`, p.Name)
	}
	p.IntrospectionURL = d.url(t, "introspection_url", ruleEndpoint)
}

// url returns t[key] as a validated URL; nil when absent, empty or bad.
func (d *doc) url(t table, key string, rule urlRule) *url.URL {
	s := d.str(t, key, `"https://…"`)
	if s == "" {
		return nil
	}
	u, msg := checkURL(s, rule)
	if msg != "" {
		d.problem(t.at(key), "%s", msg)
	}
	return u
}

// safety resolves protected and history with CONTRACT's defaults.
func (d *doc) safety(t table, p *Profile) {
	p.Protected, p.ProtectedSet = d.boolean(t, "protected")
	if !p.ProtectedSet {
		p.Protected = strings.Contains(p.Name, "prod")
	}
	p.History, p.HistorySet = d.boolean(t, "history")
	if !p.HistorySet {
		p.History = !p.Protected
	}
	p.Timeout = DefaultTimeout
	if dur, ok := d.duration(t, "timeout", false); ok {
		p.Timeout = dur
	}
}

// expectations reads what tokens for this profile should look like.
func (d *doc) expectations(t table, p *Profile) {
	p.Issuer = d.str(t, "issuer", `"https://idp.example.com/"`)
	if strings.Contains(p.Issuer, "://") {
		if _, msg := checkURL(p.Issuer, ruleIssuer); msg != "" {
			d.problem(t.at("issuer"), "%s", msg)
		}
	}
	p.Audience = d.str(t, "audience", `"api://orders"`)
	p.Scopes = d.strings(t, "scopes", `["orders:read"]`, checkScope)
	p.Algs = d.strings(t, "algs", `["RS256", "ES256"]`, checkAlg)
	p.Leeway, _ = d.duration(t, "leeway", true)
}

func checkScope(s string) string {
	if s == "" || strings.ContainsAny(s, " \t\r\n\"\\") {
		return `is not a scope: a scope is one non-empty word without spaces, quotes or backslashes; write each scope as its own string`
	}
	return ""
}

func checkAlg(alg string) string {
	switch {
	case alg == "none":
		return `is "none", which accepts unsigned tokens; remove it`
	case !keys.Known(alg):
		return fmt.Sprintf("is %s, not a JWS algorithm; use names such as %s", shown(alg), strings.Join(keys.Algorithms(), ", "))
	}
	return ""
}

// keySources reads where verification keys come from.
func (d *doc) keySources(t table, p *Profile) {
	p.JWKSURL = d.url(t, "jwks_url", ruleEndpoint)
	p.Discovery = d.url(t, "discovery", ruleIssuer)
	p.KeyFile = d.file(t, "key_file")
	p.HMACSecret = d.ref(t, "hmac_secret", p.Name)
}

// transport reads TLS settings; a client certificate needs its key and
// the key needs its certificate.
func (d *doc) transport(t table, p *Profile) {
	p.CAFile = d.file(t, "ca_file")
	p.ClientCert = d.file(t, "client_cert")
	p.ClientKey = d.ref(t, "client_key", p.Name)
	switch {
	case p.ClientCert != "" && !given(t, "client_key"):
		d.problem(t.at("client_cert"), `needs client_key, a secret reference to the certificate's private key; add client_key = "keyring" and store the key with: why401 secret set %s client_key < key.pem`, p.Name)
	case p.ClientCert == "" && !p.ClientKey.IsZero():
		d.problem(t.at("client_key"), `is set without client_cert; add client_cert = "path/to/cert.pem" or remove client_key`)
	}
	p.InsecureSkipVerify, _ = d.boolean(t, "insecure_skip_verify")
}

// given reports whether t[key] is present and not the empty string (which
// stands for "unset", as in CONTRACT's example).
func given(t table, key string) bool {
	v, ok := t.m[key]
	return ok && v != ""
}

// file returns t[key] as an absolute path: "~/" is the home directory and
// a relative path is relative to the config file, not to wherever why401
// happens to run.
func (d *doc) file(t table, key string) string {
	s := d.str(t, key, `"path/to/file.pem"`)
	switch {
	case s == "":
		return ""
	case strings.ContainsRune(s, 0):
		d.problem(t.at(key), "must not contain a NUL character; write the file's path")
		return ""
	case s == "~" || strings.HasPrefix(s, "~/"):
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, s[1:])
		}
	case !filepath.IsAbs(s):
		return filepath.Join(d.dir, s)
	}
	return filepath.Clean(s)
}

// ref returns t[key] as a secret reference; "" is unset. A literal secret
// is refused with secrets.ParseRef's message, made concrete for this
// profile and key. The value itself is never repeated.
func (d *doc) ref(t table, key, profile string) secrets.Ref {
	s := d.str(t, key, `"keyring"`)
	if s == "" {
		return secrets.Ref{}
	}
	r, err := secrets.ParseRef(s)
	if err == nil {
		return r
	}
	d.problem(t.at(key), "%s", refMessage(err, s, profile, key))
	return secrets.Ref{}
}

func refMessage(err error, value, profile, key string) string {
	msg := err.Error()
	cmd := fmt.Sprintf("why401 secret set %s %s", profile, key)
	if strings.Contains(msg, "PROFILE NAME") {
		return strings.ReplaceAll(msg, "why401 secret set PROFILE NAME", cmd)
	}
	if strings.HasPrefix(value, "env:") || strings.HasPrefix(value, "cmd:") {
		// A malformed reference, not a secret: ParseRef says which part.
		return msg + `; a secret reference is "keyring", "env:NAME", "cmd:COMMAND LINE" or "prompt"`
	}
	return fmt.Sprintf("%s; to keep a secret here, store it with %q and write %s = \"keyring\"", msg, cmd, key)
}
