package rawhttp

import "bytes"

// section is a parsed header section.
type section struct {
	headers []Header
	// pseudo holds HTTP/2 pseudo-headers (":method: GET") as pasted from
	// browser developer tools, names without the leading colon.
	pseudo   []Header
	warnings warnings
	// end is where the body, or the next response, starts.
	end int
	// blank is set when a blank line ended the section, as opposed to the
	// end of input or the next status line.
	blank bool
}

// sectionReader accumulates one header at a time so that obs-folded
// continuation lines are joined in linear time.
type sectionReader struct {
	sec   section
	name  string
	value []byte
	have  bool // name/value hold a header not yet flushed
}

// readSection reads header lines from b[i]. start is where the message's
// first line began, for the size cap. With stopAtStatus, a status line
// also ends the section: pasted curl -siL output sometimes lost the blank
// line between responses.
func readSection(b []byte, start, i int, stopAtStatus bool) (section, error) {
	var r sectionReader
	for i < len(b) {
		line, next := nextLine(b, i)
		if next-start > MaxHeaderSection {
			return section{}, ErrHeadersTooLarge
		}
		if isBlank(line) {
			r.sec.end, r.sec.blank = next, true
			return r.finish(), nil
		}
		if stopAtStatus && isStatusLine(line) {
			r.sec.end = i
			return r.finish(), nil
		}
		r.line(line)
		i = next
	}
	r.sec.end = len(b)
	return r.finish(), nil
}

func (r *sectionReader) finish() section {
	r.flush()
	return r.sec
}

func (r *sectionReader) line(line []byte) {
	switch {
	case line[0] == ' ' || line[0] == '\t':
		r.fold(line)
	case line[0] == ':':
		r.pseudo(line)
	default:
		r.field(line)
	}
}

func (r *sectionReader) field(line []byte) {
	r.flush()
	name, value, ok := bytes.Cut(line, []byte{':'})
	name = trimOWS(name)
	switch {
	case !ok:
		r.sec.warnings.add("skipped a header line without a colon: %s", quoteLine(line))
	case len(name) == 0 || hasCTL(name):
		r.sec.warnings.add("skipped a header line with an invalid name: %s", quoteLine(line))
	default:
		r.name = string(name)
		r.value = append(r.value[:0], trimOWS(value)...)
		r.have = true
	}
}

// fold joins an obs-fold continuation line (RFC 9112 §5.2) to the header
// before it with a single space.
func (r *sectionReader) fold(line []byte) {
	if !r.have {
		r.sec.warnings.add("skipped a continuation line that follows no header: %s", quoteLine(line))
		return
	}
	if part := trimOWS(line); len(part) > 0 {
		if len(r.value) > 0 {
			r.value = append(r.value, ' ')
		}
		r.value = append(r.value, part...)
	}
}

func (r *sectionReader) pseudo(line []byte) {
	r.flush()
	name, value, ok := bytes.Cut(line[1:], []byte{':'})
	name = trimOWS(name)
	if !ok || len(name) == 0 || hasCTL(name) {
		r.sec.warnings.add("skipped a malformed pseudo-header line: %s", quoteLine(line))
		return
	}
	r.sec.pseudo = append(r.sec.pseudo, Header{Name: string(name), Value: string(trimOWS(value))})
}

func (r *sectionReader) flush() {
	if r.have {
		r.sec.headers = append(r.sec.headers, Header{Name: r.name, Value: string(r.value)})
		r.have = false
	}
}
