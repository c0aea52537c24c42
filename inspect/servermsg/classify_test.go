package servermsg

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// wordingCase is one real server wording (the vendor that says it is in the
// name) and what Classify must make of it.
type wordingCase struct {
	name, text, id, vendor string
	values                 map[string]string // must be present with these values
}

// realWordings holds at least two real wordings per id. Sources: ASP.NET
// Core JwtBearerHandler, Microsoft.IdentityModel LogMessages, Spring
// Security JwtTimestampValidator/JwtClaimValidator/BearerTokenErrors and
// DPoPAuthentication*, Keycloak TokenVerifier/TokenManager, the Entra AADSTS
// reference and issues quoting it, Graph and ARM bodies from issues, Azure
// Storage recordings, AWS docs and SDK test fixtures, Google AIP-193 bodies,
// okta-jwt-verifier/njwt, node-oauth2-jwt-bearer/jose, k8s.io/apiserver,
// GitHub API docs, RFC 6750/9449/9470 examples.
var realWordings = []wordingCase{
	// TOKEN_EXPIRED
	{"ASP.NET expired", "The token expired at '11/27/2026 09:56:48'", TokenExpired, vASPNET, map[string]string{"expired_at": "2026-11-27T09:56:48Z"}},
	{"IdentityModel IDX10223 old format", "IDX10223: Lifetime validation failed. The token is expired.\nValidTo: '05/19/2016 10:45:59'\nCurrent time: '05/19/2016 21:46:31'.", TokenExpired, vIdentityModel,
		map[string]string{"code": "IDX10223", "expired_at": "2016-05-19T10:45:59Z", "server_time": "2016-05-19T21:46:31Z"}},
	{"IdentityModel IDX10223 UTC format", "IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '12/27/2024 4:41:52 PM', Current time (UTC): '12/30/2024 3:00:16 PM'.", TokenExpired, vIdentityModel,
		map[string]string{"expired_at": "2024-12-27T16:41:52Z", "server_time": "2024-12-30T15:00:16Z"}},
	{"IdentityModel IDX10223 PII hidden", "IDX10223: Lifetime validation failed. The token is expired. ValidTo: 'System.DateTime', Current time: 'System.DateTime'.", TokenExpired, vIdentityModel, map[string]string{"code": "IDX10223"}},
	{"Spring expired", "An error occurred while attempting to decode the Jwt: Jwt expired at 2026-11-27T09:56:48Z", TokenExpired, vSpring, map[string]string{"expired_at": "2026-11-27T09:56:48Z", "tolerance": "60s"}},
	{"Keycloak not active", "Token is not active", TokenExpired, vKeycloak, nil},
	{"Graph lifetime", "Lifetime validation failed, the token is expired.", TokenExpired, vGraph, nil},
	{"Graph expired or not yet valid", "Access token has expired or is not yet valid.", TokenExpired, vGraph, nil},
	{"ARM ExpiredAuthenticationToken", "The access token expiry UTC time '11/24/2025 11:31:00 PM' is earlier than current UTC time '11/28/2025 5:28:45 AM'.", TokenExpired, vAzure,
		map[string]string{"expired_at": "2025-11-24T23:31:00Z", "server_time": "2025-11-28T05:28:45Z"}},
	{"Azure Storage lifetime", "Lifetime validation failed. The token is expired.", TokenExpired, vStorage, nil},
	{"Azure Storage SAS time frame", "Signature not valid in the specified time frame: Start [Wed, 18 Dec 2019 14:25:14 GMT] - Expiry [Wed, 18 Dec 2019 22:25:14 GMT] - Current [Thu, 19 Dec 2019 13:54:43 GMT]", TokenExpired, vStorage,
		map[string]string{"expired_at": "2019-12-18T22:25:14Z", "server_time": "2019-12-19T13:54:43Z", "token": "sas"}},
	{"Okta njwt", "Jwt is expired", TokenExpired, vOkta, nil},
	{"Auth0 jose exp", `"exp" claim timestamp check failed`, TokenExpired, vAuth0, nil},
	{"jsonwebtoken", "jwt expired", TokenExpired, vJSONWebTok, nil},
	{"golang-jwt v5", "token has invalid claims: token is expired", TokenExpired, vGolangJWT, nil},
	{"PyJWT", "Signature has expired", TokenExpired, vPyJWT, nil},
	{"jjwt", "JWT expired at 2023-10-01T00:00:00Z. Current time: 2023-10-01T01:00:00Z, a difference of 3600000 milliseconds.  Allowed clock skew: 0 milliseconds.", TokenExpired, vJJWT,
		map[string]string{"expired_at": "2023-10-01T00:00:00Z", "server_time": "2023-10-01T01:00:00Z"}},
	{"Entra AADSTS500133 OBO", "AADSTS500133: Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: 2026-06-23T06:33:25.7148737Z, expiry time of assertion 2026-06-23T06:33:04.0000000Z. Trace ID: f5c0226d", TokenExpired, vEntra,
		map[string]string{"code": "AADSTS500133", "token": "assertion", "expired_at": "2026-06-23T06:33:04Z", "server_time": "2026-06-23T06:33:25Z"}},
	{"Entra AADSTS700024 client assertion", "AADSTS700024: Client assertion is not within its valid time range. Current time: 2024-10-02T22:05:03.6755165Z, assertion valid from 1970-01-01T00:00:00.0000000Z, expiry time of assertion 2024-10-02T21:30:53.0000000Z. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials", TokenExpired, vEntra,
		map[string]string{"token": "client_assertion", "expired_at": "2024-10-02T21:30:53Z", "server_time": "2024-10-02T22:05:03Z"}},
	{"AWS STS expired session", "The security token included in the request is expired", TokenExpired, vAWS, map[string]string{"token": "session_token"}},
	{"Okta userinfo (generic)", "The token has expired.", TokenExpired, "", nil},
	{"RFC 6750 example (generic)", "The access token expired", TokenExpired, "", nil},

	// TOKEN_NOT_YET_VALID
	{"ASP.NET not before", "The token is not valid before '11/27/2026 10:00:00'", TokenNotYetValid, vASPNET, map[string]string{"not_before": "2026-11-27T10:00:00Z"}},
	{"IdentityModel IDX10222", "IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '5/18/2026 3:29:02 PM', Current time (UTC): '5/18/2026 3:20:00 PM'.", TokenNotYetValid, vIdentityModel,
		map[string]string{"not_before": "2026-05-18T15:29:02Z", "server_time": "2026-05-18T15:20:00Z"}},
	{"Spring used before", "An error occurred while attempting to decode the Jwt: Jwt used before 2026-11-27T10:00:00Z", TokenNotYetValid, vSpring, map[string]string{"not_before": "2026-11-27T10:00:00Z"}},
	{"Okta njwt", "Jwt not active", TokenNotYetValid, vOkta, nil},
	{"Auth0 jose nbf", `"nbf" claim timestamp check failed`, TokenNotYetValid, vAuth0, nil},
	{"PyJWT nbf", "The token is not yet valid (nbf)", TokenNotYetValid, vPyJWT, nil},
	{"Entra AADSTS500133 not-before", "AADSTS500133: Assertion is not within its valid time range. The current time is 2026-07-02T02:20:00.000Z, the assertion's not-before time is 2026-07-02T02:25:00.000Z.", TokenNotYetValid, vEntra,
		map[string]string{"not_before": "2026-07-02T02:25:00Z", "server_time": "2026-07-02T02:20:00Z"}},

	// CLOCK_SKEW
	{"AWS signature expired", "Signature expired: 20230804T000000Z is now earlier than 20230804T001234Z (20230804T001734Z - 5 min.)", ClockSkew, vAWS,
		map[string]string{"signed_at": "2023-08-04T00:00:00Z", "server_time": "2023-08-04T00:17:34Z", "tolerance": "5m0s"}},
	{"AWS signature not yet current", "Signature not yet current: 20230804T000000Z is still later than 20230803T172233Z (20230803T171733Z + 5 min.)", ClockSkew, vAWS,
		map[string]string{"signed_at": "2023-08-04T00:00:00Z", "server_time": "2023-08-03T17:17:33Z", "reason": "signature_not_yet_current"}},
	{"AWS DynamoDB 15 min", "Signature expired: 20150216T072522Z is now earlier than 20150216T072522Z (20150216T074022Z - 15 min.)", ClockSkew, vAWS, map[string]string{"tolerance": "15m0s"}},
	{"S3 RequestTimeTooSkewed message", "The difference between the request time and the current time is too large.", ClockSkew, vAWS, nil},
	{"Azure Storage date too old", "Request date header too old: 'Fri, 31 Jan 2020 12:28:37 GMT'", ClockSkew, vStorage, map[string]string{"signed_at": "2020-01-31T12:28:37Z"}},
	{"golang-jwt iat", "token has invalid claims: token used before issued", ClockSkew, vGolangJWT, nil},
	{"PyJWT iat", "The token is not yet valid (iat)", ClockSkew, vPyJWT, nil},
	{"Auth0 jose iat future", `"iat" claim timestamp check failed (it should be in the past)`, ClockSkew, vAuth0, nil},

	// AUDIENCE_MISMATCH
	{"ASP.NET audience", "The audience 'api://x' is invalid", AudienceMismatch, vASPNET, map[string]string{"audience": "api://x"}},
	{"IdentityModel IDX10214", "IDX10214: Audience validation failed. Audiences: 'https://graph.microsoft.com'. Did not match: validationParameters.ValidAudience: 'api://orders' or validationParameters.ValidAudiences: 'null'.", AudienceMismatch, vIdentityModel,
		map[string]string{"audience": "https://graph.microsoft.com", "expected": "api://orders"}},
	{"Spring aud claim", "An error occurred while attempting to decode the Jwt: The aud claim is not valid", AudienceMismatch, vSpring, nil},
	{"Spring docs audience validator", "The required audience is missing", AudienceMismatch, vSpring, nil},
	{"Keycloak audience", "Expected audience not available in the token", AudienceMismatch, vKeycloak, nil},
	{"Graph invalid audience", "Access token validation failure. Invalid audience.", AudienceMismatch, vGraph, nil},
	{"ARM wrong audience", "The access token has been obtained for wrong audience or resource 'https://vault.azure.net'. It should exactly match with one of the allowed audiences 'https://management.core.windows.net/','https://management.azure.com/'.", AudienceMismatch, vAzure,
		map[string]string{"audience": "https://vault.azure.net", "expected": "https://management.core.windows.net/ https://management.azure.com/"}},
	{"Azure Storage audience", "Audience validation failed. Audience did not match.", AudienceMismatch, vStorage, nil},
	{"AWS HTTP API JWT authorizer", "the token does not have a valid audience", AudienceMismatch, vAPIGateway, nil},
	{"Okta jwt-verifier", "audience claim api://default does not match expected audience: api://orders", AudienceMismatch, vOkta,
		map[string]string{"audience": "api://default", "expected": "api://orders"}},
	{"Auth0 jose aud", `unexpected "aud" claim value`, AudienceMismatch, vAuth0, nil},
	{"jsonwebtoken", "jwt audience invalid. expected: api://orders", AudienceMismatch, vJSONWebTok, map[string]string{"expected": "api://orders"}},
	{"Entra AADSTS500011", "AADSTS500011: The resource principal named api://orders was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant.", AudienceMismatch, vEntra,
		map[string]string{"audience": "api://orders", "tenant": "Contoso"}},

	// ISSUER_MISMATCH
	{"ASP.NET issuer", "The issuer 'https://sts.windows.net/abc/' is invalid", IssuerMismatch, vASPNET, map[string]string{"issuer": "https://sts.windows.net/abc/"}},
	{"ASP.NET issuer null", "The issuer '(null)' is invalid", IssuerMismatch, vASPNET, nil},
	{"IdentityModel IDX10205", "IDX10205: Issuer validation failed. Issuer: 'https://sts.windows.net/abc/'. Did not match: validationParameters.ValidIssuer: 'https://login.microsoftonline.com/abc/v2.0' or validationParameters.ValidIssuers: 'null'.", IssuerMismatch, vIdentityModel,
		map[string]string{"issuer": "https://sts.windows.net/abc/", "expected": "https://login.microsoftonline.com/abc/v2.0"}},
	{"Spring iss claim", "An error occurred while attempting to decode the Jwt: The iss claim is not valid", IssuerMismatch, vSpring, nil},
	{"Keycloak issuer", "Invalid token issuer. Expected 'http://keycloak:8080/realms/demo', but was 'http://localhost:8080/realms/demo'", IssuerMismatch, vKeycloak,
		map[string]string{"expected": "http://keycloak:8080/realms/demo", "issuer": "http://localhost:8080/realms/demo"}},
	{"ARM wrong issuer", "The access token is from the wrong issuer 'https://sts.windows.net/4a4d599f/'. It must match the tenant 'https://sts.windows.net/72f988bf/' associated with this subscription.", IssuerMismatch, vAzure,
		map[string]string{"issuer": "https://sts.windows.net/4a4d599f/", "expected": "https://sts.windows.net/72f988bf/"}},
	{"Okta issuer", "issuer https://dev.okta.com/oauth2/default does not match expected issuer: https://dev.okta.com/oauth2/aus1", IssuerMismatch, vOkta,
		map[string]string{"issuer": "https://dev.okta.com/oauth2/default"}},
	{"Auth0 jose iss", `unexpected "iss" claim value`, IssuerMismatch, vAuth0, nil},

	// SIGNATURE_INVALID
	{"ASP.NET signature", "The signature is invalid", SignatureInvalid, vASPNET, nil},
	{"Spring Nimbus", "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Invalid signature", SignatureInvalid, vSpring, nil},
	{"Keycloak", "Invalid token signature", SignatureInvalid, vKeycloak, nil},
	{"Entra AADSTS50013", "AADSTS50013: Assertion failed signature validation. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '977B10FB']", SignatureInvalid, vEntra,
		map[string]string{"code": "AADSTS50013", "token": "assertion"}},
	{"Azure Storage shared key", "The MAC signature found in the HTTP request 'abc=' is not the same as any computed signature. Server used following string to sign: 'GET'.", SignatureInvalid, vStorage, nil},
	{"golang-jwt", "token signature is invalid: crypto/rsa: verification error", SignatureInvalid, vGolangJWT, nil},
	{"jjwt", "JWT signature does not match locally computed signature. JWT validity cannot be asserted and should not be trusted.", SignatureInvalid, vJJWT, nil},
	{"njwt / PyJWT (generic)", "Signature verification failed", SignatureInvalid, "", nil},

	// KEY_NOT_FOUND
	{"ASP.NET key", "The signature key was not found", KeyNotFound, vASPNET, nil},
	{"IdentityModel IDX10503", "IDX10503: Signature validation failed. The token's kid is: '7bf6236f', but did not match any keys in TokenValidationParameters or Configuration. Keys tried: 'Microsoft.IdentityModel.Tokens.SymmetricSecurityKey'. Number of keys in TokenValidationParameters: '1'. \nNumber of keys in Configuration: '0'.", KeyNotFound, vIdentityModel,
		map[string]string{"kid": "7bf6236f"}},
	{"IdentityModel IDX10501", "IDX10501: Signature validation failed. Unable to match key: \nkid: 'Uo1a_QUw'.\nExceptions caught:\n ''.", KeyNotFound, vIdentityModel, map[string]string{"kid": "Uo1a_QUw"}},
	{"Spring Nimbus no key", "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another algorithm expected, or no matching key(s) found", KeyNotFound, vSpring, nil},
	{"Okta kid", `Error while resolving signing key for kid "bar"`, KeyNotFound, vOkta, map[string]string{"kid": "bar"}},
	{"Auth0 jose JWKS", "no applicable key found in the JSON Web Key Set", KeyNotFound, vAuth0, nil},
	{"Entra AADSTS50013 key", "AADSTS50013: Assertion failed signature validation. [Reason - The key was not found., Thumbprint of key used by client: 'X']", KeyNotFound, vEntra, nil},
	{"PyJWKClient", `Unable to find a signing key that matches: "k1"`, KeyNotFound, vPyJWT, map[string]string{"kid": "k1"}},

	// TOKEN_MALFORMED
	{"Spring malformed", "Bearer token is malformed", TokenMalformed, vSpring, nil},
	{"IdentityModel IDX14100", "IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format.", TokenMalformed, vIdentityModel, map[string]string{"code": "IDX14100"}},
	{"IdentityModel IDX12741", "IDX12741: JWT: '[PII is hidden]' must have three segments (JWS) or five segments (JWE).", TokenMalformed, vIdentityModel, nil},
	{"Graph CompactToken", "CompactToken parsing failed with error code: 80049217", TokenMalformed, vGraph, map[string]string{"code": "80049217"}},
	{"Auth0 jose", "Invalid Compact JWS", TokenMalformed, vAuth0, nil},
	{"Okta njwt", "Jwt cannot be parsed", TokenMalformed, vOkta, nil},
	{"jsonwebtoken", "jwt malformed", TokenMalformed, vJSONWebTok, nil},
	{"ASP.NET no exp", "The token has no expiration", TokenMalformed, vASPNET, map[string]string{"reason": "no_expiration"}},

	// INSUFFICIENT_SCOPE
	{"Spring / RFC 6750 text", "The request requires higher privileges than provided by the access token.", InsufficientScope, vSpring, nil},
	{"Google", "Request had insufficient authentication scopes.", InsufficientScope, vGoogle, nil},
	{"Graph missing scope", "Missing scope permissions on the request. API requires one of 'ChannelMessage.Send, Group.ReadWrite.All'. Scopes on the request 'User.Read, profile, openid, email'", InsufficientScope, vGraph,
		map[string]string{"scope": "ChannelMessage.Send Group.ReadWrite.All"}},
	{"Graph insufficient privileges", "Insufficient privileges to complete the operation.", InsufficientScope, vGraph, nil},
	{"GitHub fine-grained PAT", "Resource not accessible by personal access token", InsufficientScope, vGitHub, nil},
	{"GitHub Actions token", "Resource not accessible by integration", InsufficientScope, vGitHub, nil},
	{"GitHub GraphQL", "Your token has not been granted the required scopes to execute this query. The 'login' field requires one of the following scopes: ['read:org'], but your token has only been granted the: ['repo'] scopes.", InsufficientScope, vGitHub,
		map[string]string{"scope": "read:org"}},
	{"Auth0 default", "Insufficient Scope", InsufficientScope, vAuth0, nil},

	// STEP_UP_REQUIRED
	{"Entra AADSTS50076", "AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access 'api'.", StepUpRequired, vEntra, map[string]string{"code": "AADSTS50076"}},
	{"Entra AADSTS50079", "AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access 'api'.", StepUpRequired, vEntra, nil},
	{"RFC 9470 acr", "A different authentication level is required", StepUpRequired, vRFC9470, nil},
	{"RFC 9470 max_age", "More recent authentication is required", StepUpRequired, vRFC9470, nil},

	// CLAIMS_CHALLENGE
	{"Graph CAE", "Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp", ClaimsChallenge, vEntra,
		map[string]string{"reason": "TokenIssuedBeforeRevocationTimestamp"}},
	{"Graph SDK CAE", "Continuous access evaluation resulted in claims challenge", ClaimsChallenge, vEntra, nil},
	{"CAE error code in text", "error=insufficient_claims", ClaimsChallenge, vEntra, nil},

	// DPOP_REQUIRED
	{"Spring DPoP proof missing", "DPoP proof is missing or invalid.", DPoPRequired, vSpring, nil},
	{"generic DPoP proof required", "A DPoP proof is required for this DPoP-bound token", DPoPRequired, "", nil},

	// DPOP_NONCE_REQUIRED
	{"RFC 9449 resource server", "Resource server requires nonce in DPoP proof", DPoPNonceRequired, vRFC9449, nil},
	{"RFC 9449 authorization server", "Authorization server requires nonce in DPoP proof", DPoPNonceRequired, vRFC9449, nil},
	{"RFC 9449 code in text", "use_dpop_nonce", DPoPNonceRequired, vRFC9449, nil},

	// DPOP_PROOF_INVALID
	{"RFC 9449 key binding", "Invalid DPoP key binding", DPoPProofInvalid, vRFC9449, map[string]string{"reason": "key_binding"}},
	{"Spring ath", "ath claim is invalid.", DPoPProofInvalid, vSpring, map[string]string{"reason": "ath"}},
	{"Spring jkt", "jkt claim is invalid.", DPoPProofInvalid, vSpring, map[string]string{"reason": "key_binding"}},

	// NO_CREDENTIALS
	{"GitHub", "Requires authentication", NoCredentials, vGitHub, nil},
	{"Google", "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.", NoCredentials, vGoogle, nil},
	{"Graph empty", "Access token is empty.", NoCredentials, vGraph, nil},
	{"ARM header missing", "Authentication failed. The 'Authorization' header is missing.", NoCredentials, vAzure, nil},
	{"express-jwt", "No authorization token was found", NoCredentials, vExpressJWT, nil},
	{"FastAPI", "Not authenticated", NoCredentials, vFastAPI, nil},
	{"Django REST framework", "Authentication credentials were not provided.", NoCredentials, vDRF, nil},
	{"generic header", "Missing Authorization header", NoCredentials, "", nil},

	// INVALID_REQUEST
	{"Spring multiple tokens", "Found multiple bearer tokens in the request", InvalidRequest, vSpring, nil},
	{"RFC 9449 figure 19", "Multiple methods used to include access token", InvalidRequest, vRFC9449, nil},
	{"ARM header format", "Authentication failed. The 'Authorization' header is provided in an invalid format.", InvalidRequest, vAzure, nil},
	{"Django REST framework", "Invalid token header. No credentials provided.", InvalidRequest, vDRF, nil},

	// AWS_SIGNATURE
	{"API Gateway missing token", "Missing Authentication Token", AWSSignature, vAPIGateway, map[string]string{"reason": "missing_authentication_token"}},
	{"AWS invalid security token", "The security token included in the request is invalid.", AWSSignature, vAWS, map[string]string{"reason": "invalid_security_token"}},
	{"AWS signature mismatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", AWSSignature, vAWS, map[string]string{"reason": "signature_mismatch"}},
	{"S3 InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", AWSSignature, vAWS, nil},
	{"AWS IncompleteSignature", "'abc' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 abc'.", AWSSignature, vAWS, map[string]string{"reason": "incomplete_signature"}},

	// FORBIDDEN_AUTHZ
	{"Kubernetes namespaced", `pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"`, ForbiddenAuthz, vKubernetes,
		map[string]string{"user": "system:serviceaccount:default:default", "verb": "list", "resource": "pods", "namespace": "default"}},
	{"Kubernetes cluster scope", `nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope`, ForbiddenAuthz, vKubernetes,
		map[string]string{"user": "alice", "cluster_scope": "true"}},
	{"Kubernetes named subresource", `pods "web-0" is forbidden: User "bob" cannot create resource "pods/exec" in API group "" in the namespace "prod"`, ForbiddenAuthz, vKubernetes,
		map[string]string{"name": "web-0", "resource": "pods/exec", "verb": "create"}},
	{"Kubernetes anonymous path", `forbidden: User "system:anonymous" cannot get path "/"`, ForbiddenAuthz, vKubernetes, map[string]string{"path": "/", "user": "system:anonymous"}},
	{"AWS IAM", "User: arn:aws:sts::123456789012:assumed-role/dev/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::bucket/key because no identity-based policy allows the s3:GetObject action", ForbiddenAuthz, vAWS,
		map[string]string{"principal": "arn:aws:sts::123456789012:assumed-role/dev/alice", "action": "s3:GetObject", "resource": "arn:aws:s3:::bucket/key"}},
	{"API Gateway explicit deny", "User is not authorized to access this resource with an explicit deny", ForbiddenAuthz, vAPIGateway, map[string]string{"reason": "explicit_deny"}},
	{"Google", "The caller does not have permission", ForbiddenAuthz, vGoogle, nil},
	{"ARM AuthorizationFailed", "The client 'alice@contoso.com' with object id '1234' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/abc' or the scope is invalid.", ForbiddenAuthz, vAzure,
		map[string]string{"action": "Microsoft.Resources/subscriptions/resourcegroups/read"}},
	{"Azure Storage RBAC", "This request is not authorized to perform this operation using this permission.", ForbiddenAuthz, vStorage, nil},
	{"Entra conditional access", "AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.", ForbiddenAuthz, vEntra, nil},

	// WRONG_ENVIRONMENT
	{"Entra AADSTS90002", "AADSTS90002: Tenant 'contoso.onmicrosoft.us' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.", WrongEnvironment, vEntra,
		map[string]string{"tenant": "contoso.onmicrosoft.us"}},
	{"Entra AADSTS700016", "AADSTS700016: Application with identifier 'c44b4083' was not found in the directory 'Contoso'.", WrongEnvironment, vEntra,
		map[string]string{"client_id": "c44b4083", "tenant": "Contoso"}},
	{"Entra AADSTS50020", "AADSTS50020: User account 'bob@fabrikam.com' from identity provider 'live.com' does not exist in tenant 'Contoso' and cannot access the application", WrongEnvironment, vEntra, nil},

	// TOKEN_REVOKED
	{"Entra AADSTS50173", "AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '2023-01-01T00:00:00.0000000Z' and the TokensValidFrom date (before which tokens are not valid) for this user is '2023-02-01T00:00:00.0000000Z'.", TokenRevoked, vEntra,
		map[string]string{"token": "refresh_token", "issued_at": "2023-01-01T00:00:00Z", "revoked_at": "2023-02-01T00:00:00Z"}},
	{"Entra AADSTS700082", "AADSTS700082: The refresh token has expired due to inactivity. The token was issued on 2021-02-20T02:58:17.0350262Z and was inactive for 90.00:00:00.", TokenRevoked, vEntra,
		map[string]string{"issued_at": "2021-02-20T02:58:17Z"}},
	{"Keycloak session", "Session not active", TokenRevoked, vKeycloak, map[string]string{"reason": "session_ended"}},
	{"Keycloak stale", "Stale token", TokenRevoked, vKeycloak, nil},
	{"Google OAuth", "Token has been expired or revoked.", TokenRevoked, vGoogle, map[string]string{"token": "refresh_token"}},

	// INVALID_CLIENT
	{"Entra AADSTS7000215", "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.", InvalidClient, vEntra, map[string]string{"reason": "invalid_secret"}},
	{"Entra AADSTS7000222", "AADSTS7000222: The provided client secret keys for app 'abc' are expired.", InvalidClient, vEntra, map[string]string{"reason": "expired_secret", "token": "client_secret"}},
	{"Keycloak", "Invalid client or Invalid client credentials", InvalidClient, vKeycloak, nil},

	// CONSENT_REQUIRED
	{"Entra AADSTS65001", "AADSTS65001: The user or administrator has not consented to use the application with ID 'abc' named 'app'. Send an interactive authorization request for this user and resource.", ConsentRequired, vEntra, nil},
	{"Entra AADSTS90094", "AADSTS90094: The grant requires admin permission.", ConsentRequired, vEntra, nil},

	// INVALID_GRANT, INVALID_SCOPE, RATE_LIMITED
	{"Keycloak refresh", "Invalid refresh token", InvalidGrant, vKeycloak, nil},
	{"Entra AADSTS54005", "AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.", InvalidGrant, vEntra, nil},
	{"Entra AADSTS70011", "AADSTS70011: The provided value for the input parameter 'scope' isn't valid. The scope https://example.contoso.com/activity.read isn't valid.", InvalidScope, vEntra, nil},
	{"Entra AADSTS28002", "AADSTS28002: Provided value for the input parameter scope 'x' is not valid when requesting an access token.", InvalidScope, vEntra, nil},
	{"GitHub", "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit.)", RateLimited, vGitHub, nil},
	{"Google", "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute' of service 'sheets.googleapis.com'", RateLimited, vGoogle, nil},
}

