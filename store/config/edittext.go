package config

import (
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// Text edits work on whole lines, guided by the outline: every top-level
// expression starts on its own line, so deleting an expression's lines
// (and the comment lines glued above it) leaves valid TOML and touches
// nothing else.

// removeProfileText deletes profile name's tables, its keys written
// elsewhere (dotted keys, inline tables) and a default_profile naming it.
func removeProfileText(data []byte, o *outline, name string) []byte {
	lines := strings.SplitAfter(string(data), "\n")
	del := make([]bool, len(lines)+1) // 1-based
	mark := func(from, to int) {
		for l := from; l <= to && l <= len(lines); l++ {
			del[l] = true
		}
	}
	for i, it := range o.items {
		switch {
		case isHeader(it) && ofProfile(it.path, name):
			mark(leadStart(o.items, i), sectionEnd(o.items, i, len(lines)))
		case it.kind == unstable.KeyValue && ofProfile(it.path, name):
			mark(leadStart(o.items, i), it.end)
		case it.kind == unstable.KeyValue && slices.Equal(it.path, []string{"default_profile"}) && defaultIs(data, it, name):
			mark(it.start, it.end)
		}
	}
	return []byte(tidyEnd(keepLines(lines, del)))
}

// keepLines joins the lines not deleted. Where a deletion leaves a blank
// line after a blank line (or at the top of the file), that blank line
// goes too, so removing a block does not leave a double gap.
func keepLines(lines []string, del []bool) string {
	var b strings.Builder
	prevBlank, skipped := true, false
	for i, l := range lines {
		if del[i+1] {
			skipped = true
			continue
		}
		blank := strings.TrimSpace(l) == ""
		if skipped && blank && prevBlank {
			continue
		}
		skipped = false
		b.WriteString(l)
		prevBlank = blank
	}
	return b.String()
}

// setDefaultText sets default_profile to name.
func setDefaultText(data []byte, o *outline, name string) []byte {
	value := quote(name)
	for _, it := range o.items {
		if it.kind == unstable.KeyValue && slices.Equal(it.path, []string{"default_profile"}) {
			start, end := int(it.value.Offset), int(it.value.Offset+it.value.Length)
			return []byte(string(data[:start]) + value + string(data[end:]))
		}
	}
	line := "default_profile = " + value + "\n"
	lines := strings.SplitAfter(string(data), "\n")
	at, blank := insertLine(o.items, len(lines))
	if at > len(lines) { // no table and no root key: append
		return appendBlock(data, line)
	}
	if blank {
		line += "\n"
	}
	if at > 1 && !strings.HasSuffix(lines[at-2], "\n") {
		lines[at-2] += "\n"
	}
	return []byte(strings.Join(lines[:at-1], "") + line + strings.Join(lines[at-1:], ""))
}

// insertLine is where a new root key goes: after the last root key-value,
// else before the first table (and its comments), followed by a blank
// line; past the end when the file has neither.
func insertLine(items []item, n int) (line int, blank bool) {
	last := 0
	for i, it := range items {
		if isHeader(it) {
			if last > 0 {
				return last + 1, false
			}
			return leadStart(items, i), true
		}
		if it.kind == unstable.KeyValue {
			last = it.end
		}
	}
	if last > 0 {
		return last + 1, false
	}
	return n + 1, false
}

func isHeader(it item) bool { return it.kind == unstable.Table || it.kind == unstable.ArrayTable }

func ofProfile(path []string, name string) bool {
	return len(path) >= 2 && path[0] == "profiles" && path[1] == name
}

func defaultIs(data []byte, it item, name string) bool {
	return it.valueKind == unstable.String && unquoteRaw(data[it.value.Offset:it.value.Offset+it.value.Length]) == name
}

// unquoteRaw decodes a one-line TOML string through go-toml itself.
func unquoteRaw(raw []byte) string {
	p := unstable.Parser{}
	p.Reset(append([]byte("k = "), raw...))
	if p.NextExpression() {
		return string(p.Expression().Value().Data)
	}
	return ""
}

// leadStart is the first line of items[i] counting the comment lines
// directly above it (no blank line between), which describe it.
func leadStart(items []item, i int) int {
	line := items[i].start
	for j := i - 1; j >= 0; j-- {
		c := items[j]
		if c.kind != unstable.Comment || c.trailing || c.start != line-1 {
			break
		}
		line = c.start
	}
	return line
}

// sectionEnd is the last line of the table that items[i] heads: its last
// key, and the comment lines that follow it without a blank line (unless
// they run straight into the next table, which they then describe). A
// comment paragraph after a blank line is the user's own and stays.
func sectionEnd(items []item, i, n int) int {
	end, last := items[i].end, i
	for j := i + 1; j < len(items) && !isHeader(items[j]); j++ {
		if items[j].kind != unstable.Comment || items[j].trailing {
			end, last = max(end, items[j].end), j
		}
	}
	line, k := end, last+1
	for k < len(items) && items[k].kind == unstable.Comment && !items[k].trailing && items[k].start == line+1 {
		line, k = items[k].end, k+1
	}
	if k < len(items) && isHeader(items[k]) && items[k].start == line+1 {
		line = end // those comments lead the next table
	}
	return min(line, n)
}

// tidyEnd leaves exactly one newline at the end of a non-empty file, so a
// removal at the end does not leave a trail of blank lines.
func tidyEnd(s string) string {
	s = strings.TrimRight(s, " \t\r\n")
	if s == "" {
		return ""
	}
	return s + "\n"
}
