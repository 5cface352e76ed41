// Package hint attaches what-to-do advice to an error, as a field that
// survives wrapping (k6's errext.WithHint is the model), so the CLI can print
// it on its own "hint:" line without splitting it back out of the text.
//
// Imports: the standard library only. Anything may import it.
package hint

import "errors"

// Hinter is an error that carries a hint of its own (kv.Error does).
type Hinter interface {
	error
	ErrorHint() string
}

type hinted struct {
	err  error
	hint string
}

func (h *hinted) Error() string     { return h.err.Error() }
func (h *hinted) Unwrap() error     { return h.err }
func (h *hinted) ErrorHint() string { return h.hint }

// With returns err with hint attached; the message is unchanged. A nil err
// stays nil, and an empty hint returns err as it is.
func With(err error, hint string) error {
	if err == nil || hint == "" {
		return err
	}
	return &hinted{err: err, hint: hint}
}

// Of returns the outermost hint in err's chain, or "".
func Of(err error) string {
	for err != nil {
		var h Hinter
		if !errors.As(err, &h) {
			return ""
		}
		if s := h.ErrorHint(); s != "" {
			return s
		}
		err = errors.Unwrap(h)
	}
	return ""
}
