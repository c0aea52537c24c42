package secrets

import (
	"errors"
	"fmt"
	"strings"
)

// splitCommand splits the command line of a cmd: reference into argv by
// the POSIX shell's quoting rules, and nothing more:
//   - blanks (space, tab, newline) separate words;
//   - '…' is taken literally;
//   - "…" is literal except that \ escapes $ ` " \ and newline;
//   - outside quotes \ escapes the next character, and \<newline> is removed.
//
// Nothing is expanded: $VAR, ~, globs and `…` stay as written, since no
// shell runs the command. For the same reason the unquoted operators
// | & ; < > ( ) and ` are refused rather than passed as arguments, which
// would silently do something other than what a shell user meant.
func splitCommand(line string) ([]string, error) {
	var (
		args   []string
		word   strings.Builder
		inWord bool // distinguishes an empty quoted word ('') from no word
	)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				args = append(args, word.String())
				word.Reset()
				inWord = false
			}
		case c == '\\':
			if i+1 == len(line) {
				return nil, errors.New("it ends with a lone backslash")
			}
			i++
			if line[i] != '\n' {
				word.WriteByte(line[i])
				inWord = true
			}
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("a ' quote is not closed")
			}
			word.WriteString(line[i+1 : i+1+end])
			inWord = true
			i += end + 1
		case c == '"':
			n, err := readDoubleQuoted(line[i+1:], &word)
			if err != nil {
				return nil, err
			}
			inWord = true
			i += n
		case strings.IndexByte("|&;<>()`", c) >= 0:
			return nil, fmt.Errorf("%q is a shell operator, but cmd: runs without a shell (quote it, or use cmd:sh -c '…')", c)
		default:
			word.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		args = append(args, word.String())
	}
	if len(args) == 0 {
		return nil, errors.New("the command line is empty")
	}
	return args, nil
}

// readDoubleQuoted copies the inside of a "…" string (s starts just after
// the opening quote) and returns how many bytes it used, closing quote
// included.
func readDoubleQuoted(s string, word *strings.Builder) (int, error) {
	for j := 0; j < len(s); j++ {
		switch c := s[j]; {
		case c == '"':
			return j + 1, nil
		case c == '\\' && j+1 < len(s) && strings.IndexByte("$`\"\\\n", s[j+1]) >= 0:
			j++
			if s[j] != '\n' {
				word.WriteByte(s[j])
			}
		default:
			word.WriteByte(c)
		}
	}
	return 0, errors.New(`a " quote is not closed`)
}
