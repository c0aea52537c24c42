package bodyview

import (
	"fmt"
	"strings"
)

// hidden is how a byte of a secret is drawn.
const (
	hiddenHex  = "••"
	hiddenChar = "•"
)

// HexWidth is how many cells a hex line of bpl bytes takes: the offset
// and two spaces, "xx " per byte plus a gap every 8, a space, and |ascii|.
func HexWidth(bpl int) int {
	return 8 + 2 + 3*bpl + (bpl-1)/8 + 1 + 1 + bpl + 1
}

// BytesPerLine picks the widest row of 16, 8 or 4 bytes that fits width
// cells, so a narrow pane still shows whole rows.
func BytesPerLine(width int) int {
	n := 16
	for n > 4 && HexWidth(n) > width {
		n /= 2
	}
	return n
}

// HexLine draws one row of a hex dump: the offset, the bytes in hex, and
// the printable ASCII ('.' for the rest), as hexdump -C does. hidden marks
// bytes of a secret (nil: none), drawn as dots in both columns.
func HexLine(off int64, b []byte, bpl int, hidden []bool) string {
	var hx, asc strings.Builder
	for i := range bpl {
		if i > 0 && i%8 == 0 {
			hx.WriteByte(' ')
		}
		switch {
		case i >= len(b):
			hx.WriteString("   ")
		case hidden != nil && hidden[i]:
			hx.WriteString(hiddenHex + " ")
			asc.WriteString(hiddenChar)
		default:
			fmt.Fprintf(&hx, "%02x ", b[i])
			asc.WriteByte(printable(b[i]))
		}
	}
	return fmt.Sprintf("%08x  %s |%s|", off, hx.String(), asc.String())
}

func printable(c byte) byte {
	if c >= 0x20 && c < 0x7f {
		return c
	}
	return '.'
}
