package history

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/why401/why401/store/redact"
)

const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lkcC5leGFtcGxlLmNvbS8ifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ"

func entry(i int) Entry {
	return Entry{Time: time.Date(2026, 11, 27, 10, 0, i, 0, time.UTC), Method: "POST",
		URL:             "https://api.example.com/orders?access_token=" + jwt,
		RequestHeaders:  []redact.Header{{Name: "Authorization", Value: "Bearer " + jwt}, {Name: "X-Api-Key", Value: "k3yk3yk3yk3y"}},
		RequestBody:     `{"password":"hunter2hunter2","item":1}`,
		Status:          401,
		ResponseHeaders: []redact.Header{{Name: "Set-Cookie", Value: "sid=s3ss10ns3ss10n; HttpOnly"}},
		ResponseBody:    `{"access_token":"` + jwt + `","refresh_token":"r3fr3shr3fr3sh"}`,
	}
}

// TestNoSecretReachesTheFile writes entries and scans the file for every
// secret value used.
func TestNoSecretReachesTheFile(t *testing.T) {
	s := Open(t.TempDir())
	for i := 0; i < 3; i++ {
		if err := s.Append("staging", entry(i), "application/json", "application/json", []string{"k3yk3yk3yk3y"}); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(filepath.Join(s.Dir, "staging.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{jwt, "k3yk3yk3yk3y", "hunter2hunter2", "s3ss10ns3ss10n", "r3fr3shr3fr3sh"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("%q reached the history file", secret)
		}
	}
	st, _ := os.Stat(filepath.Join(s.Dir, "staging.jsonl"))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
	got, err := s.List("staging")
	if err != nil || len(got) != 3 || got[0].Status != 401 || !strings.Contains(got[0].RequestBody, `"item":1`) {
		t.Fatalf("List: %d entries, %v", len(got), err)
	}
}

func TestCaps(t *testing.T) {
	s := Open(t.TempDir())
	s.MaxEntries = 5
	for i := 0; i < 12; i++ {
		if err := s.Append("dev", entry(i), "", "", nil); err != nil {
			t.Fatal(err)
		}
	}
	got, _ := s.List("dev")
	if len(got) != 5 || got[0].Time.Second() != 7 {
		t.Fatalf("count cap: %d entries, first second %d", len(got), got[0].Time.Second())
	}
	s.MaxBytes = 1500
	s.Append("dev", entry(20), "", "", nil)
	got, _ = s.List("dev")
	if len(got) >= 5 || len(got) == 0 || got[len(got)-1].Time.Second() != 20 {
		t.Fatalf("size cap kept %d entries", len(got))
	}
	if err := s.Clear("dev"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.List("dev"); len(got) != 0 {
		t.Fatal("history not cleared")
	}
}
