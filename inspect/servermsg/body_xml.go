package servermsg

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// xmlFields are the element names worth reading from S3, AWS Query API,
// EC2 and Azure Storage error documents.
func xmlFields() []string {
	return []string{
		"Code", "Message", "AuthenticationErrorDetail", "Type", "RequestId", "RequestID", "HostId",
		"RequestTime", "ServerTime", "MaxAllowedSkewMilliseconds", "Expires", "Resource",
		"AWSAccessKeyId", "error", "error_description", "message", "code", "Detail", "detail",
	}
}

// readXML reads an XML error document; ok is false when the text is not
// XML. An "html" root is handed back to the HTML reader.
func readXML(text string) (Body, bool) {
	root, fields, err := scanXML(text)
	if err != nil || root == "" {
		return Body{}, false
	}
	if strings.EqualFold(root, "html") {
		return readHTML(text), true
	}
	b := Body{Kind: "xml"}
	b.Error = clip(collapse(firstField(fields, "Code", "code", "error")), maxError)
	msg := firstField(fields, "Message", "message", "error_description", "Detail", "detail")
	msg, requestID, at := splitAzureMessage(msg)
	b.Description = clip(tidy(msg), maxDescription)
	for _, k := range []string{"AuthenticationErrorDetail", "Type", "RequestId", "RequestID", "HostId", "RequestTime", "ServerTime", "MaxAllowedSkewMilliseconds", "Expires", "Resource", "AWSAccessKeyId"} {
		b.Extra = putExtra(b.Extra, k, fields[k])
	}
	b.Extra = putExtra(b.Extra, "RequestId", requestID)
	b.Extra = putExtra(b.Extra, "Time", at)
	switch {
	case fields["AuthenticationErrorDetail"] != "" || requestID != "":
		// Azure Storage uses the S3 layout; it stays "xml" so the engine does
		// not read it as AWS.
	case b.Error != "" && (root == "Error" || root == "ErrorResponse" || root == "Response"):
		b.Kind = "aws"
	}
	if b.Error == "" && b.Description == "" {
		b.Description = clip(collapse(fields["#text"]), maxPageText)
	}
	return b, true
}

// scanXML returns the root element name and the text of the first element
// of each interesting name, plus all character data under "#text". It stops
// after a bounded number of tokens, so a deep or endless document costs
// little.
func scanXML(text string) (string, map[string]string, error) {
	d := xml.NewDecoder(strings.NewReader(text))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	// The text is UTF-8 already (decodeText); a declared charset must not
	// stop the decoder.
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	fields := map[string]string{}
	fields0 := xmlFields()
	var root string
	var stack []string
	var all strings.Builder
	for i := 0; i < 100000; i++ {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if root == "" {
				return "", nil, err
			}
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = t.Name.Local
			}
			if len(stack) < 64 {
				stack = append(stack, t.Name.Local)
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			if contains(fields0, name) && len(fields[name]) < maxDescription*4 {
				fields[name] += string(t)
			}
			if all.Len() < maxPageText*8 {
				all.Write(t)
				all.WriteByte(' ')
			}
		}
	}
	fields["#text"] = all.String()
	return root, fields, nil
}

func firstField(fields map[string]string, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(fields[n]); v != "" {
			return v
		}
	}
	return ""
}

// splitAzureMessage separates the "RequestId:…" and "Time:…" lines Azure
// Storage appends to every message, which would otherwise end up in quotes.
func splitAzureMessage(msg string) (text, requestID, at string) {
	var keep []string
	for _, line := range strings.Split(strings.ReplaceAll(msg, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "RequestId:"):
			requestID = strings.TrimPrefix(trimmed, "RequestId:")
		case strings.HasPrefix(trimmed, "Time:"):
			at = strings.TrimPrefix(trimmed, "Time:")
		default:
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n"), requestID, at
}
