package number

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"edgedev/runtime/web/intl/cldr"
	"edgedev/runtime/web/intl/plural"
)

// Options are a resolved Intl.NumberFormat's options (ECMA-402 names and values).
type Options struct {
	Locale          *cldr.Locale
	Lang            string // the language, for plural rules
	NumberingSystem string
	Style           string // decimal, percent, currency, unit
	Currency        string
	CurrencyDisplay string // symbol, narrowSymbol, code, name
	CurrencySign    string // standard, accounting
	Unit            string
	UnitDisplay     string // short, long, narrow
	Notation        string // standard, scientific, engineering, compact
	CompactDisplay  string // short, long
	UseGrouping     string // always, auto, min2, false
	SignDisplay     string // auto, never, always, exceptZero, negative

	MinInt, MinFrac, MaxFrac, MinSig, MaxSig int
	RoundingType                             string // fractionDigits, significantDigits, morePrecision, lessPrecision
	RoundingIncrement                        int
	RoundingMode                             string
	TrailingZeroDisplay                      string // auto, stripIfInteger
}

// Part is one piece of a formatted number, as formatToParts returns it.
type Part struct{ Type, Value string }

// Formatter formats numbers with one set of options. Safe for concurrent use.
type Formatter struct {
	o        Options
	sym      symbols
	digits   []rune // nil for latn
	plural   *plural.Rules
	pos      affixes
	neg      affixes
	hasNeg   bool
	grp      [2]int // primary, secondary grouping sizes (0: none)
	minGrp   int
	cur      string // the currency text
	curName  map[string]string
	unitOnce sync.Once
	unitPat  map[string]string // count → pattern with {0} (units makes it)
	compact  map[string]string // "1000-count-one" → pattern
	curUnit  map[string]string // currency unitPattern by count (name display)
}

type symbols struct {
	decimal, group, percent, plus, minus, exp, inf, nan, approx, rng string
}

type affixes struct {
	prefix, suffix []Part
}

