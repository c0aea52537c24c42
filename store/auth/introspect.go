package auth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/why401/why401/inspect/excerpt"
	"github.com/why401/why401/inspect/fetch"
)

// Introspection is what an RFC 7662 endpoint says about a token, in the
// shape the decoder shows for opaque tokens. Missing members stay zero.
type Introspection struct {
	Active        bool
	Exp, Iat, Nbf *time.Time
	Scope         string // space-separated, as RFC 7662 §2.2 has it
	ClientID      string
	Sub           string
	Iss           string
	TokenType     string
	Username      string
	Aud           []string
	Raw           map[string]any // the whole response
}

// Introspect asks url whether token is active, authenticating as the
// client with HTTP Basic (RFC 7662 §2.1 leaves the method to the server;
// Basic is the one every server takes). client nil: a default client.
// Redirects are not followed: the request carries the token.
func Introspect(ctx context.Context, client *http.Client, rawURL, clientID, clientSecret, token string) (Introspection, error) {
	if err := fetch.CheckURL(rawURL); err != nil {
		return Introspection{}, fmt.Errorf("introspection_url: %w", err)
	}
	c := &http.Client{}
	if client != nil {
		*c = *client
	}
	client = noRedirects(c)
	ctx, cancel := context.WithTimeout(ctx, tokenTimeout)
	defer cancel()
	form := url.Values{"token": {token}}.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, rawURL, strings.NewReader(form))
	if err != nil {
		return Introspection{}, fmt.Errorf("introspection_url: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	// RFC 6749 §2.3.1: both parts are form-encoded before Basic encoding.
	req.SetBasicAuth(url.QueryEscape(clientID), url.QueryEscape(clientSecret))
	resp, err := client.Do(req)
	if err != nil {
		return Introspection{}, fmt.Errorf("cannot reach the introspection endpoint: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse))
	if err != nil {
		return Introspection{}, fmt.Errorf("cannot read the introspection response: %w", err)
	}
	secrets := []string{token, clientSecret}
	if resp.StatusCode != http.StatusOK {
		return Introspection{}, introspectionRefused(resp, body, secrets)
	}
	return readIntrospection(body)
}

// introspectionRefused says why the endpoint answered with an error. Many
// answer 401 in text/plain rather than JSON, so both are read.
func introspectionRefused(resp *http.Response, body []byte, secrets []string) error {
	msg := fmt.Sprintf("the introspection endpoint answered HTTP %d", resp.StatusCode)
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		msg += ", refusing the client credentials"
	}
	ct, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	var doc struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	switch {
	case strings.HasSuffix(ct, "json") && json.Unmarshal(body, &doc) == nil && doc.Error != "":
		msg += " (" + excerpt.Of(doc.Error) + ")"
		if doc.Description != "" {
			msg += ": " + excerpt.Of(scrub(doc.Description, secrets))
		}
	case ct == "text/plain" && len(body) > 0:
		msg += ": " + excerpt.Of(scrub(strings.TrimSpace(string(body)), secrets))
	}
	return fmt.Errorf("%s", msg)
}

func readIntrospection(body []byte) (Introspection, error) {
	var raw map[string]any
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return Introspection{}, fmt.Errorf("the introspection response is not a JSON object: %v", err)
	}
	in := Introspection{Raw: raw}
	in.Active, _ = raw["active"].(bool)
	in.Exp, in.Iat, in.Nbf = numericDate(raw["exp"]), numericDate(raw["iat"]), numericDate(raw["nbf"])
	in.Scope = scopeString(raw["scope"])
	in.ClientID, _ = raw["client_id"].(string)
	in.Sub, _ = raw["sub"].(string)
	in.Iss, _ = raw["iss"].(string)
	in.TokenType, _ = raw["token_type"].(string)
	in.Username, _ = raw["username"].(string)
	in.Aud = stringList(raw["aud"])
	return in, nil
}

// numericDate reads seconds since the epoch; fractions are kept.
func numericDate(v any) *time.Time {
	n, ok := v.(json.Number)
	if !ok {
		return nil
	}
	f, err := n.Float64()
	if err != nil {
		return nil
	}
	sec, frac := math.Modf(f)
	t := time.Unix(int64(sec), int64(frac*float64(time.Second))).UTC()
	return &t
}

// scopeString accepts the standard string and the array some servers send.
func scopeString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return strings.Join(stringList(v), " ")
}

func stringList(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
