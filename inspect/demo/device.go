package demo

import (
	"crypto/rand"
	"crypto/subtle"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"
)

const (
	deviceLifetime = 10 * time.Minute
	// devicePollSeconds is short so a waiting terminal (and a test) gets
	// its token right after approval.
	devicePollSeconds = 1
)

type deviceStatus int

const (
	devicePending deviceStatus = iota
	deviceApproved
	deviceDenied
	deviceDone
)

// deviceState is one device authorization (RFC 8628) waiting for the user.
type deviceState struct {
	grant    grant // user, acr and auth_time are set on approval
	userCode string
	expires  time.Time
	status   deviceStatus
}

// deviceAuthorization is RFC 8628 §3.1–3.2.
func (s *Server) deviceAuthorization(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		badRequest("invalid_request", "The body must be application/x-www-form-urlencoded").write(w)
		return
	}
	c, oerr := s.authenticateClient(r)
	if oerr == nil && !slices.Contains(c.grants, deviceGrantType) {
		oerr = badRequest("unauthorized_client", "The client may not use the device flow")
	}
	var aud, scope string
	if oerr == nil {
		aud, scope, oerr = s.requested(r.PostForm)
	}
	if oerr != nil {
		oerr.write(w)
		return
	}
	iss := s.issuerFor(r)
	deviceCode, userCode := rand.Text(), newUserCode()
	s.mu.Lock()
	s.pruneDevices()
	s.state.devices[deviceCode] = &deviceState{
		grant:    grant{issuer: iss, clientID: c.id, scope: scope, audience: aud},
		userCode: userCode, expires: s.now().Add(deviceLifetime),
	}
	s.state.userCodes[normaliseUserCode(userCode)] = deviceCode
	s.mu.Unlock()
	noStore(w)
	writeJSON(w, http.StatusOK, map[string]any{
		"device_code": deviceCode, "user_code": userCode,
		"verification_uri": iss + "/device", "verification_uri_complete": iss + "/device?user_code=" + userCode,
		"expires_in": int(deviceLifetime / time.Second), "interval": devicePollSeconds,
	})
}

// pruneDevices forgets expired device authorizations; s.mu is held.
func (s *Server) pruneDevices() {
	now := s.now()
	for code, st := range s.state.devices {
		if now.After(st.expires) {
			delete(s.state.devices, code)
			delete(s.state.userCodes, normaliseUserCode(st.userCode))
		}
	}
}

// newUserCode is eight letters without vowels (no words, RFC 8628 §6.1),
// shown as XXXX-XXXX.
func newUserCode() string {
	const letters = "BCDFGHJKLMNPQRSTVWXZ"
	var b strings.Builder
	buf := make([]byte, 1)
	for b.Len() < 9 {
		if b.Len() == 4 {
			b.WriteByte('-')
			continue
		}
		_, _ = rand.Read(buf) // crypto/rand.Read never fails
		if int(buf[0]) < 256/len(letters)*len(letters) {
			b.WriteByte(letters[int(buf[0])%len(letters)])
		}
	}
	return b.String()
}

func normaliseUserCode(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
}

// devicePageTemplate is the approval page: a plain form, so curl can
// approve as well as a browser can.
const devicePageTemplate = `<!doctype html>
<html><head><meta charset="utf-8"><title>why401 demo: connect a device</title></head>
<body><h1>Connect a device</h1>
{{if .Message}}<p role="status">{{.Message}}</p>{{end}}
{{if .Form}}<form method="post" action="/device">
<p><label>Code <input name="user_code" value="{{.UserCode}}" autocomplete="off"></label></p>
<p><label>User <input name="username" value="demo"></label></p>
<p><label>Password <input type="password" name="password"></label></p>
<p><label><input type="checkbox" name="mfa" value="on"> I confirmed this sign-in with my second factor</label></p>
<p><button name="action" value="approve">Approve</button> <button name="action" value="deny">Deny</button></p>
</form>{{end}}
</body></html>
`

