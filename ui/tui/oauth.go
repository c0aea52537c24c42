package tui

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/ui/safe"
)

// The messages of a token action. The flow calls its FlowUI on its own
// goroutine; each call becomes one of these, carrying the action's id so a
// message from a closed modal (or an earlier action) is dropped.
type (
	deviceCodeMsg struct {
		id   int
		code auth.DeviceCode
	}
	signInMsg struct {
		id  int
		url string
	}
	flowSayMsg struct {
		id   int
		text string
	}
	tokenDoneMsg struct {
		id      int
		outcome TokenOutcome
	}
)

// flowMsg is any message of a token action.
type flowMsg interface{ flowID() int }

func (m deviceCodeMsg) flowID() int { return m.id }
func (m signInMsg) flowID() int     { return m.id }
func (m flowSayMsg) flowID() int    { return m.id }
func (m tokenDoneMsg) flowID() int  { return m.id }

// flowBuffer is how many flow messages may wait unread before the flow
// blocks; progress lines are few, so the flow practically never waits.
const flowBuffer = 16

// maxSaid bounds the progress lines kept; only the last few are shown.
const maxSaid = 20

// flowBridge is the auth.FlowUI of one token action: every call becomes a
// message on the channel the modal listens to, so the flow's goroutine
// never touches the model and no program reference is needed.
type flowBridge struct {
	id  int
	ctx context.Context // done when the modal closes: nobody reads any more
	out chan<- tea.Msg
}

func (f flowBridge) ShowDeviceCode(c auth.DeviceCode) { f.send(deviceCodeMsg{id: f.id, code: c}) }

func (f flowBridge) Say(text string) { f.send(flowSayMsg{id: f.id, text: text}) }

// OpenBrowser shows the sign-in address in the modal, where c copies it.
// The terminal app starts no browser itself; like the command line's flow
// UI it reports success, since the user has the address.
func (f flowBridge) OpenBrowser(url string) error {
	f.send(signInMsg{id: f.id, url: url})
	return nil
}

// send delivers msg, or drops it once the modal has closed: blocking
// there would keep the flow's goroutine alive for good.
func (f flowBridge) send(msg tea.Msg) {
	select {
	case f.out <- msg:
	case <-f.ctx.Done():
	}
}

// listenFlow is the Cmd that waits for the action's next message; the
// modal issues it again after each one until the action is done.
func listenFlow(ctx context.Context, in <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		select {
		case msg := <-in:
			return msg
		case <-ctx.Done():
			return nil
		}
	}
}

// runToken is the Cmd doing the action. Its result goes through the same
// channel as the progress, so it can never overtake the last line said.
func runToken(ctx context.Context, b Backend, profile string, a TokenAction, ui flowBridge) tea.Cmd {
	return func() tea.Msg {
		out := TokenOutcome{Profile: profile, Action: a, Err: errNoBackend}
		if b != nil {
			out = b.Token(ctx, profile, a, ui)
		}
		ui.send(tokenDoneMsg{id: ui.id, outcome: out})
		return nil
	}
}

// errNoBackend: without a config (why401 inspect) there is no profile
// whose token could be fetched.
var errNoBackend = errors.New("token actions need profiles from a config file; this session has none")

// tokenModal is the overlay of an OAuth2 token action: progress while it
// runs (for the device flow the address, the user code and a QR code),
// then the token endpoint's answer with its secrets masked, or the error.
// While open it owns the keyboard; esc closes it and cancels the flow.
type tokenModal struct {
	c       *common
	keys    tokenModalKeys
	id      int
	profile string
	action  TokenAction
	open    bool
	cancel  context.CancelFunc
	listen  tea.Cmd
	frame   string // the root's spinner frame

	code    *auth.DeviceCode
	signIn  string
	said    []string
	outcome *TokenOutcome
	fresh   bool   // outcome arrived in the last Update
	note    string // "address copied"

	w, h int // the screen, for paging; 0 until SetSize
	off  int // first body line shown
}

// tokenModalKeys are the modal's own keys besides the app's esc, ↑/↓ and
// pgup/pgdn.
type tokenModalKeys struct {
	Copy, Top, Bottom key.Binding
}

