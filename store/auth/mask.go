package auth

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
)

// isSecretField reports response members that are credentials themselves.
func isSecretField(name string) bool {
	switch strings.ToLower(name) {
	case "access_token", "refresh_token", "id_token", "issued_token", "device_code",
		"code", "client_secret", "password", "assertion":
		return true
	}
	return false
}

// Fingerprint identifies a secret without revealing it: its last 4
// characters and its length. Values under 12 characters show no
// characters at all, since 4 of them would be a third of the secret.
func Fingerprint(s string) string {
	r := []rune(s)
	if len(r) < 12 {
		return fmt.Sprintf("… (%d chars)", len(r))
	}
	return fmt.Sprintf("…%s (%d chars)", string(r[len(r)-4:]), len(r))
}

// maskBody reads a token response, JSON or (as some servers such as
// GitHub's answer by default) form-encoded, with every secret member at
// any depth replaced by its fingerprint. Anything else is described, not
// kept, since it may hold anything.
func maskBody(body []byte) map[string]any {
	var doc map[string]any
	if json.Unmarshal(body, &doc) == nil {
		return maskMap(doc)
	}
	if form, err := url.ParseQuery(string(body)); err == nil && (form.Has("access_token") || form.Has("error")) {
		doc = map[string]any{}
		for k := range form {
			doc[k] = form.Get(k)
		}
		return maskMap(doc)
	}
	return map[string]any{"_unreadable": fmt.Sprintf("%d bytes that are neither a JSON object nor a form", len(body))}
}

func maskMap(m map[string]any) map[string]any {
	for k, v := range m {
		if s, ok := v.(string); ok && isSecretField(k) {
			m[k] = Fingerprint(s)
			continue
		}
		m[k] = maskValue(v)
	}
	return m
}

func maskValue(v any) any {
	switch v := v.(type) {
	case map[string]any:
		return maskMap(v)
	case []any:
		for i := range v {
			v[i] = maskValue(v[i])
		}
	}
	return v
}

// recorder keeps what the UI may show from the last token response: the
// masked body, and the ID token in memory. It has its own lock because the
// transport reports while a flow holds the provider's.
type recorder struct {
	mu      sync.Mutex
	last    []byte // masked JSON, decoded afresh for every caller
	idToken string
	hook    func(status int, doc map[string]any)
}

func (r *recorder) observe(status int, body []byte) {
	doc := maskBody(body)
	masked, _ := json.Marshal(doc)
	r.mu.Lock()
	r.last = masked
	hook := r.hook
	r.mu.Unlock()
	if hook != nil {
		hook(status, doc)
	}
}

func (r *recorder) lastResponse() map[string]any {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.last == nil {
		return nil
	}
	var doc map[string]any
	json.Unmarshal(r.last, &doc)
	return doc
}

func (r *recorder) setHook(h func(int, map[string]any)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.hook = h
}

func (r *recorder) setIDToken(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.idToken = s
}

func (r *recorder) getIDToken() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.idToken
}

func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last, r.idToken = nil, ""
}
