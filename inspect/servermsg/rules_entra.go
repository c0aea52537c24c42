package servermsg

import (
	"strings"
	"sync"
)

// entraCode is what an AADSTS code means when the sentence after it adds
// nothing a rule needs.
type entraCode struct{ id, token, reason, note string }

// entraCodes maps AADSTS codes (Microsoft Entra error reference) to ids.
var entraCodes = sync.OnceValue(func() map[string]entraCode {
	return map[string]entraCode{
		"50013":   {"", "assertion", "", "the assertion was rejected; the sentence after the code says why"},
		"500133":  {TokenExpired, "assertion", "", "the access token used as an on-behalf-of assertion has expired"},
		"700024":  {TokenExpired, "client_assertion", "", ""},
		"50012":   {InvalidClient, "", "", ""},
		"50173":   {TokenRevoked, "refresh_token", "", "the grant was revoked, often by a password change or reset"},
		"700082":  {TokenRevoked, "refresh_token", "", "the refresh token expired after a period without use"},
		"70043":   {TokenRevoked, "refresh_token", "", "a Conditional Access sign-in frequency limit ended the session"},
		"70008":   {TokenRevoked, "refresh_token", "", ""},
		"700084":  {TokenRevoked, "refresh_token", "", "refresh tokens issued to single-page apps have a fixed lifetime"},
		"50132":   {TokenRevoked, "", "session_ended", "the session ended after a password change or expiry"},
		"50133":   {TokenRevoked, "", "session_ended", "the session ended after a password change or expiry"},
		"50089":   {TokenRevoked, "", "session_ended", ""},
		"50076":   {StepUpRequired, "", "mfa", ""},
		"50079":   {StepUpRequired, "", "mfa_registration", ""},
		"50074":   {StepUpRequired, "", "mfa", ""},
		"50078":   {StepUpRequired, "", "mfa_expired", ""},
		"50072":   {StepUpRequired, "", "mfa_registration", ""},
		"65001":   {ConsentRequired, "", "", ""},
		"65004":   {ConsentRequired, "", "declined", ""},
		"90094":   {ConsentRequired, "", "admin_consent", ""},
		"90008":   {ConsentRequired, "", "", ""},
		"650056":  {ConsentRequired, "", "", "the client's app registration does not list the permission, or nobody consented"},
		"7000215": {InvalidClient, "client_secret", "invalid_secret", "often the secret's ID was used instead of its value"},
		"7000222": {InvalidClient, "client_secret", "expired_secret", "the client secret has expired"},
		"70002":   {InvalidClient, "", "", ""},
		"700027":  {InvalidClient, "client_assertion", "", "the client assertion's signature did not verify with the registered certificate"},
		"700025":  {InvalidClient, "", "", "a public client must not send a secret or assertion"},
		"7000218": {InvalidClient, "", "", "the request has no client_secret or client_assertion"},
		"50048":   {InvalidClient, "client_assertion", "", "the client assertion's sub does not match its iss"},
		"500011":  {AudienceMismatch, "", "", "the resource asked for is not registered in this tenant"},
		"50001":   {AudienceMismatch, "", "", "the resource asked for is disabled or does not exist"},
		"90002":   {WrongEnvironment, "", "", "the tenant does not exist in this cloud"},
		"700016":  {WrongEnvironment, "", "", "the application is not registered in this tenant"},
		"50020":   {WrongEnvironment, "", "", "the user belongs to another tenant"},
		"50034":   {WrongEnvironment, "", "", "the user does not exist in this tenant"},
		"90072":   {WrongEnvironment, "", "", "the user does not exist in this tenant"},
		"53003":   {ForbiddenAuthz, "", "conditional_access", ""},
		"53000":   {ForbiddenAuthz, "", "conditional_access", "a compliant device is required"},
		"53001":   {ForbiddenAuthz, "", "conditional_access", "a domain-joined device is required"},
		"53002":   {ForbiddenAuthz, "", "conditional_access", "an approved client app is required"},
		"530032":  {ForbiddenAuthz, "", "conditional_access", ""},
		"530035":  {ForbiddenAuthz, "", "security_defaults", ""},
		"50131":   {ForbiddenAuthz, "", "conditional_access", ""},
		"50105":   {ForbiddenAuthz, "", "", "the user is not assigned to the application"},
		"500021":  {ForbiddenAuthz, "", "tenant_restriction", ""},
		"70011":   {InvalidScope, "", "", ""},
		"28002":   {InvalidScope, "", "", ""},
		"28003":   {InvalidScope, "", "", ""},
		"54005":   {InvalidGrant, "authorization_code", "", "the authorization code was already redeemed"},
		"70000":   {InvalidGrant, "", "", ""},
		"900144":  {InvalidRequest, "", "", ""},
		"9002313": {InvalidRequest, "", "", ""},
		"90014":   {InvalidRequest, "", "", ""},
		"50006":   {SignatureInvalid, "", "", ""},
		"50099":   {SignatureInvalid, "", "", ""},
		"90016":   {TokenMalformed, "", "missing_claim", ""},
	}
})

