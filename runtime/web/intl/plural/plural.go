// Package plural compiles CLDR's plural rule syntax
// (https://unicode.org/reports/tr35/tr35-numbers.html#Language_Plural_Rules)
// and selects a number's category with it.
package plural

import (
	"strconv"
	"strings"
	"sync"

	"edgedev/runtime/web/intl/cldr"
)

// Operands are a formatted number's plural operands: n (absolute value), i
// (integer digits), v and w (visible fraction digits with and without
// trailing zeros), f and t (those digits as integers) and e (the compact
// exponent). Big is set when i has more than 18 digits (I keeps the last 18).
type Operands struct {
	N       float64
	I, F, T uint64
	V, W, E int
	Big     bool
}

// FromDecimal reads operands from a plain decimal string such as "-12.50"
// (sign ignored; no exponent).
func FromDecimal(s string) Operands {
	s = strings.TrimPrefix(s, "-")
	ip, fp, _ := strings.Cut(s, ".")
	var o Operands
	if len(ip) > 18 {
		o.Big = true
		ip = ip[len(ip)-18:]
	}
	o.I, _ = strconv.ParseUint(ip, 10, 64)
	o.V = len(fp)
	if o.V > 18 {
		fp = fp[:18]
		o.V = 18
	}
	o.F, _ = strconv.ParseUint(fp, 10, 64)
	tt := strings.TrimRight(fp, "0")
	o.W = len(tt)
	o.T, _ = strconv.ParseUint(tt, 10, 64)
	o.N, _ = strconv.ParseFloat(s, 64)
	return o
}

type rangeV struct{ lo, hi float64 }

type relation struct {
	operand byte
	mod     float64
	negate  bool
	ranges  []rangeV
}

// Rules are one language's compiled rules of one type.
type Rules struct {
	cats  []string
	conds [][][]relation // per category: or of ands
}

var (
	mu    sync.Mutex
	cache = map[string]*Rules{}
)

// Cardinal returns the cardinal rules of lang (the root's, where every
// number is "other", if CLDR has none).
func Cardinal(lang string) *Rules { return get("c", lang, cldr.CardinalRules) }

// Ordinal returns the ordinal rules of lang.
func Ordinal(lang string) *Rules { return get("o", lang, cldr.OrdinalRules) }

func get(kind, lang string, src func(string) []string) *Rules {
	mu.Lock()
	defer mu.Unlock()
	if r := cache[kind+lang]; r != nil {
		return r
	}
	raw := src(lang)
	if raw == nil {
		if i := strings.IndexByte(lang, '-'); i > 0 {
			raw = src(lang[:i])
		}
	}
	if raw == nil {
		raw = src("root")
	}
	r := &Rules{}
	for i := 0; i+1 < len(raw); i += 2 {
		r.cats = append(r.cats, raw[i])
		r.conds = append(r.conds, compile(raw[i+1]))
	}
	if len(r.cats) == 0 {
		r.cats = []string{"other"}
		r.conds = [][][]relation{nil}
	}
	cache[kind+lang] = r
	return r
}

// Categories lists the categories in CLDR's order (zero, one, two, few, many, other).
func (r *Rules) Categories() []string { return r.cats }

// Select returns the category of o.
func (r *Rules) Select(o Operands) string {
	for i, c := range r.conds {
		if r.cats[i] == "other" {
			continue
		}
		for _, and := range c {
			ok := true
			for _, rel := range and {
				if !rel.match(o) {
					ok = false
					break
				}
			}
			if ok {
				return r.cats[i]
			}
		}
	}
	return "other"
}

func (rel relation) match(o Operands) bool {
	var x float64
	intOnly := true
	switch rel.operand {
	case 'n':
		x = o.N
		intOnly = o.W == 0
	case 'i':
		x = float64(o.I)
		if o.Big && rel.mod == 0 {
			return rel.negate
		}
	case 'v':
		x = float64(o.V)
	case 'w':
		x = float64(o.W)
	case 'f':
		x = float64(o.F)
	case 't':
		x = float64(o.T)
	case 'e', 'c':
		x = float64(o.E)
	}
	if rel.mod != 0 {
		if rel.operand == 'n' {
			whole := float64(o.I % 1e15)
			x = float64(uint64(whole)%uint64(rel.mod)) + (o.N - float64(uint64(o.N)))
		} else {
			x = float64(uint64(x) % uint64(rel.mod))
		}
	}
	in := false
	for _, rg := range rel.ranges {
		if x >= rg.lo && x <= rg.hi && (intOnly || rg.lo == rg.hi && x == rg.lo) {
			if rg.lo != rg.hi && x != float64(int64(x)) {
				continue
			}
			in = true
			break
		}
	}
	return in != rel.negate
}

// compile parses a condition such as "v = 0 and i % 10 = 1 or n = 0".
func compile(s string) [][]relation {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var ors [][]relation
	for _, or := range strings.Split(s, " or ") {
		var ands []relation
		for _, r := range strings.Split(or, " and ") {
			ands = append(ands, parseRelation(strings.TrimSpace(r)))
		}
		ors = append(ors, ands)
	}
	return ors
}

func parseRelation(s string) relation {
	var rel relation
	op, rest := "", ""
	for _, sep := range []string{"!=", "="} {
		if i := strings.Index(s, sep); i >= 0 {
			op, rest = sep, s[i+len(sep):]
			s = s[:i]
			break
		}
	}
	if op == "" {
		panic("plural: cannot parse rule " + strconv.Quote(s))
	}
	rel.negate = op == "!="
	expr := strings.Fields(s)
	rel.operand = expr[0][0]
	if len(expr) == 3 && expr[1] == "%" {
		rel.mod, _ = strconv.ParseFloat(expr[2], 64)
	}
	for _, item := range strings.Split(rest, ",") {
		item = strings.TrimSpace(item)
		lo, hi, isRange := strings.Cut(item, "..")
		a, _ := strconv.ParseFloat(lo, 64)
		b := a
		if isRange {
			b, _ = strconv.ParseFloat(hi, 64)
		}
		rel.ranges = append(rel.ranges, rangeV{a, b})
	}
	return rel
}

// Range returns the category of a range from start to end categories.
func Range(lang, start, end string) string {
	if i := strings.IndexByte(lang, '-'); i > 0 {
		lang = lang[:i]
	}
	return cldr.PluralRange(lang, start, end)
}
