// Package bodyview lays out an HTTP response body for a terminal viewer:
// display lines over a body that may be far larger than memory (a sparse
// line index over the spool), search over the whole body, JSON indenting
// and a small highlighting tokenizer, a hex view for binary bodies, a jq
// filter, and masking of the request's secrets. It is plain Go with no
// terminal dependencies, so everything here is table-tested without a
// screen; ui/tui draws what it returns.
package bodyview

// Limits. Each is a named trade-off, not a view size: views derive their
// geometry from the pane they are drawn in.
const (
	// FormatLimit is the largest body that is indented and coloured. Above
	// it a body is shown as its raw lines (slumber's large_body_size, Bruno
	// formats only the first MiB): formatting would cost more than the
	// screen shows and would have to hold the whole body in memory.
	FormatLimit = 1 << 20
	// JQLimit is the largest body the jq filter reads: gojq decodes the
	// whole document into memory, several times its size.
	JQLimit = 20 << 20
	// MaxLineBytes cuts a display line that has no newline for this long,
	// so that a minified 50 MB body is not one line that every frame has
	// to measure. It is longer than any token we expect to mask, so a
	// secret spans at most two display lines.
	MaxLineBytes = 4096
	// indexStride is how many lines one index mark covers: the index keeps
	// one offset per stride, so a body of many short lines costs little
	// memory, and finding a line reads at most a stride of lines.
	indexStride = 64
	// chunkSize is how much is read at a time from a spooled body.
	chunkSize = 256 << 10
)
