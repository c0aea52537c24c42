package config

import (
	"strconv"
	"strings"
	"time"

	"github.com/why401/why401/store/secrets"
)

// render writes the tables of a new profile, keys in CONTRACT order.
func render(s ProfileSpec) string {
	var w tomlWriter
	w.header("profiles", s.Name)
	w.str("base_url", s.BaseURL)
	w.headers(s.Headers)
	w.optBool("protected", s.Protected)
	w.optBool("history", s.History)
	w.duration("timeout", s.Timeout)
	w.str("issuer", s.Issuer)
	w.str("audience", s.Audience)
	w.list("scopes", s.Scopes)
	w.list("algs", s.Algs)
	w.duration("leeway", s.Leeway)
	w.str("jwks_url", s.JWKSURL)
	w.str("discovery", s.Discovery)
	w.str("key_file", s.KeyFile)
	w.ref("hmac_secret", s.HMACSecret)
	w.str("introspection_url", s.IntrospectionURL)
	w.str("ca_file", s.CAFile)
	w.str("client_cert", s.ClientCert)
	w.ref("client_key", s.ClientKey)
	if s.InsecureSkipVerify {
		w.line("insecure_skip_verify", "true")
	}
	if s.Auth.Type != "" {
		renderAuth(&w, s.Name, s.Auth)
	}
	return w.String()
}

func renderAuth(w *tomlWriter, name string, a AuthSpec) {
	w.header("profiles", name, "auth")
	w.str("type", string(a.Type))
	w.ref("token", a.Token)
	w.str("username", a.Username)
	w.ref("password", a.Password)
	w.str("name", a.Name)
	w.str("in", a.In)
	w.ref("value", a.Value)
	w.str("token_url", a.TokenURL)
	w.str("auth_url", a.AuthURL)
	w.str("device_url", a.DeviceURL)
	w.str("client_id", a.ClientID)
	w.ref("client_secret", a.ClientSecret)
	w.list("scopes", a.Scopes)
	w.str("resource", a.Resource)
	w.params(a.Extra)
	if a.RedirectPort != 0 {
		w.line("redirect_port", strconv.Itoa(a.RedirectPort))
	}
	w.ref("refresh_token", a.RefreshToken)
	w.optBool("retry_on_401", a.RetryOn401)
}

// tomlWriter renders key-values; empty values are skipped.
type tomlWriter struct{ strings.Builder }

func (w *tomlWriter) header(path ...string) {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = tomlKey(p)
	}
	w.WriteString("[" + strings.Join(parts, ".") + "]\n")
}

func (w *tomlWriter) line(key, value string) {
	w.WriteString(tomlKey(key) + " = " + value + "\n")
}

func (w *tomlWriter) str(key, v string) {
	if v != "" {
		w.line(key, quote(v))
	}
}

func (w *tomlWriter) ref(key string, r secrets.Ref) {
	if !r.IsZero() {
		w.line(key, quote(r.String()))
	}
}

func (w *tomlWriter) optBool(key string, v *bool) {
	if v != nil {
		w.line(key, strconv.FormatBool(*v))
	}
}

func (w *tomlWriter) duration(key string, d time.Duration) {
	if d != 0 {
		w.line(key, quote(d.String()))
	}
}

func (w *tomlWriter) list(key string, vs []string) {
	if len(vs) == 0 {
		return
	}
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = quote(v)
	}
	w.line(key, "["+strings.Join(q, ", ")+"]")
}

func (w *tomlWriter) headers(hs []Header) {
	ps := make([]Param, len(hs))
	for i, h := range hs {
		ps[i] = Param(h)
	}
	w.inline("headers", ps)
}

func (w *tomlWriter) params(ps []Param) { w.inline("extra", ps) }

func (w *tomlWriter) inline(key string, ps []Param) {
	if len(ps) == 0 {
		return
	}
	kv := make([]string, len(ps))
	for i, p := range ps {
		kv[i] = quote(p.Name) + " = " + quote(p.Value)
	}
	w.line(key, "{ "+strings.Join(kv, ", ")+" }")
}
