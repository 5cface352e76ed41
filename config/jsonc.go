package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
)

// parseJSONC decodes wrangler.json or wrangler.jsonc (both may hold comments
// and trailing commas, as with wrangler) into a node tree. Comments and
// trailing commas are blanked out first without moving any byte, so every
// offset the JSON decoder reports is still a valid position in the user's file.
func parseJSONC(src []byte) (*node, error) {
	clean, err := stripJSONC(src)
	if err != nil {
		return nil, err
	}
	p := &jsonParser{lineStarts: lineStarts(clean)}
	p.dec = json.NewDecoder(bytes.NewReader(clean))
	p.dec.UseNumber()

	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		line, col := p.pos(p.dec.InputOffset() - 1)
		return nil, &syntaxError{Line: line, Column: col, Msg: "the file must hold one JSON object ({ ... }) at the top level"}
	}
	root, err := p.object(1)
	if err != nil {
		return nil, err
	}
	if tok, err := p.dec.Token(); err != io.EOF {
		if err != nil {
			return nil, p.syntax(err)
		}
		_ = tok
		line, col := p.pos(p.dec.InputOffset() - 1)
		return nil, &syntaxError{Line: line, Column: col, Msg: "unexpected content after the top-level object"}
	}
	return root, nil
}

type jsonParser struct {
	dec        *json.Decoder
	lineStarts []int
}

// object reads the members of an object whose '{' was just consumed.
func (p *jsonParser) object(line int) (*node, error) {
	n := &node{kind: kTable, line: line, fields: map[string]*node{}}
	for p.dec.More() {
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.syntax(err)
		}
		key, _ := tok.(string)
		keyLine, _ := p.pos(p.dec.InputOffset() - 1)
		v, err := p.value(keyLine)
		if err != nil {
			return nil, err
		}
		n.set(key, v) // a repeated key wins, as in JavaScript
	}
	if _, err := p.dec.Token(); err != nil { // '}'
		return nil, p.syntax(err)
	}
	return n, nil
}

// value reads one value; line is where its key is, or -1 for array elements
// (which take the line of their first token).
func (p *jsonParser) value(line int) (*node, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(err)
	}
	if line < 0 {
		line, _ = p.pos(p.dec.InputOffset() - 1)
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return p.object(line)
		}
		n := &node{kind: kArray, line: line}
		for p.dec.More() {
			it, err := p.value(-1)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, it)
		}
		if _, err := p.dec.Token(); err != nil { // ']'
			return nil, p.syntax(err)
		}
		return n, nil
	case string:
		return &node{kind: kString, str: t, line: line}, nil
	case json.Number:
		if i, err := strconv.ParseInt(string(t), 10, 64); err == nil {
			return &node{kind: kInt, i: i, line: line}, nil
		}
		f, _ := t.Float64()
		return &node{kind: kFloat, f: f, line: line}, nil
	case bool:
		return &node{kind: kBool, b: t, line: line}, nil
	default: // nil
		return &node{kind: kNull, line: line}, nil
	}
}

// syntax converts a decoder error into a positioned syntaxError.
func (p *jsonParser) syntax(err error) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		// Offset counts the bytes read before the offending one.
		line, col := p.pos(se.Offset)
		e := &syntaxError{Line: line, Column: col, Msg: se.Error()}
		if strings.Contains(e.Msg, "after object key:value pair") || strings.Contains(e.Msg, "after array element") {
			e.Hint = "is a comma missing at the end of the previous value?"
		}
		return e
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		line, col := p.pos(p.dec.InputOffset())
		return &syntaxError{Line: line, Column: col, Msg: "unexpected end of file; a closing } or ] is missing"}
	default:
		line, col := p.pos(p.dec.InputOffset())
		return &syntaxError{Line: line, Column: col, Msg: err.Error()}
	}
}

// pos converts a byte offset to a 1-based line and column.
func (p *jsonParser) pos(off int64) (line, col int) {
	return offsetPos(p.lineStarts, int(off))
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func offsetPos(starts []int, off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - starts[i] + 1
}

// stripJSONC returns a copy of src in which // and /* */ comments and trailing
// commas (a comma followed only by space before } or ]) are replaced by
// spaces. Newlines inside block comments are kept, so line and column numbers
// do not move. Strings are left alone, comment markers inside them included.
func stripJSONC(src []byte) ([]byte, error) {
	out := bytes.Clone(src)
	starts := lineStarts(src)

	// Pass 1: comments.
	for i := 0; i < len(out); i++ {
		switch {
		case out[i] == '"':
			i = skipJSONString(out, i)
		case out[i] == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case out[i] == '/' && i+1 < len(out) && out[i+1] == '*':
			start := i
			end := bytes.Index(out[i+2:], []byte("*/"))
			if end < 0 {
				line, col := offsetPos(starts, start)
				return nil, &syntaxError{Line: line, Column: col, Msg: "this /* comment is never closed with */"}
			}
			end += i + 4
			for ; i < end; i++ {
				if out[i] != '\n' && out[i] != '\r' {
					out[i] = ' '
				}
			}
			i--
		}
	}

	// Pass 2: trailing commas, on comment-free text.
	for i := 0; i < len(out); i++ {
		switch out[i] {
		case '"':
			i = skipJSONString(out, i)
		case ',':
			j := i + 1
			for j < len(out) && isJSONSpace(out[j]) {
				j++
			}
			if j < len(out) && (out[j] == '}' || out[j] == ']') {
				out[i] = ' '
			}
		}
	}
	return out, nil
}

// skipJSONString returns the index of the closing quote of the string that
// opens at src[i] (or the last index if it never closes).
func skipJSONString(src []byte, i int) int {
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '"':
			return i
		case '\n':
			return i - 1 // unterminated; let the decoder report it
		}
	}
	return len(src) - 1
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
