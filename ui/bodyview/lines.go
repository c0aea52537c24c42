package bodyview

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/why401/why401/ui/safe"
)

// tabWidth is where tab stops fall when a tab is expanded; a raw tab has
// no width a cell layout can count on.
const tabWidth = 8

// splitter cuts a byte stream into display lines: after each '\n', and in
// a line with no newline for max bytes, before the next character that
// starts there. The index, the window reader and the stream search all use
// it, so they agree on line numbers exactly.
type splitter struct {
	max int // > 0
	n   int // bytes of the current line seen so far
}

func newSplitter() splitter { return splitter{max: MaxLineBytes} }

// next returns the length of p's prefix that ends the current line (the
// next line starts at p[k]), or -1 when the line goes on past p. It may
// return 0: the line ended exactly where p starts.
func (s *splitter) next(p []byte) int {
	i := 0
	if s.n < s.max {
		lim := min(len(p), s.max-s.n)
		if k := bytes.IndexByte(p[:lim], '\n'); k >= 0 {
			s.n = 0
			return k + 1
		}
		s.n += lim
		i = lim
	}
	for ; i < len(p); i++ {
		c := p[i]
		if c == '\n' {
			s.n = 0
			return i + 1
		}
		if utf8.RuneStart(c) {
			s.n = 0
			return i
		}
		s.n++
	}
	return -1
}

// breaks calls fn with the offset (base+k) of every line start after the
// first that p establishes, in order.
func (s *splitter) breaks(p []byte, base int64, fn func(off int64)) {
	pos := 0
	for pos < len(p) {
		k := s.next(p[pos:])
		if k < 0 {
			return
		}
		pos += k
		fn(base + int64(pos))
	}
}

// SplitLines cuts b into display lines the way the index does. The line
// breaks stay on the lines; Clean removes them.
func SplitLines(b []byte) [][]byte {
	var out [][]byte
	s := newSplitter()
	start := 0
	s.breaks(b, 0, func(off int64) {
		out = append(out, b[start:off])
		start = int(off)
	})
	if start < len(b) {
		out = append(out, b[start:])
	}
	return out
}

// Clean makes one display line safe and cheap to draw: the line break is
// dropped (and a CR before it), tabs become spaces, the line is cut after
// keep characters (the caller passes a little more than the pane's width,
// so the cut is never seen), and control characters and escape sequences
// become visible escapes (ui/safe) so a body cannot drive the terminal.
func Clean(line string, keep int) string {
	line = strings.TrimSuffix(line, "\n")
	line = strings.TrimSuffix(line, "\r")
	return safe.Line(cutExpand(line, keep))
}

// cutExpand expands tabs and keeps at most keep characters (all of them
// when keep <= 0).
func cutExpand(s string, keep int) string {
	if keep <= 0 {
		keep = len(s) * tabWidth
	}
	if !strings.Contains(s, "\t") && len(s) <= keep {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if col >= keep {
			break
		}
		if r == '\t' {
			n := tabWidth - col%tabWidth
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
