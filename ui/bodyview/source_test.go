package bodyview

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func TestBodySourceReadAt(t *testing.T) {
	body := textBody(500)
	head := 1000
	sources := map[string]*Source{
		"sequential spool": spooled(body, head),
		"random-access spool": NewSource(body[:head], int64(len(body)), func() (io.ReadCloser, error) {
			return randomAccess{bytes.NewReader(body)}, nil
		}),
		"whole in memory": NewSource(body, int64(len(body)), nil),
	}
	// In order, back again, across the head's end, and past the end.
	reads := []struct {
		off int64
		n   int
	}{{0, 10}, {int64(head) - 5, 10}, {5000, 100}, {20, 30}, {int64(len(body)) - 4, 10}, {int64(len(body)) + 3, 4}}
	for name, src := range sources {
		t.Run(name, func(t *testing.T) {
			for _, r := range reads {
				p := make([]byte, r.n)
				n, err := src.ReadAt(p, r.off)
				end := min(int64(len(body)), r.off+int64(r.n))
				want := body[min(r.off, end):end]
				if !bytes.Equal(p[:n], want) {
					t.Errorf("ReadAt(%d, %d) = %q, want %q", r.off, r.n, p[:n], want)
				}
				if n < r.n && !errors.Is(err, io.EOF) {
					t.Errorf("ReadAt(%d, %d) short without EOF: %v", r.off, r.n, err)
				}
			}
		})
	}
}

// A body whose rest was not kept (exchange's DiscardRest): Open gives the
// head only, and reads past it end early instead of failing.
func TestBodySourceRestNotKept(t *testing.T) {
	head := []byte("0123456789")
	src := NewSource(head, 1000, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(head)), nil })
	p := make([]byte, 20)
	n, err := src.ReadAt(p, 5)
	if n != 5 || !errors.Is(err, io.EOF) {
		t.Fatalf("ReadAt = %d, %v", n, err)
	}
	if src.Whole() || src.Size() != 1000 {
		t.Fatalf("whole %v, size %d", src.Whole(), src.Size())
	}
}

func TestBodySourceClose(t *testing.T) {
	body := textBody(100)
	src := spooled(body, 10)
	if _, err := src.ReadAt(make([]byte, 5), 100); err != nil {
		t.Fatal(err)
	}
	if err := src.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := src.ReadAt(make([]byte, 5), 200); err == nil {
		t.Fatal("read after Close")
	}
	if n, err := src.ReadAt(make([]byte, 5), 0); n != 5 || err != nil {
		t.Fatalf("the head is still readable: %d, %v", n, err)
	}
}

func TestBodySourceOpenError(t *testing.T) {
	src := NewSource([]byte("ab"), 10, func() (io.ReadCloser, error) { return nil, errors.New("spool closed") })
	if _, err := src.ReadAt(make([]byte, 4), 3); err == nil {
		t.Fatal("no error from a failing opener")
	}
}
