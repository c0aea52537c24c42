package challenge

import (
	"cmp"
	"fmt"
	"slices"
	"unicode/utf8"
)

// Diagnostic codes. They are stable: the explainer and the JSON output key on
// them.
const (
	// Input normalisation.
	CodeObsFold       = "OBS_FOLD"        // line folding was unfolded
	CodeNotUTF8       = "NOT_UTF8"        // bytes were read as ISO-8859-1
	CodeHeaderName    = "HEADER_NAME"     // a pasted "WWW-Authenticate:" was removed
	CodeInputTooLarge = "INPUT_TOO_LARGE" // the rest of the input was ignored (L10)

	// Grammar (RFC 9110 §11) and the lenient recoveries of notes §5.4.
	CodeTabAfterScheme        = "TAB_AFTER_SCHEME"        // L1
	CodeParamSeparator        = "PARAM_SEPARATOR"         // L2
	CodeMissingComma          = "MISSING_COMMA"           // L2 for a whole challenge
	CodeUnquotedValue         = "UNQUOTED_VALUE"          // L3
	CodeUnterminatedQuote     = "UNTERMINATED_QUOTE"      // L4
	CodeUnescapedQuote        = "UNESCAPED_QUOTE"         // L5
	CodeDuplicateParam        = "DUPLICATE_PARAM"         // L6
	CodeSchemeColon           = "SCHEME_COLON"            // L7
	CodeParamWithoutChallenge = "PARAM_WITHOUT_CHALLENGE" // L8
	CodeObsText               = "OBS_TEXT"                // L9
	CodeTooManyEmpty          = "TOO_MANY_EMPTY_ELEMENTS" // L10
	CodeTooManyChallenges     = "TOO_MANY_CHALLENGES"     // L10
	CodeTooManyParams         = "TOO_MANY_PARAMS"         // L10
	CodeTooManyDiagnostics    = "TOO_MANY_DIAGNOSTICS"    // L10
	CodeParamContinuesField   = "PARAM_CONTINUES_FIELD"
	CodeEmptyValue            = "EMPTY_VALUE"
	CodeUnexpectedText        = "UNEXPECTED_TEXT"
	CodeControlChar           = "CONTROL_CHAR"

	// Semantics that are cheap to check.
	CodeBasicNoRealm     = "BASIC_NO_REALM"
	CodeRealmNotQuoted   = "REALM_NOT_QUOTED"
	CodeUnknownErrorCode = "UNKNOWN_ERROR_CODE"
)

// severities gives each code's severity in Lenient and in Strict mode. A code
// is a warning in Lenient when real clients tolerate the problem, and an error
// in Strict whenever the input breaks the grammar.
var severities = map[string][2]Severity{
	CodeObsFold:       {SeverityInfo, SeverityWarning},
	CodeNotUTF8:       {SeverityInfo, SeverityWarning},
	CodeHeaderName:    {SeverityInfo, SeverityInfo},
	CodeInputTooLarge: {SeverityWarning, SeverityError},

	CodeTabAfterScheme:        {SeverityWarning, SeverityError},
	CodeParamSeparator:        {SeverityError, SeverityError},
	CodeMissingComma:          {SeverityError, SeverityError},
	CodeUnquotedValue:         {SeverityWarning, SeverityError},
	CodeUnterminatedQuote:     {SeverityError, SeverityError},
	CodeUnescapedQuote:        {SeverityError, SeverityError},
	CodeDuplicateParam:        {SeverityWarning, SeverityError},
	CodeSchemeColon:           {SeverityError, SeverityError},
	CodeParamWithoutChallenge: {SeverityError, SeverityError},
	CodeObsText:               {SeverityInfo, SeverityInfo},
	CodeTooManyEmpty:          {SeverityWarning, SeverityError},
	CodeTooManyChallenges:     {SeverityWarning, SeverityError},
	CodeTooManyParams:         {SeverityWarning, SeverityError},
	CodeParamContinuesField:   {SeverityWarning, SeverityWarning},
	CodeEmptyValue:            {SeverityError, SeverityError},
	CodeUnexpectedText:        {SeverityError, SeverityError},
	CodeControlChar:           {SeverityError, SeverityError},

	CodeBasicNoRealm:     {SeverityWarning, SeverityWarning},
	CodeRealmNotQuoted:   {SeverityWarning, SeverityWarning},
	CodeUnknownErrorCode: {SeverityWarning, SeverityWarning},
}

// SeverityOf returns the severity Parse gives code in mode ("" for an
// unknown code, or for TOO_MANY_DIAGNOSTICS, which takes the highest
// severity of the diagnostics it replaces).
func SeverityOf(code string, mode Mode) Severity {
	s, ok := severities[code]
	if !ok {
		return ""
	}
	if mode == Strict {
		return s[1]
	}
	return s[0]
}

// diag records a diagnostic. Past maxDiagnostics it only remembers the
// highest severity dropped, so a flood of warnings cannot hide an error from
// a --strict caller.
func (p *parser) diag(field, offset int, code, msg string) {
	sev := SeverityOf(code, p.mode)
	if len(p.res.Diagnostics) >= maxDiagnostics && !limitCodes[code] {
		p.dropped++
		if sev.rank() > p.droppedSev.rank() || p.droppedSev == "" {
			p.droppedSev = sev
		}
		return
	}
	p.res.Diagnostics = append(p.res.Diagnostics, Diagnostic{
		Severity: sev, Code: code, Message: msg, Field: field, Offset: offset,
	})
}

// limitCodes are reported at most once each and always kept, even past
// maxDiagnostics: they say that part of the input was not parsed.
var limitCodes = map[string]bool{
	CodeInputTooLarge: true, CodeTooManyChallenges: true, CodeTooManyParams: true, CodeTooManyEmpty: true,
}

// finishDiagnostics orders diagnostics by position and appends the summary of
// the dropped ones.
func (p *parser) finishDiagnostics() {
	ds := p.res.Diagnostics
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		if a.Field != b.Field {
			return cmp.Compare(a.Field, b.Field)
		}
		return cmp.Compare(a.Offset, b.Offset)
	})
	if p.dropped > 0 {
		field := 0
		if n := len(p.res.Fields); n > 0 {
			field = n - 1
		}
		p.res.Diagnostics = append(ds, Diagnostic{
			Severity: p.droppedSev,
			Code:     CodeTooManyDiagnostics,
			Message:  fmt.Sprintf("%d more problems were found and not listed; the header is badly malformed or was not meant as a WWW-Authenticate value.", p.dropped),
			Field:    field,
		})
	}
}

// snippet quotes up to 24 bytes of s from i for a message, cut on a rune
// boundary so the message stays valid UTF-8.
func snippet(s string, i int) string {
	end := i + 24
	if end >= len(s) {
		return fmt.Sprintf("%q", s[i:])
	}
	for end > i && !utf8.RuneStart(s[end]) {
		end--
	}
	return fmt.Sprintf("%q…", s[i:end])
}
