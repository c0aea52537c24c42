package servermsg

// oktaRules are Okta's jwt-verifier (and the njwt library under it) and
// Okta's own endpoints.
func oktaRules() []rule {
	return []rule{
		wording(TokenExpired, vOkta, `\AJwt is expired\b`),
		wording(TokenNotYetValid, vOkta, `\AJwt not active\b`),
		wording(TokenMalformed, vOkta, `\AJwt cannot be parsed\b`),
		wording(SignatureInvalid, vOkta, `\AUnexpected signature algorithm\b`, "reason", "algorithm"),
		wording(KeyNotFound, vOkta, `Error while resolving signing key for kid "(?P<kid>[^"]*)"`),
		wording(AudienceMismatch, vOkta, `audience claim (?P<audience>.+?) does not match (?:one of the )?expected audiences?: (?P<expected>.+)`),
		wording(AudienceMismatch, vOkta, `audience claim (?P<audience>.+?) does not match expected client id: (?P<expected>.+)`),
		wording(IssuerMismatch, vOkta, `issuer (?P<issuer>\S+) does not match expected issuer: (?P<expected>\S+)`),
		wording(InsufficientScope, vOkta, `The access token must provide access to at least one of these scopes - (?P<scope>[^.\n]+)`),
		wording("", vOkta, `\AInvalid token provided\z`, "code", "E0000011"),
	}
}
