package servermsg

import (
	"strconv"
	"strings"
	"time"
)

// Read reads everything a response says about its failure: the body, the
// vendor headers (x-amzn-ErrorType, x-amz-apigw-id, x-ms-error-code,
// GitHub's scope headers) and the error_description values the caller took
// from the challenges. WWW-Authenticate itself is not parsed here.
//
// Wordings (descriptions, messages, details) come before bare codes: a
// code is used only when no wording named a cause, and then only the most
// specific code. A code that agrees with a wording lends it its values (S3's
// RequestTime and ServerTime, for instance). Empty-ID statements are kept
// only when nothing specific was found, and then only those from words, or
// else the first code.
func Read(r Response) Report {
	b := ReadBody(header(r.Headers, "Content-Type"), r.Body)
	var said []Statement
	for _, d := range r.Descriptions {
		said = append(said, Classify("error_description", d)...)
	}
	for _, t := range textsOf(b) {
		for _, st := range Classify(t.source, t.text) {
			if st.Vendor == "" {
				st.Vendor = kindVendor(b.Kind)
			}
			said = append(said, st)
		}
	}
	codes := codeStatements(b, r)
	out := merge(said, codes)
	addTimeValues(out, b)
	addGitHubPermission(out, r.Headers)
	if isAPIGateway(r.Headers) {
		for i := range out {
			if out[i].Vendor == vAWS {
				out[i].Vendor = vAPIGateway
			}
		}
	}
	if len(out) > maxStatements {
		out = out[:maxStatements]
	}
	return Report{Body: b, Statements: out}
}

type text struct{ source, text string }

// textsOf lists the human texts of a body with the source each is quoted
// from.
func textsOf(b Body) []text {
	var ts []text
	add := func(source, s string) {
		if strings.TrimSpace(s) != "" {
			ts = append(ts, text{source, s})
		}
	}
	switch b.Kind {
	case "oauth2":
		add("body error_description", b.Description)
	case "problem":
		add("body detail", b.Description)
		add("body title", b.Extra["title"])
	case "xml":
		add("body AuthenticationErrorDetail", b.Extra["AuthenticationErrorDetail"])
		add("body message", b.Description)
	case "html":
		add("body text", b.Description)
		add("body title", b.Extra["title"])
	case "text":
		add("body text", b.Description)
	case "google":
		add("body message", b.Description)
		add("body errors message", b.Extra["errors_message"])
	default:
		add("body message", b.Description)
	}
	return ts
}

// kindVendor is the vendor a body shape belongs to beyond doubt.
func kindVendor(kind string) string {
	switch kind {
	case "github":
		return vGitHub
	case "google":
		return vGoogle
	case "kubernetes":
		return vKubernetes
	}
	return ""
}

// codeStatements explains the machine codes of the body and the headers,
// most specific first: a Google details reason before its status, the body's
// code before the same code in a header.
func codeStatements(b Body, r Response) []Statement {
	var out []Statement
	add := func(source, code string, tables ...codeTable) {
		if st, ok := classifyCode(source, code, tables...); ok {
			out = append(out, st)
		}
	}
	if b.Kind == "google" {
		add("body details reason", b.Extra["reason"], googleReason)
		add("body errors reason", b.Extra["errors_reason"], googleLegacyReason)
	}
	add(errorSource(b.Kind), b.Error, tablesFor(b.Kind)...)
	if b.Kind == "aws" && isAPIGateway(r.Headers) {
		add("body message", b.Description, apiGatewayMessages)
	}
	for _, v := range headers(r.Headers, "X-Amzn-ErrorType") {
		add("x-amzn-ErrorType", awsCode(v), awsCodes)
	}
	for _, v := range headers(r.Headers, "X-Ms-Error-Code") {
		add("x-ms-error-code", v, storageCodes, graphCodes)
	}
	if st, ok := gitHubHeaders(r); ok {
		out = append(out, st)
	}
	return out
}

func errorSource(kind string) string {
	switch kind {
	case "google":
		return "body status"
	case "kubernetes":
		return "body reason"
	case "aws", "graph", "xml":
		return "body code"
	}
	return "body error"
}

// addTimeValues copies the instants S3 puts next to its time errors
// (RequestTimeTooSkewed, "Request has expired") into the statements about
// time.
func addTimeValues(sts []Statement, b Body) {
	if b.Kind != "aws" && b.Kind != "xml" {
		return
	}
	for i := range sts {
		if sts[i].ID != ClockSkew && sts[i].ID != TokenExpired {
			continue
		}
		v := sts[i].Values
		for key, field := range map[string]string{"signed_at": "RequestTime", "server_time": "ServerTime", "expired_at": "Expires"} {
			if t, ok := parseInstant(b.Extra[field]); ok {
				v = putValue(v, key, t)
			}
		}
		if ms, err := strconv.ParseInt(b.Extra["MaxAllowedSkewMilliseconds"], 10, 64); err == nil && ms > 0 {
			v = putValue(v, "tolerance", (time.Duration(ms) * time.Millisecond).String())
		}
		sts[i].Values = v
	}
}

// merge applies the precedence described on Read.
func merge(said, codes []Statement) []Statement {
	var specific []Statement
	for _, st := range said {
		if st.ID != "" {
			specific = append(specific, st)
		}
	}
	if len(specific) == 0 {
		for _, c := range codes {
			if c.ID != "" {
				specific = append(specific, c)
				break
			}
		}
	}
	for i := range specific {
		for _, c := range codes {
			if c.ID == specific[i].ID {
				for k, v := range c.Values {
					specific[i].Values = putValue(specific[i].Values, k, v)
				}
			}
		}
	}
	if len(specific) > 0 {
		return dedupe(specific)
	}
	// Nothing specific: what was said in words, else the first code, is
	// enough for the engine to name the vendor and quote it.
	if len(said) > 0 {
		return dedupe(said)
	}
	if len(codes) > 0 {
		return codes[:1]
	}
	return nil
}

func dedupe(in []Statement) []Statement {
	var out []Statement
	for _, st := range in {
		dup := false
		for _, o := range out {
			if o.ID == st.ID && o.Vendor == st.Vendor && o.Quote == st.Quote {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, st)
		}
	}
	return out
}

func isAPIGateway(hs []Header) bool {
	return header(hs, "X-Amz-Apigw-Id") != "" || header(hs, "Apigw-Requestid") != ""
}

func header(hs []Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(strings.TrimSpace(h.Name), name) {
			return strings.TrimSpace(h.Value)
		}
	}
	return ""
}

func headers(hs []Header, name string) []string {
	var out []string
	for _, h := range hs {
		if strings.EqualFold(strings.TrimSpace(h.Name), name) && strings.TrimSpace(h.Value) != "" {
			out = append(out, strings.TrimSpace(h.Value))
		}
	}
	return out
}
