// Package hint attaches what-to-do advice to an error, as a field that
// survives wrapping (k6's errext.WithHint is the model), so the CLI can print
// it on its own "hint:" line without splitting it back out of the text.
//
// Imports: the standard library only. Anything may import it.
package hint

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

// Of returns the first hint in err's tree (depth first, the outer error
// before what it wraps, as errors.As walks it), or "".
func Of(err error) string {
	if err == nil {
		return ""
	}
	if h, ok := err.(Hinter); ok && h.ErrorHint() != "" {
		return h.ErrorHint()
	}
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return Of(u.Unwrap())
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			if s := Of(e); s != "" {
				return s
			}
		}
	}
	return ""
}
