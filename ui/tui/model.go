// Package tui is the full-screen Bubble Tea v2 app: profiles, request,
// response, token and why panes, a token inspector and a help overlay.
package tui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/why401/why401/inspect/token"
	"github.com/why401/why401/store/config"
)

// Deps is everything the UI needs from outside. Send may be nil until the
// exchange wiring lands; ctrl+s then only says so.
type Deps struct {
	Config  *config.Config
	Profile string
	Now     func() time.Time
	Send    func(ctx context.Context, profile string, method, url string) tea.Cmd
	// Token is loaded into the token pane at start (`why401 inspect`):
	// any input form, decoded offline.
	Token string
}

// common is shared by the root and its panes: styles are rebuilt in place
// when the background is known, so panes see the change without plumbing.
type common struct {
	styles *Styles
	keys   KeyMap
	now    func() time.Time
}

// Model is the root model; it alone returns a tea.View.
type Model struct {
	c    *common
	deps Deps

	w, h    int
	lay     layout
	focus   pane
	sideTab pane // the side pane shown in the tabbed layout
	active  string

	profiles  profilesPane
	request   requestPane
	response  responsePane
	token     tokenPane
	why       whyPane
	inspector inspector
	help      help.Model
	showHelp  bool

	toast    string
	toastErr bool
	tickGen  int
	ticking  bool
}

// New builds the model. Focus starts on the profiles pane so no text input
// has focus at start (CONTRACT).
func New(deps Deps) Model {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	st := NewStyles(true)
	c := &common{styles: &st, keys: DefaultKeyMap(), now: deps.Now}
	active := deps.Profile
	if active == "" && deps.Config != nil {
		if p, ok := deps.Config.Default(); ok {
			active = p.Name
		}
	}
	m := Model{
		c: c, deps: deps, active: active, sideTab: paneToken,
		profiles:  newProfilesPane(c, deps.Config, active),
		request:   newRequestPane(c),
		response:  newResponsePane(c),
		token:     newTokenPane(c),
		why:       newWhyPane(c),
		inspector: newInspector(c),
		help:      help.New(),
	}
	m.help.Styles = help.DefaultStyles(st.isDark)
	m.profiles.Focus()
	return m
}

// Init asks for the background colour (we draw at once with dark styles and
// restyle if the terminal answers) and loads Deps.Token, if any.
func (m Model) Init() tea.Cmd {
	if m.deps.Token == "" {
		return tea.RequestBackgroundColor
	}
	token := m.deps.Token
	return tea.Batch(tea.RequestBackgroundColor, func() tea.Msg { return tea.PasteMsg{Content: token} })
}

// Update is a dispatcher; each case's logic lives in a handle* method.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.handleResize(msg.Width, msg.Height), nil
	case tea.BackgroundColorMsg:
		return m.handleBackground(msg.IsDark()), nil
	case tickMsg:
		return m.handleTick(msg)
	case inspectRequestMsg:
		return m.loadToken(msg.text)
	case profileChosenMsg:
		return m.handleProfileChosen(msg.name), nil
	case tea.PasteMsg:
		return m.handlePaste(msg)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	return m.routeToFocused(msg)
}

func (m Model) handleResize(w, h int) Model {
	m.w, m.h = w, h
	m.lay = computeLayout(w, h)
	l := m.lay
	m.profiles.SetSize(l.Profiles.W, l.Profiles.H)
	m.request.SetSize(l.Request.W, l.Request.H)
	m.response.SetSize(l.Response.W, l.Response.H)
	m.token.SetSize(l.Token.W, l.Token.H)
	m.why.SetSize(l.Why.W, l.Why.H)
	m.inspector.SetWidth(w)
	m.help.SetWidth(w)
	return m
}

func (m Model) handleBackground(isDark bool) Model {
	*m.c.styles = NewStyles(isDark)
	m.help.Styles = help.DefaultStyles(isDark)
	return m
}

// typing reports whether a text input has the keyboard, which switches off
// the single-letter global keys.
func (m Model) typing() bool { return m.inspector.open || m.request.Typing() }

