// Package challenge parses WWW-Authenticate and Proxy-Authenticate field
// values (RFC 9110 §11) into an ordered list of challenges, with diagnostics
// that say where and why a header breaks the grammar.
//
// One field can hold several challenges and the header can appear several
// times; Parse treats its fields as if they had been joined with ", "
// (RFC 9110 §5.3), so the result never depends on how a proxy split or
// merged the lines. Field values are normalised first (obs-fold unfolded,
// non-UTF-8 bytes read as ISO-8859-1, a pasted header name removed) and every
// offset refers to that normalised value, which Result.Fields returns.
//
// Two modes exist. Strict follows the RFC grammar only: every deviation is an
// error diagnostic and the broken list element is skipped, but the other
// elements, challenges and fields are still returned. Lenient reports the same
// problems and also applies the recoveries real servers need (parameters
// separated by spaces, unquoted URLs, unescaped quotes, …), so one broken part
// never hides the rest of the header.
//
// Typed accessors (AsBasic, AsDigest, AsBearer, AsDPoP, AsRegistry,
// AsNegotiate, Hints) read the parameters of the well-known schemes, Format
// serialises challenges back into a field value, and SplitFieldLines turns
// pasted text into field values.
package challenge
