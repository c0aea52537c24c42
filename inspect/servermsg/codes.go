package servermsg

import (
	"strings"
	"sync"
)

// codeMeaning is what a machine code (an oauth2 error, a Google status or
// reason, an AWS error type, a Graph or Storage code) means.
type codeMeaning struct {
	id, vendor, reason, note, token string
}

// codeTable names a set of codes that belong together.
type codeTable int

const (
	oauthCodes codeTable = iota
	googleStatus
	googleReason
	googleLegacyReason
	kubernetesReason
	awsCodes
	apiGatewayMessages
	graphCodes
	storageCodes
	oktaCodes
	graphqlCodes
)

// codeTables holds every table; built once, read only.
var codeTables = sync.OnceValue(func() map[codeTable]map[string]codeMeaning {
	return map[codeTable]map[string]codeMeaning{
		oauthCodes: {
			"invalid_grant":                    {id: InvalidGrant, vendor: vRFC6749},
			"invalid_client":                   {id: InvalidClient, vendor: vRFC6749},
			"unauthorized_client":              {id: InvalidClient, vendor: vRFC6749, note: "the client may not use this grant type"},
			"invalid_scope":                    {id: InvalidScope, vendor: vRFC6749},
			"invalid_request":                  {id: InvalidRequest, vendor: vRFC6750},
			"unsupported_grant_type":           {id: InvalidRequest, vendor: vRFC6749},
			"invalid_token":                    {vendor: vRFC6750, note: "the token is expired, revoked, malformed or invalid for another reason the server did not name"},
			"insufficient_scope":               {id: InsufficientScope, vendor: vRFC6750},
			"use_dpop_nonce":                   {id: DPoPNonceRequired, vendor: vRFC9449},
			"invalid_dpop_proof":               {id: DPoPProofInvalid, vendor: vRFC9449},
			"insufficient_user_authentication": {id: StepUpRequired, vendor: vRFC9470},
			"insufficient_claims":              {id: ClaimsChallenge, vendor: vEntra},
			"consent_required":                 {id: ConsentRequired, vendor: "OpenID Connect"},
			"interaction_required":             {vendor: "OpenID Connect", note: "the user must sign in interactively (MFA, consent or a policy)"},
			"login_required":                   {vendor: "OpenID Connect", note: "the authorization server has no session for the user"},
			"invalid_target":                   {id: AudienceMismatch, vendor: "RFC 8707", note: "the authorization server does not know the resource asked for"},
			"access_denied":                    {id: ForbiddenAuthz, vendor: vRFC6749},
			"expired_token":                    {id: TokenExpired, vendor: "RFC 8628", token: "device_code"},
		},
		googleStatus: {
			"UNAUTHENTICATED":    {vendor: vGoogle, note: "Google rejected the credentials; the details reason says why when present"},
			"PERMISSION_DENIED":  {id: ForbiddenAuthz, vendor: vGoogle},
			"RESOURCE_EXHAUSTED": {id: RateLimited, vendor: vGoogle},
		},
		googleReason: {
			"ACCESS_TOKEN_EXPIRED":            {id: TokenExpired, vendor: vGoogle},
			"ACCESS_TOKEN_SCOPE_INSUFFICIENT": {id: InsufficientScope, vendor: vGoogle},
			"CREDENTIALS_MISSING":             {id: NoCredentials, vendor: vGoogle},
			"ACCESS_TOKEN_TYPE_UNSUPPORTED":   {id: TokenMalformed, vendor: vGoogle, reason: "token_type", note: "this API accepts OAuth 2 access tokens only, not ID tokens or other JWTs"},
			"IAM_PERMISSION_DENIED":           {id: ForbiddenAuthz, vendor: vGoogle},
			"SERVICE_DISABLED":                {id: ForbiddenAuthz, vendor: vGoogle, reason: "service_disabled", note: "the API is not enabled in the project the credentials belong to"},
			"USER_PROJECT_DENIED":             {id: ForbiddenAuthz, vendor: vGoogle},
			"ORG_RESTRICTION_VIOLATION":       {id: ForbiddenAuthz, vendor: vGoogle},
			"SECURITY_POLICY_VIOLATED":        {id: ForbiddenAuthz, vendor: vGoogle},
			"RATE_LIMIT_EXCEEDED":             {id: RateLimited, vendor: vGoogle},
			"API_KEY_INVALID":                 {vendor: vGoogle, note: "the API key is not valid"},
		},
		googleLegacyReason: {
			"required":                {id: NoCredentials, vendor: vGoogle},
			"insufficientPermissions": {id: InsufficientScope, vendor: vGoogle, note: "Google's older reason, usually for a missing OAuth scope"},
			"forbidden":               {id: ForbiddenAuthz, vendor: vGoogle},
			"accessNotConfigured":     {id: ForbiddenAuthz, vendor: vGoogle, reason: "service_disabled"},
			"rateLimitExceeded":       {id: RateLimited, vendor: vGoogle},
			"userRateLimitExceeded":   {id: RateLimited, vendor: vGoogle},
			"quotaExceeded":           {id: RateLimited, vendor: vGoogle},
			"authError":               {vendor: vGoogle},
		},
		kubernetesReason: {
			"Unauthorized": {vendor: vKubernetes, note: "the API server could not authenticate the request: unknown or expired token, a token from another cluster, or an OIDC issuer or client id it does not trust"},
			"Forbidden":    {id: ForbiddenAuthz, vendor: vKubernetes},
		},
		awsCodes: {
			"UnrecognizedClientException":         {id: AWSSignature, vendor: vAWS, reason: "invalid_security_token"},
			"InvalidClientTokenId":                {id: AWSSignature, vendor: vAWS, reason: "invalid_security_token"},
			"InvalidToken":                        {id: AWSSignature, vendor: vAWS, reason: "invalid_security_token"},
			"ExpiredToken":                        {id: TokenExpired, vendor: vAWS, token: "session_token"},
			"ExpiredTokenException":               {id: TokenExpired, vendor: vAWS, token: "session_token"},
			"TokenRefreshRequired":                {id: TokenExpired, vendor: vAWS, token: "session_token"},
			"IncompleteSignature":                 {id: AWSSignature, vendor: vAWS, reason: "incomplete_signature"},
			"IncompleteSignatureException":        {id: AWSSignature, vendor: vAWS, reason: "incomplete_signature"},
			"InvalidSignatureException":           {id: AWSSignature, vendor: vAWS, reason: "signature_mismatch"},
			"SignatureDoesNotMatch":               {id: AWSSignature, vendor: vAWS, reason: "signature_mismatch"},
			"MissingAuthenticationToken":          {id: AWSSignature, vendor: vAWS, reason: "missing_authentication_token"},
			"MissingAuthenticationTokenException": {id: AWSSignature, vendor: vAPIGateway, reason: "missing_authentication_token", note: "API Gateway also answers this for a path, stage or method that does not exist"},
			"InvalidAccessKeyId":                  {id: AWSSignature, vendor: vAWS, reason: "invalid_access_key_id"},
			"AuthFailure":                         {id: AWSSignature, vendor: vAWS, reason: "auth_failure"},
			"RequestTimeTooSkewed":                {id: ClockSkew, vendor: vAWS, reason: "request_time_too_skewed"},
			"RequestExpired":                      {id: ClockSkew, vendor: vAWS, reason: "request_expired", note: "the request was signed too long ago; check the clock"},
			"AccessDenied":                        {id: ForbiddenAuthz, vendor: vAWS},
			"AccessDeniedException":               {id: ForbiddenAuthz, vendor: vAWS},
			"UnauthorizedOperation":               {id: ForbiddenAuthz, vendor: vAWS},
			"AuthorizationError":                  {id: ForbiddenAuthz, vendor: vAWS},
			"UnauthorizedException":               {vendor: vAPIGateway, note: "an authorizer (JWT, Cognito or Lambda) rejected the request; a JWT authorizer says why in www-authenticate"},
			"ForbiddenException":                  {vendor: vAPIGateway, note: "a missing or wrong API key, a resource policy, or a private API"},
			"NotAuthorizedException":              {vendor: vAWS},
			"ThrottlingException":                 {id: RateLimited, vendor: vAWS},
			"Throttling":                          {id: RateLimited, vendor: vAWS},
			"TooManyRequestsException":            {id: RateLimited, vendor: vAWS},
			"SlowDown":                            {id: RateLimited, vendor: vAWS},
		},
		apiGatewayMessages: {
			"Unauthorized": {vendor: vAPIGateway, note: "an authorizer (JWT, Cognito or Lambda) rejected the request; a JWT authorizer says why in www-authenticate"},
			"Forbidden":    {vendor: vAPIGateway, note: "a missing or wrong API key, a resource policy, or a private API"},
		},
		graphCodes: {
			"InvalidAuthenticationToken":         {vendor: vGraph, note: "Microsoft rejected the token; the message says why"},
			"ExpiredAuthenticationToken":         {id: TokenExpired, vendor: vAzure},
			"InvalidAuthenticationTokenAudience": {id: AudienceMismatch, vendor: vAzure},
			"InvalidAuthenticationTokenTenant":   {id: IssuerMismatch, vendor: vAzure, note: "the token is from another tenant than the subscription's"},
			"AuthenticationFailed":               {vendor: vAzure},
			"AuthorizationFailed":                {id: ForbiddenAuthz, vendor: vAzure},
			"LinkedAuthorizationFailed":          {id: ForbiddenAuthz, vendor: vAzure},
			"Authorization_RequestDenied":        {id: InsufficientScope, vendor: vGraph, note: "the token lacks the Graph permission this call needs"},
			"Authorization_IdentityNotFound":     {id: WrongEnvironment, vendor: vGraph, note: "the calling application is not known in this tenant"},
			"ErrorAccessDenied":                  {id: ForbiddenAuthz, vendor: vGraph},
			"accessDenied":                       {id: ForbiddenAuthz, vendor: vGraph},
			"TooManyRequests":                    {id: RateLimited, vendor: vGraph},
		},
		storageCodes: {
			"AuthenticationFailed":               {vendor: vStorage, note: "Storage did not accept the credentials; AuthenticationErrorDetail says why"},
			"InvalidAuthenticationInfo":          {vendor: vStorage, note: "Storage did not accept the credentials; AuthenticationErrorDetail says why"},
			"NoAuthenticationInformation":        {id: NoCredentials, vendor: vStorage},
			"AuthorizationPermissionMismatch":    {id: ForbiddenAuthz, vendor: vStorage, note: "the identity has no data-plane role (for example Storage Blob Data Reader); Owner or Contributor is not enough"},
			"AuthorizationFailure":               {id: ForbiddenAuthz, vendor: vStorage, note: "a firewall, network rule or the SAS permissions refused the request"},
			"AuthorizationSourceIPMismatch":      {id: ForbiddenAuthz, vendor: vStorage, reason: "source_ip"},
			"AuthorizationProtocolMismatch":      {id: ForbiddenAuthz, vendor: vStorage, reason: "protocol"},
			"AuthorizationResourceTypeMismatch":  {id: ForbiddenAuthz, vendor: vStorage, reason: "sas_resource_type"},
			"AuthorizationServiceMismatch":       {id: ForbiddenAuthz, vendor: vStorage, reason: "sas_service"},
			"KeyBasedAuthenticationNotPermitted": {id: ForbiddenAuthz, vendor: vStorage, note: "Shared Key authorization is disabled on this account; use Entra ID"},
			"InsufficientAccountPermissions":     {id: ForbiddenAuthz, vendor: vStorage},
		},
		oktaCodes: {
			"E0000011": {vendor: vOkta, note: "Okta does not accept this token"},
			"E0000004": {vendor: vOkta},
			"E0000005": {id: TokenRevoked, vendor: vOkta, reason: "session_ended"},
			"E0000006": {id: ForbiddenAuthz, vendor: vOkta},
			"E0000015": {id: ForbiddenAuthz, vendor: vOkta, reason: "feature"},
			"E0000047": {id: RateLimited, vendor: vOkta},
		},
		graphqlCodes: {
			"UNAUTHENTICATED": {vendor: "GraphQL"},
			"FORBIDDEN":       {id: ForbiddenAuthz, vendor: "GraphQL"},
		},
	}
})

