package config

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// parseTOML decodes a TOML document into a node tree. BurntSushi/toml does the
// parsing (and reports syntax errors with line and column); it does not expose
// where each key is, so tomlLines scans the already-valid text once more for
// key positions and key order.
func parseTOML(src []byte) (*node, error) {
	var m map[string]any
	if _, err := toml.Decode(string(src), &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			se := &syntaxError{Line: pe.Position.Line, Column: pe.Position.Col, Msg: pe.Message}
			if strings.HasSuffix(pe.Message, `but got '\n' instead`) && se.Line > 1 {
				// The line ended too soon ("[vars" with no "]"): the
				// parser is on the next line by then, but the mistake is
				// at the end of this one.
				if starts := lineStarts(src); se.Line-1 <= len(starts) {
					se.Line--
					end := len(src)
					if se.Line < len(starts) {
						end = starts[se.Line] - 1
					}
					se.Column = end - starts[se.Line-1] + 1
				}
			}
			// Some errors (duplicate keys) carry a column past the end of
			// the line; a wrong column is worse than none.
			if starts := lineStarts(src); se.Line >= 1 && se.Line <= len(starts) {
				end := len(src)
				if se.Line < len(starts) {
					end = starts[se.Line] - 1
				}
				if se.Column > end-starts[se.Line-1]+1 {
					se.Column = 0
				}
			}
			return nil, se
		}
		return nil, &syntaxError{Msg: err.Error()}
	}
	sc := newTOMLScanner(src)
	sc.scan()
	return sc.build("", m, 0), nil
}

// syntaxError is a parse failure at a position in the file.
type syntaxError struct {
	Line, Column int
	Msg          string
	Hint         string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.Line, e.Column, e.Msg)
}