// New builds a formatter.
func New(o Options) *Formatter {
	f := &Formatter{o: o}
	l := o.Locale
	ns := o.NumberingSystem
	if ns == "" {
		ns = "latn"
	}
	get := func(k string) string {
		if v := l.Get("n/" + ns + "/" + k); v != "" {
			return v
		}
		return l.Get("n/latn/" + k)
	}
	f.sym = symbols{get("symbols/decimal"), get("symbols/group"), get("symbols/percentSign"), get("symbols/plusSign"),
		get("symbols/minusSign"), get("symbols/exponential"), get("symbols/infinity"), get("symbols/nan"),
		get("symbols/approximatelySign"), get("miscPatterns/range")}
	if ns != "latn" {
		if d := cldr.Digits(ns); d != "" {
			f.digits = []rune(d)
		}
	}
	if o.Style == "currency" {
		// some locales group and separate amounts of money differently (de-AT)
		if g := get("symbols/currencyGroup"); g != "" {
			f.sym.group = g
		}
		if d := get("symbols/currencyDecimal"); d != "" {
			f.sym.decimal = d
		}
	}
	f.plural = plural.Cardinal(o.Lang)
	f.minGrp, _ = strconv.Atoi(l.Get("n/minimumGroupingDigits"))
	switch o.UseGrouping {
	case "always":
		f.minGrp = 1
	case "min2":
		f.minGrp = 2
	case "auto", "":
		if f.minGrp < 1 {
			f.minGrp = 1
		}
	}
	var pat string
	switch o.Style {
	case "percent":
		pat = get("percentFormats/standard")
	case "currency":
		f.cur = f.currencyText()
		if o.CurrencyDisplay == "name" {
			pat = get("decimalFormats/standard")
			f.curUnit = map[string]string{}
			f.curName = map[string]string{}
			for _, c := range []string{"zero", "one", "two", "few", "many", "other"} {
				if p := get("currencyFormats/unitPattern-count-" + c); p != "" {
					f.curUnit[c] = p
				}
				if n := l.Get("c/" + o.Currency + "/displayName-count-" + c); n != "" {
					f.curName[c] = n
				}
			}
			if f.curName["other"] == "" {
				if n := l.Get("c/" + o.Currency + "/displayName"); n != "" {
					f.curName["other"] = n
				} else {
					f.curName["other"] = o.Currency
				}
			}
		} else {
			key := "standard"
			if o.CurrencySign == "accounting" {
				key = "accounting"
			}
			pat = get("currencyFormats/" + key)
			if alpha := get("currencyFormats/" + key + "-alphaNextToNumber"); alpha != "" && alphaNextToNumber(pat, f.cur) {
				if std, neg, ok := strings.Cut(pat, ";"); ok && !strings.Contains(alpha, ";") {
					// negatives keep the standard negative pattern, where the
					// sign separates the currency from the digits (es-CL)
					_ = std
					alpha += ";" + neg
				}
				pat = alpha
			}
		}
	default:
		pat = get("decimalFormats/standard")
	}
	if o.Notation == "scientific" || o.Notation == "engineering" {
		// The number part of the scientific pattern is always #E0-like; keep the
		// decimal pattern's affixes (percent, currency).
		sp := get("scientificFormats/standard")
		_ = sp
	}
	f.parsePattern(pat)
	if o.Notation == "compact" {
		f.compact = map[string]string{}
		var pre string
		if o.Style == "currency" && o.CurrencyDisplay != "name" {
			pre = "currencyFormats/short/standard/"
		} else if o.CompactDisplay == "long" {
			pre = "decimalFormats/long/decimalFormat/"
		} else {
			pre = "decimalFormats/short/decimalFormat/"
		}
		m := l.Children("n/" + ns + "/" + pre)
		if len(m) == 0 {
			m = l.Children("n/latn/" + pre)
		}
		for k, v := range m {
			// the negative subpattern only moves the sign, which the sign display places
			if i := strings.IndexByte(v, ';'); i >= 0 {
				m[k] = v[:i]
			}
		}
		f.compact = m
	}
	return f
}

// units returns the unit patterns, made on first use (a formatter is often
// made only for its resolvedOptions).
func (f *Formatter) units() map[string]string {
	f.unitOnce.Do(func() { f.unitPat = f.unitPatterns(f.o.Unit, f.o.UnitDisplay) })
	return f.unitPat
}

