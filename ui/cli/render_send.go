package cli

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/why401/why401/inspect/exchange"
	"github.com/why401/why401/store/auth"
	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/ui/safe"
)

// bodyLinesOnScreen is how much of a body send prints in a terminal
// without --full; the whole body is one -o away.
const bodyLinesOnScreen = 30

// renderSend prints the exchange: status and timings, headers, body, then
// the explanation (which carries the token panel) or the token line.
// On a terminal the body is pretty-printed and cut to a screenful unless
// full; elsewhere it is printed as received (sanitised), which costs
// nothing for a script that pipes it on.
func renderSend(w io.Writer, out sendOutput, st style, terminal, full bool) {
	p := printer{w: w, st: st}
	ex := out.exchange
	if ex.Response == nil {
		p.line(st.red("✖ not sent: ") + safe.Line(ex.Err))
		return
	}
	r := ex.Response
	p.line(fmt.Sprintf("%s %s → %s  %s", st.bold(ex.Request.Method), safe.Line(out.Request.URL),
		statusStyled(st, r.Status), st.dim(fmt.Sprintf("%s · %.1f ms", r.Proto, out.Timing.Total))))
	p.line(st.dim(fmt.Sprintf("  profile %s · dns %.1f ms · connect %.1f ms · first byte %.1f ms", out.Profile,
		out.Timing.DNS, out.Timing.Connect, out.Timing.FirstByte)))
	for _, hop := range ex.Redirects {
		dropped := ""
		if hop.AuthDropped {
			dropped = " (credentials dropped: another origin)"
		}
		p.line(st.dim(fmt.Sprintf("  after %d → %s%s", hop.Status, safe.Line(out.mask.url(hop.Location)), dropped)))
	}
	if t := ex.TLS; t != nil {
		line := fmt.Sprintf("  %s · %s · issued by %s · valid until %s", t.Version, safe.Line(t.Subject), safe.Line(t.Issuer), t.NotAfter.UTC().Format("2006-01-02"))
		if t.Error != "" {
			line = "  TLS: " + safe.Line(t.Error)
		}
		p.line(st.dim(line))
	}
	if ex.Retried {
		p.line(st.yellow("  retried once after a 401 invalid_token with a fresh token"))
	}
	for _, n := range out.Notes {
		p.line(st.yellow("  note: " + safe.Line(n)))
	}
	p.section("headers")
	for _, h := range out.mask.headers(r.Headers) {
		p.line("  " + st.cyan(safe.Line(h.Name)) + ": " + safe.Line(h.Value))
	}
	p.body(r.Body, out.mask, terminal, full || !terminal)
	if len(out.Diagnosis) > 0 {
		p.line("")
		renderExplain(w, *out.explained, nil, st)
		return
	}
	if out.Token != nil {
		p.section("token")
		p.line("  " + tokenLine(*out.Token))
	}
}

func statusStyled(st style, code int) string {
	s := fmt.Sprintf("%d %s", code, http.StatusText(code))
	switch {
	case code >= 400:
		return st.red(s)
	case code >= 300:
		return st.yellow(s)
	}
	return st.green(s)
}

func (p printer) body(b exchange.Body, m masker, pretty, full bool) {
	if b.Size == 0 && b.Err == "" {
		p.section("body: empty")
		return
	}
	p.section(fmt.Sprintf("body (%s, %d bytes)", safe.Line(b.ContentType), b.Size))
	if b.Encoding == "base64" {
		p.line(p.st.dim("  binary; write it to a file with -o"))
		return
	}
	text := m.text(string(b.Data))
	if !pretty {
		p.line(safe.Text(text))
		if b.Truncated {
			p.line(p.st.dim("… the body was cut at --max-body; -o FILE writes all of it"))
		}
		return
	}
	if pj, ok := b.PrettyJSON(1 << 20); ok {
		text = m.text(pj)
	}
	lines := strings.Split(strings.TrimRight(safe.Text(text), "\n"), "\n")
	if !full && len(lines) > bodyLinesOnScreen {
		lines = append(lines[:bodyLinesOnScreen], p.st.dim(fmt.Sprintf("… %d more lines (--full shows all)", len(lines)-bodyLinesOnScreen)))
	}
	for _, l := range lines {
		p.line("  " + l)
	}
	if b.Truncated {
		p.line(p.st.dim("  … the body was cut at --max-body; -o FILE writes all of it"))
	}
}

// masker hides credentials in what send prints: the usual credential
// headers, the profile's API key header or query parameter, and any value
// resolved for this request wherever it appears.
type masker struct {
	apiKey  string
	secrets []string
}

func (m masker) headers(hs []exchange.Header) []exchange.Header {
	out := make([]exchange.Header, len(hs))
	for i, h := range hs {
		if redact.IsSecretHeader(h.Name) || m.apiKey != "" && strings.EqualFold(h.Name, m.apiKey) {
			h.Value = maskValue(h.Value)
		}
		h.Value = m.text(h.Value)
		out[i] = h
	}
	return out
}

func (m masker) url(raw string) string {
	u, err := url.Parse(raw)
	if err == nil && m.apiKey != "" && u.Query().Has(m.apiKey) {
		q := u.Query()
		q.Set(m.apiKey, maskValue(q.Get(m.apiKey)))
		u.RawQuery = q.Encode()
		raw = u.String()
	}
	return m.text(raw)
}

func (m masker) text(s string) string {
	for _, sec := range m.secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, maskValue(sec))
		}
	}
	return s
}

func maskValue(v string) string {
	scheme, rest, ok := strings.Cut(v, " ")
	if !ok {
		scheme, rest = "", v
	}
	tail := "…"
	if len(rest) > 8 {
		tail = "…" + rest[len(rest)-4:]
	}
	return strings.TrimSpace(scheme + " " + tail)
}

func base64Std(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

// terminalFlows shows device codes and sign-in URLs on stderr.
type terminalFlows struct{ e *env }

func (e *env) flowUI() auth.FlowUI { return terminalFlows{e} }

func (t terminalFlows) ShowDeviceCode(d auth.DeviceCode) {
	fmt.Fprintf(t.e.stderr, "To sign in, open %s and enter the code %s\n%s\n", safe.Line(d.VerificationURI), safe.Line(d.UserCode), d.QR)
}

func (t terminalFlows) OpenBrowser(url string) error {
	fmt.Fprintf(t.e.stderr, "Open this URL to sign in: %s\n", safe.Line(url))
	return nil
}

func (t terminalFlows) Say(msg string) { fmt.Fprintln(t.e.stderr, "why401: "+safe.Line(msg)) }
