package datetime

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"edgedev/runtime/web/intl/cldr"
)

// Options are a DateTimeFormat's resolved inputs. Component values use
// ECMA-402's names ("numeric", "2-digit", "short", ...); HourCycle is
// h11/h12/h23/h24 or "" for the locale's.
type Options struct {
	Locale          *cldr.Locale
	Lang, Region    string
	NumberingSystem string
	TimeZone        *time.Location
	TimeZoneID      string
	DateStyle       string
	TimeStyle       string
	HourCycle       string

	Weekday, Era, Year, Month, Day, DayPeriod, Hour, Minute, Second, TimeZoneName string
	FractionalSecondDigits                                                        int
}

// Part is one piece of formatted output.
type Part struct{ Type, Value, Source string }

type token struct {
	lit string
	c   byte
	n   int
}

// Formatter formats instants with one pattern. Safe for concurrent use.
type Formatter struct {
	o         Options
	Pattern   string
	skel      skel // the request
	toks      []token
	digits    []rune
	decimal   string
	rangeOnce sync.Once
	ranges    map[string]string // intervalFormats of the matched skeleton, by field (made on first use)
	rangeSkel skel
	rangeReq  skel
	fallback  string
}

// DefaultHourCycle is the locale's hour cycle as ICU's pattern generator
// takes it: the hour letter of the locale's short time format.
func DefaultHourCycle(l *cldr.Locale) string {
	for _, c := range l.Get("g/timeFormats/short") {
		switch c {
		case 'H':
			return "h23"
		case 'h':
			return "h12"
		case 'K':
			return "h11"
		case 'k':
			return "h24"
		}
	}
	return "h23"
}

// HourCycle12 is the 12-hour cycle hour12: true gives: K (h11) where the
// region's allowed hour formats list K before h (Japan), else h12.
func HourCycle12(lang, region string) string {
	allowed, _ := cldr.TimeData(lang, region)
	for _, f := range strings.Fields(allowed) {
		switch f[0] {
		case 'K':
			return "h11"
		case 'h':
			return "h12"
		}
	}
	return "h12"
}

func hourChar(hc string) byte {
	switch hc {
	case "h11":
		return 'K'
	case "h23":
		return 'H'
	case "h24":
		return 'k'
	}
	return 'h'
}

// New builds a formatter: the pattern for the options, as ICU would pick it.
func New(o Options) *Formatter {
	f := &Formatter{o: o}
	l := o.Locale
	ns := o.NumberingSystem
	if ns == "" {
		ns = "latn"
	}
	if ns != "latn" {
		if d := cldr.Digits(ns); d != "" {
			f.digits = []rune(d)
		}
	}
	f.decimal = l.Get("n/" + ns + "/symbols/decimal")
	if f.decimal == "" {
		f.decimal = l.Get("n/latn/symbols/decimal")
	}
	f.fallback = l.Get("g/dateTimeFormats/intervalFormats/intervalFormatFallback")
	if o.DateStyle != "" || o.TimeStyle != "" {
		f.Pattern = f.stylePattern()
	} else {
		f.skel = o.skeleton()
		f.Pattern = f.bestPattern(f.skel, true)
	}
	f.Pattern = withHourCycle(f.Pattern, o.HourCycle)
	// V8 puts U+0020 back where CLDR 42+ has U+202F (before AM/PM), for web compatibility.
	f.Pattern = strings.ReplaceAll(f.Pattern, "\u202f", " ")
	forEachToken(f.Pattern, func(lit string, c byte, n int) { f.toks = append(f.toks, token{lit, c, n}) })
	return f
}

