// Package secrets resolves the secret references of a profile (keyring,
// env:NAME, cmd:COMMAND, prompt) and talks to the OS keyring behind a
// small interface with timeouts and classified errors.
package secrets

import (
	"errors"
	"fmt"
	"strings"
)

// Kind is where a secret lives.
type Kind string

const (
	KindKeyring Kind = "keyring" // service why401/<profile>, account = the key's name
	KindEnv     Kind = "env"     // an environment variable
	KindCmd     Kind = "cmd"     // the trimmed stdout of a command, run without a shell
	KindPrompt  Kind = "prompt"  // asked once per run without echo
)

// Ref is a secret reference as written in the config.
type Ref struct {
	Kind Kind
	Arg  string // the variable name for env, the command line for cmd
}

// ParseRef reads a reference: "keyring", "env:NAME", "cmd:COMMAND LINE" or
// "prompt". Anything else is refused, because a literal secret in the
// config is exactly what the references exist to avoid.
func ParseRef(s string) (Ref, error) {
	switch {
	case s == string(KindKeyring):
		return Ref{Kind: KindKeyring}, nil
	case s == string(KindPrompt):
		return Ref{Kind: KindPrompt}, nil
	case strings.HasPrefix(s, "env:"):
		name := strings.TrimPrefix(s, "env:")
		if !validEnvName(name) {
			return Ref{}, fmt.Errorf("env:%s does not name an environment variable", name)
		}
		return Ref{Kind: KindEnv, Arg: name}, nil
	case strings.HasPrefix(s, "cmd:"):
		line := strings.TrimSpace(strings.TrimPrefix(s, "cmd:"))
		if line == "" {
			return Ref{}, errors.New("cmd: needs a command line, e.g. cmd:pass show api/staging")
		}
		return Ref{Kind: KindCmd, Arg: line}, nil
	case s == "":
		return Ref{}, errors.New("the secret reference is empty")
	}
	return Ref{}, errors.New(`this looks like a literal secret; store it with "why401 secret set PROFILE NAME" and write "keyring", or use env:NAME, cmd:COMMAND or prompt`)
}

// String is the reference as written in the config; it never holds a secret.
func (r Ref) String() string {
	switch r.Kind {
	case KindEnv, KindCmd:
		return string(r.Kind) + ":" + r.Arg
	}
	return string(r.Kind)
}

// IsZero reports whether the reference is unset.
func (r Ref) IsZero() bool { return r.Kind == "" }

func validEnvName(s string) bool {
	if s == "" || len(s) > 255 {
		return false
	}
	for i, c := range s {
		letter := c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
		if !letter && !(i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// Service is the keyring service name of a profile (CONTRACT).
func Service(profile string) string { return "why401/" + profile }
