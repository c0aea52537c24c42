package cli

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/history"
	"github.com/why401/why401/store/oidctest"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/secrets"
)

// The known secrets of the scan: distinctive, so a hit is never chance.
const (
	scanPassword = "scan-PASSWORD-Kd8Wq3Zx7Lm1Vn5Rb9Tc"
	scanAPIKey   = "scan-APIKEY-Hp2Xs6Qj0Wf4Ny8Gk3Md"
	scanHMAC     = "scan-HMAC-Ft7Bz1Lr5Vc9Qx3Jn6Ws2Yk8Pd4Hm0Ga"
	scanIssuer   = "https://scan-idp.example.test/"
	scanAudience = "api://scan"
)

// secretSet is the values the scan looks for, by what they are.
type secretSet struct {
	mu   sync.Mutex
	vals map[string]string // what → value
}

func (s *secretSet) add(what, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(value) < 12 {
		panic("a scanned secret must be distinctive: " + what)
	}
	s.vals[what] = value
}

// forms are every value and its base64 encodings, by what they are.
func (s *secretSet) forms() map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]string{}
	for what, v := range s.vals {
		out[what] = v
		for name, enc := range map[string]*base64.Encoding{"base64": base64.StdEncoding, "raw base64": base64.RawStdEncoding,
			"base64url": base64.URLEncoding, "raw base64url": base64.RawURLEncoding} {
			out[what+" ("+name+")"] = enc.EncodeToString([]byte(v))
		}
	}
	// A password travels as Basic base64(user:password).
	if pw, ok := s.vals["password"]; ok {
		out["password (Basic credentials)"] = base64.StdEncoding.EncodeToString([]byte("alice:" + pw))
	}
	return out
}

// hits says which secrets data holds.
func (s *secretSet) hits(data string) []string {
	var out []string
	for what, v := range s.forms() {
		if strings.Contains(data, v) {
			out = append(out, what)
		}
	}
	sort.Strings(out)
	return out
}

// scanUI plays the user for the OAuth2 flows and keeps what they say.
type scanUI struct {
	op   *oidctest.Provider
	mu   sync.Mutex
	said []string
}

func (u *scanUI) ShowDeviceCode(c auth.DeviceCode) { u.Say(c.VerificationURI + " " + c.UserCode) }
func (u *scanUI) OpenBrowser(url string) error {
	u.Say("open " + url)
	_, err := u.op.SignIn(context.Background(), url)
	return err
}
func (u *scanUI) Say(msg string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.said = append(u.said, msg)
}

// keyringSecrets resolves the named secrets of a profile from the keyring,
// as the CLI wires a provider; other names are ErrNoSecret.
func keyringSecrets(kr secrets.Keyring, profile string, names ...string) auth.SecretFunc {
	r := &secrets.Resolver{Keyring: kr}
	return func(ctx context.Context, name string) (string, error) {
		for _, n := range names {
			if n == name {
				return r.Resolve(ctx, profile, name, secrets.Ref{Kind: secrets.KindKeyring})
			}
		}
		return "", auth.ErrNoSecret
	}
}

// sentBearer applies p to a request and returns the token it sent.
func sentBearer(t *testing.T, p auth.OAuth2) string {
	t.Helper()
	req := httptest.NewRequest("GET", "https://api.example.test/v1/orders", nil)
	if err := p.Apply(t.Context(), req); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	tok, ok := strings.CutPrefix(req.Header.Get("Authorization"), "Bearer ")
	if !ok || tok == "" {
		t.Fatalf("no bearer token sent: %q", req.Header.Get("Authorization"))
	}
	return tok
}

