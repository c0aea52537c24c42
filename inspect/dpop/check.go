package dpop

// Check runs every RFC 9449 §4.3 check on proof (the DPoP header value)
// for the request in p. It returns what it could decode and one Problem
// per failed check, in the RFC's order; none means the proof passes them
// all. It cannot check jti replay: that needs the server's memory.
func Check(proof string, p Params) (Proof, []Problem) {
	p = p.withDefaults()
	d, probs := decode(proof)
	out := Proof{Header: d.header, Claims: d.claims}
	if d.header != nil {
		var more []Problem
		out.JKT, more = checkHeader(d, p)
		probs = append(probs, more...)
	}
	if d.claims != nil {
		probs = append(probs, checkClaims(d.claims, p)...)
	}
	return out, append(probs, checkJKT(out.JKT, p)...)
}

// checkHeader runs the header checks and the signature check, which needs
// both alg and jwk, and returns the jwk's thumbprint.
func checkHeader(d decoded, p Params) (string, []Problem) {
	probs := checkTyp(d.header)
	alg, algProbs := checkAlg(d.header, p.Algs)
	key, keyProbs := checkJWK(d.header)
	probs = append(probs, algProbs...)
	probs = append(probs, keyProbs...)
	return key.jkt, append(probs, checkSignature(d, alg, key)...)
}
