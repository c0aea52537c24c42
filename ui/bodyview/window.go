package bodyview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// secretMargin is how much is read on each side of a window to find a
// secret that starts or ends outside it: without it a secret cut by the
// window's edge would show its visible half.
const secretMargin = 2 * MaxLineBytes

// SizedReaderAt is a body that can be read anywhere: a *Source, or a
// *bytes.Reader in tests.
type SizedReaderAt interface {
	io.ReaderAt
	Size() int64
}

// Window is a run of a body's bytes read for the view: consecutive
// display lines of a text body, or a byte range of a binary one, with the
// request's secrets in it located so they can be hidden without moving
// any offset.
type Window struct {
	First   int   // text: the number of the first line
	Off     int64 // the body offset of Data[0]
	Data    []byte
	starts  []int // text: line First+i starts at Data[starts[i]]
	secrets []secret
}

// secret is a masked range relative to Data; it may begin before Data or
// end after it. repl is what mask shows instead.
type secret struct {
	start, end int
	repl       string
}

// Lines is the number of text lines in the window.
func (w Window) Lines() int { return len(w.starts) }

// Has reports whether the window holds text line n.
func (w Window) Has(n int) bool { return n >= w.First && n < w.First+len(w.starts) }

// Line returns text line n as read (line break included), each secret
// replaced by its mask on the line where it starts, and dropped from the
// lines it runs on to.
func (w Window) Line(n int) string {
	if !w.Has(n) {
		return ""
	}
	i := n - w.First
	s, e := w.starts[i], len(w.Data)
	if i+1 < len(w.starts) {
		e = w.starts[i+1]
	}
	return w.reveal(s, e)
}

func (w Window) reveal(s, e int) string {
	var b strings.Builder
	pos := s
	for _, sec := range w.secrets {
		if sec.end <= s || sec.start >= e {
			continue
		}
		b.Write(w.Data[pos:max(pos, sec.start)])
		if sec.start >= s || s == 0 {
			b.WriteString(sec.repl)
		}
		pos = max(pos, min(sec.end, e))
	}
	if pos == s {
		return string(w.Data[s:e])
	}
	b.Write(w.Data[pos:e])
	return b.String()
}

// HasBytes reports whether the window holds body bytes [off, off+n) (or
// up to the body's end, which the caller knows).
func (w Window) HasBytes(off int64, n int) bool {
	return off >= w.Off && off+int64(n) <= w.Off+int64(len(w.Data))
}

// Bytes returns up to n body bytes at off and, for each, whether it is
// part of a secret.
func (w Window) Bytes(off int64, n int) ([]byte, []bool) {
	i := int(off - w.Off)
	if i < 0 || i >= len(w.Data) {
		return nil, nil
	}
	b := w.Data[i:min(len(w.Data), i+n)]
	var hidden []bool
	for _, sec := range w.secrets {
		for j := max(sec.start, i); j < min(sec.end, i+len(b)); j++ {
			if hidden == nil {
				hidden = make([]bool, len(b))
			}
			hidden[j-i] = true
		}
	}
	return b, hidden
}

// ReadLines reads n display lines from line first on (fewer at the end of
// the indexed lines).
func ReadLines(ctx context.Context, r SizedReaderAt, ix *Index, first, n int, mask func(string) string) (Window, error) {
	first = max(0, min(first, ix.Lines()))
	last := min(first+n, ix.Lines())
	if first >= last {
		return Window{First: first}, nil
	}
	mark, skip := ix.locate(first)
	from := max(0, mark-secretMargin)
	rd := &windowReader{r: io.NewSectionReader(r, from, r.Size()-from), base: from}
	s := newSplitter()
	starts := []int64{mark}
	need := last - first + skip // lines to pass from the mark
	err := rd.fill(ctx, int(mark-from), func(p []byte, base int64) bool {
		s.breaks(p, base, func(off int64) { starts = append(starts, off) })
		return len(starts) > need
	})
	if err != nil {
		return Window{}, err
	}
	starts = starts[skip:min(len(starts), need+1)]
	end := rd.end()
	if len(starts) > last-first {
		end, starts = starts[last-first], starts[:last-first]
	}
	if err := rd.fill(ctx, int(end-from)+secretMargin, nil); err != nil {
		return Window{}, err
	}
	w := Window{First: first, Off: starts[0], Data: rd.slice(starts[0], end)}
	for _, st := range starts {
		w.starts = append(w.starts, int(st-w.Off))
	}
	w.secrets = rd.secrets(w.Off, end, mask)
	return w, nil
}

// ReadRange reads body bytes [off, off+n), for the hex view.
func ReadRange(ctx context.Context, r SizedReaderAt, off int64, n int, mask func(string) string) (Window, error) {
	off = max(0, min(off, r.Size()))
	end := min(off+int64(n), r.Size())
	from := max(0, off-secretMargin)
	rd := &windowReader{r: io.NewSectionReader(r, from, r.Size()-from), base: from}
	if err := rd.fill(ctx, int(end-from)+secretMargin, nil); err != nil {
		return Window{}, err
	}
	end = min(end, rd.end())
	off = min(off, end)
	w := Window{Off: off, Data: rd.slice(off, end)}
	w.secrets = rd.secrets(off, end, mask)
	return w, nil
}

// windowReader reads a body forward into memory from offset base.
type windowReader struct {
	r    io.Reader
	base int64
	buf  []byte
	eof  bool
}

// fill reads until at least want bytes are held, the body ends, or more
// (called with each new piece and its body offset) says enough.
func (rd *windowReader) fill(ctx context.Context, want int, more func(p []byte, base int64) bool) error {
	scanned := len(rd.buf)
	for !rd.eof && (len(rd.buf) < want || more != nil) {
		if err := ctx.Err(); err != nil {
			return err
		}
		chunk := make([]byte, chunkSize)
		n, err := rd.r.Read(chunk)
		rd.buf = append(rd.buf, chunk[:n]...)
		if errors.Is(err, io.EOF) {
			rd.eof = true
		} else if err != nil {
			return fmt.Errorf("reading the body: %w", err)
		}
		if more != nil && len(rd.buf) > want {
			from := max(scanned, want)
			scanned = len(rd.buf)
			if more(rd.buf[from:], rd.base+int64(from)) {
				return nil
			}
		}
	}
	return nil
}

func (rd *windowReader) end() int64 { return rd.base + int64(len(rd.buf)) }

func (rd *windowReader) slice(from, to int64) []byte {
	return rd.buf[from-rd.base : to-rd.base]
}

// secrets locates the secrets in body bytes [from, to), looking a margin
// beyond each edge, as ranges relative to from.
func (rd *windowReader) secrets(from, to int64, mask func(string) string) []secret {
	if mask == nil {
		return nil
	}
	lo := max(rd.base, from-secretMargin)
	hi := min(rd.end(), to+secretMargin)
	text := string(rd.slice(lo, hi))
	var out []secret
	for _, sp := range SecretSpans(text, mask) {
		s, e := int(lo-from)+sp.Start, int(lo-from)+sp.End
		if e <= 0 || s >= int(to-from) {
			continue
		}
		out = append(out, secret{start: s, end: e, repl: mask(text[sp.Start:sp.End])})
	}
	return out
}
