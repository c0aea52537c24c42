// Package debuglog writes the --debug log: one file in the state
// directory, appended to, readable only by the user, where every line
// passes through the same redaction as the history.
package debuglog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/why401/why401/store/redact"
)

// Log is an open debug log. The zero value and a nil *Log discard
// everything, so callers need not check whether --debug was given.
type Log struct {
	mu      sync.Mutex
	f       *os.File
	secrets []string
	now     func() time.Time
}

// Open appends to debug.log under stateDir.
func Open(stateDir string, now func() time.Time) (*Log, error) {
	if err := os.MkdirAll(stateDir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the state directory for the debug log: %w", err)
	}
	path := filepath.Join(stateDir, "debug.log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot open the debug log: %w", err)
	}
	return &Log{f: f, now: now}, nil
}

// Path is where the log is written, "" for a discarding log.
func (l *Log) Path() string {
	if l == nil || l.f == nil {
		return ""
	}
	return l.f.Name()
}

// AddSecret registers a resolved secret so that it is removed from every
// later line even where no pattern would recognise it.
func (l *Log) AddSecret(s string) {
	if l == nil || len(s) < 4 {
		return
	}
	l.mu.Lock()
	l.secrets = append(l.secrets, s)
	l.mu.Unlock()
}

// Printf writes one redacted line.
func (l *Log) Printf(format string, args ...any) {
	if l == nil || l.f == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	line := fmt.Sprintf(format, args...)
	line = redact.Secrets(redact.Text(line), l.secrets)
	line = strings.ReplaceAll(line, "\n", `\n`)
	fmt.Fprintf(l.f, "%s %s\n", l.now().UTC().Format(time.RFC3339Nano), line)
}

// Close closes the file.
func (l *Log) Close() error {
	if l == nil || l.f == nil {
		return nil
	}
	return l.f.Close()
}