// alphaNextToNumber reports whether the currency text touches the number
// in pat with a letter.
func alphaNextToNumber(pat, cur string) bool {
	pos := strings.Split(pat, ";")[0]
	i := strings.IndexRune(pos, '¤')
	if i < 0 {
		return false
	}
	num := strings.IndexAny(pos, "#0")
	if i < num { // before the number: its last rune touches it
		if strings.TrimSpace(pos[i+len("¤"):num]) != "" || pos[i+len("¤"):num] != "" {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(cur)
		return unicode.IsLetter(r)
	}
	end := strings.LastIndexAny(pos, "#0")
	if pos[end+1:i] != "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(cur)
	return unicode.IsLetter(r)
}

func (f *Formatter) currencyText() string {
	o := f.o
	l := o.Locale
	switch o.CurrencyDisplay {
	case "code":
		return o.Currency
	case "narrowSymbol":
		if s := l.Get("c/" + o.Currency + "/symbol-alt-narrow"); s != "" {
			return s
		}
	}
	if s := l.Get("c/" + o.Currency + "/symbol"); s != "" {
		return s
	}
	return o.Currency
}

// unitPatterns returns the patterns for a sanctioned or compound unit.
func (f *Formatter) unitPatterns(unit, width string) map[string]string {
	l := f.o.Locale
	if width == "" {
		width = "short"
	}
	get := func(u string) map[string]string {
		m := map[string]string{}
		for k, v := range l.Children("u/" + width + "/" + u + "/") {
			if c, ok := strings.CutPrefix(k, "unitPattern-count-"); ok {
				m[c] = v
			}
		}
		if len(m) == 0 {
			return nil
		}
		return m
	}
	if m := get(unit); m != nil {
		return m
	}
	num, den, ok := strings.Cut(unit, "-per-")
	if !ok {
		return map[string]string{"other": "{0} " + unit}
	}
	nm := get(num)
	if nm == nil {
		nm = map[string]string{"other": "{0} " + num}
	}
	per := l.Get("u/" + width + "/" + den + "/perUnitPattern")
	if per == "" {
		dm := get(den)
		dn := den
		if dm != nil {
			p := dm["one"]
			if p == "" {
				p = dm["other"]
			}
			dn = strings.TrimSpace(strings.Replace(p, "{0}", "", 1))
		}
		cp := l.Get("u/" + width + "/per")
		if cp == "" {
			cp = "{0}/{1}"
		}
		per = strings.Replace(cp, "{1}", dn, 1)
	}
	out := map[string]string{}
	for c, p := range nm {
		out[c] = strings.Replace(per, "{0}", p, 1)
	}
	return out
}

// parsePattern reads a CLDR number pattern's affixes and grouping.
func (f *Formatter) parsePattern(pat string) {
	posPat, negPat, hasNeg := strings.Cut(pat, ";")
	pre, num, suf := splitPattern(posPat)
	f.pos = affixes{f.affix(pre), f.affix(suf)}
	if hasNeg {
		np, _, ns := splitPattern(negPat)
		f.neg = affixes{f.affix(np), f.affix(ns)}
		f.hasNeg = true
	}
	ip, _, _ := strings.Cut(num, ".")
	if i := strings.LastIndexByte(ip, ','); i >= 0 {
		f.grp[0] = len(ip) - i - 1
		if j := strings.LastIndexByte(ip[:i], ','); j >= 0 {
			f.grp[1] = i - j - 1
		} else {
			f.grp[1] = f.grp[0]
		}
	}
}

func splitPattern(p string) (pre, num, suf string) {
	start, end := -1, -1
	inQuote := false
	for i, r := range p {
		if r == '\'' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if strings.ContainsRune("#0,.123456789@E", r) {
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
		}
	}
	if start < 0 {
		return p, "", ""
	}
	return p[:start], p[start:end], p[end:]
}

// affix turns pattern affix text into parts.
func (f *Formatter) affix(s string) []Part {
	var parts []Part
	lit := strings.Builder{}
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, Part{"literal", lit.String()})
			lit.Reset()
		}
	}
	inQuote := false
	for _, r := range s {
		if r == '\'' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			lit.WriteRune(r)
			continue
		}
		switch r {
		case '¤':
			flush()
			parts = append(parts, Part{"currency", f.cur})
		case '%':
			flush()
			parts = append(parts, Part{"percentSign", f.sym.percent})
		case '-':
			flush()
			parts = append(parts, Part{"minusSign", f.sym.minus})
		case '+':
			flush()
			parts = append(parts, Part{"plusSign", f.sym.plus})
		default:
			lit.WriteRune(r)
		}
	}
	flush()
	return parts
}

// Round applies the formatter's rounding (and percent scaling) to d and
// returns the result with its fraction digit count; for compact and
// scientific notation it also returns the exponent taken out.
func (f *Formatter) round(d Decimal) (Decimal, int, int) {
	o := f.o
	if o.Style == "percent" {
		d = d.Shift(2)
	}
	if d.NaN || d.Inf {
		return d, 0, 0
	}
	exp := 0
	switch o.Notation {
	case "scientific", "engineering", "compact":
		for try := 0; try < 2; try++ {
			mag := d.Magnitude()
			if try == 1 {
				mag++
			}
			e := f.exponentFor(mag)
			r, frac := f.roundDigits(d.Shift(-e))
			if r.Magnitude() > mag-e && !r.IsZero() && try == 0 {
				if e2 := f.exponentFor(mag + 1); e2 != e || o.Notation != "compact" {
					continue
				}
			}
			return r, frac, e
		}
	}
	r, frac := f.roundDigits(d)
	return r, frac, exp
}

