package token

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"
)

func TestEvaluateTimes(t *testing.T) {
	now := testNow
	num := func(d time.Duration) json.Number { return json.Number(itoa(now.Add(d).Unix())) }
	cases := []struct {
		name   string
		claims map[string]any
		leeway time.Duration
		status TimeStatus
		phrase string
	}{
		{"valid", map[string]any{"exp": num(4*time.Minute + 12*time.Second)}, 0, TimeValid, "expires in 4m12s"},
		{"expired", map[string]any{"exp": num(-3 * time.Minute)}, 0, TimeExpired, "expired 3m ago"},
		{"expired at exactly exp", map[string]any{"exp": num(0)}, 0, TimeExpired, "expired 0s ago"},
		{"expired inside leeway", map[string]any{"exp": num(-10 * time.Second)}, 30 * time.Second, TimeValid, "expired 10s ago, but within the 30s leeway"},
		{"not yet valid", map[string]any{"exp": num(time.Hour), "nbf": num(2 * time.Minute)}, 0, TimeNotYetValid, "not valid yet: becomes valid in 2m"},
		{"nbf inside leeway", map[string]any{"exp": num(time.Hour), "nbf": num(20 * time.Second)}, 30 * time.Second, TimeValid, "expires in 1h"},
		{"no exp", map[string]any{"sub": "x"}, 0, TimeNoExpiry, "has no expiry (exp)"},
		{"long ago", map[string]any{"exp": json.Number("1300819380")}, 0, TimeExpired, "expired 15.7 years ago"},
		{"fractional", map[string]any{"exp": json.Number(itoa(now.Unix()+90) + ".5")}, 0, TimeValid, "expires in 1m31s"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := EvaluateTimes(c.claims, now, c.leeway)
			if got.Status != c.status || got.Phrase() != c.phrase {
				t.Fatalf("got %s %q, want %s %q", got.Status, got.Phrase(), c.status, c.phrase)
			}
		})
	}
}

func TestDuration(t *testing.T) {
	cases := map[time.Duration]string{
		42 * time.Second:                  "42s",
		4*time.Minute + 12*time.Second:    "4m12s",
		3 * time.Minute:                   "3m",
		5*time.Hour + 3*time.Minute:       "5h03m",
		26 * time.Hour:                    "26h",
		3*24*time.Hour + 4*time.Hour:      "3d4h",
		-(90 * time.Second):               "1m30s",
		2*365*24*time.Hour + 24*time.Hour: "2.0 years",
	}
	for d, want := range cases {
		if got := Duration(d); got != want {
			t.Errorf("Duration(%s) = %q, want %q", d, got, want)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
