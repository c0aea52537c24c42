package bodyview

import (
	"context"
	"fmt"
	"io"
)

// Index maps display line numbers to body offsets. It keeps one offset per
// indexStride lines, so a 1 GB body of short lines costs megabytes, not
// hundreds of them; reading a line starts at its mark and skips at most a
// stride of lines.
type Index struct {
	marks    []int64 // offset of line k*indexStride
	starts   int     // lines that start in the indexed bytes
	ended    int     // lines whose end has been seen
	size     int64   // bytes indexed
	complete bool    // the index covers the whole body
	pending  bool    // a line break fell exactly at size
}

// BuildIndex reads r to its end and indexes every display line. It stops
// with ctx's error when ctx is cancelled (a newer response replaced this
// one).
func BuildIndex(ctx context.Context, r io.Reader) (*Index, error) {
	ix := &Index{}
	s := newSplitter()
	buf := make([]byte, chunkSize)
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		n, err := r.Read(buf)
		ix.write(&s, buf[:n])
		if err == io.EOF {
			ix.complete = true
			return ix, nil
		}
		if err != nil {
			return nil, fmt.Errorf("indexing the body: %w", err)
		}
	}
}

// IndexBytes indexes b in memory. complete says b is the whole body; when
// it is only the head, its last line may go on, so it is not counted.
func IndexBytes(b []byte, complete bool) *Index {
	ix := &Index{}
	s := newSplitter()
	ix.write(&s, b)
	ix.complete = complete
	return ix
}

// write indexes the next bytes of the body.
func (ix *Index) write(s *splitter, p []byte) {
	if len(p) == 0 {
		return
	}
	if ix.size == 0 || ix.pending {
		ix.start(ix.size)
	}
	base := ix.size
	ix.size += int64(len(p))
	s.breaks(p, base, func(off int64) {
		ix.ended++
		if off < ix.size {
			ix.start(off)
		}
		ix.pending = off == ix.size
	})
}

func (ix *Index) start(off int64) {
	if ix.starts%indexStride == 0 {
		ix.marks = append(ix.marks, off)
	}
	ix.starts++
	ix.pending = false
}

// Lines is the number of display lines that can be read: all of them when
// the index is complete, else those known to have ended.
func (ix *Index) Lines() int {
	if ix == nil {
		return 0
	}
	if ix.complete {
		return ix.starts
	}
	return ix.ended
}

// Size is the number of bytes indexed.
func (ix *Index) Size() int64 {
	if ix == nil {
		return 0
	}
	return ix.size
}

// Complete reports whether the index covers the whole body.
func (ix *Index) Complete() bool { return ix != nil && ix.complete }

// locate returns the offset of the mark at or before line, and how many
// lines after the mark line is.
func (ix *Index) locate(line int) (int64, int) {
	m := line / indexStride
	return ix.marks[m], line - m*indexStride
}

// EndBound is an offset at or after the end of line last-1: reading the
// body up to it covers lines [0, last). It lets a viewer tell, before
// reading, whether a window lies inside the part of the body in memory.
func (ix *Index) EndBound(last int) int64 {
	if k := (last + indexStride - 1) / indexStride; k < len(ix.marks) {
		return ix.marks[k]
	}
	return ix.size
}
