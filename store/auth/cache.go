package auth

import (
	"cmp"
	"encoding/json"
	"sync"
	"time"

	"github.com/why401/why401/store/secrets"
)

// CachedToken is what a flow leaves behind for the next request or run.
type CachedToken struct {
	AccessToken  string
	RefreshToken string
	TokenType    string    // as the server said it ("Bearer", "bearer", …)
	Expiry       time.Time // zero: unknown, the token is used until a 401
}

// TokenCache keeps a profile's tokens between requests and runs.
type TokenCache interface {
	// Load returns the cached tokens; ok is false when there are none.
	Load(profile string) (t CachedToken, ok bool, err error)
	// Save replaces the cached tokens; an empty field removes its item.
	Save(profile string, t CachedToken) error
	// Forget removes every cached token of the profile.
	Forget(profile string) error
}

// Keyring items of the cache, in the profile's service (why401/<profile>).
// The tokens are stored as they are, so `secret-tool lookup` shows the
// same value why401 sends; the expiry and token type, which are not
// secrets, go to a third item as JSON: {"expiry":"RFC 3339","token_type":"Bearer"}.
const (
	ItemAccessToken  = "access_token"
	ItemRefreshToken = "refresh_token"
	ItemTokenMeta    = "access_token.meta"
)

// KeyringCache is the TokenCache of the OS keyring (or of
// secrets.Memory() in tests).
type KeyringCache struct {
	Keyring secrets.Keyring
}

type tokenMeta struct {
	Expiry    time.Time `json:"expiry,omitzero"`
	TokenType string    `json:"token_type,omitempty"`
}

func (c KeyringCache) Load(profile string) (CachedToken, bool, error) {
	svc := secrets.Service(profile)
	var t CachedToken
	var err error
	if t.RefreshToken, err = c.get(svc, ItemRefreshToken); err != nil {
		return CachedToken{}, false, err
	}
	if t.AccessToken, err = c.get(svc, ItemAccessToken); err != nil {
		return CachedToken{}, false, err
	}
	if t.AccessToken != "" {
		t.TokenType, t.Expiry = c.meta(svc)
	}
	return t, t.AccessToken != "" || t.RefreshToken != "", nil
}

// meta reads the expiry and type. A missing item means unknown expiry
// (the token is used until a 401); an unreadable one means expired, so a
// token of doubtful age is never sent.
func (c KeyringCache) meta(svc string) (string, time.Time) {
	raw, err := c.get(svc, ItemTokenMeta)
	if err != nil || raw == "" {
		return "", time.Time{}
	}
	var m tokenMeta
	if json.Unmarshal([]byte(raw), &m) != nil {
		return "", time.Unix(1, 0)
	}
	return m.TokenType, m.Expiry
}

// Save writes the refresh token first: a rotated refresh token is the one
// item whose loss would force the user through the flow again.
func (c KeyringCache) Save(profile string, t CachedToken) error {
	svc := secrets.Service(profile)
	meta := ""
	if t.AccessToken != "" {
		b, _ := json.Marshal(tokenMeta{Expiry: t.Expiry.UTC(), TokenType: t.TokenType})
		meta = string(b)
	}
	// Every item is tried; the first failure is reported (they usually
	// share one cause, such as a locked keyring).
	return cmp.Or(
		c.put(svc, ItemRefreshToken, t.RefreshToken),
		c.put(svc, ItemAccessToken, t.AccessToken),
		c.put(svc, ItemTokenMeta, meta),
	)
}

func (c KeyringCache) Forget(profile string) error {
	return c.Save(profile, CachedToken{})
}

// get reads an item; a missing one is "". The keyring's errors are
// already sentences naming the item, and never hold its value.
func (c KeyringCache) get(svc, item string) (string, error) {
	v, err := c.Keyring.Get(svc, item)
	if secrets.IsNotFound(err) {
		return "", nil
	}
	return v, err
}

// put writes an item, or deletes it for an empty value.
func (c KeyringCache) put(svc, item, value string) error {
	if value != "" {
		return c.Keyring.Set(svc, item, value)
	}
	if err := c.Keyring.Delete(svc, item); !secrets.IsNotFound(err) {
		return err
	}
	return nil
}

// MemoryCache keeps tokens in memory only: for tests, and for running
// without a keyring (tokens then last as long as the process).
type MemoryCache struct {
	mu     sync.Mutex
	tokens map[string]CachedToken
}

// NewMemoryCache returns an empty MemoryCache.
func NewMemoryCache() *MemoryCache { return &MemoryCache{tokens: map[string]CachedToken{}} }

func (m *MemoryCache) Load(profile string) (CachedToken, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.tokens[profile]
	return t, ok, nil
}

func (m *MemoryCache) Save(profile string, t CachedToken) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if t == (CachedToken{}) {
		delete(m.tokens, profile)
	} else {
		m.tokens[profile] = t
	}
	return nil
}

func (m *MemoryCache) Forget(profile string) error { return m.Save(profile, CachedToken{}) }

// SessionCache keeps tokens in memory for the life of the process and
// writes them through to another cache (the keyring). A long-running
// program (the terminal app) builds a provider per request, so without it
// a token obtained once is lost whenever the keyring cannot keep it.
type SessionCache struct {
	Mem   *MemoryCache
	Store TokenCache // nil: memory only
}

// NewSessionCache is a SessionCache over store.
func NewSessionCache(store TokenCache) SessionCache {
	return SessionCache{Mem: NewMemoryCache(), Store: store}
}

// Load prefers the tokens this process holds, then the store's.
func (c SessionCache) Load(profile string) (CachedToken, bool, error) {
	if t, ok, _ := c.Mem.Load(profile); ok && t != (CachedToken{}) {
		return t, true, nil
	}
	if c.Store == nil {
		return CachedToken{}, false, nil
	}
	return c.Store.Load(profile)
}

// Save always keeps t in memory; the store's failure is still reported.
func (c SessionCache) Save(profile string, t CachedToken) error {
	_ = c.Mem.Save(profile, t)
	if c.Store == nil {
		return nil
	}
	return c.Store.Save(profile, t)
}

// Forget drops the tokens from memory and from the store.
func (c SessionCache) Forget(profile string) error {
	_ = c.Mem.Forget(profile)
	if c.Store == nil {
		return nil
	}
	return c.Store.Forget(profile)
}