// TestSecretScan runs everything that handles secrets — the CLI's secret,
// profile, doctor, decode and explain commands, with and without --debug;
// OAuth2 client credentials, authorization code and refresh with the
// keyring cache; history writes; a process killed while saving the
// config — and then looks for every secret, and its base64 forms, in
// every output and every file of the test. Only the keyring may hold them.
func TestSecretScan(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	op := oidctest.Start(t, oidctest.WithJWTAccessTokens("why401-service"))
	ui := &scanUI{op: op}
	known := &secretSet{vals: map[string]string{}}

	bearerTok := sign(t, jwt.SigningMethodHS256, []byte(scanHMAC), claimsAround(map[string]any{
		"iss": scanIssuer, "aud": scanAudience, "jti": "scan-jti-1"}), map[string]any{"kid": "scan-hs"})
	known.add("bearer token", bearerTok)
	known.add("client secret", op.Service.Secret)
	known.add("password", scanPassword)
	known.add("API key", scanAPIKey)
	known.add("HMAC secret", scanHMAC)
	known.add("OP user password", op.User.Password)

	// Profiles: added with the CLI, plus one with an hmac_secret (which
	// profile add has no flag for) through the store.
	for _, args := range [][]string{
		{"profile", "add", "scan-bearer", "--base-url", "https://bearer.api.example.test", "--auth", "bearer",
			"--issuer", scanIssuer, "--audience", scanAudience, "--default"},
		{"profile", "add", "scan-basic", "--base-url", "https://basic.api.example.test", "--auth", "basic", "--username", "alice"},
		{"profile", "add", "scan-apikey", "--base-url", "https://key.api.example.test", "--auth", "api_key", "--key-name", "X-API-Key"},
		{"profile", "add", "scan-cc", "--base-url", "https://cc.api.example.test", "--auth", "oauth2_client_credentials",
			"--issuer", op.Issuer, "--client-id", op.Service.ID, "--auth-scope", "orders:read"},
		{"profile", "add", "scan-rt", "--base-url", "https://rt.api.example.test", "--auth", "oauth2_refresh",
			"--issuer", op.Issuer, "--client-id", op.Native.ID},
	} {
		w.ok(inv{}, args...)
	}
	if err := config.AddProfile(w.configPath(), config.ProfileSpec{Name: "scan-hs", BaseURL: "https://hs.api.example.test",
		Issuer: scanIssuer, Audience: scanAudience, HMACSecret: secrets.Ref{Kind: secrets.KindKeyring},
		Auth: config.AuthSpec{Type: config.AuthBearer, Token: secrets.Ref{Kind: secrets.KindKeyring}}}); err != nil {
		t.Fatal(err)
	}

	// secret set for each, from stdin, half of them under --debug.
	sets := []struct{ profile, name, value string }{
		{"scan-bearer", "token", bearerTok},
		{"scan-basic", "password", scanPassword},
		{"scan-apikey", "value", scanAPIKey},
		{"scan-cc", "client_secret", op.Service.Secret},
		{"scan-hs", "hmac_secret", scanHMAC},
		{"scan-hs", "token", bearerTok},
	}
	for i, s := range sets {
		args := []string{"secret", "set", s.profile, s.name}
		if i%2 == 0 {
			args = append([]string{"--debug"}, args...)
		}
		w.ok(inv{stdin: s.value + "\n"}, args...)
		if got := w.item(s.profile, s.name); got != s.value {
			t.Fatalf("keyring %s/%s does not hold what was set", s.profile, s.name)
		}
	}

	// The flows, through store/auth with the keyring cache.
	cache := auth.KeyringCache{Keyring: w.kr}
	newProvider := func(spec auth.Spec, sf auth.SecretFunc) auth.OAuth2 {
		t.Helper()
		p, err := auth.New(spec, sf, cache, ui, nil)
		if err != nil {
			t.Fatal(err)
		}
		return p.(auth.OAuth2)
	}
	cc := newProvider(auth.Spec{Profile: "scan-cc", Type: auth.TypeClientCredentials, Issuer: op.Issuer,
		ClientID: op.Service.ID, Scopes: []string{"orders:read"}}, keyringSecrets(w.kr, "scan-cc", "client_secret"))
	ccTok := sentBearer(t, cc)
	known.add("client credentials access token", ccTok)
	if err := cc.Invalidate(t.Context()); err != nil {
		t.Fatal(err)
	}
	ccTok2 := sentBearer(t, cc)
	known.add("second client credentials access token", ccTok2)
	if ccTok2 == ccTok || w.item("scan-cc", auth.ItemAccessToken) != ccTok2 {
		t.Error("client credentials: the new token is not the cached one")
	}

	login := newProvider(auth.Spec{Profile: "scan-login", Type: auth.TypeAuthCode, Issuer: op.Issuer, ClientID: op.Native.ID,
		Scopes: []string{"openid", "offline_access"}}, nil)
	known.add("authorization code access token", sentBearer(t, login))
	known.add("ID token", login.IDToken())
	rt1 := w.item("scan-login", auth.ItemRefreshToken)
	known.add("first refresh token", rt1)

	// oauth2_refresh: the first refresh token set with the CLI; rotated twice.
	w.ok(inv{stdin: rt1 + "\n"}, "--debug", "secret", "set", "scan-rt", "refresh_token")
	rt := newProvider(auth.Spec{Profile: "scan-rt", Type: auth.TypeRefresh, Issuer: op.Issuer, ClientID: op.Native.ID},
		keyringSecrets(w.kr, "scan-rt", "refresh_token"))
	known.add("refreshed access token", sentBearer(t, rt))
	rt2 := w.item("scan-rt", auth.ItemRefreshToken)
	known.add("rotated refresh token", rt2)
	if err := rt.Invalidate(t.Context()); err != nil {
		t.Fatal(err)
	}
	known.add("second refreshed access token", sentBearer(t, rt))
	rt3 := w.item("scan-rt", auth.ItemRefreshToken)
	known.add("second rotated refresh token", rt3)
	if rt2 == rt1 || rt3 == rt2 {
		t.Error("the refresh token did not rotate")
	}
	if last := rt.LastResponse(); last == nil || last["refresh_token"] != auth.Fingerprint(rt3) {
		t.Errorf("LastResponse does not mask the refresh token: %v", last)
	}

	// History: an exchange carrying the secrets in headers, query and body.
	hist := history.Open(w.stateDir())
	all := known.forms()
	var allValues []string
	for _, v := range known.vals {
		allValues = append(allValues, v)
	}
	entry := history.Entry{
		Time: time.Now(), Method: "POST",
		URL: "https://api.example.test/v1/orders?api_key=" + scanAPIKey + "&access_token=" + ccTok + "&page=2",
		RequestHeaders: []redact.Header{
			{Name: "Authorization", Value: "Bearer " + bearerTok},
			{Name: "X-API-Key", Value: scanAPIKey},
			{Name: "Proxy-Authorization", Value: "Basic " + all["password (Basic credentials)"]},
			{Name: "Cookie", Value: "session=" + ccTok2 + "; theme=dark"},
		},
		RequestBody: `{"client_secret":"` + op.Service.Secret + `","password":"` + scanPassword + `","refresh_token":"` + rt1 + `"}`,
		Status:      401,
		ResponseHeaders: []redact.Header{
			{Name: "Set-Cookie", Value: "session=" + ccTok + "; Path=/; HttpOnly"},
			{Name: "WWW-Authenticate", Value: `Bearer error="invalid_token"`},
		},
		ResponseBody: `{"access_token":"` + ccTok2 + `","refresh_token":"` + rt2 + `","id_token":"` + login.IDToken() + `"}`,
		DurationMS:   12.5, Diagnosis: "TOKEN_EXPIRED",
	}
	if err := hist.Append("scan-hs", entry, "application/json", "application/json", allValues); err != nil {
		t.Fatal(err)
	}
	// The same without the list of resolved secrets: the patterns alone.
	entry.RequestBody = "grant_type=refresh_token&client_secret=" + op.Service.Secret + "&password=" + scanPassword + "&refresh_token=" + rt3
	entry.ResponseBody = `{"token_type":"Bearer","access_token":"` + ccTok + `","refresh_token":"` + rt3 + `"}`
	if err := hist.Append("scan-cc", entry, "application/x-www-form-urlencoded", "application/json", nil); err != nil {
		t.Fatal(err)
	}
	if got, err := hist.List("scan-cc"); err != nil || len(got) != 1 {
		t.Fatalf("history: %v %v", got, err)
	}

	// The CLI over them, each command also under --debug.
	basicCreds := all["password (Basic credentials)"]
	rawRequest := "GET /v1/orders?api_key=" + scanAPIKey + " HTTP/1.1\r\nHost: api.example.test\r\n" +
		"Authorization: Bearer " + bearerTok + "\r\nX-API-Key: " + scanAPIKey + "\r\nCookie: sid=" + ccTok + "\r\n\r\n"
	commands := []struct {
		stdin string
		args  []string
	}{
		{"", []string{"profile", "list"}},
		{"", []string{"profile", "list", "--json"}},
		{"", []string{"profile", "show"}},
		{"", []string{"profile", "show", "scan-basic"}},
		{"", []string{"profile", "show", "scan-apikey", "--json"}},
		{"", []string{"profile", "show", "scan-cc", "--json", "--resolve"}},
		{"", []string{"profile", "show", "scan-rt"}},
		{"", []string{"profile", "show", "scan-hs", "--json"}},
		{"", []string{"doctor"}},
		{"", []string{"doctor", "--json", "--resolve"}},
		{"", []string{"decode", "--now", demoNow, "--profile", "scan-hs", bearerTok}},
		{"", []string{"decode", "--json", "--now", demoNow, "--profile", "scan-hs", bearerTok}},
		{"Authorization: Bearer " + bearerTok + "\n", []string{"decode", "--json", "--now", demoNow, "-p", "scan-hs", "-"}},
		{"", []string{"decode", "--json", "--profile", "scan-cc", ccTok2}},
		{"", []string{"decode", "--profile", "scan-hs", "--now", demoNow, "Authorization: Basic " + basicCreds}},
		{"", []string{"explain", "--now", demoNow, "--profile", "scan-hs", "--status", "401",
			"--response-header", `WWW-Authenticate: Bearer realm="scan", error="invalid_token"`, "--token", bearerTok}},
		{"", []string{"explain", "--json", "--now", demoNow, "--profile", "scan-hs", "--status", "401",
			"--response-header", `WWW-Authenticate: Bearer error="invalid_token"`, "--token", bearerTok}},
		{"", []string{"explain", "--json", "--now", demoNow, "--profile", "scan-hs", "--status", "401",
			"--response-header", `WWW-Authenticate: Basic realm="scan"`, "--request-header", "Authorization: Basic " + basicCreds}},
		{"", []string{"explain", "--now", demoNow, "--profile", "scan-hs", "--status", "403",
			"--request-header", "X-API-Key: " + scanAPIKey, "--url", "https://api.example.test/v1/orders?api_key=" + scanAPIKey}},
		{rawRequest, []string{"explain", "--json", "--now", demoNow, "--profile", "scan-hs", "--request", "-", "--status", "401",
			"--response-header", `WWW-Authenticate: Bearer error="invalid_token"`}},
		{rawRequest, []string{"explain", "--now", demoNow, "--profile", "scan-hs", "--request", "-", "--status", "403"}},
	}
	for _, c := range commands {
		for _, debug := range []bool{false, true} {
			args := c.args
			if debug {
				args = append(append([]string{}, args...), "--debug")
			}
			r := w.run(inv{stdin: c.stdin}, args...)
			if r.code == 2 || strings.Contains(r.stdout+r.stderr, "panic") {
				t.Errorf("%s: not run as meant:\n%s", strings.Join(args[:2], " "), r)
			}
		}
	}

	// A process killed while saving the config, three times: the config
	// still loads, nothing reported saved is lost, and why401 goes on.
	var helperOut []string
	for round := range 3 {
		helperOut = append(helperOut, killWhileSaving(t, w.configPath(), round)...)
		cfg, err := config.Load(w.configPath())
		if err != nil {
			t.Fatalf("round %d: the config does not load after a kill: %v", round, err)
		}
		for _, line := range helperOut {
			if name, ok := strings.CutPrefix(line, "added "); ok {
				if _, found := cfg.Profile(name); !found {
					t.Errorf("round %d: profile %s was reported saved but is lost", round, name)
				}
			}
		}
	}
	w.ok(inv{}, "profile", "add", "after-kill", "--base-url", "https://after.example.test")
	w.ok(inv{}, "--debug", "profile", "rm", "after-kill")
	w.ok(inv{}, "profile", "list")

	// The keyring holds the secrets (so the scan below is not vacuous) ...
	for _, s := range sets {
		if w.item(s.profile, s.name) != s.value {
			t.Errorf("the keyring lost %s/%s", s.profile, s.name)
		}
	}
	if w.item("scan-rt", auth.ItemRefreshToken) != rt3 || w.item("scan-login", auth.ItemRefreshToken) != rt1 {
		t.Error("the keyring does not hold the refresh tokens")
	}
	if got := known.hits("x" + scanHMAC + "y"); len(got) != 1 {
		t.Fatalf("the scanner does not find a planted secret: %v", got)
	}

	// ... and nothing else does: every output ...
	w.mu.Lock()
	outputs := append([]result{}, w.outputs...)
	w.mu.Unlock()
	for _, r := range outputs {
		for _, stream := range []struct{ name, data string }{{"stdout", r.stdout}, {"stderr", r.stderr}} {
			if hits := known.hits(stream.data); len(hits) > 0 {
				t.Errorf("%s of a run holds %s:\n%s", stream.name, strings.Join(hits, ", "), excerptAround(stream.data, known))
			}
		}
	}
	if hits := known.hits(strings.Join(helperOut, "\n")); len(hits) > 0 {
		t.Errorf("the killed helper's output holds %s", strings.Join(hits, ", "))
	}
	ui.mu.Lock()
	said := strings.Join(ui.said, "\n")
	ui.mu.Unlock()
	if hits := known.hits(said); len(hits) > 0 {
		t.Errorf("the flows said %s to the user", strings.Join(hits, ", "))
	}

	// ... and every file under the config, state and cache dirs and the
	// test's temp dirs (which hold them all).
	root := filepath.Dir(t.TempDir())
	if !strings.HasPrefix(w.home, root) {
		t.Fatalf("the world %s is not under the test's temp root %s", w.home, root)
	}
	scanned := map[string]bool{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(w.home, path)
		scanned[rel] = true
		if hits := known.hits(string(data)); len(hits) > 0 {
			t.Errorf("%s holds %s:\n%s", path, strings.Join(hits, ", "), excerptAround(string(data), known))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"config/why401/config.toml", "state/why401/debug.log",
		"state/why401/history/scan-hs.jsonl", "state/why401/history/scan-cc.jsonl"} {
		if !scanned[want] {
			t.Errorf("the scan did not see %s (files: %v)", want, fileNames(scanned))
		}
	}
	cached := false
	for f := range scanned {
		cached = cached || strings.HasPrefix(f, "cache/why401/")
	}
	if !cached {
		t.Errorf("nothing was cached under $XDG_CACHE_HOME/why401 (files: %v)", fileNames(scanned))
	}
	t.Logf("scanned %d files and %d outputs for %d secret forms", len(scanned), len(outputs), len(known.forms()))
}

func fileNames(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// excerptAround shows where a secret was found, with the secret masked,
// so that the failure message does not spread it further.
func excerptAround(data string, known *secretSet) string {
	for what, v := range known.forms() {
		if i := strings.Index(data, v); i >= 0 {
			lo, hi := max(0, i-120), min(len(data), i+len(v)+60)
			return strings.ReplaceAll(data[lo:hi], v, "<"+what+">")
		}
	}
	return ""
}

// killWhileSaving re-runs the test binary as a helper process that adds
// profiles to the config in a loop, and kills it (SIGKILL) in the middle.
// It returns what the helper printed: "added NAME" after each save.
func killWhileSaving(t *testing.T, path string, round int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcessSavesConfig$", "-test.count=1")
	cmd.Env = append(os.Environ(), "WHY401_TEST_SAVE_CONFIG="+path, fmt.Sprintf("WHY401_TEST_SAVE_ROUND=%d", round))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(stdout)
	// Kill after a few saves, at a different point of the loop each round.
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) >= 4+round*3 {
			if round > 0 {
				time.Sleep(time.Duration(round) * time.Millisecond)
			}
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	for sc.Scan() { // what it printed before it died
		lines = append(lines, sc.Text())
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != -1 {
		t.Fatalf("round %d: the helper was not killed (%v); it said:\n%s\n%s", round, err, strings.Join(lines, "\n"), stderr.String())
	}
	if len(lines) < 4+round*3 {
		t.Fatalf("round %d: the helper saved only %d times before it was killed:\n%s", round, len(lines), stderr.String())
	}
	return append(lines, stderr.String())
}

// TestHelperProcessSavesConfig is not a test: killWhileSaving runs it in a
// child process, where it adds profiles until it is killed.
func TestHelperProcessSavesConfig(t *testing.T) {
	path := os.Getenv("WHY401_TEST_SAVE_CONFIG")
	if path == "" {
		return
	}
	round := os.Getenv("WHY401_TEST_SAVE_ROUND")
	keyring := secrets.Ref{Kind: secrets.KindKeyring}
	for i := 0; ; i++ {
		name := fmt.Sprintf("killed-%s-%d", round, i)
		err := config.AddProfile(path, config.ProfileSpec{Name: name, BaseURL: "https://" + name + ".example.test",
			Issuer: scanIssuer, Audience: scanAudience, HMACSecret: keyring,
			Auth: config.AuthSpec{Type: config.AuthBasic, Username: "alice", Password: keyring}})
		if err != nil {
			fmt.Fprintln(os.Stderr, "helper:", err)
			os.Exit(3)
		}
		fmt.Println("added " + name)
	}
}