type devicePage struct {
	Message, UserCode string
	Form              bool
}

func (s *Server) renderDevice(w http.ResponseWriter, status int, p devicePage) {
	t := template.Must(template.New("device").Parse(devicePageTemplate))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = t.Execute(w, p) // the browser went away: nothing to do
}

func (s *Server) devicePage(w http.ResponseWriter, r *http.Request) {
	s.renderDevice(w, http.StatusOK, devicePage{UserCode: r.URL.Query().Get("user_code"), Form: true})
}

// deviceApprove signs the user in with the demo password and approves or
// denies the device; a checked mfa box makes it a multi-factor sign-in.
func (s *Server) deviceApprove(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		s.renderDevice(w, http.StatusBadRequest, devicePage{Message: "The form could not be read.", Form: true})
		return
	}
	code := r.PostForm.Get("user_code")
	if !s.checkUser(r.PostForm.Get("username"), r.PostForm.Get("password")) {
		s.renderDevice(w, http.StatusOK, devicePage{Message: "Wrong user name or password.", UserCode: code, Form: true})
		return
	}
	acr := "pwd"
	if r.PostForm.Get("mfa") == "on" {
		acr = "mfa"
	}
	approve := r.PostForm.Get("action") != "deny"
	if !s.decideDevice(code, approve, r.PostForm.Get("username"), acr) {
		s.renderDevice(w, http.StatusBadRequest, devicePage{Message: "That code is unknown, expired or already used.", Form: true})
		return
	}
	msg := "Device connected. You can return to your terminal."
	if !approve {
		msg = "Request denied. The device gets no token."
	}
	s.renderDevice(w, http.StatusOK, devicePage{Message: msg})
}

func (s *Server) decideDevice(userCode string, approve bool, user, acr string) bool {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state.devices[s.state.userCodes[normaliseUserCode(userCode)]]
	if st == nil || st.status != devicePending || !now.Before(st.expires) {
		return false
	}
	st.status = deviceDenied
	if approve {
		st.status = deviceApproved
		st.grant.sub, st.grant.acr, st.grant.authTime = user, acr, now
	}
	return true
}

// checkUser compares in constant time, so timing does not tell how much
// of a guess was right.
func (s *Server) checkUser(user, password string) bool {
	u := subtle.ConstantTimeCompare([]byte(user), []byte(demoUser))
	p := subtle.ConstantTimeCompare([]byte(password), []byte(s.secrets.password))
	return u&p == 1
}

// deviceGrant is the token request of RFC 8628 §3.4–3.5.
func (s *Server) deviceGrant(w http.ResponseWriter, r *http.Request, c client) {
	code := r.PostForm.Get("device_code")
	g, oerr := s.peekDevice(code, c.id)
	if oerr == nil {
		oerr = s.bindDPoP(r, &g)
	}
	if oerr == nil {
		oerr = s.redeemDevice(code)
	}
	if oerr != nil {
		oerr.write(w)
		return
	}
	s.respondTokens(w, g, "", true)
}

func (s *Server) peekDevice(code, clientID string) (grant, *oauthError) {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	st, ok := s.state.devices[code]
	switch {
	case !ok || st.grant.clientID != clientID:
		return grant{}, badRequest("invalid_grant", "Invalid device code")
	case st.status == deviceDone:
		return grant{}, badRequest("invalid_grant", "The device code was already used")
	case !now.Before(st.expires):
		return grant{}, badRequest("expired_token", "The device code expired; start again")
	case st.status == devicePending:
		return grant{}, badRequest("authorization_pending", "The user has not approved the request yet")
	case st.status == deviceDenied:
		return grant{}, badRequest("access_denied", "The user denied the request")
	}
	return st.grant, nil
}

func (s *Server) redeemDevice(code string) *oauthError {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state.devices[code]
	if st.status != deviceApproved {
		return badRequest("invalid_grant", "The device code was already used")
	}
	st.status = deviceDone
	return nil
}
