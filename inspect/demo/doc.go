// Package demo is why401's built-in demo API: a real HTTP server on
// 127.0.0.1 that is an identity provider and the resources it protects,
// and that fails in every way the explainer knows. Nothing is canned:
// every request is verified — the signature against the demo's own JWKS
// (with inspect/keys), exp and nbf by the server's clock, iss, aud, scope,
// acr and auth_time, DPoP proofs and nonces (with inspect/dpop), Basic and
// Digest credentials — and refused with the headers and bodies the real
// server of each kind sends. It knows nothing of profiles or keyrings:
// Credentials gives a caller what it needs to build demo profiles.
//
// Keys are EC P-256 (ES256), made by New in microseconds: the current key
// (published in /jwks.json), a rotated-out key whose kid is no longer
// published, the other environment's issuer key, and the demo client's
// DPoP key. Secrets (client secret, user password) are new at every start.
//
// # Identity endpoints
//
//	GET  /.well-known/openid-configuration   OIDC discovery (also at /.well-known/oauth-authorization-server)
//	GET  /jwks.json                          the current key only
//	POST /oauth/token                        client_credentials, refresh_token (rotated, reuse revokes the family),
//	                                         device_code; RFC 8707 resource; DPoP-bound tokens with a DPoP header
//	POST /oauth/device_authorization         RFC 8628, interval 1 s
//	GET  /device, POST /device               approval page: a plain form (user demo, the password, an MFA box)
//	GET  /.well-known/oauth-protected-resource[/v1|/mcp]   RFC 9728 metadata
//
// Reached as localhost instead of 127.0.0.1, discovery and the token
// endpoint issue under http://localhost:PORT, as Keycloak does without a
// fixed frontend URL: such tokens work on /inventory/items and nowhere else.
//
// # Resources and the diagnosis each story leads to
//
// Credential names the field of Credentials to send (Credentials.Header);
// Intended is what explain ranks first for the response. Endpoints returns
// this table.
//
//	request                                    credential     intended                   answered as
//	GET  /v1/me                                ProdToken      OK                         200, who you are (any valid /v1 token)
//	GET  /v1/me                                none           NO_CREDENTIALS             ASP.NET Core: bare Bearer challenge
//	GET  /v1/me                                DevToken       TOKEN_EXPIRED              ASP.NET Core: The token expired at '…'
//	GET  /v1/me                                StagingToken   AUDIENCE_MISMATCH          ASP.NET Core: The audience '…' is invalid
//	GET  /v1/me                                RotatedToken   KEY_NOT_FOUND              ASP.NET Core: The signature key was not found
//	GET  /v1/me                                OtherEnvToken  WRONG_ENVIRONMENT          ASP.NET Core: The issuer '…' is invalid
//	GET  /v1/orders                            ProdToken      INSUFFICIENT_SCOPE         403 insufficient_scope, scope="orders:read"
//	POST /v1/orders                            ProdToken      INSUFFICIENT_SCOPE         403 insufficient_scope, scope="orders:write"
//	GET  /v1/admin                             ProdToken      FORBIDDEN_AUTHZ            403, no challenge, Kubernetes RBAC Status body
//	GET  /v1/reports                           ProdToken      STEP_UP_REQUIRED           RFC 9470, acr_values="mfa", max_age="300"
//	GET  /v1/dpop/me                           ProdToken      DPOP_REQUIRED              DPoP only: DPoP algs="ES256"
//	GET  /v1/dpop/me                           DPoPToken      DPOP_REQUIRED              a cnf.jkt-bound token sent as Bearer
//	GET  /v2/me                                ProdToken      AUTH_STRIPPED_ON_REDIRECT  307 to the other host name, then 401 there
//	GET  /inventory/items                      ProdToken      ISSUER_MISMATCH            Keycloak: Invalid token issuer. Expected '…'
//	GET  /gateway/me                           ProdToken      NO_CHALLENGE               API Gateway: 401 {"message":"Unauthorized"}
//	POST /mcp                                  ProdToken      RESOURCE_METADATA          MCP SDK: invalid_token + resource_metadata
//	GET  /legacy/basic                         ProdToken      WRONG_SCHEME               nginx auth_basic: Basic realm=…
//	GET  /legacy/digest                        ProdToken      WRONG_SCHEME               Apache mod_auth_digest: SHA-256 and MD5
//	GET  /registry/v2/demo/app/manifests/latest none          REGISTRY_TOKEN_FLOW        distribution: Bearer realm=…,service=…,scope=…
//
// What each endpoint accepts: /v1/orders wants orders:read (GET) or
// orders:write (POST), which client-credentials tokens have by default
// (orders:read) or on request; /v1/admin the role admin; /v1/reports
// acr mfa and a sign-in under 5 minutes old (a device approval with the
// MFA box); /v1/dpop/me a DPoP-bound token, a proof per request (Proof)
// and the server's nonce; /v2/me a client that resends Authorization
// across hosts (curl --location-trusted); /inventory/items a token issued
// under the localhost name; /gateway/me scope gateway:invoke; /mcp a token
// for resource …/mcp with mcp:tools; /legacy/* the demo user; the registry
// a token from /registry/token fetched as the demo user. A Digest
// response for an expired nonce gets stale=true (DIGEST_STALE), a wrong
// password the same challenge again (CREDENTIALS_REJECTED).
//
// Two answers are trimmed so the explainer ranks the intended cause first
// (both noted where they are built): the gateway sends x-amzn-RequestId but
// not x-amzn-ErrorType or x-amz-apigw-id, with which explain quotes
// "Unauthorized" as SERVER_SAYS above NO_CHALLENGE; the MCP server leaves
// out the SDK's JSON body {"error":"invalid_token",…}, which explain
// quotes as SERVER_SAYS above RESOURCE_METADATA.
//
// Verification order on every resource: the issuer (it decides which keys
// apply), the key by kid, the signature, the time claims (60 s leeway),
// the audience — so each story token fails for exactly its one reason.
package demo
