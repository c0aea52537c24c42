package servermsg

// oauthRules are error codes and example descriptions from the RFCs, as
// they appear in descriptions and bodies: RFC 9449 (DPoP), RFC 9470
// (step-up), Microsoft's insufficient_claims.
func oauthRules() []rule {
	return []rule{
		wording(DPoPNonceRequired, vRFC9449, `\buse_dpop_nonce\b|(?:Authorization|Resource) server requires nonce in DPoP proof`),
		wording(DPoPProofInvalid, vRFC9449, `Invalid DPoP key binding`,
			"reason", "key_binding", "note", "the token's cnf.jkt does not match the proof's key"),
		wording(DPoPProofInvalid, vRFC9449, `\binvalid_dpop_proof\b`),
		wording(InvalidRequest, vRFC9449, `Multiple methods used to include access token`),
		wording(StepUpRequired, vRFC9470, `\binsufficient_user_authentication\b|A different authentication level is required|More recent authentication is required`),
		wording(ClaimsChallenge, vEntra, `\binsufficient_claims\b`),
		wording(ClaimsChallenge, vEntra, `Continuous access evaluation resulted in (?:claims )?challenge(?: with result: \w+ and code: (?P<reason>\w+))?`,
			"note", "Continuous Access Evaluation revoked the token (password reset, revoked session, location policy); get a new token with the claims challenge"),
	}
}
