// Package dpop checks a DPoP proof (RFC 9449) against the request it was
// sent with and the access token it accompanies, the way a resource server
// or token endpoint does in RFC 9449 §4.3, and says in one plain sentence per
// failed check what differs. A server answering invalid_dpop_proof or
// "Invalid DPoP key binding" rarely says which of a dozen checks failed;
// this package re-runs them all so the user can see which one it was.
//
// Nothing here fetches anything: the proof carries its own public key, and
// the server's expectations (nonce, algs, the token's cnf.jkt) come in
// Params.
package dpop
