package servermsg

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"
)

// ReadBody reads a response body into a Body. It never panics, looks at no
// more than the first MiB, and keeps every string it returns valid UTF-8 and
// short (see limits.go). The content type decides first; when it is missing
// or generic the bytes decide (a body starting with "{" is tried as JSON).
func ReadBody(contentType string, body []byte) Body {
	truncated := len(body) > maxBodyRead
	if truncated {
		body = body[:maxBodyRead]
	}
	b := readBody(contentType, body)
	if truncated {
		b.Extra = putExtra(b.Extra, "truncated", "only the first 1 MiB was read")
	}
	return b
}

func readBody(contentType string, body []byte) Body {
	body = bytes.TrimPrefix(body, []byte("\xEF\xBB\xBF"))
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return Body{}
	}
	mt, charset := mediaType(contentType)
	if isBinary(trimmed, charset) {
		return Body{Kind: "binary"}
	}
	text := decodeText(trimmed, charset)
	switch {
	case strings.Contains(mt, "json") || (mt == "" || isGenericType(mt)) && looksJSON(text):
		if b, ok := readJSON(text, mt); ok {
			return b
		}
		b := readText(text)
		if strings.Contains(mt, "json") || looksJSON(text) {
			b.Extra = putExtra(b.Extra, "note", "the body looks like JSON but does not parse")
		}
		return b
	case strings.Contains(mt, "html") || looksHTML(text):
		return readHTML(text)
	case strings.Contains(mt, "xml") || looksXML(text):
		if b, ok := readXML(text); ok {
			return b
		}
		return readText(text)
	}
	return readText(text)
}

// mediaType returns the lower-cased media type and charset; a header that
// does not parse still yields what precedes its first ";".
func mediaType(contentType string) (string, string) {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
		return strings.ToLower(strings.TrimSpace(mt)), ""
	}
	return mt, strings.ToLower(params["charset"])
}

// isGenericType is true for content types that say nothing about the shape,
// which many gateways send with JSON error bodies.
func isGenericType(mt string) bool {
	switch mt {
	case "text/plain", "application/octet-stream", "binary/octet-stream", "text/javascript", "application/javascript":
		return true
	}
	return false
}

func looksJSON(s string) bool {
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
}

func looksXML(s string) bool {
	return strings.HasPrefix(s, "<?xml") || strings.HasPrefix(s, "<Error") || strings.HasPrefix(s, "<ErrorResponse") || strings.HasPrefix(s, "<Response")
}

func looksHTML(s string) bool {
	head := asciiLower(s[:min(len(s), 512)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.Contains(head, "<head>") || strings.Contains(head, "<body") || strings.Contains(head, "<title>")
}

// latin1 lists the charsets read byte for byte as ISO-8859-1; windows-1252
// differs only in 0x80–0x9F, which error pages do not use.
func latin1(charset string) bool {
	switch charset {
	case "iso-8859-1", "latin1", "iso_8859-1", "windows-1252", "cp1252", "us-ascii", "ascii":
		return true
	}
	return false
}

// isBinary looks at the first 8 KiB: a NUL byte, many control characters or
// many invalid UTF-8 sequences (unless a Latin-1 charset explains them) mean
// the body is not text worth showing.
func isBinary(b []byte, charset string) bool {
	sample := b[:min(len(b), 8192)]
	if bytes.IndexByte(sample, 0) >= 0 {
		return true
	}
	var runes, bad, ctrl int
	for i := 0; i < len(sample); {
		r, n := utf8.DecodeRune(sample[i:])
		i += n
		runes++
		switch {
		case r == utf8.RuneError && n == 1 && i < len(sample)-3:
			bad++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f':
			ctrl++
		}
	}
	if ctrl*10 > runes {
		return true
	}
	return !latin1(charset) && bad*20 > runes
}

// decodeText returns the body as valid UTF-8, reading Latin-1 bytes as such
// when the charset says so.
func decodeText(b []byte, charset string) string {
	if utf8.Valid(b) {
		return string(b)
	}
	if latin1(charset) {
		var sb strings.Builder
		sb.Grow(len(b) + len(b)/4)
		for _, c := range b {
			sb.WriteRune(rune(c))
		}
		return sb.String()
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// readText reduces plain text to one short line.
func readText(s string) Body {
	return Body{Kind: "text", Description: clip(collapse(s), maxPageText)}
}