// build turns a decoded TOML value into a node, taking lines and table key
// order from the scan.
func (s *tomlScanner) build(path string, v any, line int) *node {
	switch v := v.(type) {
	case string:
		return &node{kind: kString, str: v, line: line}
	case int64:
		return &node{kind: kInt, i: v, line: line}
	case float64:
		return &node{kind: kFloat, f: v, line: line}
	case bool:
		return &node{kind: kBool, b: v, line: line}
	case time.Time:
		return &node{kind: kDate, date: v, raw: tomlDateText(v), line: line}
	case map[string]any:
		n := &node{kind: kTable, line: line, fields: map[string]*node{}}
		keys := s.order[path]
		for _, k := range sortedKeys(v) { // keys the scan missed, if any
			if !contains(keys, k) {
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			cv, ok := v[k]
			if !ok {
				continue
			}
			cp := keyPath(path, k)
			n.set(k, s.build(cp, cv, s.lines[cp]))
		}
		return n
	case []map[string]any: // array of tables
		n := &node{kind: kArray, line: line}
		for i, t := range v {
			ip := indexPath(path, i)
			n.items = append(n.items, s.build(ip, t, s.lines[ip]))
		}
		return n
	case []any:
		n := &node{kind: kArray, line: line}
		for i, e := range v {
			ip := indexPath(path, i)
			l := s.lines[ip]
			if l == 0 {
				l = line
			}
			n.items = append(n.items, s.build(ip, e, l))
		}
		return n
	default:
		return &node{kind: kString, str: fmt.Sprint(v), line: line}
	}
}

// tomlDateText renders a TOML date/time the way it would be written.
func tomlDateText(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "time-local":
		return t.Format("15:04:05.999999999")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05.999999999")
	default:
		return t.Format(time.RFC3339Nano)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tomlScanner walks a TOML document that BurntSushi has already accepted and
// records, for every key path (kv_namespaces[1].binding), the line where it is
// first defined, and for every table the order its keys appear in. Because the
// input is known to be valid it only needs to recognise structure: headers,
// keys, strings (so that brackets inside them are ignored), arrays and inline
// tables.
type tomlScanner struct {
	src   []byte
	pos   int
	line  int
	lines map[string]int      // key path -> 1-based line
	order map[string][]string // table path -> keys in order
	aot   map[string]int      // array-of-tables path -> elements so far
}

func newTOMLScanner(src []byte) *tomlScanner {
	return &tomlScanner{
		src:   src,
		line:  1,
		lines: map[string]int{},
		order: map[string][]string{},
		aot:   map[string]int{},
	}
}

func (s *tomlScanner) eof() bool { return s.pos >= len(s.src) }

func (s *tomlScanner) peek(off int) byte {
	if s.pos+off < len(s.src) {
		return s.src[s.pos+off]
	}
	return 0
}

func (s *tomlScanner) advance() {
	if s.src[s.pos] == '\n' {
		s.line++
	}
	s.pos++
}

// record notes that key appears under parent at line (first definition wins).
func (s *tomlScanner) record(parent, key string, line int) string {
	p := keyPath(parent, key)
	if _, ok := s.lines[p]; !ok {
		s.lines[p] = line
		s.order[parent] = append(s.order[parent], key)
	}
	return p
}

func (s *tomlScanner) scan() {
	table := "" // path of the current [table]
	for {
		s.skipSpaceNewlinesComments()
		if s.eof() {
			return
		}
		start := s.pos
		if s.peek(0) == '[' {
			table = s.header()
		} else {
			line := s.line
			keys := s.key()
			p := table
			for _, k := range keys {
				p = s.record(p, k, line)
			}
			s.skipSpace()
			if s.peek(0) == '=' {
				s.pos++
			}
			s.value(p)
		}
		if s.pos == start { // never loop without progress
			s.advance()
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the path of the table it opens.
func (s *tomlScanner) header() string {
	line := s.line
	array := s.peek(1) == '['
	if array {
		s.pos += 2
	} else {
		s.pos++
	}
	keys := s.key()
	s.skipSpace()
	for !s.eof() && s.peek(0) == ']' {
		s.pos++
	}
	p := ""
	for i, k := range keys {
		p = s.record(p, k, line)
		last := i == len(keys)-1
		switch {
		case last && array:
			n := s.aot[p]
			s.aot[p] = n + 1
			p = indexPath(p, n)
			s.lines[p] = line
		case s.aot[p] > 0:
			// [fruit.physical] after [[fruit]] means the last fruit.
			p = indexPath(p, s.aot[p]-1)
		}
	}
	return p
}

// key reads a dotted key (bare, "basic" or 'literal' parts) and returns the parts.
func (s *tomlScanner) key() []string {
	var parts []string
	for {
		s.skipSpace()
		if s.eof() {
			return parts
		}
		switch c := s.peek(0); {
		case c == '"':
			start := s.pos
			s.skipBasicString()
			raw := string(s.src[start:s.pos])
			if k, err := strconv.Unquote(raw); err == nil {
				parts = append(parts, k)
			} else if len(raw) >= 2 {
				parts = append(parts, raw[1:len(raw)-1])
			}
		case c == '\'':
			start := s.pos
			s.skipLiteralString()
			raw := string(s.src[start:s.pos])
			if len(raw) >= 2 {
				parts = append(parts, raw[1:len(raw)-1])
			}
		default:
			start := s.pos
			for !s.eof() && isBareKeyByte(s.peek(0)) {
				s.pos++
			}
			if s.pos == start {
				return parts
			}
			parts = append(parts, string(s.src[start:s.pos]))
		}
		s.skipSpace()
		if s.peek(0) != '.' {
			return parts
		}
		s.pos++
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// value skips one value, recording the positions of array elements and of
// keys inside inline tables under path.
func (s *tomlScanner) value(path string) {
	s.skipSpace()
	switch c := s.peek(0); {
	case c == '"':
		s.skipBasicString()
	case c == '\'':
		s.skipLiteralString()
	case c == '[':
		s.pos++
		for i := 0; ; i++ {
			s.skipSpaceNewlinesComments()
			if s.eof() {
				return
			}
			if s.peek(0) == ']' {
				s.pos++
				return
			}
			ip := indexPath(path, i)
			s.lines[ip] = s.line
			start := s.pos
			s.value(ip)
			s.skipSpaceNewlinesComments()
			if s.peek(0) == ',' {
				s.pos++
			} else if s.pos == start {
				s.advance()
			}
		}
	case c == '{':
		s.pos++
		for {
			s.skipSpaceNewlinesComments()
			if s.eof() {
				return
			}
			if s.peek(0) == '}' {
				s.pos++
				return
			}
			start := s.pos
			line := s.line
			p := path
			for _, k := range s.key() {
				p = s.record(p, k, line)
			}
			s.skipSpace()
			if s.peek(0) == '=' {
				s.pos++
			}
			s.value(p)
			s.skipSpaceNewlinesComments()
			if s.peek(0) == ',' {
				s.pos++
			} else if s.pos == start {
				s.advance()
			}
		}
	default: // number, bool, date: runs to a delimiter
		for !s.eof() {
			switch s.peek(0) {
			case ',', ']', '}', '#', '\n', '\r':
				return
			}
			s.pos++
		}
	}
}

// skipBasicString skips "..." or """...""" with backslash escapes.
func (s *tomlScanner) skipBasicString() { s.skipString('"', true) }

// skipLiteralString skips '...' or ”'...”' (no escapes).
func (s *tomlScanner) skipLiteralString() { s.skipString('\'', false) }

// skipString skips a string quoted with q, single-line or triple-quoted.
// A single-line string also ends at a newline, so that a broken line does
// not swallow the rest of the file.
func (s *tomlScanner) skipString(q byte, escapes bool) {
	if s.peek(1) == q && s.peek(2) == q {
		s.pos += 3
		for !s.eof() {
			if escapes && s.peek(0) == '\\' {
				s.advance()
				if !s.eof() {
					s.advance()
				}
				continue
			}
			if s.peek(0) == q && s.peek(1) == q && s.peek(2) == q {
				s.pos += 3
				for i := 0; i < 2 && s.peek(0) == q; i++ { // """a"""" ends with a quote
					s.pos++
				}
				return
			}
			s.advance()
		}
		return
	}
	s.pos++
	for !s.eof() {
		switch c := s.peek(0); {
		case escapes && c == '\\':
			s.pos++
			if !s.eof() {
				s.advance()
			}
			continue
		case c == q:
			s.pos++
			return
		case c == '\n':
			return
		}
		s.pos++
	}
}

func (s *tomlScanner) skipSpace() {
	for !s.eof() && (s.peek(0) == ' ' || s.peek(0) == '\t') {
		s.pos++
	}
}

func (s *tomlScanner) skipSpaceNewlinesComments() {
	for !s.eof() {
		switch s.peek(0) {
		case ' ', '\t', '\r', '\n':
			s.advance()
		case '#':
			for !s.eof() && s.peek(0) != '\n' {
				s.pos++
			}
		default:
			return
		}
	}
}
