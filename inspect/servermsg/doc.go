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
//   - expired_at, not_before, server_time, signed_at, issued_at, revoked_at:
//     instants as RFC 3339 in UTC, whole seconds, parsed from the vendor's
//     format (ASP.NET's invariant MM/dd/yyyy HH:mm:ss is read month first;
//     zone-less formats are UTC). A value the vendor hid ("[PII is hidden]",
//     "System.DateTime") or printed as a zero ("1970-01-01") is left out.
//   - audience: the audience the server rejected; expected: what it wanted
//     (audience, issuer or token type, as said; several are space-separated);
//     issuer: the issuer it rejected; kid: the key id it could not use;
//     alg: the algorithm it named; scope: space-separated scopes the server
//     names as needed; permission: a permission it names (GitHub
//     "contents=write", Google IAM "storage.objects.get").
//   - code: the vendor's error code (AADSTS50013, IDX10223, E0000011, an AWS
//     error type, a Google reason, an Azure Storage code, a Graph
//     CompactToken code).
//   - token: which token the server talks about when it is not the access
//     token that was sent: refresh_token, client_assertion, assertion (an
//     on-behalf-of user assertion), client_secret, authorization_code,
//     session_token (AWS STS), sas (Azure shared access signature),
//     device_code.
//   - tenant, client_id: Microsoft Entra identifiers named in the text;
//     service, project: a Google API and project.
//   - principal, action, resource: an AWS or Azure authorization failure;
//     user, verb, resource, api_group, namespace, name, path, cluster_scope
//     ("true"): a Kubernetes RBAC denial.
//   - tolerance: the clock tolerance the server applied, as a Go duration.
//   - reason: a short slug for the specific wording within an ID
//     (missing_authentication_token, signature_expired, session_ended,
//     no_expiration, key_binding, explicit_deny, …), or the vendor's own
//     reason text (AWS "because …", Kubernetes RBAC, Entra CAE code).
//   - note: one sentence on what the vendor means, for the engine to show.
//
// Quotes and Values are server text and are not sanitised here. A quote
// from a body is the text as ReadBody read it: line breaks kept, other runs
// of white space collapsed.
//
// # Cost
//
// Every rule carries the words one of which any match must contain
// (prefilter.go), so a text is only run through the few regular expressions
// that can match it; Classify reads at most 8 KiB of text.
package servermsg
