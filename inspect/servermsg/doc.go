// Package servermsg reads what a server said about a failed request — error
// bodies, error_description values and vendor headers — and classifies the
// wording into causes, keeping the exact quote as evidence.
//
// It only extracts and classifies; ranking belongs to the explanation engine.
// Every Statement carries the server's own words (Quote), where they came
// from (Source), the product that is known to use that wording (Vendor) and
// the facts the wording contains (Values).
//
// # Identifiers
//
// Statement.ID is one of the CONTRACT diagnosis ids (TOKEN_EXPIRED,
// AUDIENCE_MISMATCH, …) or one of the ids this package adds because real
// wordings need them (see ids.go):
//
//   - TOKEN_REVOKED: the token, grant or session was revoked, ended or has
//     expired for good (a refresh token past its lifetime); a new sign-in is
//     needed, refreshing will not help.
//   - INVALID_CLIENT: client authentication failed at a token endpoint (bad
//     or expired client secret, bad client assertion, unknown client).
//   - CONSENT_REQUIRED: the user or an administrator has not consented.
//   - INVALID_GRANT: an authorization code, refresh token or assertion was
//     rejected at a token endpoint without a more specific reason.
//   - INVALID_SCOPE: the scope asked for at a token endpoint is unknown or
//     not allowed for this client.
//   - RATE_LIMITED: the 403 (or 401) is a rate limit or quota, not a
//     credential problem (GitHub, Google).
//
// A Statement with an empty ID means the wording was recognised — Vendor,
// Source and Quote are filled, and Values["note"] often says what the vendor
// means by it — but it names no specific cause ("Bad credentials",
// Kubernetes "Unauthorized", Keycloak "Token verification failed"). Text
// that is both generic and causeless ("Unauthorized", "Invalid token")
// yields no Statement at all; the engine quotes Body.Description itself.
// Read drops empty-ID statements when it found at least one specific one.
//
// NO_CREDENTIALS from this package means the server said it saw no
// credentials. When the request did carry some, the engine should read it as
// CREDENTIALS_NOT_SEEN.
//
// # Values keys
//
//   - expired_at, not_before, server_time, signed_at, issued_at: instants
//     as RFC 3339 in UTC, parsed from the vendor's format (ASP.NET's
//     invariant MM/dd/yyyy HH:mm:ss is read month first). A value the vendor
//     hid ("[PII is hidden]", "System.DateTime") is left out.
//   - audience: the audience the server rejected; expected: what it wanted
//     (audience or issuer, as said); issuer: the issuer it rejected; kid: the
//     key id it could not find; scope: space-separated scopes the server
//     names as needed; code: the vendor error code (AADSTS50013, IDX10223,
//     E0000011, …); tenant, client_id, resource: Microsoft identifiers.
//   - token: which token the server talks about when it is not the access
//     token that was sent: refresh_token, client_assertion, assertion,
//     id_token, client_secret, authorization_code.
//   - principal, action, resource, reason: an AWS authorization failure;
//     user, verb, resource, api_group, namespace, name, path, cluster_scope:
//     a Kubernetes RBAC denial.
//   - tolerance: the clock tolerance the server applied, as a Go duration.
//   - permission: a GitHub fine-grained permission the server asked for.
//   - reason: a short machine slug for the specific wording within an ID
//     (for example missing_authentication_token for AWS_SIGNATURE).
//   - note: one sentence on what the vendor means, for the engine to show.
//
// Values are facts copied from server text; they are not sanitised here.
package servermsg
