package assets

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"edgedev/weburl"
)

// Limits of _redirects, from reference/workers-platform.md section 5.6 and
// pages-shared metadata-generator/constants.ts.
const (
	MaxStaticRedirects   = 2000 // rules without * or :placeholder
	MaxDynamicRedirects  = 100  // rules with them (and static rules after one)
	MaxRedirectLineBytes = 1000 // the docs' per-line limit for _redirects
)

// Redirects is a parsed _redirects file. Static rules (no splat or
// placeholder, before the first dynamic rule) are looked up exactly; the
// others are tried top to bottom. A Redirects is immutable.
type Redirects struct {
	static  map[string]redirectRule // by source: a path, or https://host/path
	dynamic []redirectRule
}

type redirectRule struct {
	from   string
	to     string
	status int
	line   int
	rule   *rule // dynamic rules only
}

// Redirect is what a matching rule asks for.
type Redirect struct {
	Status int    // 200 (rewrite), 301, 302, 303, 307 or 308
	To     string // the target with placeholders substituted
	Line   int    // the rule's line in _redirects
}

var permittedRedirectStatus = map[int]bool{200: true, 301: true, 302: true, 303: true, 307: true, 308: true}

// ParseRedirects reads a _redirects file the way the platform does: one
// `<source> <destination> [status]` per line, # comments, blank lines
// ignored. A bad line is skipped with a warning naming file and line, never
// an error; so is every line past a limit. file is how warnings name the
// file, e.g. "public/_redirects".
func ParseRedirects(src, file string) (*Redirects, []Warning) {
	lines := strings.Split(src, "\n")
	rd := &Redirects{static: map[string]redirectRule{}}
	var warnings []Warning
	warn := func(line int, text, format string, args ...any) {
		warnings = append(warnings, Warning{File: file, Line: line, Text: text, Message: fmt.Sprintf(format, args...)})
	}
	seen := map[string]bool{}
	staticRules, dynamicRules := 0, 0
	canBeStatic := true // parse-time counting, as parseRedirects.ts
	staticTable := true // where valid rules go, as createMetadataObject.ts
	for i, raw := range lines {
		n := i + 1
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(line) > MaxRedirectLineBytes {
			warn(n, "", "Ignoring line %d as it exceeds the maximum allowed length of %d.", n, MaxRedirectLineBytes)
			continue
		}
		tokens := strings.Fields(line)
		if len(tokens) < 2 || len(tokens) > 3 {
			warn(n, line, "Expected exactly 2 or 3 whitespace-separated tokens. Got %d.", len(tokens))
			continue
		}
		strStatus := "302"
		if len(tokens) == 3 {
			strStatus = tokens[2]
		}
		from, msg := validateURL(tokens[0], true, false, false)
		if msg != "" {
			warn(n, line, "%s", msg)
			continue
		}
		if canBeStatic && !hasPlaceholder(from) {
			staticRules++
			if staticRules > MaxStaticRedirects {
				warn(n, line, "Maximum number of static rules supported is %d. Skipping line.", MaxStaticRedirects)
				continue
			}
		} else {
			dynamicRules++
			canBeStatic = false
			if dynamicRules > MaxDynamicRedirects {
				warn(n, line, "Maximum number of dynamic rules supported is %d. Skipping remaining %d lines of file.", MaxDynamicRedirects, len(lines)-i)
				break
			}
		}
		to, msg := validateURL(tokens[1], false, true, true)
		if msg != "" {
			warn(n, line, "%s", msg)
			continue
		}
		status, err := strconv.Atoi(strStatus)
		if err != nil || !permittedRedirectStatus[status] {
			warn(n, line, "Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got %s.", strStatus)
			continue
		}
		if seen[from] {
			warn(n, line, "Ignoring duplicate rule for path %s.", from)
			continue
		}
		seen[from] = true
		if status == 200 && !strings.HasPrefix(to, "/") {
			// The platform warns and keeps the rule; a proxy to another host
			// then simply finds no asset.
			warn(n, line, "Proxy (200) redirects can only point to relative paths. Got %s", to)
		}
		r := redirectRule{from: from, to: to, status: status, line: n}
		if !hasPlaceholder(from) && staticTable {
			rd.static[from] = r
			continue
		}
		staticTable = false
		cr, err := compileRule(from)
		if err != nil {
			warn(n, line, "The rule %s %s", from, err)
			continue
		}
		r.rule = cr
		rd.dynamic = append(rd.dynamic, r)
	}
	return rd, warnings
}

// Match finds the rule for a request: an exact static rule first (with or
// without the host; the earlier line wins if both exist), then the first
// dynamic rule from the top. pathname is the URL's raw pathname; host is
// the URL's host (with port) and hostname without.
func (rd *Redirects) Match(host, hostname, pathname string) (Redirect, bool) {
	if rd == nil {
		return Redirect{}, false
	}
	withHost, okHost := rd.static["https://"+host+pathname]
	plain, okPlain := rd.static[pathname]
	switch {
	case okHost && okPlain:
		if withHost.line < plain.line {
			return Redirect{withHost.status, withHost.to, withHost.line}, true
		}
		return Redirect{plain.status, plain.to, plain.line}, true
	case okHost:
		return Redirect{withHost.status, withHost.to, withHost.line}, true
	case okPlain:
		return Redirect{plain.status, plain.to, plain.line}, true
	}
	for _, r := range rd.dynamic {
		if reps, ok := r.rule.match(hostname, pathname); ok {
			return Redirect{r.status, replace(r.to, reps), r.line}, true
		}
	}
	return Redirect{}, false
}

// Len is the number of rules in effect.
func (rd *Redirects) Len() int {
	if rd == nil {
		return 0
	}
	return len(rd.static) + len(rd.dynamic)
}

var urlWithHostRe = regexp.MustCompile(`^https://+([^/]+)/?(.*)`)

var relativeBase, _ = weburl.Parse("relative://", nil)

// validateURL normalises a rule's source or destination the way the
// platform's validateURL.ts does: an https:// URL keeps its host, a path is
// run through the URL parser (so "/a/../b" is "/b" and spaces are
// percent-encoded). It returns the normalised text, or "" and the platform's
// message.
func validateURL(token string, onlyRelative, includeSearch, includeHash bool) (string, string) {
	if m := urlWithHostRe.FindStringSubmatch(token); m != nil && m[1] != "" {
		if onlyRelative {
			return "", "Only relative URLs are allowed. Skipping absolute URL " + token + "."
		}
		p, ok := extractPathname(m[2], includeSearch, includeHash)
		if !ok {
			return "", "Error parsing URL segment " + token + ". Skipping."
		}
		return "https://" + m[1] + p, ""
	}
	if !strings.HasPrefix(token, "/") && onlyRelative {
		token = "/" + token
	}
	if strings.HasPrefix(token, "/") {
		p, ok := extractPathname(token, includeSearch, includeHash)
		if !ok {
			return "", "Error parsing URL segment " + token + ". Skipping."
		}
		return p, ""
	}
	if onlyRelative {
		return "", "URLs should begin with a forward-slash."
	}
	return "", `URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with "https://").`
}

func extractPathname(p string, includeSearch, includeHash bool) (string, bool) {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	u, err := weburl.Parse("//"+p, relativeBase)
	if err != nil {
		return "", false
	}
	out := u.Pathname()
	if includeSearch {
		out += u.Search()
	}
	if includeHash {
		out += u.Hash()
	}
	return out, true
}