func (f *Formatter) exponentFor(mag int) int {
	if f.o.Notation == "compact" {
		if mag < 3 {
			return 0
		}
		key := "1" + strings.Repeat("0", mag)
		p := f.compact[key+"-count-other"]
		if p == "" {
			// beyond the largest pattern: use the largest
			for m := mag - 1; m >= 3; m-- {
				if p = f.compact["1"+strings.Repeat("0", m)+"-count-other"]; p != "" {
					zeros := strings.Count(p, "0")
					return m - zeros + 1
				}
			}
			return 0
		}
		if p == "0" {
			return 0
		}
		zeros := strings.Count(p, "0")
		return mag - zeros + 1
	}
	if f.o.Notation == "engineering" {
		e := mag
		if e < 0 {
			e -= 2
		}
		return e / 3 * 3
	}
	return mag
}

func (f *Formatter) roundDigits(d Decimal) (Decimal, int) {
	o := f.o
	mode := o.RoundingMode
	if mode == "" {
		mode = "halfExpand"
	}
	fixed := func() (Decimal, int, int) {
		r := d.roundTo(-o.MaxFrac, o.RoundingIncrement, mode)
		frac := o.MinFrac
		if r.Exp < 0 && -r.Exp > frac {
			frac = -r.Exp
		}
		return r, frac, -o.MaxFrac
	}
	sig := func() (Decimal, int, int) {
		pos := d.Magnitude() - o.MaxSig + 1
		r := d.roundTo(pos, 1, mode)
		mag := r.Magnitude()
		if r.IsZero() {
			mag = 0
		}
		frac := o.MinSig - mag - 1
		if frac < 0 {
			frac = 0
		}
		if r.Exp < 0 && -r.Exp > frac {
			frac = -r.Exp
		}
		return r, frac, pos
	}
	var r Decimal
	var frac int
	switch o.RoundingType {
	case "significantDigits":
		r, frac, _ = sig()
	case "morePrecision", "lessPrecision":
		sr, sf, sp := sig()
		fr, ff, fp := fixed()
		more := o.RoundingType == "morePrecision"
		if more && sp <= fp || !more && sp >= fp {
			r, frac = sr, sf
		} else {
			r, frac = fr, ff
		}
	default:
		r, frac, _ = fixed()
	}
	if o.TrailingZeroDisplay == "stripIfInteger" && r.Exp >= 0 {
		frac = 0
	}
	return r, frac
}

// Format formats d.
func (f *Formatter) Format(d Decimal) string {
	var b strings.Builder
	for _, p := range f.FormatToParts(d, nil) {
		b.WriteString(p.Value)
	}
	return b.String()
}

// PluralOf returns the plural category of d as this formatter would show it.
func (f *Formatter) PluralOf(d Decimal) string {
	r, frac, e := f.round(d)
	return f.plural.Select(f.operands(r, frac, e))
}

func (f *Formatter) operands(r Decimal, frac, e int) plural.Operands {
	ip, fp := r.plainString(1, frac)
	s := ip
	if fp != "" {
		s += "." + fp
	}
	op := plural.FromDecimal(s)
	if e != 0 && f.o.Notation == "compact" {
		op.E = e
	}
	return op
}

