package secrets

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// blocking is a backend that hangs like go-keyring on a wedged Secret
// Service, until release is closed.
type blocking struct{ release chan struct{} }

func (b blocking) Get(string, string) (string, error) { <-b.release; return "late", nil }
func (b blocking) Set(string, string, string) error   { <-b.release; return nil }
func (b blocking) Delete(string, string) error        { <-b.release; return nil }

func TestOSTimeoutOnHang(t *testing.T) {
	b := blocking{release: make(chan struct{})}
	k := &osKeyring{backend: b, timeout: 200 * time.Millisecond, hasBus: func() bool { return true }}

	start := time.Now()
	_, err := k.Get("why401/x", "token")
	took := time.Since(start)
	if ClassOf(err) != Timeout || took < 200*time.Millisecond || took > time.Second {
		t.Fatalf("Get on a hung backend: %v after %s", err, took)
	}
	if !strings.Contains(err.Error(), "did not answer (waited 200ms)") {
		t.Errorf("message: %q", err)
	}
	assertOneSentence(t, err.Error())

	// While the abandoned call is blocked, further calls fail at once.
	start = time.Now()
	err = k.Set("why401/x", "token", testSecret)
	if ClassOf(err) != Timeout || time.Since(start) > 50*time.Millisecond || !strings.Contains(err.Error(), "earlier call") {
		t.Fatalf("Set behind a hung call: %v after %s", err, time.Since(start))
	}

	close(b.release) // the service answers at last: calls work again
	deadline := time.Now().Add(2 * time.Second)
	for k.stillBlocked() && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if v, err := k.Get("why401/x", "token"); v != "late" || err != nil {
		t.Fatalf("Get after the service recovered: %q, %v", v, err)
	}
}

func TestOSWithoutBusNeverCallsGoKeyring(t *testing.T) {
	called := false
	k := &osKeyring{backend: spy{&called}, timeout: time.Second, hasBus: func() bool { return false }}
	_, err := k.Get("why401/x", "token")
	if called || ClassOf(err) != Unavailable || !strings.Contains(err.Error(), "no D-Bus session bus") {
		t.Fatalf("called=%v err=%v", called, err)
	}
}

type spy struct{ called *bool }

func (s spy) Get(string, string) (string, error) { *s.called = true; return "", errors.New("x") }
func (s spy) Set(string, string, string) error   { *s.called = true; return nil }
func (s spy) Delete(string, string) error        { *s.called = true; return nil }

func TestOSDefaultTimeout(t *testing.T) {
	if k := OS(0).(*osKeyring); k.timeout != DefaultTimeout {
		t.Fatalf("OS(0) timeout = %s", k.timeout)
	}
}
