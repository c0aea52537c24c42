package keys

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/why401/why401/inspect/fetch"
)

// DirCache stores fetched key documents as files in a directory, one per
// URL, with the file's modification time as the fetch time. Key sets and
// discovery documents are public, so caching them on disk leaks nothing.
type DirCache struct{ Dir string }

func (c DirCache) path(u string) string {
	sum := sha256.Sum256([]byte(u))
	return filepath.Join(c.Dir, "keys-"+hex.EncodeToString(sum[:12])+".json")
}

// Get returns the cached document for u and when it was fetched.
func (c DirCache) Get(u string) ([]byte, time.Time, bool) {
	p := c.path(u)
	st, err := os.Stat(p)
	if err != nil || st.Size() > fetch.DefaultMaxBytes {
		return nil, time.Time{}, false
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, time.Time{}, false
	}
	return data, st.ModTime(), true
}

// Put writes the document atomically and stamps it with its fetch time.
func (c DirCache) Put(u string, data []byte, at time.Time) error {
	if err := os.MkdirAll(c.Dir, 0o700); err != nil {
		return fmt.Errorf("cannot create cache directory: %w", err)
	}
	tmp, err := os.CreateTemp(c.Dir, ".keys-*")
	if err != nil {
		return fmt.Errorf("cannot write cache: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write cache: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write cache: %w", err)
	}
	if err := os.Chtimes(tmp.Name(), at, at); err != nil {
		return fmt.Errorf("cannot stamp cache: %w", err)
	}
	return os.Rename(tmp.Name(), c.path(u))
}
