package challenge

// scanner walks one normalised field value. Its grammar is RFC 9110 §11:
//
//	#challenge, challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// read as a list of elements where, after a comma, "token BWS =" continues
// the current challenge and any other token starts a new one.
type scanner struct {
	p     *parser
	s     string
	field int
	i     int
	// l5FailUntil: an L5 look-ahead starting before it is known to fail.
	l5FailUntil int
}

func (s *scanner) eof() bool     { return s.i >= len(s.s) }
func (s *scanner) lenient() bool { return s.p.mode == Lenient }

func (s *scanner) diag(off int, code, msg string) { s.p.diag(s.field, off, code, msg) }

// run parses the list elements of the field.
func (s *scanner) run() {
	afterComma, first := true, true // the field start acts like a comma
	for !s.p.stopped {
		s.p.steps++
		s.skipWS()
		if s.eof() {
			return
		}
		if s.s[s.i] == ',' {
			if afterComma {
				s.p.emptyElement(s.field, s.i)
			}
			afterComma = true
			s.i++
			continue
		}
		s.element(first)
		afterComma, first = false, false
		s.afterElement()
	}
}

// element parses what follows a comma (or the start of the field): a
// parameter of the current challenge or a new challenge.
func (s *scanner) element(first bool) {
	start := s.i
	if s.paramAt(start) {
		s.paramElement(first)
		return
	}
	end := s.tokenEnd(start)
	if end > start && (end == len(s.s) || isWS(s.s[end]) || s.s[end] == ',' || s.s[end] == ':') {
		s.challenge()
		return
	}
	s.unexpected(start)
}

// paramElement handles "name=value" found after a comma.
func (s *scanner) paramElement(first bool) {
	p := s.p
	if p.cur < 0 || !p.accepts {
		s.stray()
		return
	}
	if first && s.field > 0 {
		s.diag(s.i, CodeParamContinuesField, msgParamContinuesField())
	}
	if pr, ok := s.parseParam(); ok {
		p.attach(pr)
	}
}

// stray reports a parameter that belongs to no challenge (L8: "Basic,
// realm=..." or a field that starts with one) and consumes it without
// attaching it.
func (s *scanner) stray() {
	name := s.s[s.i:s.tokenEnd(s.i)]
	s.diag(s.i, CodeParamWithoutChallenge, msgParamWithoutChallenge(name, s.p.cur >= 0))
	if !s.lenient() {
		s.skipToComma()
		return
	}
	s.parseParam()
}

// challenge parses an auth-scheme and, after 1*SP, its token68 or first
// parameter. The caller has checked that a token starts at s.i.
func (s *scanner) challenge() {
	start := s.i
	end := s.tokenEnd(start)
	s.i = end
	scheme := s.s[start:end]
	if !s.p.newChallenge(scheme, s.field, start) {
		return
	}
	if !s.eof() && s.s[s.i] == ':' {
		s.diag(s.i, CodeSchemeColon, msgSchemeColon(scheme))
		if !s.lenient() {
			s.skipToComma()
			return
		}
		s.i++ // L7: read "Scheme:" as "Scheme"
		if !s.eof() && !isWS(s.s[s.i]) && s.s[s.i] != ',' {
			s.afterScheme()
			return
		}
	}
	switch {
	case s.eof() || s.s[s.i] == ',':
		// A challenge without parameters.
	case isWS(s.s[s.i]):
		s.schemeSeparator()
	default:
		s.unexpected(s.i)
	}
}

// schemeSeparator reads the whitespace after a scheme, which must be 1*SP
// (L1: HTAB is accepted in Lenient mode), and what follows it.
func (s *scanner) schemeSeparator() {
	wsStart := s.i
	tab := false
	for s.i < len(s.s) && isWS(s.s[s.i]) {
		s.p.steps++
		tab = tab || s.s[s.i] == '\t'
		s.i++
	}
	if s.eof() || s.s[s.i] == ',' {
		// "Basic , realm=..." is a scheme, SP and an empty first parameter,
		// so later parameters still belong to it; a lone HTAB is only OWS.
		s.p.accepts = s.s[wsStart] == ' '
		return
	}
	if tab {
		s.diag(wsStart, CodeTabAfterScheme, msgTabAfterScheme())
		if !s.lenient() {
			s.skipToComma()
			return
		}
	}
	s.afterScheme()
}

// afterScheme parses what follows "scheme 1*SP": a token68, or the first
// parameter.
func (s *scanner) afterScheme() {
	if end, ok := s.token68At(s.i); ok {
		t := s.s[s.i:end]
		s.p.res.Challenges[s.p.cur].Token68 = &t
		s.i = end
		return
	}
	s.p.accepts = true
	if s.paramAt(s.i) {
		if pr, ok := s.parseParam(); ok {
			s.p.attach(pr)
		}
		return
	}
	s.unexpected(s.i)
}

// afterElement expects OWS then a comma or the end. Anything else is a
// missing separator: a parameter (L2), a whole challenge, or junk.
func (s *scanner) afterElement() {
	for !s.p.stopped {
		s.p.steps++
		gap := s.i
		s.skipWS()
		if s.eof() || s.s[s.i] == ',' {
			return
		}
		if s.paramAt(s.i) {
			if s.p.cur < 0 || !s.p.accepts {
				s.stray()
				continue
			}
			s.diag(gap, CodeParamSeparator, msgParamSeparator())
			if !s.lenient() {
				s.skipToComma()
				return
			}
			if pr, ok := s.parseParam(); ok {
				s.p.attach(pr)
			}
			continue
		}
		if s.i > gap && s.challengeAt(s.i) {
			s.diag(gap, CodeMissingComma, msgMissingComma())
			if !s.lenient() {
				s.skipToComma()
				return
			}
			s.challenge()
			continue
		}
		s.unexpected(s.i)
	}
}

// unexpected reports text that fits nowhere and skips it: in Strict mode the
// rest of the list element, in Lenient mode only up to the next point where
// parsing can resume, so what follows is not lost.
func (s *scanner) unexpected(at int) {
	s.diag(at, CodeUnexpectedText, msgUnexpectedText(snippet(s.s, at), s.lenient()))
	if s.lenient() {
		s.skipJunk()
		return
	}
	s.skipToComma()
}
