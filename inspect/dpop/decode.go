package dpop

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// maxProofLen bounds the input: real proofs are well under 2 KiB (an RSA
// jwk is the largest part), and a pasted multi-megabyte blob is a mistake.
const maxProofLen = 64 << 10

// decoded is a proof split into its parts. header or claims is nil when
// that segment could not be decoded; the other may still be usable.
type decoded struct {
	header, claims map[string]any
	signingInput   string // the first two segments exactly as received
	sig            []byte
	sigOK          bool // the signature segment decoded
}

// decode splits a compact JWS and decodes what it can, reporting each
// syntax problem once.
func decode(proof string) (decoded, []Problem) {
	proof = strings.Trim(proof, " \t") // optional whitespace around a field value
	if p, bad := refuseShape(proof); bad {
		return decoded{}, []Problem{p}
	}
	parts := strings.Split(proof, ".")
	d := decoded{signingInput: parts[0] + "." + parts[1]}
	var probs []Problem
	var p *Problem
	if d.header, p = decodeObject(parts[0], "header"); p != nil {
		probs = append(probs, *p)
	}
	if d.claims, p = decodeObject(parts[1], "payload"); p != nil {
		probs = append(probs, *p)
	}
	if d.sig, p = decodeSegment(parts[2], "signature"); p != nil {
		probs = append(probs, *p)
	} else {
		d.sigOK = true
	}
	return d, probs
}

// refuseShape catches inputs that are not one compact JWS at all.
func refuseShape(proof string) (Problem, bool) {
	n := strings.Count(proof, ".") + 1
	switch {
	case proof == "":
		return problem(CheckSyntax, "the DPoP header is empty"), true
	case len(proof) > maxProofLen:
		return problem(CheckSyntax, "the proof is %d bytes, far more than any DPoP proof; it was not decoded", len(proof)), true
	case strings.Contains(proof, ","):
		// Two DPoP header fields get joined with a comma on the way in.
		return problem(CheckSyntax, "the DPoP header holds more than one value (joined by a comma); RFC 9449 §4.3 allows exactly one proof per request"), true
	case strings.ContainsAny(proof, " \t\r\n"):
		return problem(CheckSyntax, "the proof contains whitespace; a compact JWT has none (a line break from copying?)"), true
	case n == 5:
		return problem(CheckSyntax, "the proof has 5 segments, so it is an encrypted JWT (JWE); a DPoP proof must be a signed JWT with 3"), true
	case n != 3:
		return problem(CheckSyntax, "the proof has %d dot-separated segments but a signed JWT has 3", n), true
	}
	return Problem{}, false
}

func decodeSegment(seg, name string) ([]byte, *Problem) {
	b, err := base64.RawURLEncoding.DecodeString(seg)
	if err == nil {
		return b, nil
	}
	var p Problem
	var at base64.CorruptInputError
	switch {
	case strings.HasSuffix(seg, "="):
		p = problem(CheckSyntax, "the %s segment ends in = padding, which a compact JWT must not have (RFC 7515 §2)", name)
	case strings.ContainsAny(seg, "+/"):
		p = problem(CheckSyntax, "the %s segment uses + or /, standard base64; a JWT uses base64url (- and _)", name)
	case errors.As(err, &at):
		p = problem(CheckSyntax, "the %s segment is not base64url: bad data at byte %d", name, int64(at))
	default:
		p = problem(CheckSyntax, "the %s segment is not base64url", name)
	}
	return nil, &p
}

func decodeObject(seg, name string) (map[string]any, *Problem) {
	b, p := decodeSegment(seg, name)
	if p != nil {
		return nil, p
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil || m == nil {
		q := problem(CheckSyntax, "the %s is not a JSON object", name)
		return nil, &q
	}
	return m, nil
}
