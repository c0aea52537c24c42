package challenge

// Character classes of RFC 9110 §5.6 and §11. Tables keep the hot scanning
// loops free of branches on every delimiter.

var (
	tcharTable   [256]bool
	token68Table [256]bool
	valueClass   [256]uint8 // classCTL, classObsText or 0, for value checks
)

const (
	classCTL = 1 + iota
	classObsText
)

func init() {
	for c := 'a'; c <= 'z'; c++ {
		tcharTable[c], tcharTable[c-'a'+'A'] = true, true
		token68Table[c], token68Table[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		tcharTable[c], token68Table[c] = true, true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		tcharTable[c] = true
	}
	for _, c := range "-._~+/" {
		token68Table[c] = true
	}
	for c := 0; c < 256; c++ {
		switch {
		case isCTL(byte(c)):
			valueClass[c] = classCTL
		case c >= 0x80:
			valueClass[c] = classObsText
		}
	}
}

// isTchar reports whether c may appear in a token.
func isTchar(c byte) bool { return tcharTable[c] }

// isToken68Char reports whether c may appear in the body of a token68
// (the trailing "=" padding is handled separately).
func isToken68Char(c byte) bool { return token68Table[c] }

// isWS reports SP or HTAB, the only whitespace OWS/BWS allow.
func isWS(c byte) bool { return c == ' ' || c == '\t' }

// isCTL reports control characters, which no part of a field value may hold
// (HTAB excepted).
func isCTL(c byte) bool { return (c < 0x20 && c != '\t') || c == 0x7f }

// isToken reports whether s is a non-empty token, i.e. may be sent unquoted.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTchar(s[i]) {
			return false
		}
	}
	return true
}
