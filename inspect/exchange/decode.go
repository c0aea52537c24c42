package exchange

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"strings"
)

// decoders builds the reader chain that undoes a Content-Encoding header
// ("gzip", or a list such as "deflate, br" applied in that order). When
// one of the encodings is unknown nothing is decoded: the body is kept as
// received, and Body.Decoded says so. Decoders start on the first Read, so
// an empty body (HEAD, 204) with a Content-Encoding is no error.
func decoders(r io.Reader, header string, extra map[string]Decoder) (io.Reader, []io.Closer, bool) {
	var names []string
	for _, n := range strings.Split(header, ",") {
		if n = strings.ToLower(strings.TrimSpace(n)); n != "" && n != "identity" {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return r, nil, false
	}
	chain := make([]Decoder, len(names))
	for i, n := range names {
		if chain[i] = decoderFor(n, extra); chain[i] == nil {
			return r, nil, false
		}
	}
	var closers []io.Closer
	for i := len(chain) - 1; i >= 0; i-- {
		lr := &lazyReader{src: r, open: chain[i], name: names[i]}
		closers = append(closers, lr)
		r = lr
	}
	return r, closers, true
}

func decoderFor(name string, extra map[string]Decoder) Decoder {
	for n, d := range extra {
		if strings.EqualFold(n, name) && d != nil {
			return d
		}
	}
	switch name {
	case "gzip", "x-gzip":
		return func(r io.Reader) (io.ReadCloser, error) { return gzip.NewReader(r) }
	case "deflate":
		return inflate
	}
	return nil
}

// inflate reads "deflate" as the RFC says (zlib) and, as browsers do,
// raw deflate from servers that send that instead.
func inflate(r io.Reader) (io.ReadCloser, error) {
	br := bufio.NewReader(r)
	if h, err := br.Peek(2); err == nil && isZlibHeader(h[0], h[1]) {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

func isZlibHeader(cmf, flg byte) bool {
	return cmf&0x0f == 8 && (uint16(cmf)<<8|uint16(flg))%31 == 0
}

// lazyReader opens its decoder on the first Read.
type lazyReader struct {
	src  io.Reader
	open Decoder
	name string
	rc   io.ReadCloser
	err  error
}

func (l *lazyReader) Read(p []byte) (int, error) {
	if l.rc == nil && l.err == nil {
		l.rc, l.err = l.open(l.src)
		if l.err != nil {
			l.rc = nil // a failed constructor may return a typed nil
			if l.err != io.EOF {
				l.err = &decodeError{name: l.name, err: l.err}
			}
		}
	}
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.rc.Read(p)
	if err != nil && err != io.EOF {
		err = &decodeError{name: l.name, err: err}
	}
	return n, err
}

func (l *lazyReader) Close() error {
	if l.rc != nil {
		return l.rc.Close()
	}
	return nil
}

// decodeError marks a failure of a decoder, as opposed to the network.
type decodeError struct {
	name string
	err  error
}

func (e *decodeError) Error() string { return e.name + ": " + e.err.Error() }
func (e *decodeError) Unwrap() error { return e.err }
