package claims

// Links used by several entries.
const (
	rfc7519      = "https://www.rfc-editor.org/rfc/rfc7519#section-"
	rfc8417      = "https://www.rfc-editor.org/rfc/rfc8417#section-2.2"
	rfc8693      = "https://www.rfc-editor.org/rfc/rfc8693#section-"
	rfc9068      = "https://www.rfc-editor.org/rfc/rfc9068#section-"
	rfc9449Proof = "https://www.rfc-editor.org/rfc/rfc9449#section-4.2"
	oidcCore     = "https://openid.net/specs/openid-connect-core-1_0.html#"

	msAccess    = "https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference"
	msIDToken   = "https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference"
	msOptional  = "https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims-reference"
	keycloakDoc = "https://www.keycloak.org/docs/latest/server_admin/index.html"
	cognitoAT   = "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html"
	cognitoID   = "https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html"
	oktaAT      = "https://developer.okta.com/docs/api/openapi/okta-oauth/guides/overview/#access-token"
	githubOIDC  = "https://docs.github.com/en/actions/reference/security/oidc"
)

// Vendor names, spelled once so that filters and tests agree.
const (
	vMicrosoft  = "Microsoft Entra"
	vAuth0      = "Auth0"
	vOkta       = "Okta"
	vKeycloak   = "Keycloak"
	vCognito    = "AWS Cognito"
	vGoogle     = "Google"
	vDocker     = "Docker (CNCF Distribution)"
	vGitHub     = "GitHub Actions"
	vKubernetes = "Kubernetes"

	specMicrosoft = "Microsoft identity platform (vendor)"
	specKeycloak  = "Keycloak (vendor)"
	specCognito   = "Amazon Cognito (vendor)"
	specGitHub    = "GitHub Actions OIDC (vendor)"
)

// claimEntries returns the payload claim dictionary, unsorted. It builds a
// new slice on every call. One name has one entry: where standards and
// vendors use the same name differently, the entry says so in Meaning.
func claimEntries() []Entry {
	std := standardClaims()
	return append(std, vendorClaims()...)
}

// oidcStd builds an OIDC Core §5.1 standard (profile) claim.
func oidcStd(name, title, meaning string, kind Kind) Entry {
	return Entry{Name: name, Title: title, Meaning: meaning, Spec: "OIDC Core §5.1", URL: oidcCore + "StandardClaims", Kind: kind}
}

