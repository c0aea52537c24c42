package demo

import (
	"crypto/rand"
	"net/http"
	"slices"
	"strings"
	"time"
)

// refreshLifetime is how long an unused refresh token stays valid.
const refreshLifetime = 24 * time.Hour

// refreshState is one refresh token. Each is used once: redeeming it
// returns a new one of the same family (rotation), and presenting a used
// one revokes the whole family, since either the client or a thief holds
// a copy (RFC 9700 §4.14.2).
type refreshState struct {
	grant   grant
	family  string
	used    bool
	expires time.Time
}

func (s *Server) newRefresh(g grant, family string) string {
	if family == "" {
		family = rand.Text()
	}
	rt := "rt_" + rand.Text()
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, st := range s.state.refresh { // a long demo session must not grow without end
		if now.After(st.expires) {
			delete(s.state.refresh, k)
		}
	}
	s.state.refresh[rt] = &refreshState{grant: g, family: family, expires: now.Add(refreshLifetime)}
	return rt
}

func (s *Server) refreshGrant(w http.ResponseWriter, r *http.Request, c client) {
	rt := r.PostForm.Get("refresh_token")
	g, family, oerr := s.peekRefresh(rt, c.id)
	if oerr == nil {
		oerr = narrowScope(&g, r.PostForm.Get("scope"))
	}
	if oerr == nil {
		oerr = s.bindDPoP(r, &g) // a bound grant must keep its key
	}
	if oerr == nil {
		oerr = s.redeemRefresh(rt)
	}
	if oerr != nil {
		oerr.write(w)
		return
	}
	s.respondTokens(w, g, family, true)
}

// peekRefresh finds a refresh token without using it up.
func (s *Server) peekRefresh(rt, clientID string) (grant, string, *oauthError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.state.refresh[rt]
	switch {
	case !ok:
		return grant{}, "", badRequest("invalid_grant", "Invalid refresh token")
	case st.grant.clientID != clientID:
		return grant{}, "", badRequest("invalid_grant", "The refresh token was issued to another client")
	case s.state.revoked[st.family]:
		return grant{}, "", badRequest("invalid_grant", "Token has been revoked: a refresh token of this grant was used twice")
	case st.used:
		s.state.revoked[st.family] = true
		return grant{}, "", badRequest("invalid_grant", "Refresh token reuse detected: the grant is revoked, sign in again")
	case !s.now().Before(st.expires):
		return grant{}, "", badRequest("invalid_grant", "Refresh token expired")
	}
	return st.grant, st.family, nil
}

// redeemRefresh marks the token used, unless a concurrent request did.
func (s *Server) redeemRefresh(rt string) *oauthError {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state.refresh[rt]
	if st.used {
		s.state.revoked[st.family] = true
		return badRequest("invalid_grant", "Refresh token reuse detected: the grant is revoked, sign in again")
	}
	st.used = true
	return nil
}

// narrowScope lets a refresh ask for less than the grant has, never more.
func narrowScope(g *grant, asked string) *oauthError {
	if asked == "" {
		return nil
	}
	have := strings.Fields(g.scope)
	for _, sc := range strings.Fields(asked) {
		if !slices.Contains(have, sc) {
			return badRequest("invalid_scope", "The scope "+sc+" was not granted")
		}
	}
	g.scope = strings.Join(strings.Fields(asked), " ")
	return nil
}