// handleKey applies CONTRACT's order: ctrl+c always; overlays own the keys
// while open; then global keys; then the focused pane.
func (m Model) handleKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	keys := m.c.keys
	switch {
	case key.Matches(k, keys.ForceQuit):
		return m, tea.Quit
	case m.showHelp:
		if key.Matches(k, keys.Close, keys.Help) {
			m.showHelp = false
		}
		return m, nil
	case m.inspector.open:
		var cmd tea.Cmd
		m.inspector, cmd = m.inspector.Update(k)
		return m, cmd
	}
	if next, cmd, ok := m.handleGlobalKey(k); ok {
		return next, cmd
	}
	return m.routeToFocused(k)
}

// handleGlobalKey handles the keys that work from any pane; ok is false when
// the key belongs to the focused pane.
func (m Model) handleGlobalKey(k tea.KeyPressMsg) (Model, tea.Cmd, bool) {
	keys := m.c.keys
	switch {
	case key.Matches(k, keys.Inspect):
		m.toast = ""
		return m, m.inspector.Open(), true
	case key.Matches(k, keys.NextPane):
		m, cmd := m.setFocus((m.focus + 1) % paneCount)
		return m, cmd, true
	case key.Matches(k, keys.PrevPane):
		m, cmd := m.setFocus((m.focus + paneCount - 1) % paneCount)
		return m, cmd, true
	case key.Matches(k, keys.Profile):
		m, cmd := m.setFocus(paneProfiles)
		return m, cmd, true
	case key.Matches(k, keys.Send):
		m, cmd := m.send()
		return m, cmd, true
	case m.typing():
		return m, nil, false
	case key.Matches(k, keys.Quit):
		return m, tea.Quit, true
	case key.Matches(k, keys.Help):
		m.showHelp = true
		return m, nil, true
	}
	return m, nil, false
}

// setFocus blurs the old pane and focuses the new one; in the tabbed layout
// focusing a side pane also brings its tab to the front.
func (m Model) setFocus(p pane) (Model, tea.Cmd) {
	m.blur(m.focus)
	m.focus = p
	if p.isSide() {
		m.sideTab = p
	}
	return m, m.focusPane(p)
}

func (m *Model) blur(p pane) {
	switch p {
	case paneProfiles:
		m.profiles.Blur()
	case paneRequest:
		m.request.Blur()
	case paneResponse:
		m.response.Blur()
	case paneToken:
		m.token.Blur()
	case paneWhy:
		m.why.Blur()
	}
}

func (m *Model) focusPane(p pane) tea.Cmd {
	switch p {
	case paneProfiles:
		return m.profiles.Focus()
	case paneRequest:
		return m.request.Focus()
	case paneResponse:
		return m.response.Focus()
	case paneToken:
		return m.token.Focus()
	case paneWhy:
		return m.why.Focus()
	}
	return nil
}

// routeToFocused gives a message to the focused pane only (and to the
// inspector while it is open, e.g. its cursor blink).
func (m Model) routeToFocused(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.inspector.open {
		m.inspector, cmd = m.inspector.Update(msg)
		return m, cmd
	}
	switch m.focus {
	case paneProfiles:
		m.profiles, cmd = m.profiles.Update(msg)
	case paneRequest:
		m.request, cmd = m.request.Update(msg)
	case paneResponse:
		m.response, cmd = m.response.Update(msg)
	case paneToken:
		m.token, cmd = m.token.Update(msg)
	case paneWhy:
		m.why, cmd = m.why.Update(msg)
	}
	return m, cmd
}

// handlePaste: a paste into an input is typed there; with no input focused
// it is a token to inspect at once (CONTRACT).
func (m Model) handlePaste(p tea.PasteMsg) (tea.Model, tea.Cmd) {
	if m.showHelp {
		return m, nil
	}
	if m.typing() {
		return m.routeToFocused(p)
	}
	return m.loadToken(p.Content)
}

// loadToken decodes text with the active profile's expectations and shows
// it. Decoding is pure and fast, so it runs here rather than in a Cmd.
func (m Model) loadToken(text string) (tea.Model, tea.Cmd) {
	text = strings.TrimSpace(text)
	if text == "" {
		return m, nil
	}
	in, err := token.ReadInput(text)
	if err != nil {
		m.toast, m.toastErr = "not a token: "+err.Error(), true
		return m, nil
	}
	p, _ := m.activeProfile()
	opts := token.Options{Now: m.c.now(), Leeway: p.Leeway, Issuer: p.Issuer, Audience: p.Audience}
	m.token.SetReport(token.Analyze(in, opts), p.Leeway)
	m.toast, m.toastErr = "token loaded ("+string(in.Form)+")", false
	m, cmd := m.setFocus(paneToken)
	return m.startTick(cmd)
}

