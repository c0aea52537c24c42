package curl

import "strings"

// Looks reports whether s starts, after whitespace and an optional "$ "
// prompt, with the word curl (or curl.exe, in any case). It is a cheap
// check for telling a pasted curl command from a token or a header; Parse
// decides for real.
func Looks(s string) bool {
	_, ok := afterCurlWord(s)
	return ok
}

// afterCurlWord returns the text after a leading, unquoted curl word.
func afterCurlWord(s string) (string, bool) {
	s = strings.TrimLeft(s, " \t\r\n")
	if strings.HasPrefix(s, "$ ") {
		s = strings.TrimLeft(s[2:], " \t")
	}
	for _, name := range []string{"curl.exe", "curl"} {
		if len(s) >= len(name) && strings.EqualFold(s[:len(name)], name) {
			rest := s[len(name):]
			if endsWord(rest) {
				return rest, true
			}
		}
	}
	return "", false
}

// endsWord reports whether the text after "curl" ends that word. A line
// continuation right after it would join the next line to the word.
func endsWord(rest string) bool {
	return rest == "" || strings.IndexByte(" \t\r\n", rest[0]) >= 0
}

// isCurlName accepts the first word of a tokenised command: curl or
// curl.exe, in any case and with any directory in front.
func isCurlName(w string) bool {
	if i := strings.LastIndexAny(w, `/\`); i >= 0 {
		w = w[i+1:]
	}
	return strings.EqualFold(w, "curl") || strings.EqualFold(w, "curl.exe")
}

// isWindowsCmd tells the cmd form of "Copy as cURL" from the POSIX one.
// Chrome's cmd form opens its first argument with ^"; Firefox's and
// hand-written ones end their first line with " ^". A single quote on that
// line means POSIX quoting, where neither would be written.
func isWindowsCmd(s string) bool {
	rest, ok := afterCurlWord(s)
	if !ok {
		return false
	}
	if strings.HasPrefix(strings.TrimLeft(rest, " \t"), `^"`) {
		return true
	}
	line, _, _ := strings.Cut(rest, "\n")
	line = strings.TrimRight(line, " \t\r")
	return strings.HasSuffix(line, " ^") && !strings.Contains(line, "'")
}

// split tokenises s in the form it was written in.
func split(s string) ([]string, error) {
	if isWindowsCmd(s) {
		return splitCmd(s)
	}
	return splitPOSIX(s)
}
