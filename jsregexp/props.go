package jsregexp

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// Range is an inclusive range of code points.
type Range struct{ Lo, Hi rune }

// Set is a sorted list of disjoint, non-adjacent ranges.
type Set []Range

const maxRune = unicode.MaxRune

func fromTable(t *unicode.RangeTable) Set {
	var s Set
	for _, r := range t.R16 {
		s = appendStride(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	for _, r := range t.R32 {
		s = appendStride(s, rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	return normalize(s)
}

func appendStride(s Set, lo, hi, stride rune) Set {
	if stride == 1 {
		return append(s, Range{lo, hi})
	}
	for c := lo; c <= hi; c += stride {
		s = append(s, Range{c, c})
	}
	return s
}

// normalize sorts and merges overlapping or adjacent ranges.
func normalize(s Set) Set {
	sort.Slice(s, func(i, j int) bool { return s[i].Lo < s[j].Lo })
	out := s[:0:0]
	for _, r := range s {
		if n := len(out); n > 0 && r.Lo <= out[n-1].Hi+1 {
			if r.Hi > out[n-1].Hi {
				out[n-1].Hi = r.Hi
			}
			continue
		}
		out = append(out, r)
	}
	return out
}

func union(sets ...Set) Set {
	var all Set
	for _, s := range sets {
		all = append(all, s...)
	}
	return normalize(all)
}

// Complement is every code point not in s.
func Complement(s Set) Set {
	var out Set
	next := rune(0)
	for _, r := range s {
		if r.Lo > next {
			out = append(out, Range{next, r.Lo - 1})
		}
		next = r.Hi + 1
	}
	if next <= maxRune {
		out = append(out, Range{next, maxRune})
	}
	return out
}

func minus(a, b Set) Set { return intersect(a, Complement(b)) }

func intersect(a, b Set) Set {
	var out Set
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		lo, hi := max(a[i].Lo, b[j].Lo), min(a[i].Hi, b[j].Hi)
		if lo <= hi {
			out = append(out, Range{lo, hi})
		}
		if a[i].Hi < b[j].Hi {
			i++
		} else {
			j++
		}
	}
	return out
}

// Contains reports whether c is in s.
func (s Set) Contains(c rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].Hi >= c })
	return i < len(s) && s[i].Lo <= c
}

func parseRanges(enc string) Set {
	var s Set
	for _, f := range strings.Fields(enc) {
		lo, hi, ok := strings.Cut(f, "-")
		l, _ := strconv.ParseUint(lo, 16, 32)
		h := l
		if ok {
			h, _ = strconv.ParseUint(hi, 16, 32)
		}
		s = append(s, Range{rune(l), rune(h)})
	}
	return s
}

// UnsupportedError says that a property escape names something this
// package has no table for, or that is not a property at all.
type UnsupportedError struct {
	Escape string // the whole escape, e.g. `\p{RGI_Emoji}`
	Why    string
}

func (e *UnsupportedError) Error() string {
	return fmt.Sprintf("Unicode property escape %s: %s", e.Escape, e.Why)
}

var (
	cacheMu sync.Mutex
	cache   = map[string]Set{}
)

// Property returns the set a \p{body} escape matches, where body is what
// stands between the braces ("L", "Script=Greek", "scx=Latn",
// "Extended_Pictographic"). Names are case-sensitive, as in ECMAScript.
func Property(body string) (Set, error) {
	cacheMu.Lock()
	s, ok := cache[body]
	cacheMu.Unlock()
	if ok {
		return s, nil
	}
	s, err := lookup(body)
	if err != nil {
		return nil, err
	}
	cacheMu.Lock()
	cache[body] = s
	cacheMu.Unlock()
	return s, nil
}

