package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"unicode/utf8"
)

// Body is a response body, decoded, with at most MaxBody bytes in memory.
type Body struct {
	ContentType     string // as sent, or detected when the server sent none
	Sniffed         bool   // ContentType was detected from the bytes
	ContentEncoding string // as sent ("gzip"); "" none
	Decoded         bool   // ContentEncoding was undone; false: Data is as received
	Size            int64  // bytes received, after decoding
	Truncated       bool   // Size > len(Data): the rest is in the spool, see Open
	Encoding        string // "text" (UTF-8 without control bytes) or "base64" (binary), for JSON output
	Data            []byte // the first bytes, at most MaxBody
	// File names the spool of a body over MaxBody. Where the OS allows it
	// is already unlinked and the name opens nothing: read it with Open.
	File    string
	Err     string // why the body is incomplete, in plain words; "" when complete
	ErrKind ErrKind

	spool *spool
}

// Open reads the whole body, from the spool when it is larger than Data.
func (b *Body) Open() (io.ReadCloser, error) {
	if b.spool == nil {
		return io.NopCloser(bytes.NewReader(b.Data)), nil
	}
	return b.spool.reader()
}

// Close releases the spool; Open then fails for a spooled body.
func (b *Body) Close() error {
	if b.spool == nil {
		return nil
	}
	return b.spool.Close()
}

// readBody streams resp.Body through the decoders into memory up to
// MaxBody and into a spool beyond it.
func readBody(ctx context.Context, resp *http.Response, o *Options) Body {
	b := Body{ContentType: resp.Header.Get("Content-Type"), ContentEncoding: resp.Header.Get("Content-Encoding")}
	raw := &countingReader{r: resp.Body}
	src, closers, decoded := decoders(raw, b.ContentEncoding, o.Decoders)
	b.Decoded = decoded
	sk := &sink{max: o.MaxBody, maxSpool: o.MaxSpool, dir: o.SpoolDir, discard: o.DiscardRest}
	if resp.ContentLength > 0 && !decoded {
		sk.data = make([]byte, 0, min(resp.ContentLength, o.MaxBody))
	}
	_, err := io.CopyBuffer(sk, src, make([]byte, copyBufferSize(resp.ContentLength, decoded)))
	for _, c := range closers {
		c.Close()
	}
	b.Data, b.Size, b.spool = sk.data, sk.size, sk.spool
	if b.spool != nil {
		b.File = b.spool.name
	}
	if err != nil {
		b.ErrKind, b.Err = bodyFailure(ctx, err, raw, resp.ContentLength, o)
	}
	b.Truncated = b.Size > int64(len(b.Data)) || b.ErrKind == KindSpool
	if b.ContentType == "" && len(b.Data) > 0 {
		b.ContentType, b.Sniffed = http.DetectContentType(b.Data), true
	}
	b.Encoding = "base64"
	if text, ok := asText(b.Data, b.Truncated); ok {
		b.Data, b.Encoding = text, "text"
	}
	return b
}

// copyBufferSize fits the copy buffer to a small body of known length,
// which is what most 401 and 403 answers are.
func copyBufferSize(length int64, decoded bool) int64 {
	const most = 32 << 10
	if length < 0 || decoded {
		return most
	}
	return min(max(length+1, 512), most)
}

// bodyFailure says why the body stopped: the network (the connection
// closed early, the timeout), the disk, or a corrupt encoding.
func bodyFailure(ctx context.Context, err error, raw *countingReader, length int64, o *Options) (ErrKind, string) {
	var spoolErr *spoolError
	var decErr *decodeError
	switch {
	case errors.As(err, &spoolErr):
		return KindSpool, spoolErr.Error()
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return KindTimeout, fmt.Sprintf("timed out after %s while the body was arriving (%d bytes received)", o.Timeout, raw.n)
	case ctx.Err() != nil:
		return KindCanceled, "the request was canceled while the body was arriving"
	case raw.err != nil && raw.err != io.EOF:
		if length > 0 {
			return KindClosed, fmt.Sprintf("the connection closed after %d of the %d body bytes announced", raw.n, length)
		}
		return KindClosed, fmt.Sprintf("the connection closed before the body ended (%d bytes received)", raw.n)
	case errors.As(err, &decErr):
		return KindDecode, fmt.Sprintf("the body is sent as %s but cannot be decoded (%v); what was decoded is kept", decErr.name, decErr.err)
	}
	return KindNetwork, "the body could not be read: " + err.Error()
}

// asText reports whether data is UTF-8 text without the control bytes
// that mark binary data, and returns it cut to a whole character when the
// body was truncated in the middle of one.
func asText(data []byte, truncated bool) ([]byte, bool) {
	if truncated {
		data = trimPartialRune(data)
	}
	if !utf8.Valid(data) {
		return nil, false
	}
	for _, c := range data {
		if isBinaryByte(c) {
			return nil, false
		}
	}
	return data, true
}

func trimPartialRune(b []byte) []byte {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return b[:i]
			}
			break
		}
	}
	return b
}

// isBinaryByte: the control bytes http.DetectContentType takes as binary.
func isBinaryByte(c byte) bool {
	return c <= 0x08 || c == 0x0B || (0x0E <= c && c <= 0x1A) || (0x1C <= c && c <= 0x1F)
}

// countingReader notes how many raw bytes arrived and how the stream ended.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil {
		c.err = err
	}
	return n, err
}

// sink keeps the first max bytes in memory and, once a body goes past
// them, writes the whole body to a spool.
type sink struct {
	max, maxSpool int64
	dir           string
	discard       bool // count the rest, keep none of it
	data          []byte
	size          int64
	spool         *spool
}

func (s *sink) Write(p []byte) (int, error) {
	keep := max(0, min(int64(len(p)), s.max-int64(len(s.data))))
	s.data = append(s.data, p[:keep]...)
	s.size += keep
	rest := p[keep:]
	if len(rest) == 0 {
		return len(p), nil
	}
	if s.discard {
		s.size += int64(len(rest))
		return len(p), nil
	}
	if s.spool == nil {
		sp, err := newSpool(s.dir)
		if err != nil {
			return 0, &spoolError{err: err, kept: s.max}
		}
		s.spool = sp
		if _, err := sp.Write(s.data); err != nil {
			return 0, &spoolError{err: err, kept: s.max}
		}
	}
	if s.spool.size+int64(len(rest)) > s.maxSpool {
		return 0, &spoolError{limit: s.maxSpool}
	}
	if _, err := s.spool.Write(rest); err != nil {
		return 0, &spoolError{err: err, kept: s.max}
	}
	s.size += int64(len(rest))
	return len(p), nil
}

// spoolError: the disk could not take the body, or it passed MaxSpool.
type spoolError struct {
	err   error
	kept  int64
	limit int64
}

func (e *spoolError) Error() string {
	if e.limit > 0 {
		return "the body is larger than " + humanBytes(e.limit) + "; the rest was not read"
	}
	return fmt.Sprintf("the body could not be written to a temporary file (%v); only its first %s are kept", e.err, humanBytes(e.kept))
}
