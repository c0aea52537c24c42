package challenge

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// Claims is a CAE claims challenge (Microsoft Entra): base64 of a JSON
// claims request that the client must pass when it gets a new token.
type Claims struct {
	Raw  string // as sent; empty when the challenge has no claims parameter
	JSON string // the decoded JSON text
	Err  error  // why Raw could not be decoded, if it could not
}

var errClaimsNotJSON = errors.New("claims does not decode to JSON")

// claims decodes the claims parameter. Entra sends standard base64 with
// padding, but base64url without padding and plain JSON occur too.
func (c Challenge) claims() Claims {
	raw, ok := c.Get("claims")
	if !ok {
		return Claims{}
	}
	cl := Claims{Raw: raw}
	text := strings.TrimSpace(raw)
	if !strings.HasPrefix(text, "{") {
		b, err := decodeBase64(text)
		if err != nil {
			cl.Err = err
			return cl
		}
		text = string(b)
	}
	if !json.Valid([]byte(text)) {
		cl.Err = errClaimsNotJSON
		return cl
	}
	cl.JSON = text
	return cl
}

// decodeBase64 accepts standard or URL alphabet, padded or not.
func decodeBase64(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	s = strings.NewReplacer("-", "+", "_", "/").Replace(s)
	return base64.RawStdEncoding.DecodeString(s)
}
