package secrets

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// DefaultTimeout bounds one keyring call when OS is given no timeout. The
// notes suggest 3–5 s for reads; interactive commands that may wait for
// an unlock prompt should pass more (30–60 s).
const DefaultTimeout = 5 * time.Second

// OS returns the platform keyring through go-keyring (Secret Service on
// Linux and BSD, the Keychain on macOS, Credential Manager on Windows),
// with every call bounded by timeout (DefaultTimeout if timeout <= 0).
//
// go-keyring has no timeout and waits forever when a process owns
// org.freedesktop.secrets but never answers, or when an unlock prompt is
// never answered. So each call runs in its own goroutine; when the time is
// up the call returns a Timeout error and that goroutine is abandoned: it
// stays blocked until the keyring answers or the process ends. While an
// abandoned call is still blocked, later calls on the same Keyring fail at
// once with Timeout rather than piling up more blocked goroutines.
//
// On Linux and BSD it first checks that a session bus is known: without
// one godbus would run dbus-launch, which leaks a bus per call and can
// hang. Values are not split; wrap it: Split(OS(t), DefaultLimit()).
func OS(timeout time.Duration) Keyring {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &osKeyring{backend: goKeyring{}, timeout: timeout, hasBus: sessionBusKnown}
}

type osKeyring struct {
	backend Keyring // raw calls: goKeyring, or a fake in tests
	timeout time.Duration
	hasBus  func() bool // false: fail as Unavailable without calling the backend

	mu        sync.Mutex
	abandoned int // calls that timed out and are still blocked
}

func (k *osKeyring) Get(service, account string) (string, error) {
	return k.call("get", service, account, func() (string, error) {
		return k.backend.Get(service, account)
	})
}

func (k *osKeyring) Set(service, account, value string) error {
	_, err := k.call("set", service, account, func() (string, error) {
		return "", k.backend.Set(service, account, value)
	})
	return err
}

func (k *osKeyring) Delete(service, account string) error {
	_, err := k.call("delete", service, account, func() (string, error) {
		return "", k.backend.Delete(service, account)
	})
	return err
}

type callResult struct {
	value string
	err   error
}

// call runs f under the timeout and classifies what it returns.
func (k *osKeyring) call(op, service, account string, f func() (string, error)) (string, error) {
	fail := func(class Class, err error) error {
		return &Error{Class: class, Op: op, Service: service, Account: account, Err: err}
	}
	if !k.hasBus() {
		return "", fail(Unavailable, errors.New("no D-Bus session bus"))
	}
	if k.stillBlocked() {
		return "", fail(Timeout, timeoutError{after: k.timeout, earlier: true})
	}
	done := make(chan callResult, 1) // buffered: an abandoned call can still finish
	go func() {
		v, err := f()
		done <- callResult{v, err}
	}()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		if r.err != nil {
			class, _ := classify(r.err)
			return "", fail(class, r.err)
		}
		return r.value, nil
	case <-timer.C:
		k.abandon(done)
		return "", fail(Timeout, timeoutError{after: k.timeout})
	}
}

func (k *osKeyring) stillBlocked() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.abandoned > 0
}

// abandon counts a timed-out call until it finally returns.
func (k *osKeyring) abandon(done <-chan callResult) {
	k.mu.Lock()
	k.abandoned++
	k.mu.Unlock()
	go func() {
		<-done
		k.mu.Lock()
		k.abandoned--
		k.mu.Unlock()
	}()
}

// sessionBusKnown reports whether godbus would find a session bus without
// autolaunching one: the address variable, or the systemd user bus socket
// (the same places godbus looks, conn_other.go).
func sessionBusKnown() bool {
	switch runtime.GOOS {
	case "darwin", "windows":
		return true // no D-Bus involved
	}
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" && addr != "autolaunch:" {
		return true
	}
	dir := filepath.Join("/run/user", strconv.Itoa(os.Getuid()))
	for _, name := range []string{"bus", "dbus-session"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// goKeyring is go-keyring itself, unbounded and unclassified.
type goKeyring struct{}

func (goKeyring) Get(service, account string) (string, error) { return keyring.Get(service, account) }
func (goKeyring) Set(service, account, value string) error {
	return keyring.Set(service, account, value)
}
func (goKeyring) Delete(service, account string) error { return keyring.Delete(service, account) }
