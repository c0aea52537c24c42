package secrets

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Class says what kind of keyring failure an *Error is, so callers can
// decide (doctor, "secret set", the resolver) without parsing messages.
// It is a string so that `doctor --json` prints something readable.
type Class string

const (
	Unavailable Class = "unavailable" // no D-Bus session, no Secret Service, no platform support
	Locked      Class = "locked"      // the collection is locked or an unlock prompt was dismissed
	Timeout     Class = "timeout"     // the keyring did not answer in time
	NotFound    Class = "not found"   // no such item
	TooBig      Class = "too big"     // the platform refused the value's size
	Other       Class = "other"       // anything else
)

// Error is a classified keyring failure. It never holds a secret value:
// only the operation, the item's name and the underlying error.
type Error struct {
	Class   Class
	Op      string // "get", "set", "delete" or "probe"
	Service string // e.g. why401/staging
	Account string // e.g. token
	Err     error  // the cause, as go-keyring or D-Bus reported it
}

// Error is one sentence: what happened to which item, and what to do.
func (e *Error) Error() string {
	reason := e.reason()
	switch e.Class {
	case Unavailable:
		return fmt.Sprintf("The keyring is not available%s%s: run why401 inside a desktop session or start a Secret Service (such as gnome-keyring), or use %s.", reason, e.consequence(), alternatives(e.Account))
	case Locked:
		return fmt.Sprintf("The keyring is locked%s%s: unlock it (log in to the desktop or use your keyring manager) and try again, or use %s.", reason, e.consequence(), alternatives(e.Account))
	case Timeout:
		return fmt.Sprintf("The keyring did not answer%s%s: it may be hung or waiting for an unlock prompt, so unlock or restart it and try again, or use %s.", reason, e.consequence(), alternatives(e.Account))
	case NotFound:
		return fmt.Sprintf("There is no %s in the keyring: %s.", e.item(), e.howToStore())
	case TooBig:
		return fmt.Sprintf("The value of %s is too big for this keyring%s: use env:NAME or cmd:COMMAND for it instead.", e.item(), reason)
	}
	return fmt.Sprintf("The keyring failed%s%s: run \"why401 doctor\" to check it, or use %s.", reason, e.consequence(), alternatives(e.Account))
}

// reason is " (why)" from the cause, or nothing without one.
func (e *Error) reason() string {
	if e.Err == nil {
		return ""
	}
	_, why := classify(e.Err)
	return " (" + why + ")"
}

// Unwrap gives errors.Is/As access to the cause (keyring.ErrNotFound, a
// dbus.Error, …).
func (e *Error) Unwrap() error { return e.Err }

// item names the keyring item as a user would look for it.
func (e *Error) item() string {
	if e.Account == "" {
		return "item under " + e.Service
	}
	return fmt.Sprintf("%q under %s", e.Account, e.Service)
}

// consequence is ", so why401 cannot read "token" under why401/x", or
// nothing for a probe that concerns no item.
func (e *Error) consequence() string {
	if e.Account == "" {
		return ""
	}
	verb := map[string]string{"get": "read", "set": "save", "delete": "delete"}[e.Op]
	if verb == "" {
		verb = "use"
	}
	return fmt.Sprintf(", so why401 cannot %s %s", verb, e.item())
}

func (e *Error) howToStore() string {
	if profile, ok := strings.CutPrefix(e.Service, Service("")); ok && e.Account != "" {
		return fmt.Sprintf("store it with \"why401 secret set %s %s\", or use env:NAME, cmd:COMMAND or prompt for it", profile, e.Account)
	}
	return "store it first, or use env:NAME, cmd:COMMAND or prompt for it"
}

func alternatives(account string) string {
	if account == "" {
		return "env:NAME, cmd:COMMAND or prompt for your secrets"
	}
	return "env:NAME, cmd:COMMAND or prompt for this secret"
}

// ClassOf returns the class of the first *Error in err's chain: "" for
// nil, Other for an error that was never classified.
func ClassOf(err error) Class {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Class
	}
	return Other
}

// IsNotFound reports whether err says the item does not exist.
func IsNotFound(err error) bool { return ClassOf(err) == NotFound }

// timeoutError is the cause of a Timeout: how long we waited, or that an
// earlier call that timed out is still blocked.
type timeoutError struct {
	after   time.Duration
	earlier bool
}

func (t timeoutError) Error() string {
	if t.earlier {
		return "an earlier call has been waiting for more than " + t.after.String()
	}
	return "waited " + t.after.String()
}

// splitError is the cause when the parts of a split value do not add up.
type splitError struct{ msg string }

func (s splitError) Error() string { return s.msg }
