package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
)

// lazySecrets resolves the profile's secret references on first use and
// keeps the values in memory for the provider's life: a cmd: helper may
// prompt or hit the network, so it runs once, and only if needed.
type lazySecrets struct {
	fn      SecretFunc
	profile string

	mu   sync.Mutex
	vals map[string]string
}

func newLazySecrets(fn SecretFunc, profile string) *lazySecrets {
	return &lazySecrets{fn: fn, profile: profile, vals: map[string]string{}}
}

// required returns the named secret, or an error saying how to store it.
func (l *lazySecrets) required(ctx context.Context, name string) (string, error) {
	v, err := l.optional(ctx, name)
	if err == nil && v == "" {
		err = fmt.Errorf("the profile has no %s; store it with \"why401 secret set %s %s\" and write %s = \"keyring\", or use env:NAME, cmd:COMMAND or prompt", name, l.profileName(), name, name)
	}
	return v, err
}

// optional returns the named secret, or "" when the profile has none.
func (l *lazySecrets) optional(ctx context.Context, name string) (string, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if v, ok := l.vals[name]; ok {
		return v, nil
	}
	v, err := l.fn(ctx, name)
	if errors.Is(err, ErrNoSecret) {
		v, err = "", nil
	}
	if err != nil {
		// The resolver's errors say which reference failed, never its value.
		return "", fmt.Errorf("cannot read the profile's %s: %w", name, err)
	}
	if strings.ContainsAny(v, "\r\n") {
		return "", fmt.Errorf("the profile's %s contains a line break; store it without one", name)
	}
	l.vals[name] = v
	return v, nil
}

// forget drops a resolved value, so the next use resolves it again.
func (l *lazySecrets) forget(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.vals, name)
}

// known is every value resolved so far, to scrub from server text.
func (l *lazySecrets) known() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]string, 0, len(l.vals))
	for _, v := range l.vals {
		out = append(out, v)
	}
	return out
}

func (l *lazySecrets) profileName() string {
	if l.profile == "" {
		return "PROFILE"
	}
	return l.profile
}
