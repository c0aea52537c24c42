package rawhttp

import (
	"bytes"
	"fmt"
	"strconv"
)

// nextLine returns the line starting at b[i] without its line break (LF,
// or CRLF: pasted text mixes both) and the index after the break.
func nextLine(b []byte, i int) (line []byte, next int) {
	j := bytes.IndexByte(b[i:], '\n')
	if j < 0 {
		line, next = b[i:], len(b)
	} else {
		line, next = b[i:i+j], i+j+1
	}
	return bytes.TrimSuffix(line, []byte{'\r'}), next
}

// skipSpace skips leading blank lines and whitespace.
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// isBlank treats a line of only whitespace as blank: trailing spaces on
// the separator line are a common artefact of copying from a terminal.
func isBlank(line []byte) bool { return len(trimOWS(line)) == 0 }

// trimOWS trims spaces, tabs and stray CRs at both ends.
func trimOWS(s []byte) []byte { return bytes.Trim(s, " \t\r") }

// hasCTL reports control characters, which cannot be part of a header
// name and would break anything that prints or re-sends it.
func hasCTL(s []byte) bool {
	for _, c := range s {
		if c < 0x20 || c == 0x7f {
			return true
		}
	}
	return false
}

// quoteLine quotes the start of a line for a warning.
func quoteLine(line []byte) string {
	const max = 60
	if len(line) > max {
		return strconv.Quote(string(line[:max])) + "…"
	}
	return strconv.Quote(string(line))
}

// clone copies a body out of the input, so callers can keep it while the
// input buffer is reused; empty bodies are nil.
func clone(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return bytes.Clone(b)
}

// warnings collects what tolerant parsing skipped, up to maxWarnings
// entries plus one line counting the rest.
type warnings struct {
	list    []string
	dropped int
}

func (w *warnings) add(format string, args ...any) {
	if len(w.list) >= maxWarnings {
		w.dropped++
		return
	}
	w.list = append(w.list, fmt.Sprintf(format, args...))
}

func (w *warnings) result() []string {
	if w.dropped > 0 {
		return append(w.list, fmt.Sprintf("and %d more warnings", w.dropped))
	}
	return w.list
}
