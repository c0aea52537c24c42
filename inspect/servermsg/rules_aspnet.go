package servermsg

// aspnetRules are the error_description texts of ASP.NET Core's JwtBearer
// handler (JwtBearerHandler.CreateErrorDescription). Several are joined with
// "; " when validation failed for more than one reason; instants are printed
// with the invariant culture, MM/dd/yyyy HH:mm:ss, in UTC.
func aspnetRules() []rule {
	return []rule{
		wording(TokenExpired, vASPNET, `The token expired at '(?P<expired_at>[^']*)'`),
		wording(TokenNotYetValid, vASPNET, `The token is not valid before '(?P<not_before>[^']*)'`),
		wording(AudienceMismatch, vASPNET, `The audience '(?P<audience>[^']*)' is invalid`).refined(noValueNote("audience",
			"the token has no aud claim ASP.NET could read")),
		wording(IssuerMismatch, vASPNET, `The issuer '(?P<issuer>[^']*)' is invalid`).refined(noValueNote("issuer",
			"ASP.NET printed (null): the token has no iss, or the API could not read one")),
		wording(TokenMalformed, vASPNET, `The token has no expiration`,
			"reason", "no_expiration", "note", "the API requires an exp claim and the token has none"),
		wording(TokenMalformed, vASPNET, `The token lifetime is invalid; NotBefore: '(?P<not_before>[^']*)', Expires: '(?P<expired_at>[^']*)'`,
			"reason", "invalid_lifetime", "note", "the token's nbf is after its exp"),
		wording(KeyNotFound, vASPNET, `The signature key was not found`),
		wording(SignatureInvalid, vASPNET, `The signature is invalid`),
	}
}

// noValueNote keeps the rule's id and adds note when key came out empty —
// the vendor printed a placeholder instead of the value.
func noValueNote(key, note string) func(string, string, map[string]string) string {
	return func(id, _ string, v map[string]string) string {
		if v[key] == "" {
			v["note"] = note
		}
		return id
	}
}
