package bodyview

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// spooled builds a Source the way the pane does for a large exchange
// body: the first headLen bytes in memory, the whole body behind an
// opener that, like exchange.Body.Open, offers only sequential reads.
func spooled(body []byte, headLen int) *Source {
	return NewSource(body[:headLen], int64(len(body)), func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(body)), nil
	})
}

// randomAccess is an opener whose reader also offers io.ReaderAt.
type randomAccess struct{ *bytes.Reader }

func (randomAccess) Close() error { return nil }

// textBody is n lines "line 00000 …" of varying length, with the odd tab,
// a long line and a UTF-8 character so splitting has work to do.
func textBody(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "line %05d %s", i, strings.Repeat("é", i%7))
		if i%97 == 0 {
			b.WriteString(strings.Repeat("x", MaxLineBytes+i%5))
		}
		if i%13 == 0 {
			b.WriteString("\tend")
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// lineStrings is SplitLines as strings, the reference for line numbers.
func lineStrings(b []byte) []string {
	var out []string
	for _, l := range SplitLines(b) {
		out = append(out, string(l))
	}
	return out
}

// identity masks nothing.
func identity(s string) string { return s }

// maskOf replaces each secret with «masked», as the backend's masker does.
func maskOf(secrets ...string) func(string) string {
	return func(s string) string {
		for _, sec := range secrets {
			s = strings.ReplaceAll(s, sec, "«masked»")
		}
		return s
	}
}
