package config

import (
	"os"
	"path/filepath"
	"time"

	"github.com/why401/why401/store/atomicfile"
)

// lockWait bounds how long an edit waits for another process's edit.
const lockWait = 30 * time.Second

// lockFile takes the exclusive lock that serialises edits of path.
func lockFile(path string) (unlock func(), err error) {
	return atomicfile.Lock(path, lockWait, "editing")
}

// target is the file to replace: a symlinked config (dotfile managers do
// this) is replaced where it lives, so the link survives.
func target(path string) string {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		return real
	}
	return path
}

func tempPattern(file string) string { return atomicfile.TempPattern(file) }

// removeStaleTemps deletes temp files of earlier edits that died before
// renaming. Only called under the lock, so no live edit owns one.
func removeStaleTemps(file string) {
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(file), tempPattern(file)))
	for _, s := range stale {
		_ = os.Remove(s)
	}
}

// stage writes data to a new 0600 temp file next to file; until commit
// renames it, file is untouched.
func stage(file string, data []byte) (string, error) { return atomicfile.Stage(file, data) }

// commit renames tmp over file and syncs the directory.
func commit(tmp, file string) error { return atomicfile.Commit(tmp, file) }
