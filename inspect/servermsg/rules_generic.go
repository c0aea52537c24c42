package servermsg

// genericRuleList is plain English that names a cause whoever says it. It
// is only consulted when no vendor wording matched (see Classify), and it
// stays narrow on purpose: "Unauthorized", "Invalid token", "Access token
// validation failed" and "Authorization Required" (nginx's title for every
// 401) name no cause and match nothing here.
func genericRuleList() []rule {
	return []rule{
		wording(TokenRevoked, "", `(?i)\brefresh[ _-]?token (?:has |is )?(?:expired|revoked|no longer valid)\b`, "token", "refresh_token"),
		wording(TokenExpired, "", `(?i)\b(?:access[ _-]?|bearer |auth(?:entication)? |id[ _-]?)?(?:token|jwt)\s+(?:has\s+|is\s+|was\s+)?(?:already\s+)?expired\b`),
		wording(TokenExpired, "", `(?i)\bexpired (?:access[ _-]?|bearer |auth(?:entication)? )?(?:token|jwt|credentials?)\b`),
		wording(TokenExpired, "", `(?i)\b(?:token|jwt) (?:expiry|expiration) (?:time )?(?:has )?(?:passed|exceeded)\b|\bexp(?:iration)? claim (?:is )?in the past\b`),
		wording(TokenNotYetValid, "", `(?i)\b(?:token|jwt) (?:is )?not (?:yet )?valid (?:yet|before)\b|\b(?:token|jwt) (?:is )?not yet valid\b|\bnbf claim (?:is )?in the future\b|\btoken used before\b`),
		wording(ClockSkew, "", `(?i)\bclock[ -]?skew\b|\b(?:clocks?|time) (?:is |are )?(?:out of sync|not synchroni[sz]ed|skewed)\b|\b(?:request )?time too skewed\b|\biat (?:claim )?(?:is )?in the future\b`),
		wording(AudienceMismatch, "", `(?i)\b(?:invalid|wrong|unexpected|unknown|bad) (?:token )?(?:audience|aud)\b|\b(?:audience|aud)(?: claim)? (?:is )?(?:invalid|mismatch(?:ed)?|not (?:valid|allowed|accepted))\b|\b(?:audience|aud)(?: claim)? (?:validation|verification|check) failed\b|\b(?:audience|aud)(?: claim)? (?:does|did) not match\b`),
		wording(IssuerMismatch, "", `(?i)\b(?:invalid|wrong|unexpected|unknown|untrusted|bad) (?:token )?(?:issuer|iss)\b|\b(?:issuer|iss)(?: claim)? (?:is )?(?:invalid|mismatch(?:ed)?|not (?:valid|allowed|trusted|accepted))\b|\b(?:issuer|iss)(?: claim)? (?:validation|verification|check) failed\b|\b(?:issuer|iss)(?: claim)? (?:does|did) not match\b`),
		wording(KeyNotFound, "", `(?i)\b(?:signing |verification |public )?key (?:was )?not found\b|\bno (?:matching|applicable|suitable) (?:signing |verification )?keys?\b|\bunknown (?:kid|key id)\b|\bkid\b[^.\n]{0,60}\bnot found\b|\bunable to find (?:a |the )?(?:signing |verification )?key\b`),
		wording(SignatureInvalid, "", `(?i)\binvalid (?:token |jwt )?signature\b|\bsignature (?:is )?(?:invalid|not valid)\b|\bsignature (?:verification|validation|check) failed\b|\bbad signature\b|\bfailed to verify (?:the )?(?:token )?signature\b`),
		wording(TokenMalformed, "", `(?i)\bmalformed (?:access |bearer )?(?:token|jwt)\b|\b(?:token|jwt) (?:is )?malformed\b|\bnot a (?:valid )?jwt\b|\binvalid (?:jwt|token) format\b|\b(?:could not|cannot|can't|unable to|failed to) (?:parse|decode) (?:the )?(?:access |bearer )?(?:token|jwt)\b|\b(?:jwt|token) (?:is )?not well[- ]formed\b|\b(?:invalid|wrong) number of segments\b`),
		wording(TokenRevoked, "", `(?i)\b(?:token|session|grant|credentials?) (?:has been |was |is )?revoked\b|\brevoked (?:access |refresh )?(?:token|session|grant)\b|\btoken is (?:no longer active|inactive)\b|\bsession (?:has )?(?:expired|ended|terminated)\b`),
		wording(InsufficientScope, "", `(?i)\binsufficient[_ ]scopes?\b|\binsufficient (?:authentication )?scopes\b|\bmissing (?:required )?scopes?\b|\bscopes? (?:is |are )?(?:insufficient|not granted)\b|\bdoes not have (?:the )?required scopes?\b`),
		wording(DPoPNonceRequired, "", `(?i)\bdpop[ -]nonce (?:is )?required\b|\brequires? (?:a )?nonce in (?:the )?dpop proof\b`),
		wording(DPoPProofInvalid, "", `(?i)\binvalid dpop proof\b|\bdpop proof (?:is )?invalid\b|\bdpop proof (?:validation|verification) failed\b`),
		wording(DPoPRequired, "", `(?i)\bdpop proof (?:is )?(?:required|missing)\b|\bmissing dpop (?:proof|header)\b|\bdpop[- ]bound token\b[^.\n]{0,40}\bbearer\b`),
		wording(StepUpRequired, "", `(?i)\b(?:step[- ]up|multi[- ]factor|mfa|2fa|two[- ]factor) (?:authentication )?(?:is )?required\b|\bstronger authentication\b`),
		wording(ClaimsChallenge, "", `(?i)\bclaims challenge\b`),
		wording(ConsentRequired, "", `(?i)\bconsent_required\b|\b(?:has|have) not consented\b|\bconsent (?:is )?required\b`),
		wording(InvalidClient, "", `(?i)\binvalid_client\b|\bclient authentication failed\b|\binvalid client (?:secret|credentials|id)\b|\bunknown client\b`),
		wording(NoCredentials, "", `(?i)\bmissing (?:the )?(?:authorization|authentication|bearer|access)(?: header| token| credentials)\b|\bmissing credentials\b|\bno (?:authorization|authentication|bearer|access) (?:header|token|credentials)(?: was| were)? (?:provided|found|present|supplied|sent)\b|\bauthorization header (?:is )?(?:missing|not (?:provided|found|present))\b|\b(?:token|credentials) (?:was |were )?not (?:provided|found|present|supplied)\b|\bno token provided\b`),
		wording(InvalidRequest, "", `(?i)\binvalid_request\b|\bmultiple (?:bearer )?(?:tokens|methods)\b|\bmore than one (?:method|authorization header|token)\b|\bmalformed authorization header\b`),
		wording(ForbiddenAuthz, "", `(?i)\baccess (?:is )?denied\b|\bpermission denied\b|\bnot authorized to perform\b|\binsufficient (?:permissions|privileges)\b|\b(?:does not|doesn't|do not|don't) have (?:the )?(?:required )?permissions?\b`),
		wording(RateLimited, "", `(?i)\brate limit(?:ed| exceeded)\b|\btoo many requests\b|\bquota exceeded\b`),
	}
}