// entraRules are Microsoft Entra ID (AADSTS) errors, found in token
// endpoint bodies and in exceptions apps pass on. The sentences that carry
// instants or names get their own rules; every other code goes through
// entraCodes.
func entraRules() []rule {
	const instant = `\d{4}-\d\d-\d\d[T ][\d:.]+Z?`
	return []rule{
		wording(KeyNotFound, vEntra, `(?P<code>AADSTS50013): Assertion failed signature validation\. \[Reason - The key was not found`,
			"token", "assertion"),
		wording(SignatureInvalid, vEntra, `(?P<code>AADSTS50013): Assertion failed signature validation`, "token", "assertion"),
		wording(TokenExpired, vEntra, `(?P<code>AADSTS50013): Assertion is not within its valid time range`, "token", "assertion"),
		wording(AudienceMismatch, vEntra, `(?P<code>AADSTS50013): Assertion audience does not match`, "token", "assertion"),
		wording(TokenExpired, vEntra, `(?P<code>AADSTS500133): Assertion is not within its valid time range\.`+
			`(?:[^\n]*?[Cc]urrent time(?: is|:) (?P<server_time>`+instant+`))?`+
			`(?:[^\n]*?expiry time of assertion (?P<expired_at>`+instant+`))?`+
			`(?:[^\n]*?not-before time is (?P<not_before>`+instant+`))?`,
			"token", "assertion").refined(timeRange),
		wording(TokenExpired, vEntra, `(?P<code>AADSTS(?:700024|50012)): Client assertion is not within its valid time range\.?`+
			`(?:[^\n]*?Current time: (?P<server_time>`+instant+`))?`+
			`(?:[^\n]*?assertion valid from (?P<not_before>`+instant+`))?`+
			`(?:[^\n]*?expiry time of assertion (?P<expired_at>`+instant+`))?`,
			"token", "client_assertion").refined(timeRange),
		wording(TokenRevoked, vEntra, `(?P<code>AADSTS50173): The provided grant has expired due to it being revoked`+
			`(?:[^\n]*?The grant was issued on '(?P<issued_at>[^']*)' and the TokensValidFrom date \(before which tokens are not valid\) for this user is '(?P<revoked_at>[^']*)')?`,
			"token", "refresh_token", "note", "the grant was revoked, often by a password change or reset"),
		wording(TokenRevoked, vEntra, `(?P<code>AADSTS700082): The refresh token has expired due to inactivity\.?(?:\s*The token was issued on (?P<issued_at>\S+))?`,
			"token", "refresh_token", "note", "the refresh token expired after a period without use"),
		wording(AudienceMismatch, vEntra, `(?P<code>AADSTS500011): The resource principal named (?P<audience>.+?) was not found in the tenant named (?P<tenant>.+?)\.(?:\s|$)`),
		wording(WrongEnvironment, vEntra, `(?P<code>AADSTS90002): Tenant '(?P<tenant>[^']*)' not found`),
		wording(WrongEnvironment, vEntra, `(?P<code>AADSTS700016): Application with identifier '(?P<client_id>[^']*)' was not found in the directory '(?P<tenant>[^']*)'`),
		wording("", vEntra, `(?P<code>AADSTS\d{5,7})\b`).refined(entraCode50027),
	}
}

// timeRange decides between expired, not yet valid and clock skew from the
// instants Entra printed; without them the rule's id stands.
func timeRange(id, _ string, v map[string]string) string {
	now := v["server_time"]
	switch {
	case now != "" && v["expired_at"] != "" && now > v["expired_at"]:
		return TokenExpired
	case now != "" && v["not_before"] != "" && now < v["not_before"]:
		return TokenNotYetValid
	case now != "" && v["expired_at"] != "":
		return ClockSkew
	}
	return id
}

// entraCode50027 looks a code up in entraCodes; AADSTS50027 (invalid JWT)
// is split by the reason its sentence gives.
func entraCode50027(_, segment string, v map[string]string) string {
	code := strings.TrimPrefix(v["code"], "AADSTS")
	if code == "50027" {
		lower := strings.ToLower(segment)
		for _, c := range []struct{ word, id string }{
			{"issuer", IssuerMismatch}, {"audience", AudienceMismatch}, {"time range", TokenExpired},
			{"signature", SignatureInvalid},
		} {
			if strings.Contains(lower, c.word) {
				return c.id
			}
		}
		return TokenMalformed
	}
	e, ok := entraCodes()[code]
	if !ok {
		return ""
	}
	for k, val := range map[string]string{"token": e.token, "reason": e.reason, "note": e.note} {
		if val != "" && v[k] == "" {
			v[k] = val
		}
	}
	return e.id
}
