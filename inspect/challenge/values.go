package challenge

import "strings"

// parseParam parses "token BWS = BWS ( token / quoted-string )" at s.i; the
// caller has checked paramAt. It returns false when the parameter must be
// dropped (Strict mode on a broken value).
func (s *scanner) parseParam() (Param, bool) {
	nameStart := s.i
	nameEnd := s.tokenEnd(nameStart)
	pr := Param{Name: strings.ToLower(s.s[nameStart:nameEnd]), Offset: nameStart, Field: s.field}
	s.i = s.wsEnd(nameEnd)
	if s.eof() || s.s[s.i] != '=' || nameEnd == nameStart {
		s.unexpected(nameStart) // unreachable when the caller checked paramAt
		return pr, false
	}
	valStart := s.i + 1
	s.i = s.wsEnd(valStart)
	// "error= realm=..." is an empty value and a missing comma, not the
	// value "realm"; only Lenient mode reads it that way (L2).
	emptyThenParam := s.lenient() && s.i > valStart && s.paramAt(s.i)
	switch {
	case s.eof() || s.s[s.i] == ',' || emptyThenParam:
		// An auth-param value may not be empty ("" is the empty value).
		s.diag(valStart, CodeEmptyValue, msgEmptyValue(pr.Name))
		return pr, s.lenient()
	case s.s[s.i] == '"':
		return s.quotedValue(pr)
	}
	return s.tokenValue(pr)
}

// tokenValue reads an unquoted value. A value that is not a token (a URL,
// "\f\o\o") is L3: Lenient mode takes the run up to a comma or whitespace.
func (s *scanner) tokenValue(pr Param) (Param, bool) {
	start := s.i
	end := s.tokenEnd(start)
	if end > start && (end == len(s.s) || isWS(s.s[end]) || s.s[end] == ',') {
		pr.Value, pr.Raw = s.s[start:end], s.s[start:end]
		s.i = end
		return pr, true
	}
	s.diag(start, CodeUnquotedValue, msgUnquotedValue(pr.Name))
	if !s.lenient() {
		s.skipToComma()
		return pr, false
	}
	for end < len(s.s) && !isWS(s.s[end]) && s.s[end] != ',' {
		end++
	}
	s.p.steps += end - start
	pr.Value, pr.Raw = s.s[start:end], s.s[start:end]
	s.i = end
	s.checkValueChars(pr, start, end)
	return pr, true
}

// quotedValue reads a quoted-string value, with the L4 (unterminated) and L5
// (unescaped inner quote) recoveries.
func (s *scanner) quotedValue(pr Param) (Param, bool) {
	open := s.i
	end := s.closingQuote(open + 1)
	if end < 0 {
		s.diag(open, CodeUnterminatedQuote, msgUnterminatedQuote(pr.Name))
		s.i = len(s.s)
		if !s.lenient() {
			return pr, false
		}
		return s.finishQuoted(pr, open, len(s.s), len(s.s)), true
	}
	// A closing quote followed by text that cannot follow a value is
	// probably an unescaped quote inside the value (Auth0). Believe that only
	// when a later quote does end the value cleanly.
	if end+1 >= s.l5FailUntil && !s.cleanAfter(end+1) {
		if alt := s.laterClosingQuote(end); alt >= 0 {
			s.diag(end, CodeUnescapedQuote, msgUnescapedQuote(pr.Name))
			if !s.lenient() {
				pr = s.finishQuoted(pr, open, end, end+1)
				s.i = end + 1
				s.skipToComma()
				return pr, true
			}
			end = alt
		}
	}
	pr = s.finishQuoted(pr, open, end, end+1)
	s.i = end + 1
	return pr, true
}

// laterClosingQuote returns the first quote after end that is followed by
// clean text, or -1. It gives up at a comma that starts a parameter or a
// challenge: swallowing those would lose the rest of the header, which is
// worse than one truncated value. On failure it records how far it looked,
// because a search starting inside that stretch meets the same quotes and
// fails the same way; skipping it keeps L5 linear.
func (s *scanner) laterClosingQuote(end int) int {
	for {
		s.p.steps++
		k := s.closingQuote(end + 1)
		if k < 0 {
			s.l5FailUntil = len(s.s) + 1
			return -1
		}
		if e := s.elementStartWithin(end+1, k); e >= 0 {
			s.l5FailUntil = e
			return -1
		}
		if s.cleanAfter(k + 1) {
			return k
		}
		end = k
	}
}

// elementStartWithin returns the index of the first comma in s[from:to]
// that is followed by something that parses as a parameter or a challenge,
// or -1.
func (s *scanner) elementStartWithin(from, to int) int {
	for i := from; i < to; i++ {
		s.p.steps++
		if s.s[i] == ',' && s.resumesAt(s.wsEnd(i+1)) {
			return i
		}
	}
	return -1
}

// finishQuoted fills a quoted parameter whose content is s[open+1:contentEnd]
// and whose wire form is s[open:rawEnd].
func (s *scanner) finishQuoted(pr Param, open, contentEnd, rawEnd int) Param {
	pr.Value = unescape(s.s[open+1 : contentEnd])
	pr.Raw = s.s[open:rawEnd]
	pr.Quoted = true
	s.checkValueChars(pr, open+1, contentEnd)
	return pr
}

// checkValueChars flags control characters (never allowed) and obs-text (L9:
// allowed, kept as is, but of unknown charset) in a value.
func (s *scanner) checkValueChars(pr Param, from, to int) {
	ctl, high := -1, -1
	for i := from; i < to && (ctl < 0 || high < 0); i++ {
		switch valueClass[s.s[i]] {
		case 0:
		case classCTL:
			if ctl < 0 {
				ctl = i
			}
		default:
			if high < 0 {
				high = i
			}
		}
	}
	s.p.steps += to - from
	if ctl >= 0 {
		s.diag(ctl, CodeControlChar, msgControlChar(pr.Name, s.s[ctl]))
	}
	if high >= 0 {
		s.diag(high, CodeObsText, msgObsText(pr.Name))
	}
}

// unescape replaces each quoted-pair "\x" by x (RFC 9110 §5.6.4). It does no
// other decoding: no percent-decoding, no RFC 2047.
func unescape(s string) string {
	i := strings.IndexByte(s, '\\')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:i]...)
	for ; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b = append(b, s[i])
	}
	return string(b)
}
