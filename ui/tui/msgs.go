package tui

import "time"

// tickMsg drives the token countdown. gen ties it to the tick loop that
// scheduled it, so a restarted loop never doubles the rate.
type tickMsg struct {
	gen int
	at  time.Time
}

// pane identifies a focusable pane; the order is the tab order.
type pane int

const (
	paneProfiles pane = iota
	paneHistory
	paneRequest
	paneResponse
	paneToken
	paneWhy
	paneCount
)

// isSide reports whether p folds into the side tabs below the wide width.
func (p pane) isSide() bool {
	return p == paneProfiles || p == paneHistory || p == paneToken || p == paneWhy
}

func (p pane) title() string {
	return [...]string{"Profiles", "History", "Request", "Response", "Token", "Why"}[p]
}
