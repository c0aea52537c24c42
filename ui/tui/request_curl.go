package tui

import (
	"encoding/base64"
	"strings"

	"github.com/why401/why401/inspect/curl"
	"github.com/why401/why401/store/requests"
)

// maxNoted is how many ignored curl words a note lists before "…".
const maxNoted = 3

// curlImport is a request read from a pasted curl command and what the
// user should know about it: nothing curl would send is dropped silently.
type curlImport struct {
	req   requests.Request
	notes []string
}

// fromCurl reads a curl command into a whole request.
func fromCurl(text string) (curlImport, error) {
	cmd, err := curl.Parse(text)
	if err != nil {
		return curlImport{}, err
	}
	in := curlImport{req: requests.Request{Method: strings.ToUpper(cmd.Method), URL: cmd.URL}}
	if cmd.URL == "" {
		in.note("the command has no URL")
	}
	in.headers(cmd)
	in.credentials(cmd)
	in.body(cmd)
	in.ignored(cmd)
	return in, nil
}

func (in *curlImport) note(s string) { in.notes = append(in.notes, s) }

func (in *curlImport) add(name, value string) {
	in.req.Headers = append(in.req.Headers, requests.Header{Name: name, Value: value})
}

func (in *curlImport) has(name string) bool {
	for _, h := range in.req.Headers {
		if strings.EqualFold(h.Name, name) {
			return true
		}
	}
	return false
}

// headers copies -H values. The first "Authorization: Bearer" becomes the
// request's own token (the Auth tab), which is where why401 sends a token
// from; any other Authorization stays a header, masked on screen.
func (in *curlImport) headers(cmd curl.Command) {
	for _, h := range cmd.Headers {
		switch {
		case h.Remove:
			in.note("-H '" + h.Name + ":' (curl's \"do not send\") has no equivalent here")
		case strings.EqualFold(h.Name, "Authorization") && in.req.Auth == requests.AuthProfile && isBearer(h.Value):
			in.req.Auth, in.req.Token = requests.AuthBearer, bearerToken(h.Value)
			in.note("its Authorization: Bearer token is this request's token (Auth tab)")
		case strings.EqualFold(h.Name, "Authorization"):
			in.add(h.Name, h.Value)
			in.ownAuth()
			in.note("its Authorization header is kept in Headers and sent instead of the profile's credentials (Auth: none)")
		default:
			in.add(h.Name, h.Value)
		}
	}
}

// ownAuth: the command brings its own Authorization header, so the
// profile's credentials must stay out — otherwise the provider would set
// its own Authorization over it and the Auth tab would not say what is sent.
func (in *curlImport) ownAuth() {
	if in.req.Auth == requests.AuthProfile {
		in.req.Auth = requests.AuthNone
	}
}

func isBearer(v string) bool {
	scheme, _, ok := strings.Cut(strings.TrimSpace(v), " ")
	return ok && strings.EqualFold(scheme, "Bearer")
}

func bearerToken(v string) string {
	_, tok, _ := strings.Cut(strings.TrimSpace(v), " ")
	return strings.TrimSpace(tok)
}

// credentials handles --oauth2-bearer, -u and -b, which curl turns into
// headers; they become the same headers here.
func (in *curlImport) credentials(cmd curl.Command) {
	if cmd.OAuth2Bearer != "" && in.req.Auth == requests.AuthProfile {
		in.req.Auth, in.req.Token = requests.AuthBearer, strings.TrimSpace(cmd.OAuth2Bearer)
		in.note("--oauth2-bearer is this request's token (Auth tab)")
	}
	if cmd.User != "" && !in.has("Authorization") {
		in.add("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(cmd.User)))
		in.ownAuth()
		in.note("-u became an Authorization: Basic header, sent instead of the profile's credentials (Auth: none)")
		if cmd.AuthScheme != "" && cmd.AuthScheme != "basic" {
			in.note("--" + cmd.AuthScheme + " is not supported; Basic is sent instead")
		}
	}
	var jar []string
	for _, c := range cmd.Cookies {
		if strings.Contains(c, "=") {
			jar = append(jar, c)
		}
	}
	if len(jar) > 0 {
		in.add("Cookie", strings.Join(jar, "; "))
	}
	for _, f := range cmd.CookieFiles {
		in.note("cookie file " + f + " was not read")
	}
}

// body joins the -d values the way curl does (with &; --json values are
// concatenated) and adds the Content-Type curl would send with them.
func (in *curlImport) body(cmd curl.Command) {
	if len(cmd.Data) == 0 {
		return
	}
	sep := "&"
	if cmd.JSON {
		sep = ""
	}
	in.req.Body = strings.Join(cmd.Data, sep)
	for _, d := range cmd.Data {
		if strings.HasPrefix(d, "@") {
			in.note("curl reads the body from " + d[1:] + "; paste its content into Body")
		}
	}
	switch {
	case cmd.JSON && !in.has("Content-Type"):
		in.add("Content-Type", "application/json")
		if !in.has("Accept") {
			in.add("Accept", "application/json")
		}
	case !in.has("Content-Type"):
		in.add("Content-Type", "application/x-www-form-urlencoded")
	}
}

// ignored notes what curl would do that this request does not.
func (in *curlImport) ignored(cmd curl.Command) {
	if len(cmd.Form) > 0 {
		in.note("-F form fields are not imported (multipart is not supported)")
	}
	if cmd.UploadFile != "" {
		in.note("-T " + cmd.UploadFile + " was not read")
	}
	if cmd.AWSSigV4 != "" {
		in.note("--aws-sigv4 signing is not applied")
	}
	if n := len(cmd.MoreURLs); n > 0 {
		// Not quoted back: a stray word is often half of a credential.
		in.note(itoa(n) + " extra word(s) after the URL ignored (an unquoted header value?)")
	}
	if len(cmd.Unknown) > 0 {
		in.note("ignored: " + optionNames(cmd.Unknown))
	}
}

// optionNames lists the option of each ignored entry without its value,
// which may be a credential.
func optionNames(entries []string) string {
	names := make([]string, 0, maxNoted+1)
	for i, e := range entries {
		if i == maxNoted {
			names = append(names, "…")
			break
		}
		name, _, _ := strings.Cut(e, " ")
		names = append(names, name)
	}
	return strings.Join(names, " ")
}
