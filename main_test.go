package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
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

// BenchmarkSendProcess compares whole processes on the same loopback
// server: `why401 send` with a profile whose token comes from env:, and
// curl, for a 1 KB GET and a 50 MB JSON body written to /dev/null. It
// reports the peak RSS of each child (peak-MB) beside the time per run.
func BenchmarkSendProcess(b *testing.B) {
	small := bytes.Repeat([]byte("x"), 1024)
	large := append(append([]byte(`{"items":[`), bytes.Repeat([]byte(`{"id":12345678,"name":"abcdefghij"},`), 50<<20/36)...), []byte(`{}]}`)...)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/large" {
			w.Write(large)
			return
		}
		w.Write(small)
	}))
	defer srv.Close()
	dir := b.TempDir()
	cfg := fmt.Sprintf("[profiles.bench]\nbase_url = %q\nhistory = false\n[profiles.bench.auth]\ntype = \"bearer\"\ntoken = \"env:BENCH_TOKEN\"\n", srv.URL)
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(cfg), 0o600); err != nil {
		b.Fatal(err)
	}
	env := append(os.Environ(), "WHY401_CONFIG_DIR="+dir, "BENCH_TOKEN=bench-token-value-1234", "XDG_STATE_HOME="+dir)
	bin := why401Bin.get(b, ".", "why401")
	curl, _ := exec.LookPath("curl")
	for _, size := range []string{"small", "large"} {
		runs := map[string][]string{
			"why401": {bin, "send", "-p", "bench", "GET", "/" + size},
			"curl":   {curl, "-s", "-H", "Authorization: Bearer bench-token-value-1234", srv.URL + "/" + size},
		}
		for _, tool := range []string{"why401", "curl"} {
			argv := runs[tool]
			b.Run(tool+"-"+size, func(b *testing.B) {
				if argv[0] == "" {
					b.Skip("curl is not installed")
				}
				for b.Loop() {
					cmd := exec.Command(argv[0], argv[1:]...)
					cmd.Env, cmd.Stdout = env, io.Discard
					if err := cmd.Run(); err != nil {
						b.Fatalf("%s: %v", tool, err)
					}
				}
				// The child's own peak RSS: rusage of a child forked from this
				// large test process would count the parent's pages, so ask
				// GNU time, which measures after exec.
				if gnuTime, err := exec.LookPath("/usr/bin/time"); err == nil {
					cmd := exec.Command(gnuTime, append([]string{"-f", "%M"}, argv...)...)
					var stderr bytes.Buffer
					cmd.Env, cmd.Stdout, cmd.Stderr = env, io.Discard, &stderr
					if cmd.Run() == nil {
						var kb float64
						fmt.Sscan(strings.TrimSpace(stderr.String()), &kb)
						b.ReportMetric(kb/1024, "peak-MB")
					}
				}
			})
		}
	}
}

// TestInspectInTmux runs `why401 inspect` in a real terminal (tmux): the
// piped token is decoded into the token pane, and q quits.
func TestInspectInTmux(t *testing.T) {
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("tmux is missing; .ci/run installs it")
		}
		t.Skip("tmux is not installed: the end-to-end terminal test skips")
	}
	bin := why401Bin.get(t, ".", "why401")
	sock := "why401-test-" + strings.ReplaceAll(t.Name(), "/", "-")
	tm := func(args ...string) string {
		out, _ := exec.Command(tmux, append([]string{"-L", sock}, args...)...).CombinedOutput()
		return string(out)
	}
	defer tm("kill-server")
	cfgDir := t.TempDir()
	cmd := fmt.Sprintf("WHY401_CONFIG_DIR=%s %s inspect - < testdata/demo-token.jwt; echo EXITED $?; sleep 5", cfgDir, bin)
	tm("new-session", "-d", "-s", "t", "-x", "130", "-y", "40", cmd)
	screen := waitFor(t, func() string { return tm("capture-pane", "-p", "-t", "t") }, "kid demo-2026")
	for _, want := range []string{"Token", "Profiles", "expired", "iss https://id.demo.why401.dev/"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen lacks %q:\n%s", want, screen)
		}
	}
	tm("send-keys", "-t", "t", "q")
	waitFor(t, func() string { return tm("capture-pane", "-p", "-t", "t") }, "EXITED 0")
}

// waitFor polls get until its text contains want; terminals draw
// asynchronously, and a poll is not a timing assertion.
func waitFor(t *testing.T, get func() string, want string) string {
	t.Helper()
	var s string
	for i := 0; i < 100; i++ {
		if s = get(); strings.Contains(s, want) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the terminal never showed %q:\n%s", want, s)
	return s
}
