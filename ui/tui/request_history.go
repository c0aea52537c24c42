package tui

import "strings"

// urlHistory is the URLs sent in this session, oldest first. While the user
// browses it with up/down, at is the entry shown and draft keeps what was
// typed before, which down past the newest entry brings back.
type urlHistory struct {
	urls  []string
	at    int
	draft string
}

func (h *urlHistory) reset() { h.at, h.draft = len(h.urls), "" }

// stopBrowsing: typing makes the shown entry the new draft.
func (h *urlHistory) stopBrowsing() { h.at = len(h.urls) }

// add remembers u as the newest entry, once.
func (h *urlHistory) add(u string) {
	u = strings.TrimSpace(u)
	if u == "" {
		return
	}
	for i, v := range h.urls {
		if v == u {
			h.urls = append(h.urls[:i], h.urls[i+1:]...)
			break
		}
	}
	h.urls = append(h.urls, u)
	if len(h.urls) > maxURLHistory {
		h.urls = h.urls[len(h.urls)-maxURLHistory:]
	}
	h.reset()
}

// back returns the next older URL; current is saved as the draft when
// browsing starts.
func (h *urlHistory) back(current string) (string, bool) {
	if h.at >= len(h.urls) {
		h.at, h.draft = len(h.urls), current
	}
	if h.at == 0 {
		return "", false
	}
	h.at--
	return h.urls[h.at], true
}

// forward returns the next newer URL, and the draft after the newest.
func (h *urlHistory) forward() (string, bool) {
	if h.at >= len(h.urls) {
		return "", false
	}
	h.at++
	if h.at == len(h.urls) {
		return h.draft, true
	}
	return h.urls[h.at], true
}
