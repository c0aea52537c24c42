package resourcemeta

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Parse reads a metadata document. It fails only when data is not a JSON
// object; a member of the wrong type is left empty and listed in Invalid,
// so one bad member does not hide the rest. Unknown members are ignored
// (RFC 9728 §2). A missing resource is for Check to report.
func Parse(data []byte) (Metadata, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil || obj == nil {
		return Metadata{}, &DocumentError{Problem: Problem{NotJSON, Error, notJSONMessage(data)}, Err: err}
	}
	var md Metadata
	fields := md.fields()
	for _, name := range slices.Sorted(maps.Keys(obj)) {
		raw := obj[name]
		if tag, ok := strings.CutPrefix(name, "resource_name#"); ok {
			md.setLocalizedName(tag, raw, name)
			continue
		}
		if dst, ok := fields[name]; ok && json.Unmarshal(raw, dst) != nil {
			md.Invalid = append(md.Invalid, invalid(name, raw, dst))
		}
	}
	return md, nil
}

// fields maps each RFC 9728 member name to where Parse stores it.
func (md *Metadata) fields() map[string]any {
	return map[string]any{
		"resource":                                   &md.Resource,
		"authorization_servers":                      &md.AuthorizationServers,
		"jwks_uri":                                   &md.JWKSURI,
		"scopes_supported":                           &md.ScopesSupported,
		"bearer_methods_supported":                   &md.BearerMethodsSupported,
		"resource_signing_alg_values_supported":      &md.ResourceSigningAlgs,
		"resource_name":                              &md.ResourceName,
		"resource_documentation":                     &md.ResourceDocumentation,
		"resource_policy_uri":                        &md.ResourcePolicyURI,
		"resource_tos_uri":                           &md.ResourceTOSURI,
		"tls_client_certificate_bound_access_tokens": &md.TLSClientCertBound,
		"authorization_details_types_supported":      &md.AuthorizationDetailsTypes,
		"dpop_signing_alg_values_supported":          &md.DPoPSigningAlgs,
		"dpop_bound_access_tokens_required":          &md.DPoPBoundRequired,
		"signed_metadata":                            &md.SignedMetadata,
	}
}

func (md *Metadata) setLocalizedName(tag string, raw json.RawMessage, name string) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		md.Invalid = append(md.Invalid, invalid(name, raw, &s))
		return
	}
	if md.LocalizedNames == nil {
		md.LocalizedNames = map[string]string{}
	}
	md.LocalizedNames[tag] = s
}

func invalid(name string, raw json.RawMessage, dst any) Problem {
	got := jsonKind(raw)
	if _, list := dst.(*[]string); list && got == "an array" {
		got = "an array with a member that is not a string"
	}
	return Problem{InvalidField, Warning, fmt.Sprintf(
		"%s is %s but must be %s (RFC 9728 §2), so it was ignored", name, got, wantKind(dst))}
}

// jsonKind names the type of a raw JSON value by its first byte.
func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '[':
		return "an array"
	case '{':
		return "an object"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func wantKind(dst any) string {
	switch dst.(type) {
	case *[]string:
		return "an array of strings"
	case *bool:
		return "a boolean"
	}
	return "a string"
}

// notJSONMessage says what the body looks like instead, because the usual
// culprit is an HTML page served for an unknown path.
func notJSONMessage(data []byte) string {
	t := bytes.TrimSpace(data)
	switch {
	case len(t) == 0:
		return "the metadata document is empty"
	case t[0] == '<':
		return "the metadata document is HTML, not JSON: probably a login page or a web app answering every path"
	case json.Valid(t):
		return "the metadata document is JSON but not an object"
	}
	return "the metadata document is not JSON"
}
