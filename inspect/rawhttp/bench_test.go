package rawhttp

import (
	"strings"
	"testing"
)

// typicalResponse is curl -siL output: a redirect, then a 401 with a JSON
// body, as a real API sends it.
var typicalResponse = []byte(crlf(`HTTP/1.1 301 Moved Permanently
Location: https://api.example.com/v1/orders
Content-Length: 0
Date: Fri, 27 Nov 2026 10:00:00 GMT

HTTP/2 401 
date: Fri, 27 Nov 2026 10:00:00 GMT
content-type: application/json; charset=utf-8
content-length: 96
www-authenticate: Bearer realm="orders", error="invalid_token", error_description="The access token expired"
vary: Origin
strict-transport-security: max-age=31536000; includeSubDomains
x-request-id: 6f1c2a9e-8d0b-4c1e-9b7a-3f2d1e0c9b8a
cache-control: no-store

`) + `{"error":"invalid_token","error_description":"The access token expired","request_id":"6f1c2a9e"}`)

var typicalRequest = []byte(crlf(`POST /v1/orders HTTP/1.1
Host: api.example.com
Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJhbGljZSJ9.c2ln
Content-Type: application/json
Accept: application/json
User-Agent: why401-bench
Content-Length: 9

{"qty":1}`))

func BenchmarkParseResponses(b *testing.B) {
	b.SetBytes(int64(len(typicalResponse)))
	for b.Loop() {
		if _, err := ParseResponses(typicalResponse); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseRequest(b *testing.B) {
	b.SetBytes(int64(len(typicalRequest)))
	for b.Loop() {
		if _, err := ParseRequest(typicalRequest); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseResponsesManyFolds guards linear time on a header made of
// many continuation lines, which naive string joining makes quadratic.
func BenchmarkParseResponsesManyFolds(b *testing.B) {
	in := []byte("HTTP/1.1 200 OK\nX: a\n" + strings.Repeat(" b\n", 300_000) + "\n")
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := ParseResponses(in); err != nil {
			b.Fatal(err)
		}
	}
}
