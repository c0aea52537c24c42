package servermsg

import "strings"

// gitHubHeaders reads what GitHub says in headers: X-GitHub-SSO when a
// token must be authorized for SAML single sign-on, and, for classic
// tokens, X-Accepted-OAuth-Scopes (any one of them would do) against
// X-OAuth-Scopes (what the token has).
func gitHubHeaders(r Response) (Statement, bool) {
	if sso := header(r.Headers, "X-GitHub-SSO"); strings.HasPrefix(sso, "required") {
		return Statement{ID: ForbiddenAuthz, Vendor: vGitHub, Source: "X-GitHub-SSO", Quote: clip(sso, maxQuote),
			Values: map[string]string{"reason": "saml_sso", "note": "authorize the token for the organization's SAML single sign-on"}}, true
	}
	if r.Status != 403 && r.Status != 404 {
		return Statement{}, false
	}
	accepted := scopeList(header(r.Headers, "X-Accepted-OAuth-Scopes"))
	granted := header(r.Headers, "X-OAuth-Scopes")
	if len(accepted) == 0 || !hasHeader(r.Headers, "X-OAuth-Scopes") {
		return Statement{}, false
	}
	have := scopeList(granted)
	for _, a := range accepted {
		if contains(have, a) {
			return Statement{}, false
		}
	}
	return Statement{ID: InsufficientScope, Vendor: vGitHub, Source: "X-Accepted-OAuth-Scopes",
		Quote:  clip(header(r.Headers, "X-Accepted-OAuth-Scopes"), maxQuote),
		Values: map[string]string{"scope": strings.Join(accepted, " "), "note": "any one of these scopes would do; the token has: " + granted}}, true
}

// addGitHubPermission names the fine-grained permission GitHub asked for
// (X-Accepted-GitHub-Permissions) on the statements that need it.
func addGitHubPermission(sts []Statement, hs []Header) {
	p := header(hs, "X-Accepted-GitHub-Permissions")
	if p == "" {
		return
	}
	for i := range sts {
		if sts[i].Vendor == vGitHub && (sts[i].ID == InsufficientScope || sts[i].ID == ForbiddenAuthz) {
			sts[i].Values = putValue(sts[i].Values, "permission", clip(p, maxExtraValue))
		}
	}
}

func scopeList(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		out = append(out, f)
	}
	return out
}

func hasHeader(hs []Header, name string) bool {
	for _, h := range hs {
		if strings.EqualFold(strings.TrimSpace(h.Name), name) {
			return true
		}
	}
	return false
}
