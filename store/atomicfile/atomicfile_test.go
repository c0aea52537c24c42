package atomicfile

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

func TestWriteReplacesPrivately(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.toml")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new" {
		t.Fatalf("read %q, %v", got, err)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), TempPattern(path))); len(left) != 0 {
		t.Errorf("temp files left: %v", left)
	}
}

func TestLockWaitsThenSays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.toml")
	unlock, err := Lock(path, time.Second, "editing")
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := Lock(path, 50*time.Millisecond, "editing"); err == nil {
		t.Fatal("a second lock must wait and then fail")
	}
}
