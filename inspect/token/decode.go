// Package token reads a token the way a user pastes it (raw, a Bearer or
// DPoP value, an Authorization line, a cookie, a curl command or a raw
// request), decodes it as a JWS, a JWE or an opaque token, evaluates its
// time claims against an injected clock, lints it and, given trusted keys,
// verifies its signature. Decoding never depends on verification or the
// network: whatever can be shown is shown.
package token

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Kind is what a token turned out to be.
type Kind string

const (
	KindJWS       Kind = "jws"
	KindJWE       Kind = "jwe"
	KindOpaque    Kind = "opaque"
	KindMalformed Kind = "malformed"
)

// Token is a decoded token. Segments hold the raw text byte for byte: the
// signature covers exactly those bytes, so nothing is re-serialised.
type Token struct {
	Raw      string
	Kind     Kind
	Segments []string

	Header       json.RawMessage // the decoded header JSON, compacted; nil when undecodable
	HeaderFields map[string]any  // the same, parsed (numbers as json.Number)
	Payload      json.RawMessage // the payload when it is JSON, compacted
	PayloadText  *string         // the payload when it is not JSON
	Claims       map[string]any  // the payload when it is a JSON object
	Signature    []byte

	OpaqueFormat string // "github_pat", "google_oauth", … for recognised opaque tokens
	Err          string // for KindMalformed: where and why it broke
	notes        decodeNotes
}

// decodeNotes records oddities found while decoding, for the lints.
type decodeNotes struct {
	nonCanonical []string // segments that used padding or the standard alphabet
	dupHeader    []string // duplicate member names
	dupPayload   []string
}

// Alg is the header's alg, "" when missing or not a string.
func (t Token) Alg() string { return t.headerString("alg") }

// KID is the header's kid, "" when missing or not a string.
func (t Token) KID() string { return t.headerString("kid") }

func (t Token) headerString(name string) string {
	s, _ := t.HeaderFields[name].(string)
	return s
}

// SigningInput is the first two segments as received: what the signature covers.
func (t Token) SigningInput() string {
	if len(t.Segments) < 2 {
		return ""
	}
	return t.Segments[0] + "." + t.Segments[1]
}

// Decode decodes raw, which must already be the bare token (see ReadInput).
func Decode(raw string) Token {
	t := Token{Raw: raw, Segments: strings.Split(raw, ".")}
	if !jwtShaped(raw, t.Segments) {
		t.Kind = KindOpaque
		t.OpaqueFormat = OpaqueFormat(raw)
		t.Segments = nil
		return t
	}
	switch len(t.Segments) {
	case 3:
		decodeJWS(&t)
	case 5:
		decodeJWE(&t)
	default:
		t.Kind = KindMalformed
		t.Err = segmentCountError(len(t.Segments))
		decodeHeaderOnly(&t)
	}
	return t
}

// jwtShaped is true for text that was meant to be a JWT, so that a broken
// one is reported as malformed rather than as an unknown opaque token. A
// JOSE header is a JSON object, so its base64url starts with "ey" ('{"').
func jwtShaped(raw string, segs []string) bool {
	if strings.HasPrefix(raw, "ey") {
		return true
	}
	if len(segs) != 3 && len(segs) != 5 {
		return false
	}
	b, err := b64(segs[0])
	return err == nil && len(bytes.TrimSpace(b)) > 0 && bytes.TrimSpace(b)[0] == '{'
}

func segmentCountError(n int) string {
	switch {
	case n < 3:
		return fmt.Sprintf("it has %d segment(s); a JWS has 3 (header.payload.signature): was it cut short when copied?", n)
	case n == 4:
		return "it has 4 segments; a JWS has 3 and a JWE 5: a segment was lost or a dot added"
	}
	return fmt.Sprintf("it has %d segments; a JWS has 3 and a JWE 5", n)
}

func decodeJWS(t *Token) {
	t.Kind = KindJWS
	if !decodeHeader(t) {
		return
	}
	if err := decodePayload(t); err != "" {
		t.Kind, t.Err = KindMalformed, err
		return
	}
	sig, err := b64(t.Segments[2])
	if err != nil {
		t.Kind = KindMalformed
		t.Err = "the signature (segment 3) is not base64url: " + err.Error()
		return
	}
	t.Signature = sig
	t.notes.nonCanonical = nonCanonical(t.Segments)
}

func decodeJWE(t *Token) {
	t.Kind = KindJWE
	if !decodeHeader(t) {
		return
	}
	if _, ok := t.HeaderFields["enc"]; !ok {
		t.Kind = KindMalformed
		t.Err = `it has 5 segments like a JWE, but the header has no "enc"`
	}
}

func decodeHeaderOnly(t *Token) {
	if len(t.Segments) == 0 {
		return
	}
	keep := t.Err
	if decodeHeader(t) {
		t.Err = keep
	}
	t.Kind = KindMalformed
}

// decodeHeader fills the header, or marks the token malformed.
func decodeHeader(t *Token) bool {
	raw, err := b64(t.Segments[0])
	if err != nil {
		t.Kind, t.Err = KindMalformed, "the header (segment 1) is not base64url: "+err.Error()
		return false
	}
	fields, dups, err := parseObject(raw)
	if err != nil {
		t.Kind, t.Err = KindMalformed, "the header (segment 1) is not a JSON object: "+err.Error()
		return false
	}
	t.Header, t.HeaderFields, t.notes.dupHeader = compact(raw), fields, dups
	return true
}

// decodePayload fills the payload as JSON when it is, as text otherwise
// (RFC 7515 A.4 signs the text "Payload"; RFC 7520 signs prose).
func decodePayload(t *Token) string {
	raw, err := b64(t.Segments[1])
	if err != nil {
		return "the payload (segment 2) is not base64url: " + err.Error()
	}
	if fields, dups, err := parseObject(raw); err == nil {
		t.Payload, t.Claims, t.notes.dupPayload = compact(raw), fields, dups
		return ""
	}
	if json.Valid(raw) {
		t.Payload = compact(raw)
		return ""
	}
	text := printable(raw)
	t.PayloadText = &text
	return ""
}

// printable returns the payload as text, or base64 of it when it is binary
// (compressed or encrypted content has no business on a terminal).
func printable(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return "base64:" + base64.StdEncoding.EncodeToString(b)
}

func compact(raw []byte) json.RawMessage {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil
	}
	return buf.Bytes()
}

// b64 decodes base64url leniently (padding and the standard alphabet are
// accepted and linted as B64_NON_CANONICAL), so a sloppy issuer's token
// still shows its contents.
func b64(s string) ([]byte, error) {
	s = strings.TrimRight(s, "=")
	if strings.ContainsAny(s, "+/") {
		return base64.RawStdEncoding.DecodeString(s)
	}
	return base64.RawURLEncoding.DecodeString(s)
}

func nonCanonical(segs []string) []string {
	var out []string
	names := []string{"header", "payload", "signature", "", ""}
	for i, s := range segs {
		if strings.ContainsAny(s, "=+/") || !canonicalTail(s) {
			out = append(out, names[i%len(names)])
		}
	}
	return out
}

// canonicalTail checks that unused trailing bits are zero (RFC 4648 §3.5),
// so that exactly one text encodes each signature.
func canonicalTail(s string) bool {
	s = strings.TrimRight(s, "=")
	if s == "" || strings.ContainsAny(s, "+/") {
		return true
	}
	_, err := base64.RawURLEncoding.Strict().DecodeString(s)
	return err == nil
}
