package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Finding the config file.

// ErrNotFound means no wrangler.json, wrangler.jsonc or wrangler.toml exists in
// the start directory or any of its parents. Find wraps it with the directory
// it started from; test for it with errors.Is.
var ErrNotFound = errors.New("no wrangler config file found")

// Diagnostic is one problem or warning about a file: where it is, which key,
// what is wrong and, separately, what to do about it. Problems carry their
// errors as Diagnostics; Load returns warnings as Diagnostics.
type Diagnostic struct {
	File    string // path of the file the diagnostic is about (as given to Load/LoadDevVars)
	Line    int    // 1-based line of the key; 0 when the key is not in the file
	Column  int    // 1-based column; only set for syntax errors
	Key     string // dotted key path such as "kv_namespaces[1].binding"; "" for syntax errors
	Message string // what is wrong, e.g. `kv_namespaces[1].binding is required`
	Hint    string // what to do about it; "" when the message says it all
}

// String renders the diagnostic on one line, without the hint:
//
//	wrangler.toml line 12: unknown key "kv_namespace"; did you mean "kv_namespaces"?
//
// The CLI prints a warning as "warning: " + d.String(), then the hint (if any)
// on its own "hint:" line.
func (d Diagnostic) String() string {
	name := filepath.Base(d.File)
	if loc := d.location(); loc != "" {
		return name + " " + loc + ": " + d.Message
	}
	return name + ": " + d.Message
}

// location renders "line 3" or "line 3, column 7", or "" without a line.
func (d Diagnostic) location() string {
	switch {
	case d.Line <= 0:
		return ""
	case d.Column > 0:
		return fmt.Sprintf("line %d, column %d", d.Line, d.Column)
	default:
		return fmt.Sprintf("line %d", d.Line)
	}
}

// Problems is every error found in one file, returned all at once so the user
// can fix them in one go. Load and LoadDevVars return it as their error; get at
// it with errors.As.
type Problems struct {
	File string       // path of the file (as given to Load/LoadDevVars)
	List []Diagnostic // at least one; ordered by line, problems without a line first
}

// Error renders the whole list, one problem per line, each hint indented under
// its problem:
//
//	wrangler.toml has 2 problems
//	  - line 3: compatibility_date must look like 2024-09-23 (got "yesterday")
//	  - line 9: kv_namespaces[1].binding is required
func (p *Problems) Error() string {
	var b strings.Builder
	n := len(p.List)
	fmt.Fprintf(&b, "%s has %d problem", filepath.Base(p.File), n)
	if n != 1 {
		b.WriteString("s")
	}
	for _, d := range p.List {
		b.WriteString("\n  - ")
		if loc := d.location(); loc != "" {
			b.WriteString(loc)
			b.WriteString(": ")
		}
		b.WriteString(d.Message)
		if d.Hint != "" {
			b.WriteString("\n    hint: ")
			b.WriteString(d.Hint)
		}
	}
	return b.String()
}
