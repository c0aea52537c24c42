package exchange

import "github.com/why401/why401/inspect/explain"

// ExplainInput hands the exchange to the explainer: the final status,
// headers and body (at most MaxBody bytes), the redirects, and the first
// request as sent, whose Authorization is the one the client meant to
// send, so that a cross-origin redirect that dropped it shows. The
// caller adds the decoded token, the clock and the expectations.
func (e *Exchange) ExplainInput() explain.Input {
	in := explain.Input{
		Request: explain.Request{
			Method:   e.Request.Method,
			URL:      e.Request.URL,
			Headers:  e.Request.Headers,
			ViaProxy: e.ViaProxy != "",
		},
		Now: e.Started,
	}
	for _, h := range e.Redirects {
		in.Redirects = append(in.Redirects, explain.Redirect{Status: h.Status, Location: h.Location})
	}
	if r := e.Response; r != nil {
		in.Status, in.ResponseHeaders, in.Body = r.Status, r.Headers, r.Body.Data
	}
	return in
}
