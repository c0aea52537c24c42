package servermsg

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"sync"
)

type object = map[string]any

// readJSON recognises the JSON error shapes of the Kind list; ok is false
// when the text is not JSON at all.
func readJSON(text, mt string) (Body, bool) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return Body{}, false
	}
	switch v := v.(type) {
	case object:
		return jsonObject(v, mt), true
	case []any:
		if len(v) > 0 {
			if o, ok := v[0].(object); ok {
				b := genericJSON(o)
				return b, true
			}
		}
		return Body{Kind: "json"}, true
	case string:
		return Body{Kind: "json", Description: clip(tidy(v), maxDescription)}, true
	}
	return Body{Kind: "json"}, true
}

func jsonObject(o object, mt string) Body {
	if str(o["kind"]) == "Status" {
		return kubernetesJSON(o)
	}
	if inner, ok := o["error"].(object); ok {
		if _, numeric := inner["code"].(json.Number); numeric || str(inner["status"]) != "" {
			return googleJSON(inner)
		}
		if str(inner["code"]) != "" {
			return graphJSON(inner)
		}
		b := genericJSON(inner)
		return b
	}
	if code := str(o["error"]); code != "" && (str(o["error_description"]) != "" || oauthCode().MatchString(code)) {
		return oauth2JSON(o)
	}
	if strings.Contains(mt, "problem") || isProblem(o) {
		return problemJSON(o)
	}
	if str(o["documentation_url"]) != "" && str(o["message"]) != "" {
		return githubJSON(o)
	}
	if isAWSJSON(o) {
		return awsJSON(o)
	}
	return genericJSON(o)
}

// oauthCode matches RFC 6749 error codes, which are lower-case ASCII with
// underscores; "Unauthorized" from a Spring Boot error page is not one.
var oauthCode = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
})

// isProblem accepts RFC 9457 documents sent without their media type, as
// ASP.NET does for some middleware: a title or detail next to a type or
// numeric status.
func isProblem(o object) bool {
	_, numeric := o["status"].(json.Number)
	return (str(o["title"]) != "" || str(o["detail"]) != "") && (str(o["type"]) != "" || numeric)
}

// isAWSJSON matches the AWS JSON protocol ({"__type", "message"}) and API
// Gateway's lone {"message"}.
func isAWSJSON(o object) bool {
	if str(o["__type"]) != "" {
		return true
	}
	if len(o) != 1 {
		return false
	}
	return str(o["message"]) != "" || str(o["Message"]) != ""
}

func oauth2JSON(o object) Body {
	b := Body{Kind: "oauth2", Error: short(o["error"]), Description: long(o["error_description"])}
	b.Extra = scalarsExcept(o, "error", "error_description")
	if codes, ok := o["error_codes"].([]any); ok {
		parts := make([]string, 0, len(codes))
		for _, c := range codes {
			parts = append(parts, str(c))
		}
		b.Extra = putExtra(b.Extra, "error_codes", strings.Join(parts, ","))
	}
	return b
}

func problemJSON(o object) Body {
	b := Body{Kind: "problem", Description: long(o["detail"])}
	if b.Description == "" {
		b.Description = long(firstOf(o, "error_description", "message"))
	}
	b.Error = problemSlug(str(o["title"]), str(o["type"]))
	b.Extra = scalarsExcept(o, "detail")
	return b
}

