package config

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gofrs/flock"
)

// lockWait bounds how long an edit waits for another process's edit.
const lockWait = 30 * time.Second

// lockFile takes the exclusive lock that serialises edits of path
// (flock on path + ".lock"), waiting up to lockWait.
func lockFile(path string) (unlock func(), err error) {
	l := flock.New(path+".lock", flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 10*time.Millisecond)
	switch {
	case ok:
		return func() { _ = l.Unlock() }, nil
	case errors.Is(err, context.DeadlineExceeded):
		return nil, fmt.Errorf("another why401 has been editing %s for over %s (lock %s.lock); try again", path, lockWait, path)
	}
	return nil, fmt.Errorf("locking %s.lock: %w", path, err)
}

// target is the file to replace: a symlinked config (dotfile managers do
// this) is replaced where it lives, so the link survives.
func target(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

func tempPattern(file string) string { return "." + filepath.Base(file) + ".tmp-*" }

// removeStaleTemps deletes temp files of earlier edits that died before
// renaming. Only called under the lock, so no live edit owns one.
func removeStaleTemps(file string) {
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(file), tempPattern(file)))
	for _, s := range stale {
		_ = os.Remove(s)
	}
}

// stage writes data to a new temp file next to file, mode 0600, and syncs
// it to disk. Until commit renames it, file is untouched: a process killed
// here leaves the old file and a temp file only its owner can read.
func stage(file string, data []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(file), tempPattern(file))
	if err != nil {
		return "", fmt.Errorf("creating a temp file for %s: %w", file, err)
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

// commit renames tmp over file (atomic on one file system) and syncs the
// directory so that the rename itself survives a crash.
func commit(tmp, file string) error {
	if err := os.Rename(tmp, file); err != nil {
		_ = os.Remove(tmp)
		return fmt.Errorf("replacing %s: %w", file, err)
	}
	if d, err := os.Open(filepath.Dir(file)); err == nil {
		_ = d.Sync() // not supported everywhere (Windows); the rename is done either way
		_ = d.Close()
	}
	return nil
}