func newTokenModalKeys() tokenModalKeys {
	return tokenModalKeys{
		Copy:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "copy address")),
		Top:    key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home", "top")),
		Bottom: key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end", "bottom")),
	}
}

// startTokenAction opens the modal and returns the Cmds that run the
// action and listen for its progress. id must be new for every action.
func startTokenAction(c *common, b Backend, profile string, a TokenAction, id int) (tokenModal, tea.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	events := make(chan tea.Msg, flowBuffer)
	m := tokenModal{c: c, keys: newTokenModalKeys(), id: id, profile: profile, action: a,
		open: true, cancel: cancel, listen: listenFlow(ctx, events)}
	ui := flowBridge{id: id, ctx: ctx, out: events}
	return m, tea.Batch(runToken(ctx, b, profile, a, ui), m.listen)
}

// Open reports whether the modal is shown (and owns the keyboard).
func (m tokenModal) Open() bool { return m.open }

// Busy reports whether the action is still running (the spinner turns).
func (m tokenModal) Busy() bool { return m.open && m.outcome == nil }

// Done returns the outcome on the Update that delivered it, and only then,
// so the root loads a new token into the token pane exactly once.
func (m tokenModal) Done() (TokenOutcome, bool) {
	if !m.fresh || m.outcome == nil {
		return TokenOutcome{}, false
	}
	return *m.outcome, true
}

// Owns reports whether msg is a token action's message, whatever its id:
// the root hands all of them here, and stale ones are dropped here.
func (m tokenModal) Owns(msg tea.Msg) bool {
	_, ok := msg.(flowMsg)
	return ok
}

// SetSize tells the modal the screen size, so paging and the end key
// know how far the body scrolls.
func (m *tokenModal) SetSize(w, h int) { m.w, m.h = w, h }

// SetSpinner sets the frame drawn while the action runs; the root's
// spinner turns, so there is one tick loop for the whole app.
func (m *tokenModal) SetSpinner(frame string) { m.frame = frame }

// Close hides the modal and cancels the action if it still runs.
func (m tokenModal) Close() tokenModal {
	if m.cancel != nil {
		m.cancel()
	}
	m.open = false
	return m
}

func (m tokenModal) Update(msg tea.Msg) (tokenModal, tea.Cmd) {
	m.fresh = false
	if !m.open {
		return m, nil
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case flowMsg:
		return m.handleFlow(msg)
	}
	return m, nil
}

func (m tokenModal) handleFlow(msg flowMsg) (tokenModal, tea.Cmd) {
	if msg.flowID() != m.id {
		return m, nil // from an earlier action: its modal is gone
	}
	switch msg := msg.(type) {
	case deviceCodeMsg:
		code := msg.code
		m.code = &code
	case signInMsg:
		m.signIn = msg.url
	case flowSayMsg:
		m.said = append(m.said, msg.text)
		m.said = m.said[max(0, len(m.said)-maxSaid):]
	case tokenDoneMsg:
		m.outcome, m.fresh, m.off = &msg.outcome, true, 0
		m.cancel() // the action is over; release its context
		return m, nil
	}
	return m, m.listen
}

func (m tokenModal) handleKey(k tea.KeyPressMsg) (tokenModal, tea.Cmd) {
	keys := m.c.keys
	switch {
	case key.Matches(k, keys.Close), m.outcome != nil && key.Matches(k, keys.Enter):
		return m.Close(), nil
	case key.Matches(k, m.keys.Copy):
		return m.copyAddress()
	}
	m.off = m.scroll(k)
	return m, nil
}

// copyAddress puts the sign-in or verification address on the clipboard
// (OSC52): it is long, and typing it off the screen invites mistakes.
func (m tokenModal) copyAddress() (tokenModal, tea.Cmd) {
	addr := m.address()
	if addr == "" {
		return m, nil
	}
	m.note = "address copied"
	return m, tea.SetClipboard(addr)
}