func TestClassifyRealWordings(t *testing.T) {
	for _, c := range realWordings {
		t.Run(c.id+"/"+c.name, func(t *testing.T) {
			got := Classify("error_description", c.text)
			if len(got) == 0 {
				t.Fatalf("Classify(%q) = nothing, want %s", c.text, c.id)
			}
			st := got[0]
			if st.ID != c.id || st.Vendor != c.vendor {
				t.Fatalf("Classify(%q)[0] = %s/%q, want %s/%q (all: %+v)", c.text, st.ID, st.Vendor, c.id, c.vendor, got)
			}
			if st.Source != "error_description" {
				t.Errorf("Source = %q", st.Source)
			}
			checkQuote(t, c.text, st.Quote)
			for k, want := range c.values {
				if st.Values[k] != want {
					t.Errorf("Values[%q] = %q, want %q (all: %v)", k, st.Values[k], want, st.Values)
				}
			}
		})
	}
}

// checkQuote: the quote is the server's own text (possibly cut with "…").
func checkQuote(t *testing.T, text, q string) {
	t.Helper()
	if q == "" {
		t.Fatal("empty quote")
	}
	if utf8.RuneCountInString(q) > maxQuote {
		t.Errorf("quote has %d runes", utf8.RuneCountInString(q))
	}
	if !strings.Contains(text, strings.TrimSuffix(q, "…")) {
		t.Errorf("quote %q is not in the text %q", q, text)
	}
}

// TestEveryIDHasTwoWordings keeps the table honest.
func TestEveryIDHasTwoWordings(t *testing.T) {
	count := map[string]int{}
	for _, c := range realWordings {
		count[c.id]++
	}
	for _, id := range []string{TokenExpired, TokenNotYetValid, ClockSkew, AudienceMismatch, IssuerMismatch,
		SignatureInvalid, KeyNotFound, TokenMalformed, InsufficientScope, StepUpRequired, ClaimsChallenge,
		DPoPRequired, DPoPNonceRequired, DPoPProofInvalid, NoCredentials, InvalidRequest, AWSSignature,
		ForbiddenAuthz, WrongEnvironment, TokenRevoked, InvalidClient, ConsentRequired, InvalidGrant,
		InvalidScope, RateLimited} {
		if count[id] < 2 {
			t.Errorf("%s has %d wordings, want at least 2", id, count[id])
		}
	}
}
