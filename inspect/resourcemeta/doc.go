// Package resourcemeta reads and checks OAuth 2.0 Protected Resource
// Metadata (RFC 9728): where the document lives (WellKnownURL), what it
// says (Parse), and whether a client may use it for the request that got
// the 401 (Check), explaining each mismatch down to the byte, because the
// usual failure is a resource value one trailing slash away from right.
//
// Fetch is the only function that touches the network, and callers use it
// only on an explicit user action: a resource_metadata URL comes from a
// response, and nothing from a response is fetched on its own.
package resourcemeta
