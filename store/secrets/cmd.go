package secrets

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DefaultCmdTimeout bounds a cmd: helper when the Resolver sets none.
const DefaultCmdTimeout = 10 * time.Second

const (
	maxStdout   = 1 << 20 // a secret is far smaller; more is a misconfigured command
	maxStderr   = 4 << 10 // kept for the error message
	shownStderr = 300     // runes of stderr an error shows
	waitDelay   = 500 * time.Millisecond
)

// runHelper runs argv without a shell and returns its stdout minus one
// trailing newline. Stdin is empty: the resolver may run while the TUI
// owns the terminal, and helpers that must ask (gpg's pinentry, op,
// ssh-askpass) open the terminal or a window themselves. The environment
// is inherited so they find PATH, HOME, GNUPGHOME and agent sockets.
// Errors name the program and show its stderr, never its stdout.
func runHelper(ctx context.Context, argv []string, timeout time.Duration) (string, error) {
	runCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(runCtx, argv[0], argv[1:]...)
	stdout := &capped{max: maxStdout}
	stderr := &capped{max: maxStderr}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	// A grandchild that keeps the pipes open (a daemon the helper left
	// behind) must not keep us waiting once the helper itself is gone.
	// Only the helper is killed on timeout, not its process group: a
	// helper in its own group could not prompt on the terminal.
	cmd.WaitDelay = waitDelay
	err := cmd.Run()
	if errors.Is(err, exec.ErrWaitDelay) {
		err = nil // the helper exited 0; only a leftover child held the pipes
	}
	prog := argv[0]
	switch {
	case ctx.Err() != nil:
		return "", helperError{prog + " was stopped", ctx.Err()}
	case runCtx.Err() != nil:
		return "", helperError{fmt.Sprintf("%s did not finish within %s and was stopped (does it wait for input?)%s",
			prog, timeout, stderrNote(stderr)), context.DeadlineExceeded}
	case errors.Is(err, exec.ErrNotFound):
		return "", helperError{"cannot run " + prog + " (not found in PATH)", err}
	case err != nil:
		return "", helperError{fmt.Sprintf("%s failed (%s)%s", prog, sanitizeOutput(err.Error(), shownStderr), stderrNote(stderr)), err}
	case stdout.dropped:
		return "", fmt.Errorf("%s printed more than %d bytes, which is not a secret", prog, maxStdout)
	}
	out := stdout.String()
	if strings.HasSuffix(out, "\r\n") {
		out = out[:len(out)-2]
	} else {
		out = strings.TrimSuffix(out, "\n")
	}
	if out == "" {
		return "", fmt.Errorf("%s printed nothing on stdout%s", prog, stderrNote(stderr))
	}
	return out, nil
}

// helperError says what went wrong in our words and keeps the cause for
// errors.Is without repeating its text.
type helperError struct {
	msg string
	err error
}

func (e helperError) Error() string { return e.msg }
func (e helperError) Unwrap() error { return e.err }

func stderrNote(stderr *capped) string {
	s := sanitizeOutput(stderr.String(), shownStderr)
	if s == "" {
		return ""
	}
	return fmt.Sprintf(" and said %q", s)
}

// capped is an io.Writer that keeps the first max bytes and drops the rest.
type capped struct {
	strings.Builder
	max     int
	dropped bool
}

func (c *capped) Write(p []byte) (int, error) {
	room := c.max - c.Len()
	if len(p) > room {
		c.dropped = true
		c.Builder.Write(p[:max(room, 0)])
		return len(p), nil // keep the helper running; we only stop storing
	}
	return c.Builder.Write(p)
}

// sanitizeOutput makes a helper's stderr safe to show on one line:
// terminal escape sequences removed, control characters and invalid UTF-8
// turned into spaces, whitespace collapsed, at most limit runes.
func sanitizeOutput(s string, limit int) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == 0x1b { // ESC: skip a CSI sequence (ESC [ … final byte) or one char
			i = skipEscape(s, i)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.IsControl(r) {
			r = ' '
		}
		b.WriteRune(r)
		i += size
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	if r := []rune(out); len(r) > limit {
		out = string(r[:limit-1]) + "…"
	}
	return out
}

func skipEscape(s string, i int) int {
	if i+1 < len(s) && s[i+1] == '[' {
		for j := i + 2; j < len(s); j++ {
			if s[j] >= 0x40 && s[j] <= 0x7e {
				return j + 1
			}
		}
		return len(s)
	}
	return min(i+2, len(s))
}
