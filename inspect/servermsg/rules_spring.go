package servermsg

// springRules are the descriptions Spring Security's resource server puts
// in its Bearer challenge: its own validators (JwtTimestampValidator,
// JwtClaimValidator, JwtIssuerValidator, BearerTokenErrors) and the Nimbus
// messages it wraps in "An error occurred while attempting to decode the
// Jwt: …". The default clock skew is 60 s.
func springRules() []rule {
	return []rule{
		wording(TokenExpired, vSpring, `Jwt expired at (?P<expired_at>\S+)`, "tolerance", "60s"),
		wording(TokenNotYetValid, vSpring, `Jwt used before (?P<not_before>\S+)`, "tolerance", "60s"),
		wording(TokenMalformed, vSpring, `Bearer token is malformed`,
			"note", "the Authorization value is not token68: often quotes, a line break or a second \"Bearer\""),
		wording(InvalidRequest, vSpring, `Found multiple bearer tokens in the request`,
			"note", "the token was sent in more than one place (header, query, form)"),
		wording(KeyNotFound, vSpring, `Signed JWT rejected: Another algorithm expected, or no matching key\(s\) found`,
			"note", "no key in the JWKS matches the token's kid and alg"),
		wording(SignatureInvalid, vSpring, `(?:Signed JWT rejected|decode the Jwt): Invalid signature`),
		wording(IssuerMismatch, vSpring, `The iss claim is not valid`),
		wording(AudienceMismatch, vSpring, `The aud claim is not valid`),
		wording(AudienceMismatch, vSpring, `The required audience is missing`),
		wording(InsufficientScope, vSpring, `The request requires higher privileges than provided by the access token`,
			"note", "Spring does not say which scope; this is RFC 6750's own description of insufficient_scope"),
		wording(TokenMalformed, vSpring, `Invalid JWT serialization|decode the Jwt: Malformed payload|Invalid unsecured/JWS/JWE header`),
		wording(SignatureInvalid, vSpring, `Unsupported algorithm of (?P<alg>\S+)`, "reason", "algorithm"),
		wording(KeyNotFound, vSpring, `Couldn't retrieve remote JWK set|decode the Jwt: Malformed Jwk set`,
			"note", "the API could not load its JWKS"),
		// DPoP (Spring Security 6.5 DPoPAuthenticationConverter / Provider)
		wording(InvalidRequest, vSpring, `Found multiple Authorization headers`),
		wording(TokenMalformed, vSpring, `DPoP access token is malformed`),
		wording(DPoPRequired, vSpring, `DPoP proof is missing or invalid`,
			"note", "the request has no DPoP header, or more than one"),
		wording(DPoPProofInvalid, vSpring, `\bath claim is (?:required|invalid)`, "reason", "ath",
			"note", "the proof's ath must be the base64url SHA-256 of the access token"),
		wording(DPoPProofInvalid, vSpring, `\bjkt claim is invalid`, "reason", "key_binding",
			"note", "the token's cnf.jkt does not match the proof's key"),
		wording(DPoPProofInvalid, vSpring, `\bjkt claim is required`, "reason", "not_bound",
			"note", "the access token is not DPoP-bound (it has no cnf.jkt)"),
		wording(DPoPProofInvalid, vSpring, `jwk header is missing or invalid`, "reason", "jwk"),
		wording("", vSpring, `Unable to authenticate the DPoP-bound access token`),
		wording("", vSpring, `An error occurred while attempting to decode the Jwt`).asFallback(),
	}
}
