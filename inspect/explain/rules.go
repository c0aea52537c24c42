package explain

// rule finds one cause. It returns nothing when its cause does not hold.
type rule func(*facts) []Diagnosis

// rules lists every rule; order does not matter, scores decide the ranking.
func rules() []rule {
	return []rule{
		// what was sent
		ruleNoCredentials, ruleCredentialsNotSeen, ruleRejected, ruleAuthStripped, ruleWrongScheme,
		// the token
		ruleExpired, ruleNotYetValid, ruleClockSkew, ruleAudience, ruleIssuer, ruleWrongEnvironment,
		ruleSignature, ruleKeyNotFound, ruleMalformed, ruleOpaque,
		// what the challenge asks for
		ruleScope, ruleStepUp, ruleClaims, ruleDPoPRequired, ruleDPoPNonce, ruleDPoPProof,
		ruleIntegrated, ruleDigestStale, ruleProxy, ruleRegistry, ruleResourceMetadata,
		ruleUnknownScheme, ruleInvalidRequest,
		// what the response says without a challenge
		ruleNoChallenge, ruleForbidden, ruleAWS, ruleServerOnly, ruleServerSays,
	}
}

func diag(id, sev string, score int, title, detail, fix string, evidence ...string) Diagnosis {
	return Diagnosis{ID: id, Severity: sev, score: score, Title: title, Detail: detail, Fix: fix, Evidence: evidence}
}
