package servermsg

import "strings"

// awsRules are AWS messages: API Gateway, Signature Version 4 failures
// from every service, STS and IAM, S3.
func awsRules() []rule {
	const amz = `\d{8}T\d{6}Z`
	return []rule{
		wording(AWSSignature, vAPIGateway, `Missing Authentication Token`,
			"reason", "missing_authentication_token",
			"note", "API Gateway also answers this for a path, stage or method that does not exist"),
		wording(AudienceMismatch, vAPIGateway, `the token does not have a valid audience`,
			"note", "the HTTP API JWT authorizer checks aud, or client_id when aud is absent"),
		wording(ClockSkew, vAWS, `Signature expired: (?P<signed_at>`+amz+`) is now earlier than `+amz+` \((?P<server_time>`+amz+`) - (?P<tolerance>\d+) min\.?\)`,
			"reason", "signature_expired").refined(minutes),
		wording(ClockSkew, vAWS, `Signature expired: (?P<signed_at>`+amz+`) is now earlier than (?P<server_time>`+amz+`)`,
			"reason", "signature_expired"),
		wording(ClockSkew, vAWS, `Signature not yet current: (?P<signed_at>`+amz+`) is still later than `+amz+`(?: \((?P<server_time>`+amz+`) \+ (?P<tolerance>\d+) min\.?\))?`,
			"reason", "signature_not_yet_current").refined(minutes),
		wording(ClockSkew, vAWS, `The difference between the request time and the (?:current|server's) time is too large`,
			"reason", "request_time_too_skewed"),
		wording(TokenExpired, vAWS, `\ARequest has expired\.?\z`, "reason", "request_expired",
			"note", "a presigned URL past its expiry, or a request signed too long ago"),
		wording(TokenExpired, vAWS, `The security token included in the request is expired|The provided token has expired`,
			"token", "session_token", "note", "the STS session credentials have expired; get new ones"),
		wording(AWSSignature, vAWS, `The security token included in the request is invalid`,
			"reason", "invalid_security_token",
			"note", "the access key or session token is unknown here: wrong account or partition, a deleted key, or a session token missing or from another key"),
		wording(AWSSignature, vAWS, `The request signature we calculated does not match the signature you provided`,
			"reason", "signature_mismatch",
			"note", "wrong secret key, or the request changed after signing (path encoding, headers, body)"),
		wording(AWSSignature, vAWS, `The AWS Access Key Id you provided does not exist in our records`, "reason", "invalid_access_key_id"),
		wording(AWSSignature, vAWS, `AWS was not able to validate the provided access credentials`, "reason", "auth_failure"),
		wording(AWSSignature, vAWS, `The provided token is malformed or otherwise invalid`, "reason", "invalid_security_token"),
		wording(AWSSignature, vAWS, `Authorization header requires '[^']*' parameter|not a valid key=value pair \(missing equal-sign\) in Authorization header|Credential should be scoped to (?:a valid region|correct service)|Date must be in ISO-8601 'basic format'`,
			"reason", "incomplete_signature"),
		wording(ForbiddenAuthz, vAPIGateway, `User is not authorized to access this resource(?P<explicit> with an explicit deny)?`,
			"note", "the authorizer (Lambda or IAM policy) denied this principal").refined(explicitDeny),
		wording(ForbiddenAuthz, vAWS, `User: (?P<principal>\S+) is not authorized to perform: (?P<action>\S+)(?: on resource: (?P<resource>\S+))?(?: (?:because|with) (?P<reason>[^.\n]+))?`),
		wording(ForbiddenAuthz, vAWS, `You are not authorized to perform this operation`),
		wording(RateLimited, vAWS, `Rate exceeded|Too Many Requests|Please reduce your request rate`),
	}
}

// minutes turns the "5 min." AWS prints into a Go duration.
func minutes(id, _ string, v map[string]string) string {
	if m := v["tolerance"]; m != "" {
		v["tolerance"] = m + "m0s"
	}
	return id
}

// explicitDeny records whether a policy denied explicitly; the marker
// group itself is not a fact worth keeping.
func explicitDeny(id, _ string, v map[string]string) string {
	if strings.Contains(v["explicit"], "explicit deny") {
		v["reason"] = "explicit_deny"
	}
	delete(v, "explicit")
	return id
}
