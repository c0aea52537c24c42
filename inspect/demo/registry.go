package demo

import (
	"github.com/why401/why401/inspect/token"

	"crypto/rand"
	"net/http"
	"slices"
	"strings"
	"time"
)

const (
	registryService = "why401-demo-registry"
	registryRepo    = "demo/app" // the one (private) repository
	registryTTL     = 5 * time.Minute
)

// registry is a container registry (Docker Registry HTTP API v2) with the
// token auth of Docker Hub and GHCR: a Bearer challenge naming a token
// service, then tokens whose access claim lists what they may do.
func (s *Server) registry(w http.ResponseWriter, r *http.Request) {
	name, kind, ref, ok := registryPath(r.PathValue("rest"))
	if !ok {
		registryError(w, http.StatusNotFound, "NAME_INVALID", "invalid repository name")
		return
	}
	scope := ""
	if name != "" {
		scope = "repository:" + name + ":pull"
	}
	raw, sent := bearerToken(r)
	if !sent {
		s.registryChallenge(w, scope, "")
		return
	}
	claims, f := s.verify(raw, policy{issuer: s.URL(), audiences: []string{registryService}})
	switch {
	case f != nil:
		s.registryChallenge(w, scope, "invalid_token")
	case name != "" && !granted(claims, name, "pull"):
		s.registryChallenge(w, scope, "insufficient_scope")
	default:
		serveRegistry(w, name, kind, ref)
	}
}

// registryPath splits "" (the base), "<name>/manifests/<ref>" and
// "<name>/tags/list".
func registryPath(rest string) (name, kind, ref string, ok bool) {
	switch {
	case rest == "":
		return "", "", "", true
	case strings.HasSuffix(rest, "/tags/list"):
		return strings.TrimSuffix(rest, "/tags/list"), "tags", "", true
	}
	name, ref, found := strings.Cut(rest, "/manifests/")
	return name, "manifests", ref, found && name != "" && ref != ""
}

func serveRegistry(w http.ResponseWriter, name, kind, ref string) {
	w.Header().Set("Docker-Distribution-Api-Version", "registry/2.0")
	switch {
	case name == "":
		writeJSON(w, http.StatusOK, map[string]any{})
	case kind == "tags":
		writeJSON(w, http.StatusOK, map[string]any{"name": name, "tags": []string{"latest"}})
	case ref != "latest":
		registryError(w, http.StatusNotFound, "MANIFEST_UNKNOWN", "manifest unknown")
	default:
		w.Header().Set("Docker-Content-Digest", "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
		w.Header().Set("Content-Type", "application/vnd.oci.image.manifest.v1+json")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}`))
	}
}

// registryChallenge is distribution's: parameters joined by bare commas,
// an error only when a token was sent.
func (s *Server) registryChallenge(w http.ResponseWriter, scope, errCode string) {
	params := []string{q("realm", s.URL()+"/registry/token"), q("service", registryService)}
	if scope != "" {
		params = append(params, q("scope", scope))
	}
	if errCode != "" {
		params = append(params, q("error", errCode))
	}
	w.Header().Set("WWW-Authenticate", "Bearer "+strings.Join(params, ","))
	registryError(w, http.StatusUnauthorized, "UNAUTHORIZED", "authentication required")
}

func registryError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Docker-Distribution-Api-Version", "registry/2.0")
	writeJSON(w, status, map[string]any{"errors": []map[string]any{{"code": code, "message": msg, "detail": nil}}})
}

// granted reports whether a registry token's access claim allows action
// on the repository name.
func granted(claims map[string]any, name, action string) bool {
	list, _ := claims["access"].([]any)
	for _, a := range list {
		m, _ := a.(map[string]any)
		if m["type"] == "repository" && m["name"] == name && slices.Contains(token.Strings(m["actions"]), action) {
			return true
		}
	}
	return false
}

// registryToken is the token service. Like Docker Hub it answers anonymous
// requests too, with an empty access list: the registry then refuses.
func (s *Server) registryToken(w http.ResponseWriter, r *http.Request) {
	qv := r.URL.Query()
	if qv.Get("service") != registryService {
		writeJSON(w, http.StatusBadRequest, map[string]string{"details": "unknown service " + qv.Get("service")})
		return
	}
	user := ""
	if u, p, ok := r.BasicAuth(); ok {
		if !s.checkUser(u, p) {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"details": "incorrect username or password"})
			return
		}
		user = u
	}
	access := []map[string]any{}
	for _, sc := range qv["scope"] {
		if typ, name, _ := strings.Cut(sc, ":"); typ == "repository" && user != "" && strings.HasPrefix(name, registryRepo+":") {
			access = append(access, map[string]any{"type": "repository", "name": registryRepo, "actions": []string{"pull"}})
		}
	}
	now := s.now()
	tok, err := sign(map[string]any{"iss": s.URL(), "aud": registryService, "sub": user, "access": access,
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(registryTTL).Unix(), "jti": rand.Text()},
		s.keys.current.key, s.keys.current.kid, "JWT")
	if err != nil {
		http.Error(w, "demo: signing failed", http.StatusInternalServerError)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"token": tok, "access_token": tok,
		"expires_in": int(registryTTL / time.Second), "issued_at": now.UTC().Format(time.RFC3339)})
}
