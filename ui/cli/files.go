package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/why401/why401/inspect/keys"
)

func readFileCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, limit)
	}
	return b, nil
}

// cacheDir is $XDG_CACHE_HOME/why401 (CONTRACT), else the platform's cache dir.
func (e *env) cacheDir() string {
	if d := e.getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "why401")
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "why401")
	}
	return ""
}

func (e *env) fetcher() keys.Fetcher {
	f := keys.Fetcher{}
	if e.noDiskCache {
		return f // the demo writes nothing of the user's
	}
	if dir := e.cacheDir(); dir != "" {
		f.Cache = keys.DirCache{Dir: dir}
	}
	return f
}
