package resourcemeta

import (
	"fmt"
	"strings"

	"github.com/why401/why401/inspect/excerpt"
)

// show renders a value for a message (see package excerpt).
func show(s string) string { return excerpt.Of(s) }

// maxListed bounds how many values of a list a message names.
const maxListed = 8

// list shows a list of values for a message.
func list(vals []string) string {
	if len(vals) == 0 {
		return "none"
	}
	var shown []string
	for i, v := range vals {
		if i == maxListed {
			shown = append(shown, fmt.Sprintf("and %d more", len(vals)-i))
			break
		}
		shown = append(shown, show(v))
	}
	return strings.Join(shown, ", ")
}
