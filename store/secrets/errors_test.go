package secrets

import (
	"errors"
	"net"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/godbus/dbus/v5"
	"github.com/zalando/go-keyring"
)

// assertOneSentence checks the shape every keyring message must have:
// one line, a capital first, one full stop at the very end.
func assertOneSentence(t *testing.T, msg string) {
	t.Helper()
	first := []rune(msg)[0]
	if strings.ContainsAny(msg, "\n\r") || !unicode.IsUpper(first) || !strings.HasSuffix(msg, ".") ||
		strings.Contains(strings.TrimSuffix(msg, "."), ". ") {
		t.Errorf("not one sentence: %q", msg)
	}
}

const testSecret = "s3cr3t-VALUE-never-shown"

// failing is a go-keyring stand-in that returns err from every call.
type failing struct{ err error }

func (f failing) Get(string, string) (string, error) { return "", f.err }
func (f failing) Set(string, string, string) error   { return f.err }
func (f failing) Delete(string, string) error        { return f.err }

func TestClassifiedMessages(t *testing.T) {
	cases := []struct {
		name   string
		err    error
		class  Class
		saying string
	}{
		{"not found", keyring.ErrNotFound, NotFound, `why401 secret set staging token`},
		{"too big", keyring.ErrSetDataTooBig, TooBig, "too big"},
		{"unsupported", keyring.ErrUnsupportedPlatform, Unavailable, "does not support"},
		{"no dbus-launch", &exec.Error{Name: "dbus-launch", Err: exec.ErrNotFound}, Unavailable, "no D-Bus session bus"},
		{"no address", errors.New("dbus: couldn't determine address of session bus"), Unavailable, "no D-Bus session bus"},
		{"socket gone", &net.OpError{Op: "dial", Net: "unix", Err: errors.New("connect: no such file or directory")}, Unavailable, "cannot connect"},
		{"no service", dbus.Error{Name: "org.freedesktop.DBus.Error.ServiceUnknown", Body: []any{"The name org.freedesktop.secrets was not provided by any .service files"}}, Unavailable, "no Secret Service"},
		{"no service ptr", &dbus.Error{Name: "org.freedesktop.DBus.Error.ServiceUnknown"}, Unavailable, "no Secret Service"},
		{"spawn failed", dbus.Error{Name: "org.freedesktop.DBus.Error.Spawn.ChildExited"}, Unavailable, "failed to start"},
		{"no collection", dbus.Error{Name: "org.freedesktop.DBus.Error.UnknownObject"}, Unavailable, "no usable collection"},
		{"login locked", errors.New("failed to unlock correct collection '/org/freedesktop/secrets/collection/login'"), Locked, "collection login could not be unlocked"},
		{"default locked", errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"), Locked, "no unlocked default collection"},
		{"is locked", dbus.Error{Name: "org.freedesktop.Secret.Error.IsLocked"}, Locked, "unlock it"},
		{"no reply", dbus.Error{Name: "org.freedesktop.DBus.Error.NoReply", Body: []any{"Did not receive a reply. Possible causes include: the remote application did not send a reply"}}, Timeout, "sent no reply"},
		{"closed", dbus.ErrClosed, Unavailable, "connection closed"},
		{"windows session", errors.New("A specified logon session does not exist. It may already have been terminated."), Unavailable, "logon session"},
		{"other dbus", dbus.Error{Name: "org.example.Weird", Body: []any{"first. second"}}, Other, "org.example.Weird: first"},
		{"other", errors.New("line one\nline two. More\x1b[31m"), Other, "line one line two"},
	}
	for _, c := range cases {
		k := &osKeyring{backend: failing{c.err}, timeout: DefaultTimeout, hasBus: func() bool { return true }}
		err := k.Set("why401/staging", "token", testSecret)
		if got := ClassOf(err); got != c.class {
			t.Errorf("%s: class %q, want %q (%v)", c.name, got, c.class, err)
			continue
		}
		if cause := errors.Unwrap(err); !reflect.DeepEqual(cause, c.err) {
			t.Errorf("%s: the cause is lost: %v", c.name, cause)
		}
		msg := err.Error()
		assertOneSentence(t, msg)
		if !strings.Contains(msg, c.saying) || !strings.Contains(msg, `"token"`) || !strings.Contains(msg, "why401/staging") {
			t.Errorf("%s: message %q should name the item and say %q", c.name, msg, c.saying)
		}
		if strings.Contains(msg, testSecret) {
			t.Errorf("%s: message holds the secret: %q", c.name, msg)
		}
	}
}

func TestMessageSaysWhatToDo(t *testing.T) {
	unavailable := &Error{Class: Unavailable, Op: "get", Service: "why401/prod", Account: "password", Err: errors.New("no D-Bus session bus")}
	want := `The keyring is not available (no D-Bus session bus), so why401 cannot read "password" under why401/prod: run why401 inside a desktop session or start a Secret Service (such as gnome-keyring), or use env:NAME, cmd:COMMAND or prompt for this secret.`
	if got := unavailable.Error(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	for _, c := range []Class{Unavailable, Locked, Timeout, Other} {
		msg := (&Error{Class: c, Op: "set", Service: "why401/prod", Account: "token", Err: timeoutError{after: 3e9}}).Error()
		assertOneSentence(t, msg)
		if !strings.Contains(msg, "env:NAME, cmd:COMMAND or prompt") || !strings.Contains(msg, "cannot save") {
			t.Errorf("%s: %q lacks the alternatives or the operation", c, msg)
		}
	}
}

func TestMessageWithoutCause(t *testing.T) {
	msg := (&Error{Class: Locked, Op: "get", Service: "why401/prod", Account: "token"}).Error()
	assertOneSentence(t, msg)
	if strings.Contains(msg, "(") && !strings.Contains(msg, "(log in") {
		t.Errorf("empty reason shown: %q", msg)
	}
}

func TestClassOf(t *testing.T) {
	if ClassOf(nil) != "" || ClassOf(errors.New("x")) != Other {
		t.Fatal("ClassOf of plain errors")
	}
	wrapped := errors.Join(errors.New("context"), &Error{Class: Locked})
	if ClassOf(wrapped) != Locked {
		t.Fatal("ClassOf does not look through wrapping")
	}
}