func (o Options) skeleton() skel {
	var b strings.Builder
	w := func(s string) { b.WriteString(s) }
	switch o.Era {
	case "narrow":
		w("GGGGG")
	case "short":
		w("G")
	case "long":
		w("GGGG")
	}
	switch o.Year {
	case "numeric":
		w("y")
	case "2-digit":
		w("yy")
	}
	switch o.Month {
	case "numeric":
		w("M")
	case "2-digit":
		w("MM")
	case "short":
		w("MMM")
	case "long":
		w("MMMM")
	case "narrow":
		w("MMMMM")
	}
	switch o.Weekday {
	case "narrow":
		w("EEEEE")
	case "short":
		w("EEE")
	case "long":
		w("EEEE")
	}
	switch o.Day {
	case "numeric":
		w("d")
	case "2-digit":
		w("dd")
	}
	twelve := o.HourCycle == "h11" || o.HourCycle == "h12"
	if o.Hour != "" {
		switch map[bool]string{true: o.DayPeriod}[twelve] {
		case "narrow":
			w("BBBBB")
		case "short":
			w("B")
		case "long":
			w("BBBB")
		}
		h := string(hourChar(o.HourCycle))
		if o.Hour == "2-digit" {
			h += h
		}
		w(h)
	} else if o.DayPeriod != "" {
		switch o.DayPeriod {
		case "narrow":
			w("BBBBB")
		case "short":
			w("B")
		case "long":
			w("BBBB")
		}
	}
	switch o.Minute {
	case "numeric":
		w("m")
	case "2-digit":
		w("mm")
	}
	switch o.Second {
	case "numeric":
		w("s")
	case "2-digit":
		w("ss")
	}
	if o.FractionalSecondDigits > 0 {
		w(strings.Repeat("S", o.FractionalSecondDigits))
	}
	switch o.TimeZoneName {
	case "short":
		w("z")
	case "long":
		w("zzzz")
	case "shortOffset":
		w("O")
	case "longOffset":
		w("OOOO")
	case "shortGeneric":
		w("v")
	case "longGeneric":
		w("vvvv")
	}
	return parseSkeleton(b.String())
}

func (f *Formatter) stylePattern() string {
	o := f.o
	l := o.Locale
	var d, t string
	if o.DateStyle != "" {
		d = l.Get("g/dateFormats/" + o.DateStyle)
	}
	if o.TimeStyle != "" {
		t = l.Get("g/timeFormats/" + o.TimeStyle)
		if o.HourCycle != "" && o.HourCycle != DefaultHourCycle(o.Locale) {
			// regenerate from the pattern's skeleton with the wanted hour letter
			var b strings.Builder
			forEachToken(t, func(lit string, c byte, n int) {
				if c == 0 || c == 'a' || c == 'b' || c == 'B' {
					return
				}
				if fieldOf(c) == fHour {
					c = hourChar(o.HourCycle)
				}
				b.WriteString(strings.Repeat(string(c), n))
			})
			t = f.bestPattern(parseSkeleton(b.String()), false)
		}
	}
	switch {
	case d == "":
		return t
	case t == "":
		return d
	}
	glue := l.Get("g/dateTimeFormats-atTime/standard/" + o.DateStyle)
	if glue == "" {
		glue = l.Get("g/dateTimeFormats/" + o.DateStyle)
	}
	return strings.Replace(strings.Replace(glue, "{1}", d, 1), "{0}", t, 1)
}

