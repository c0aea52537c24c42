package servermsg

// Diagnosis ids from the CONTRACT that this package can emit.
const (
	NoCredentials     = "NO_CREDENTIALS"
	TokenExpired      = "TOKEN_EXPIRED"
	TokenNotYetValid  = "TOKEN_NOT_YET_VALID"
	ClockSkew         = "CLOCK_SKEW"
	AudienceMismatch  = "AUDIENCE_MISMATCH"
	IssuerMismatch    = "ISSUER_MISMATCH"
	SignatureInvalid  = "SIGNATURE_INVALID"
	KeyNotFound       = "KEY_NOT_FOUND"
	TokenMalformed    = "TOKEN_MALFORMED"
	InsufficientScope = "INSUFFICIENT_SCOPE"
	StepUpRequired    = "STEP_UP_REQUIRED"
	ClaimsChallenge   = "CLAIMS_CHALLENGE"
	DPoPRequired      = "DPOP_REQUIRED"
	DPoPNonceRequired = "DPOP_NONCE_REQUIRED"
	DPoPProofInvalid  = "DPOP_PROOF_INVALID"
	InvalidRequest    = "INVALID_REQUEST"
	AWSSignature      = "AWS_SIGNATURE"
	ForbiddenAuthz    = "FORBIDDEN_AUTHZ"
	WrongEnvironment  = "WRONG_ENVIRONMENT"
)

// Ids this package adds; doc.go says what each means.
const (
	TokenRevoked    = "TOKEN_REVOKED"
	InvalidClient   = "INVALID_CLIENT"
	ConsentRequired = "CONSENT_REQUIRED"
	InvalidGrant    = "INVALID_GRANT"
	InvalidScope    = "INVALID_SCOPE"
	RateLimited     = "RATE_LIMITED"
)

// Vendor names used in Statement.Vendor.
const (
	vASPNET     = "ASP.NET Core"
	vSpring     = "Spring Security"
	vKeycloak   = "Keycloak"
	vEntra      = "Microsoft Entra"
	vAzure      = "Microsoft Azure"
	vGraph      = "Microsoft Graph"
	vStorage    = "Azure Storage"
	vAPIGateway = "AWS API Gateway"
	vAWS        = "AWS"
	vGoogle     = "Google"
	vOkta       = "Okta"
	vAuth0      = "Auth0"
	vKubernetes = "Kubernetes"
	vGitHub     = "GitHub"
	vRFC6749    = "RFC 6749"
	vRFC6750    = "RFC 6750"
	vRFC9449    = "RFC 9449"
	vRFC9470    = "RFC 9470"
	vJSONWebTok = "jsonwebtoken"
	vGolangJWT  = "golang-jwt"
	vPyJWT      = "PyJWT"
)