// address is the page the user must open, "" when there is none (yet).
func (m tokenModal) address() string {
	switch {
	case m.outcome != nil:
		return ""
	case m.signIn != "":
		return m.signIn
	case m.code != nil && m.code.VerificationURIComplete != "":
		return m.code.VerificationURIComplete
	case m.code != nil:
		return m.code.VerificationURI
	}
	return ""
}

// scroll moves the body by k; without a size yet it assumes 80×24, which
// overestimates how far the body can go, never underestimates.
func (m tokenModal) scroll(k tea.KeyPressMsg) int {
	w, h := m.w, m.h
	if w == 0 || h == 0 {
		w, h = 80, 24
	}
	_, rows, total := m.layout(w, h)
	page := max(1, rows-1)
	off := m.off
	keys := m.c.keys
	switch {
	case key.Matches(k, keys.Up):
		off--
	case key.Matches(k, keys.Down):
		off++
	case k.String() == "pgup":
		off -= page
	case k.String() == "pgdown":
		off += page
	case key.Matches(k, m.keys.Top):
		off = 0
	case key.Matches(k, m.keys.Bottom):
		off = total
	}
	return min(max(0, off), max(0, total-rows))
}

// View draws the modal for a w×h screen: never wider than w nor taller
// than h; the body scrolls between the fixed title and key hints.
func (m tokenModal) View(w, h int) string {
	if !m.open {
		return ""
	}
	s := m.c.styles
	bw := modalWidth(w)
	iw, ih := bw-s.Overlay.GetHorizontalFrameSize(), h-s.Overlay.GetVerticalFrameSize()
	if iw < 1 || ih < 1 {
		return ""
	}
	body, rows, total := m.layout(w, h)
	off := min(m.off, max(0, total-rows))
	end := min(total, off+rows)
	lines := append([]string{m.titleLine(), m.statusLine()}, body[off:end]...)
	lines = append(lines, m.footer(off, end, total))
	lines = lines[:min(len(lines), ih)]
	// fitBlock pads every line to iw, so the box is bw wide without
	// Width(bw), which would have lipgloss wrap the block once more.
	return s.Overlay.Render(fitBlock(strings.Join(lines, "\n"), iw, len(lines)))
}

// headLines and footLines are the fixed lines around the scrolling body.
const headLines, footLines = 2, 1

// layout is the body at the modal's inner width for a w×h screen, how
// many of its lines fit, and how many there are.
func (m tokenModal) layout(w, h int) (body []string, rows, total int) {
	s := m.c.styles
	iw := modalWidth(w) - s.Overlay.GetHorizontalFrameSize()
	ih := h - s.Overlay.GetVerticalFrameSize()
	body = m.body(max(1, iw))
	return body, max(0, ih-headLines-footLines), len(body)
}

// modalWidth leaves the screen visible around the box when there is room,
// and is wide enough for a QR code beside the device code text.
func modalWidth(w int) int {
	return min(w, max(min(w, 64), min(112, w*3/4)))
}

func (m tokenModal) titleLine() string {
	verb := map[TokenAction]string{TokenGet: "Get token", TokenRefresh: "Refresh token", TokenForget: "Forget tokens"}[m.action]
	return m.c.styles.TitleFocused.Render(verb + " · " + safe.Line(m.profile))
}

func (m tokenModal) statusLine() string {
	s := m.c.styles
	switch {
	case m.outcome != nil && m.outcome.Err != nil:
		return s.Bad.Render("✗ failed")
	case m.outcome != nil:
		return s.Good.Render("✓ done")
	}
	frame := m.frame
	if frame == "" {
		frame = "…"
	}
	return s.Active.Render(frame) + " " + m.progress()
}

// progress says what the action waits for.
func (m tokenModal) progress() string {
	switch {
	case m.code != nil:
		return "Waiting for you to approve the code…"
	case m.signIn != "":
		return "Waiting for you to sign in…"
	case m.action == TokenForget:
		return "Forgetting the cached tokens…"
	case m.action == TokenRefresh:
		return "Refreshing the token…"
	}
	return "Getting a token…"
}

