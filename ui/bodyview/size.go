package bodyview

import (
	"fmt"
	"time"
)

// HumanSize formats a byte count with binary units: 312 B, 1.2 KB, 50 MB.
func HumanSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, units := float64(n)/unit, "KMGT"
	i := 0
	for ; v >= unit && i < len(units)-1; i++ {
		v /= unit
	}
	if v < 10 {
		return trimZero(fmt.Sprintf("%.1f", v)) + " " + string(units[i]) + "B"
	}
	return fmt.Sprintf("%.0f %cB", v, units[i])
}

// HumanDuration formats a duration for a timing line: 312 µs, 84 ms, 1.2 s.
func HumanDuration(d time.Duration) string {
	switch {
	case d <= 0:
		return "0 ms"
	case d < time.Millisecond:
		return fmt.Sprintf("%d µs", d.Microseconds())
	case d < 10*time.Millisecond:
		return trimZero(fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond))) + " ms"
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return trimZero(fmt.Sprintf("%.1f", d.Seconds())) + " s"
}

func trimZero(s string) string {
	if len(s) > 2 && s[len(s)-2:] == ".0" {
		return s[:len(s)-2]
	}
	return s
}
