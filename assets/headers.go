package assets

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
)

// Limits of _headers, from reference/workers-platform.md section 5.6.
const (
	MaxHeaderRules     = 100
	MaxHeaderLineBytes = 2000
)

// Headers is a parsed _headers file: rules in file order, each a URL
// pattern with headers to set and names to remove. A Headers is immutable.
type Headers struct {
	rules []headerRule
}

type headerRule struct {
	path  string
	line  int
	set   []headerValue // in first-seen order, names lowercase
	unset []string
	rule  *rule
}

type headerValue struct{ name, value string }

// lineLikePath is the platform's test for a rule's first line: a path or
// something with a scheme.
var lineLikePath = regexp.MustCompile(`^([^\s]+://|/)`)

// ParseHeaders reads a _headers file the way the platform does: a URL
// pattern line starts a rule, indented (or not) `Name: value` lines add
// headers to it, `! Name` lines remove one. A bad line is skipped with a
// warning naming file and line. Two rules with the same pattern: the later
// one replaces the earlier, keeping its place.
func ParseHeaders(src, file string) (*Headers, []Warning) {
	lines := strings.Split(src, "\n")
	hs := &Headers{}
	var warnings []Warning
	warn := func(line int, text, format string, args ...any) {
		warnings = append(warnings, Warning{File: file, Line: line, Text: text, Message: fmt.Sprintf(format, args...)})
	}
	index := map[string]int{}
	var cur *headerRule
	curText := ""
	count := 0
	finish := func() {
		if cur == nil {
			return
		}
		if len(cur.set) == 0 && len(cur.unset) == 0 {
			warn(cur.line, curText, "No headers specified")
			cur = nil
			return
		}
		count++
		r, err := compileRule(cur.path)
		if err != nil {
			warn(cur.line, curText, "The rule %s %s", cur.path, err)
			cur = nil
			return
		}
		cur.rule = r
		if i, ok := index[cur.path]; ok {
			hs.rules[i] = *cur
		} else {
			index[cur.path] = len(hs.rules)
			hs.rules = append(hs.rules, *cur)
		}
		cur = nil
	}
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(line) > MaxHeaderLineBytes {
			warn(n, "", "Ignoring line %d as it exceeds the maximum allowed length of %d.", n, MaxHeaderLineBytes)
			continue
		}
		if lineLikePath.MatchString(line) {
			finish()
			if count >= MaxHeaderRules {
				warn(n, "", "Maximum number of rules supported is %d. Skipping remaining %d lines of file.", MaxHeaderRules, len(lines)-i)
				break
			}
			p, msg := validateURL(line, false, true, false)
			if msg != "" {
				warn(n, line, "%s", msg)
				continue
			}
			cur = &headerRule{path: p, line: n}
			curText = line
			continue
		}
		if !strings.Contains(line, ":") {
			switch {
			case cur == nil:
				warn(n, line, "Expected a path beginning with at least one forward-slash")
			case strings.HasPrefix(line, "! "):
				cur.unset = append(cur.unset, strings.Replace(line, "! ", "", 1))
			default:
				warn(n, line, "Expected a colon-separated header pair (e.g. name: value)")
			}
			continue
		}
		rawName, rawValue, _ := strings.Cut(line, ":")
		name := strings.ToLower(strings.TrimSpace(rawName))
		if strings.Contains(name, " ") {
			warn(n, line, "Header name cannot include spaces")
			continue
		}
		value := strings.TrimSpace(rawValue)
		if name == "" {
			warn(n, line, "No header name specified")
			continue
		}
		if value == "" {
			warn(n, line, "No header value specified")
			continue
		}
		if cur == nil {
			warn(n, line, "Path should come before header (%s: %s)", name, value)
			continue
		}
		merged := false
		for j := range cur.set {
			if cur.set[j].name == name {
				cur.set[j].value += ", " + value
				merged = true
			}
		}
		if !merged {
			cur.set = append(cur.set, headerValue{name, value})
		}
	}
	finish()
	return hs, warnings
}

// Apply adds the headers of every matching rule to h, in file order: a
// rule's "! Name" lines remove first, then its headers are set; a header a
// previous rule already set is appended to (and so joined with ", ").
// Headers the response had before are overwritten, not joined.
func (hs *Headers) Apply(h http.Header, hostname, pathname string) {
	if hs == nil {
		return
	}
	setBy := map[string]bool{}
	for i := range hs.rules {
		r := &hs.rules[i]
		reps, ok := r.rule.match(hostname, pathname)
		if !ok {
			continue
		}
		for _, name := range r.unset {
			h.Del(name)
		}
		for _, v := range r.set {
			value := replace(v.value, reps)
			if setBy[v.name] {
				// JS Headers.append: one header, values joined with ", ".
				h.Set(v.name, h.Get(v.name)+", "+value)
			} else {
				h.Set(v.name, value)
				setBy[v.name] = true
			}
		}
	}
}

// Len is the number of rules in effect.
func (hs *Headers) Len() int {
	if hs == nil {
		return 0
	}
	return len(hs.rules)
}