// FormatToParts formats d, appending its parts to dst.
func (f *Formatter) FormatToParts(d Decimal, dst []Part) []Part {
	o := f.o
	r, frac, e := f.round(d)
	neg := r.Neg
	zero := r.IsZero() && !r.NaN && !r.Inf
	if r.NaN {
		neg = false
	}
	showSign := 0 // -1 minus, 1 plus, 0 none
	switch o.SignDisplay {
	case "never":
	case "always":
		showSign = 1
		if neg {
			showSign = -1
		}
	case "exceptZero":
		if zero || r.NaN {
			showSign = 0
		} else if neg {
			showSign = -1
		} else {
			showSign = 1
		}
	case "negative":
		if neg && !zero {
			showSign = -1
		}
	default:
		if neg {
			showSign = -1
		}
	}
	var cat string
	if o.Style == "unit" || f.curUnit != nil || f.compact != nil {
		cat = f.plural.Select(f.operands(r, frac, e))
	}
	// the number itself
	var num []Part
	switch {
	case r.NaN:
		num = append(num, Part{"nan", f.sym.nan})
	case r.Inf:
		num = append(num, Part{"infinity", f.sym.inf})
	default:
		num = f.numberParts(r, frac, num)
	}
	var compactText []Part
	if o.Notation == "compact" && e != 0 && !r.NaN && !r.Inf {
		p := f.compact["1"+strings.Repeat("0", e+strings.Count(f.compact["1"+strings.Repeat("0", e)+"-count-other"], "0")-1)+"-count-"+cat]
		if p == "" {
			for m := 3; m < 20; m++ {
				k := "1" + strings.Repeat("0", m)
				if pp := f.compact[k+"-count-other"]; pp != "" && m-strings.Count(pp, "0")+1 == e {
					p = f.compact[k+"-count-"+cat]
					if p == "" {
						p = pp
					}
					break
				}
			}
		}
		compactText = f.compactParts(p)
	} else if (o.Notation == "scientific" || o.Notation == "engineering") && !r.NaN && !r.Inf {
		num = append(num, Part{"exponentSeparator", f.sym.exp})
		if e < 0 {
			num = append(num, Part{"exponentMinusSign", f.sym.minus})
			e = -e
		}
		num = append(num, Part{"exponentInteger", f.translit(strconv.Itoa(e))})
	}
	if compactText != nil {
		// compactText holds the number placeholder as a nil-Type part
		var out []Part
		for _, p := range compactText {
			if p.Type == "" {
				out = append(out, num...)
			} else {
				out = append(out, p)
			}
		}
		num = out
	}
	// affixes
	aff := f.pos
	var signPart Part
	useNegPattern := false
	if showSign == -1 {
		if f.hasNeg {
			aff = f.neg
			useNegPattern = true
		} else {
			signPart = Part{"minusSign", f.sym.minus}
		}
	} else if showSign == 1 {
		signPart = Part{"plusSign", f.sym.plus}
	}
	_ = useNegPattern
	pre, suf := aff.prefix, aff.suffix
	if o.Style == "currency" && o.CurrencyDisplay == "name" || o.Style == "unit" {
		pre, suf = nil, nil
	}
	if o.Notation == "compact" && o.Style == "currency" && o.CurrencyDisplay != "name" {
		// the compact currency pattern carries the currency itself
		pre, suf = nil, nil
	}
	body := make([]Part, 0, len(pre)+len(num)+len(suf)+1)
	if signPart.Type != "" {
		// the sign goes where the negative pattern would put it: before the prefix
		body = append(body, signPart)
	}
	if useNegPattern && showSign == -1 && !hasType(pre, "minusSign") && !hasType(suf, "minusSign") && !hasLiteral(pre, "(") {
		body = append(body, Part{"minusSign", f.sym.minus})
	}
	body = append(body, pre...)
	body = append(body, num...)
	body = append(body, suf...)
	switch {
	case o.Style == "currency" && o.CurrencyDisplay == "name":
		p := f.curUnit[cat]
		if p == "" {
			p = f.curUnit["other"]
		}
		name := f.curName[cat]
		if name == "" {
			name = f.curName["other"]
		}
		body = substitute(p, body, []Part{{"currency", name}})
	case o.Style == "unit":
		up := f.units()
		p := up[cat]
		if p == "" {
			p = up["other"]
		}
		body = substitute(p, body, nil)
	}
	return append(dst, body...)
}

func hasType(ps []Part, t string) bool {
	for _, p := range ps {
		if p.Type == t {
			return true
		}
	}
	return false
}

func hasLiteral(ps []Part, s string) bool {
	for _, p := range ps {
		if p.Type == "literal" && strings.Contains(p.Value, s) {
			return true
		}
	}
	return false
}

