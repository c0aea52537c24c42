package tui

import (
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/store/secrets"
)

// An empty bearer override is a problem to send and never drafted as a
// bearer; invalid JSON is only a warning.
func TestRequestDraftProblem(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	if p := r.DraftProblem(); p != "" {
		t.Errorf("a fresh draft has a problem: %q", p)
	}
	r = reqSend(t, r, rkey("o"), rkey("o"))
	p := r.DraftProblem()
	if r.auth != requests.AuthBearer || p == "" || strings.Contains(p, "\n") || !strings.Contains(p, "token") {
		t.Errorf("empty bearer override: auth %q problem %q", r.auth, p)
	}
	if d := r.Draft(); d.Auth == requests.AuthBearer || d.Token != "" {
		t.Errorf("Draft returned an empty bearer: %+v", d)
	}
	r = reqSend(t, r, rkey("enter"), tea.PasteMsg{Content: "  "}, rkey("enter"))
	if r.DraftProblem() == "" {
		t.Error("a blank token is still empty")
	}
	r = reqSend(t, r, rkey("enter"), tea.PasteMsg{Content: curlBearer}, rkey("enter"))
	if p := r.DraftProblem(); p != "" || r.Draft().Auth != requests.AuthBearer {
		t.Errorf("with a token: %q %q", p, r.Draft().Auth)
	}
	r.Load(requests.Request{Method: "POST", URL: "/x", Body: `{"a": }`,
		Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}}})
	if p, w := r.DraftProblem(), r.DraftWarning(); p != "" || !strings.Contains(w, "not valid JSON") {
		t.Errorf("invalid JSON: problem %q warning %q", p, w)
	}
}

// SetProfile's status: "ok" ✓, "failed" ✗, "" nothing.
func TestRequestSecretsStatus(t *testing.T) {
	r := reqSend(t, newReqPane(t, 100, 14, true), rkey("4"))
	for status, want := range map[string]string{
		"ok":     "✓ secrets resolved",
		"failed": "✗ the profile's secrets did not resolve at the last send",
		"":       "",
	} {
		r.SetProfile(basicProfile(), status)
		v := reqPlain(r)
		if want != "" && !strings.Contains(v, want) {
			t.Errorf("%q: lacks %q:\n%s", status, want, v)
		}
		if strings.Contains(v, "⚠ ok") || strings.Contains(v, "⚠ failed") || want == "" && strings.ContainsAny(v, "✓✗⚠") {
			t.Errorf("%q drawn as a raw status:\n%s", status, v)
		}
	}
}

func apiKeyProfile(name string) config.Profile {
	p := basicProfile()
	p.Name = name
	p.Auth = config.Auth{Type: config.AuthAPIKey, Name: "X-API-Key", Value: secrets.Ref{Kind: secrets.KindEnv, Arg: "API_KEY"}}
	return p
}

// Basic shows the user and a masked password, the decoded password on s;
// api_key its name and masked value, the value on s; another profile
// hides them again.
func TestRequestBasicAndAPIKeyReveal(t *testing.T) {
	r := reqSend(t, newReqPane(t, 100, 14, true), rkey("4"))
	r.SetProfile(basicProfile(), "ok")
	basic := "Basic " + base64.StdEncoding.EncodeToString([]byte("alice:hunter2-pass"))
	r.SetCredential(basic)
	v := reqPlain(r)
	if !strings.Contains(v, "user alice · password ••••") || strings.Contains(v, "hunter2-pass") || strings.Contains(v, basic[6:]) {
		t.Errorf("basic masked:\n%s", v)
	}
	if r = reqSend(t, r, rkey("s")); !strings.Contains(reqPlain(r), "user alice · password hunter2-pass") {
		t.Errorf("s shows the decoded password:\n%s", reqPlain(r))
	}
	r.SetProfile(basicProfile(), "ok") // the same profile again, after a send
	if !r.reveal {
		t.Error("re-setting the same profile keeps what the user revealed")
	}
	r.SetProfile(apiKeyProfile("keyed"))
	if r.reveal {
		t.Fatal("switching profile hides secrets again")
	}
	if v := reqPlain(r); !strings.Contains(v, "X-API-Key in header · value from env:API_KEY") {
		t.Errorf("api_key before a send:\n%s", v)
	}
	r.SetCredential("k3yk3yk3yk3yk3y")
	if v := reqPlain(r); !strings.Contains(v, "X-API-Key in header · value k3yk…") || strings.Contains(v, "k3yk3yk3yk3yk3y") {
		t.Errorf("api_key masked:\n%s", v)
	}
	if r = reqSend(t, r, rkey("s")); !strings.Contains(reqPlain(r), "value k3yk3yk3yk3yk3y") {
		t.Errorf("s shows the key:\n%s", reqPlain(r))
	}
	r.SetProfile(basicProfile())
	r.SetCredential(basic)
	if strings.Contains(reqPlain(r), "hunter2-pass") {
		t.Error("switching back starts hidden")
	}
}

func oauthProfile() config.Profile {
	p := basicProfile()
	p.Name = "idp"
	p.Auth = config.Auth{Type: config.AuthOAuth2Device, ClientID: "cli"}
	return p
}