func (m Model) handleProfileChosen(name string) Model {
	m.active = name
	m.profiles.SetActive(name)
	m.toast, m.toastErr = "profile "+name, false
	return m
}

// send hands the composed request to Deps.Send, which returns the Cmd that
// does the I/O; the UI never sends by itself.
func (m Model) send() (Model, tea.Cmd) {
	if m.deps.Send == nil {
		m.toast, m.toastErr = "sending is not available yet", true
		return m, nil
	}
	return m, m.deps.Send(context.Background(), m.active, m.request.Method(), m.request.URL())
}

func (m Model) activeProfile() (config.Profile, bool) {
	if m.deps.Config == nil {
		return config.Profile{}, false
	}
	return m.deps.Config.Profile(m.active)
}

// View draws the screen. Every line is cut to the width by the panes and
// fit helpers; below the minimum size only a message is shown.
func (m Model) View() tea.View {
	v := tea.NewView(m.screen())
	v.AltScreen = true
	v.WindowTitle = "why401 · " + m.active
	return v
}

func (m Model) screen() string {
	if m.w == 0 || m.h == 0 {
		return ""
	}
	if m.lay.TooSmall {
		return m.tooSmallView()
	}
	base := lipgloss.JoinVertical(lipgloss.Left, m.headerView(m.w), m.body(), m.statusView(m.w))
	switch {
	case m.showHelp:
		return overlay(base, m.helpView(m.w), m.w, m.h)
	case m.inspector.open:
		return overlay(base, m.inspector.View(), m.w, m.h)
	}
	return base
}

func (m Model) body() string {
	mid := lipgloss.JoinVertical(lipgloss.Left, m.request.View(), m.response.View())
	if m.lay.Tabbed {
		side := lipgloss.JoinVertical(lipgloss.Left, m.tabsView(m.lay.Tabs.W), m.sideView())
		return lipgloss.JoinHorizontal(lipgloss.Top, mid, side)
	}
	right := lipgloss.JoinVertical(lipgloss.Left, m.token.View(), m.why.View())
	return lipgloss.JoinHorizontal(lipgloss.Top, m.profiles.View(), mid, right)
}

func (m Model) sideView() string {
	switch m.sideTab {
	case paneProfiles:
		return m.profiles.View()
	case paneWhy:
		return m.why.View()
	}
	return m.token.View()
}

// tabsView is the strip naming the folded side panes, the shown one marked.
func (m Model) tabsView(w int) string {
	s := m.c.styles
	var parts []string
	for _, p := range []pane{paneProfiles, paneToken, paneWhy} {
		st := s.TabInactive
		if p == m.sideTab {
			st = s.TabActive
		}
		parts = append(parts, st.Render(p.title()))
	}
	return fitLine(" "+strings.Join(parts, s.Dim.Render(" │ ")), w)
}

func (m Model) tooSmallView() string {
	s := m.c.styles
	msg := s.Warning.Render("terminal too small") + "\n" +
		s.Dim.Render("need "+itoa(minWidth)+"×"+itoa(minHeight)+", have "+itoa(m.w)+"×"+itoa(m.h))
	return fitBlock(lipgloss.Place(m.w, m.h, lipgloss.Center, lipgloss.Center, msg), m.w, m.h)
}

// startTick begins the 1-second countdown loop if it is not running.
func (m Model) startTick(cmd tea.Cmd) (tea.Model, tea.Cmd) {
	if m.ticking {
		return m, cmd
	}
	m.ticking = true
	m.tickGen++
	return m, tea.Batch(cmd, tick(m.tickGen))
}

func tick(gen int) tea.Cmd {
	return tea.Tick(time.Second, func(t time.Time) tea.Msg { return tickMsg{gen: gen, at: t} })
}

// handleTick moves the countdown to Deps.Now and schedules the next tick,
// stopping the loop once no token is shown.
func (m Model) handleTick(t tickMsg) (tea.Model, tea.Cmd) {
	if t.gen != m.tickGen {
		return m, nil
	}
	if !m.token.Shown() {
		m.ticking = false
		return m, nil
	}
	m.token.Tick(m.c.now())
	return m, tick(m.tickGen)
}
