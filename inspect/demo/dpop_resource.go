package demo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/why401/why401/inspect/dpop"
)

const (
	dpopAlg = "ES256"
	// proofWindow is how far a proof's iat may be from the server's clock;
	// a jti is remembered for twice as long.
	proofWindow = dpop.DefaultMaxAge
	// nonceWindow is how long a DPoP nonce stays valid (it is good for the
	// window it was made in and the next one).
	nonceWindow = 5 * time.Minute
)

// dpopMe accepts DPoP-bound tokens only (RFC 9449): Authorization: DPoP
// with a proof for this request, signed by the key the token is bound to,
// carrying a nonce this server issued.
func (s *Server) dpopMe(w http.ResponseWriter, r *http.Request) {
	raw, ok := dpopToken(r)
	if !ok {
		// A DPoP-only server does not read Bearer at all: as if nothing came.
		w.Header().Set("WWW-Authenticate", challengeOf("DPoP", q("algs", dpopAlg)))
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	proofs := r.Header.Values("DPoP")
	if len(proofs) != 1 {
		dpopRefuse(w, "invalid_dpop_proof", "DPoP proof is missing or invalid")
		return
	}
	claims, f := s.verify(raw, s.apiPolicy())
	if f != nil {
		dpopRefuse(w, "invalid_token", orDefault(aspnetDescription(f), "Invalid token"))
		return
	}
	if code, desc := s.checkProof(r, proofs[0], raw, cnfJKT(claims)); code != "" {
		if code == "use_dpop_nonce" {
			w.Header().Set("DPoP-Nonce", s.nonceAt(s.now()))
		}
		dpopRefuse(w, code, desc)
		return
	}
	writeJSON(w, http.StatusOK, whoami(claims))
}

// checkProof runs the RFC 9449 §4.3 checks (inspect/dpop), then the nonce
// and the jti replay check, which need the server's memory.
func (s *Server) checkProof(r *http.Request, proof, token, jkt string) (code, desc string) {
	if jkt == "" {
		return "invalid_token", "The access token is not DPoP-bound (it has no cnf.jkt)"
	}
	p, probs := dpop.Check(proof, dpop.Params{
		Method: r.Method, URL: requestURL(r), AccessToken: token, TokenJKT: jkt, Algs: []string{dpopAlg}, Now: s.now(),
	})
	if slices.ContainsFunc(probs, func(p dpop.Problem) bool { return p.Check == dpop.CheckJKT }) {
		return "invalid_token", "Invalid DPoP key binding"
	}
	if len(probs) > 0 {
		return "invalid_dpop_proof", probs[0].Message
	}
	if nonce, _ := p.Claims["nonce"].(string); !s.validNonce(nonce) {
		return "use_dpop_nonce", "Resource server requires nonce in DPoP proof"
	}
	if jti, _ := p.Claims["jti"].(string); !s.firstUse(jti) {
		return "invalid_dpop_proof", "The DPoP proof was already used (its jti was seen before)"
	}
	return "", ""
}

// dpopRefuse answers on the DPoP challenge; use_dpop_nonce comes with the
// nonce to use.
func dpopRefuse(w http.ResponseWriter, code, desc string) {
	w.Header().Set("WWW-Authenticate", challengeOf("DPoP", q("error", code), q("error_description", desc), q("algs", dpopAlg)))
	w.WriteHeader(http.StatusUnauthorized)
}

// dpopToken reads `Authorization: DPoP <token>`.
func dpopToken(r *http.Request) (string, bool) {
	scheme, tok, ok := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
	tok = strings.TrimSpace(tok)
	return tok, ok && strings.EqualFold(scheme, "DPoP") && tok != ""
}

func cnfJKT(claims map[string]any) string {
	cnf, _ := claims["cnf"].(map[string]any)
	s, _ := cnf["jkt"].(string)
	return s
}

// requestURL is the URL the client used, which a proof's htu must name.
func requestURL(r *http.Request) string { return "http://" + r.Host + r.URL.Path }

// nonceAt is the nonce of t's window: an HMAC, so the server needs no
// memory to check it.
func (s *Server) nonceAt(t time.Time) string {
	mac := hmac.New(sha256.New, s.secrets.nonceKey)
	fmt.Fprintf(mac, "dpop-nonce|%d", t.Unix()/int64(nonceWindow/time.Second))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil)[:18])
}

func (s *Server) validNonce(n string) bool {
	now := s.now()
	return n != "" && (hmac.Equal([]byte(n), []byte(s.nonceAt(now))) || hmac.Equal([]byte(n), []byte(s.nonceAt(now.Add(-nonceWindow)))))
}

// bindDPoP checks a DPoP proof sent to the token endpoint (RFC 9449 §5)
// and binds the grant's tokens to its key. A grant already bound must
// keep its key, and then a proof is required.
func (s *Server) bindDPoP(r *http.Request, g *grant) *oauthError {
	proofs := r.Header.Values("DPoP")
	switch {
	case len(proofs) == 0 && g.jkt != "":
		return badRequest("invalid_dpop_proof", "This grant is bound to a DPoP key: send a DPoP proof")
	case len(proofs) == 0:
		return nil
	case len(proofs) > 1:
		return badRequest("invalid_dpop_proof", "More than one DPoP header")
	}
	p, probs := dpop.Check(proofs[0], dpop.Params{Method: r.Method, URL: requestURL(r), Algs: []string{dpopAlg}, Now: s.now()})
	if len(probs) > 0 {
		return badRequest("invalid_dpop_proof", probs[0].Message)
	}
	if g.jkt != "" && p.JKT != g.jkt {
		return badRequest("invalid_dpop_proof", "The proof is signed with another key than the one this grant is bound to")
	}
	if jti, _ := p.Claims["jti"].(string); !s.firstUse(jti) {
		return badRequest("invalid_dpop_proof", "The DPoP proof was already used (its jti was seen before)")
	}
	g.jkt = p.JKT
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
