package tui

import (
	"net/url"
	"strings"
)

// queryParam is one key=value of a URL's query. raw is the segment as
// written, kept for parameters the user did not touch so that editing one
// never re-encodes the others.
type queryParam struct {
	Key, Value string
	raw        string
}

// splitURL cuts s at the first '#' (the fragment, kept with its '#') and
// then at the first '?'. hasQuery says whether a '?' was written.
func splitURL(s string) (base, query, frag string, hasQuery bool) {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s, frag = s[:i], s[i:]
	}
	base, query, hasQuery = strings.Cut(s, "?")
	return base, query, frag, hasQuery
}

// parseParams reads the query of s in order, duplicates included. A
// segment that does not decode is shown as written.
func parseParams(s string) []queryParam {
	_, q, _, _ := splitURL(s)
	var out []queryParam
	for _, seg := range strings.Split(q, "&") {
		if seg == "" {
			continue
		}
		k, v, _ := strings.Cut(seg, "=")
		out = append(out, queryParam{Key: unescape(k), Value: unescape(v), raw: seg})
	}
	return out
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// encode is the segment for p: as written when untouched, else escaped.
func (p queryParam) encode() string {
	if p.raw != "" {
		return p.raw
	}
	return url.QueryEscape(p.Key) + "=" + url.QueryEscape(p.Value)
}

// withParams rewrites the query of s to ps, keeping the rest as written;
// no parameters left means no '?'.
func withParams(s string, ps []queryParam) string {
	base, _, frag, _ := splitURL(s)
	segs := make([]string, 0, len(ps))
	for _, p := range ps {
		segs = append(segs, p.encode())
	}
	if len(segs) == 0 {
		return base + frag
	}
	return base + "?" + strings.Join(segs, "&") + frag
}

// setParam replaces parameter i (or appends when i is past the end).
func setParam(s string, i int, key, value string) string {
	ps := parseParams(s)
	p := queryParam{Key: key, Value: value}
	if i >= 0 && i < len(ps) {
		if ps[i].Key == key && ps[i].Value == value {
			return s // unchanged: keep its encoding as written
		}
		ps[i] = p
	} else {
		ps = append(ps, p)
	}
	return withParams(s, ps)
}

// deleteParam removes parameter i.
func deleteParam(s string, i int) string {
	ps := parseParams(s)
	if i < 0 || i >= len(ps) {
		return s
	}
	return withParams(s, append(ps[:i], ps[i+1:]...))
}
