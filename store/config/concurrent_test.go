package config

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The helper process: when the test binary is re-run with helperEnv set,
// TestHelperProcess does the job named there instead of testing.
const helperEnv = "WHY401_CONFIG_TEST_HELPER"

func TestHelperProcess(t *testing.T) {
	job := os.Getenv(helperEnv)
	if job == "" {
		t.Skip("only runs as a helper process")
	}
	kind, arg, _ := strings.Cut(job, ":")
	path := os.Getenv("WHY401_CONFIG_TEST_PATH")
	switch kind {
	case "add": // say ready, wait for the go file, add profiles child-0 … child-N-1
		n, _ := strconv.Atoi(arg)
		fmt.Println("ready")
		for _, err := os.Stat(path + ".go"); err != nil; _, err = os.Stat(path + ".go") {
			time.Sleep(time.Millisecond)
		}
		for i := range n {
			if err := AddProfile(path, ProfileSpec{Name: fmt.Sprintf("child-%d", i), BaseURL: "https://child"}); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	case "stage": // take the lock, write the temp file, then hang until killed
		unlock, err := lockFile(path)
		if err != nil {
			os.Exit(1)
		}
		defer unlock()
		tmp, err := stage(target(path), []byte(arg))
		if err != nil {
			os.Exit(1)
		}
		fmt.Println(tmp)
		time.Sleep(time.Minute)
	}
	os.Exit(0)
}

func helper(t *testing.T, job, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"="+job, "WHY401_CONFIG_TEST_PATH="+path)
	return cmd
}

// TestConcurrentAddsLoseNothing runs goroutines of this process and a
// second OS process adding different profiles to one file at once.
func TestConcurrentAddsLoseNothing(t *testing.T) {
	path := writeConfig(t, "# shared\n")
	const goroutines, perGoroutine, child = 6, 4, 12
	cmd := helper(t, "add:"+strconv.Itoa(child), path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(out).ReadString('\n'); err != nil {
		t.Fatalf("helper: %v", err)
	}
	// Both processes start adding at the same moment.
	if err := os.WriteFile(path+".go", nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, goroutines*perGoroutine)
	for g := range goroutines {
		wg.Go(func() {
			for i := range perGoroutine {
				errs <- AddProfile(path, ProfileSpec{Name: fmt.Sprintf("g%d-%d", g, i), BaseURL: "https://g"})
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("helper process: %v: %s", err, stderr.String())
	}
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	names := cfg.Names()
	if len(names) != goroutines*perGoroutine+child {
		t.Errorf("%d profiles, want %d: %v", len(names), goroutines*perGoroutine+child, names)
	}
	for i := range child {
		if !slices.Contains(names, fmt.Sprintf("child-%d", i)) {
			t.Errorf("lost child-%d", i)
		}
	}
	for g := range goroutines {
		for i := range perGoroutine {
			if !slices.Contains(names, fmt.Sprintf("g%d-%d", g, i)) {
				t.Errorf("lost g%d-%d", g, i)
			}
		}
	}
	t.Logf("order in the file (interleaving shows the processes overlapped): %v", names)
	if !strings.HasPrefix(readText(t, path), "# shared\n") {
		t.Error("the comment at the top was lost")
	}
	checkNoTemps(t, path)
}

// TestKilledMidWrite kills a process that has written its temp file but
// not renamed it: the config must be the old one, the temp file readable
// by its owner only, and the next edit must clean it up.
func TestKilledMidWrite(t *testing.T) {
	path := writeConfig(t, commented)
	cmd := helper(t, "stage:[profiles.half", path) // what it writes is not even valid
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("helper did not stage: %v", err)
	}
	tmp := strings.TrimSpace(line)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	if got := readText(t, path); got != commented {
		t.Fatalf("the config changed:\n%s", got)
	}
	if _, err := Load(path); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(tmp)
	if err != nil {
		t.Fatalf("expected the orphaned temp file %s: %v", tmp, err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		t.Fatalf("temp file %s has mode %v: readable by others", tmp, fi.Mode().Perm())
	}
	// The lock died with the process; the next edit proceeds and removes
	// the orphan.
	if err := AddProfile(path, ProfileSpec{Name: "after", BaseURL: "https://a"}); err != nil {
		t.Fatal(err)
	}
	checkNoTemps(t, path)
}

// TestStagedButNotCommitted is the same in-process: staging alone never
// touches the config.
func TestStagedButNotCommitted(t *testing.T) {
	path := writeConfig(t, commented)
	tmp, err := stage(path, []byte("garbage"))
	if err != nil {
		t.Fatal(err)
	}
	if got := readText(t, path); got != commented {
		t.Fatal("stage changed the config")
	}
	checkMode(t, tmp, 0o600)
	if err := commit(tmp, path); err != nil {
		t.Fatal(err)
	}
	if readText(t, path) != "garbage" {
		t.Fatal("commit did not replace the file")
	}
	checkMode(t, path, 0o600)
	checkNoTemps(t, path)
}

func checkNoTemps(t *testing.T, path string) {
	t.Helper()
	_ = filepath.WalkDir(filepath.Dir(path), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(d.Name(), ".tmp-") {
			t.Errorf("temp file left behind: %s", p)
		}
		return nil
	})
}
