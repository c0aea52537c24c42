package tui

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/ui/bodyview"
)

// respEveryKey is every key the pane reacts to in any mode, and a few it
// types.
func respEveryKey() []string {
	return []string{"/", "x", "enter", "/", "y", "esc", "f", ".a", "enter", "f", "esc", "n", "N",
		"1", "2", "3", "4", "left", "right", "up", "down", "j", "k", "pgup", "pgdown",
		"home", "end", "g", "G", "s", "s", "esc", "enter", "backspace", "/", "z", "backspace"}
}

// With no response (connection refused, or a send still on its way with
// nothing shown before), no key of the pane panics, in the key or in the
// Cmds it returns, and the search refuses in one sentence.
func TestResponseNoResponseEveryKey(t *testing.T) {
	states := map[string]func(r responsePane) responsePane{
		"refused": func(r responsePane) responsePane {
			return respShow(t, r, Outcome{Err: "connection refused"})
		},
		"exchange without response": func(r responsePane) responsePane {
			return respShow(t, r, Outcome{Profile: "staging", Exchange: &exchange.Exchange{Err: "read: connection reset"}})
		},
		"sending first": func(r responsePane) responsePane { r.Sending("staging"); return r },
		"refused after a body": func(r responsePane) responsePane {
			r = respShow(t, r, respOutcome(respJSONBody, "application/json"))
			r = respType(t, respPress(t, r, "/"), "inv")
			return respShow(t, r, Outcome{Err: "connection refused"})
		},
	}
	for name, setup := range states {
		t.Run(name, func(t *testing.T) {
			r := setup(newRespPane(t, 60, 14, true))
			for _, k := range respEveryKey() {
				r = respPress(t, r, k)
				_ = r.View()
				if r.Typing() {
					t.Fatalf("%s: an input opened without a response body", k)
				}
			}
			r = respPress(t, r, "/")
			if v := respPlain(r.View()); !strings.Contains(v, "there is no response body to search") {
				t.Errorf("/ says nothing:\n%s", v)
			}
			if cmd := r.StartSearch(); cmd != nil || r.Typing() {
				t.Error("StartSearch opened the input without a response")
			}
			r.Blur()
			r.Focus()
			_ = r.View()
		})
	}
}

// searchDoc on a document without a body finds nothing rather than
// opening a nil source.
func TestResponseSearchDocWithoutBody(t *testing.T) {
	for _, d := range []respDoc{{}, {mode: respDocStream}, {mode: respDocHex}} {
		m, err := searchDoc(context.Background(), d, bodyview.NewQuery("x"))
		if err != nil || m.Total != 0 {
			t.Errorf("mode %d: %+v, %v", d.mode, m, err)
		}
	}
	r := newRespPane(t, 60, 14, true)
	r.SetOutcome(Outcome{Err: "connection refused"})
	r, _ = r.startJQ(".a")
	if r.jqRun.running || r.notice == "" {
		t.Error("a filter without a body must refuse, not run")
	}
}

const respCookie = "s3ss10n-c00k13-value"

func respCookieOutcome() Outcome {
	o := respOutcome(respJSONBody, "application/json")
	o.Exchange.Response.Headers = append(o.Exchange.Response.Headers,
		exchange.Header{Name: "Set-Cookie", Value: "sid=" + respCookie + "; Path=/; HttpOnly; Secure"},
		exchange.Header{Name: "x-api-key", Value: "k3yk3yk3yk3yk3y"},
		exchange.Header{Name: "Authorization", Value: "Bearer abcdefghijklmnop"})
	return o
}

// The Headers tab masks Set-Cookie (keeping the cookie's name and its
// attributes) and every credential header until s; a new outcome hides
// them again.
func TestResponseSecretHeadersMasked(t *testing.T) {
	r := respShow(t, newRespPane(t, 120, 30, true), respCookieOutcome())
	r = respPress(t, r, "2")
	v := respPlain(r.View())
	for _, secret := range []string{respCookie, "k3yk3yk3yk3yk3y", "abcdefghijklmnop"} {
		if strings.Contains(v, secret) {
			t.Errorf("%q on screen:\n%s", secret, v)
		}
	}
	for _, want := range []string{"Set-Cookie: sid=••••; Path=/; HttpOnly; Secure", "x-api-key: k3yk…", "Authorization: Bearer abcd…",
		"Content-Type: application/json"} {
		if !strings.Contains(v, want) {
			t.Errorf("headers lack %q:\n%s", want, v)
		}
	}
	r = respPress(t, r, "s")
	v = respPlain(r.View())
	if !strings.Contains(v, "sid="+respCookie) || !strings.Contains(v, "k3yk3yk3yk3yk3y") || !strings.Contains(v, "credentials shown") {
		t.Errorf("s reveals them and says so:\n%s", v)
	}
	if r = respPress(t, r, "s"); strings.Contains(respPlain(r.View()), respCookie) {
		t.Error("s again hides them")
	}
	r = respPress(t, r, "s")
	r = respShow(t, r, respCookieOutcome())
	if r = respPress(t, r, "2"); strings.Contains(respPlain(r.View()), respCookie) {
		t.Error("a new outcome starts hidden")
	}
	plain := respShow(t, newRespPane(t, 120, 30, true), respOutcome(respJSONBody, "application/json"))
	if plain = respPress(t, plain, "s"); plain.showSecrets || !strings.Contains(respPlain(plain.View()), "nothing to reveal") {
		t.Error("s without credential headers says there is nothing to reveal")
	}
}