// On the Auth tab of an OAuth2 profile g, r and F ask the root for the
// token actions; elsewhere, or for another auth type, or while typing,
// they do nothing of the kind.
func TestRequestOAuthTokenKeys(t *testing.T) {
	r := newReqPane(t, 100, 14, true)
	r.SetProfile(oauthProfile())
	r = reqSend(t, r, rkey("4"))
	if v := reqPlain(r); !strings.Contains(v, "g get · r refresh · F forget the token") {
		t.Errorf("no hint:\n%s", v)
	}
	for k, want := range map[string]TokenAction{"g": TokenGet, "r": TokenRefresh, "F": TokenForget} {
		_, cmd := r.Update(rkey(k))
		if cmd == nil {
			t.Fatalf("%s returned no Cmd", k)
		}
		if msg, ok := cmd().(tokenActionRequestMsg); !ok || msg.action != want {
			t.Errorf("%s: %#v, want action %d", k, cmd(), want)
		}
	}
	helps := map[string]bool{}
	for _, b := range r.HelpKeys() {
		helps[b.Help().Key] = true
	}
	if !helps["g"] || !helps["r"] || !helps["F"] {
		t.Errorf("HelpKeys on the OAuth2 Auth tab lack g/r/F: %v", helps)
	}
	asks := func(r requestPane, k string) bool {
		_, cmd := r.Update(rkey(k))
		if cmd == nil {
			return false
		}
		_, ok := cmd().(tokenActionRequestMsg)
		return ok
	}
	if asks(reqSend(t, r, rkey("1")), "g") {
		t.Error("g on the Params tab")
	}
	typing := reqSend(t, r, rkey("enter"))
	if asks(typing, "g") || asks(typing, "F") {
		t.Error("g while typing the token")
	}
	other := r
	other.SetProfile(basicProfile())
	if asks(other, "g") || strings.Contains(reqPlain(other), "g get") {
		t.Error("g on a Basic profile")
	}
}

// AllKeys lists every key of every binding, each with help.
func TestRequestAllKeys(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	assertAllKeys(t, r.keys, r.AllKeys())
}

// The JSON verdict is kept up to date by Update and Load (typing, paste,
// editor), and View only reads it.
func TestRequestJSONCheckCached(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	r.Load(requests.Request{Method: "POST", URL: "/x", Body: `{"a": 1}`,
		Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}}})
	r = reqSend(t, r, rkey("3"))
	if !strings.Contains(reqPlain(r), "✓ valid JSON") {
		t.Fatalf("load:\n%s", reqPlain(r))
	}
	r.body.SetValue(`{"a": `) // behind the pane's back: View must not validate
	if !strings.Contains(reqPlain(r), "✓ valid JSON") {
		t.Error("View validated the body itself")
	}
	r.body.SetValue(`{"a": 1}`)
	r = reqSend(t, r, rkey("enter"), rkey("end"))
	r = reqType(t, r, ",")
	if !strings.Contains(reqPlain(r), "✗ JSON") {
		t.Errorf("typing: %s", reqPlain(r))
	}
	r = reqSend(t, r, tea.PasteMsg{Content: `"b": 2}`})
	if !strings.Contains(reqPlain(r), "✗ JSON") {
		t.Errorf("paste after the closing brace: %s", reqPlain(r))
	}
	r = reqSend(t, r, bodyEditedMsg{text: `[1, 2]`})
	if !r.json.ok || r.DraftWarning() != "" {
		t.Errorf("editor: %+v", r.json)
	}
	r = reqSend(t, r, rkey("esc"), rkey("2"), rkey("enter"))
	r = reqSend(t, r, tea.PasteMsg{Content: "x"})
	r = reqSend(t, r, rkey("enter"))
	if r.jsonCT != "application/jsonx" {
		t.Errorf("a changed Content-Type is checked again: %q", r.jsonCT)
	}
}

// Restyle follows the background; View restyles nothing.
func TestRequestRestyle(t *testing.T) {
	r := newReqPane(t, 80, 14, true)
	*r.c.styles = NewStyles(false)
	r.Restyle()
	if r.dark {
		t.Fatal("Restyle did not follow the background")
	}
	*r.c.styles = NewStyles(true)
	if r = reqSend(t, r, rkey("2")); !r.dark {
		t.Error("Update restyles on the first message after a change")
	}
}

// BenchmarkRequestViewLargeBody: a frame with a 690 KB JSON body costs
// what one with a small body does; the body is validated once per change,
// in Update, not per frame.
func BenchmarkRequestViewLargeBody(b *testing.B) {
	var big strings.Builder
	big.WriteString("[\n")
	for i := range 9000 {
		fmt.Fprintf(&big, "  {\"id\": %6d, \"name\": \"item %6d\", \"note\": \"padding padding padding\"},\n", i, i)
	}
	big.WriteString("  {}\n]\n")
	for _, body := range []string{"{}", big.String()} {
		b.Run(fmt.Sprintf("%dB", len(body)), func(b *testing.B) {
			st := NewStyles(true)
			r := newRequestPane(&common{styles: &st, keys: DefaultKeyMap(), now: testClock})
			r.SetSize(120, 20)
			r.Load(requests.Request{Method: "POST", URL: "/x", Body: body,
				Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}}})
			if len(r.body.Value()) != len(body) || !r.json.ok {
				b.Fatalf("body %d of %d bytes, %+v", len(r.body.Value()), len(body), r.json)
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = r.View()
			}
		})
	}
}
