package dpop

import "strings"

// checkClaims applies RFC 9449 §4.3 points 3 and 8–12 to the payload.
func checkClaims(claims map[string]any, p Params) []Problem {
	if notAProof(claims) {
		return []Problem{problem(CheckClaims, "the payload has none of htm, htu, iat or jti, so it is not a DPoP proof (an access token in the DPoP header?)")}
	}
	var probs []Problem
	for _, check := range []func(map[string]any, Params) []Problem{
		checkHTM, checkHTU, checkIAT, checkJTI, checkNonce, checkATH,
	} {
		probs = append(probs, check(claims, p)...)
	}
	return probs
}

func notAProof(claims map[string]any) bool {
	for _, name := range []string{"htm", "htu", "iat", "jti"} {
		if _, ok := claims[name]; ok {
			return false
		}
	}
	return true
}

// requireString reports a missing or non-string claim; what it should
// hold is said in want ("the request method, GET").
func requireString(claims map[string]any, name, check, want string) (string, []Problem) {
	s, present, ok := stringClaim(claims, name)
	switch {
	case !present:
		return "", []Problem{problem(check, "%s is missing; it must be %s", name, want)}
	case !ok:
		return "", []Problem{problem(check, "%s is %s but must be a string: %s", name, kind(claims[name]), want)}
	}
	return s, nil
}

func checkHTM(claims map[string]any, p Params) []Problem {
	want := "the request method"
	if p.Method != "" {
		want += ", " + show(p.Method)
	}
	htm, probs := requireString(claims, "htm", CheckHTM, want)
	if probs != nil || p.Method == "" || htm == p.Method {
		return probs
	}
	if strings.EqualFold(htm, p.Method) {
		return []Problem{problem(CheckHTM, "htm is %s but the request method is %s: methods are case-sensitive", show(htm), show(p.Method))}
	}
	return []Problem{problem(CheckHTM, "htm is %s but the request method is %s", show(htm), show(p.Method))}
}

func checkHTU(claims map[string]any, p Params) []Problem {
	want := withoutQuery(p.URL)
	htu, probs := requireString(claims, "htu", CheckHTU, "the request URL without query or fragment")
	if probs != nil || p.URL == "" {
		return probs
	}
	wantT, err := parseTarget(p.URL)
	if err != nil {
		return []Problem{problem(CheckHTU, "the request URL %s %s, so htu was not compared", show(p.URL), err)}
	}
	got, err := parseTarget(htu)
	if err != nil {
		return []Problem{problem(CheckHTU, "htu is %s, which %s; it must be %s", show(htu), err, show(want))}
	}
	var why []string
	if d := got.differs(wantT); d != "" {
		why = append(why, d)
	}
	if got.queryOrFragment {
		why = append(why, "no query or fragment")
	}
	if len(why) == 0 {
		return nil
	}
	return []Problem{problem(CheckHTU, "htu is %s but must be %s: %s", show(htu), show(want), strings.Join(why, "; "))}
}

func checkJTI(claims map[string]any, _ Params) []Problem {
	jti, probs := requireString(claims, "jti", CheckJTI, "a unique identifier for this proof")
	if probs == nil && jti == "" {
		return []Problem{problem(CheckJTI, "jti is empty; it must be a unique identifier for this proof")}
	}
	return probs
}

// checkNonce applies point 10: only when the server has sent a nonce.
func checkNonce(claims map[string]any, p Params) []Problem {
	if p.Nonce == "" {
		return nil
	}
	nonce, present, ok := stringClaim(claims, "nonce")
	switch {
	case !present:
		return []Problem{problem(CheckNonce, "nonce is missing but the server sent DPoP-Nonce %s; make a new proof with that nonce and retry", show(p.Nonce))}
	case !ok:
		return []Problem{problem(CheckNonce, "nonce is %s but must be the string the server sent in DPoP-Nonce, %s", kind(claims["nonce"]), show(p.Nonce))}
	case nonce != p.Nonce:
		return []Problem{problem(CheckNonce, "nonce is %s but the server's latest DPoP-Nonce is %s; nonces from the resource server and the authorization server are separate", show(nonce), show(p.Nonce))}
	}
	return nil
}
