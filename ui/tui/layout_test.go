package tui

import "testing"

func TestComputeLayout(t *testing.T) {
	tests := []struct {
		w, h             int
		tooSmall, tabbed bool
	}{
		{79, 24, true, false},
		{80, 23, true, false},
		{80, 24, false, true},
		{100, 30, false, true},
		{119, 40, false, true},
		{120, 40, false, false},
		{200, 60, false, false},
	}
	for _, tc := range tests {
		l := computeLayout(tc.w, tc.h)
		if l.TooSmall != tc.tooSmall || l.Tabbed != tc.tabbed {
			t.Errorf("%d×%d: tooSmall=%v tabbed=%v, want %v %v", tc.w, tc.h, l.TooSmall, l.Tabbed, tc.tooSmall, tc.tabbed)
		}
		if !l.TooSmall {
			checkRects(t, l)
		}
	}
}

// checkRects: every pane inside the screen, columns filling the width, and
// stacked panes filling the body height.
func checkRects(t *testing.T, l layout) {
	t.Helper()
	bodyH := l.H - l.Header.H - l.Status.H
	for name, r := range map[string]rect{"profiles": l.Profiles, "history": l.History, "request": l.Request,
		"response": l.Response, "token": l.Token, "why": l.Why} {
		if r.X < 0 || r.Y < 1 || r.X+r.W > l.W || r.Y+r.H > l.H-1 || r.W < 16 || r.H < 3 {
			t.Errorf("%d×%d: %s rect %+v out of bounds or too small", l.W, l.H, name, r)
		}
	}
	if l.Request.H+l.Response.H != bodyH {
		t.Errorf("%d×%d: middle column %d+%d != %d", l.W, l.H, l.Request.H, l.Response.H, bodyH)
	}
	if l.Tabbed {
		if l.Request.W+l.Tabs.W != l.W || l.Tabs.H+l.Token.H != bodyH {
			t.Errorf("%d×%d: tabbed columns do not fill: %+v", l.W, l.H, l)
		}
		return
	}
	if l.Profiles.W+l.Request.W+l.Token.W != l.W || l.Token.H+l.Why.H != bodyH || l.Profiles.H+l.History.H != bodyH {
		t.Errorf("%d×%d: wide columns do not fill: %+v", l.W, l.H, l)
	}
}

func TestComputeLayoutAllSizes(t *testing.T) {
	for w := minWidth; w <= 260; w++ {
		for h := minHeight; h <= 80; h += 7 {
			checkRects(t, computeLayout(w, h))
		}
	}
}