// bestPattern is ICU's DateTimePatternGenerator.getBestPattern.
func (f *Formatter) bestPattern(r skel, top bool) string {
	l := f.o.Locale
	frac := 0
	if r.has(fFraction) {
		frac = r.n[fFraction]
		r.ch[fFraction], r.n[fFraction] = 0, 0
	}
	avail := f.candidates()
	bestD, bestP, bestK := -1, "", ""
	var bestMissing [nFields]bool
	for k, p := range avail {
		if strings.Contains(k, "-") {
			continue
		}
		c := parseSkeleton(k)
		d, missing := distance(r, c)
		if d < 0 {
			continue
		}
		if bestD < 0 || d < bestD || d == bestD && k < bestK {
			bestD, bestP, bestK, bestMissing = d, p, k, missing
		}
	}
	var pat string
	isDate := func(f int) bool { return f <= fDay }
	hasDate, hasTime := false, false
	for i := 0; i < nFields; i++ {
		if r.has(i) {
			if isDate(i) {
				hasDate = true
			} else if i != fZone {
				hasTime = true
			}
		}
	}
	switch {
	case bestD >= 0 && bestD < 0x1000, bestD >= 0x2000 && !(hasDate && hasTime):
		pat = adjust(bestP, r, parseSkeleton(bestK), bestD == 0, f.keepHour())
	case hasDate && hasTime:
		var ds, ts skel
		for i := 0; i < nFields; i++ {
			if isDate(i) {
				ds.ch[i], ds.n[i] = r.ch[i], r.n[i]
			} else {
				ts.ch[i], ts.n[i] = r.ch[i], r.n[i]
			}
		}
		dp := f.bestPattern(ds, false)
		tp := f.bestPattern(ts, false)
		style := "short"
		switch {
		case ds.n[fMonth] >= 4 && ds.has(fWeekday):
			style = "full"
		case ds.n[fMonth] >= 4:
			style = "long"
		case ds.n[fMonth] == 3:
			style = "medium"
		}
		glue := l.Get("g/dateTimeFormats-atTime/standard/" + style)
		if glue == "" {
			glue = l.Get("g/dateTimeFormats/" + style)
		}
		pat = strings.Replace(strings.Replace(glue, "{1}", dp, 1), "{0}", tp, 1)
	case bestD >= 0:
		pat = adjust(bestP, r, parseSkeleton(bestK), bestD == 0, f.keepHour())
		for i := 0; i < nFields; i++ {
			if !bestMissing[i] {
				continue
			}
			var one skel
			one.ch[i], one.n[i] = r.ch[i], r.n[i]
			name := map[int]string{fEra: "Era", fYear: "Year", fQuarter: "Quarter", fMonth: "Month", fWeek: "Week",
				fWeekday: "Day-Of-Week", fDay: "Day", fDayPeriod: "Day-Of-Week", fHour: "Hour", fMinute: "Minute", fSecond: "Second", fZone: "Timezone"}[i]
			item := l.Get("g/dateTimeFormats/appendItems/" + name)
			if item == "" {
				item = "{0} {1}"
			}
			pat = strings.Replace(strings.Replace(item, "{0}", pat, 1), "{1}", one.String(), 1)
		}
	default:
		pat = r.String()
	}
	if frac > 0 && !strings.Contains(pat, "s") {
		pat += strings.Repeat("S", frac)
	} else if frac > 0 {
		var b strings.Builder
		done := false
		forEachToken(pat, func(lit string, c byte, n int) {
			if c == 0 {
				b.WriteString(quoteLiteral(lit))
				return
			}
			b.WriteString(strings.Repeat(string(c), n))
			if c == 's' && !done {
				b.WriteString(quoteLiteral(f.decimal) + strings.Repeat("S", frac))
				done = true
			}
		})
		pat = b.String()
	}
	return pat
}

// Format formats an instant (ms since the epoch).
func (f *Formatter) Format(ms float64) string {
	var b strings.Builder
	for _, p := range f.FormatToParts(ms, nil) {
		b.WriteString(p.Value)
	}
	return b.String()
}

func (f *Formatter) timeOf(ms float64) time.Time {
	sec := int64(ms) / 1000
	rem := int64(ms) % 1000
	if rem < 0 {
		sec--
		rem += 1000
	}
	loc := f.o.TimeZone
	if loc == nil {
		loc = time.UTC
	}
	return time.Unix(sec, rem*1e6).In(loc)
}

// FormatToParts formats an instant, appending to dst.
func (f *Formatter) FormatToParts(ms float64, dst []Part) []Part {
	t := f.timeOf(ms)
	return f.formatToks(f.toks, t, dst, "")
}

func (f *Formatter) formatToks(toks []token, t time.Time, dst []Part, source string) []Part {
	for _, tk := range toks {
		if tk.c == 0 {
			dst = appendLit(dst, tk.lit, source)
			continue
		}
		typ, v := f.field(tk.c, tk.n, t)
		if typ == "literal" {
			dst = appendLit(dst, v, source)
			continue
		}
		dst = append(dst, Part{typ, v, source})
	}
	return dst
}

func appendLit(dst []Part, s, source string) []Part {
	if n := len(dst); n > 0 && dst[n-1].Type == "literal" && dst[n-1].Source == source {
		dst[n-1].Value += s
		return dst
	}
	return append(dst, Part{"literal", s, source})
}

func (f *Formatter) num(v, n int) string {
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	if f.digits != nil {
		b := make([]rune, 0, len(s))
		for _, c := range s {
			if c >= '0' && c <= '9' {
				c = f.digits[c-'0']
			}
			b = append(b, c)
		}
		s = string(b)
	}
	return s
}

var dayKeys = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

func width(n int) string {
	switch {
	case n == 4:
		return "wide"
	case n == 5:
		return "narrow"
	case n >= 6:
		return "short"
	}
	return "abbreviated"
}

