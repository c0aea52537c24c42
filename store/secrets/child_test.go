package secrets

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// go-keyring talks to D-Bus through godbus's shared session connection,
// made once per process from DBUS_SESSION_BUS_ADDRESS. Tests that need a
// different bus (a hung one, a missing one) therefore run the keyring
// calls in a child: this test binary re-executed with childEnv set.
const (
	childEnv        = "WHY401_SECRETS_CHILD"         // "1": be the child
	childTimeoutEnv = "WHY401_SECRETS_CHILD_TIMEOUT" // OS timeout for the child's calls
)

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(runChild())
	}
	os.Exit(m.Run())
}

// callReport is what one keyring call did, as the child measured it.
type callReport struct {
	Class   Class
	Message string
	Took    time.Duration
}

type childReport struct {
	First  callReport // Get through OS(timeout)
	Second callReport // Get through the same Keyring right after
	Probe  Status     // Probe over OS(30s), run at the same time as First
}

// runChild makes the keyring calls on whatever bus its environment names
// and prints a childReport as JSON. Calls still blocked are left behind:
// the process exits anyway.
func runChild() int {
	timeout, err := time.ParseDuration(os.Getenv(childTimeoutEnv))
	if err != nil {
		return 2
	}
	probed := make(chan Status, 1)
	go func() { probed <- Probe(context.Background(), OS(30*time.Second)) }()
	k := OS(timeout)
	var rep childReport
	rep.First = timedGet(k)
	rep.Second = timedGet(k)
	rep.Probe = <-probed
	if err := json.NewEncoder(os.Stdout).Encode(rep); err != nil {
		return 2
	}
	return 0
}

func timedGet(k Keyring) callReport {
	start := time.Now()
	_, err := k.Get("why401-test/child", "token")
	r := callReport{Class: ClassOf(err), Took: time.Since(start)}
	if err != nil {
		r.Message = err.Error()
	}
	return r
}

// runInChild runs runChild with DBUS_SESSION_BUS_ADDRESS set to busAddr
// (unset when empty) and returns its report.
func runInChild(t *testing.T, busAddr string, timeout time.Duration) childReport {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") && !strings.HasPrefix(kv, "WHY401_") &&
			!strings.HasPrefix(kv, "GORACE=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, childEnv+"=1", childTimeoutEnv+"="+timeout.String(),
		// -race binaries otherwise sleep 1 s at exit
		"GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	if busAddr != "" {
		cmd.Env = append(cmd.Env, "DBUS_SESSION_BUS_ADDRESS="+busAddr)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v (stdout %q)", err, out)
	}
	var rep childReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("child said %q: %v", out, err)
	}
	return rep
}
