package assets

import "fmt"

// Warning is a problem edgedev works around: a bad line in _headers or
// _redirects (skipped, as the platform skips it), a shadowed function file.
// It never stops the server.
type Warning struct {
	// File is the file, relative to the project, e.g. "public/_redirects".
	File string
	// Line is the 1-based line, or 0 when the problem is not on one line.
	Line int
	// Message says what is wrong and what happens instead.
	Message string
	// Text is the offending line, if any.
	Text string
}

func (w Warning) String() string {
	loc := w.File
	if w.Line > 0 {
		loc = fmt.Sprintf("%s:%d", w.File, w.Line)
	}
	if w.Text != "" {
		return fmt.Sprintf("%s: %s\n    %s", loc, w.Message, w.Text)
	}
	return loc + ": " + w.Message
}
