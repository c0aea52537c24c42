package exchange

import (
	"errors"
	"io"
	"os"
	"sync"
)

// SpoolPrefix starts the names of spool files, so that a clean-up at start
// can find those a crash left behind where they could not be unlinked.
const SpoolPrefix = "why401-body-"

// spool holds a body too large for memory. It is created 0600 and, where
// the OS allows, unlinked at once: the open file stays readable, nothing
// is left on disk when the process dies, and no other user can open it
// by name. Elsewhere (Windows) it is removed on Close.
type spool struct {
	mu       sync.Mutex
	f        *os.File
	name     string
	size     int64
	unlinked bool
	closed   bool
}

func newSpool(dir string) (*spool, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	f, err := os.CreateTemp(dir, SpoolPrefix+"*") // 0600
	if err != nil {
		return nil, err
	}
	s := &spool{f: f, name: f.Name()}
	if unlinkOpenFiles && os.Remove(s.name) == nil {
		s.unlinked = true
	}
	return s, nil
}

func (s *spool) Write(p []byte) (int, error) {
	n, err := s.f.Write(p)
	s.size += int64(n)
	return n, err
}

// reader reads the whole spooled body from the start; several readers
// may be open at once.
func (s *spool) reader() (io.ReadCloser, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("the body's spool file was already closed")
	}
	return io.NopCloser(io.NewSectionReader(s.f, 0, s.size)), nil
}

func (s *spool) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.f.Close()
	if !s.unlinked {
		err = errors.Join(err, os.Remove(s.name))
	}
	return err
}
