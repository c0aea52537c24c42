package challenge

import "fmt"

// Messages: one sentence each, saying what is wrong and what probably caused
// it, for a user who has never read RFC 9110.

func msgObsFold() string {
	return "The value was folded over several lines (obsolete line folding); each line break was read as a space."
}

func msgNotUTF8() string {
	return "The value contains bytes that are not UTF-8; they were read as ISO-8859-1 (Latin-1), as older servers send realms."
}

func msgHeaderName() string {
	return "The pasted header name was removed; only the field value after the colon is parsed."
}

func msgInputTooLarge() string {
	return fmt.Sprintf("The header is longer than %d KiB, so the rest was ignored; no real server sends challenges this long.", maxInput>>10)
}

func msgTooManyChallenges() string {
	return fmt.Sprintf("More than %d challenges; the rest of the header was ignored.", maxChallenges)
}

func msgTooManyParams() string {
	return fmt.Sprintf("More than %d parameters; the rest of the header was ignored.", maxParams)
}

func msgTooManyEmpty() string {
	return fmt.Sprintf("More than %d empty list elements (stray commas); the header is probably malformed.", maxEmpty)
}

func msgTabAfterScheme() string {
	return "A tab separates the scheme from what follows, where HTTP requires a space; most clients accept it, some do not."
}

func msgParamSeparator() string {
	return "Parameters are separated by spaces instead of commas — the AWS HTTP API JWT authorizer and Azure Storage do this; many clients then lose every parameter after the first."
}

func msgMissingComma() string {
	return "A new challenge starts without a comma after the previous one; most clients will merge the two or drop the second."
}

func msgUnquotedValue(name string) string {
	return fmt.Sprintf("The value of %q contains characters that are not allowed unquoted (such as \":\" and \"/\" in a URL, or a backslash); it should be a quoted string — Azure Storage sends URLs this way.", name)
}

func msgUnterminatedQuote(name string) string {
	return fmt.Sprintf("The quoted value of %q has no closing quote, so it runs to the end of the line; the header was probably cut off or a quote was dropped.", name)
}

func msgUnescapedQuote(name string) string {
	return fmt.Sprintf("The value of %q contains a double quote that is not escaped with a backslash — the server probably pasted an error message into the header without escaping it (Auth0's middleware does this).", name)
}

func msgDuplicateParam(name string) string {
	return fmt.Sprintf("The parameter %q appears more than once in this challenge; clients disagree on which one wins (the first is used here) — Sentry's MCP server repeated resource_metadata this way.", name)
}

func msgSchemeColon(scheme string) string {
	return fmt.Sprintf("The scheme %q is followed by a colon, which the grammar does not allow; the server probably wrote it like a header name (\"HOBA: challenge=...\").", scheme)
}

func msgParamWithoutChallenge(name string, afterScheme bool) string {
	if afterScheme {
		return fmt.Sprintf("The parameter %q follows a comma right after a scheme (\"Basic, realm=...\"), so it belongs to no challenge and was ignored; the comma after the scheme should be a space.", name)
	}
	return fmt.Sprintf("The parameter %q comes before any scheme, so it belongs to no challenge and was ignored; the scheme name is probably missing.", name)
}

func msgParamContinuesField() string {
	return "This header line starts with a parameter that continues the last challenge of the previous line; HTTP allows this, but clients that read each line alone will lose it."
}

func msgEmptyValue(name string) string {
	return fmt.Sprintf("The parameter %q has no value; an empty value must be sent as \"\".", name)
}

func msgUnexpectedText(what string, lenient bool) string {
	if lenient {
		return fmt.Sprintf("Unexpected text %s that is neither a parameter nor a scheme; it was skipped.", what)
	}
	return fmt.Sprintf("Unexpected text %s that is neither a parameter nor a scheme; the rest of this list element was skipped.", what)
}

func msgControlChar(name string, c byte) string {
	return fmt.Sprintf("The value of %q contains the control character %U, which HTTP never allows in a header; the server or a copy-paste step corrupted it.", name, rune(c))
}

func msgObsText(name string) string {
	return fmt.Sprintf("The value of %q contains non-ASCII characters; HTTP does not say which charset they use, so some clients will show them garbled.", name)
}

func msgBasicNoRealm() string {
	return "The Basic challenge has no realm, which RFC 7617 requires; clients usually still send credentials."
}

func msgRealmNotQuoted() string {
	return "The realm is not a quoted string; RFC 9110 requires senders to quote it, and some clients ignore an unquoted realm."
}

func msgUnknownErrorCode(code, scheme string) string {
	return fmt.Sprintf("The error code %q is not one defined for %s (RFC 6750, RFC 9449, RFC 9470 or Microsoft's insufficient_claims); it is vendor-specific or misspelt.", code, scheme)
}
