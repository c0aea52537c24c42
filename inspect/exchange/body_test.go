package exchange

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"testing"
)

func compress(t testing.TB, enc string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser
	switch enc {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "zlib":
		w = zlib.NewWriter(&b)
	case "raw deflate":
		w, _ = flate.NewWriter(&b, flate.DefaultCompression)
	}
	w.Write(data)
	w.Close()
	return b.Bytes()
}

func TestContentEncodings(t *testing.T) {
	plain := []byte(strings.Repeat(`{"error":"invalid_token"}`, 100))
	gunzip := func(r io.Reader) (io.ReadCloser, error) { return gzip.NewReader(r) }
	cases := []struct {
		name     string
		header   string // Content-Encoding sent
		wire     []byte
		decoders map[string]Decoder
		decoded  bool
		accept   string // Accept-Encoding the server must see
	}{
		{"gzip", "gzip", compress(t, "gzip", plain), nil, true, "gzip, deflate"},
		{"deflate (zlib)", "deflate", compress(t, "zlib", plain), nil, true, "gzip, deflate"},
		{"deflate (raw, as some servers send)", "deflate", compress(t, "raw deflate", plain), nil, true, "gzip, deflate"},
		// br is pluggable; a registered decoder is used and advertised
		// (here gzip under the name br, as no brotli module is in go.mod).
		{"plugged br", "br", compress(t, "gzip", plain), map[string]Decoder{"br": gunzip}, true, "gzip, deflate, br"},
		{"unknown encoding kept as received", "zstd", []byte("not really zstd"), nil, false, "gzip, deflate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var accept string
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				accept = r.Header.Get("Accept-Encoding")
				w.Header().Set("Content-Encoding", tc.header)
				w.Header().Set("Content-Type", "application/json")
				w.Write(tc.wire)
			}))
			defer srv.Close()
			o := opts()
			o.Decoders = tc.decoders
			e := send(t, get(srv.URL), o)
			mustOK(t, e)
			b := e.Response.Body
			if accept != tc.accept {
				t.Errorf("Accept-Encoding %q, want %q", accept, tc.accept)
			}
			if b.Decoded != tc.decoded || b.ContentEncoding != tc.header || b.Err != "" {
				t.Fatalf("decoded %v encoding %q err %q", b.Decoded, b.ContentEncoding, b.Err)
			}
			want := plain
			if !tc.decoded {
				want = tc.wire
			}
			if !bytes.Equal(b.Data, want) || b.Size != int64(len(want)) {
				t.Fatalf("body %d bytes (size %d), want %d", len(b.Data), b.Size, len(want))
			}
		})
	}
}

func TestCorruptGzip(t *testing.T) {
	good := compress(t, "gzip", bytes.Repeat([]byte("a"), 10000))
	bad := append(append([]byte{}, good[:len(good)-8]...), 1, 2, 3, 4, 5, 6, 7, 8) // wrong checksum
	for name, wire := range map[string][]byte{"not gzip": []byte("plain text"), "bad checksum": bad} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Encoding", "gzip")
				w.Write(wire)
			}))
			defer srv.Close()
			e := send(t, get(srv.URL), opts())
			mustOK(t, e)
			if b := e.Response.Body; b.ErrKind != KindDecode || !strings.Contains(b.Err, "sent as gzip but cannot be decoded") {
				t.Fatalf("got %s %q", b.ErrKind, b.Err)
			}
		})
	}
}

// A body over the cap keeps MaxBody bytes in memory and the whole body in
// a spool that is already gone from the directory; Open reads all of it.
func TestBodyOverCapIsSpooled(t *testing.T) {
	body := make([]byte, 3<<20+7)
	for i := range body {
		body[i] = byte('a' + i%26)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	dir := t.TempDir()
	o := opts()
	o.MaxBody = 1 << 20
	o.SpoolDir = dir
	e := send(t, get(srv.URL), o)
	mustOK(t, e)
	b := &e.Response.Body
	if !b.Truncated || len(b.Data) != 1<<20 || b.Size != int64(len(body)) || b.File == "" || b.Encoding != "text" {
		t.Fatalf("truncated %v, %d bytes kept, size %d, file %q, encoding %s", b.Truncated, len(b.Data), b.Size, b.File, b.Encoding)
	}
	if !bytes.Equal(b.Data, body[:1<<20]) {
		t.Fatal("the kept bytes are not the start of the body")
	}
	if !strings.HasPrefix(b.File, dir) || !strings.Contains(b.File, SpoolPrefix) {
		t.Fatalf("spool %q is not in %s", b.File, dir)
	}
	if runtime.GOOS != "windows" {
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("the spool is visible in the directory: %v", entries)
		}
		st, err := b.spool.f.Stat()
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("spool mode %v (%v)", st.Mode(), err)
		}
	}
	for range 2 { // Open can be called more than once
		r, err := b.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(r)
		r.Close()
		if sha256.Sum256(got) != sha256.Sum256(body) {
			t.Fatalf("Open returned %d bytes, not the body", len(got))
		}
	}
	e.Close()
	if _, err := b.Open(); err == nil {
		t.Fatal("Open works after Close")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("Close left %v", entries)
	}
}

