// Package history keeps the requests a profile sent, redacted and capped,
// under the state directory ($XDG_STATE_HOME/why401/history). Credentials,
// cookies and secret fields never reach the file: they are fingerprinted
// before an entry is written.
package history

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/why401/why401/store/redact"
)

// Defaults keep the history useful and small.
const (
	DefaultMaxEntries = 200
	DefaultMaxBytes   = 4 << 20
	DefaultMaxBody    = 64 << 10
)

// Entry is one request and what came back.
type Entry struct {
	Time            time.Time       `json:"time"`
	Method          string          `json:"method"`
	URL             string          `json:"url"`
	RequestHeaders  []redact.Header `json:"request_headers"`
	RequestBody     string          `json:"request_body,omitempty"`
	Status          int             `json:"status"`
	ResponseHeaders []redact.Header `json:"response_headers"`
	ResponseBody    string          `json:"response_body,omitempty"`
	DurationMS      float64         `json:"duration_ms"`
	Diagnosis       string          `json:"diagnosis,omitempty"` // the first diagnosis id
}

// Store writes one JSON-lines file per profile.
type Store struct {
	Dir        string // the history directory
	MaxEntries int
	MaxBytes   int64
	MaxBody    int
}

// Open returns the history under a state directory.
func Open(stateDir string) Store {
	return Store{Dir: filepath.Join(stateDir, "history"), MaxEntries: DefaultMaxEntries,
		MaxBytes: DefaultMaxBytes, MaxBody: DefaultMaxBody}
}

func (s Store) path(profile string) string { return filepath.Join(s.Dir, profile+".jsonl") }

// Append redacts e and adds it to the profile's history, dropping the
// oldest entries beyond the caps. Secrets are passed so that values the
// patterns might miss (a resolved API key, say) are removed too.
func (s Store) Append(profile string, e Entry, reqContentType, respContentType string, secrets []string) error {
	e = s.redactEntry(e, reqContentType, respContentType, secrets)
	line, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("cannot encode a history entry: %w", err)
	}
	entries, err := s.lines(profile)
	if err != nil {
		return err
	}
	entries = append(entries, line)
	return s.write(profile, s.trim(entries))
}

func (s Store) redactEntry(e Entry, reqCT, respCT string, secrets []string) Entry {
	e.URL = redact.Secrets(redact.URL(e.URL), secrets)
	e.RequestHeaders = scrubHeaders(redact.Headers(e.RequestHeaders), secrets)
	e.ResponseHeaders = scrubHeaders(redact.Headers(e.ResponseHeaders), secrets)
	e.RequestBody = redact.Secrets(string(redact.Body(reqCT, []byte(e.RequestBody), s.MaxBody)), secrets)
	e.ResponseBody = redact.Secrets(string(redact.Body(respCT, []byte(e.ResponseBody), s.MaxBody)), secrets)
	return e
}

func scrubHeaders(hs []redact.Header, secrets []string) []redact.Header {
	for i := range hs {
		hs[i].Value = redact.Secrets(hs[i].Value, secrets)
	}
	return hs
}

// trim keeps the newest entries within the count and size caps.
func (s Store) trim(lines [][]byte) [][]byte {
	if s.MaxEntries > 0 && len(lines) > s.MaxEntries {
		lines = lines[len(lines)-s.MaxEntries:]
	}
	var size int64
	for i := len(lines) - 1; i >= 0; i-- {
		size += int64(len(lines[i]) + 1)
		if s.MaxBytes > 0 && size > s.MaxBytes {
			return lines[i+1:]
		}
	}
	return lines
}

// List returns the profile's entries, oldest first.
func (s Store) List(profile string) ([]Entry, error) {
	lines, err := s.lines(profile)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0, len(lines))
	for _, l := range lines {
		var e Entry
		if json.Unmarshal(l, &e) == nil {
			out = append(out, e)
		}
	}
	return out, nil
}

// Clear removes the profile's history.
func (s Store) Clear(profile string) error {
	if err := os.Remove(s.path(profile)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("cannot clear the history of %s: %w", profile, err)
	}
	return nil
}

func (s Store) lines(profile string) ([][]byte, error) {
	data, err := os.ReadFile(s.path(profile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("cannot read the history of %s: %w", profile, err)
	}
	var out [][]byte
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), int(s.MaxBytes)+1<<20)
	for sc.Scan() {
		if l := bytes.TrimSpace(sc.Bytes()); len(l) > 0 {
			out = append(out, append([]byte(nil), l...))
		}
	}
	return out, nil
}

// write replaces the file atomically, readable only by the user.
func (s Store) write(profile string, lines [][]byte) error {
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the history directory: %w", err)
	}
	tmp, err := os.CreateTemp(s.Dir, ".history-*")
	if err != nil {
		return fmt.Errorf("cannot write the history: %w", err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	for _, l := range lines {
		w.Write(l)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write the history: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write the history: %w", err)
	}
	return os.Rename(tmp.Name(), s.path(profile))
}
