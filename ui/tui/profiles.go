package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/ui/safe"
)

// profileChosenMsg switches the active profile (tests and the inspector
// send it; the picker and the profiles pane switch synchronously).
type profileChosenMsg struct{ name string }

// profilesPane lists the config's profiles with their auth type and, once
// a send has shown it, whether their secrets resolve; the active profile's
// saved requests are listed under it. Protected profiles are drawn in the
// warning colour.
type profilesPane struct {
	c       *common
	items   []config.Profile
	active  string
	saved   []requests.Request // the active profile's
	secrets map[string]string  // "ok" / "failed" per profile, once known
	cursor  int                // over rows(): profiles and the saved requests
	picked  string             // a profile chosen with enter, for the root to switch to
	top     int
	focused bool
	w, h    int
}

// row is one selectable line: a profile, or a saved request of the active one.
type row struct {
	profile int // index into items
	saved   int // index into saved; -1 for the profile line itself
}

func newProfilesPane(c *common, cfg *config.Config, active string) profilesPane {
	p := profilesPane{c: c, active: active, secrets: map[string]string{}}
	if cfg != nil {
		p.items = cfg.Profiles
	}
	p.cursor = p.activeRow()
	return p
}

func (p *profilesPane) SetSize(w, h int) { p.w, p.h = w, h }
func (p *profilesPane) Focus() tea.Cmd   { p.focused = true; return nil }
func (p *profilesPane) Blur()            { p.focused = false }

// SetActive moves the marker; the saved list is reloaded for the new one.
func (p *profilesPane) SetActive(n string) {
	p.active, p.saved = n, nil
	p.cursor = p.activeRow()
}

// SetSaved lists the active profile's saved requests under it.
func (p *profilesPane) SetSaved(list []requests.Request) { p.saved = list }

// SetSecrets records whether a profile's secrets resolved at its last send.
func (p *profilesPane) SetSecrets(profile, state string) {
	if state != "" {
		p.secrets[profile] = state
	}
}

func (p profilesPane) rows() []row {
	out := make([]row, 0, len(p.items)+len(p.saved))
	for i, it := range p.items {
		out = append(out, row{profile: i, saved: -1})
		if it.Name == p.active {
			for j := range p.saved {
				out = append(out, row{profile: i, saved: j})
			}
		}
	}
	return out
}

func (p profilesPane) activeRow() int {
	for i, r := range p.rows() {
		if r.saved < 0 && p.items[r.profile].Name == p.active {
			return i
		}
	}
	return 0
}

func (p profilesPane) Update(msg tea.Msg) (profilesPane, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	rows := p.rows()
	if !ok || len(rows) == 0 {
		return p, nil
	}
	switch {
	case key.Matches(km, p.c.keys.Up):
		p.cursor = max(0, p.cursor-1)
	case key.Matches(km, p.c.keys.Down):
		p.cursor = min(len(rows)-1, p.cursor+1)
	case key.Matches(km, p.c.keys.Enter):
		return p, p.choose(rows[min(p.cursor, len(rows)-1)])
	}
	_, ih := innerSize(p.w, p.h)
	p.top = scrollTop(p.top, p.cursor, ih)
	return p, nil
}

// choose loads a saved request into the composer, or marks a profile as
// picked: the root switches in the same Update (see Picked), so a ctrl+s
// typed right after enter goes out with the new profile.
func (p *profilesPane) choose(r row) tea.Cmd {
	if r.saved >= 0 {
		req := p.saved[r.saved]
		return func() tea.Msg { return loadRequestMsg{req: req} }
	}
	p.picked = p.items[r.profile].Name
	return nil
}

// Picked returns and clears the profile chosen with enter.
func (p *profilesPane) Picked() string {
	n := p.picked
	p.picked = ""
	return n
}

func (p profilesPane) View() string {
	return p.c.styles.box(paneProfiles.title(), p.body(), p.w, p.h, p.focused)
}

func (p profilesPane) body() string {
	if len(p.items) == 0 {
		return p.c.styles.Dim.Render("No profiles yet. Add one:\n  why401 profile add NAME\n    --base-url URL\nor try the demo API:\n  why401 demo")
	}
	iw, ih := innerSize(p.w, p.h)
	rows := p.rows()
	top := scrollTop(p.top, p.cursor, ih)
	lines := make([]string, 0, ih)
	for i := top; i < min(len(rows), top+ih); i++ {
		line := p.line(rows[i], iw)
		if p.focused && i == p.cursor {
			line = p.c.styles.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// line draws one row: for a profile the marker, name, protection, auth type
// and secret state; for a saved request its method and name, indented.
func (p profilesPane) line(r row, iw int) string {
	s := p.c.styles
	if r.saved >= 0 {
		q := p.saved[r.saved]
		return fitLine("   "+s.Dim.Render(safe.Line(q.Method))+" "+safe.Line(q.Name), iw)
	}
	it := p.items[r.profile]
	mark := "  "
	if it.Name == p.active {
		mark = s.Active.Render("● ")
	}
	name := safe.Line(it.Name)
	if it.Protected {
		name = s.Warning.Render(name + " ⚠")
	}
	auth := s.Dim.Render(shortAuth(it))
	switch p.secrets[it.Name] {
	case "ok":
		auth += s.Good.Render(" ✓")
	case "failed":
		auth += s.Bad.Render(" ✗ secrets")
	}
	return fitLine(mark+name+" "+auth, iw)
}

// shortAuth fits the narrow pane: every OAuth2 grant is "oauth2" here (the
// picker and the Auth tab name the grant).
func shortAuth(p config.Profile) string {
	if p.Auth.Type.IsOAuth2() {
		return "oauth2"
	}
	return authName(p)
}
