package secrets

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

// Resolver turns secret references into values lazily: nothing resolves
// until Resolve asks, so only the active profile's secrets are fetched,
// and only when first needed (a cmd: helper may prompt or hit the
// network). A value is then kept in memory, never on disk, for the
// Resolver's life: one Resolver per run. Failures are not kept, so a
// variable exported or a helper fixed since works on the next call.
//
// A Resolver is safe for concurrent use (two callers asking for the same
// secret share one keyring call, helper run or prompt) and must not be
// copied after first use.
type Resolver struct {
	// Keyring serves keyring references; normally
	// Split(OS(timeout), DefaultLimit()). Nil: they fail as Unavailable.
	Keyring Keyring
	// Getenv serves env: references; nil means os.Getenv.
	Getenv func(string) string
	// Prompt asks for a prompt reference without echo; nil: such
	// references fail, saying there is no terminal to ask on.
	Prompt func(label string) (string, error)
	// CmdTimeout bounds each cmd: helper; 0 means DefaultCmdTimeout.
	CmdTimeout time.Duration

	mu    sync.Mutex
	cache map[resolveKey]*resolution
}

type resolveKey struct {
	profile, name string
	ref           Ref // part of the key: an edited reference must not return the old value
}

// resolution is one secret, resolved or being resolved; done is closed
// when value and err are final.
type resolution struct {
	done  chan struct{}
	value string
	err   error
}

// Resolve returns the secret that ref designates for the key name (token,
// password, …) of profile. Errors name the profile, the key and the
// reference, and say what to do; they never hold the secret. Keyring
// failures are *Error.
func (r *Resolver) Resolve(ctx context.Context, profile, name string, ref Ref) (string, error) {
	key := resolveKey{profile, name, ref}
	res, owner := r.claim(key)
	if !owner {
		select {
		case <-res.done:
			return res.value, res.err
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
	res.value, res.err = r.fetch(ctx, profile, name, ref)
	if res.err != nil {
		r.mu.Lock()
		delete(r.cache, key)
		r.mu.Unlock()
	}
	close(res.done)
	return res.value, res.err
}

// Forget drops what was resolved for name in profile, whatever its
// reference, e.g. after "secret set" or a rotated refresh token.
func (r *Resolver) Forget(profile, name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for k := range r.cache {
		if k.profile == profile && k.name == name {
			delete(r.cache, k)
		}
	}
}

// claim returns the resolution for key, and whether the caller created it
// and so must fetch it.
func (r *Resolver) claim(key resolveKey) (*resolution, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if res, ok := r.cache[key]; ok {
		return res, false
	}
	if r.cache == nil {
		r.cache = map[resolveKey]*resolution{}
	}
	res := &resolution{done: make(chan struct{})}
	r.cache[key] = res
	return res, true
}

func (r *Resolver) fetch(ctx context.Context, profile, name string, ref Ref) (string, error) {
	what := fmt.Sprintf("%q of profile %s", name, profile)
	switch ref.Kind {
	case KindKeyring:
		if r.Keyring == nil {
			return "", &Error{Class: Unavailable, Op: "get", Service: Service(profile), Account: name,
				Err: errors.New("no keyring configured")}
		}
		return r.Keyring.Get(Service(profile), name)
	case KindEnv:
		return r.fromEnv(what, ref.Arg)
	case KindCmd:
		return r.fromCmd(ctx, what, ref.Arg)
	case KindPrompt:
		return r.fromPrompt(what, name, profile)
	}
	return "", fmt.Errorf("%s has no secret reference: set it to keyring, env:NAME, cmd:COMMAND or prompt", what)
}

func (r *Resolver) fromEnv(what, variable string) (string, error) {
	getenv := r.Getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	if v := getenv(variable); v != "" {
		return v, nil
	}
	return "", fmt.Errorf("the environment variable %s is unset or empty, but %s uses env:%s: export it before running why401, or change the reference", variable, what, variable)
}

func (r *Resolver) fromCmd(ctx context.Context, what, line string) (string, error) {
	argv, err := splitCommand(line)
	if err != nil {
		return "", fmt.Errorf("the cmd: reference of %s cannot be split into arguments (%v): fix its quoting in the profile", what, err)
	}
	timeout := r.CmdTimeout
	if timeout <= 0 {
		timeout = DefaultCmdTimeout
	}
	v, err := runHelper(ctx, argv, timeout)
	if err != nil {
		return "", fmt.Errorf("the cmd: helper of %s failed: %w", what, err)
	}
	return v, nil
}

func (r *Resolver) fromPrompt(what, name, profile string) (string, error) {
	if r.Prompt == nil {
		return "", fmt.Errorf("%s uses prompt, but there is no terminal to ask on: run why401 in a terminal, or use env:NAME or cmd:COMMAND for it", what)
	}
	v, err := r.Prompt(fmt.Sprintf("%s for profile %s", name, profile))
	if err != nil {
		return "", fmt.Errorf("asking for %s: %w", what, err)
	}
	if v == "" {
		return "", fmt.Errorf("nothing was entered for %s", what)
	}
	return v, nil
}