func (f *Formatter) field(c byte, n int, t time.Time) (string, string) {
	l := f.o.Locale
	switch c {
	case 'G':
		era := "1"
		if t.Year() <= 0 {
			era = "0"
		}
		k := "eraAbbr"
		if n == 4 {
			k = "eraNames"
		} else if n == 5 {
			k = "eraNarrow"
		}
		return "era", l.Get("g/eras/" + k + "/" + era)
	case 'y', 'u', 'Y':
		y := t.Year()
		if y <= 0 && c == 'y' {
			y = 1 - y
		}
		if n == 2 {
			return "year", f.num(y%100, 2)
		}
		return "year", f.num(y, n)
	case 'M', 'L':
		m := int(t.Month())
		if n <= 2 {
			return "month", f.num(m, n)
		}
		ctx := "format"
		if c == 'L' {
			ctx = "stand-alone"
		}
		return "month", l.Get("g/months/" + ctx + "/" + width(n) + "/" + strconv.Itoa(m))
	case 'd':
		return "day", f.num(t.Day(), n)
	case 'E', 'c', 'e':
		if c != 'E' && n <= 2 {
			return "weekday", f.num(int(t.Weekday())+1, n)
		}
		ctx := "format"
		if c == 'c' {
			ctx = "stand-alone"
		}
		w := width(n)
		if n < 3 {
			w = "abbreviated"
		}
		return "weekday", l.Get("g/days/" + ctx + "/" + w + "/" + dayKeys[t.Weekday()])
	case 'a':
		p := "am"
		if t.Hour() >= 12 {
			p = "pm"
		}
		w := width(n)
		if n <= 3 {
			w = "wide" // ICU's AmPmMarkers, which 'a' shows, are the wide names
		}
		return "dayPeriod", l.Get("g/dayPeriods/format/" + w + "/" + p)
	case 'b', 'B':
		minute := t.Hour()*60 + t.Minute()
		p := cldr.DayPeriod(f.o.Lang, minute, t.Second() == 0 && t.Minute() == 0)
		v := l.Get("g/dayPeriods/format/" + width(n) + "/" + p)
		if v == "" {
			v = l.Get("g/dayPeriods/format/abbreviated/" + p)
		}
		return "dayPeriod", v
	case 'h':
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		return "hour", f.num(h, n)
	case 'H':
		return "hour", f.num(t.Hour(), n)
	case 'K':
		return "hour", f.num(t.Hour()%12, n)
	case 'k':
		h := t.Hour()
		if h == 0 {
			h = 24
		}
		return "hour", f.num(h, n)
	case 'm':
		return "minute", f.num(t.Minute(), n)
	case 's':
		return "second", f.num(t.Second(), n)
	case 'S':
		s := strconv.Itoa(t.Nanosecond()/1e6 + 1000)[1:]
		for len(s) < n {
			s += "0"
		}
		v, _ := strconv.Atoi(s[:n])
		return "fractionalSecond", f.num(v, n)
	case 'z', 'v', 'O', 'V', 'Z', 'X', 'x':
		return "timeZoneName", f.zoneName(c, n, t)
	}
	return "literal", strings.Repeat(string(c), n)
}

func (f *Formatter) zoneName(c byte, n int, t time.Time) string {
	l := f.o.Locale
	id := f.o.TimeZoneID
	switch id {
	case "UTC", "Etc/UTC", "Etc/GMT", "GMT", "":
		id = "Etc/UTC"
	}
	long := n >= 4
	w := "short"
	if long {
		w = "long"
	}
	switch c {
	case 'z':
		typ := "standard"
		if t.IsDST() {
			typ = "daylight"
		}
		if v := l.Get("z/z/" + id + "/" + w + "/" + typ); v != "" {
			return v
		}
		if mz := cldr.MetaZone(id); mz != "" {
			if v := l.Get("z/m/" + mz + "/" + w + "/" + typ); v != "" {
				return v
			}
		}
	case 'v':
		if v := l.Get("z/z/" + id + "/" + w + "/generic"); v != "" {
			return v
		}
		if mz := cldr.MetaZone(id); mz != "" {
			if v := l.Get("z/m/" + mz + "/" + w + "/generic"); v != "" {
				return v
			}
		}
	}
	return f.gmt(t, long)
}

func (f *Formatter) gmt(t time.Time, long bool) string {
	l := f.o.Locale
	_, off := t.Zone()
	if off == 0 {
		return l.Get("z/gmtZeroFormat")
	}
	hf := l.Get("z/hourFormat")
	pos, neg, _ := strings.Cut(hf, ";")
	p := pos
	if off < 0 {
		p = neg
		off = -off
	}
	h, m := off/3600, off%3600/60
	if !long {
		// short: "+H" or "+H:mm"
		if m == 0 {
			p = cutMinutes(p)
		}
		p = strings.Replace(p, "HH", "H", 1)
	}
	var b strings.Builder
	forEachToken(p, func(lit string, c byte, n int) {
		switch c {
		case 0:
			b.WriteString(lit)
		case 'H':
			b.WriteString(f.num(h, n))
		case 'm':
			b.WriteString(f.num(m, n))
		}
	})
	return strings.Replace(l.Get("z/gmtFormat"), "{0}", b.String(), 1)
}

