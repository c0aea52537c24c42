package secrets

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/zalando/go-keyring"
)

func TestMemoryRoundTrip(t *testing.T) {
	k := Memory()
	if _, err := k.Get("why401/a", "token"); !IsNotFound(err) || !errors.Is(err, keyring.ErrNotFound) {
		t.Fatalf("Get of a missing item: %v", err)
	}
	if err := k.Set("why401/a", "token", "v1"); err != nil {
		t.Fatal(err)
	}
	if err := k.Set("why401/a", "token", "v2"); err != nil {
		t.Fatal(err)
	}
	if v, err := k.Get("why401/a", "token"); v != "v2" || err != nil {
		t.Fatalf("Get = %q, %v", v, err)
	}
	if _, err := k.Get("why401/b", "token"); !IsNotFound(err) {
		t.Fatalf("services are not separate: %v", err)
	}
	if err := k.Delete("why401/a", "token"); err != nil {
		t.Fatal(err)
	}
	if err := k.Delete("why401/a", "token"); !IsNotFound(err) {
		t.Fatalf("second Delete: %v", err)
	}
}

func TestMemoryConcurrent(t *testing.T) {
	k := Memory()
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			acct := fmt.Sprint("a", i%4)
			_ = k.Set("why401/x", acct, "v")
			_, _ = k.Get("why401/x", acct)
			_ = k.Delete("why401/x", acct)
		})
	}
	wg.Wait()
}
