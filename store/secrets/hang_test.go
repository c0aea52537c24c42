package secrets

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
)

// busConfig is a session bus without .service files, so nothing can be
// D-Bus-activated on it: org.freedesktop.secrets is whoever the test says.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// startPrivateBus starts a dbus-daemon of the test's own and returns its
// address; it is killed when the test ends.
func startPrivateBus(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		needOrSkip(t, "dbus-daemon not found (apt-get install dbus)")
	}
	dir, err := os.MkdirTemp("", "why401-bus") // short: socket paths are limited to 108 bytes
	if err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "bus.conf")
	if err := os.WriteFile(config, fmt.Appendf(nil, busConfig, dir), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("dbus-daemon", "--config-file="+config, "--nofork", "--nopidfile", "--print-address=1")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		_ = os.RemoveAll(dir)
	})
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(stdout).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case addr := <-line:
		if addr == "" {
			t.Fatal("dbus-daemon printed no address")
		}
		return addr
	case <-time.After(10 * time.Second):
		t.Fatal("dbus-daemon did not print its address within 10s")
	}
	return ""
}

// ownAndNeverAnswer takes org.freedesktop.secrets on the bus at addr and
// leaves every method call unanswered, like a wedged daemon.
func ownAndNeverAnswer(t *testing.T, addr string) {
	t.Helper()
	stop := make(chan struct{})
	conn, err := dbus.Connect(addr, dbus.WithHandler(silentService{stop}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		close(stop)
		_ = conn.Close()
	})
	reply, err := conn.RequestName("org.freedesktop.secrets", dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("RequestName: %v, %v", reply, err)
	}
}

// silentService is every object, interface and method at once; a call
// blocks until the test ends (godbus runs each call in its own goroutine).
type silentService struct{ stop <-chan struct{} }

func (s silentService) LookupObject(dbus.ObjectPath) (dbus.ServerObject, bool) { return s, true }
func (s silentService) LookupInterface(string) (dbus.Interface, bool)          { return s, true }
func (s silentService) LookupMethod(string) (dbus.Method, bool)                { return s, true }
func (s silentService) DecodeArguments(*dbus.Conn, string, *dbus.Message, []any) ([]any, error) {
	return nil, nil
}
func (s silentService) Call(...any) ([]any, error) { <-s.stop; return nil, errors.New("test over") }
func (s silentService) NumArguments() int          { return 0 }
func (s silentService) NumReturns() int            { return 0 }
func (s silentService) ArgumentValue(int) any      { return nil }
func (s silentService) ReturnValue(int) any        { return nil }

func TestOSTimesOutOnAHungSecretService(t *testing.T) {
	t.Parallel()
	addr := startPrivateBus(t)
	ownAndNeverAnswer(t, addr)
	const timeout = 2 * time.Second
	rep := runInChild(t, addr, timeout)

	first := rep.First
	t.Logf("Get on the hung service: %s after %s: %s", first.Class, first.Took, first.Message)
	if first.Class != Timeout || first.Took < timeout || first.Took > timeout+time.Second {
		t.Errorf("Get: class %q after %s, want a timeout within %s", first.Class, first.Took, timeout+time.Second)
	}
	if !strings.Contains(first.Message, "did not answer (waited 2s)") || !strings.Contains(first.Message, `"token" under why401-test/child`) {
		t.Errorf("message: %q", first.Message)
	}
	assertOneSentence(t, first.Message)

	second := rep.Second
	t.Logf("second Get: %s after %s", second.Class, second.Took)
	if second.Class != Timeout || second.Took > 100*time.Millisecond || !strings.Contains(second.Message, "earlier call") {
		t.Errorf("second Get: class %q after %s: %q", second.Class, second.Took, second.Message)
	}

	p := rep.Probe
	t.Logf("Probe over OS(30s) on the hung service: %s after %s", p.Class, p.Took)
	if p.Available || p.Class != Timeout || p.Took > ProbeTimeout+500*time.Millisecond {
		t.Errorf("Probe = %+v, want a timeout within %s", p, ProbeTimeout)
	}
}

func TestOSUnavailableWithoutSecretService(t *testing.T) {
	t.Parallel()
	rep := runInChild(t, startPrivateBus(t), 2*time.Second)
	if rep.First.Class != Unavailable || !strings.Contains(rep.First.Message, "no Secret Service on the D-Bus session bus") ||
		rep.First.Took > time.Second {
		t.Errorf("Get = %+v", rep.First)
	}
	if rep.Probe.Available || rep.Probe.Class != Unavailable {
		t.Errorf("Probe = %+v", rep.Probe)
	}
}

func TestOSUnavailableWhenTheBusIsGone(t *testing.T) {
	t.Parallel()
	rep := runInChild(t, "unix:path="+filepath.Join(t.TempDir(), "no-bus"), 2*time.Second)
	if rep.First.Class != Unavailable || !strings.Contains(rep.First.Message, "cannot connect to the D-Bus session bus") {
		t.Errorf("Get = %+v", rep.First)
	}
}

func TestOSUnavailableWithoutABus(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(filepath.Join("/run/user", strconv.Itoa(os.Getuid()), "bus")); err == nil {
		t.Skip("this machine has a systemd user bus, which godbus would find without DBUS_SESSION_BUS_ADDRESS")
	}
	rep := runInChild(t, "", 2*time.Second)
	if rep.First.Class != Unavailable || !strings.Contains(rep.First.Message, "no D-Bus session bus") || rep.First.Took > 50*time.Millisecond {
		t.Errorf("Get = %+v", rep.First)
	}
}