func standardClaims() []Entry {
	return []Entry{
		// RFC 7519 §4.1 registered claims.
		{
			Name:    "iss",
			Title:   "Issuer",
			Meaning: "Who issued the token, usually the authorization server's URL. The API compares it exactly with the issuer it trusts (a trailing slash, http vs https, or Entra v1 sts.windows.net vs v2 login.microsoftonline.com all count), so a token from another tenant, realm or environment is refused.",
			Spec:    "RFC 7519 §4.1.1",
			URL:     rfc7519 + "4.1.1",
			Kind:    URL,
		},
		{
			Name:    "sub",
			Title:   "Subject",
			Meaning: "Whom the token is about: a user ID, or for client-credentials tokens usually the client. It is unique only within its issuer, so identify principals by iss plus sub, not by email or name.",
			Spec:    "RFC 7519 §4.1.2",
			URL:     rfc7519 + "4.1.2",
			Kind:    Text,
		},
		{
			Name:    "aud",
			Title:   "Audience",
			Meaning: "Whom the token is for, as one string or an array: the API must find its own identifier here, and a token for another API, or an ID token (whose aud is the client ID), is refused. Keycloak often sends only 'account' until an audience mapper adds your API; Cognito access tokens have no aud (see client_id).",
			Spec:    "RFC 7519 §4.1.3",
			URL:     rfc7519 + "4.1.3",
			Kind:    Array,
		},
		{
			Name:    "exp",
			Title:   "Expiration time",
			Meaning: "The token is refused at or after this instant, apart from a small clock-skew leeway. Get a new token (refresh) rather than retrying; a value in milliseconds or as a string is an issuer bug.",
			Spec:    "RFC 7519 §4.1.4",
			URL:     rfc7519 + "4.1.4",
			Kind:    Time,
		},
		{
			Name:    "nbf",
			Title:   "Not before",
			Meaning: "The token is refused before this instant. A brand-new token rejected as not yet valid usually means the issuer's and the server's clocks disagree.",
			Spec:    "RFC 7519 §4.1.5",
			URL:     rfc7519 + "4.1.5",
			Kind:    Time,
		},
		{
			Name:    "iat",
			Title:   "Issued at",
			Meaning: "When the token was created. Servers use it for maximum-age rules and it reveals clock skew: an iat in the future means the clocks disagree.",
			Spec:    "RFC 7519 §4.1.6",
			URL:     rfc7519 + "4.1.6",
			Kind:    Time,
		},
		{
			Name:    "jti",
			Title:   "JWT ID",
			Meaning: "Unique identifier of this token, used to detect replay and to revoke one token. RFC 9068 access tokens and DPoP proofs require it; a server that has seen the jti before refuses the token as replayed.",
			Spec:    "RFC 7519 §4.1.7",
			URL:     rfc7519 + "4.1.7",
			Kind:    Text,
		},

		// OpenID Connect ID token (Core §2 and the flow sections).
		{
			Name:    "auth_time",
			Title:   "Authentication time",
			Meaning: "When the user last actively signed in, not when the token was issued. An API enforcing a maximum authentication age (RFC 9470 max_age) refuses an older value with insufficient_user_authentication; signing in again fixes it.",
			Spec:    "OIDC Core §2; RFC 9470 §6.1",
			URL:     oidcCore + "IDToken",
			Kind:    Time,
		},
		{
			Name:    "nonce",
			Title:   "Nonce",
			Meaning: "In an ID token, the value the client sent in its authorization request, echoed back; the client must check it matches to stop replay. In a DPoP proof, the server-supplied nonce (from a DPoP-Nonce header after a use_dpop_nonce error) that the proof must repeat.",
			Spec:    "OIDC Core §2; RFC 9449 §4.2",
			URL:     oidcCore + "IDToken",
			Kind:    Text,
		},
		{
			Name:    "acr",
			Title:   "Authentication context class",
			Meaning: "How strong the sign-in was, as an issuer-defined value (for example mfa, a LoA URN, or Keycloak's 1 for a fresh login and 0 for SSO). An API that needs a stronger class refuses with insufficient_user_authentication and acr_values (RFC 9470 step-up).",
			Spec:    "OIDC Core §2; RFC 9068 §2.2.1; RFC 9470 §6.1",
			URL:     oidcCore + "IDToken",
			Kind:    Text,
		},
		{
			Name:    "amr",
			Title:   "Authentication methods",
			Meaning: "How the user authenticated, e.g. pwd, otp, sms, hwk, mfa (values registered by RFC 8176). Policies asking 'was MFA used?' look here.",
			Spec:    "OIDC Core §2; RFC 8176 §2",
			URL:     oidcCore + "IDToken",
			Kind:    Array,
		},
		{
			Name:    "azp",
			Title:   "Authorized party",
			Meaning: "The client the token was issued to. Required in ID tokens with several audiences; Entra v2, Auth0 and Keycloak also put the calling client here in access tokens, so an API that allows only certain clients checks azp (Entra v1 uses appid).",
			Spec:    "OIDC Core §2",
			URL:     oidcCore + "IDToken",
			Kind:    Text,
		},
		{
			Name:    "at_hash",
			Title:   "Access token hash",
			Meaning: "Left half of a hash of the access token issued together with this ID token, base64url-encoded. It lets the client check that the two belong together; it says nothing about whether an API accepts the access token.",
			Spec:    "OIDC Core §3.1.3.6",
			URL:     oidcCore + "CodeIDToken",
			Kind:    Text,
		},
		{
			Name:    "c_hash",
			Title:   "Code hash",
			Meaning: "Left half of a hash of the authorization code returned with this ID token (hybrid flow), so the client can check the code was not swapped.",
			Spec:    "OIDC Core §3.3.2.11",
			URL:     oidcCore + "HybridIDToken",
			Kind:    Text,
		},
		{
			Name:    "sid",
			Title:   "Session ID",
			Meaning: "The sign-in session at the identity provider that this token belongs to, used by front- and back-channel logout. Servers that check sessions (e.g. through introspection) refuse the token once that session is logged out, even before exp.",
			Spec:    "OpenID Connect Front-Channel Logout §3",
			URL:     "https://openid.net/specs/openid-connect-frontchannel-1_0.html#OPLogout",
			Kind:    Text,
		},

		// OpenID Connect standard claims (Core §5.1). Profile data for
		// display: none of it is a stable key for authorization.
		oidcStd("name", "Full name", "The user's full name for display. It can change and is not unique; never authorize on it.", Text),
		oidcStd("given_name", "Given name", "The user's given (first) name, for display only.", Text),
		oidcStd("family_name", "Family name", "The user's family (last) name, for display only.", Text),
		oidcStd("middle_name", "Middle name", "The user's middle name, for display only.", Text),
		oidcStd("nickname", "Nickname", "A casual name for the user, for display only.", Text),
		oidcStd("preferred_username", "Preferred username", "The name the user signs in with (Entra: the UPN or email; Keycloak: the username). It is neither unique nor stable, so authorize on iss plus sub (or Entra oid), not on this.", Text),
		oidcStd("profile", "Profile page", "URL of the user's profile page. Shown, never fetched.", URL),
		oidcStd("picture", "Picture", "URL of the user's picture. Shown, never fetched.", URL),
		oidcStd("website", "Website", "URL of the user's web site or blog. Shown, never fetched.", URL),
		oidcStd("email", "Email address", "The user's email address. It can change and may be unverified, so trust it only when email_verified is true and never use it as the account key.", Text),
		oidcStd("email_verified", "Email verified", "true when the issuer has verified that the user controls the email address. Treat a missing value as not verified.", Bool),
		oidcStd("gender", "Gender", "The user's gender as the user stated it, for display only.", Text),
		oidcStd("birthdate", "Birthdate", "Date of birth as YYYY-MM-DD, or YYYY alone; a year of 0000 means the year was withheld.", Text),
		oidcStd("zoneinfo", "Time zone", "The user's time zone as an IANA name, e.g. Europe/Paris.", Text),
		oidcStd("locale", "Locale", "The user's locale as a BCP 47 tag, e.g. en-US.", Text),
		oidcStd("phone_number", "Phone number", "The user's phone number, preferably in E.164 form. Trust it only when phone_number_verified is true.", Text),
		oidcStd("phone_number_verified", "Phone number verified", "true when the issuer has verified that the user controls the phone number.", Bool),
		{
			Name:    "address",
			Title:   "Postal address",
			Meaning: "The user's postal address as an object (formatted, street_address, locality, region, postal_code, country). Personal data: an unencrypted JWT exposes it to anyone holding the token.",
			Spec:    "OIDC Core §5.1.1",
			URL:     oidcCore + "AddressClaim",
			Kind:    Object,
		},
		oidcStd("updated_at", "Profile updated at", "When the user's profile information last changed.", Time),
		{
			Name:    "_claim_names",
			Title:   "Aggregated/distributed claim names",
			Meaning: "Maps claim names to entries in _claim_sources when their values live elsewhere. Entra uses it for groups overage: a user in too many groups gets no groups claim, and this points to Microsoft Graph instead, so an API reading only groups wrongly refuses the user.",
			Spec:    "OIDC Core §5.6.2",
			URL:     oidcCore + "AggregatedDistributedClaims",
			Kind:    Object,
		},
		{
			Name:    "_claim_sources",
			Title:   "Aggregated/distributed claim sources",
			Meaning: "Where the claims named in _claim_names can be found: an embedded JWT or an endpoint URL (Entra: a Microsoft Graph URL for groups overage).",
			Spec:    "OIDC Core §5.6.2",
			URL:     oidcCore + "AggregatedDistributedClaims",
			Kind:    Object,
		},

		// OAuth access-token claims.
		{
			Name:    "client_id",
			Title:   "Client ID",
			Meaning: "The OAuth client the token was issued to; required in RFC 9068 access tokens. Cognito access tokens carry the app client ID here and have no aud, so a Cognito-protected API checks client_id instead of aud.",
			Spec:    "RFC 8693 §4.3; RFC 9068 §2.2",
			URL:     rfc8693 + "4.3",
			Kind:    Text,
		},
		{
			Name:    "scope",
			Title:   "Scope",
			Meaning: "Space-separated scopes granted to the client. A 403 with insufficient_scope means the scope named in the challenge is missing here; request it (and get consent) and fetch a new token.",
			Spec:    "RFC 8693 §4.2; RFC 9068 §2.2.3",
			URL:     rfc8693 + "4.2",
			Kind:    List,
		},
		{
			Name:    "roles",
			Title:   "Roles",
			Meaning: "Roles of the subject, but what they are depends on the issuer. Entra puts app roles assigned to the user here, or for app-only tokens the application permissions granted (e.g. Files.Read.All); Keycloak uses realm_access/resource_access instead, and Auth0 and Okta emit roles only through custom claims. After a role change a new token is needed.",
			Spec:    "RFC 9068 §2.2.3.1 (RFC 7643 §4.1.2)",
			URL:     rfc9068 + "2.2.3.1",
			Kind:    Array,
		},
		{
			Name:    "groups",
			Title:   "Groups",
			Meaning: "Groups the subject belongs to. Entra sends group object IDs (GUIDs), not names, and omits the claim when there are too many (see _claim_names and hasgroups); Okta and Keycloak send names or paths only when a groups claim or mapper is configured.",
			Spec:    "RFC 9068 §2.2.3.1 (RFC 7643 §4.1.2)",
			URL:     rfc9068 + "2.2.3.1",
			Kind:    Array,
		},
		{
			Name:    "entitlements",
			Title:   "Entitlements",
			Meaning: "Entitlements (rights) of the subject, as defined by the SCIM user schema. Their values are deployment-specific.",
			Spec:    "RFC 9068 §2.2.3.1 (RFC 7643 §4.1.2)",
			URL:     rfc9068 + "2.2.3.1",
			Kind:    Array,
		},
		{
			Name:    "act",
			Title:   "Actor",
			Meaning: "Delegation: the party acting on behalf of sub (after a token exchange), with nested act members for earlier actors in the chain. Authorization is normally about sub; act says who is actually calling.",
			Spec:    "RFC 8693 §4.1",
			URL:     rfc8693 + "4.1",
			Kind:    Object,
		},
		{
			Name:    "may_act",
			Title:   "Authorized actor",
			Meaning: "The party allowed to act on behalf of sub, i.e. to exchange this token for a delegated one. A token exchange by anyone else is refused.",
			Spec:    "RFC 8693 §4.4",
			URL:     rfc8693 + "4.4",
			Kind:    Object,
		},
		{
			Name:    "cnf",
			Title:   "Confirmation (key binding)",
			Meaning: "The key the token is bound to. cnf.jkt (RFC 9449 §6.1) needs a DPoP proof signed with that key on every request; cnf.x5t#S256 (RFC 8705 §3.1) needs the same client TLS certificate. A bound token sent as a plain Bearer token, or with another key, is refused.",
			Spec:    "RFC 7800 §3.1",
			URL:     "https://www.rfc-editor.org/rfc/rfc7800#section-3.1",
			Kind:    Object,
		},
		{
			Name:    "authorization_details",
			Title:   "Authorization details",
			Meaning: "Fine-grained permissions as typed objects (e.g. a payment of a given amount), granted instead of or beside scopes (Rich Authorization Requests). The API checks the object for its type, actions and locations.",
			Spec:    "RFC 9396 §9.1",
			URL:     "https://www.rfc-editor.org/rfc/rfc9396#section-9.1",
			Kind:    Array,
		},

		// DPoP proof claims (RFC 9449 §4.2).
		{
			Name:    "htm",
			Title:   "HTTP method (DPoP)",
			Meaning: "The HTTP method of the request this DPoP proof is for. It must equal the method actually used, or the proof is refused.",
			Spec:    "RFC 9449 §4.2",
			URL:     rfc9449Proof,
			Kind:    Text,
		},
		{
			Name:    "htu",
			Title:   "HTTP URI (DPoP)",
			Meaning: "The request URL this DPoP proof is for, without query and fragment. It must match the URL the server sees; a proxy or gateway that rewrites host, port or path makes valid proofs fail.",
			Spec:    "RFC 9449 §4.2",
			URL:     rfc9449Proof,
			Kind:    URL,
		},
		{
			Name:    "ath",
			Title:   "Access token hash (DPoP)",
			Meaning: "Base64url SHA-256 of the access token sent with this DPoP proof. Required when calling an API; a proof made for another (e.g. refreshed) token is refused.",
			Spec:    "RFC 9449 §4.2",
			URL:     rfc9449Proof,
			Kind:    Text,
		},

		// Security event tokens (RFC 8417).
		{
			Name:    "events",
			Title:   "Security events",
			Meaning: "Marks a security event token (SET), such as a back-channel logout token: event-type URIs mapped to event data. It is a notification, not an access token, and an API must not accept it as one.",
			Spec:    "RFC 8417 §2.2; OpenID Connect Back-Channel Logout §2.4",
			URL:     rfc8417,
			Kind:    Object,
		},
		{
			Name:    "toe",
			Title:   "Time of event",
			Meaning: "In a security event token, when the event happened (as opposed to iat, when the SET was issued).",
			Spec:    "RFC 8417 §2.2",
			URL:     rfc8417,
			Kind:    Time,
		},
		{
			Name:    "txn",
			Title:   "Transaction ID",
			Meaning: "Identifier of the transaction the token or event belongs to, for correlating logs across services.",
			Spec:    "RFC 8417 §2.2",
			URL:     rfc8417,
			Kind:    Text,
		},
	}
}

