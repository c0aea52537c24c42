// Package curl reads a curl command line the way users paste it: typed by
// hand, copied from documentation, or produced by a browser's "Copy as cURL"
// (the bash form with $'…' bodies, and the Windows cmd form with ^"…^"
// quoting). It tokenises the text like a shell would, without expanding
// anything, and then interprets the options that matter for explaining an
// authentication failure: method, URL, headers, body, credentials and
// cookies. Nothing is read from disk and nothing is executed.
package curl
