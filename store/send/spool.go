package send

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/why401/why401/inspect/exchange"
)

// CleanSpools removes body spool files an earlier run left behind. Where
// the OS allows it, a spool is unlinked as soon as it is created; where it
// does not (Windows), a run killed before its clean-up leaves one, and the
// next run removes it here. Only files older than age are touched, so a
// concurrent run keeps its own.
func CleanSpools(dir string, age time.Duration, now time.Time) {
	if dir == "" {
		dir = os.TempDir()
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), exchange.SpoolPrefix) {
			continue
		}
		if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > age {
			_ = os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
