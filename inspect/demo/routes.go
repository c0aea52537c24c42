package demo

import "net/http"

// routes lists every path the demo serves; endpoints.go says what each
// protected one is for.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	// identity provider
	mux.HandleFunc("GET /.well-known/openid-configuration", s.discovery)
	mux.HandleFunc("GET /.well-known/oauth-authorization-server", s.discovery)
	mux.HandleFunc("GET /jwks.json", s.jwks)
	mux.HandleFunc("POST /oauth/token", s.token)
	mux.HandleFunc("POST /oauth/device_authorization", s.deviceAuthorization)
	mux.HandleFunc("GET /device", s.devicePage)
	mux.HandleFunc("POST /device", s.deviceApprove)
	// RFC 9728 metadata of the protected resources
	mux.HandleFunc("GET /.well-known/oauth-protected-resource", s.resourceMetadata)
	mux.HandleFunc("GET /.well-known/oauth-protected-resource/{path...}", s.resourceMetadata)
	// protected resources
	mux.HandleFunc("GET /v1/me", s.me)
	mux.HandleFunc("GET /v1/orders", s.listOrders)
	mux.HandleFunc("POST /v1/orders", s.createOrder)
	mux.HandleFunc("GET /v1/admin", s.admin)
	mux.HandleFunc("GET /v1/reports", s.reports)
	mux.HandleFunc("GET /v1/dpop/me", s.dpopMe)
	mux.HandleFunc("GET /v2/me", s.movedMe)
	mux.HandleFunc("GET /inventory/items", s.inventory)
	mux.HandleFunc("GET /gateway/me", s.gateway)
	mux.HandleFunc("POST /mcp", s.mcp)
	mux.HandleFunc("GET /legacy/basic", s.legacyBasic)
	mux.HandleFunc("GET /legacy/digest", s.legacyDigest)
	mux.HandleFunc("GET /registry/token", s.registryToken)
	mux.HandleFunc("GET /registry/v2/{rest...}", s.registry)
	return mux
}
