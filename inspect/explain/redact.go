package explain

import (
	"net/url"
	"strings"

	"github.com/why401/why401/inspect/challenge"
)

// minSecret is the shortest value treated as a secret when redacting: a
// shorter one would match ordinary words in server text.
const minSecret = 8

// secretsOf lists the credential values the request carried: the
// Authorization credentials, API keys and cookie values.
func secretsOf(r Request) []string {
	var out []string
	for _, h := range r.Headers {
		switch n := strings.ToLower(h.Name); {
		case n == "authorization" || n == "proxy-authorization":
			_, rest, _ := strings.Cut(strings.TrimSpace(h.Value), " ")
			out = append(out, strings.TrimSpace(rest))
		case n == "cookie":
			for _, part := range strings.Split(h.Value, ";") {
				if _, v, ok := strings.Cut(part, "="); ok {
					out = append(out, strings.TrimSpace(v))
				}
			}
		case isAPIKeyHeader(n) || n == "dpop":
			out = append(out, strings.TrimSpace(h.Value))
		}
	}
	if r.APIKey != "" {
		if v, ok := headerValue(r.Headers, r.APIKey); ok {
			out = append(out, v)
		}
		if u, err := url.Parse(r.URL); err == nil && u.Query().Has(r.APIKey) {
			out = append(out, u.Query().Get(r.APIKey))
		}
	}
	var kept []string
	for _, s := range out {
		if len(s) >= minSecret {
			kept = append(kept, s)
		}
	}
	return kept
}

// redact replaces every credential the request carried with its last four
// characters, wherever server text quoted it back: the fingerprint is
// enough to recognise a token, never enough to use it.
func redact(res *Result, secrets []string) {
	if len(secrets) == 0 {
		return
	}
	r := func(s string) string {
		for _, sec := range secrets {
			s = strings.ReplaceAll(s, sec, tail(sec))
		}
		return s
	}
	for i := range res.Diagnosis {
		d := &res.Diagnosis[i]
		d.Title, d.Detail, d.Fix = r(d.Title), r(d.Detail), r(d.Fix)
		for j := range d.Evidence {
			d.Evidence[j] = r(d.Evidence[j])
		}
	}
	for i := range res.Challenges {
		res.Challenges[i] = redactChallenge(res.Challenges[i], r)
	}
	for i := range res.Diagnostics {
		res.Diagnostics[i].Message = r(res.Diagnostics[i].Message)
	}
}

func redactChallenge(c challenge.Challenge, r func(string) string) challenge.Challenge {
	params := make([]challenge.Param, len(c.Params))
	for i, p := range c.Params {
		p.Value, p.Raw = r(p.Value), r(p.Raw)
		params[i] = p
	}
	c.Params = params
	if c.Token68 != nil {
		t := r(*c.Token68)
		c.Token68 = &t
	}
	return c
}
