package pages

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
)

// Limits of _routes.json, from workers-sdk pages-functions routing/constants.ts.
const (
	RoutesJSONVersion    = 1
	MaxRoutesJSONRules   = 100 // include and exclude together
	MaxRoutesJSONRuleLen = 100 // characters per rule
)

// RoutesJSON is a validated _routes.json: which paths invoke Functions (or
// the _worker.js) at all. Everything else goes straight to the static
// assets, skipping middleware too.
type RoutesJSON struct {
	Include []string
	Exclude []string

	include, exclude []*regexp.Regexp
}

// LoadRoutesJSON reads path (the file may not exist: nil, nil). label is how
// messages name the file, e.g. "public/_routes.json". An invalid file is an
// error with the platform's message: the platform refuses to deploy it.
func LoadRoutesJSON(path, label string) (*RoutesJSON, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseRoutesJSON(src, label)
}

// ParseRoutesJSON validates a _routes.json in the platform's order: shape,
// at least one include rule, at most 100 rules, at most 100 characters per
// rule, every rule starting with "/", no rule ending in "/*" that covers
// another rule of the same list.
func ParseRoutesJSON(src []byte, label string) (*RoutesJSON, error) {
	var raw struct {
		Version *json.Number `json:"version"`
		Include any          `json:"include"`
		Exclude any          `json:"exclude"`
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		where := ""
		switch {
		case errors.As(err, &se):
			line, col := lineCol(src, int(se.Offset))
			where = fmt.Sprintf(" (line %d, column %d: %s)", line, col, se.Error())
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			line, col := lineCol(src, len(src))
			where = fmt.Sprintf(" (line %d, column %d: unexpected end of file)", line, col)
		default:
			where = " (" + err.Error() + ")"
		}
		return nil, routesError(label, routesFormatHelp+"\nThe file is not valid JSON"+where+".")
	}
	include, okInc := stringList(raw.Include)
	exclude, okExc := stringList(raw.Exclude)
	if raw.Version == nil || raw.Version.String() != fmt.Sprint(RoutesJSONVersion) || !okInc || !okExc {
		return nil, routesError(label, routesFormatHelp)
	}
	if len(include) == 0 {
		return nil, routesError(label, "Routes must have at least 1 include rule, but no include rules were detected.")
	}
	if len(include)+len(exclude) > MaxRoutesJSONRules {
		return nil, routesError(label, fmt.Sprintf("Detected rules that are over the %d rule limit. Please make sure you have a total of %d include and exclude rules combined.", MaxRoutesJSONRules, MaxRoutesJSONRules))
	}
	all := append(append([]string(nil), include...), exclude...)
	for _, r := range all {
		if len([]rune(r)) > MaxRoutesJSONRuleLen {
			return nil, routesError(label, fmt.Sprintf("Detected rules the are over the %d character limit. Please make sure that each include and exclude routing rule is at most %d characters long.", MaxRoutesJSONRuleLen, MaxRoutesJSONRuleLen))
		}
	}
	for _, r := range all {
		if !strings.HasPrefix(r, "/") {
			return nil, routesError(label, "All rules must start with '/'.")
		}
	}
	if overlapping(include) || overlapping(exclude) {
		return nil, routesError(label, `Overlapping rules found. Please make sure that rules ending with a splat (eg. "/api/*") don't overlap any other rules (eg. "/api/foo"). This applies to both include and exclude rules individually.`)
	}
	rj := &RoutesJSON{Include: include, Exclude: exclude}
	for _, r := range include {
		rj.include = append(rj.include, routingRuleRegexp(r))
	}
	for _, r := range exclude {
		rj.exclude = append(rj.exclude, routingRuleRegexp(r))
	}
	return rj, nil
}

const routesFormatHelp = `Please make sure the JSON object has the following format:
{
	version: 1;
	include: string[];
	exclude: string[];
}
and that at least one include rule is provided.`

func routesError(label, msg string) error {
	return fmt.Errorf("Invalid _routes.json file found at: %s\n%s", label, msg)
}

func stringList(v any) ([]string, bool) {
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func overlapping(rules []string) bool {
	for _, r := range rules {
		if !strings.HasSuffix(r, "/*") {
			continue
		}
		trimmed := strings.TrimSuffix(r, "*")
		for _, other := range rules {
			if other != r && strings.HasPrefix(other, trimmed) {
				return true
			}
		}
	}
	return false
}

// routingRuleRegexp follows wrangler's isRoutingRuleMatch: "/foo" and
// "/foo/" also match with or without the trailing slash, "/foo/*" also
// matches "/foo", "/foo*" matches any path starting with "/foo", and * is
// any run of characters, slashes included. Everything else is literal.
func routingRuleRegexp(r string) *regexp.Regexp {
	var body string
	switch {
	case r == "/" || r == "/*":
		body = starsToAny(r)
	case strings.HasSuffix(r, "/*"):
		body = starsToAny(strings.TrimSuffix(r, "/*")) + "(?:/.*)?"
	case strings.HasSuffix(r, "/"):
		body = starsToAny(strings.TrimSuffix(r, "/")) + "/?"
	case strings.HasSuffix(r, "*"):
		body = starsToAny(r)
	default:
		body = starsToAny(r) + "/?"
	}
	return regexp.MustCompile("^" + body + "$")
}

func starsToAny(s string) string {
	parts := strings.Split(s, "*")
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return strings.Join(parts, ".*")
}

// Invokes reports whether a request for pathname reaches Functions: not
// when an exclude rule matches, yes when an include rule does, otherwise
// not.
func (rj *RoutesJSON) Invokes(pathname string) bool {
	for _, re := range rj.exclude {
		if re.MatchString(pathname) {
			return false
		}
	}
	for _, re := range rj.include {
		if re.MatchString(pathname) {
			return true
		}
	}
	return false
}

func lineCol(src []byte, off int) (int, int) {
	if off > len(src) {
		off = len(src)
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	col := off - bytes.LastIndexByte(src[:off], '\n')
	return line, col
}
