// Package rawhttp reads HTTP requests and responses as users paste them:
// the output of curl -si or -siL (several responses in a row, HTTP/1.x or
// HTTP/2 and HTTP/3 status lines, a proxy CONNECT preamble, 100 Continue),
// a request copied from a browser's developer tools or a proxy, with CRLF
// or bare LF line endings, possibly mixed.
//
// It is tolerant where pasting goes wrong (leading blank lines, a missing
// blank line before an empty body, a request line without a version, a
// header line without a colon) and reports what it skipped in Warnings.
// Bodies are kept byte for byte as they appear in the input, never decoded
// (chunked, gzip) nor rewritten. Parsing takes linear time and input is
// capped in size.
package rawhttp
