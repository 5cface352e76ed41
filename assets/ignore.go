package assets

import (
	"regexp"
	"strings"
)

// Ignore is a parsed .assetsignore: gitignore syntax (the platform uses the
// npm ignore package), matched against a file's path relative to the
// assets directory. The last matching pattern decides, so "!keep.txt" after
// "*.txt" serves keep.txt. An Ignore is immutable; a nil one ignores
// nothing.
type Ignore struct {
	rules []ignoreRule
}

type ignoreRule struct {
	re     *regexp.Regexp
	negate bool
}

// ParseIgnore reads .assetsignore text. Lines that cannot be a pattern are
// skipped, as gitignore skips them.
func ParseIgnore(src string) *Ignore {
	ig := &Ignore{}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r := ignoreRule{}
		if strings.HasPrefix(line, "!") {
			r.negate, line = true, line[1:]
		} else if strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`) {
			line = line[1:]
		}
		dirOnly := strings.HasSuffix(line, "/")
		line = strings.TrimSuffix(line, "/")
		anchored := strings.Contains(line, "/")
		line = strings.TrimPrefix(line, "/")
		if line == "" {
			continue
		}
		var b strings.Builder
		b.WriteByte('^')
		if !anchored {
			b.WriteString("(?:.*/)?")
		}
		b.WriteString(globRegexp(line))
		if dirOnly {
			b.WriteString("/.+$") // a directory: only what is under it
		} else {
			b.WriteString("(?:/.*)?$") // the file, or everything under a directory of that name
		}
		re, err := regexp.Compile(b.String())
		if err != nil {
			continue
		}
		r.re = re
		ig.rules = append(ig.rules, r)
	}
	return ig
}

// globRegexp turns one gitignore glob into a regular expression.
func globRegexp(g string) string {
	var b strings.Builder
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case strings.HasPrefix(g[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(g[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		case c == '[':
			if j := strings.IndexByte(g[i+1:], ']'); j >= 0 {
				class := g[i+1 : i+1+j]
				if strings.HasPrefix(class, "!") {
					class = "^" + class[1:]
				}
				b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
				i += j + 1
				continue
			}
			b.WriteString(`\[`)
		case c == '\\' && i+1 < len(g):
			i++
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		default:
			b.WriteString(regexp.QuoteMeta(g[i : i+1]))
		}
	}
	return b.String()
}

// Match reports whether the file at rel (slash-separated, relative to the
// assets directory) is ignored.
func (ig *Ignore) Match(rel string) bool {
	if ig == nil {
		return false
	}
	ignored := false
	for _, r := range ig.rules {
		if r.re.MatchString(rel) {
			ignored = !r.negate
		}
	}
	return ignored
}

// Len is the number of patterns.
func (ig *Ignore) Len() int {
	if ig == nil {
		return 0
	}
	return len(ig.rules)
}
