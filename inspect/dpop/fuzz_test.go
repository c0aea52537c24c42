package dpop

import (
	"strings"
	"testing"
)

func FuzzCheckProof(f *testing.F) {
	f.Add(rfcTokenProof)
	f.Add(rfcResourceProof)
	f.Add("")
	f.Add("a.b.c")
	f.Add("eyJhbGciOiJub25lIn0.e30.")
	f.Add("eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6IkVTMjU2IiwiandrIjp7Imt0eSI6IkVDIiwiY3J2IjoiUC0yNTYiLCJ4IjoiIiwieSI6IiJ9fQ.eyJpYXQiOjFlMzA4fQ.AA")
	p := Params{
		Method: "GET", URL: "https://resource.example.org/protectedresource",
		AccessToken: testToken, TokenJKT: rfcJKT, Nonce: testNonce,
		Algs: []string{"ES256"}, Now: testNow(),
	}
	f.Fuzz(func(t *testing.T, proof string) {
		_, probs := Check(proof, p)
		for _, pr := range probs {
			if pr.Check == "" || pr.Message == "" || strings.ContainsAny(pr.Message, "\r\n") {
				t.Fatalf("bad problem %+v", pr)
			}
		}
	})
}
