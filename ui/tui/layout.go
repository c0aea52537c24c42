package tui

import "strconv"

// Size thresholds from issue 6: below minWidth×minHeight nothing fits, and
// below wideWidth the side panes share one tabbed column.
const (
	minWidth  = 80
	minHeight = 24
	wideWidth = 120
)

// rect is a pane's place on screen, in cells.
type rect struct{ X, Y, W, H int }

// layout is where everything goes for one terminal size. In the tabbed
// layout Profiles, Token and Why share one rect below the Tabs strip.
type layout struct {
	W, H     int
	TooSmall bool
	Tabbed   bool

	Header   rect
	Profiles rect
	History  rect
	Request  rect
	Response rect
	Tabs     rect
	Token    rect
	Why      rect
	Status   rect
}

// computeLayout is pure so every size can be table-tested; View only reads it.
func computeLayout(w, h int) layout {
	l := layout{W: w, H: h}
	if w < minWidth || h < minHeight {
		l.TooSmall = true
		return l
	}
	l.Header = rect{0, 0, w, 1}
	l.Status = rect{0, h - 1, w, 1}
	bodyY, bodyH := 1, h-2
	if w >= wideWidth {
		return wide(l, bodyY, bodyH)
	}
	return tabbed(l, bodyY, bodyH)
}

// wide: profiles/history | request/response | token/why, as in the sketch.
func wide(l layout, y, bh int) layout {
	pw := max(18, l.W*14/100)
	rw := max(36, l.W*32/100)
	mw := l.W - pw - rw
	reqH := requestHeight(bh)
	tokH := bh * 3 / 5
	profH := bh / 2
	l.Profiles = rect{0, y, pw, profH}
	l.History = rect{0, y + profH, pw, bh - profH}
	l.Request = rect{pw, y, mw, reqH}
	l.Response = rect{pw, y + reqH, mw, bh - reqH}
	l.Token = rect{pw + mw, y, rw, tokH}
	l.Why = rect{pw + mw, y + tokH, rw, bh - tokH}
	return l
}

// tabbed: request/response on the left, one side pane at a time on the right.
func tabbed(l layout, y, bh int) layout {
	l.Tabbed = true
	mw := l.W * 55 / 100
	sw := l.W - mw
	reqH := requestHeight(bh)
	l.Request = rect{0, y, mw, reqH}
	l.Response = rect{0, y + reqH, mw, bh - reqH}
	l.Tabs = rect{mw, y, sw, 1}
	side := rect{mw, y + 1, sw, bh - 1}
	l.Profiles, l.History, l.Token, l.Why = side, side, side, side
	return l
}

// requestHeight leaves the response most of the column; the request pane
// shows its tabs and as many rows of the open tab as fit.
func requestHeight(bh int) int {
	return min(max(8, bh*2/5), bh/2)
}

func itoa(n int) string { return strconv.Itoa(n) }
