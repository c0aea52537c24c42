package curl

import "strings"

// Header is one -H/--header value, split at its first colon.
type Header struct {
	Name, Value string
	// Remove is set for "Name:" with nothing after the colon, which tells
	// curl to drop a header it would otherwise send. "Name;" instead sends
	// the header with an empty value and leaves Remove false.
	Remove bool
}

// Command is what a curl command line asks for. Options that do not matter
// to why401 but take an argument are still consumed, so that their values
// are not mistaken for the URL.
type Command struct {
	// Method comes from -X/--request; otherwise HEAD with -I, GET with -G,
	// POST when a body (-d, --json, -F) is given, PUT with -T, else GET.
	Method string
	// URL is the first of the positional arguments and --url values.
	URL string
	// MoreURLs holds the later ones. A stray word here often means a header
	// value that was not quoted (-H Authorization: Bearer x).
	MoreURLs []string
	// Headers are the -H values in order, including removals.
	Headers []Header
	// Data holds the -d/--data*/--json values in order; "@file" is kept
	// as it is and never read.
	Data []string
	// JSON is set when --json was used: curl then also sends
	// Content-Type and Accept as application/json.
	JSON bool
	// Form holds -F/--form/--form-string values in order.
	Form []string
	// UploadFile is the -T/--upload-file argument.
	UploadFile string
	// User is the -u/--user value, normally "user:password".
	User string
	// AuthScheme is the last of --basic, --digest, --ntlm, --negotiate and
	// --anyauth given ("basic", "digest", ...); empty means curl's default,
	// Basic.
	AuthScheme string
	// AWSSigV4 is the --aws-sigv4 provider string.
	AWSSigV4 string
	// OAuth2Bearer is the --oauth2-bearer token.
	OAuth2Bearer string
	// Cookies holds the -b/--cookie values in order. A value containing
	// '=' is a cookie string; any other is a file name, which is also
	// listed in CookieFiles.
	Cookies     []string
	CookieFiles []string
	// Proxy and ProxyUser are the -x/--proxy and -U/--proxy-user values.
	Proxy, ProxyUser string
	// Cert is the -E/--cert client certificate argument.
	Cert string
	// Insecure (-k), Compressed (--compressed), Location (-L, also set by
	// --location-trusted) and Include (-i).
	Insecure, Compressed, Location, Include bool
	// LocationTrusted (--location-trusted) sends credentials to every
	// host a redirect leads to.
	LocationTrusted bool
	// Netrc is set by -n/--netrc/--netrc-optional/--netrc-file:
	// credentials may come from a file that is not part of the command.
	Netrc bool
	// Unknown lists what was not understood, as written: unknown options,
	// options missing their argument, -H values that are not headers, and
	// options whose effect lies outside the command (--config, --next).
	Unknown []string
}

// Values returns the values of the headers named name (case-insensitive)
// in order, leaving out removals.
func (c Command) Values(name string) []string {
	var out []string
	for _, h := range c.Headers {
		if !h.Remove && strings.EqualFold(h.Name, name) {
			out = append(out, h.Value)
		}
	}
	return out
}

// Header returns the first value of the header named name.
func (c Command) Header(name string) (string, bool) {
	v := c.Values(name)
	if len(v) == 0 {
		return "", false
	}
	return v[0], true
}
