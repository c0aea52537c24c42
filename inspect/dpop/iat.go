package dpop

import (
	"math"
	"strconv"
	"time"
)

// checkIAT applies point 11: the proof was created within MaxAge of Now.
func checkIAT(claims map[string]any, p Params) []Problem {
	raw, present := claims["iat"]
	iat, ok := raw.(float64)
	switch {
	case !present:
		return []Problem{problem(CheckIAT, "iat is missing; it must be the time the proof was made, in seconds since 1970")}
	case !ok:
		return []Problem{problem(CheckIAT, "iat is %s but must be a number of seconds since 1970", kind(raw))}
	case math.Abs(iat) > 1<<53:
		return []Problem{problem(CheckIAT, "iat %s is not a plausible time", num(iat))}
	}
	sec, frac := math.Modf(iat) // NumericDate may have a fraction (RFC 7519 §2)
	when := time.Unix(int64(sec), int64(frac*1e9))
	ahead := when.Sub(p.Now)
	switch {
	case ahead > p.MaxAge && millis(iat, p):
		return []Problem{problem(CheckIAT, "iat is %s, which is in milliseconds; it must be seconds since 1970", num(iat))}
	case ahead > p.MaxAge:
		return []Problem{problem(CheckIAT, "iat is %s, %s ahead of now (%s); the window is ±%s, so the client's clock is ahead or the server's is behind",
			stamp(when), round(ahead), stamp(p.Now), p.MaxAge)}
	case -ahead > p.MaxAge:
		return []Problem{problem(CheckIAT, "iat is %s, %s before now (%s); proofs older than %s are refused, so make a fresh proof for every request",
			stamp(when), round(-ahead), stamp(p.Now), p.MaxAge)}
	}
	return nil
}

// millis recognises a JavaScript Date.now() value put in iat.
func millis(iat float64, p Params) bool {
	d := time.UnixMilli(int64(iat)).Sub(p.Now)
	return d.Abs() <= p.MaxAge
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func round(d time.Duration) time.Duration { return d.Round(time.Second) }