// footer puts what is cut off first, since a narrow box truncates the end.
func (m tokenModal) footer(off, end, total int) string {
	s := m.c.styles
	var hints []string
	if end < total {
		hints = append(hints, fmt.Sprintf("↓ %d more", total-end))
	}
	hints = append(hints, "esc cancel")
	if m.outcome != nil {
		hints[len(hints)-1] = "esc close"
	}
	if total > end-off {
		hints = append(hints, "↑/↓ pgup/pgdn scroll")
	}
	if m.address() != "" {
		hints = append(hints, "c copy address")
	}
	line := s.Dim.Render(strings.Join(hints, " · "))
	if m.note != "" && m.address() != "" {
		line = s.Good.Render(m.note) + " " + line
	}
	return line
}

// body is everything below the status line, as lines at most w wide.
func (m tokenModal) body(w int) []string {
	var sections [][]string
	if m.outcome != nil {
		sections = append(sections, m.outcomeLines(w))
	} else {
		sections = append(sections, m.deviceLines(w), m.signInLines(w))
	}
	sections = append(sections, m.saidLines(w))
	var out []string
	for _, sec := range sections {
		if len(sec) == 0 {
			continue
		}
		if len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, sec...)
	}
	return out
}

// deviceLines show where to go and what to type, with the QR code beside
// the text when both fit and below it otherwise.
func (m tokenModal) deviceLines(w int) []string {
	if m.code == nil {
		return nil
	}
	qr := m.qrLines()
	qw := 0
	if len(qr) > 0 {
		qw = lipgloss.Width(qr[0])
	}
	const gap, minText = 2, 36
	if qw > 0 && w >= qw+gap+minText {
		text := strings.Join(m.deviceText(w-qw-gap), "\n")
		side := lipgloss.JoinHorizontal(lipgloss.Top, text, strings.Repeat(" ", gap), strings.Join(qr, "\n"))
		return strings.Split(side, "\n")
	}
	out := m.deviceText(w)
	switch {
	case qw > 0 && qw <= w:
		out = append(append(out, ""), qr...)
	case qw > 0:
		out = append(out, m.c.styles.Dim.Render(fmt.Sprintf("(a wider terminal shows a QR code: it needs %d columns)", qw)))
	}
	return out
}

// deviceText is the address, the user code and its expiry, for width w.
func (m tokenModal) deviceText(w int) []string {
	s, c := m.c.styles, m.code
	out := []string{s.Label.Render("To sign in, open")}
	out = append(out, styleEach(s.Active, wrapProse(safe.Line(c.VerificationURI), w))...)
	out = append(out, s.Label.Render("and enter the code"))
	out = append(out, m.userCode(w)...)
	if c.VerificationURIComplete != "" {
		out = append(out, styleEach(s.Dim, wrapProse("The QR code opens the page with the code filled in.", w))...)
	}
	if left := m.expiry(); left != "" {
		out = append(out, styleEach(s.Dim, wrapProse(left, w))...)
	}
	return out
}

// userCode draws the code boxed, letters spaced so that it reads like a
// large print; bare when the box would not fit.
func (m tokenModal) userCode(w int) []string {
	s := m.c.styles
	code := safe.Line(m.code.UserCode)
	spaced := strings.Join(strings.Split(code, ""), " ")
	if box := s.UserCode.Render(spaced); lipgloss.Width(box) <= w {
		return strings.Split(box, "\n")
	}
	return styleEach(s.Label, wrapProse(code, w))
}

// expiry counts down with the app's clock, which the spinner redraws.
func (m tokenModal) expiry() string {
	if m.code.Expires.IsZero() {
		return ""
	}
	left := m.code.Expires.Sub(m.c.now()).Round(time.Second)
	if left <= 0 {
		return "The code has expired; esc, then get a token again."
	}
	return "The code expires in " + left.String() + "."
}

// qrLines are the QR code's rows, drawn light on black whatever the
// theme; nil when the flow could not draw one.
func (m tokenModal) qrLines() []string {
	qr := strings.TrimRight(safe.Text(m.code.QR), "\n")
	if qr == "" {
		return nil
	}
	return styleEach(m.c.styles.QR, strings.Split(qr, "\n"))
}

