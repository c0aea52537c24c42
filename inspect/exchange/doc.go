// Package exchange sends one composed HTTP request and records everything
// the explainer and the UI need: the request as it went on the wire, every
// redirect hop, proxy use, TLS facts, httptrace timings, the response
// headers in the order they arrived, and the body, streamed under a cap and
// spooled to an unlinked temp file when it is large.
//
// It knows nothing of profiles: credentials come through
// credential.Provider and go only to one origin (Options.CredentialOrigin),
// never to another host a redirect points to.
//
// Requests are sent over HTTP/1.1 only, on a fresh connection each (no
// keep-alive, so the request carries "Connection: close"): that is what
// lets the exchange read the response header block from the wire and keep
// its order and spelling, which Go's http.Header map loses. HTTP/2 is not
// attempted.
//
// Send never panics and never returns a Go error: a failure is one plain
// sentence in Exchange.Err with its kind in Exchange.ErrKind.
package exchange
