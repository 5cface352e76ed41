package urlpattern

import (
	"errors"
	"fmt"
)

// ErrInvalidPattern is wrapped by every error New and Parse return; the JS
// layer turns it into a TypeError, as the standard asks.
var ErrInvalidPattern = errors.New("invalid URL pattern")

// syntaxError is a tokenizing or parsing error at a code point position.
type syntaxError struct {
	input string
	pos   int
	why   string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("%s at position %d of %q", e.why, e.pos, e.input)
}

func (e *syntaxError) Unwrap() error { return ErrInvalidPattern }

// componentError says which component failed and why.
type componentError struct {
	component string
	err       error
}

func (e *componentError) Error() string {
	return fmt.Sprintf("invalid %s pattern: %v", e.component, e.err)
}

func (e *componentError) Unwrap() []error { return []error{ErrInvalidPattern, e.err} }

// messageError is an ErrInvalidPattern with its own message.
type messageError struct{ msg string }

func (e *messageError) Error() string { return e.msg }

func (e *messageError) Unwrap() error { return ErrInvalidPattern }

// invalid makes an ErrInvalidPattern error from a message.
func invalid(format string, args ...any) error {
	return &messageError{msg: fmt.Sprintf(format, args...)}
}
