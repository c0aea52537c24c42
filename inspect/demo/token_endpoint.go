package demo

import (
	"crypto/rand"
	"crypto/subtle"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

const deviceGrantType = "urn:ietf:params:oauth:grant-type:device_code"

// oauthError is an RFC 6749 §5.2 error response.
type oauthError struct {
	status int
	code   string
	desc   string
	basic  bool // the client authenticated with a Basic header: challenge for it
}

func badRequest(code, desc string) *oauthError {
	return &oauthError{status: http.StatusBadRequest, code: code, desc: desc}
}

func (e *oauthError) write(w http.ResponseWriter) {
	if e.basic {
		w.Header().Set("WWW-Authenticate", challengeOf("Basic", q("realm", "why401-demo")))
	}
	noStore(w)
	writeJSON(w, e.status, map[string]string{"error": e.code, "error_description": e.desc})
}

func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Pragma", "no-cache")
}

// client is a registered OAuth client.
type client struct {
	id     string
	secret string // "" for a public client
	grants []string
}

func (s *Server) clients() map[string]client {
	return map[string]client{
		clientID:       {id: clientID, secret: s.secrets.clientSecret, grants: []string{"client_credentials", "refresh_token", deviceGrantType}},
		publicClientID: {id: publicClientID, grants: []string{deviceGrantType, "refresh_token"}},
	}
}

// token is the token endpoint (RFC 6749 §3.2).
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if err := r.ParseForm(); err != nil {
		badRequest("invalid_request", "The body must be application/x-www-form-urlencoded").write(w)
		return
	}
	c, oerr := s.authenticateClient(r)
	if oerr != nil {
		oerr.write(w)
		return
	}
	gt := r.PostForm.Get("grant_type")
	switch {
	case gt == "":
		badRequest("invalid_request", "grant_type is missing").write(w)
	case !slices.Contains(c.grants, gt):
		badRequest("unauthorized_client", "The client may not use the grant type "+gt).write(w)
	case gt == "client_credentials":
		s.clientCredentials(w, r, c)
	case gt == "refresh_token":
		s.refreshGrant(w, r, c)
	case gt == deviceGrantType:
		s.deviceGrant(w, r, c)
	}
}

// authenticateClient accepts client_secret_basic, client_secret_post, and
// the public client with no secret (RFC 6749 §2.3).
func (s *Server) authenticateClient(r *http.Request) (client, *oauthError) {
	id, secret, basic := r.BasicAuth()
	if basic {
		// §2.3.1: both are form-encoded before they go into the header.
		id, _ = url.QueryUnescape(id)
		secret, _ = url.QueryUnescape(secret)
	} else {
		id, secret = r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	}
	c, known := s.clients()[id]
	fail := &oauthError{status: http.StatusUnauthorized, code: "invalid_client", basic: basic}
	switch {
	case id == "":
		fail.desc = "Client authentication failed: no client_id"
	case !known:
		fail.desc = "Client authentication failed: unknown client " + id
	case c.secret == "" && secret != "":
		fail.desc = "Client authentication failed: " + id + " is a public client and has no secret"
	case subtle.ConstantTimeCompare([]byte(secret), []byte(c.secret)) != 1:
		fail.desc = "Client authentication failed: wrong client secret"
	default:
		return c, nil
	}
	return client{}, fail
}

func (s *Server) clientCredentials(w http.ResponseWriter, r *http.Request, c client) {
	aud, scope, oerr := s.requested(r.PostForm)
	if oerr != nil {
		oerr.write(w)
		return
	}
	g := grant{issuer: s.issuerFor(r), clientID: c.id, sub: c.id, scope: scope, audience: aud}
	if oerr := s.bindDPoP(r, &g); oerr != nil {
		oerr.write(w)
		return
	}
	s.respondTokens(w, g, "", false)
}

// resource is one resource the token endpoint issues tokens for (RFC 8707).
type resource struct {
	id           string
	scopes       []string
	defaultScope string
}

func (s *Server) resources() []resource {
	base := s.URL()
	api := []string{"orders:read", "orders:write", "gateway:invoke", "profile"}
	return []resource{
		{id: base + apiPath, scopes: api, defaultScope: "orders:read"},
		{id: base, scopes: api, defaultScope: "orders:read"},
		{id: base + mcpPath, scopes: []string{"mcp:tools"}, defaultScope: "mcp:tools"},
	}
}

// requested reads the resource and scope a client asks for; without them
// it gets the /v1 API and its default scope.
func (s *Server) requested(form url.Values) (audience, scope string, _ *oauthError) {
	all := s.resources()
	res := all[0]
	if id := form.Get("resource"); id != "" {
		i := slices.IndexFunc(all, func(r resource) bool { return r.id == id })
		if i < 0 {
			return "", "", badRequest("invalid_target", "The resource parameter does not match a resource of this authorization server")
		}
		res = all[i]
	}
	asked := strings.Fields(form.Get("scope"))
	if len(asked) == 0 {
		return res.id, res.defaultScope, nil
	}
	for _, sc := range asked {
		if !slices.Contains(res.scopes, sc) && sc != "openid" && sc != "offline_access" {
			return "", "", badRequest("invalid_scope", "The scope "+sc+" is not available for "+res.id)
		}
	}
	return res.id, strings.Join(asked, " "), nil
}

// issuerFor is the issuer as the client named this server: reached by its
// other host name, it issues under that name, as Keycloak does when no
// fixed frontend URL is configured.
func (s *Server) issuerFor(r *http.Request) string {
	base := s.URL()
	if alt := otherHost(base); alt == "http://"+r.Host {
		return alt
	}
	return base
}

// respondTokens issues an access token for g, and a refresh token in
// family ("" starts a new one) when refresh is set.
func (s *Server) respondTokens(w http.ResponseWriter, g grant, family string, refresh bool) {
	at, err := s.accessToken(g)
	if err != nil {
		http.Error(w, "demo: signing failed", http.StatusInternalServerError)
		return
	}
	resp := map[string]any{"access_token": at, "token_type": "Bearer", "expires_in": int(accessLifetime / time.Second), "scope": g.scope}
	if g.jkt != "" {
		resp["token_type"] = "DPoP"
	}
	if refresh {
		resp["refresh_token"] = s.newRefresh(g, family)
	}
	noStore(w)
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) accessToken(g grant) (string, error) {
	now := s.now()
	c := map[string]any{"iss": g.issuer, "aud": g.audience, "sub": g.sub, "client_id": g.clientID, "scope": g.scope,
		"iat": now.Unix(), "exp": now.Add(accessLifetime).Unix(), "jti": rand.Text()}
	if !g.authTime.IsZero() {
		c["acr"], c["auth_time"], c["roles"] = g.acr, g.authTime.Unix(), []string{"viewer"}
	}
	if g.jkt != "" {
		c["cnf"] = map[string]any{"jkt": g.jkt}
	}
	return sign(c, s.keys.current.key, s.keys.current.kid, "at+jwt")
}
