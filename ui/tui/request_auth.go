package tui

import (
	"encoding/base64"
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
	if r.oauth2() {
		lines = append(lines, s.Dim.Render(oauthHint))
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
	switch r.secrets {
	case "":
	case secretsOK:
		lines = append(lines, s.Good.Render("✓ secrets resolved"))
	case secretsFailed:
		lines = append(lines, s.Bad.Render("✗ the profile's secrets did not resolve at the last send"))
	default:
		lines = append(lines, s.Warning.Render("⚠ "+safe.Line(r.secrets)))
	}
	return lines
}

// The secrets statuses the root passes to SetProfile.
const (
	secretsOK     = "ok"     // the last send resolved every secret of the profile
	secretsFailed = "failed" // a secret of the profile did not resolve at the last send
)

// credentialText says what the profile sends: the resolved value (masked
// unless revealed) when known, else where it will come from.
func (r requestPane) credentialText(a config.Auth) string {
	s := r.c.styles
	switch {
	case a.Type == config.AuthNone:
		return s.Dim.Render("sends no credentials")
	case a.Type == config.AuthBasic:
		return r.basicText(a)
	case a.Type == config.AuthAPIKey:
		return r.apiKeyText(a)
	case r.credential != "" && r.reveal:
		return safe.Line(r.credential)
	case r.credential != "":
		return safe.Line(maskCredential(r.credential))
	case a.Type == config.AuthBearer:
		return s.Dim.Render("token from " + a.Token.String())
	}
	return s.Dim.Render("token from the token endpoint")
}

// masked is the placeholder of a hidden password.
const masked = "••••"

// basicText is "user alice · password ••••"; revealed, the password the
// root resolved (decoded from the Authorization value it gave).
func (r requestPane) basicText(a config.Auth) string {
	s := r.c.styles
	user, pass, ok := decodeBasic(r.credential)
	if !ok {
		user = a.Username
	}
	text := s.Dim.Render("user ") + safe.Line(user) + s.Dim.Render(" · password ")
	switch {
	case r.credential == "":
		return text + masked + s.Dim.Render(" (from "+a.Password.String()+")")
	case !ok && r.reveal:
		return text + safe.Line(r.credential) // not Basic after all: show what was sent
	case r.reveal:
		return text + safe.Line(pass)
	}
	return text + masked
}

// decodeBasic reads "Basic base64(user:password)".
func decodeBasic(v string) (user, pass string, ok bool) {
	scheme, rest, found := strings.Cut(strings.TrimSpace(v), " ")
	if !found || !strings.EqualFold(scheme, "Basic") {
		return "", "", false
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(rest))
	if err != nil {
		return "", "", false
	}
	return strings.Cut(string(raw), ":")
}

// apiKeyText is the key's header or query name and its value, masked
// unless revealed; where it comes from until a send resolved it.
func (r requestPane) apiKeyText(a config.Auth) string {
	s := r.c.styles
	in := a.In
	if in == "" {
		in = config.InHeader
	}
	text := safe.Line(a.Name) + s.Dim.Render(" in "+in+" · value ")
	switch {
	case r.credential == "":
		return text + s.Dim.Render("from "+a.Value.String())
	case r.reveal:
		return text + safe.Line(r.credential)
	}
	return text + safe.Line(maskSecret(r.credential))
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
