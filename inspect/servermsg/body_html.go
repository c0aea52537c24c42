package servermsg

import (
	"html"
	"strings"
)

// readHTML reduces an error page to its title (Extra["title"]) and the
// visible text of its body: scripts, styles, the head and comments are
// dropped, tags become spaces, entities are decoded.
func readHTML(page string) Body {
	title := clip(collapse(html.UnescapeString(elementText(page, "title"))), maxExtraValue)
	text := clip(collapse(html.UnescapeString(visibleText(page))), maxPageText)
	if text == "" {
		text = title
	}
	b := Body{Kind: "html", Description: text}
	b.Extra = putExtra(b.Extra, "title", title)
	return b
}

// elementText returns the raw content of the first <name> element.
func elementText(page, name string) string {
	lower := asciiLower(page)
	start := strings.Index(lower, "<"+name)
	if start < 0 {
		return ""
	}
	open := strings.IndexByte(lower[start:], '>')
	if open < 0 {
		return ""
	}
	from := start + open + 1
	end := strings.Index(lower[from:], "</"+name)
	if end < 0 {
		return ""
	}
	return page[from : from+end]
}

// visibleText walks the page once. Content inside script, style, head,
// title and comments is skipped; every tag becomes a space so words on
// either side stay apart.
func visibleText(page string) string {
	lower := asciiLower(page)
	var b strings.Builder
	for i := 0; i < len(page) && b.Len() < maxPageText*8; {
		if page[i] != '<' {
			next := strings.IndexByte(page[i:], '<')
			if next < 0 {
				next = len(page) - i
			}
			b.WriteString(page[i : i+next])
			i += next
			continue
		}
		i = skipTag(page, lower, i)
		b.WriteByte(' ')
	}
	return b.String()
}

// skipTag returns the index just past the tag at i, or past the whole
// element when its content is never shown.
func skipTag(page, lower string, i int) int {
	if strings.HasPrefix(page[i:], "<!--") {
		if end := strings.Index(page[i+4:], "-->"); end >= 0 {
			return i + 4 + end + 3
		}
		return len(page)
	}
	for _, hidden := range []string{"script", "style", "head", "title", "noscript"} {
		if strings.HasPrefix(lower[i+1:], hidden) && !isNameByte(lower, i+1+len(hidden)) {
			if end := strings.Index(lower[i:], "</"+hidden); end >= 0 {
				i += end
				break
			}
		}
	}
	if end := strings.IndexByte(page[i:], '>'); end >= 0 {
		return i + end + 1
	}
	return len(page)
}

func isNameByte(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
}
