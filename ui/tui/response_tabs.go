package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/why401/why401/store/redact"
	"github.com/why401/why401/ui/bodyview"
	"github.com/why401/why401/ui/safe"
)

// respBarLabel is the widest timing label; the labels are padded to it so
// the bars start in one column.
const respBarLabel = "first byte"

// headerLines are the response headers top..top+n, in received order,
// values masked: the secrets this request resolved always, and every
// credential header (Set-Cookie, …: store/redact's list) unless the user
// revealed them with s. Only the lines on screen are built, so a response
// with a thousand headers costs what one with ten does.
func (r responsePane) headerLines(top, n int) []string {
	s := r.c.styles
	resp := r.response()
	if resp == nil {
		return []string{s.Dim.Render("no response")}
	}
	hs := resp.Headers[max(0, min(top, len(resp.Headers))):]
	out := make([]string, 0, min(n, len(hs)))
	for _, h := range hs[:min(n, len(hs))] {
		value := safe.Line(r.mask(h.Value))
		if redact.IsSecretHeader(h.Name) && !r.showSecrets {
			value = maskHeader(h.Name, value)
		}
		out = append(out, s.Label.Render(safe.Line(r.mask(h.Name)))+s.Dim.Render(":")+" "+value)
	}
	return out
}

// hasSecretHeader reports whether the response has a credential header
// with a value, which the reveal key would show.
func (r responsePane) hasSecretHeader() bool {
	resp := r.response()
	if resp == nil {
		return false
	}
	for _, h := range resp.Headers {
		if redact.IsSecretHeader(h.Name) && h.Value != "" {
			return true
		}
	}
	return false
}

// respPhase is one row of the timing chart: a bar from start for d.
type respPhase struct {
	label    string
	start, d time.Duration
}

// timingLines chart the phases as bars on one time axis (DNS, connect
// and TLS where they happened; first byte and total from the start), then
// the TLS peer, proxy and retry. iw 0 counts the lines without bars.
func (r responsePane) timingLines(iw int) []string {
	s := r.c.styles
	ex := r.out.Exchange
	if ex == nil {
		return []string{s.Dim.Render("nothing was sent")}
	}
	t := ex.Timing
	phases := []respPhase{{"DNS", 0, t.DNS}, {"connect", t.DNS, t.Connect}, {"TLS", t.DNS + t.Connect, t.TLS},
		{respBarLabel, 0, t.FirstByte}, {"total", 0, t.Total}}
	valueW := 0
	for _, p := range phases {
		valueW = max(valueW, len([]rune(bodyview.HumanDuration(p.d))))
	}
	barW := iw - len(respBarLabel) - valueW - 2
	scale := max(t.Total, t.FirstByte, t.DNS+t.Connect+t.TLS)
	lines := make([]string, 0, len(phases)+4)
	for _, p := range phases {
		value := fmt.Sprintf("%*s", valueW, bodyview.HumanDuration(p.d))
		lines = append(lines, s.Label.Render(fmt.Sprintf("%-*s", len(respBarLabel), p.label))+" "+
			r.bar(p, scale, barW)+" "+s.Dim.Render(value))
	}
	return append(lines, r.connectionLines()...)
}

// bar draws p on an axis of barW cells for scale; a phase that took any
// time gets at least one cell.
func (r responsePane) bar(p respPhase, scale time.Duration, barW int) string {
	if barW <= 0 {
		return ""
	}
	if scale <= 0 {
		return strings.Repeat(" ", barW)
	}
	at := min(barW-1, int(int64(p.start)*int64(barW)/int64(scale)))
	n := int((int64(p.d)*int64(barW) + int64(scale)/2) / int64(scale))
	if p.d > 0 {
		n = max(1, n)
	}
	n = min(n, barW-at)
	return strings.Repeat(" ", at) + r.c.styles.Active.Render(strings.Repeat("█", n)) + strings.Repeat(" ", barW-at-n)
}

// connectionLines describe the TLS peer, the proxy and a retry.
func (r responsePane) connectionLines() []string {
	s := r.c.styles
	ex := r.out.Exchange
	var out []string
	if tl := ex.TLS; tl != nil {
		out = append(out, "", s.Label.Render(safe.Line(tl.Version))+s.Dim.Render(" · ")+safe.Line(tlsSummary(tl.Subject, tl.Issuer, tl.NotAfter)))
		if tl.Error != "" {
			out = append(out, s.Bad.Render(safe.Line(r.mask(tl.Error))))
		}
	}
	if ex.ViaProxy != "" {
		out = append(out, s.Dim.Render("via proxy ")+safe.Line(r.mask(ex.ViaProxy)))
	}
	if ex.Retried && ex.First != nil {
		out = append(out, s.Warning.Render(fmt.Sprintf("sent again after a %d: the credentials were renewed", ex.First.Status)))
	}
	if ex.RetryErr != "" {
		out = append(out, s.Warning.Render(safe.Line(r.mask(ex.RetryErr))))
	}
	return out
}

func tlsSummary(subject, issuer string, notAfter time.Time) string {
	var parts []string
	if subject != "" {
		parts = append(parts, subject)
	}
	if issuer != "" {
		parts = append(parts, "issued by "+issuer)
	}
	if !notAfter.IsZero() {
		parts = append(parts, "expires "+notAfter.UTC().Format(time.DateOnly))
	}
	return strings.Join(parts, " · ")
}

// redirectLines list each hop: its status and URL, where it pointed, and
// whether it left the origin or dropped the credentials, which is often
// why a redirected request ends in a 401.
func (r responsePane) redirectLines() []string {
	s := r.c.styles
	ex := r.out.Exchange
	if ex == nil {
		return []string{s.Dim.Render("nothing was sent")}
	}
	var out []string
	if ex.CredentialsWithheld != "" {
		out = append(out, s.Warning.Render(safe.Line(r.mask(ex.CredentialsWithheld))))
	}
	if len(ex.Redirects) == 0 {
		return append(out, s.Dim.Render("no redirects"))
	}
	for i, h := range ex.Redirects {
		out = append(out, s.Dim.Render(fmt.Sprintf("%d ", i+1))+respStatusStyle(s, h.Status).Render(itoa(h.Status))+" "+safe.Line(r.mask(h.URL)),
			s.Dim.Render("  → ")+safe.Line(r.mask(h.Location)))
		var flags []string
		if h.CrossOrigin {
			flags = append(flags, s.Warning.Render("cross-origin"))
		}
		if h.AuthDropped {
			flags = append(flags, s.Bad.Render("Authorization dropped"))
		}
		if len(flags) > 0 {
			out = append(out, "  "+strings.Join(flags, s.Dim.Render(" · ")))
		}
	}
	return out
}
