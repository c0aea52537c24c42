package servermsg

// githubRules are the REST and GraphQL API messages of GitHub.
func githubRules() []rule {
	return []rule{
		wording("", vGitHub, `\ABad credentials\z`,
			"note", "GitHub does not accept this token: it expired, was revoked, or is mistyped"),
		wording(NoCredentials, vGitHub, `\ARequires authentication\z`),
		wording(InsufficientScope, vGitHub, `Resource not accessible by personal access token`,
			"note", "the fine-grained token lacks a permission or access to this repository"),
		wording(InsufficientScope, vGitHub, `Resource not accessible by integration`,
			"note", "the GitHub App installation or GITHUB_TOKEN lacks a permission, or is not installed on this repository"),
		wording(InsufficientScope, vGitHub, `Your token has not been granted the required scopes to execute this query\.(?: The '[^']*' field requires one of the following scopes: (?P<scope>\[[^\]]*\]))?`),
		wording(ForbiddenAuthz, vGitHub, `Resource protected by organization SAML enforcement`,
			"reason", "saml_sso", "note", "authorize the token for the organization's SAML single sign-on"),
		wording(ForbiddenAuthz, vGitHub, `organization has enabled OAuth App access restrictions`, "reason", "oauth_app_restrictions"),
		wording(ForbiddenAuthz, vGitHub, `Must have (?:admin|push) rights to Repository`),
		wording(RateLimited, vGitHub, `API rate limit exceeded|You have exceeded a secondary rate limit`),
	}
}
