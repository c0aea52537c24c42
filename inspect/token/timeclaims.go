package token

import (
	"encoding/json"
	"fmt"
	"math"
	"time"
)

// TimeStatus is the token's validity in time.
type TimeStatus string

const (
	TimeValid         TimeStatus = "valid"
	TimeExpired       TimeStatus = "expired"
	TimeNotYetValid   TimeStatus = "not_yet_valid"
	TimeNoExpiry      TimeStatus = "no_expiry"
	TimeNotApplicable TimeStatus = "not_applicable"
)

// Times are the token's time claims evaluated against a clock.
type Times struct {
	Status    TimeStatus
	Now       time.Time
	Leeway    time.Duration
	Exp       *time.Time
	Nbf       *time.Time
	Iat       *time.Time
	AuthTime  *time.Time
	ExpiresIn *time.Duration // exp − now; negative when expired
}

// numericDate reads a NumericDate claim (RFC 7519 §2): seconds since the
// epoch, integer or fractional. Strings and other types are not dates.
func numericDate(claims map[string]any, name string) (*time.Time, bool) {
	n, ok := claims[name].(json.Number)
	if !ok {
		return nil, false
	}
	f, err := n.Float64()
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e15 {
		return nil, false
	}
	sec, frac := math.Modf(f)
	t := time.Unix(int64(sec), int64(frac*1e9)).UTC()
	return &t, true
}

// EvaluateTimes evaluates exp, nbf, iat and auth_time at now. A token is
// expired when now ≥ exp + leeway, and not yet valid when now < nbf − leeway.
func EvaluateTimes(claims map[string]any, now time.Time, leeway time.Duration) Times {
	t := Times{Now: now.UTC(), Leeway: leeway, Status: TimeNotApplicable}
	if claims == nil {
		return t
	}
	t.Exp, _ = numericDate(claims, "exp")
	t.Nbf, _ = numericDate(claims, "nbf")
	t.Iat, _ = numericDate(claims, "iat")
	t.AuthTime, _ = numericDate(claims, "auth_time")
	switch {
	case t.Exp != nil && !now.Before(t.Exp.Add(leeway)):
		t.Status = TimeExpired
	case t.Nbf != nil && now.Before(t.Nbf.Add(-leeway)):
		t.Status = TimeNotYetValid
	case t.Exp == nil:
		t.Status = TimeNoExpiry
	default:
		t.Status = TimeValid
	}
	if t.Exp != nil {
		d := t.Exp.Sub(now)
		t.ExpiresIn = &d
	}
	return t
}

// Phrase says the token's state in words: "expires in 4m12s", "expired
// 3m ago", "valid in 2m (nbf)", "never expires".
func (t Times) Phrase() string {
	switch t.Status {
	case TimeExpired:
		s := "expired " + Ago(-*t.ExpiresIn)
		if *t.ExpiresIn > -t.Leeway {
			s += fmt.Sprintf(" (within the %s leeway it would still pass)", t.Leeway)
		}
		return s
	case TimeNotYetValid:
		return "not valid yet: becomes valid " + In(t.Nbf.Sub(t.Now))
	case TimeNoExpiry:
		return "has no expiry (exp)"
	case TimeValid:
		if *t.ExpiresIn < 0 {
			return fmt.Sprintf("expired %s, but within the %s leeway", Ago(-*t.ExpiresIn), t.Leeway)
		}
		return "expires " + In(*t.ExpiresIn)
	}
	return "no time claims"
}

// Ago phrases a past duration: "3m12s ago".
func Ago(d time.Duration) string { return Duration(d) + " ago" }

// In phrases a future duration: "in 4m12s".
func In(d time.Duration) string { return "in " + Duration(d) }

// Relative phrases when t is, seen from now: "in 4m12s" or "3m12s ago".
func Relative(t, now time.Time) string {
	if d := t.Sub(now); d < 0 {
		return Ago(-d)
	}
	return In(t.Sub(now))
}

// Duration is a short human duration whose precision falls as it grows:
// seconds matter for a token about to expire, not for one from 2011.
func Duration(d time.Duration) string {
	if d < 0 {
		d = -d
	}
	d = d.Round(time.Second)
	day := 24 * time.Hour
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return trimZero(fmt.Sprintf("%dm%02ds", int(d/time.Minute), int(d%time.Minute/time.Second)))
	case d < 2*day:
		return trimZero(fmt.Sprintf("%dh%02dm", int(d/time.Hour), int(d%time.Hour/time.Minute)))
	case d < 365*day:
		return fmt.Sprintf("%dd%dh", int(d/day), int(d%day/time.Hour))
	}
	years := float64(d) / float64(365.25*float64(day))
	return fmt.Sprintf("%.1f years", years)
}

// trimZero drops a zero trailing unit: "4m00s" → "4m".
func trimZero(s string) string {
	if len(s) > 3 && s[len(s)-3:len(s)-1] == "00" {
		return s[:len(s)-3]
	}
	return s
}
