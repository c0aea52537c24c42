package servermsg

// auth0Rules are Auth0's express-oauth2-jwt-bearer / node-oauth2-jwt-bearer,
// which pass on the messages of the jose library.
func auth0Rules() []rule {
	return []rule{
		wording(TokenExpired, vAuth0, `"exp" claim timestamp check failed`),
		wording(TokenNotYetValid, vAuth0, `"nbf" claim timestamp check failed`),
		wording(ClockSkew, vAuth0, `"iat" claim timestamp check failed(?P<past> \(too far in the past\))?`).refined(iatCheck),
		wording(AudienceMismatch, vAuth0, `unexpected "aud" (?:claim )?value`),
		wording(IssuerMismatch, vAuth0, `unexpected "iss" (?:claim )?value`),
		wording(SignatureInvalid, vAuth0, `unexpected "alg" (?:claim )?value|"alg" \(Algorithm\) Header Parameter value not allowed`, "reason", "algorithm"),
		wording(TokenMalformed, vAuth0, `unexpected "typ" (?:claim )?value`, "reason", "token_type"),
		wording(TokenMalformed, vAuth0, `Invalid Compact JWS|JWTs must use Compact JWS serialization`),
		wording(KeyNotFound, vAuth0, `no applicable key found in the JSON Web Key Set`),
		wording(InsufficientScope, vAuth0, `\AInsufficient Scope\z`),
		wording(InvalidRequest, vAuth0, `\AInvalid Request\z`),
		wording("", vAuth0, `\AInvalid Token\z`, "note", "the library's default text; it gives no cause"),
	}
}

// iatCheck: an iat too far in the past means the token is older than the
// API's maximum age; otherwise iat lies in the future, a clock problem.
func iatCheck(_, _ string, v map[string]string) string {
	if v["past"] != "" {
		delete(v, "past")
		v["reason"] = "max_age"
		return TokenExpired
	}
	return ClockSkew
}
