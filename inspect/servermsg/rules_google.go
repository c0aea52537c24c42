package servermsg

// googleRules are the messages of Google APIs (AIP-193 error bodies) and of
// Google's OAuth endpoints.
func googleRules() []rule {
	return []rule{
		wording(NoCredentials, vGoogle, `Request is missing required authentication credential`),
		wording("", vGoogle, `Request had invalid authentication credentials\.`,
			"note", "Google rejected the token: expired, revoked, or not an OAuth access token; the details reason says which"),
		wording(InsufficientScope, vGoogle, `Request had insufficient authentication scopes`),
		wording(ForbiddenAuthz, vGoogle, `The caller does not have permission`),
		wording(ForbiddenAuthz, vGoogle, `Permission '(?P<permission>[^']*)' denied on resource '(?P<resource>[^']*)'`),
		wording(ForbiddenAuthz, vGoogle, `(?P<service>[\w ./-]+? API) has not been used in project (?P<project>\S+) before or it is disabled`,
			"reason", "service_disabled", "note", "the API is not enabled in the project the credentials belong to"),
		wording(TokenRevoked, vGoogle, `Token has been expired or revoked`, "token", "refresh_token"),
		wording("", vGoogle, `API keys are not supported by this API\. Expected OAuth2 access token`,
			"note", "this API needs an OAuth 2 access token; an API key is not enough"),
		wording("", vGoogle, `API key not valid\. Please pass a valid API key`),
		wording(RateLimited, vGoogle, `Quota exceeded for quota metric|User Rate Limit Exceeded|Rate Limit Exceeded`),
		wording("", vGoogle, `\AInvalid Credentials\z`),
		wording(InsufficientScope, vGoogle, `\AInsufficient Permission\z`,
			"note", "Google's older wording, usually for a missing OAuth scope"),
	}
}
