package bundler

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"sort"
	"strings"
)

// sourceMap is the part of a source map (v3) the lint needs: where a
// generated line:column came from.
type sourceMap struct {
	sources []string
	lines   [][]mapping // by generated line (0-based)
}

// mapping is one segment: a generated column and the original position it
// maps to (all 0-based; columns in UTF-16 code units, as esbuild writes).
type mapping struct {
	genCol, src, line, col int
}

const inlineMapPrefix = "//# sourceMappingURL=data:application/json;base64,"

// inlineSourceMap decodes the inline map at the end of an esbuild bundle and
// returns it with the script's length before the map comment.
func inlineSourceMap(script string) (*sourceMap, int, error) {
	i := strings.LastIndex(script, inlineMapPrefix)
	if i < 0 {
		return nil, len(script), errors.New("no inline source map")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(script[i+len(inlineMapPrefix):]))
	if err != nil {
		return nil, i, err
	}
	var m struct {
		Sources  []string `json:"sources"`
		Mappings string   `json:"mappings"`
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, i, err
	}
	sm, err := decodeMappings(m.Mappings)
	if err != nil {
		return nil, i, err
	}
	sm.sources = m.Sources
	return sm, i, nil
}

// decodeMappings decodes the base64 VLQ "mappings" field.
func decodeMappings(s string) (*sourceMap, error) {
	sm := &sourceMap{lines: [][]mapping{nil}}
	var src, line, col int
	genCol := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case ';':
			sm.lines = append(sm.lines, nil)
			genCol = 0
			i++
			continue
		case ',':
			i++
			continue
		}
		var f [5]int
		n := 0
		for i < len(s) && s[i] != ',' && s[i] != ';' {
			v, next, err := vlq(s, i)
			if err != nil {
				return nil, err
			}
			if n < 5 {
				f[n] = v
			}
			n++
			i = next
		}
		genCol += f[0]
		if n >= 4 {
			src += f[1]
			line += f[2]
			col += f[3]
			cur := &sm.lines[len(sm.lines)-1]
			*cur = append(*cur, mapping{genCol: genCol, src: src, line: line, col: col})
		}
	}
	return sm, nil
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func vlq(s string, i int) (int, int, error) {
	v, shift := 0, 0
	for {
		if i >= len(s) {
			return 0, i, errors.New("truncated VLQ")
		}
		d := strings.IndexByte(b64, s[i])
		if d < 0 {
			return 0, i, errors.New("bad VLQ digit")
		}
		i++
		v |= (d & 31) << shift
		shift += 5
		if d&32 == 0 {
			break
		}
	}
	if v&1 != 0 {
		return -(v >> 1), i, nil
	}
	return v >> 1, i, nil
}

// lookup maps a generated position (0-based line, UTF-16 column) to the
// source index and original 0-based line and UTF-16 column.
func (sm *sourceMap) lookup(line, col int) (mapping, bool) {
	if line < 0 || line >= len(sm.lines) {
		return mapping{}, false
	}
	segs := sm.lines[line]
	i := sort.Search(len(segs), func(i int) bool { return segs[i].genCol > col }) - 1
	if i < 0 {
		return mapping{}, false
	}
	return segs[i], true
}