// tablesFor lists the code tables that can explain Body.Error of a kind,
// most likely first.
func tablesFor(kind string) []codeTable {
	switch kind {
	case "oauth2":
		return []codeTable{oauthCodes}
	case "google":
		return []codeTable{googleStatus}
	case "kubernetes":
		return []codeTable{kubernetesReason}
	case "aws":
		return []codeTable{awsCodes}
	case "graph":
		return []codeTable{graphCodes}
	case "xml":
		return []codeTable{storageCodes, awsCodes}
	case "json":
		return []codeTable{oauthCodes, oktaCodes, graphqlCodes, awsCodes}
	}
	return nil
}

// classifyCode explains one machine code from the given tables; the quote is
// the code itself, as the server wrote it.
func classifyCode(source, code string, tables ...codeTable) (Statement, bool) {
	code = strings.TrimSpace(code)
	if code == "" {
		return Statement{}, false
	}
	all := codeTables()
	for _, t := range tables {
		m, ok := all[t][code]
		if !ok {
			continue
		}
		st := Statement{ID: m.id, Vendor: m.vendor, Source: source, Quote: clip(code, maxQuote)}
		st.Values = putValue(st.Values, "reason", m.reason)
		st.Values = putValue(st.Values, "note", m.note)
		st.Values = putValue(st.Values, "token", m.token)
		if t != oauthCodes && t != googleStatus && t != kubernetesReason && t != graphqlCodes && t != apiGatewayMessages {
			st.Values = putValue(st.Values, "code", code)
		}
		return st, true
	}
	return Statement{}, false
}

func putValue(v map[string]string, key, value string) map[string]string {
	if value == "" {
		return v
	}
	if v == nil {
		v = map[string]string{}
	}
	if v[key] == "" {
		v[key] = value
	}
	return v
}
