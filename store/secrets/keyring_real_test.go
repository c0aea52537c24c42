package secrets

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
)

// These tests use a real Secret Service, but only the private one that
// .ci/with-secret-service starts: it exports WHY401_TEST_DBUS_ADDRESS equal
// to DBUS_SESSION_BUS_ADDRESS, and without that match the tests skip, so
// they never touch the keyring of a desktop session. They write only items
// of their own service, why401-test/<pid>-<time>, and delete it after.

const howToRunReal = "run them with: .ci/with-secret-service go test ./store/secrets/"

// realKeyring returns OS() on the private Secret Service and a service
// name of the test's own.
func realKeyring(t *testing.T) (Keyring, string) {
	t.Helper()
	addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if addr == "" || addr != os.Getenv("WHY401_TEST_DBUS_ADDRESS") {
		needOrSkip(t, "no private Secret Service for the real-keyring tests (the user's own keyring is never used); %s", howToRunReal)
	}
	k := OS(10 * time.Second)
	if st := Probe(context.Background(), k); !st.Available {
		needOrSkip(t, "the private Secret Service does not work: %s; %s", st.Reason, howToRunReal)
	}
	service := fmt.Sprintf("why401-test/%d-%d", os.Getpid(), time.Now().UnixNano())
	t.Cleanup(func() {
		// Matches exactly our service attribute on the Secret Service.
		if err := keyring.DeleteAll(service); err != nil {
			t.Errorf("cleanup of %s: %v", service, err)
		}
	})
	return k, service
}

func TestRealKeyringRoundTrip(t *testing.T) {
	k, service := realKeyring(t)
	start := time.Now()

	_, err := k.Get(service, "token")
	if !IsNotFound(err) {
		t.Fatalf("Get of a missing item: %v", err)
	}
	assertOneSentence(t, err.Error())

	values := []string{
		testSecret,
		"", // empty
		"line one\nline two ünïcödé \x00 \xff",
		strings.Repeat("eyJhbGciOiJSUzI1NiJ9.", 200), // a 4 KiB token
		"overwritten",
	}
	for _, v := range values {
		if err := k.Set(service, "token", v); err != nil {
			t.Fatalf("Set of %d bytes: %v", len(v), err)
		}
		if got, err := k.Get(service, "token"); got != v || err != nil {
			t.Fatalf("Get after Set of %d bytes = %d bytes, %v", len(v), len(got), err)
		}
	}
	if err := k.Delete(service, "token"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Get(service, "token"); !IsNotFound(err) {
		t.Fatalf("Get after Delete: %v", err)
	}
	if err := k.Delete(service, "token"); !IsNotFound(err) {
		t.Fatalf("second Delete: %v", err)
	}
	t.Logf("round trips against the real Secret Service took %s", time.Since(start))
}

func TestRealKeyringSplit(t *testing.T) {
	raw, service := realKeyring(t)
	k := Split(raw, 16)
	value := strings.Repeat("0123456789", 10) // 100 bytes: 7 parts

	if err := k.Set(service, "refresh_token", value); err != nil {
		t.Fatal(err)
	}
	if head, err := raw.Get(service, "refresh_token"); head != "split:7" || err != nil {
		t.Fatalf("header = %q, %v", head, err)
	}
	if got, err := k.Get(service, "refresh_token"); got != value || err != nil {
		t.Fatalf("joined Get = %q, %v", got, err)
	}

	if err := k.Set(service, "refresh_token", value[:20]); err != nil { // 2 parts
		t.Fatal(err)
	}
	for i := 3; i <= 7; i++ {
		if _, err := raw.Get(service, partName("refresh_token", i)); !IsNotFound(err) {
			t.Errorf("stale part %d after shrinking: %v", i, err)
		}
	}
	if got, _ := k.Get(service, "refresh_token"); got != value[:20] {
		t.Fatalf("Get after shrinking = %q", got)
	}

	if err := k.Delete(service, "refresh_token"); err != nil {
		t.Fatal(err)
	}
	for _, acct := range []string{"refresh_token", "refresh_token.1", "refresh_token.2"} {
		if _, err := raw.Get(service, acct); !IsNotFound(err) {
			t.Errorf("%s after Delete: %v", acct, err)
		}
	}
}

// The item must look, to other tools, like CONTRACT says: attributes
// service and username.
func TestRealKeyringSeenBySecretTool(t *testing.T) {
	k, service := realKeyring(t)
	if _, err := exec.LookPath("secret-tool"); err != nil {
		needOrSkip(t, "secret-tool not found (apt-get install libsecret-tools)")
	}
	if err := k.Set(service, "password", testSecret); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("secret-tool", "lookup", "service", service, "username", "password").Output()
	if err != nil || string(out) != testSecret {
		t.Fatalf("secret-tool lookup = %q, %v", out, err)
	}
}

func TestRealProbe(t *testing.T) {
	k, _ := realKeyring(t)
	st := Probe(context.Background(), k)
	if !st.Available || st.Took > time.Second {
		t.Fatalf("Probe = %+v", st)
	}
	t.Logf("probe of the real Secret Service took %s", st.Took)
}