// Blur leaves an open input so the root can move focus: the search keeps
// its query and matches; a filter typed but not applied does not run and
// comes back with f.
func TestResponseBlurLeavesTheInput(t *testing.T) {
	base := respShow(t, newRespPane(t, 80, 20, true), respOutcome(longJSON(50), "application/json"))
	r := respType(t, respPress(t, base, "/"), "item 1")
	total := r.search.m.Total
	r.Blur()
	if r.Typing() || r.search.query != "item 1" || r.search.m.Total != total || total == 0 {
		t.Fatalf("blur in search: typing %v query %q total %d/%d", r.Typing(), r.search.query, r.search.m.Total, total)
	}
	if cmd := r.Focus(); cmd != nil || r.Typing() {
		t.Error("focus back does not reopen the input")
	}
	if r = respPress(t, r, "n"); r.search.cur != 1 {
		t.Errorf("n after the blur: match %d", r.search.cur)
	}

	r = respType(t, respPress(t, base, "f"), ".items[0]")
	r.Blur()
	if r.Typing() || r.jq != nil || r.jqRun.running {
		t.Fatal("blur in the filter must not run it")
	}
	r.Focus()
	if r = respPress(t, r, "f"); r.input.Value() != ".items[0]" {
		t.Errorf("f brings the unapplied filter back: %q", r.input.Value())
	}
	if r = respPress(t, r, "enter"); r.jq == nil || r.filter != ".items[0]" {
		t.Error("enter applies it")
	}
	r = respPress(t, respPress(t, r, "f"), "backspace")
	r.Blur()
	if r.filter != ".items[0]" || r.jq == nil {
		t.Error("blur keeps the filter that applies")
	}
	if r = respPress(t, r, "f", "esc", "f"); r.input.Value() != ".items[0]" {
		t.Errorf("esc drops the unapplied draft: %q", r.input.Value())
	}
}

// AllKeys lists every key of every binding the pane has, each with help,
// whatever the mode; HelpKeys stays a subset.
func TestResponseAllKeys(t *testing.T) {
	r := respShow(t, newRespPane(t, 80, 20, true), respOutcome(respJSONBody, "application/json"))
	assertAllKeys(t, r.keys, r.AllKeys())
	all := r.AllKeys()
	for _, state := range []responsePane{r, respPress(t, r, "/")} {
		for _, b := range state.HelpKeys() {
			for _, k := range b.Keys() {
				if !slices.ContainsFunc(all, func(a key.Binding) bool { return slices.Contains(a.Keys(), k) }) {
					t.Errorf("HelpKeys has %q that AllKeys lacks", k)
				}
			}
		}
	}
	if !slices.ContainsFunc(r.HelpKeys(), func(b key.Binding) bool { return b.Help().Key == "s" }) {
		t.Error("the reveal key is not in HelpKeys")
	}
}

// assertAllKeys checks that every key of every key.Binding field of keys
// is matched by a binding of all, and that each of all has help.
func assertAllKeys(t *testing.T, keys any, all []key.Binding) {
	t.Helper()
	covered := map[string]bool{}
	for _, b := range all {
		if b.Help().Key == "" || b.Help().Desc == "" || len(b.Keys()) == 0 {
			t.Errorf("binding %v has no help or no keys", b.Keys())
		}
		for _, k := range b.Keys() {
			covered[k] = true
		}
	}
	v := reflect.ValueOf(keys)
	for i := range v.NumField() {
		b, ok := v.Field(i).Interface().(key.Binding)
		if !ok {
			continue
		}
		for _, k := range b.Keys() {
			if !covered[k] {
				t.Errorf("%s: key %q is not in AllKeys", v.Type().Field(i).Name, k)
			}
		}
	}
}

// Restyle follows the background without View restyling anything.
func TestResponseRestyle(t *testing.T) {
	r := respShow(t, newRespPane(t, 80, 20, true), respOutcome(respJSONBody, "application/json"))
	r = respPress(t, r, "/")
	*r.c.styles = NewStyles(false)
	if _ = r.View(); !r.dark {
		t.Fatal("View must not restyle")
	}
	r.Restyle()
	if r.dark {
		t.Fatal("Restyle did not follow the background")
	}
	*r.c.styles = NewStyles(true)
	r, _ = r.Update(tea.PasteMsg{Content: "a"})
	if !r.dark {
		t.Error("Update restyles on the first message after a change")
	}
}
