package challenge

// errorMeanings are the Bearer/DPoP error values defined by RFC 6750 §3.1,
// RFC 9470 (step-up), Microsoft CAE and RFC 9449 (DPoP), with what each
// means. Codes are case-sensitive.
func errorMeanings() map[string]string {
	return map[string]string{
		"invalid_request":                  "the request is malformed, e.g. a token sent two ways (RFC 6750 §3.1)",
		"invalid_token":                    "the token is expired, revoked, malformed or otherwise invalid (RFC 6750 §3.1)",
		"insufficient_scope":               "the token lacks a scope this request needs (RFC 6750 §3.1)",
		"insufficient_user_authentication": "a stronger or more recent login is needed (RFC 9470)",
		"insufficient_claims":              "the token was revoked by continuous access evaluation; get a new one with the claims challenge",
		"use_dpop_nonce":                   "retry with the server's DPoP-Nonce in the proof (RFC 9449 §9)",
		"invalid_dpop_proof":               "the DPoP proof failed its checks (RFC 9449 §7.1)",
	}
}

// ErrorMeaning says what a Bearer or DPoP error code means, and whether
// the code is one the RFCs define.
func ErrorMeaning(code string) (string, bool) {
	m, ok := errorMeanings()[code]
	if !ok {
		return "not an error code defined by RFC 6750, 9449 or 9470", false
	}
	return m, true
}

// checkSemantics adds the warnings that need a whole challenge but no
// context: Basic without realm, an unquoted realm, an unknown error code.
func (p *parser) checkSemantics() {
	for _, c := range p.res.Challenges {
		p.steps++
		if c.Is("Basic") {
			if _, ok := c.Get("realm"); !ok {
				p.diag(c.Field, c.Offset, CodeBasicNoRealm, msgBasicNoRealm())
			}
		}
		bearerLike := c.Is("Bearer") || c.Is("DPoP")
		sawError := false
		for _, pr := range c.Params {
			p.steps++
			switch {
			case pr.Name == "realm" && !pr.Quoted && pr.Raw != "":
				p.diag(pr.Field, pr.Offset, CodeRealmNotQuoted, msgRealmNotQuoted())
			case pr.Name == "error" && bearerLike && !sawError:
				sawError = true
				if _, known := ErrorMeaning(pr.Value); pr.Value != "" && !known {
					p.diag(pr.Field, pr.Offset, CodeUnknownErrorCode, msgUnknownErrorCode(pr.Value, c.Scheme))
				}
			}
		}
	}
}
