package servermsg

// azureRules are Microsoft Graph, Azure Resource Manager and Azure Storage
// messages (the body "message" of InvalidAuthenticationToken and friends,
// and Storage's AuthenticationErrorDetail).
func azureRules() []rule {
	return []rule{
		// Microsoft Graph
		wording(TokenExpired, vGraph, `Lifetime validation failed, the token is expired`),
		wording(TokenExpired, vGraph, `Access token has expired or is not yet valid`,
			"note", "Graph says this for tokens that are not yet valid too; compare exp and nbf with the server's Date"),
		wording(AudienceMismatch, vGraph, `Access token validation failure\. Invalid audience`,
			"note", "the token was issued for another API; Graph wants aud https://graph.microsoft.com or 00000003-0000-0000-c000-000000000000"),
		wording("", vGraph, `Access token validation failure`),
		wording(NoCredentials, vGraph, `Access token is empty`),
		wording(TokenMalformed, vGraph, `CompactToken parsing failed with error code: (?P<code>\d+)`,
			"note", "Graph cannot read the token: often a personal-account (MSA) token, or a token that was cut or wrapped in quotes"),
		wording("", vGraph, `CompactToken validation failed with reason code: (?P<code>\d+)`),
		wording(InsufficientScope, vGraph, `Missing scope permissions on the request\.(?: API requires one of '(?P<scope>[^']*)')?`),
		wording(InsufficientScope, vGraph, `Insufficient privileges to complete the operation`,
			"note", "the token lacks the Graph permission (delegated scope or application role) this call needs"),
		wording(InsufficientScope, vGraph, `Either scp or roles claim need to be present in the token`,
			"note", "the token carries neither delegated scopes nor application roles"),
		wording(ForbiddenAuthz, vGraph, `Access is denied\. Check credentials and try again`),

		// Azure Resource Manager
		wording(TokenExpired, vAzure, `The access token expiry UTC time '(?P<expired_at>[^']*)' is earlier than current UTC time '(?P<server_time>[^']*)'`),
		wording(AudienceMismatch, vAzure, `access token has been obtained for wrong audience or resource '(?P<audience>[^']*)'(?:\. It should exactly match with one of the allowed audiences (?P<expected>(?:'[^']*',?\s*)+))?`),
		wording(IssuerMismatch, vAzure, `The access token is from the wrong issuer(?: '(?P<issuer>[^']*)')?\.?(?: It must match (?:the|one of the) (?:AD )?tenants?(?: '(?P<expected>[^']*)')?)?`),
		wording(ForbiddenAuthz, vAzure, `The client '(?P<principal>[^']*)' with object id '[^']*' does not have authorization to perform action '(?P<action>[^']*)' over scope '(?P<resource>[^']*)'`),
		wording(NoCredentials, vAzure, `Authentication failed\. The 'Authorization' header is missing`),
		wording(InvalidRequest, vAzure, `Authentication failed\. The 'Authorization' header is provided in an invalid format`),
		wording("", vAzure, `Authorization token failed validation`),

		// Azure Storage
		wording(AudienceMismatch, vStorage, `Audience validation failed\. Audience did not match`,
			"note", "Storage wants a token for https://storage.azure.com"),
		wording(TokenExpired, vStorage, `Lifetime validation failed\. The token is expired`),
		wording(IssuerMismatch, vStorage, `Issuer validation failed\. Issuer did not match`),
		wording(SignatureInvalid, vStorage, `Signature did not match\. String to sign used was|The MAC signature found in the HTTP request '[^']*' is not the same as any computed signature`,
			"note", "the Shared Key or SAS signature does not match: wrong account key, or a header changed after signing"),
		wording(TokenExpired, vStorage, `Signature not valid in the specified time frame(?:: Start \[(?P<not_before>[^\]]*)\] - Expiry \[(?P<expired_at>[^\]]*)\] - Current \[(?P<server_time>[^\]]*)\])?`,
			"token", "sas").refined(timeRange),
		wording(ClockSkew, vStorage, `Request date header too old: '(?P<signed_at>[^']*)'`),
		wording(ForbiddenAuthz, vStorage, `This request is not authorized to perform this operation using this permission`,
			"note", "the identity has no data-plane role (for example Storage Blob Data Reader); Owner or Contributor is not enough"),
		wording(ForbiddenAuthz, vStorage, `This request is not authorized to perform this operation\.`,
			"note", "a firewall, network rule or the SAS permissions refused the request"),
		wording(InvalidRequest, vStorage, `Authentication information is not given in the correct format`),
		wording("", vStorage, `Server failed to authenticate the request\.`),
	}
}
