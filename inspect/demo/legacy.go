package demo

import (
	"net/http"
	"strings"
)

const legacyRealm = "why401 demo legacy"

// legacyBasic takes Basic credentials only, as an nginx auth_basic
// location does; anything else gets the same challenge again.
func (s *Server) legacyBasic(w http.ResponseWriter, r *http.Request) {
	if user, pass, ok := r.BasicAuth(); ok && s.checkUser(user, pass) {
		writeJSON(w, http.StatusOK, map[string]string{"user": user, "scheme": "Basic"})
		return
	}
	w.Header().Set("Server", "nginx")
	w.Header().Set("WWW-Authenticate", challengeOf("Basic", q("realm", legacyRealm), q("charset", "UTF-8")))
	writeHTML(w, http.StatusUnauthorized, nginx401)
}

// legacyDigest takes Digest credentials only (RFC 7616), as Apache's
// mod_auth_digest does: one challenge per algorithm, SHA-256 first, and
// stale=true when only the nonce was too old.
func (s *Server) legacyDigest(w http.ResponseWriter, r *http.Request) {
	ok, stale := s.checkDigest(r)
	if ok {
		writeJSON(w, http.StatusOK, map[string]string{"user": demoUser, "scheme": "Digest"})
		return
	}
	w.Header().Set("Server", "Apache")
	for _, c := range s.digestChallenges(stale) {
		w.Header().Add("WWW-Authenticate", c)
	}
	writeHTML(w, http.StatusUnauthorized, apache401)
}

func writeHTML(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// hasScheme reports whether an Authorization value uses scheme.
func hasScheme(auth, scheme string) bool {
	s, _, _ := strings.Cut(strings.TrimSpace(auth), " ")
	return strings.EqualFold(s, scheme)
}

const nginx401 = `<html>
<head><title>401 Authorization Required</title></head>
<body>
<center><h1>401 Authorization Required</h1></center>
<hr><center>nginx</center>
</body>
</html>
`

const apache401 = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>401 Unauthorized</title>
</head><body>
<h1>Unauthorized</h1>
<p>This server could not verify that you
are authorized to access the document
requested.  Either you supplied the wrong
credentials (e.g., bad password), or your
browser doesn't understand how to supply
the credentials required.</p>
</body></html>
`
