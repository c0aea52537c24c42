package exchange

import (
	"bytes"
	"net"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// wireConn copies the bytes of the response header block as they are read
// from the connection, because http.Header is a map and loses the order
// and spelling the server used. Each connection carries one request (no
// keep-alive), so the block is the first one on the wire after any 1xx
// interim responses. Once it is complete, reads pass straight through.
type wireConn struct {
	net.Conn
	max  int64 // header bytes captured at most; past that the transport fails too
	done atomic.Bool

	mu       sync.Mutex
	buf      []byte
	scanned  int // bytes of buf already searched for the blank line
	headers  []Header
	captured bool
	overflow bool
	tls      *TLSInfo // set by the TLS dialer for the connection it made
}

func newWireConn(c net.Conn, max int64) *wireConn {
	return &wireConn{Conn: c, max: max}
}

func (c *wireConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 && !c.done.Load() {
		c.capture(p[:n])
	}
	return n, err
}

func (c *wireConn) capture(b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf = append(c.buf, b...)
	for !c.done.Load() {
		end := headerEnd(c.buf, c.scanned)
		if end < 0 {
			c.scanned = max(0, len(c.buf)-3)
			if int64(len(c.buf)) > c.max {
				c.overflow = true
				c.finish()
			}
			return
		}
		block := c.buf[:end]
		if interim(block) {
			c.buf, c.scanned = c.buf[end:], 0
			continue
		}
		c.headers, c.captured = parseHeaderBlock(block), true
		c.finish()
	}
}

func (c *wireConn) finish() {
	c.buf = nil
	c.done.Store(true)
}

// received returns the final response's header fields in wire order, and
// whether the block was complete and within the limit.
func (c *wireConn) received() ([]Header, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.headers, c.captured
}

func (c *wireConn) overflowed() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.overflow
}

func (c *wireConn) tlsInfo() *TLSInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.tls
}

// headerEnd finds the end of a header block (after CRLF CRLF, or LF LF as
// lenient servers send), searching from "from"; -1 when not yet complete.
func headerEnd(b []byte, from int) int {
	for i := from; i < len(b); i++ {
		if b[i] != '\n' {
			continue
		}
		switch {
		case i+1 < len(b) && b[i+1] == '\n':
			return i + 2
		case i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n':
			return i + 3
		}
	}
	return -1
}

// interim reports whether a block is a 1xx response other than 101, after
// which the real response follows on the same connection.
func interim(block []byte) bool {
	line, _, _ := bytes.Cut(block, []byte("\n"))
	_, rest, _ := bytes.Cut(bytes.TrimSpace(line), []byte(" "))
	code, err := strconv.Atoi(string(bytes.TrimSpace(firstField(rest))))
	return err == nil && code >= 100 && code < 200 && code != 101
}

func firstField(b []byte) []byte {
	f, _, _ := bytes.Cut(b, []byte(" "))
	return f
}

// parseHeaderBlock reads the fields after the status line, keeping order,
// duplicates and the names' spelling; obsolete line folding is unfolded.
func parseHeaderBlock(block []byte) []Header {
	lines := strings.Split(string(block), "\n")
	var hs []Header
	for _, line := range lines[1:] {
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && len(hs) > 0 {
			last := &hs[len(hs)-1]
			last.Value = strings.TrimSpace(last.Value + " " + strings.TrimSpace(line))
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		hs = append(hs, Header{Name: name, Value: strings.Trim(value, " \t")})
	}
	return hs
}
