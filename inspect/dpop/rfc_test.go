package dpop

import (
	"strings"
	"testing"
	"time"
)

// RFC 9449 §4.1 Figure 3 (token request proof), §6.1 (its key's jkt) and
// §7.1 Figure 13 (resource request proof with ath).
const (
	rfcTokenProof    = "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiItQndDM0VTYzZhY2MybFRjIiwiaHRtIjoiUE9TVCIsImh0dSI6Imh0dHBzOi8vc2VydmVyLmV4YW1wbGUuY29tL3Rva2VuIiwiaWF0IjoxNTYyMjYyNjE2fQ.2-GxA6T8lP4vfrg8v-FdWP0A0zdrj8igiMLvqRMUvwnQg4PtFLbdLXiOSsX0x7NVY-FNyJK70nfbV37xRZT3Lg"
	rfcResourceProof = "eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwieCI6Imw4dEZyaHgtMzR0VjNoUklDUkRZOXpDa0RscEJoRjQyVVFVZldWQVdCRnMiLCJ5IjoiOVZFNGpmX09rX282NHpiVFRsY3VOSmFqSG10NnY5VERWclUwQ2R2R1JEQSIsImNydiI6IlAtMjU2In19.eyJqdGkiOiJlMWozVl9iS2ljOC1MQUVCIiwiaHRtIjoiR0VUIiwiaHR1IjoiaHR0cHM6Ly9yZXNvdXJjZS5leGFtcGxlLm9yZy9wcm90ZWN0ZWRyZXNvdXJjZSIsImlhdCI6MTU2MjI2MjYxOCwiYXRoIjoiZlVIeU8ycjJaM0RaNTNFc05yV0JiMHhXWG9hTnk1OUlpS0NBcWtzbVFFbyJ9.2oW9RP35yRqzhrtNP86L-Ey71EOptxRimPPToA1plemAgR6pxHF8y6-yqyVnmcw6Fy1dqd-jfxSYoMxhAJpLjA"
	rfcJKT           = "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"
	rfcATH           = "fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo"
)

func TestRFC9449TokenRequestProof(t *testing.T) {
	p := Params{Method: "POST", URL: "https://server.example.com/token", Now: time.Unix(1562262616, 0).Add(30 * time.Second)}
	proof, probs := Check(rfcTokenProof, p)
	if len(probs) > 0 {
		t.Fatalf("RFC 9449 Figure 3 refused: %+v", probs)
	}
	if proof.JKT != rfcJKT || proof.Claims["jti"] != "-BwC3ESc6acc2lTc" {
		t.Fatalf("proof = %+v", proof)
	}
	// The same proof a day later, at another endpoint, bound to another key.
	p.Now = p.Now.Add(24 * time.Hour)
	p.URL = "https://server.example.com/token2"
	p.TokenJKT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
	_, probs = Check(rfcTokenProof, p)
	var got []string
	for _, pr := range probs {
		got = append(got, pr.Check)
	}
	if strings.Join(got, ",") != "htu,iat,jkt" {
		t.Fatalf("checks = %v, want htu,iat,jkt", probs)
	}
}

func TestRFC9449ResourceRequestProof(t *testing.T) {
	p := Params{
		Method: "GET", URL: "https://resource.example.org/protectedresource",
		AccessToken: testToken, TokenJKT: rfcJKT, Algs: []string{"ES256", "PS256"},
		Now: time.Unix(1562262618, 0),
	}
	if _, probs := Check(rfcResourceProof, p); len(probs) > 0 {
		t.Fatalf("RFC 9449 Figure 13 refused: %+v", probs)
	}
	p.AccessToken = "another"
	_, probs := Check(rfcResourceProof, p)
	assertOne(t, probs, CheckATH, "different access token")
}

func TestATH(t *testing.T) {
	if got := ATH(testToken); got != rfcATH {
		t.Fatalf("ATH = %s, want %s (RFC 9449 §7.1)", got, rfcATH)
	}
}

func TestThumbprint(t *testing.T) {
	rfc7638 := map[string]any{ // RFC 7638 §3.1, with the optional members it shows
		"kty": "RSA", "e": "AQAB", "alg": "RS256", "kid": "2011-04-29",
		"n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
	}
	rfc9449 := map[string]any{"kty": "EC", "crv": "P-256",
		"x": "l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs", "y": "9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA"}
	rfc8037 := map[string]any{"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}
	good := []struct {
		jwk  map[string]any
		want string
	}{
		{rfc7638, "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"},
		{rfc9449, rfcJKT},
		{rfc8037, "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"}, // RFC 8037 §A.3
	}
	for _, c := range good {
		if got, err := Thumbprint(c.jwk); err != nil || got != c.want {
			t.Errorf("Thumbprint(%v) = %q, %v; want %q", c.jwk["kty"], got, err, c.want)
		}
	}
	bad := map[string]map[string]any{
		"no kty":     {"n": "x", "e": "AQAB"},
		"kty number": {"kty": 1},
		"oct":        {"kty": "oct", "k": "c2VjcmV0"},
		"unknown":    {"kty": "XYZ"},
		"EC lacks y": {"kty": "EC", "crv": "P-256", "x": "l8tF"},
		"e a number": {"kty": "RSA", "n": "x", "e": 65537},
	}
	for name, jwk := range bad {
		if got, err := Thumbprint(jwk); err == nil {
			t.Errorf("%s: Thumbprint = %q, want an error", name, got)
		}
	}
}
