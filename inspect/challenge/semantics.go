package challenge

// knownErrorCodes are the Bearer/DPoP error values defined by RFC 6750 §3.1,
// RFC 9470 (step-up), Microsoft CAE and RFC 9449 (DPoP). They are
// case-sensitive.
var knownErrorCodes = map[string]bool{
	"invalid_request":                  true,
	"invalid_token":                    true,
	"insufficient_scope":               true,
	"insufficient_user_authentication": true,
	"insufficient_claims":              true,
	"use_dpop_nonce":                   true,
	"invalid_dpop_proof":               true,
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
				if pr.Value != "" && !knownErrorCodes[pr.Value] {
					p.diag(pr.Field, pr.Offset, CodeUnknownErrorCode, msgUnknownErrorCode(pr.Value, c.Scheme))
				}
			}
		}
	}
}