func (m tokenModal) signInLines(w int) []string {
	if m.signIn == "" {
		return nil
	}
	s := m.c.styles
	out := styleEach(s.Label, wrapProse("To sign in, open this address in a browser:", w))
	return append(out, styleEach(s.Active, wrapHard(safe.Line(m.signIn), w))...)
}

// saidLines are the flow's last few progress lines; "Sign in at URL"
// repeats the address shown above and is left out. Once the action is
// done they are history, and labelled so.
func (m tokenModal) saidLines(w int) []string {
	const shown = 6
	var out []string
	if m.outcome != nil && len(m.said) > 0 {
		out = append(out, m.c.styles.Label.Render("Along the way:"))
	}
	for _, text := range m.said[max(0, len(m.said)-shown):] {
		if m.signIn != "" && text == "Sign in at "+m.signIn {
			continue
		}
		out = append(out, styleEach(m.c.styles.Dim, wrapProse(safe.Line(text), w))...)
	}
	return out
}

func (m tokenModal) outcomeLines(w int) []string {
	s, out := m.c.styles, m.outcome
	var lines []string
	switch {
	case out.Err != nil:
		lines = styleEach(s.Bad, wrapProse(safe.Line(out.Err.Error()), w))
		if out.Response != nil {
			lines = append(lines, "", s.Label.Render("The token endpoint answered (secrets masked):"))
		}
	case m.action == TokenForget:
		return styleEach(s.Good, wrapProse("The cached tokens of "+safe.Line(m.profile)+" are forgotten; the next request gets a new token.", w))
	default:
		head := "Access token " + auth.Fingerprint(out.Token)
		if out.Response == nil {
			head += ", from the cache: no request was made (r refreshes it)"
		}
		lines = styleEach(s.Good, wrapProse(head, w))
		if out.Response != nil {
			lines = append(lines, "", s.Label.Render("Token endpoint response (secrets masked):"))
		}
	}
	if out.Response != nil {
		lines = append(lines, wrapHard(responseJSON(out.Response, out.Token), w)...)
	}
	return lines
}

// responseJSON pretty-prints the token endpoint's answer. The Backend
// masks it already; it is masked again here so that a Backend that forgot
// can never put a live token on the screen.
func responseJSON(resp map[string]any, token string) string {
	b, err := json.MarshalIndent(maskMembers(resp), "", "  ")
	if err != nil {
		return "(the response cannot be shown: " + err.Error() + ")"
	}
	text := string(b)
	if len(token) >= 8 {
		text = strings.ReplaceAll(text, token, auth.Fingerprint(token))
	}
	return safe.Text(text)
}

// maskMembers copies v with every credential member replaced by its
// fingerprint, unless it is one already.
func maskMembers(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if str, ok := x.(string); ok && isSecretMember(k) && !isFingerprint(str) {
				out[k] = auth.Fingerprint(str)
				continue
			}
			out[k] = maskMembers(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = maskMembers(x)
		}
		return out
	}
	return v
}

// isSecretMember names the token-response members that are credentials,
// as store/auth masks them.
func isSecretMember(name string) bool {
	switch strings.ToLower(name) {
	case "access_token", "refresh_token", "id_token", "issued_token", "device_code",
		"code", "client_secret", "password", "assertion":
		return true
	}
	return false
}

// isFingerprint recognises auth.Fingerprint's "…abcd (812 chars)".
func isFingerprint(s string) bool {
	return strings.HasPrefix(s, "…") && strings.HasSuffix(s, " chars)")
}

// wrapProse breaks prose at spaces, and words longer than w anywhere.
func wrapProse(s string, w int) []string {
	return strings.Split(ansi.Wrap(s, max(1, w), ""), "\n")
}

// wrapHard breaks at exactly w, keeping indentation (JSON, addresses).
func wrapHard(s string, w int) []string {
	return strings.Split(ansi.Hardwrap(s, max(1, w), true), "\n")
}

// styleEach renders each line on its own, so no style spans a line break.
func styleEach(st lipgloss.Style, lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = st.Render(l)
	}
	return out
}
