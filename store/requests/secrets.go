package requests

import (
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/why401/why401/store/redact"
)

// isSecretField reports whether a query parameter or a form or JSON body
// field carries a credential (access_token, client_secret, password, …).
// store/redact owns the list; this asks it whether it would redact the
// field, so every writer masks by one list.
func isSecretField(name string) bool {
	if name == "" {
		return false
	}
	probe := "http://h/?" + url.QueryEscape(name) + "=v"
	return redact.URL(probe) != probe
}

// stripQuery empties the values of the secret query parameters of u,
// keeping their names and the rest of u as written. names lists each
// stripped parameter once, in order.
func stripQuery(u string) (string, []string) {
	rest, frag := u, ""
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest, frag = rest[:i], rest[i:]
	}
	base, query, ok := strings.Cut(rest, "?")
	if !ok || query == "" {
		return u, nil
	}
	segs, names := stripPairs(query)
	if names == nil {
		return u, nil
	}
	return base + "?" + segs + frag, names
}

// stripPairs empties the secret values of an &-separated list of
// key=value pairs (a query, a form body), keeping everything else as
// written.
func stripPairs(s string) (string, []string) {
	segs := strings.Split(s, "&")
	var names []string
	for i, seg := range segs {
		rawKey, val, hasVal := strings.Cut(seg, "=")
		key := rawKey
		if k, err := url.QueryUnescape(rawKey); err == nil {
			key = k
		}
		if !hasVal || val == "" || !isSecretField(key) {
			continue
		}
		segs[i] = rawKey + "="
		names = addName(names, key)
	}
	if names == nil {
		return s, nil
	}
	return strings.Join(segs, "&"), names
}

func addName(names []string, n string) []string {
	for _, have := range names {
		if have == n {
			return names
		}
	}
	return append(names, n)
}

// stripBody empties the values of secret fields of a JSON or form body,
// keeping the field names and the body's layout as written. Other bodies
// are returned unchanged.
func stripBody(body, contentType string) (string, []string) {
	ct := strings.ToLower(contentType)
	trimmed := strings.TrimSpace(body)
	switch {
	case trimmed == "":
		return body, nil
	case strings.Contains(ct, "json") || ct == "" && (trimmed[0] == '{' || trimmed[0] == '['):
		if out, names, ok := stripJSON(body); ok {
			return out, names
		}
		if strings.Contains(ct, "json") {
			return body, nil
		}
	}
	if strings.Contains(ct, "x-www-form-urlencoded") || ct == "" && looksLikeForm(trimmed) {
		end := len(strings.TrimRight(body, " \t\r\n"))
		out, names := stripPairs(body[:end])
		return out + body[end:], names
	}
	return body, nil
}

// looksLikeForm: a body sent without a Content-Type that is one line of
// key=value pairs, which is what curl -d sends as a form.
func looksLikeForm(s string) bool {
	return strings.Contains(s, "=") && !strings.ContainsAny(s, " \t\r\n<>{}")
}

// jsonFrame is an open object or array while walking a JSON body.
type jsonFrame struct {
	object    bool
	expectKey bool
	key       string // the key whose value comes next (objects)
}

// stripJSON replaces the value of every secret field, at any depth, with
// "" when it is a string or a number. The body is edited in place, so
// its indentation and key order stay as the user wrote them. ok is false
// when the body is not one JSON value.
func stripJSON(body string) (string, []string, bool) {
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	type cut struct{ start, end int }
	var (
		stack []jsonFrame
		cuts  []cut
		names []string
	)
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return body, nil, false
		}
		end := int(dec.InputOffset())
		var top *jsonFrame
		if n := len(stack); n > 0 {
			top = &stack[n-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			continue
		}
		if top != nil && top.object && top.expectKey {
			top.key, _ = tok.(string)
			top.expectKey = false
			continue
		}
		secret := top != nil && top.object && isSecretField(top.key)
		if top != nil && top.object {
			top.expectKey = true
		}
		switch v := tok.(type) {
		case json.Delim:
			stack = append(stack, jsonFrame{object: v == '{', expectKey: v == '{'})
		case string, json.Number:
			if !secret || v == "" {
				continue
			}
			start := valueStart(body, before, end)
			cuts = append(cuts, cut{start, end})
			names = addName(names, top.key)
		}
	}
	if len(stack) > 0 {
		return body, nil, false
	}
	var b strings.Builder
	at := 0
	for _, c := range cuts {
		b.WriteString(body[at:c.start])
		b.WriteString(`""`)
		at = c.end
	}
	b.WriteString(body[at:])
	return b.String(), names, true
}

// valueStart finds where the scalar ending at end starts: after the
// separators (whitespace, ':' and ',') that follow the previous token.
func valueStart(body string, from, end int) int {
	i := from
	for i < end && strings.IndexByte(" \t\r\n:,", body[i]) >= 0 {
		i++
	}
	return i
}
