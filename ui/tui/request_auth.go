package tui

import (
	"strings"

	"github.com/why401/why401/store/config"
	"github.com/why401/why401/store/requests"
	"github.com/why401/why401/ui/safe"
)

// authModes is the order the override key cycles through.
func authModes() []requests.Auth {
	return []requests.Auth{requests.AuthProfile, requests.AuthNone, requests.AuthBearer}
}

func nextAuth(a requests.Auth) requests.Auth {
	modes := authModes()
	for i, m := range modes {
		if m == a {
			return modes[(i+1)%len(modes)]
		}
	}
	return requests.AuthProfile
}

func authLabel(a requests.Auth) string {
	switch a {
	case requests.AuthNone:
		return "none"
	case requests.AuthBearer:
		return "token"
	}
	return "profile"
}

// authLines is the Auth tab: which credentials this request sends, most
// important first so that a short pane still shows it.
func (r requestPane) authLines() []string {
	s := r.c.styles
	var modes []string
	for _, m := range authModes() {
		if m == r.auth {
			modes = append(modes, s.Active.Render("● "+authLabel(m)))
		} else {
			modes = append(modes, s.Dim.Render("○ "+authLabel(m)))
		}
	}
	lines := []string{strings.Join(modes, "  ")}
	switch r.auth {
	case requests.AuthNone:
		lines = append(lines, s.Warning.Render("no credentials are sent"))
	case requests.AuthBearer:
		lines = append(lines, r.tokenLine())
		if r.tokenNote != "" {
			lines = append(lines, s.Dim.Render(r.tokenNote))
		}
	default:
		lines = append(lines, r.profileLines()...)
	}
	return lines
}

// tokenLine is the per-request token: the input while typing, else masked
// unless revealed.
func (r requestPane) tokenLine() string {
	s := r.c.styles
	label := s.Label.Render("Bearer ")
	switch {
	case r.token.Focused():
		return label + r.token.View()
	case r.token.Value() == "":
		return label + s.Dim.Render("enter to type or paste a token")
	case r.reveal:
		return label + safe.Line(r.token.Value())
	}
	return label + maskSecret(safe.Line(r.token.Value()))
}

// profileLines describe the active profile's credentials without their
// values; the resolved credential is shown masked when the root gave it.
func (r requestPane) profileLines() []string {
	s := r.c.styles
	if !r.hasProfile {
		return []string{s.Dim.Render("no profile: nothing is added")}
	}
	a := r.profile.Auth
	head := s.Label.Render(safe.Line(r.profile.Name)) + s.Dim.Render(" · "+string(a.Type))
	lines := []string{head + " " + r.credentialText(a)}
	if r.secrets != "" {
		lines = append(lines, s.Warning.Render("⚠ "+safe.Line(r.secrets)))
	}
	return lines
}

// credentialText says what the profile sends: the resolved value (masked
// unless revealed) when known, else where it will come from.
func (r requestPane) credentialText(a config.Auth) string {
	s := r.c.styles
	switch {
	case a.Type == config.AuthNone:
		return s.Dim.Render("sends no credentials")
	case a.Type == config.AuthBasic:
		return r.basicText(a)
	case r.credential != "" && r.reveal:
		return safe.Line(r.credential)
	case r.credential != "":
		return safe.Line(maskCredential(r.credential))
	}
	switch a.Type {
	case config.AuthBearer:
		return s.Dim.Render("token from " + a.Token.String())
	case config.AuthAPIKey:
		in := a.In
		if in == "" {
			in = config.InHeader
		}
		return safe.Line(a.Name) + s.Dim.Render(" in "+in+" · value from "+a.Value.String())
	}
	return s.Dim.Render("token from the token endpoint")
}

// basicText is "user : ••••"; revealed, the credential the root resolved.
func (r requestPane) basicText(a config.Auth) string {
	s := r.c.styles
	user := safe.Line(a.Username)
	switch {
	case r.credential != "" && r.reveal:
		return user + " " + safe.Line(r.credential)
	case r.credential != "":
		return user + " : ••••"
	}
	return user + " : ••••" + s.Dim.Render(" (password from "+a.Password.String()+")")
}

// normalizeToken accepts a pasted "Authorization: Bearer x" or "Bearer x"
// as well as the bare token.
func normalizeToken(s string) string {
	s = strings.TrimSpace(s)
	if name, rest, ok := strings.Cut(s, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "Authorization") {
		s = strings.TrimSpace(rest)
	}
	if isBearer(s) {
		s = bearerToken(s)
	}
	return strings.Join(strings.Fields(s), "")
}
