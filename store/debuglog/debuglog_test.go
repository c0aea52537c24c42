package debuglog

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestEveryLineRedacted(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, func() time.Time { return time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	l.AddSecret("pl41n-s3cr3t-value")
	l.Printf("request Authorization: Bearer %s", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
	l.Printf("resolved %s\nsecond line", "pl41n-s3cr3t-value")
	l.Close()
	data, _ := os.ReadFile(l.Path())
	s := string(data)
	if strings.Contains(s, "eyJzdWIiOiJ4In0") || strings.Contains(s, "pl41n-s3cr3t-value") || strings.Count(s, "\n") != 2 {
		t.Fatalf("log:\n%s", s)
	}
	st, _ := os.Stat(l.Path())
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", st.Mode().Perm())
	}
	var none *Log
	none.Printf("discarded %s", "x") // a nil log must be safe
}
