// Package atomicfile replaces small files so that a crash or a kill at any
// moment leaves either the old file or the new one, never a mix, and never
// a file another user can read: an exclusive lock serialises writers, the
// data goes to a 0600 temp file beside the target, is synced, and is
// renamed over it.
package atomicfile

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// Lock takes the exclusive lock that serialises writers of path (flock on
// path + ".lock"), waiting up to wait; verb says what the other writer is
// doing, for the error ("editing", "saving to").
func Lock(path string, wait time.Duration, verb string) (unlock func(), err error) {
	l := flock.New(path+".lock", flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 10*time.Millisecond)
	switch {
	case ok:
		return func() { _ = l.Unlock() }, nil
	case errors.Is(err, context.DeadlineExceeded):
		return nil, fmt.Errorf("another why401 has been %s %s for over %s (lock %s.lock); try again", verb, path, wait, path)
	}
	return nil, fmt.Errorf("locking %s.lock: %w", path, err)
}

// TempPattern is the name pattern of path's temp files.
func TempPattern(path string) string { return "." + filepath.Base(path) + ".tmp-*" }

// Stage writes data to a new 0600 temp file next to path and syncs it.
// Until Commit renames it, path is untouched.
func Stage(path string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), TempPattern(path))
	if err != nil {
		return "", fmt.Errorf("creating a temp file for %s: %w", path, err)
	}
	tmp := f.Name()
	err = f.Chmod(0o600)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(tmp)
		return "", fmt.Errorf("writing %s: %w", tmp, err)
	}
	return tmp, nil
}

// Commit renames tmp over path (atomic on one file system) and syncs the
// directory so that the rename itself survives a crash.
func Commit(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		_ = d.Sync() // not supported everywhere (Windows); the rename is done either way
		_ = d.Close()
	}
	return nil
}

// Write is Stage then Commit.
func Write(path string, data []byte) error {
	tmp, err := Stage(path, data)
	if err != nil {
		return err
	}
	return Commit(tmp, path)
}
