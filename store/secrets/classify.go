package secrets

import (
	"errors"
	"io"
	"net"
	"os/exec"
	"path"
	"runtime"
	"strings"
	"syscall"
	"unicode"

	"github.com/godbus/dbus/v5"
	"github.com/zalando/go-keyring"
)

// classify maps an error from go-keyring, or from the D-Bus underneath it,
// to a Class and a short reason phrase that is safe to put inside one
// sentence. The cases come from the failure modes measured in
// shared/notes/keyring.md (B4) and the go-keyring v0.2.8 source.
func classify(err error) (Class, string) {
	var (
		own *Error
		te  timeoutError
		se  splitError
		ee  *exec.Error
		ne  *net.OpError
	)
	msg := ""
	if err != nil {
		msg = err.Error()
	}
	switch {
	case err == nil:
		return "", "no error"
	case errors.As(err, &own):
		_, why := classify(own.Err)
		return own.Class, why
	case errors.As(err, &te):
		return Timeout, te.Error()
	case errors.As(err, &se):
		return Other, sanitize(se.msg)
	case errors.Is(err, keyring.ErrNotFound):
		return NotFound, "no such item"
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return TooBig, "the platform refused its size"
	case errors.Is(err, keyring.ErrUnsupportedPlatform):
		return Unavailable, "go-keyring does not support " + runtime.GOOS
	case dbusName(err) != "":
		return classifyDBus(dbusName(err), msg)
	case errors.As(err, &ee) && ee.Name == "dbus-launch":
		// godbus autolaunches dbus-launch when no bus address is known.
		return Unavailable, "no D-Bus session bus"
	case errors.As(err, &ee):
		return Unavailable, "cannot run " + ee.Name
	case strings.Contains(msg, "couldn't determine address of session bus"):
		return Unavailable, "no D-Bus session bus"
	case errors.As(err, &ne), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ENOENT):
		return Unavailable, "cannot connect to the D-Bus session bus"
	case errors.Is(err, dbus.ErrClosed), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return Unavailable, "the D-Bus connection closed"
	case strings.Contains(msg, "dbus: authentication failed"):
		return Unavailable, "the D-Bus session bus refused the connection"
	case strings.Contains(msg, "failed to unlock correct collection"):
		return Locked, unlockReason(msg)
	case strings.Contains(msg, "logon session does not exist"):
		// Windows ERROR_NO_SUCH_LOGON_SESSION: a service account or SSH
		// session without a Credential Manager.
		return Unavailable, "no Windows logon session with a Credential Manager"
	}
	return Other, sanitize(msg)
}

// classifyDBus sorts the D-Bus error names go-keyring passes through.
func classifyDBus(name, msg string) (Class, string) {
	switch {
	case name == "org.freedesktop.DBus.Error.ServiceUnknown", name == "org.freedesktop.DBus.Error.NameHasNoOwner":
		return Unavailable, "no Secret Service on the D-Bus session bus"
	case strings.HasPrefix(name, "org.freedesktop.DBus.Error.Spawn."):
		return Unavailable, "the Secret Service failed to start"
	case name == "org.freedesktop.DBus.Error.NoServer", name == "org.freedesktop.DBus.Error.Disconnected":
		return Unavailable, "the D-Bus session bus is gone"
	case name == "org.freedesktop.DBus.Error.UnknownObject", name == "org.freedesktop.DBus.Error.UnknownInterface",
		name == "org.freedesktop.DBus.Error.UnknownMethod":
		// Old KWallet and half-configured services own the name but do not
		// implement the collection go-keyring asks for.
		return Unavailable, "the Secret Service has no usable collection"
	case name == "org.freedesktop.Secret.Error.IsLocked":
		return Locked, "the collection is locked"
	case name == "org.freedesktop.Secret.Error.NoSuchObject":
		return NotFound, "no such item"
	case name == "org.freedesktop.DBus.Error.NoReply", name == "org.freedesktop.DBus.Error.Timeout",
		name == "org.freedesktop.DBus.Error.TimedOut":
		return Timeout, "the Secret Service sent no reply"
	}
	return Other, "D-Bus error " + name + ": " + sanitize(msg)
}

// dbusName is the D-Bus error name in err's chain, or "". godbus returns
// dbus.Error by value for error replies and *dbus.Error elsewhere.
func dbusName(err error) string {
	var v dbus.Error
	if errors.As(err, &v) {
		return v.Name
	}
	var p *dbus.Error
	if errors.As(err, &p) && p != nil {
		return p.Name
	}
	return ""
}

// unlockReason turns go-keyring's "failed to unlock correct collection
// '/org/freedesktop/secrets/collection/login'" into a short phrase. The
// default alias usually means no keyring was ever created or unlocked.
func unlockReason(msg string) string {
	i, j := strings.Index(msg, "'/"), strings.LastIndex(msg, "'")
	if i < 0 || j <= i+1 {
		return "the collection could not be unlocked"
	}
	collection := msg[i+1 : j]
	if strings.HasSuffix(collection, "/aliases/default") {
		return "no unlocked default collection"
	}
	return "collection " + sanitize(path.Base(collection)) + " could not be unlocked"
}

// sanitize makes a foreign message fit inside our one sentence: one line,
// no control characters, no sentence break, bounded.
func sanitize(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, ". ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	if s == "" {
		return "no details"
	}
	return s
}
