package challenge

// Limits (rule L10). They bound memory, time and output for hostile input
// while leaving room for any real header: a 64 KB header of realistic
// challenges stays far below each of them.
const (
	maxInput       = 256 << 10 // bytes over all fields; the rest is ignored
	maxChallenges  = 4096
	maxParams      = 16384 // over all challenges
	maxEmpty       = 4096  // empty list elements before TOO_MANY_EMPTY_ELEMENTS
	maxDiagnostics = 256
)

// parser holds the state that spans fields: RFC 9110 §5.3 lets a recipient
// join field lines with ", ", so a challenge's parameters may continue on the
// next line and parsing N fields must equal parsing their join.
type parser struct {
	mode    Mode
	res     Result
	steps   int  // loop iterations, for the fuzz test's linear-time check
	stopped bool // a limit was hit; the rest of the input is ignored

	cur     int                 // challenge that parameters attach to, -1 for none
	accepts bool                // cur was followed by SP, so it may take parameters
	seen    map[string]struct{} // names of cur's parameters, once it has many

	nParams    int
	nEmpty     int
	dropped    int      // diagnostics past maxDiagnostics
	droppedSev Severity // the highest severity among them
}

// Parse parses WWW-Authenticate (or Proxy-Authenticate) field values, one
// string per field line, in order. It never fails: problems are reported as
// diagnostics and, in Lenient mode, recovered from.
func Parse(fields []string, mode Mode) Result {
	res, _ := parse(fields, mode)
	return res
}

// parse is Parse plus the step count the fuzz test bounds.
func parse(fields []string, mode Mode) (Result, int) {
	p := &parser{mode: mode, cur: -1}
	p.res.Challenges = []Challenge{}
	p.res.Diagnostics = []Diagnostic{}
	p.res.Fields = p.normalise(fields)
	for f, s := range p.res.Fields {
		if p.stopped {
			break
		}
		sc := scanner{p: p, s: s, field: f}
		sc.run()
	}
	p.checkSemantics()
	p.finishDiagnostics()
	return p.res, p.steps
}

// newChallenge appends a challenge and makes it current. It returns false
// (and stops the parse) once maxChallenges is reached.
func (p *parser) newChallenge(scheme string, field, off int) bool {
	if len(p.res.Challenges) >= maxChallenges {
		p.stop(field, off, CodeTooManyChallenges, msgTooManyChallenges())
		return false
	}
	p.res.Challenges = append(p.res.Challenges, Challenge{Scheme: scheme, Field: field, Offset: off})
	p.cur = len(p.res.Challenges) - 1
	p.accepts = false
	p.seen = nil
	return true
}

// attach adds a parameter to the current challenge, flagging duplicates (L6:
// all are kept, Get returns the first).
func (p *parser) attach(pr Param) {
	if p.nParams >= maxParams {
		p.stop(pr.Field, pr.Offset, CodeTooManyParams, msgTooManyParams())
		return
	}
	p.nParams++
	c := &p.res.Challenges[p.cur]
	if p.isDuplicate(c, pr.Name) {
		p.diag(pr.Field, pr.Offset, CodeDuplicateParam, msgDuplicateParam(pr.Name))
	}
	if c.Params == nil {
		// Most challenges carry a handful of parameters: one allocation
		// instead of a 1-2-4 growth chain.
		c.Params = make([]Param, 0, 6)
	}
	c.Params = append(c.Params, pr)
}

// isDuplicate reports whether c already has a parameter called name. Small
// challenges are scanned; large ones switch to a set so a hostile header with
// thousands of parameters stays linear.
func (p *parser) isDuplicate(c *Challenge, name string) bool {
	if p.seen == nil {
		if len(c.Params) < 16 {
			for _, q := range c.Params {
				if q.Name == name {
					return true
				}
			}
			return false
		}
		p.seen = make(map[string]struct{}, 2*len(c.Params))
		for _, q := range c.Params {
			p.seen[q.Name] = struct{}{}
		}
	}
	_, dup := p.seen[name]
	p.seen[name] = struct{}{}
	return dup
}

// emptyElement counts an empty list element; RFC 9110 §5.6.1 asks for "a
// reasonable number" of them, so past maxEmpty they are flagged once.
func (p *parser) emptyElement(field, off int) {
	p.nEmpty++
	if p.nEmpty == maxEmpty+1 {
		p.diag(field, off, CodeTooManyEmpty, msgTooManyEmpty())
	}
}

// stop reports a limit and ends the parse.
func (p *parser) stop(field, off int, code, msg string) {
	p.diag(field, off, code, msg)
	p.stopped = true
}
