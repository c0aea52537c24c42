package secrets

import (
	"fmt"
	"os"
	"testing"
)

// needOrSkip skips a test whose real components (a private Secret
// Service, dbus-daemon) are missing, except under CI=true, where a missing
// component must fail the run instead of hiding behind a skip.
func needOrSkip(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI=true: a missing component fails the run)")
	}
	t.Skip(msg)
}
