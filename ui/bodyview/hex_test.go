package bodyview

import "testing"

func TestBodyHexLine(t *testing.T) {
	b := []byte("Hello, world!\x00\x01\xff")
	cases := []struct {
		name   string
		off    int64
		b      []byte
		bpl    int
		hidden []bool
		want   string
	}{
		{"full row", 0, b, 16, nil, "00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 00 01 ff  |Hello, world!...|"},
		{"short row pads", 0x20, b[:3], 16, nil, "00000020  48 65 6c                                          |Hel|"},
		{"eight", 8, b[8:16], 8, nil, "00000008  6f 72 6c 64 21 00 01 ff  |orld!...|"},
		{"hidden", 0, b[:4], 4, []bool{false, true, true, false}, "00000000  48 •• •• 6c  |H••l|"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := HexLine(c.off, c.b, c.bpl, c.hidden)
			if got != c.want {
				t.Errorf("HexLine =\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestBodyBytesPerLine(t *testing.T) {
	for w, want := range map[int]int{200: 16, HexWidth(16): 16, HexWidth(16) - 1: 8, HexWidth(8): 8, 30: 4, 5: 4} {
		if got := BytesPerLine(w); got != want {
			t.Errorf("BytesPerLine(%d) = %d, want %d", w, got, want)
		}
	}
	if HexWidth(16) != len("00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 00 01 ff  |Hello, world!...|") {
		t.Errorf("HexWidth(16) = %d", HexWidth(16))
	}
}
