package exchange

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/why401/why401/inspect/explain"
)

// ExplainInput carries the first request (with the Authorization the
// client meant to send) and the redirect that dropped it, so the
// explainer finds AUTH_STRIPPED_ON_REDIRECT on a real exchange.
func TestExplainInput(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="api"`)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"message":"unauthorized"}`)
	}))
	defer other.Close()
	target := strings.Replace(other.URL, "127.0.0.1", "localhost", 1) + "/v2/me"
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target, http.StatusMovedPermanently)
	}))
	defer api.Close()
	o := opts()
	o.Credentials = newProvider("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.")
	e := send(t, get(api.URL+"/v1/me"), o)
	mustOK(t, e)

	in := e.ExplainInput()
	if in.Status != 401 || header(in.ResponseHeaders, "WWW-Authenticate") != `Bearer realm="api"` || string(in.Body) != `{"message":"unauthorized"}` {
		t.Fatalf("response part: %+v", in)
	}
	if len(in.Redirects) != 1 || in.Redirects[0] != (explain.Redirect{Status: 301, Location: target}) {
		t.Fatalf("redirects: %+v", in.Redirects)
	}
	if in.Request.Method != "GET" || in.Request.URL != api.URL+"/v1/me" || in.Request.ViaProxy ||
		!strings.HasPrefix(header(in.Request.Headers, "Authorization"), "Bearer eyJ") || !in.Now.Equal(e.Started) {
		t.Fatalf("request part: %+v", in.Request)
	}
	res := explain.Explain(in)
	var ids []string
	for _, d := range res.Diagnosis {
		ids = append(ids, d.ID)
	}
	if len(ids) == 0 || !strings.Contains(strings.Join(ids, " "), "AUTH_STRIPPED_ON_REDIRECT") {
		t.Fatalf("diagnosis: %v", ids)
	}
}

func TestExplainInputWithoutResponse(t *testing.T) {
	e := &Exchange{Request: Request{Method: "GET", URL: "https://api.example/"}, Err: "connection refused"}
	if in := e.ExplainInput(); in.Status != 0 || in.Body != nil || in.Request.URL != "https://api.example/" {
		t.Fatalf("%+v", in)
	}
}
