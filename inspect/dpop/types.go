package dpop

import (
	"fmt"
	"time"
)

// Params describe the request a proof was sent with and what the server
// expects of it.
type Params struct {
	Method, URL string        // the request the proof was sent with
	AccessToken string        // the token in Authorization: DPoP …; "" at a token endpoint
	TokenJKT    string        // the access token's cnf.jkt, "" if unknown
	Nonce       string        // the server's latest DPoP-Nonce, "" if none was given
	Algs        []string      // the challenge's algs, if any
	Now         time.Time     // zero: the local clock
	MaxAge      time.Duration // iat window either side of Now; zero: DefaultMaxAge
}

// DefaultMaxAge is the iat window when Params.MaxAge is zero: the common
// server default, and long enough to absorb ordinary clock drift.
const DefaultMaxAge = 5 * time.Minute

// Problem is one failed check. Check names it (one of the Check*
// constants) and Message says in one plain sentence what differs.
type Problem struct {
	Check   string
	Message string
}

// The checks, in the order Check reports them (RFC 9449 §4.3).
const (
	CheckSyntax    = "syntax"
	CheckTyp       = "typ"
	CheckAlg       = "alg"
	CheckJWK       = "jwk"
	CheckSignature = "signature"
	CheckClaims    = "claims"
	CheckHTM       = "htm"
	CheckHTU       = "htu"
	CheckIAT       = "iat"
	CheckJTI       = "jti"
	CheckNonce     = "nonce"
	CheckATH       = "ath"
	CheckJKT       = "jkt"
)

// Proof is what could be decoded from the proof: its JOSE header, its
// claims and the RFC 7638 thumbprint of the header's jwk. Any of them may
// be empty when the proof is too broken to read.
type Proof struct {
	Header, Claims map[string]any
	JKT            string // base64url SHA-256 thumbprint of the header jwk
}

func (p Params) withDefaults() Params {
	if p.Now.IsZero() {
		p.Now = time.Now()
	}
	if p.MaxAge <= 0 {
		p.MaxAge = DefaultMaxAge
	}
	return p
}

func problem(check, format string, args ...any) Problem {
	return Problem{Check: check, Message: fmt.Sprintf(format, args...)}
}
