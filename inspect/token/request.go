package token

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/why401/why401/inspect/curl"
	"github.com/why401/why401/inspect/fetch"
	"github.com/why401/why401/inspect/rawhttp"
)

// header is a name and value from a curl command or a raw request.
type header struct{ name, value string }

// readRequestForms handles the two inputs that describe a whole request.
func readRequestForms(s string) (Input, bool, error) {
	switch {
	case curl.Looks(s):
		cmd, err := curl.Parse(s)
		if err != nil {
			return Input{Form: FormCurl}, true, fmt.Errorf("cannot read the curl command: %w", err)
		}
		in, err := fromCandidates(FormCurl, curlCandidates(cmd), cmd.URL)
		return in, true, err
	case rawhttp.Looks([]byte(s)):
		req, err := rawhttp.ParseRequest([]byte(s))
		if err != nil {
			return Input{Form: FormHTTPRequest}, true, fmt.Errorf("cannot read the HTTP request: %w", err)
		}
		u := req.URL()
		in, err := fromCandidates(FormHTTPRequest, requestCandidates(req, u), u)
		return in, true, err
	}
	return Input{}, false, nil
}

func curlCandidates(cmd curl.Command) []Candidate {
	var hs []header
	for _, h := range cmd.Headers {
		hs = append(hs, header{h.Name, h.Value})
	}
	var extra []Candidate
	if cmd.OAuth2Bearer != "" {
		extra = append(extra, Candidate{Value: squeeze(cmd.OAuth2Bearer), Where: "--oauth2-bearer", Scheme: "Bearer"})
	}
	if cmd.User != "" {
		extra = append(extra, Candidate{Value: cmd.User, Where: "-u user:password", Scheme: "Basic"})
	}
	for _, c := range cmd.Cookies {
		if strings.Contains(c, "=") {
			extra = append(extra, cookieCandidates(c, "cookie")...)
		}
	}
	return gather(hs, extra, cmd.URL, cmd.Data)
}

func requestCandidates(req rawhttp.Request, u string) []Candidate {
	var hs []header
	for _, h := range req.Headers {
		hs = append(hs, header{h.Name, h.Value})
	}
	return gather(hs, nil, u, []string{string(req.Body)})
}

// gather orders the candidates: Authorization first (it is what the
// server reads), then other credential headers, cookies, the URL and the body.
func gather(hs []header, extra []Candidate, rawURL string, bodies []string) []Candidate {
	var auth, others []Candidate
	for _, h := range hs {
		n := strings.ToLower(h.name)
		switch {
		case n == "authorization":
			auth = append(auth, credentials(h.value, "Authorization header"))
		case n == "cookie":
			others = append(others, cookieCandidates(h.value, "cookie")...)
		case n != "dpop" && isTokenName(n):
			others = append(others, Candidate{Value: squeeze(h.value), Where: h.name + " header"})
		}
	}
	out := append(auth, extra...)
	out = append(out, others...)
	out = append(out, queryCandidates(rawURL)...)
	for _, b := range bodies {
		out = append(out, bodyCandidates(b)...)
	}
	return out
}

func queryCandidates(rawURL string) []Candidate {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil
	}
	var out []Candidate
	q := u.Query()
	for _, name := range slices.Sorted(maps.Keys(q)) {
		if vals := q[name]; isTokenName(name) && vals[0] != "" {
			out = append(out, Candidate{Value: vals[0], Where: "query parameter " + name, inURL: true})
		}
	}
	return out
}

// bodyCandidates finds tokens in a form or JSON body (token introspection,
// token exchange and client assertions put them there).
func bodyCandidates(body string) []Candidate {
	body = strings.TrimSpace(body)
	if body == "" || strings.HasPrefix(body, "@") {
		return nil
	}
	var out []Candidate
	var obj map[string]any
	if json.Unmarshal([]byte(body), &obj) == nil {
		for _, name := range slices.Sorted(maps.Keys(obj)) {
			if s, ok := obj[name].(string); ok && isTokenName(name) && s != "" {
				out = append(out, Candidate{Value: s, Where: "body field " + name})
			}
		}
		return out
	}
	if form, err := url.ParseQuery(body); err == nil {
		for _, name := range slices.Sorted(maps.Keys(form)) {
			if vals := form[name]; isTokenName(name) && vals[0] != "" {
				out = append(out, Candidate{Value: vals[0], Where: "body field " + name})
			}
		}
	}
	return out
}

// source describes where the token came from, for the report.
func (in Input) source() Source {
	s := Source{Where: in.Where, Scheme: in.Scheme, Candidates: len(in.Candidates)}
	if len(in.Candidates) > 1 {
		s.Note = fmt.Sprintf("%d token candidates were found; using the one in the %s", len(in.Candidates), in.Where)
		if strings.HasPrefix(in.Where, "Authorization") {
			s.Note += ", which is what the server reads"
		}
	}
	return s
}

// findings are lints about how the token was sent, when the input was a request.
func (in Input) findings() []Finding {
	var out []Finding
	if in.inURL {
		out = append(out, f("TOKEN_IN_URL", SevWarning, "The token travels in the URL (%s), where proxies, logs and browser history keep it (RFC 6750 §5.3).", in.Where))
	}
	u, err := url.Parse(in.URL)
	if err == nil && u.Scheme == "http" && in.Scheme == "Bearer" && !fetch.IsLoopback(u.Hostname()) {
		out = append(out, f("BEARER_OVER_HTTP", SevError, "The bearer token is sent to %s over plain http, where anyone on the path can read and reuse it.", u.Host))
	}
	return out
}
