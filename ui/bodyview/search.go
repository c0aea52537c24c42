package bodyview

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// MaxMatches is how many match positions a search keeps for n/N; it goes
// on counting past them, so the count is always right.
const MaxMatches = 100_000

// Query is a search string with smart case, as in less and vim: all lower
// case matches either case (ASCII), any capital makes it exact.
type Query struct {
	text []byte
	fold bool
}

// NewQuery builds a query for s.
func NewQuery(s string) Query {
	fold := strings.IndexFunc(s, unicode.IsUpper) < 0
	return Query{text: []byte(s), fold: fold}
}

// Empty reports whether there is nothing to search for.
func (q Query) Empty() bool { return len(q.text) == 0 }

func (q Query) String() string { return string(q.text) }

// prepare lower-cases b into scratch when the query folds case.
func (q Query) prepare(b, scratch []byte) []byte {
	if !q.fold {
		return b
	}
	scratch = scratch[:0]
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		scratch = append(scratch, c)
	}
	return scratch
}

// FindAll returns the non-overlapping matches in one line, for drawing.
func (q Query) FindAll(line string) []Span {
	if q.Empty() {
		return nil
	}
	hay := q.prepare([]byte(line), nil)
	var out []Span
	for i := 0; i <= len(hay)-len(q.text); {
		k := bytes.Index(hay[i:], q.text)
		if k < 0 {
			break
		}
		out = append(out, Span{i + k, i + k + len(q.text)})
		i += k + len(q.text)
	}
	return out
}

// Matches are a search's results: the display line and byte offset of
// each match, in order, up to MaxMatches, and how many there are in all.
type Matches struct {
	Lines []int
	Offs  []int64
	Total int
}

func (m *Matches) add(line int, off int64) {
	m.Total++
	if len(m.Lines) < MaxMatches {
		m.Lines = append(m.Lines, line)
		m.Offs = append(m.Offs, off)
	}
}

// SearchLines searches lines already laid out in memory (a formatted
// body): a match never spans two lines there.
func SearchLines(lines []string, q Query) Matches {
	var m Matches
	for i, l := range lines {
		for _, sp := range q.FindAll(l) {
			m.add(i, int64(sp.Start))
		}
	}
	return m
}

// SearchStream searches a whole body read from r, chunk by chunk, and
// numbers the lines of the matches as the index does. A match may span a
// chunk boundary (the last len(q)-1 bytes of each chunk are searched
// again with the next) and a line boundary.
func SearchStream(ctx context.Context, r io.Reader, q Query) (Matches, error) {
	var m Matches
	if q.Empty() {
		return m, nil
	}
	st := streamSearch{q: q, s: newSplitter(), m: &m}
	buf := make([]byte, chunkSize)
	for {
		if err := ctx.Err(); err != nil {
			return Matches{}, err
		}
		n, err := r.Read(buf)
		st.feed(buf[:n])
		if errors.Is(err, io.EOF) {
			return m, nil
		}
		if err != nil {
			return Matches{}, fmt.Errorf("searching the body: %w", err)
		}
	}
}

// streamSearch holds what carries from one chunk to the next: the tail
// of the last one, the line count, and line starts not yet passed.
type streamSearch struct {
	q       Query
	s       splitter
	m       *Matches
	tail    []byte  // the last len(q)-1 bytes seen
	base    int64   // body offset of tail[0]
	line    int     // the line at base
	starts  []int64 // line starts at or after base
	next    int64   // matches may not start before this (no overlaps)
	scratch []byte
}

func (st *streamSearch) feed(p []byte) {
	if len(p) == 0 {
		return
	}
	newBase := st.base + int64(len(st.tail))
	st.s.breaks(p, newBase, func(off int64) { st.starts = append(st.starts, off) })
	hay := append(st.tail, p...)
	low := st.q.prepare(hay, st.scratch)
	st.scratch = low[:0]
	for i := 0; i <= len(low)-len(st.q.text); {
		k := bytes.Index(low[i:], st.q.text)
		if k < 0 {
			break
		}
		if off := st.base + int64(i+k); off >= st.next {
			st.m.add(st.lineAt(off), off)
			st.next = off + int64(len(st.q.text))
		}
		i += k + 1
	}
	st.keepTail(hay)
}

// lineAt counts the line starts up to off; offsets only grow.
func (st *streamSearch) lineAt(off int64) int {
	for len(st.starts) > 0 && st.starts[0] <= off {
		st.starts = st.starts[1:]
		st.line++
	}
	return st.line
}

// keepTail keeps the bytes a match starting in this chunk could still
// need, and folds the line starts before them into the count.
func (st *streamSearch) keepTail(hay []byte) {
	keep := min(len(hay), len(st.q.text)-1)
	st.base += int64(len(hay) - keep)
	st.tail = append([]byte(nil), hay[len(hay)-keep:]...)
	st.lineAt(st.base - 1)
}
