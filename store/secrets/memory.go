package secrets

import (
	"sync"

	"github.com/zalando/go-keyring"
)

// Memory returns an empty in-memory Keyring for the tests of the layers
// above (profiles, token caching, doctor). It is safe for concurrent use
// and reports a missing item as NotFound, like the real one.
func Memory() Keyring { return &memory{items: map[itemKey]string{}} }

type itemKey struct{ service, account string }

type memory struct {
	mu    sync.Mutex
	items map[itemKey]string
}

func (m *memory) Get(service, account string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.items[itemKey{service, account}]
	if !ok {
		return "", notFound("get", service, account)
	}
	return v, nil
}

func (m *memory) Set(service, account, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.items[itemKey{service, account}] = value
	return nil
}

func (m *memory) Delete(service, account string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := itemKey{service, account}
	if _, ok := m.items[k]; !ok {
		return notFound("delete", service, account)
	}
	delete(m.items, k)
	return nil
}

func notFound(op, service, account string) error {
	return &Error{Class: NotFound, Op: op, Service: service, Account: account, Err: keyring.ErrNotFound}
}
