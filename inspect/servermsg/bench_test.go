package servermsg

import (
	"strings"
	"testing"
)

func BenchmarkClassifyShort(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Classify("x", "IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '12/27/2024 4:41:52 PM', Current time (UTC): '12/30/2024 3:00:16 PM'.")
	}
}

func BenchmarkClassifyLong(b *testing.B) {
	text := strings.Repeat("The quick brown fox jumps over the lazy dog. ", 180)
	for i := 0; i < b.N; i++ {
		Classify("x", text)
	}
}