// substitute fills a "{0} {1}" unit pattern: {0} with num, {1} with one
// (for a unit pattern without {1}, the text around {0} is the unit).
func substitute(p string, num, one []Part) []Part {
	var out []Part
	for p != "" {
		i := strings.IndexByte(p, '{')
		if i < 0 || i+2 >= len(p) || p[i+2] != '}' {
			out = append(out, textParts(p, one == nil)...)
			break
		}
		if i > 0 {
			out = append(out, textParts(p[:i], one == nil)...)
		}
		if p[i+1] == '0' {
			out = append(out, num...)
		} else {
			out = append(out, one...)
		}
		p = p[i+3:]
	}
	return out
}

// textParts splits unit text into literal spaces and the unit.
func textParts(s string, unit bool) []Part {
	if !unit {
		return []Part{{"literal", s}}
	}
	t := strings.TrimFunc(s, unicode.IsSpace)
	if t == "" {
		return []Part{{"literal", s}}
	}
	i := strings.Index(s, t)
	var out []Part
	if i > 0 {
		out = append(out, Part{"literal", s[:i]})
	}
	out = append(out, Part{"unit", t})
	if rest := s[i+len(t):]; rest != "" {
		out = append(out, Part{"literal", rest})
	}
	return out
}

func (f *Formatter) compactParts(p string) []Part {
	if p == "" || p == "0" {
		return []Part{{}}
	}
	i := strings.IndexByte(p, '0')
	j := strings.LastIndexByte(p, '0')
	var out []Part
	add := func(s string) {
		s = strings.ReplaceAll(s, "'", "")
		if s == "" {
			return
		}
		t := strings.TrimFunc(s, unicode.IsSpace)
		k := strings.Index(s, t)
		if k > 0 {
			out = append(out, Part{"literal", s[:k]})
		}
		if t != "" {
			for _, r := range t {
				if r == '¤' {
					// currency inside the compact pattern
					before, after, _ := strings.Cut(t, "¤")
					if before != "" {
						out = append(out, Part{"compact", before})
					}
					out = append(out, Part{"currency", f.cur})
					if after != "" {
						a := strings.TrimFunc(after, unicode.IsSpace)
						if len(a) < len(after) && strings.HasPrefix(after, a) == false {
							out = append(out, Part{"literal", after[:len(after)-len(strings.TrimLeftFunc(after, unicode.IsSpace))]})
						}
						if a != "" {
							out = append(out, Part{"compact", a})
						}
					}
					t = ""
					break
				}
			}
			if t != "" {
				out = append(out, Part{"compact", t})
			}
		}
		if rest := s[k+len(strings.TrimFunc(s, unicode.IsSpace)):]; rest != "" && k+len(t) <= len(s) {
			out = append(out, Part{"literal", rest})
		}
	}
	add(p[:i])
	out = append(out, Part{})
	add(p[j+1:])
	return out
}

// numberParts writes the integer, group, decimal and fraction parts.
func (f *Formatter) numberParts(r Decimal, frac int, dst []Part) []Part {
	minInt := f.o.MinInt
	if minInt < 1 {
		minInt = 1
	}
	ip, fp := r.plainString(minInt, frac)
	if f.o.UseGrouping != "false" && f.grp[0] > 0 && len(ip) >= f.grp[0]+f.minGrp {
		var groups []string
		s := ip
		g := f.grp[0]
		for len(s) > g {
			groups = append(groups, s[len(s)-g:])
			s = s[:len(s)-g]
			g = f.grp[1]
		}
		groups = append(groups, s)
		for i := len(groups) - 1; i >= 0; i-- {
			dst = append(dst, Part{"integer", f.translit(groups[i])})
			if i > 0 {
				dst = append(dst, Part{"group", f.sym.group})
			}
		}
	} else {
		dst = append(dst, Part{"integer", f.translit(ip)})
	}
	if fp != "" {
		dst = append(dst, Part{"decimal", f.sym.decimal}, Part{"fraction", f.translit(fp)})
	}
	return dst
}

