package challenge

// Low-level scans: look-aheads, which never move the scanner, and the skips
// used to step over broken text. Each adds its iterations to the step counter.

// tokenEnd returns the end of the token starting at i (i itself when none).
func (s *scanner) tokenEnd(i int) int {
	j := i
	for j < len(s.s) && isTchar(s.s[j]) {
		j++
	}
	s.p.steps += j - i
	return j
}

// wsEnd returns the end of the SP/HTAB run starting at i.
func (s *scanner) wsEnd(i int) int {
	j := i
	for j < len(s.s) && isWS(s.s[j]) {
		j++
	}
	s.p.steps += j - i
	return j
}

func (s *scanner) skipWS() { s.i = s.wsEnd(s.i) }

// closingQuote returns the index of the first unescaped '"' at or after i,
// or -1. A backslash escapes the byte after it (RFC 9110 §5.6.4).
func (s *scanner) closingQuote(from int) int {
	for i := from; i < len(s.s); i++ {
		switch s.s[i] {
		case '\\':
			i++
		case '"':
			s.p.steps += i - from
			return i
		}
	}
	s.p.steps += len(s.s) - from
	return -1
}

// paramAt reports whether an auth-param starts at i ("token BWS =").
func (s *scanner) paramAt(i int) bool {
	end := s.tokenEnd(i)
	if end == i {
		return false
	}
	j := s.wsEnd(end)
	return j < len(s.s) && s.s[j] == '='
}

// challengeAt reports whether a challenge with parameters starts at i
// ("token 1*WS token BWS ="), the shape that shows a comma between two
// challenges is missing.
func (s *scanner) challengeAt(i int) bool {
	end := s.tokenEnd(i)
	if end == i {
		return false
	}
	j := s.wsEnd(end)
	if j == end {
		return false
	}
	return s.paramAt(j)
}

// token68At reports whether a token68 starts at i: its characters, optional
// "=" padding, then OWS and a comma or the end (notes §1.2 rule 4: "foo=" is
// a token68 but "foo=bar" is a parameter). It returns the token68's end.
func (s *scanner) token68At(i int) (int, bool) {
	j := i
	for j < len(s.s) && isToken68Char(s.s[j]) {
		j++
	}
	if j == i {
		return 0, false
	}
	for j < len(s.s) && s.s[j] == '=' {
		j++
	}
	s.p.steps += j - i
	end := j
	j = s.wsEnd(j)
	if j == len(s.s) || s.s[j] == ',' {
		return end, true
	}
	return 0, false
}

// cleanAfter reports whether the text from k can follow a complete value:
// OWS then a comma or the end, or a parameter or challenge that only lacks
// its comma (L2). L5 uses it to decide which quote really closes a string.
func (s *scanner) cleanAfter(k int) bool {
	j := s.wsEnd(k)
	if j == len(s.s) || s.s[j] == ',' {
		return true
	}
	return s.paramAt(j) || (j > k && s.challengeAt(j))
}

// skipToComma skips to the next comma outside a quoted string: Strict mode's
// way of dropping the rest of a broken list element.
func (s *scanner) skipToComma() {
	for s.i < len(s.s) {
		s.p.steps++
		switch s.s[s.i] {
		case ',':
			return
		case '"':
			if k := s.closingQuote(s.i + 1); k >= 0 {
				s.i = k + 1
			} else {
				s.i = len(s.s)
			}
		default:
			s.i++
		}
	}
}

// skipJunk skips unparseable text up to a comma, or up to whitespace after
// which a parameter or a challenge starts, so Lenient mode loses as little as
// possible.
func (s *scanner) skipJunk() {
	for s.i < len(s.s) {
		s.p.steps++
		c := s.s[s.i]
		switch {
		case c == ',':
			return
		case c == '"':
			if k := s.closingQuote(s.i + 1); k >= 0 {
				s.i = k + 1
			} else {
				s.i = len(s.s)
			}
		case isWS(c):
			j := s.wsEnd(s.i)
			if j == len(s.s) || s.s[j] == ',' || s.resumesAt(j) {
				return
			}
			s.i = j
		default:
			s.i++
		}
	}
}

// resumesAt reports whether parsing can pick up again at j.
func (s *scanner) resumesAt(j int) bool {
	return s.paramAt(j) || s.challengeAt(j)
}
