package explain

import (
	"github.com/why401/why401/inspect/dpop"
)

// ruleDPoPProof: the server refused the DPoP proof, or the proof sent
// fails a check of RFC 9449 §4.3 that why401 can make locally.
func ruleDPoPProof(f *facts) []Diagnosis {
	said := f.statements("DPOP_PROOF_INVALID")
	coded := f.errorCode == "invalid_dpop_proof"
	problems := f.proofProblems()
	if !coded && len(said) == 0 && len(problems) == 0 {
		return nil
	}
	d := diag("DPOP_PROOF_INVALID", "error", tierLocal+50, "The DPoP proof was refused",
		"Each request needs a fresh proof JWT (typ dpop+jwt) signed with the key the token is bound to, naming this method and URL, with ath = hash of the token.",
		"Rebuild the proof for this exact request (htm, htu without query), with a fresh iat and jti, signed with the bound key.")
	for _, p := range problems {
		d.Evidence = append(d.Evidence, "proof "+p.Check+": "+p.Message)
	}
	if len(problems) > 0 {
		d.Title = "The DPoP proof is wrong: " + problems[0].Message
	}
	if coded {
		d.Evidence = append(d.Evidence, challengeEvidence(f.errorFrom, f.challengeHeader()))
	}
	d.Evidence = append(d.Evidence, quoteEvidence(said)...)
	if coded || len(said) > 0 {
		d.score = serverTier(len(problems) > 0) + 50
	}
	return []Diagnosis{d}
}

// proofProblems checks the DPoP header the request carried, if any.
func (f *facts) proofProblems() []dpop.Problem {
	proof, ok := headerValue(f.in.Request.Headers, "DPoP")
	if !ok || f.scheme != "dpop" {
		return nil
	}
	nonce, _ := headerValue(f.in.ResponseHeaders, "DPoP-Nonce")
	var algs []string
	for _, c := range f.challenges {
		if d, ok := c.AsDPoP(); ok {
			algs = append(algs, d.Algs...)
		}
	}
	clock, _ := f.clock()
	token := ""
	if f.tok != nil {
		token = f.tok.Token.Raw
	}
	_, problems := dpop.Check(proof, dpop.Params{
		Method: f.in.Request.Method, URL: f.in.Request.URL, AccessToken: token,
		TokenJKT: f.cnfJKT(), Nonce: nonce, Algs: algs, Now: clock,
	})
	return problems
}