// problemSlug names the problem by its title ("Token Expired" →
// "token-expired"), or by the last segment of its type URI when there is no
// title.
func problemSlug(title, typ string) string {
	s := title
	if s == "" && typ != "" && typ != "about:blank" {
		s = typ[strings.LastIndexAny(typ, "/#:")+1:]
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return clip(b.String(), maxError)
}

func kubernetesJSON(o object) Body {
	b := Body{Kind: "kubernetes", Error: short(o["reason"]), Description: long(o["message"])}
	b.Extra = putExtra(b.Extra, "code", str(o["code"]))
	b.Extra = putExtra(b.Extra, "status", str(o["status"]))
	if d, ok := o["details"].(object); ok {
		b.Extra = putExtra(b.Extra, "details_kind", str(d["kind"]))
		b.Extra = putExtra(b.Extra, "details_name", str(d["name"]))
		b.Extra = putExtra(b.Extra, "details_group", str(d["group"]))
	}
	return b
}

func googleJSON(inner object) Body {
	b := Body{Kind: "google", Error: short(inner["status"]), Description: long(inner["message"])}
	b.Extra = putExtra(b.Extra, "code", str(inner["code"]))
	if details, ok := inner["details"].([]any); ok {
		for _, d := range details {
			d, ok := d.(object)
			if !ok || str(d["reason"]) == "" {
				continue
			}
			b.Extra = putExtra(b.Extra, "reason", str(d["reason"]))
			b.Extra = putExtra(b.Extra, "domain", str(d["domain"]))
			if md, ok := d["metadata"].(object); ok {
				b.Extra = putExtra(b.Extra, "service", str(md["service"]))
				b.Extra = putExtra(b.Extra, "method", str(md["method"]))
			}
			break
		}
	}
	if errs, ok := inner["errors"].([]any); ok && len(errs) > 0 {
		if e, ok := errs[0].(object); ok {
			b.Extra = putExtra(b.Extra, "errors_reason", str(e["reason"]))
			b.Extra = putExtra(b.Extra, "errors_message", str(e["message"]))
		}
	}
	return b
}

func graphJSON(inner object) Body {
	b := Body{Kind: "graph", Error: short(inner["code"]), Description: long(inner["message"])}
	b.Extra = putExtra(b.Extra, "target", str(inner["target"]))
	for _, k := range []string{"innerError", "innererror"} {
		if ie, ok := inner[k].(object); ok {
			b.Extra = putExtra(b.Extra, "inner_code", str(ie["code"]))
			b.Extra = putExtra(b.Extra, "date", str(ie["date"]))
			b.Extra = putExtra(b.Extra, "request-id", str(ie["request-id"]))
		}
	}
	return b
}

func githubJSON(o object) Body {
	b := Body{Kind: "github", Description: long(o["message"])}
	b.Extra = scalarsExcept(o, "message")
	return b
}

func awsJSON(o object) Body {
	typ := str(o["__type"])
	b := Body{Kind: "aws", Error: clip(awsCode(typ), maxError), Description: long(firstOf(o, "message", "Message"))}
	b.Extra = scalarsExcept(o, "message", "Message")
	return b
}

// awsCode strips the namespace and the documentation suffix AWS wraps error
// types in: "com.amazon.coral.service#UnrecognizedClientException" and
// "UnrecognizedClientException:http://internal.amazon.com/coral/…".
func awsCode(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		s = s[i+1:]
	}
	if i := strings.Index(s, ":"); i >= 0 {
		s = s[:i]
	}
	return s
}

// genericJSON reads the common field names of other JSON error bodies:
// Spring Boot's {"error","message"}, Okta's {"errorCode","errorSummary"},
// GraphQL's {"errors":[{"message","extensions":{"code"}}]} and the like.
func genericJSON(o object) Body {
	b := Body{Kind: "json"}
	b.Error = short(firstOf(o, "error", "code", "errorCode", "error_code", "reason"))
	b.Description = long(firstOf(o, "error_description", "message", "detail", "errorSummary", "error_message", "errorMessage", "description", "msg"))
	if errs, ok := o["errors"].([]any); ok && len(errs) > 0 {
		if e, ok := errs[0].(object); ok {
			if b.Description == "" {
				b.Description = long(firstOf(e, "message", "detail", "title"))
			}
			if b.Error == "" {
				b.Error = short(firstOf(e, "code", "type"))
				if ext, ok := e["extensions"].(object); ok && b.Error == "" {
					b.Error = short(ext["code"])
				}
			}
		}
	}
	b.Extra = scalarsExcept(o, "message", "error_description", "detail", "errorSummary", "description", "msg")
	return b
}

// scalarsExcept copies the top-level strings, numbers and booleans of o,
// which are the fields a human may want quoted, leaving out those already
// read into Error or Description.
func scalarsExcept(o object, skip ...string) map[string]string {
	var m map[string]string
	keys := sortedKeys(o)
	for _, k := range keys {
		if contains(skip, k) {
			continue
		}
		switch v := o[k].(type) {
		case string, json.Number, bool:
			m = putExtra(m, clip(k, 64), str(v))
		}
	}
	return m
}

func firstOf(o object, keys ...string) any {
	for _, k := range keys {
		if s := str(o[k]); s != "" {
			return s
		}
	}
	return nil
}

// str renders a JSON scalar as text; objects and arrays are not text.
func str(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return ""
}

func short(v any) string { return clip(collapse(str(v)), maxError) }

// long keeps the line breaks of a description (they separate the parts of
// messages such as IDX10503 and AADSTS errors) and tidies everything else.
func long(v any) string { return clip(tidy(str(v)), maxDescription) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// sortedKeys makes Extra deterministic when the entry cap drops fields.
func sortedKeys(o map[string]any) []string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
