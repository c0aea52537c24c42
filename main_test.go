package main

import (
	"bytes"
	"flag"
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

// TestReadmeExamples runs every `$ why401 …` example of the README the way
// a user would, through a shell, and compares the output with what the
// README shows. A line "…" in the README stands for any number of lines.
func TestReadmeExamples(t *testing.T) {
	bin := why401Bin.get(t, ".", "why401")
	raw, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(raw)
	examples := readmeExamples(readme)
	if len(examples) < 3 {
		t.Fatalf("found %d examples in README.md", len(examples))
	}
	for _, ex := range examples {
		t.Run(ex.command, func(t *testing.T) {
			cmd := exec.Command("sh", "-c", ex.command)
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+":"+os.Getenv("PATH"), "NO_COLOR=1")
			out, _ := cmd.Output()
			got := strings.TrimRight(string(out), "\n")
			if *update {
				readme = strings.Replace(readme, ex.block, ex.prompt+got+"\n", 1)
				return
			}
			if !matchLines(strings.Split(got, "\n"), ex.output) {
				t.Errorf("output differs from the README (make golden rewrites it).\n--- got\n%s\n--- README\n%s", got, strings.Join(ex.output, "\n"))
			}
		})
	}
	if *update {
		if err := os.WriteFile("README.md", []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// update rewrites the README's example outputs (make golden).
var update = flag.Bool("update", false, "rewrite README.md example outputs")

type example struct {
	block   string // the whole block body, as it stands in the README
	prompt  string // the `$ ` lines
	command string
	output  []string
}

// readmeExamples collects console blocks: a `$ ` line (with `\`
// continuations) followed by its output.
func readmeExamples(md string) []example {
	var out []example
	blocks := strings.Split(md, "```console\n")
	for _, b := range blocks[1:] {
		body, _, _ := strings.Cut(b, "```")
		lines := strings.Split(strings.TrimRight(body, "\n"), "\n")
		if len(lines) == 0 || !strings.HasPrefix(lines[0], "$ ") {
			continue
		}
		cmd := strings.TrimPrefix(lines[0], "$ ")
		i := 1
		for strings.HasSuffix(cmd, "\\") && i < len(lines) {
			cmd = strings.TrimSuffix(cmd, "\\") + " " + strings.TrimSpace(lines[i])
			i++
		}
		prompt := strings.Join(lines[:i], "\n") + "\n"
		out = append(out, example{block: body, prompt: prompt, command: cmd, output: lines[i:]})
	}
	return out
}

// matchLines compares output lines with expected ones, where "…" skips.
func matchLines(got, want []string) bool {
	if len(want) == 0 {
		return len(got) == 0
	}
	if want[0] == "…" {
		for k := 0; k <= len(got); k++ {
			if matchLines(got[k:], want[1:]) {
				return true
			}
		}
		return false
	}
	return len(got) > 0 && got[0] == want[0] && matchLines(got[1:], want[1:])
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