func lookup(body string) (Set, error) {
	esc := `\p{` + body + `}`
	name, value, hasValue := strings.Cut(body, "=")
	if hasValue {
		long := propertyNameAliases[name]
		if long == "" {
			long = name
		}
		switch long {
		case "General_Category":
			if s, ok := generalCategory(value); ok {
				return s, nil
			}
			return nil, &UnsupportedError{esc, fmt.Sprintf("%q is not a General_Category value", value)}
		case "Script", "Script_Extensions":
			sc := scAliases[value]
			if sc == "" {
				return nil, &UnsupportedError{esc, fmt.Sprintf("%q is not a Script value", value)}
			}
			if long == "Script" {
				return script(sc), nil
			}
			if sc == "Unknown" {
				return script(sc), nil
			}
			enc, ok := genScriptExtensions[sc]
			if !ok {
				return nil, &UnsupportedError{esc, "no Script_Extensions table for " + sc}
			}
			return parseRanges(enc), nil
		}
		return nil, &UnsupportedError{esc, fmt.Sprintf("%q is not a property ECMAScript accepts with a value (General_Category, Script, Script_Extensions)", name)}
	}
	if s, ok := generalCategory(name); ok {
		return s, nil
	}
	long := propertyNameAliases[name]
	if long == "" {
		long = name
	}
	if s, ok := binary(long); ok {
		return s, nil
	}
	if isStringProperty(name) {
		return nil, &UnsupportedError{esc, "properties of strings (\"v\" flag) are not supported by edgedev's regular expressions"}
	}
	return nil, &UnsupportedError{esc, fmt.Sprintf("%q is not a General_Category value or binary property ECMAScript knows", name)}
}

func isStringProperty(n string) bool {
	switch n {
	case "Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence", "RGI_Emoji_Flag_Sequence",
		"RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence", "RGI_Emoji":
		return true
	}
	return false
}

// gcShort maps long General_Category names to Go's category keys.
var gcShort = func() map[string]string {
	m := map[string]string{}
	for k, long := range gcAliases {
		if _, ok := unicode.Categories[k]; ok {
			m[long] = k
		}
	}
	return m
}()

func generalCategory(v string) (Set, bool) {
	long, ok := gcAliases[v]
	if !ok {
		return nil, false
	}
	short := gcShort[long]
	switch short {
	case "C":
		// Go's C leaves out unassigned code points; Unicode's includes Cn.
		return union(cat("Cc"), cat("Cf"), cat("Cn"), cat("Co"), cat("Cs")), true
	case "":
		return nil, false
	}
	return cat(short), true
}

func cat(k string) Set { return fromTable(unicode.Categories[k]) }

func prop(k string) Set { return fromTable(unicode.Properties[k]) }

func script(long string) Set {
	if long == "Unknown" {
		var all Set
		for _, t := range unicode.Scripts {
			all = append(all, fromTable(t)...)
		}
		return Complement(normalize(all))
	}
	return fromTable(unicode.Scripts[long])
}

// binary returns a binary property by its long name.
func binary(name string) (Set, bool) {
	if enc, ok := genBinary[name]; ok {
		return parseRanges(enc), true
	}
	patterns := union(prop("Pattern_Syntax"), prop("Pattern_White_Space"))
	switch name {
	case "Any":
		return Set{{0, maxRune}}, true
	case "ASCII":
		return Set{{0, 0x7f}}, true
	case "Assigned":
		return Complement(cat("Cn")), true
	case "Alphabetic":
		return union(cat("Lu"), cat("Ll"), cat("Lt"), cat("Lm"), cat("Lo"), cat("Nl"), prop("Other_Alphabetic")), true
	case "Lowercase":
		return union(cat("Ll"), prop("Other_Lowercase")), true
	case "Uppercase":
		return union(cat("Lu"), prop("Other_Uppercase")), true
	case "Cased":
		return union(cat("Ll"), prop("Other_Lowercase"), cat("Lu"), prop("Other_Uppercase"), cat("Lt")), true
	case "Math":
		return union(cat("Sm"), prop("Other_Math")), true
	case "ID_Start":
		return idStart(patterns), true
	case "ID_Continue":
		return minus(union(idStart(patterns), cat("Mn"), cat("Mc"), cat("Nd"), cat("Pc"), prop("Other_ID_Continue")), patterns), true
	case "Grapheme_Extend":
		return union(cat("Me"), cat("Mn"), prop("Other_Grapheme_Extend")), true
	case "Grapheme_Base":
		ext := union(cat("Me"), cat("Mn"), prop("Other_Grapheme_Extend"))
		return Complement(union(cat("Cc"), cat("Cf"), cat("Cs"), cat("Co"), cat("Cn"), cat("Zl"), cat("Zp"), ext)), true
	case "Sentence_Terminal":
		return prop("STerm"), true
	}
	if t, ok := unicode.Properties[name]; ok && !strings.HasPrefix(name, "Other_") && name != "STerm" && name != "Hyphen" &&
		name != "Prepended_Concatenation_Mark" {
		return fromTable(t), true
	}
	return nil, false
}

func idStart(patterns Set) Set {
	return minus(union(cat("L"), cat("Nl"), prop("Other_ID_Start")), patterns)
}
