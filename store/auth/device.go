package auth

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"golang.org/x/oauth2"

	"github.com/why401/why401/inspect/excerpt"
)

// device runs the device authorization grant (RFC 8628): ask for a code,
// show it, and poll at the server's interval until the user approves,
// denies, the code expires or ctx is cancelled.
func (o *oauth) device(ctx context.Context) (CachedToken, error) {
	ep, err := o.endpoints(ctx)
	if err != nil {
		return CachedToken{}, err
	}
	da, err := ep.conf.DeviceAuth(ep.ctx(ctx))
	if err != nil {
		return CachedToken{}, tokenErr(err, "device authorization endpoint", grantDevice, o.scrubbed())
	}
	code, err := deviceCode(da)
	if err != nil {
		return CachedToken{}, err
	}
	o.ui.ShowDeviceCode(code)

	poll := &pollProgress{ui: o.ui, interval: da.Interval}
	o.rec.setHook(poll.observe)
	defer o.rec.setHook(nil)
	// x/oauth2 waits one interval before each poll, adds 5 s on slow_down,
	// and stops at the code's expiry with DeadlineExceeded.
	t, err := ep.conf.DeviceAccessToken(ep.ctx(ctx), da)
	switch {
	case err == nil:
		o.ui.Say("Device authorization approved.")
		return o.keep(t)
	case ctx.Err() != nil:
		return CachedToken{}, fmt.Errorf("the device authorization was cancelled: %w", ctx.Err())
	case errors.Is(err, context.DeadlineExceeded) && !da.Expiry.IsZero() && !time.Now().Before(da.Expiry):
		return CachedToken{}, errors.New("the device code expired before it was approved; start again")
	}
	return CachedToken{}, tokenErr(err, "token endpoint", grantDevice, append(o.scrubbed(), da.DeviceCode))
}

// deviceCode checks what the user will be shown: the URIs come from the
// server and end up on the screen and in a QR code.
func deviceCode(da *oauth2.DeviceAuthResponse) (DeviceCode, error) {
	if da.UserCode == "" || da.VerificationURI == "" {
		return DeviceCode{}, errors.New("the device authorization response lacks user_code or verification_uri")
	}
	for _, u := range []string{da.VerificationURI, da.VerificationURIComplete} {
		if u == "" {
			continue
		}
		if p, err := url.Parse(u); err != nil || p.Host == "" || p.Scheme != "https" && p.Scheme != "http" {
			return DeviceCode{}, fmt.Errorf("the device authorization response has a verification URI that is not a web address: %s", excerpt.Of(u))
		}
	}
	if excerpt.Of(da.UserCode) != da.UserCode {
		return DeviceCode{}, errors.New("the device authorization response has an unprintable or overlong user_code")
	}
	code := DeviceCode{
		VerificationURI:         da.VerificationURI,
		VerificationURIComplete: da.VerificationURIComplete,
		UserCode:                da.UserCode,
		Expires:                 da.Expiry,
	}
	// A QR code that fails to draw costs only the QR code.
	code.QR, _ = DrawQR(cmp.Or(da.VerificationURIComplete, da.VerificationURI))
	return code, nil
}

// pollProgress turns the poll responses into a few lines for the user.
type pollProgress struct {
	ui       FlowUI
	interval int64 // seconds, as x/oauth2 counts it
	waiting  bool
}

func (p *pollProgress) observe(_ int, doc map[string]any) {
	code, _ := doc["error"].(string)
	if p.interval <= 0 {
		p.interval = 5 // RFC 8628 §3.2: the default
	}
	switch code {
	case "authorization_pending":
		if !p.waiting {
			p.ui.Say("Waiting for the code to be approved…")
			p.waiting = true
		}
	case "slow_down":
		p.interval += 5
		p.ui.Say(fmt.Sprintf("The server asked to poll less often (slow_down); polling every %s now.", time.Duration(p.interval)*time.Second))
	}
}
