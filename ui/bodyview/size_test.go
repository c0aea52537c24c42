package bodyview

import (
	"testing"
	"time"
)

func TestBodyHumanSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 312: "312 B", 1024: "1 KB", 1280: "1.2 KB",
		20 << 20: "20 MB", 50 << 20: "50 MB", 1536 << 20: "1.5 GB", 15 << 10: "15 KB", 3<<20 + 7: "3 MB", 1023: "1023 B"} {
		if got := HumanSize(n); got != want {
			t.Errorf("HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestBodyHumanDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0 ms", 312 * time.Microsecond: "312 µs",
		1500 * time.Microsecond: "1.5 ms", 3 * time.Millisecond: "3 ms", 84 * time.Millisecond: "84 ms",
		1200 * time.Millisecond: "1.2 s", 2 * time.Second: "2 s"} {
		if got := HumanDuration(d); got != want {
			t.Errorf("HumanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
