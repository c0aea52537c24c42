package servermsg

const (
	vJJWT       = "jjwt"
	vExpressJWT = "express-jwt"
	vFastAPI    = "FastAPI"
	vDRF        = "Django REST framework"
)

// libraryRules are messages of JWT libraries and web frameworks that many
// APIs return unchanged.
func libraryRules() []rule {
	return []rule{
		// jsonwebtoken (Node.js)
		wording(TokenExpired, vJSONWebTok, `\Ajwt expired\z`),
		wording(TokenNotYetValid, vJSONWebTok, `\Ajwt not active\z`),
		wording(TokenMalformed, vJSONWebTok, `\Ajwt malformed\z`),
		wording(NoCredentials, vJSONWebTok, `\Ajwt must be provided\z`),
		wording(AudienceMismatch, vJSONWebTok, `\Ajwt audience invalid\.(?: expected: (?P<expected>.+))?`),
		wording(IssuerMismatch, vJSONWebTok, `\Ajwt issuer invalid\.(?: expected: (?P<expected>.+))?`),
		wording(TokenExpired, vJSONWebTok, `\AmaxAge exceeded\z`, "reason", "max_age"),
		wording(NoCredentials, vExpressJWT, `No authorization token was found`),

		// golang-jwt
		wording(TokenExpired, vGolangJWT, `token has invalid claims: token is expired|\Atoken is expired(?: by \S+)?`),
		wording(TokenNotYetValid, vGolangJWT, `token has invalid claims: token is not valid yet|\Atoken is not valid yet\z`),
		wording(ClockSkew, vGolangJWT, `token used before issued`),
		wording(AudienceMismatch, vGolangJWT, `token has invalid audience`),
		wording(IssuerMismatch, vGolangJWT, `token has invalid issuer`),
		wording(SignatureInvalid, vGolangJWT, `token signature is invalid`),
		wording(TokenMalformed, vGolangJWT, `token is malformed|token contains an invalid number of segments`),
		wording(KeyNotFound, vGolangJWT, `token is unverifiable: error while executing keyfunc`),
		wording(SignatureInvalid, vGolangJWT, `signing method (?P<alg>\S+) is invalid`, "reason", "algorithm"),

		// PyJWT
		wording(TokenExpired, vPyJWT, `\ASignature has expired\.?\z`),
		wording(TokenNotYetValid, vPyJWT, `The token is not yet valid \(nbf\)`),
		wording(ClockSkew, vPyJWT, `The token is not yet valid \(iat\)`),
		wording(AudienceMismatch, vPyJWT, `Audience doesn't match`),
		wording(TokenMalformed, vPyJWT, `\ANot enough segments\z|Invalid (?:header|payload|crypto) padding`),
		wording(KeyNotFound, vPyJWT, `Unable to find a signing key that matches: "(?P<kid>[^"]*)"`),

		// jjwt (Java)
		wording(TokenExpired, vJJWT, `JWT expired (?:\d+ milliseconds ago )?at (?P<expired_at>\S+?)\.\s*Current time: (?P<server_time>\S+?)[,.]`),
		wording(TokenNotYetValid, vJJWT, `JWT (?:must not be accepted before|early by \d+ milliseconds before) (?P<not_before>\S+?)\.\s*Current time: (?P<server_time>\S+?)[,.]`),
		wording(SignatureInvalid, vJJWT, `JWT signature does not match locally computed signature`),
		wording(AudienceMismatch, vJJWT, `Expected aud claim to be: (?P<expected>[^,]+), but was: (?P<audience>[^\n]+?)\.?$`),
		wording(IssuerMismatch, vJJWT, `Expected iss claim to be: (?P<expected>[^,]+), but was: (?P<issuer>[^\n]+?)\.?$`),
		wording(TokenMalformed, vJJWT, `JWT strings must contain exactly 2 period characters|Malformed JWT JSON`),

		// Web frameworks whose defaults say the credentials were missing.
		wording(NoCredentials, vFastAPI, `\ANot authenticated\z`),
		wording(NoCredentials, vDRF, `Authentication credentials were not provided`),
		wording(InvalidRequest, vDRF, `Invalid token header\. No credentials provided`),
		wording(ForbiddenAuthz, vDRF, `You do not have permission to perform this action`),
	}
}
