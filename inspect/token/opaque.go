package token

import (
	"regexp"
	"strings"
)

// opaquePattern recognises a token format that cannot be decoded locally,
// so the user at least learns what they are holding and where it is checked.
type opaquePattern struct {
	name   string
	prefix string
	re     *regexp.Regexp // checked when prefix matches; nil: the prefix is enough
	what   string
}

// opaquePatterns is built per call rather than held in a package variable:
// it is small, and decoding is not a hot loop.
func opaquePatterns() []opaquePattern {
	return []opaquePattern{
		{"github_pat", "ghp_", nil, "GitHub personal access token (classic)"},
		{"github_fine_grained_pat", "github_pat_", nil, "GitHub fine-grained personal access token"},
		{"github_oauth", "gho_", nil, "GitHub OAuth app token"},
		{"github_user_to_server", "ghu_", nil, "GitHub App user-to-server token"},
		{"github_server_to_server", "ghs_", nil, "GitHub App installation token"},
		{"github_refresh", "ghr_", nil, "GitHub refresh token"},
		{"gitlab_pat", "glpat-", nil, "GitLab personal access token"},
		{"google_oauth", "ya29.", nil, "Google OAuth 2.0 access token"},
		{"google_refresh", "1//", nil, "Google OAuth 2.0 refresh token"},
		{"google_api_key", "AIza", regexp.MustCompile(`^AIza[0-9A-Za-z_-]{35}$`), "Google API key"},
		{"slack_bot", "xoxb-", nil, "Slack bot token"},
		{"slack_user", "xoxp-", nil, "Slack user token"},
		{"slack_app", "xapp-", nil, "Slack app-level token"},
		{"slack_config", "xoxe", nil, "Slack configuration or rotating token"},
		{"slack_legacy", "xox", regexp.MustCompile(`^xox[a-z]-`), "Slack token"},
		{"aws_session_key_id", "ASIA", regexp.MustCompile(`^ASIA[0-9A-Z]{16}$`), "AWS temporary (STS session) access key id"},
		{"aws_access_key_id", "AKIA", regexp.MustCompile(`^AKIA[0-9A-Z]{16}$`), "AWS long-term access key id"},
		{"stripe_secret_key", "sk_live_", nil, "Stripe live secret key"},
		{"stripe_test_key", "sk_test_", nil, "Stripe test secret key"},
		{"npm_token", "npm_", nil, "npm access token"},
		{"hashicorp_vault", "hvs.", nil, "HashiCorp Vault service token"},
		{"atlassian_api_token", "ATATT", nil, "Atlassian API token"},
		{"openai_api_key", "sk-", regexp.MustCompile(`^sk-(proj-)?[A-Za-z0-9_-]{20,}$`), "OpenAI-style API key"},
		{"azure_sas", "", regexp.MustCompile(`(^|[?&])sig=[^&]+`), "Azure shared access signature (SAS)"},
	}
}

// OpaqueFormat names a recognised opaque token format, "" when unknown.
func OpaqueFormat(raw string) string {
	if p, ok := matchOpaque(raw); ok {
		return p.name
	}
	return ""
}

// FormatHTTPBasic marks Basic credentials found where a token was expected.
const FormatHTTPBasic = "http_basic"

// OpaqueDescription says in words what a recognised format is.
func OpaqueDescription(name string) string {
	if name == FormatHTTPBasic {
		return "HTTP Basic credentials (a user name and password, not a token)"
	}
	for _, p := range opaquePatterns() {
		if p.name == name {
			return p.what
		}
	}
	return ""
}

func matchOpaque(raw string) (opaquePattern, bool) {
	for _, p := range opaquePatterns() {
		if !strings.HasPrefix(raw, p.prefix) {
			continue
		}
		if p.re == nil || p.re.MatchString(raw) {
			return p, true
		}
	}
	return opaquePattern{}, false
}
