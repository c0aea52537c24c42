package servermsg

// keycloakRules are Keycloak's messages: TokenVerifier checks, the token
// and userinfo endpoints (TokenManager, UserInfoEndpoint) and the adapters.
func keycloakRules() []rule {
	return []rule{
		wording("", vKeycloak, `Token verification failed`,
			"note", "Keycloak does not say which check failed; common causes are an issuer that differs by hostname (frontend URL vs internal URL), expiry and an unknown signing key"),
		wording(IssuerMismatch, vKeycloak, `Invalid token issuer\. Expected '(?P<expected>[^']*)'(?:, but was '(?P<issuer>[^']*)')?`),
		wording(TokenExpired, vKeycloak, `\bToken is not active\b`,
			"note", "Keycloak says this for an expired token and for one used before its nbf"),
		wording(TokenMalformed, vKeycloak, `Token type is incorrect\. Expected '(?P<expected>[^']*)' but was '[^']*'`,
			"reason", "token_type", "note", "an ID or refresh token was sent where an access token is expected"),
		wording(AudienceMismatch, vKeycloak, `Expected audience not available in the token|Invalid token audience`),
		wording(AudienceMismatch, vKeycloak, `No audience in the token`, "reason", "no_audience"),
		wording(SignatureInvalid, vKeycloak, `Invalid token signature`),
		wording(TokenMalformed, vKeycloak, `Failed to parse JWT|Failed to read access token from JWT`),
		wording(TokenRevoked, vKeycloak, `Token has been revoked`),
		wording(TokenRevoked, vKeycloak, `(?:Offline |Client )?[Ss]ession not active|Offline user session not found|User session not found`,
			"reason", "session_ended", "note", "the Keycloak session behind the token has ended (logout, timeout, restart)"),
		wording(TokenRevoked, vKeycloak, `\bStale token\b`,
			"note", "the token was issued before a not-before policy or a revocation"),
		wording(TokenRevoked, vKeycloak, `[Rr]efresh token issued before the (?:user|client) session started|Maximum allowed refresh token reuse exceeded`,
			"token", "refresh_token"),
		wording(InvalidGrant, vKeycloak, `Invalid refresh token`, "token", "refresh_token"),
		wording(InvalidClient, vKeycloak, `Invalid client (?:or Invalid client )?credentials`),
		wording("", vKeycloak, `Invalid bearer token`, "note", "the Keycloak adapter rejected the token without saying why"),
	}
}
