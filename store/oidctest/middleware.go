package oidctest

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"sync"
)

const deviceGrant = "urn:ietf:params:oauth:grant-type:device_code"

// middleware sits in front of the example's router: it counts requests
// per path, rewrites the fixed 5 s device poll interval and can answer
// device polls with an injected error.
type middleware struct {
	next         http.Handler
	fastInterval bool
	tokenPath    string // from discovery
	devicePath   string // from discovery

	mu       sync.Mutex
	counts   map[string]int
	failCode string
	failN    int
}

func newMiddleware(next http.Handler, fastInterval bool, tokenPath, devicePath string) *middleware {
	return &middleware{next: next, fastInterval: fastInterval, tokenPath: tokenPath, devicePath: devicePath, counts: map[string]int{}}
}

func (m *middleware) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	m.count(r.URL.Path)
	switch {
	case r.Method == http.MethodPost && r.URL.Path == m.tokenPath && m.injectPollError(w, r):
	case r.Method == http.MethodPost && r.URL.Path == m.devicePath && m.fastInterval:
		m.rewriteInterval(w, r)
	default:
		m.next.ServeHTTP(w, r)
	}
}

func (m *middleware) count(path string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.counts[path]++
}

func (m *middleware) hits(path string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.counts[path]
}

func (m *middleware) failDevicePolls(code string, n int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.failCode, m.failN = code, n
}

// injectPollError answers a device-code poll with the injected error while
// any are left. The body is restored for the provider when it passes.
func (m *middleware) injectPollError(w http.ResponseWriter, r *http.Request) bool {
	body, err := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil {
		return false
	}
	form, _ := url.ParseQuery(string(body))
	if form.Get("grant_type") != deviceGrant {
		return false
	}
	code, ok := m.takeFailure()
	if !ok {
		return false
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(map[string]string{"error": code, "error_description": "injected by oidctest"})
	return true
}

func (m *middleware) takeFailure() (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failN <= 0 {
		return "", false
	}
	m.failN--
	return m.failCode, true
}

// rewriteInterval sets "interval": 1 in the device authorization response:
// the example fixes it at 5 s and x/oauth2 waits a whole interval before
// its first poll, so each device test would take at least 5 s. One second
// is the floor (the interval is in whole seconds).
func (m *middleware) rewriteInterval(w http.ResponseWriter, r *http.Request) {
	rec := httptest.NewRecorder()
	m.next.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	var doc map[string]any
	if rec.Code == http.StatusOK && json.Unmarshal(body, &doc) == nil {
		doc["interval"] = 1
		body, _ = json.Marshal(doc)
	}
	maps.Copy(w.Header(), rec.Header())
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.Code)
	w.Write(body)
}
