package rawhttp

import "errors"

// Caps on what is parsed. A paste is at most a few pages; these stop a
// mistaken multi-gigabyte file from costing memory, while leaving room for
// large bodies.
const (
	MaxInput         = 16 << 20
	MaxHeaderSection = 1 << 20
	// maxWarnings bounds the warning list so that junk input cannot make
	// it as large as the input.
	maxWarnings = 20
)

var (
	// ErrTooLarge is returned for input longer than MaxInput.
	ErrTooLarge = errors.New("the input is larger than 16 MiB")
	// ErrHeadersTooLarge is returned when one header section, from its
	// first line to the blank line, is longer than MaxHeaderSection.
	ErrHeadersTooLarge = errors.New("a header section is larger than 1 MiB")
	// ErrEmpty is returned for input that is empty or only whitespace.
	ErrEmpty = errors.New("the input is empty")
)
