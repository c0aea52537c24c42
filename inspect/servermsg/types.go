package servermsg

// Header is one response header field as received.
type Header struct{ Name, Value string }

// Body is what ReadBody understood of a response body.
type Body struct {
	// Kind names the shape: "oauth2" (RFC 6749 §5.2), "problem" (RFC 9457),
	// "kubernetes" (kind: Status), "google" ({"error":{"code","message",
	// "status"}}), "aws" ({"message"}, {"Message"}, {"__type"}, or the S3 /
	// Query API XML <Error><Code>), "graph" (Microsoft {"error":{"code",
	// "message"}}, also Azure Resource Manager), "github" ({"message",
	// "documentation_url"}), "json" (other JSON), "xml" (other XML, including
	// Azure Storage errors), "html", "text", "binary" (bytes that are not
	// text; nothing is extracted) or "" (empty body).
	Kind string
	// Error is the machine code: the oauth2 error, a problem title or type
	// slug, the Kubernetes reason, the Google status, the AWS __type or
	// Code, the Graph code.
	Error string
	// Description is the human text: error_description, detail, message;
	// for HTML and plain text a short reduction of the page (tags stripped,
	// whitespace collapsed, at most 500 runes). Capped at 2000 runes.
	Description string
	// Extra holds other fields worth quoting (title, status, code, the
	// Google details reason, documentation_url, AuthenticationErrorDetail,
	// RequestTime, …). Nil when there are none.
	Extra map[string]string
}

// Statement is one thing the server said, classified.
type Statement struct {
	ID     string            // diagnosis id, or "" when recognised but causeless (see doc.go)
	Vendor string            // product known to use this wording, "" when generic
	Source string            // where it was said: "error_description", "body message", "x-amzn-ErrorType", …
	Quote  string            // the server's exact text, trimmed, at most 300 runes ("…" marks a cut)
	Values map[string]string // facts from the text; keys are listed in doc.go
}

// Response is everything Read looks at.
type Response struct {
	Status       int
	Headers      []Header
	Body         []byte
	Descriptions []string // error_description values the caller took from the challenges
}

// Report is what Read found.
type Report struct {
	Body       Body
	Statements []Statement
}
