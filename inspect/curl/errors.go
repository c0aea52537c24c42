package curl

import (
	"errors"
	"fmt"
)

// MaxInput is the largest command Parse accepts. Browser copies carry the
// request body inline, so this is generous, but it keeps a runaway paste
// from costing unbounded memory.
const MaxInput = 16 << 20

// ErrNotCurl is returned when the first word of the input is not curl.
var ErrNotCurl = errors.New("the input is not a curl command: it does not start with the word curl")

// ErrTooLarge is returned for input longer than MaxInput.
var ErrTooLarge = errors.New("the curl command is larger than 16 MiB")

// SyntaxError reports quoting the tokenizer could not close.
type SyntaxError struct {
	// Offset is the byte offset of the opening quote in the input, or -1
	// when it is not known (the Windows cmd form is decoded in two passes).
	Offset int
	// What names the problem, e.g. "an unterminated single quote".
	What string
}

func (e *SyntaxError) Error() string {
	if e.Offset < 0 {
		return fmt.Sprintf("the curl command has %s", e.What)
	}
	return fmt.Sprintf("the curl command has %s starting at byte %d", e.What, e.Offset)
}

func unterminated(what string, offset int) error {
	return &SyntaxError{Offset: offset, What: "an unterminated " + what}
}
