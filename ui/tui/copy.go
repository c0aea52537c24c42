package tui

import (
	"encoding/json"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/inspect/curl"
	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/inspect/explain"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/redact"
)

// copyChoice is one entry of the ctrl+y menu.
type copyChoice struct {
	key   string // the single key that picks it
	label string
	text  func(copySource) (string, error)
}

// copySource is what the menu copies from: the shown token, the last
// outcome of the active profile.
type copySource struct {
	token   *token.Report
	raw     string // the token as loaded or sent
	outcome *Outcome
}

// copyDoneMsg reports what was copied, for the toast.
type copyDoneMsg struct{ what string }

// copyMenu is the ctrl+y overlay. Copying goes through OSC 52 (the
// terminal's clipboard), which works over SSH and needs no helper program.
type copyMenu struct {
	c       *common
	open    bool
	cursor  int
	choices []copyChoice
}

func newCopyMenu(c *common) copyMenu {
	return copyMenu{c: c, choices: []copyChoice{
		{"t", "token", copyToken},
		{"c", "decoded claims (JSON)", copyClaims},
		{"u", "curl command ($TOKEN placeholder)", func(s copySource) (string, error) { return copyCurl(s, false) }},
		{"U", "curl command with the secret in it", func(s copySource) (string, error) { return copyCurl(s, true) }},
		{"e", "explanation", copyExplanation},
	}}
}

func (m *copyMenu) Open()  { m.open, m.cursor = true, 0 }
func (m *copyMenu) Close() { m.open = false }

// Update returns the chosen entry's copy command, or a toast when the
// entry has nothing to copy yet.
func (m copyMenu) Update(k tea.KeyPressMsg, src copySource) (copyMenu, tea.Cmd, string) {
	keys := m.c.keys
	switch {
	case key.Matches(k, keys.Close):
		m.Close()
		return m, nil, ""
	case key.Matches(k, keys.Up):
		m.cursor = max(0, m.cursor-1)
		return m, nil, ""
	case key.Matches(k, keys.Down):
		m.cursor = min(len(m.choices)-1, m.cursor+1)
		return m, nil, ""
	case key.Matches(k, keys.Enter):
		return m.pick(m.choices[m.cursor], src)
	}
	for _, ch := range m.choices {
		if k.String() == ch.key {
			return m.pick(ch, src)
		}
	}
	return m, nil, ""
}

func (m copyMenu) pick(ch copyChoice, src copySource) (copyMenu, tea.Cmd, string) {
	m.Close()
	text, err := ch.text(src)
	if err != nil {
		return m, nil, err.Error()
	}
	what := ch.label
	return m, tea.Batch(tea.SetClipboard(text), func() tea.Msg { return copyDoneMsg{what: what} }), ""
}

func (m copyMenu) View(w int) string {
	s := m.c.styles
	lines := []string{s.TitleFocused.Render("Copy to clipboard"), ""}
	for i, ch := range m.choices {
		line := s.Label.Render(ch.key) + "  " + ch.label
		if i == m.cursor {
			line = s.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", s.Dim.Render("key or enter copies · esc closes"))
	f := s.Overlay.GetHorizontalFrameSize()
	iw := max(10, min(w-f, 44))
	return s.Overlay.Render(fitBlock(strings.Join(lines, "\n"), iw, len(lines)))
}

func copyToken(s copySource) (string, error) {
	if s.raw == "" {
		return "", uiError("no token to copy: send a request or paste a token first")
	}
	return s.raw, nil
}

func copyClaims(s copySource) (string, error) {
	if s.token == nil || s.token.Token.Claims == nil {
		return "", uiError("no decoded claims to copy")
	}
	b, err := json.MarshalIndent(map[string]any{"header": s.token.Token.HeaderFields, "payload": s.token.Token.Claims}, "", "  ")
	if err != nil {
		return "", uiError("the claims cannot be written as JSON: " + err.Error())
	}
	return string(b), nil
}

// copyCurl rebuilds the request that was sent. Unless the user chose to
// include it, each credential is replaced by a shell placeholder so the
// command can be pasted into a ticket without leaking a secret.
func copyCurl(s copySource, withSecret bool) (string, error) {
	o := s.outcome
	if o == nil || o.Exchange == nil {
		return "", uiError("send the request first: the curl command is built from what was sent")
	}
	req := o.Exchange.Request
	hide := func(s string) string { return s }
	if !withSecret && o.Mask != nil {
		hide = o.Mask // every value this request resolved, wherever it sits
	}
	var hs []curl.Header
	for _, h := range req.Headers {
		if transportHeader(h.Name) {
			continue // curl sends its own; a literal Accept-Encoding would get bytes curl does not decode
		}
		v := hide(h.Value)
		if !withSecret && (redact.IsSecretHeader(h.Name) || o.APIKey != "" && strings.EqualFold(h.Name, o.APIKey)) {
			v = placeholder(h.Name, h.Value)
		}
		hs = append(hs, curl.Header{Name: h.Name, Value: v})
	}
	u, body := req.URL, o.Request.Body
	if !withSecret {
		u, body = redact.URL(hide(u)), hide(body)
		if ct := contentType(req.Headers); body != "" {
			body = string(redact.Body(ct, []byte(body), len(body)))
		}
	}
	return curl.Build(req.Method, u, hs, body), nil
}

// transportHeader: headers the HTTP client adds by itself, which a copied
// command must leave to curl.
func transportHeader(name string) bool {
	switch strings.ToLower(name) {
	case "host", "user-agent", "content-length", "accept-encoding", "connection", "transfer-encoding":
		return true
	}
	return false
}

func contentType(hs []exchange.Header) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, "Content-Type") {
			return h.Value
		}
	}
	return ""
}

// placeholder keeps the scheme ("Bearer $TOKEN") so the command still says
// what kind of credential goes there.
func placeholder(name, value string) string {
	scheme, _, ok := strings.Cut(value, " ")
	switch {
	case strings.EqualFold(name, "Cookie"):
		return "$COOKIE"
	case ok && strings.EqualFold(scheme, "Basic"):
		return "Basic $CREDENTIALS"
	case ok:
		return scheme + " $TOKEN"
	}
	return "$" + strings.ToUpper(strings.NewReplacer("-", "_").Replace(name))
}

func copyExplanation(s copySource) (string, error) {
	o := s.outcome
	if o == nil || len(o.Diagnosis) == 0 {
		return "", uiError("no explanation to copy: it appears after a 401, 403 or a challenge")
	}
	text := explanationText(o.Result.Status, o.Diagnosis)
	if o.Mask != nil {
		text = o.Mask(text)
	}
	return text, nil
}

// explanationText is the diagnosis list as plain text for a ticket or chat.
func explanationText(status int, ds []explain.Diagnosis) string {
	var b strings.Builder
	b.WriteString("Why " + itoa(status) + " (why401)\n")
	for i, d := range ds {
		b.WriteString("\n" + itoa(i+1) + ". " + d.Title + " [" + d.ID + "]\n")
		if d.Detail != "" {
			b.WriteString("   " + d.Detail + "\n")
		}
		for _, e := range d.Evidence {
			b.WriteString("   - " + e + "\n")
		}
		if d.Fix != "" {
			b.WriteString("   Fix: " + d.Fix + "\n")
		}
	}
	return b.String()
}