func (f *Formatter) translit(s string) string {
	if f.digits == nil {
		return s
	}
	b := make([]rune, 0, len(s))
	for _, c := range s {
		if c >= '0' && c <= '9' {
			c = f.digits[c-'0']
		}
		b = append(b, c)
	}
	return string(b)
}

// Symbols returns the approximately sign and range pattern.
func (f *Formatter) RangeParts() (approx, rng string) { return f.sym.approx, f.sym.rng }

// Resolved returns the options the formatter was made with.
func (f *Formatter) Resolved() Options { return f.o }

// OrdinalOf returns the ordinal plural category of d as rounded by f.
func (f *Formatter) OrdinalOf(d Decimal) string {
	r, frac, e := f.round(d)
	return plural.Ordinal(f.o.Lang).Select(f.operands(r, frac, e))
}

// FormatRangeToParts formats the range x to y with the locale's range
// pattern as ICU's NumberRangeFormatter does with collapse "auto": equal
// affixes longer than one code point (or a unit) are shown once, spaces go
// around the range sign when an affix is repeated, and an approximately
// sign marks a range whose ends format the same.
func (f *Formatter) FormatRangeToParts(x, y Decimal) []RangePart {
	a := f.FormatToParts(x, nil)
	b := f.FormatToParts(y, nil)
	var out []RangePart
	if partsEqual(a, b) {
		i := 0
		if len(a) > 0 && (a[0].Type == "minusSign" || a[0].Type == "plusSign") {
			out = append(out, RangePart{a[0], "shared"})
			i = 1
		}
		out = append(out, RangePart{Part{"approximatelySign", f.sym.approx}, "shared"})
		for _, p := range a[i:] {
			out = append(out, RangePart{p, "shared"})
		}
		return out
	}
	pat := f.sym.rng
	if pat == "" {
		pat = "{0}–{1}"
	}
	preA, coreA, sufA := splitCore(a)
	preB, coreB, sufB := splitCore(b)
	collapse := partsEqual(preA, preB) && partsEqual(sufA, sufB) && (f.o.Style == "unit" || utf8.RuneCountInString(joinParts(preA)+joinParts(sufA)) > 1)
	repeat := !collapse && len(preA)+len(sufA) > 0
	if collapse {
		for _, p := range preA {
			out = append(out, RangePart{p, "shared"})
		}
		a, b = coreA, coreB
	}
	for pat != "" {
		i := strings.Index(pat, "{")
		if i < 0 || i+2 >= len(pat) {
			out = append(out, RangePart{Part{"literal", pat}, "shared"})
			break
		}
		if i > 0 {
			lit := pat[:i]
			if repeat && strings.TrimSpace(lit) == lit {
				lit = " " + lit + " "
			}
			out = append(out, RangePart{Part{"literal", lit}, "shared"})
		}
		src, ps := "startRange", a
		if pat[i+1] == '1' {
			src, ps = "endRange", b
		}
		for _, p := range ps {
			out = append(out, RangePart{p, src})
		}
		pat = pat[i+3:]
	}
	if collapse {
		for _, p := range sufA {
			out = append(out, RangePart{p, "shared"})
		}
	}
	return out
}

// splitCore splits parts into the affixes before the number, the number
// (digits, separators, exponent, compact) and the affixes after it.
func splitCore(ps []Part) (pre, core, suf []Part) {
	isCore := func(t string) bool {
		switch t {
		case "integer", "group", "decimal", "fraction", "exponentSeparator", "exponentMinusSign", "exponentInteger", "compact", "nan", "infinity":
			return true
		}
		return false
	}
	first, last := -1, -1
	for i, p := range ps {
		if isCore(p.Type) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return nil, ps, nil
	}
	return ps[:first], ps[first : last+1], ps[last+1:]
}

func joinParts(ps []Part) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Value)
	}
	return b.String()
}

// RangePart is a part of a formatted range with its source.
type RangePart struct {
	Part
	Source string
}

func partsEqual(a, b []Part) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