// A Content-Length larger than what arrives: the bytes that came are
// kept, and the body says how it ended.
func TestBodyCutOff(t *testing.T) {
	srv := rawServer(t, func(w *bufio.ReadWriter, _ *http.Request) {
		fmt.Fprintf(w, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n")
		w.WriteString(`{"partial": "body that sto`)
	})
	e := send(t, get(srv.URL), opts())
	mustOK(t, e)
	b := e.Response.Body
	if b.ErrKind != KindClosed || b.Err != "the connection closed after 26 of the 100 body bytes announced" {
		t.Fatalf("got %s %q", b.ErrKind, b.Err)
	}
	if string(b.Data) != `{"partial": "body that sto` || e.Response.Status != 200 || e.Err != "" {
		t.Fatalf("data %q status %d err %q", b.Data, e.Response.Status, e.Err)
	}

	srv = rawServer(t, func(w *bufio.ReadWriter, _ *http.Request) {
		fmt.Fprintf(w, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n10\r\nworld")
	})
	e = send(t, get(srv.URL), opts())
	mustOK(t, e)
	if b := e.Response.Body; b.ErrKind != KindClosed || !strings.Contains(b.Err, "closed before the body ended") {
		t.Fatalf("chunked: got %s %q", b.ErrKind, b.Err)
	}
}

// Bodies that are not UTF-8 text are marked base64, and a missing
// Content-Type is detected.
func TestTextAndBinaryBodies(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	cases := []struct {
		name, ctype string
		body        []byte
		encoding    string
		wantType    string
		sniffed     bool
	}{
		{"utf-8 text", "text/plain; charset=utf-8", []byte("héllo wörld\n\ttab"), "text", "text/plain; charset=utf-8", false},
		{"invalid utf-8", "text/plain", []byte("caf\xe9 latin-1"), "base64", "text/plain", false},
		{"binary, no type", "", png, "base64", "image/png", true},
		{"NUL bytes", "application/octet-stream", []byte("ab\x00cd"), "base64", "application/octet-stream", false},
		{"json, no type", "", []byte(`{"a":1}`), "text", "text/plain; charset=utf-8", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := rawServer(t, func(w *bufio.ReadWriter, _ *http.Request) {
				fmt.Fprintf(w, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n", len(tc.body))
				if tc.ctype != "" {
					fmt.Fprintf(w, "Content-Type: %s\r\n", tc.ctype)
				}
				w.WriteString("\r\n")
				w.Write(tc.body)
			})
			e := send(t, get(srv.URL), opts())
			mustOK(t, e)
			b := e.Response.Body
			if b.Encoding != tc.encoding || b.ContentType != tc.wantType || b.Sniffed != tc.sniffed || !bytes.Equal(b.Data, tc.body) {
				t.Fatalf("encoding %s type %q sniffed %v data %q", b.Encoding, b.ContentType, b.Sniffed, b.Data)
			}
		})
	}
}

// A cap that falls inside a multi-byte character keeps the text whole.
func TestTruncatedInsideACharacter(t *testing.T) {
	body := strings.Repeat("é", 10) // 2 bytes each
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
	defer srv.Close()
	o := opts()
	o.MaxBody = 5
	e := send(t, get(srv.URL), o)
	mustOK(t, e)
	b := e.Response.Body
	if b.Encoding != "text" || string(b.Data) != "éé" || !b.Truncated || b.Size != 20 {
		t.Fatalf("encoding %s data %q truncated %v size %d", b.Encoding, b.Data, b.Truncated, b.Size)
	}
}

func TestSpoolLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 300<<10)) }))
	defer srv.Close()
	o := opts()
	o.MaxBody, o.MaxSpool = 64<<10, 128<<10
	e := send(t, get(srv.URL), o)
	mustOK(t, e)
	if b := e.Response.Body; b.ErrKind != KindSpool || b.Err != "the body is larger than 128 KiB; the rest was not read" || !b.Truncated {
		t.Fatalf("got %s %q", b.ErrKind, b.Err)
	}
}

func TestPrettyJSON(t *testing.T) {
	cases := []struct {
		name      string
		data      string
		truncated bool
		limit     int
		want      string
		ok        bool
	}{
		{"object", `{"a":1,"b":[true,null,{"c":"x"}],"e":{},"f":[]}`, false, 0,
			"{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null,\n    {\n      \"c\": \"x\"\n    }\n  ],\n  \"e\": {},\n  \"f\": []\n}", true},
		{"strings kept byte for byte", `{"s":"a\"{}[],:\u00e9<>"}`, false, 0, "{\n  \"s\": \"a\\\"{}[],:\\u00e9<>\"\n}", true},
		{"numbers kept", `[1.50e+10,-0.000001]`, false, 0, "[\n  1.50e+10,\n  -0.000001\n]", true},
		{"not json", `<html>`, false, 0, "", false},
		{"scalar", `"just a string"`, false, 0, "", false},
		{"invalid", `{"a":1,}`, false, 0, "", false},
		{"trailing garbage", `{"a":1} x`, false, 0, "", false},
		{"truncated body", `{"items":[{"id":1},{"id":`, true, 0, "{\n  \"items\": [\n    {\n      \"id\": 1\n    },\n    {\n      \"id\": ", true},
		{"cut at the limit", `{"a":"1234567890","b":2}`, false, 12, "{\n  \"a\": \"12\n…", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := Body{Data: []byte(tc.data), Truncated: tc.truncated}
			got, ok := b.PrettyJSON(tc.limit)
			if ok != tc.ok || got != tc.want {
				t.Fatalf("got %q %v, want %q %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}
