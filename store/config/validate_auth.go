package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/why401/why401/store/secrets"
)

// allAuthKeys are the keys of an [auth] table, whatever its type.
func allAuthKeys() []string {
	return []string{"type", "token", "username", "password", "name", "in", "value", "token_url",
		"auth_url", "device_url", "client_id", "client_secret", "scopes", "resource", "extra",
		"redirect_port", "refresh_token", "retry_on_401"}
}

// authKeys are the keys that auth type t uses, besides type.
func authKeys(t AuthType) []string {
	oauth2 := []string{"token_url", "client_id", "client_secret", "scopes", "resource", "extra", "retry_on_401"}
	switch t {
	case AuthBearer:
		return []string{"token"}
	case AuthBasic:
		return []string{"username", "password"}
	case AuthAPIKey:
		return []string{"name", "in", "value"}
	case AuthOAuth2ClientCredentials:
		return oauth2
	case AuthOAuth2Device:
		return append([]string{"device_url"}, oauth2...)
	case AuthOAuth2AuthCode:
		return append([]string{"auth_url", "redirect_port"}, oauth2...)
	case AuthOAuth2Refresh:
		return append([]string{"refresh_token"}, oauth2...)
	}
	return nil
}

// authCheck validates one [auth] table of a profile.
type authCheck struct {
	d *doc
	t table
	p *Profile
	a Auth
}

// auth validates [profiles.NAME.auth].
func (d *doc) auth(t table, p *Profile) Auth {
	d.unknownKeys(t, allAuthKeys(), "an [auth] table")
	c := &authCheck{d: d, t: t, p: p, a: Auth{RetryOn401: true}}
	if !c.readType() {
		return c.a
	}
	c.unused()
	switch typ := c.a.Type; {
	case typ == AuthBearer:
		c.a.Token = c.secret("token", "the token")
	case typ == AuthBasic:
		c.basic()
	case typ == AuthAPIKey:
		c.apiKey()
	case typ.IsOAuth2():
		c.oauth2()
	}
	return c.a
}

func (c *authCheck) readType() bool {
	s := c.d.str(c.t, "type", `"bearer"`)
	if !given(c.t, "type") {
		c.d.problem(c.t.at("type"), "is required; add type = %q (one of %s)", AuthBearer, typeList())
		return false
	}
	if !slices.Contains(AuthTypes(), AuthType(s)) {
		if s != "" {
			c.d.problem(c.t.at("type"), "is %s, not an auth type; use one of %s", shown(s), typeList())
		}
		return false
	}
	c.a.Type = AuthType(s)
	return true
}

func typeList() string {
	names := make([]string, 0, 8)
	for _, t := range AuthTypes() {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

// unused refuses keys of other auth types: a key that is silently ignored
// is the kind of mistake this validation exists to catch.
func (c *authCheck) unused() {
	own := authKeys(c.a.Type)
	for _, k := range c.d.keys(c.t) {
		if k == "type" || slices.Contains(own, k) || !slices.Contains(allAuthKeys(), k) {
			continue
		}
		uses := "no other keys"
		if len(own) > 0 {
			uses = strings.Join(own, ", ")
		}
		c.d.problem(c.t.at(k), "is not used by auth type %s (which takes %s); remove it or change type", c.a.Type, uses)
	}
}

// need reports key as missing unless it was given; the problem is shown
// on the key's line when it is there but empty, else on type's line.
func (c *authCheck) need(key, fix string) {
	if given(c.t, key) || c.d.suggested[pathID(c.t.at(key))] {
		return // present, or a misspelling of it is already reported
	}
	at := c.t.at("type")
	if _, present := c.t.m[key]; present {
		at = c.t.at(key)
	}
	c.d.problemAt(at, c.t.at(key), "auth type %s needs %s; %s", c.a.Type, key, fix)
}

// secret reads a required secret reference.
func (c *authCheck) secret(key, what string) (r secrets.Ref) {
	r = c.d.ref(c.t, key, c.p.Name)
	c.need(key, fmt.Sprintf(`add %s = "keyring" and store %s with: why401 secret set %s %s`, key, what, c.p.Name, key))
	return r
}

func (c *authCheck) basic() {
	c.a.Username = c.d.str(c.t, "username", `"alice"`)
	if strings.Contains(c.a.Username, ":") {
		c.d.problem(c.t.at("username"), `must not contain ":", which Basic authentication cannot carry in a user name (RFC 7617); fix the user name`)
	}
	c.need("username", `add username = "alice"`)
	c.a.Password = c.secret("password", "the password")
}

func (c *authCheck) apiKey() {
	c.a.Name = c.d.str(c.t, "name", `"X-API-Key"`)
	c.need("name", `add name = "X-API-Key" (the header or query parameter that carries the key)`)
	c.a.In = InHeader
	if given(c.t, "in") {
		c.a.In = c.d.str(c.t, "in", `"header"`)
	}
	switch {
	case c.a.In != InHeader && c.a.In != InQuery:
		c.d.problem(c.t.at("in"), `must be "header" or "query"; fix the value`)
	case c.a.In == InHeader && c.a.Name != "" && strings.IndexFunc(c.a.Name, func(r rune) bool { return !isTokenChar(r) }) >= 0:
		c.d.problem(c.t.at("name"), "%s", "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only); fix it, or set in = \"query\"")
	}
	c.a.Value = c.secret("value", "the API key")
}
