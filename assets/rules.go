package assets

import (
	"errors"
	"regexp"
	"strings"
)

// rule is the compiled source pattern of a _redirects or _headers rule: a
// path (or an https:// URL) where * is a splat (":splat" in the target) and
// :name a placeholder. It follows the platform's rulesEngine.ts: the whole
// pathname must match (case-sensitive), a splat matches anything including
// slashes, a path placeholder one segment, and a placeholder in the host
// part of an https:// rule one DNS label.
type rule struct {
	re        *regexp.Regexp
	crossHost bool
	names     []string // capture names in pattern order (JS result.groups order)
}

// ruleEscapes are the characters the platform escapes in a rule before
// turning it into a RegExp.
const ruleEscapes = `-/\^$*+?.()|[]{}`

var errDuplicateName = errors.New("uses the same placeholder (or :splat) twice, which the platform cannot compile, so it ignores the rule")

// compileRule builds the matcher for a rule's source. A rule the platform's
// RegExp constructor would reject (two splats, a repeated placeholder) is an
// error: the platform drops such rules silently, edgedev says so.
func compileRule(src string) (*rule, error) {
	r := &rule{crossHost: strings.HasPrefix(src, "https://")}
	hostEnd := -1 // index in src where the host part of an https:// rule ends
	if r.crossHost {
		hostEnd = len(src)
		if i := strings.IndexByte(src[len("https://"):], '/'); i >= 0 {
			hostEnd = len("https://") + i
		}
	}
	var b strings.Builder
	b.WriteByte('^')
	seen := map[string]bool{}
	addName := func(n string) error {
		if seen[n] {
			return errDuplicateName
		}
		seen[n] = true
		r.names = append(r.names, n)
		return nil
	}
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '*':
			if err := addName("splat"); err != nil {
				return nil, err
			}
			b.WriteString(`(?P<splat>.*)`)
			i++
		case c == ':' && i+1 < len(src) && isASCIILetter(src[i+1]):
			j := i + 2
			for j < len(src) && isWordByte(src[j]) {
				j++
			}
			name := src[i+1 : j]
			if err := addName(name); err != nil {
				return nil, err
			}
			// In the host, the platform only treats a placeholder as a host
			// label when an escaped character follows it (":sub.example.com").
			if i < hostEnd && j < len(src) && strings.IndexByte(ruleEscapes, src[j]) >= 0 {
				b.WriteString(`(?P<` + name + `>[^/.]+)`)
			} else {
				b.WriteString(`(?P<` + name + `>[^/]+)`)
			}
			i = j
		default:
			b.WriteString(regexp.QuoteMeta(src[i : i+1]))
			i++
		}
	}
	b.WriteByte('$')
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, err
	}
	r.re = re
	return r, nil
}

// replacement is one captured placeholder, in pattern order.
type replacement struct{ name, value string }

// match tests the rule against a request; host rules see
// "https://" + hostname + pathname whatever the request's scheme.
func (r *rule) match(hostname, pathname string) ([]replacement, bool) {
	test := pathname
	if r.crossHost {
		test = "https://" + hostname + pathname
	}
	m := r.re.FindStringSubmatch(test)
	if m == nil {
		return nil, false
	}
	reps := make([]replacement, 0, len(r.names))
	for i, n := range r.re.SubexpNames() {
		if n != "" {
			reps = append(reps, replacement{n, m[i]})
		}
	}
	return reps, true
}

// replace substitutes ":name" in s with each captured value in turn, as the
// platform's replacer does (plain text replacement, in capture order).
func replace(s string, reps []replacement) string {
	for _, r := range reps {
		s = strings.ReplaceAll(s, ":"+r.name, r.value)
	}
	return s
}

// hasPlaceholder reports a "*" or ":word" in a rule source: the platform's
// test for a dynamic rule (SPLAT_REGEX, PLACEHOLDER_REGEX = /:\w+/).
func hasPlaceholder(s string) bool {
	if strings.Contains(s, "*") {
		return true
	}
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ':' && isWordByte(s[i+1]) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }
func isWordByte(c byte) bool    { return isASCIILetter(c) || ('0' <= c && c <= '9') || c == '_' }
