package curl

import "testing"

func BenchmarkParseChromeBash(b *testing.B) {
	b.SetBytes(int64(len(chromeBash)))
	for b.Loop() {
		if _, err := Parse(chromeBash); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseChromeCmd(b *testing.B) {
	b.SetBytes(int64(len(chromeCmd)))
	for b.Loop() {
		if _, err := Parse(chromeCmd); err != nil {
			b.Fatal(err)
		}
	}
}
