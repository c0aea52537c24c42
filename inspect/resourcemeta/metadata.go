package resourcemeta

// Metadata is an RFC 9728 §2 document. Tags follow the RFC's names, so it
// marshals back to the same JSON for display.
type Metadata struct {
	Resource                  string   `json:"resource"`
	AuthorizationServers      []string `json:"authorization_servers"`
	JWKSURI                   string   `json:"jwks_uri"`
	ScopesSupported           []string `json:"scopes_supported"`
	BearerMethodsSupported    []string `json:"bearer_methods_supported"` // [] means none: not the same as absent
	ResourceSigningAlgs       []string `json:"resource_signing_alg_values_supported"`
	ResourceName              string   `json:"resource_name"`
	ResourceDocumentation     string   `json:"resource_documentation"`
	ResourcePolicyURI         string   `json:"resource_policy_uri"`
	ResourceTOSURI            string   `json:"resource_tos_uri"`
	TLSClientCertBound        bool     `json:"tls_client_certificate_bound_access_tokens"`
	AuthorizationDetailsTypes []string `json:"authorization_details_types_supported"`
	DPoPSigningAlgs           []string `json:"dpop_signing_alg_values_supported"`
	DPoPBoundRequired         bool     `json:"dpop_bound_access_tokens_required"`
	SignedMetadata            string   `json:"signed_metadata"`

	// LocalizedNames holds resource_name#<language tag> members (RFC 9728
	// §2.1), keyed by the tag.
	LocalizedNames map[string]string `json:"-"`
	// Invalid lists members Parse found with the wrong JSON type and left
	// empty; Check reports them.
	Invalid []Problem `json:"-"`
}

// Problem is one finding about a metadata document: an ID from the list
// below, a severity (info | warning | error) and one plain sentence.
type Problem struct {
	ID       string
	Severity string
	Message  string
}

// Problem IDs.
const (
	ResourceMismatch     = "RESOURCE_MISMATCH"
	ResourceUnchecked    = "RESOURCE_UNCHECKED"
	MissingResource      = "MISSING_RESOURCE"
	IssuerNotListed      = "ISSUER_NOT_LISTED"
	NoAuthServers        = "NO_AUTHORIZATION_SERVERS"
	InsecureURL          = "INSECURE_URL"
	NotJSON              = "NOT_JSON"
	InvalidField         = "INVALID_FIELD"
	FetchFailed          = "FETCH_FAILED"
	DuplicateMetadataURL = "DUPLICATE_METADATA_URL"
	ScopeNotSupported    = "SCOPE_NOT_SUPPORTED"
	DPoPRequired         = "DPOP_REQUIRED"
	BearerHeaderRefused  = "BEARER_HEADER_NOT_SUPPORTED"
	SignedMetadata       = "SIGNED_METADATA"
)

// Severities.
const (
	Info    = "info"
	Warning = "warning"
	Error   = "error"
)

// DocumentError is what Parse and Fetch return when there is no usable
// document; its Problem says why in the same terms Check uses.
type DocumentError struct {
	Problem
	Err error // the underlying error, if any
}

func (e *DocumentError) Error() string { return e.Message }

func (e *DocumentError) Unwrap() error { return e.Err }
