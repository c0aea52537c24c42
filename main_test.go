package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// buildOnce compiles a package into a shared temp dir once per test binary.
type buildOnce struct {
	once sync.Once
	path string
	err  error
}

func (b *buildOnce) get(tb testing.TB, pkg, name string) string {
	tb.Helper()
	b.once.Do(func() {
		dir, err := os.MkdirTemp("", "why401-bin-")
		if err != nil {
			b.err = err
			return
		}
		b.path = filepath.Join(dir, name)
		out, err := exec.Command("go", "build", "-o", b.path, pkg).CombinedOutput()
		if err != nil {
			b.err = err
			tb.Logf("%s", out)
		}
	})
	if b.err != nil {
		tb.Fatalf("build %s: %v", pkg, b.err)
	}
	return b.path
}

// The builds are shared by tests and benchmarks of this package.
var why401Bin, jwtBin buildOnce

func TestMain(m *testing.M) {
	code := m.Run()
	for _, b := range []*buildOnce{&why401Bin, &jwtBin} {
		if b.path != "" {
			os.RemoveAll(filepath.Dir(b.path))
		}
	}
	os.Exit(code)
}

// TestReadmeMainJob runs the README's first command as a user would: the
// demo token on stdin, verified with the demo key at a fixed clock.
func TestReadmeMainJob(t *testing.T) {
	bin := why401Bin.get(t, ".", "why401")
	token, err := os.ReadFile("testdata/demo-token.jwt")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "decode", "--now", "2026-01-01T00:00:00Z", "--key", "testdata/demo-key.pem", "-")
	cmd.Stdin = bytes.NewReader(token)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("exit: %v\n%s", err, out)
	}
	for _, want := range []string{"JWS · RS256 · kid demo-2026", "✔ verified", "✔ valid, expires in 45m"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// BenchmarkDecodeProcess times the whole process, start-up included, for
// `why401 decode -` and golang-jwt's own `jwt -show -` on the same RS256
// token, so the two can be compared on one machine.
func BenchmarkDecodeProcess(b *testing.B) {
	token, err := os.ReadFile("testdata/demo-token.jwt")
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct {
		name string
		bin  func() string
		args []string
	}{
		{"why401", func() string { return why401Bin.get(b, ".", "why401") }, []string{"decode", "--now", "2026-01-01T00:00:00Z", "-"}},
		{"golang-jwt", func() string { return jwtBin.get(b, "github.com/golang-jwt/jwt/v5/cmd/jwt", "jwt") }, []string{"-show", "-"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			bin := c.bin()
			for b.Loop() {
				cmd := exec.Command(bin, c.args...)
				cmd.Stdin = bytes.NewReader(token)
				if out, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v: %s", err, out)
				}
			}
		})
	}
}
