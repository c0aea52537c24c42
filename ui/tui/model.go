// Package tui is the full-screen Bubble Tea v2 app: profiles and history,
// request, response, token and why panes, and the overlays (token
// inspector, profile picker, copy menu, token actions, help). One file per
// pane or overlay; update.go is the root dispatcher; all I/O goes through
// Backend inside tea.Cmds.
package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/ui/safe"
)

// Deps is everything the UI needs from outside. Backend may be nil (`why401
// inspect` without a config): ctrl+s then says what is missing.
type Deps struct {
	Config  *config.Config
	Profile string
	Now     func() time.Time
	Backend Backend
	// Request prefills the composer (`why401 -p P GET /path`).
	Request requests.Request
	// Token is loaded into the token pane at start (`why401 inspect`):
	// any input form, decoded offline.
	Token string
	// Label names where the profiles come from in the header ("demo").
	Label string
	// ConfigErr is why the config did not load, shown at start.
	ConfigErr string
}

// common is shared by the root and its panes: styles are rebuilt in place
// when the background is known, so panes see the change without plumbing.
type common struct {
	styles *Styles
	keys   KeyMap
	now    func() time.Time
	frame  frameCache
	revs   int // the last revision handed out (see Model.rev)
}

// frameCache is the last screen drawn. Bubble Tea calls View after every
// message; most messages at start-up (environment, colour profile, terminal
// replies) change nothing, and a full screen costs milliseconds, so View
// draws again only when an Update that could change something ran since.
type frameCache struct {
	rev  int
	w, h int
	out  string
	ok   bool
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
	history   historyPane
	request   requestPane
	response  responsePane
	token     tokenPane
	tokenRaw  string // the token shown, as loaded or sent (for copy)
	why       whyPane
	inspector inspector
	picker    picker
	copyMenu  copyMenu
	confirm   confirmSend
	modal     tokenModal
	saveName  saveDialog
	help      help.Model
	showHelp  bool
	helpTop   int // first line of the help overlay shown (it scrolls on small screens)
	spinner   spinner.Model

	seq       int                 // the last request id handed out
	flight    *inflight           // the send under way
	last      map[string]*Outcome // each profile's last outcome
	secretsOK map[string]string   // per profile: "ok", "failed" or "" (not yet known)

	rev int // bumped by every Update that may change what is drawn

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
		history:   newHistoryPane(c),
		request:   newRequestPane(c),
		response:  newResponsePane(c),
		token:     newTokenPane(c),
		why:       newWhyPane(c),
		inspector: newInspector(c),
		picker:    newPicker(c, deps.Config),
		copyMenu:  newCopyMenu(c),
		saveName:  newSaveDialog(c),
		help:      help.New(),
		spinner:   spinner.New(spinner.WithSpinner(spinner.MiniDot)),
		last:      map[string]*Outcome{},
		secretsOK: map[string]string{},
	}
	m.help.Styles = help.DefaultStyles(st.isDark)
	if deps.Request.URL != "" || deps.Request.Method != "" {
		m.request.Load(deps.Request)
	}
	if p, ok := m.activeProfile(); ok {
		m.request.SetProfile(p)
	}
	if deps.ConfigErr != "" {
		m.toast, m.toastErr = deps.ConfigErr, true
	}
	if deps.Config == nil && deps.Token == "" {
		m.sideTab = paneProfiles // first run: the side column says how to add a profile
	}
	m.profiles.Focus()
	return m
}

// Init asks for the background colour (we draw at once with dark styles and
// restyle if the terminal answers), loads Deps.Token if any, and reads the
// active profile's history and saved requests in the background.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, loadHistory(m.deps.Backend, m.active), loadSaved(m.deps.Backend, m.active)}
	if m.deps.Token != "" {
		token := m.deps.Token
		cmds = append(cmds, func() tea.Msg { return inspectRequestMsg{text: token} })
	}
	return tea.Batch(cmds...)
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
	f := &m.c.frame
	if !f.ok || f.rev != m.rev || f.w != m.w || f.h != m.h {
		*f = frameCache{rev: m.rev, w: m.w, h: m.h, out: m.screen(), ok: true}
	}
	v := tea.NewView(f.out)
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
	if box := m.overlayView(); box != "" {
		return overlay(base, box, m.w, m.h)
	}
	return base
}

// overlayView is the open modal's box, "" when none is open.
func (m Model) overlayView() string {
	switch {
	case m.showHelp:
		return m.helpView(m.w, m.h)
	case m.confirm.open:
		return m.confirmView(m.w)
	case m.modal.Open():
		return m.modal.View(m.w, m.h)
	case m.copyMenu.open:
		return m.copyMenu.View(m.w)
	case m.picker.open:
		return m.picker.View(m.w, m.h)
	case m.saveName.open:
		return m.saveName.View(m.w)
	case m.inspector.open:
		return m.inspector.View()
	}
	return ""
}

// confirmView asks before a protected profile sends a changing request.
func (m Model) confirmView(w int) string {
	s := m.c.styles
	r := m.confirm.req
	lines := []string{s.Warning.Render("⚠ " + safe.Line(m.confirm.profile) + " is a protected profile"), "",
		"Send " + s.Label.Render(safe.Line(r.Method)) + " " + safe.Line(redact.URL(r.URL)) + "?", "",
		s.Dim.Render("y or enter sends · n or esc cancels")}
	f := s.Overlay.GetHorizontalFrameSize()
	iw := max(10, min(w-f, 60))
	return s.Overlay.BorderForeground(s.Warning.GetForeground()).Render(fitBlock(strings.Join(lines, "\n"), iw, len(lines)))
}

func (m Model) body() string {
	mid := lipgloss.JoinVertical(lipgloss.Left, m.request.View(), m.response.View())
	if m.lay.Tabbed {
		side := lipgloss.JoinVertical(lipgloss.Left, m.tabsView(m.lay.Tabs.W), m.sideView())
		return lipgloss.JoinHorizontal(lipgloss.Top, mid, side)
	}
	left := lipgloss.JoinVertical(lipgloss.Left, m.profiles.View(), m.history.View())
	right := lipgloss.JoinVertical(lipgloss.Left, m.token.View(), m.why.View())
	return lipgloss.JoinHorizontal(lipgloss.Top, left, mid, right)
}

func (m Model) sideView() string {
	switch m.sideTab {
	case paneProfiles:
		return m.profiles.View()
	case paneHistory:
		return m.history.View()
	case paneWhy:
		return m.why.View()
	}
	return m.token.View()
}

// tabsView is the strip naming the folded side panes, the shown one marked.
func (m Model) tabsView(w int) string {
	s := m.c.styles
	var parts []string
	for _, p := range []pane{paneProfiles, paneHistory, paneToken, paneWhy} {
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
