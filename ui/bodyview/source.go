package bodyview

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync"
)

// Source gives random access to a body whose first bytes are in memory
// and whose whole is only reachable through an opener (inspect/exchange's
// Body.Open, which reads a spool from the start). Reads inside the head
// never touch the disk. Beyond it, Source uses io.ReaderAt when the
// opened reader offers one, and otherwise keeps one reader open and moves
// it forward, reopening only to go back: windows are mostly read in order
// while scrolling, so going back is the rare, slower case.
//
// A Source is shared by the copies of a pane and the commands that read
// for it, so it locks; it holds no state the view depends on.
type Source struct {
	head []byte
	size int64
	open func() (io.ReadCloser, error)

	mu     sync.Mutex
	rc     io.ReadCloser
	ra     io.ReaderAt // rc, when it offers random access
	pos    int64       // rc's position when ra is nil
	closed bool
}

// NewSource describes a body of size bytes starting with head. open reads
// the whole body from its start; nil means head is all there is.
func NewSource(head []byte, size int64, open func() (io.ReadCloser, error)) *Source {
	if open == nil {
		size = int64(len(head))
	}
	return &Source{head: head, size: max(size, int64(len(head))), open: open}
}

// Size is the body's size as announced; Open may deliver fewer bytes when
// the rest was not kept.
func (s *Source) Size() int64 { return s.size }

// Head is the part of the body in memory.
func (s *Source) Head() []byte { return s.head }

// Whole reports whether the head is the entire body.
func (s *Source) Whole() bool { return int64(len(s.head)) >= s.size }

// Open reads the whole body from its start, independently of ReadAt.
func (s *Source) Open() (io.ReadCloser, error) {
	if s.open == nil || s.Whole() {
		return io.NopCloser(bytes.NewReader(s.head)), nil
	}
	rc, err := s.open()
	if err != nil {
		return nil, fmt.Errorf("opening the body: %w", err)
	}
	return rc, nil
}

// ReadAt reads len(p) bytes at off, as io.ReaderAt.
func (s *Source) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("bodyview: negative offset")
	}
	if end := off + int64(len(p)); end <= int64(len(s.head)) {
		return copy(p, s.head[off:end]), nil
	}
	if s.Whole() {
		if off >= int64(len(s.head)) {
			return 0, io.EOF
		}
		return copy(p, s.head[off:]), io.EOF
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readLocked(p, off)
}

func (s *Source) readLocked(p []byte, off int64) (int, error) {
	if s.closed {
		return 0, errors.New("bodyview: the body was closed")
	}
	if s.rc == nil {
		if err := s.reopenLocked(); err != nil {
			return 0, err
		}
	}
	if s.ra != nil {
		return s.ra.ReadAt(p, off)
	}
	if err := s.seekLocked(off); err != nil {
		return 0, err
	}
	n, err := io.ReadFull(s.rc, p)
	s.pos += int64(n)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = io.EOF
	}
	return n, err
}

// seekLocked moves the sequential reader to off, reopening it to go back.
func (s *Source) seekLocked(off int64) error {
	if off < s.pos {
		if err := s.reopenLocked(); err != nil {
			return err
		}
	}
	n, err := io.CopyN(io.Discard, s.rc, off-s.pos)
	s.pos += n
	if errors.Is(err, io.EOF) {
		return io.EOF
	}
	if err != nil {
		return fmt.Errorf("reading the body: %w", err)
	}
	return nil
}

func (s *Source) reopenLocked() error {
	if s.rc != nil {
		s.rc.Close()
	}
	rc, err := s.Open()
	if err != nil {
		return err
	}
	s.rc, s.pos = rc, 0
	s.ra, _ = rc.(io.ReaderAt)
	return nil
}

// Close releases the reader Source keeps open (not the body's spool,
// which belongs to the exchange). Reads after Close fail.
func (s *Source) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if s.rc == nil {
		return nil
	}
	err := s.rc.Close()
	s.rc, s.ra = nil, nil
	return err
}

// Cached reports whether reading the body up to end, with the margin the
// window reader looks past it, needs no I/O: a window there can be read
// while handling a key, without a Cmd.
func (s *Source) Cached(end int64) bool {
	return s.Whole() || end+secretMargin <= int64(len(s.head))
}