// cutMinutes drops ":mm" (with its separator) from an hour format.
func cutMinutes(p string) string {
	i := strings.Index(p, "mm")
	if i < 0 {
		return p
	}
	j := strings.LastIndexAny(p[:i], "Hh")
	if j < 0 {
		return p
	}
	return p[:j+1] + p[i+2:]
}

// findRanges picks the intervalFormats entry for the pattern's fields, as
// ICU's DateIntervalFormat does: the closest interval skeleton that has
// every field of the pattern.
func (f *Formatter) findRanges() {
	var b strings.Builder
	for _, t := range f.toks {
		if t.c == 0 || t.c == 'a' {
			continue
		}
		c := t.c
		switch c {
		case 'L':
			c = 'M'
		case 'c':
			c = 'E'
		case 'K':
			c = 'h'
		case 'k':
			c = 'H'
		}
		b.WriteString(strings.Repeat(string(c), t.n))
	}
	want := parseSkeleton(b.String())
	if want.has(fFraction) {
		return
	}
	all := f.o.Locale.Children("g/dateTimeFormats/intervalFormats/")
	best, bestD := "", -1
	for k := range all {
		sk, _, ok := strings.Cut(k, "/")
		if !ok {
			continue
		}
		d, _ := distance(want, parseSkeleton(sk))
		if d < 0 || d >= 0x1000 {
			continue
		}
		if bestD < 0 || d < bestD || d == bestD && sk < best {
			best, bestD = sk, d
		}
	}
	if best == "" {
		return
	}
	f.rangeSkel = parseSkeleton(best)
	f.rangeReq = want
	f.ranges = map[string]string{}
	for k, v := range all {
		if sk, fl, ok := strings.Cut(k, "/"); ok && sk == best {
			f.ranges[fl] = strings.ReplaceAll(v, "\u202f", " ")
		}
	}
}

// keepHour: an hour cycle other than the locale's keeps the pattern's hour width.
func (f *Formatter) keepHour() bool {
	return f.o.HourCycle != "" && (f.o.HourCycle == "h23" || f.o.HourCycle == "h24") != (DefaultHourCycle(f.o.Locale) == "h23" || DefaultHourCycle(f.o.Locale) == "h24")
}

// withHourCycle rewrites the hour letters of a pattern to an hour cycle of
// the same 12/24 kind (h↔K, H↔k), as V8 does after pattern generation.
func withHourCycle(p, hc string) string {
	var from, to byte
	switch hc {
	case "h11":
		from, to = 'h', 'K'
	case "h12":
		from, to = 'K', 'h'
	case "h23":
		from, to = 'k', 'H'
	case "h24":
		from, to = 'H', 'k'
	default:
		return p
	}
	var b strings.Builder
	forEachToken(p, func(lit string, c byte, n int) {
		if c == 0 {
			b.WriteString(quoteLiteral(lit))
			return
		}
		if c == from {
			c = to
		}
		b.WriteString(strings.Repeat(string(c), n))
	})
	return b.String()
}

// candidates are the skeleton → pattern pairs ICU's pattern generator
// starts from: the locale's date and time formats under the skeletons
// their fields make (day periods left out), overridden by its
// availableFormats.
func (f *Formatter) candidates() map[string]string {
	l := f.o.Locale
	out := map[string]string{}
	for _, kind := range []string{"timeFormats", "dateFormats"} {
		for _, w := range []string{"full", "long", "medium", "short"} {
			p := l.Get("g/" + kind + "/" + w)
			if p == "" {
				continue
			}
			var b strings.Builder
			forEachToken(p, func(lit string, c byte, n int) {
				if c == 0 || c == 'a' || c == 'b' || c == 'B' || fieldOf(c) < 0 {
					return
				}
				b.WriteString(strings.Repeat(string(c), n))
			})
			k := parseSkeleton(b.String()).String()
			if k != "" {
				if _, dup := out[k]; !dup {
					out[k] = p
				}
			}
		}
	}
	for k, v := range l.Children("g/dateTimeFormats/availableFormats/") {
		out[k] = v
	}
	return out
}
