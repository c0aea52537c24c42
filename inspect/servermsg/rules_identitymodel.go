package servermsg

const vIdentityModel = "Microsoft.IdentityModel"

// idx builds a rule for a Microsoft.IdentityModel log message: its IDX
// code, then the text that follows "IDXnnnnn: ".
func idx(code, id, rest string, kv ...string) rule {
	return wording(id, vIdentityModel, `(?P<code>`+code+`)\b:?\s*`+rest, kv...)
}

// identityModelRules are the IDX messages of Microsoft.IdentityModel, which
// ASP.NET Core logs and some Microsoft services (Graph, Azure Monitor)
// return verbatim. Newer versions add "(UTC)" and print instants as
// M/d/yyyy h:mm:ss tt; older ones use MM/dd/yyyy HH:mm:ss. With PII logging
// off the values read 'System.DateTime' and are left out.
func identityModelRules() []rule {
	const utc = `(?: \(UTC\))?`
	return []rule{
		idx("IDX10223", TokenExpired, `Lifetime validation failed\. The token is expired\.(?:\s*ValidTo`+utc+`: '(?P<expired_at>[^']*)',?\s*Current time`+utc+`: '(?P<server_time>[^']*)')?`),
		idx("IDX10222", TokenNotYetValid, `Lifetime validation failed\. The token is not yet valid\.(?:\s*ValidFrom`+utc+`: '(?P<not_before>[^']*)',?\s*Current time`+utc+`: '(?P<server_time>[^']*)')?`),
		idx("IDX10224", TokenMalformed, `Lifetime validation failed\. The NotBefore`+utc+`: '(?P<not_before>[^']*)' is after Expires`+utc+`: '(?P<expired_at>[^']*)'`,
			"reason", "invalid_lifetime", "note", "the token's nbf is after its exp"),
		idx("IDX10225", TokenMalformed, `Lifetime validation failed\. The token is missing an Expiration Time`,
			"reason", "no_expiration", "note", "the API requires an exp claim and the token has none"),
		idx("IDX10214", AudienceMismatch, `Audience validation failed\. Audiences: '(?P<audience>[^']*)'\.?(?:\s*Did not match: validationParameters\.ValidAudience: '(?P<expected>[^']*)'(?: or validationParameters\.ValidAudiences: '(?P<expected>[^']*)')?)?`),
		idx("IDX1020[67]", AudienceMismatch, `Unable to validate audience\. The 'audiences' parameter is (?:empty|null)`,
			"reason", "no_audience", "note", "the token has no aud claim"),
		idx("IDX10208", "", `Unable to validate audience\. validationParameters\.ValidAudience is null`,
			"note", "the API has no audience configured, so it rejects every token"),
		idx("IDX10231", AudienceMismatch, `Audience validation failed\. Delegate returned false`),
		idx("IDX10205", IssuerMismatch, `Issuer validation failed\. Issuer: '(?P<issuer>[^']*)'\.?(?:\s*Did not match: validationParameters\.ValidIssuer: '(?P<expected>[^']*)'(?: or validationParameters\.ValidIssuers: '(?P<expected>[^']*)')?)?`),
		idx("IDX10211", IssuerMismatch, `Unable to validate issuer\. The 'issuer' parameter is null or whitespace`,
			"reason", "no_issuer", "note", "the token has no iss claim"),
		idx("IDX10204", "", `Unable to validate issuer\. validationParameters\.ValidIssuer is null or whitespace`,
			"note", "the API has no issuer configured, so it rejects every token"),
		idx("IDX10500", KeyNotFound, `Signature validation failed\. No security keys were provided`,
			"note", "the API has no signing keys configured or could not load them"),
		idx("IDX10501", KeyNotFound, `Signature validation failed\. Unable to match (?:key|'kid')(?:[^']{0,200}?kid: '(?P<kid>[^']*)')?`),
		idx("IDX10503", KeyNotFound, `Signature validation failed\. The token's kid is: '(?P<kid>[^']*)', but did not match any keys`),
		idx("IDX10503", SignatureInvalid, `Signature validation failed\. (?:Keys tried|Token does not have a kid)`,
			"note", "none of the keys the API tried verifies the signature"),
		idx("IDX10511", SignatureInvalid, `Signature validation failed\. Keys tried:(?:[\s\S]{0,1000}?kid: '(?P<kid>[^']*)')?`,
			"note", "the key the API picked did not verify the signature"),
		idx("IDX10516", KeyNotFound, `Signature validation failed\. Unable to match key:\s*kid: '(?P<kid>[^']*)'`),
		idx("IDX10517", KeyNotFound, `Signature validation failed\. The token's kid is missing`, "reason", "no_kid"),
		idx("IDX10504", SignatureInvalid, `Unable to validate signature, token does not have a signature`, "reason", "unsigned"),
		idx("IDX10508", TokenMalformed, `Signature validation failed\. Signature is improperly formatted`),
		idx("IDX106(?:34|40|52)", SignatureInvalid, `(?:Unable to create the SignatureProvider|Algorithm is not supported|The algorithm '[^']*' is not supported)`,
			"reason", "algorithm", "note", "the API does not accept the token's signing algorithm"),
		idx("IDX1025[67]", TokenMalformed, `(?:Unable to validate the token type|Token type validation failed)`,
			"reason", "token_type", "note", "the token's typ header is not one the API accepts"),
		idx("IDX10209", TokenMalformed, `Token has length: '[^']*' which is larger than`, "reason", "too_large"),
		idx("IDX(?:12741|12709|14100|14101|14102|14107|12729|12723|10400)", TokenMalformed, ``),
		idx("IDX10228", "", `The securityToken has previously been validated`,
			"note", "the API rejects a token it has seen before (replay detection)"),
		idx("IDX106(?:03|09|18|19)", "", `Decryption failed`, "note", "the API could not decrypt the token (JWE)"),
		wording("", vIdentityModel, `(?P<code>IDX1\d{4})\b`).asFallback(),
	}
}
