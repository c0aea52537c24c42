package demo

import "time"

// grant is what a client authentication or a user's sign-in allowed: what
// every access token issued from it carries.
type grant struct {
	issuer   string
	clientID string
	sub      string
	scope    string
	audience string
	acr      string
	authTime time.Time // zero when no user signed in (client credentials)
	jkt      string    // the DPoP key the tokens are bound to, if any
}

// state is the server's memory: grants in progress and values that may be
// used once. It is guarded by Server.mu.
type state struct {
	refresh   map[string]*refreshState
	revoked   map[string]bool         // refresh token families revoked after a reuse
	devices   map[string]*deviceState // by device_code
	userCodes map[string]string       // normalised user_code → device_code
	jtis      map[string]time.Time    // DPoP proof jtis seen, until when they matter
}

func newState() state {
	return state{
		refresh: map[string]*refreshState{}, revoked: map[string]bool{},
		devices: map[string]*deviceState{}, userCodes: map[string]string{}, jtis: map[string]time.Time{},
	}
}

// firstUse records a DPoP proof's jti and reports whether it is new. Old
// entries are dropped once no proof with that iat would pass anyway.
func (s *Server) firstUse(jti string) bool {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, until := range s.state.jtis {
		if now.After(until) {
			delete(s.state.jtis, k)
		}
	}
	if _, seen := s.state.jtis[jti]; seen {
		return false
	}
	s.state.jtis[jti] = now.Add(2 * proofWindow)
	return true
}