func vendorClaims() []Entry {
	return []Entry{
		// Microsoft Entra ID (Azure AD).
		{
			Name:    "scp",
			Title:   "Scopes (delegated)",
			Meaning: "Delegated permissions granted to the calling app on behalf of the user. Entra sends a space-separated string (e.g. User.Read Files.ReadWrite), Okta a JSON array. App-only tokens have no scp and carry roles instead; a 403 usually means the scope the API checks is missing.",
			Spec:    "Microsoft identity platform (vendor); Okta (vendor)",
			URL:     msAccess,
			Kind:    List,
			Vendor:  vMicrosoft + ", " + vOkta,
		},
		{
			Name:    "tid",
			Title:   "Tenant ID",
			Meaning: "The Entra tenant (directory GUID) that issued the token; iss contains the same GUID. A single-tenant API refuses tokens from other tenants, a common 401 cause; 9188040d-6c67-4c5b-b112-36a304b66dad means a personal Microsoft account.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "oid",
			Title:   "Object ID",
			Meaning: "The user's or service principal's immutable ID in the tenant, the same for every app. Authorize on tid plus oid; sub differs per application.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "appid",
			Title:   "Application ID (v1.0)",
			Meaning: "In v1.0 access tokens, the client ID of the calling application (v2.0 tokens use azp). APIs that allow only certain clients check it.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "appidacr",
			Title:   "Client authentication method (v1.0)",
			Meaning: "How the calling client authenticated in v1.0 tokens: 0 public client (no secret), 1 client secret, 2 certificate. v2.0 tokens use azpacr.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "azpacr",
			Title:   "Client authentication method (v2.0)",
			Meaning: "How the calling client authenticated in v2.0 tokens: 0 public client (no secret), 1 client secret, 2 certificate.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "idp",
			Title:   "Identity provider",
			Meaning: "Who authenticated the user. Equal to iss for members of the tenant; different for guests (B2B) and personal accounts, whose tid is then not their home tenant.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "idtyp",
			Title:   "Token type (optional claim)",
			Meaning: "app marks an app-only (client-credentials) token, user a token for a signed-in user. An API that offers only delegated permissions refuses app tokens.",
			Spec:    specMicrosoft,
			URL:     msOptional,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "upn",
			Title:   "User principal name",
			Meaning: "The user's sign-in name (user@domain). It can change and is absent for some account types, so display it but authorize on oid.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "unique_name",
			Title:   "Unique name (v1.0)",
			Meaning: "In v1.0 tokens, a human-readable name for the user, for display only; it is not guaranteed unique or stable.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "ver",
			Title:   "Token version",
			Meaning: "Entra token format, 1.0 or 2.0, chosen by the API's app registration (requestedAccessTokenVersion), not by the endpoint the client used. v1 and v2 differ in iss and often aud, a frequent cause of 401s from a validator configured for the other version. Okta sends ver 1 with its own meaning.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "wids",
			Title:   "Directory role IDs",
			Meaning: "Template IDs of tenant-wide Entra directory roles (e.g. Global Administrator) held by the user. These are not the app's own roles, which are in roles.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Array,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "xms_cc",
			Title:   "Client capabilities",
			Meaning: "Capabilities the client declared; cp1 means it can handle claims challenges. Such clients may get long-lived CAE tokens that an API revokes early by answering 401 with a claims challenge, which the client must pass back when it asks for a new token.",
			Spec:    specMicrosoft,
			URL:     "https://learn.microsoft.com/en-us/entra/identity-platform/claims-challenge",
			Kind:    Array,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "acrs",
			Title:   "Authentication context IDs",
			Meaning: "Conditional Access authentication contexts (c1, c2 …) the sign-in satisfied. An API that requires one answers 401 with a claims challenge naming it; the user must sign in again to meet that policy.",
			Spec:    specMicrosoft,
			URL:     "https://learn.microsoft.com/en-us/entra/identity-platform/developer-guide-conditional-access-authentication-context",
			Kind:    Array,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "hasgroups",
			Title:   "Has groups",
			Meaning: "Stands in for groups when the list would not fit (e.g. implicit flow): the user is in groups, which must be read from Microsoft Graph.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Bool,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "uti",
			Title:   "Token identifier",
			Meaning: "Entra's per-token unique ID, equivalent to jti; quote it when asking Microsoft support about a token.",
			Spec:    specMicrosoft,
			URL:     msIDToken,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "aio",
			Title:   "Internal (opaque)",
			Meaning: "Opaque data Entra uses internally for token reuse. Ignore it; it explains nothing about a 401.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},
		{
			Name:    "rh",
			Title:   "Internal (opaque)",
			Meaning: "Opaque data Entra uses internally to revalidate tokens. Ignore it.",
			Spec:    specMicrosoft,
			URL:     msAccess,
			Kind:    Text,
			Vendor:  vMicrosoft,
		},

		// Auth0.
		{
			Name:    "permissions",
			Title:   "Permissions (RBAC)",
			Meaning: "The user's RBAC permissions for this API, present only when the API has RBAC and 'Add Permissions in the Access Token' enabled. Missing or empty usually means no audience was requested (opaque token), RBAC is off, or no assigned role grants the permission.",
			Spec:    "Auth0 (vendor)",
			URL:     "https://auth0.com/docs/get-started/apis/enable-role-based-access-control-for-apis",
			Kind:    Array,
			Vendor:  vAuth0,
		},
		{
			Name:    "org_id",
			Title:   "Organization ID",
			Meaning: "The Auth0 Organization the user signed in through. A multi-tenant API must check it matches the tenant being accessed, or one customer's token reaches another's data.",
			Spec:    "Auth0 (vendor)",
			URL:     "https://auth0.com/docs/manage-users/organizations/using-tokens",
			Kind:    Text,
			Vendor:  vAuth0,
		},

		// Okta.
		{
			Name:    "cid",
			Title:   "Client ID",
			Meaning: "In Okta access tokens, the client ID of the app that requested the token.",
			Spec:    "Okta (vendor)",
			URL:     oktaAT,
			Kind:    Text,
			Vendor:  vOkta,
		},
		{
			Name:    "uid",
			Title:   "User ID",
			Meaning: "In Okta access tokens, the Okta user ID (00u…); absent in client-credentials tokens, which have no user.",
			Spec:    "Okta (vendor)",
			URL:     oktaAT,
			Kind:    Text,
			Vendor:  vOkta,
		},

		// Keycloak.
		{
			Name:    "realm_access",
			Title:   "Realm roles",
			Meaning: "{\"roles\": […]}: the user's realm-level roles. Keycloak adapters and most libraries read roles here, not from a top-level roles claim; a role missing here (e.g. left out by the client's scope settings) gives a 403.",
			Spec:    specKeycloak,
			URL:     keycloakDoc,
			Kind:    Object,
			Vendor:  vKeycloak,
		},
		{
			Name:    "resource_access",
			Title:   "Client roles",
			Meaning: "{\"client-id\": {\"roles\": […]}}: the user's client roles, per client. The API must look under its own client ID; roles under another client do not count.",
			Spec:    specKeycloak,
			URL:     keycloakDoc,
			Kind:    Object,
			Vendor:  vKeycloak,
		},
		{
			Name:    "typ",
			Title:   "Token type (Keycloak payload)",
			Meaning: "Keycloak's own token type in the payload: Bearer for access tokens, ID for ID tokens, Refresh or Offline for refresh tokens. Not the header typ; an API should refuse anything but Bearer here.",
			Spec:    specKeycloak,
			URL:     keycloakDoc,
			Kind:    Text,
			Vendor:  vKeycloak,
		},
		{
			Name:    "session_state",
			Title:   "Session state",
			Meaning: "Keycloak's user-session ID (the same value as sid). Once that session ends (logout, idle timeout, admin action) introspection and userinfo reject the token, even before exp.",
			Spec:    specKeycloak,
			URL:     keycloakDoc,
			Kind:    Text,
			Vendor:  vKeycloak,
		},
		{
			Name:    "allowed-origins",
			Title:   "Allowed origins",
			Meaning: "Web origins the client may call from (CORS). A browser request from another origin fails the CORS check, which is not an authentication failure.",
			Spec:    specKeycloak,
			URL:     keycloakDoc,
			Kind:    Array,
			Vendor:  vKeycloak,
		},

		// AWS Cognito.
		{
			Name:    "token_use",
			Title:   "Token use",
			Meaning: "access or id. Cognito-aware verifiers (API Gateway authorizers, aws-jwt-verify) refuse an ID token where an access token is expected and vice versa.",
			Spec:    specCognito,
			URL:     cognitoAT,
			Kind:    Text,
			Vendor:  vCognito,
		},
		{
			Name:    "cognito:groups",
			Title:   "Cognito groups",
			Meaning: "Names of the user-pool groups the user belongs to. Changes show up only in tokens issued after the change.",
			Spec:    specCognito,
			URL:     cognitoAT,
			Kind:    Array,
			Vendor:  vCognito,
		},
		{
			Name:    "cognito:username",
			Title:   "Cognito username",
			Meaning: "In ID tokens, the user's user-pool username (access tokens use username). Not necessarily the email; authorize on sub.",
			Spec:    specCognito,
			URL:     cognitoID,
			Kind:    Text,
			Vendor:  vCognito,
		},
		{
			Name:    "username",
			Title:   "Username",
			Meaning: "In Cognito access tokens, the user's user-pool username. Not necessarily the email; authorize on sub.",
			Spec:    specCognito,
			URL:     cognitoAT,
			Kind:    Text,
			Vendor:  vCognito,
		},
		{
			Name:    "origin_jti",
			Title:   "Origin JTI",
			Meaning: "Ties the token to the refresh token it descends from. Revoking that refresh token revokes every token with the same origin_jti: Cognito's own endpoints refuse it before exp, though offline verifiers do not notice.",
			Spec:    specCognito,
			URL:     cognitoAT,
			Kind:    Text,
			Vendor:  vCognito,
		},

		// Google.
		{
			Name:    "hd",
			Title:   "Hosted domain",
			Meaning: "The Google Workspace or Cloud organization domain of the account; absent for consumer Gmail accounts. Apps limited to one domain must check this claim, not the email suffix.",
			Spec:    "Google OpenID Connect (vendor)",
			URL:     "https://developers.google.com/identity/openid-connect/openid-connect",
			Kind:    Text,
			Vendor:  vGoogle,
		},

		// Container registries.
		{
			Name:    "access",
			Title:   "Registry access",
			Meaning: "[{type, name, actions}] granted by a registry token service, e.g. repository samalba/my-app with [pull, push]. The registry answers 401 when the action or repository it needs is not listed; clients then ask the token service for a new token with that scope.",
			Spec:    "CNCF Distribution token spec (vendor)",
			URL:     "https://distribution.github.io/distribution/spec/auth/jwt/",
			Kind:    Array,
			Vendor:  vDocker,
		},

		// GitHub Actions OIDC tokens, used for cloud federation.
		{
			Name:    "repository",
			Title:   "Repository",
			Meaning: "owner/repo the workflow ran in. Cloud trust policies usually match sub instead (repo:OWNER/REPO:ref:refs/heads/main, or …:environment:NAME once the job uses an environment), so adding an environment often breaks a role assumption.",
			Spec:    specGitHub,
			URL:     githubOIDC,
			Kind:    Text,
			Vendor:  vGitHub,
		},
		{
			Name:    "repository_owner",
			Title:   "Repository owner",
			Meaning: "The organization or user that owns the repository; trust policies often pin it.",
			Spec:    specGitHub,
			URL:     githubOIDC,
			Kind:    Text,
			Vendor:  vGitHub,
		},
		{
			Name:    "ref",
			Title:   "Git ref",
			Meaning: "The branch or tag the workflow ran for, e.g. refs/heads/main; pull-request runs have a different ref, so a policy pinned to main refuses them.",
			Spec:    specGitHub,
			URL:     githubOIDC,
			Kind:    Text,
			Vendor:  vGitHub,
		},
		{
			Name:    "environment",
			Title:   "Deployment environment",
			Meaning: "The deployment environment of the job, when it uses one; it also changes the form of sub.",
			Spec:    specGitHub,
			URL:     githubOIDC,
			Kind:    Text,
			Vendor:  vGitHub,
		},
		{
			Name:    "job_workflow_ref",
			Title:   "Job workflow ref",
			Meaning: "Path and ref of the workflow file that defined the job (for reusable workflows, the called one), for policies that allow only specific workflows.",
			Spec:    specGitHub,
			URL:     githubOIDC,
			Kind:    Text,
			Vendor:  vGitHub,
		},
		{
			Name:    "actor",
			Title:   "Actor",
			Meaning: "The GitHub account that triggered the workflow run.",
			Spec:    specGitHub,
			URL:     githubOIDC,
			Kind:    Text,
			Vendor:  vGitHub,
		},

		// Kubernetes projected service-account tokens.
		{
			Name:    "kubernetes.io",
			Title:   "Kubernetes binding",
			Meaning: "The namespace, service account, and for bound tokens the pod (and node) the token belongs to. The API server refuses the token once that pod or service account is deleted, even before exp.",
			Spec:    "Kubernetes service account tokens (vendor)",
			URL:     "https://kubernetes.io/docs/reference/access-authn-authz/authentication/#service-account-tokens",
			Kind:    Object,
			Vendor:  vKubernetes,
		},
	}
}
