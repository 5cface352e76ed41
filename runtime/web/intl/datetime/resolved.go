package datetime

import "time"

// Resolved lists the components the pattern shows, with ECMA-402 values,
// in the order resolvedOptions reports them; HourCycle is "" without an hour.
func (f *Formatter) Resolved() (comps [][2]string, hourCycle string, fracDigits int) {
	text := func(n int) string {
		switch {
		case n == 4:
			return "long"
		case n == 5:
			return "narrow"
		}
		return "short"
	}
	numeric := func(n int) string {
		if n == 2 {
			return "2-digit"
		}
		return "numeric"
	}
	got := map[string]string{}
	for _, t := range f.toks {
		switch t.c {
		case 'G':
			got["era"] = text(t.n)
		case 'y', 'u', 'Y':
			got["year"] = numeric(t.n)
		case 'M', 'L':
			if t.n <= 2 {
				got["month"] = numeric(t.n)
			} else {
				got["month"] = text(t.n)
			}
		case 'E', 'c', 'e':
			got["weekday"] = text(t.n)
		case 'd':
			got["day"] = numeric(t.n)
		case 'b', 'B':
			got["dayPeriod"] = text(t.n)
		case 'h', 'H', 'K', 'k':
			got["hour"] = numeric(t.n)
			hourCycle = map[byte]string{'h': "h12", 'H': "h23", 'K': "h11", 'k': "h24"}[t.c]
		case 'm':
			got["minute"] = numeric(t.n)
		case 's':
			got["second"] = numeric(t.n)
		case 'S':
			fracDigits = t.n
		case 'z':
			got["timeZoneName"] = map[bool]string{false: "short", true: "long"}[t.n >= 4]
		case 'O':
			got["timeZoneName"] = map[bool]string{false: "shortOffset", true: "longOffset"}[t.n >= 4]
		case 'v':
			got["timeZoneName"] = map[bool]string{false: "shortGeneric", true: "longGeneric"}[t.n >= 4]
		}
	}
	for _, k := range []string{"weekday", "era", "year", "month", "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"} {
		if v, ok := got[k]; ok {
			comps = append(comps, [2]string{k, v})
		}
	}
	return comps, hourCycle, fracDigits
}

// FormatRangeToParts formats the range from a to b (ms since the epoch),
// with intervalFormats where the locale has one for the differing field.
func (f *Formatter) FormatRangeToParts(a, b float64) []Part {
	f.rangeOnce.Do(f.findRanges)
	ta, tb := f.timeOf(a), f.timeOf(b)
	diff := f.largestDiff(ta, tb)
	if diff == 0 {
		ps := f.formatToks(f.toks, ta, nil, "shared")
		return ps
	}
	if p, ok := f.ranges[string(diff)]; ok && diff != 0 {
		if diff == 'h' || diff == 'H' {
			// ranges use h for the 12-hour and H for the 24-hour forms
		}
		var toks []token
		forEachToken(adjust(p, f.rangeReq, f.rangeSkel, true, false), func(lit string, c byte, n int) { toks = append(toks, token{lit, c, n}) })
		// the second date starts at the first repeated field
		seen := map[int]bool{}
		split := len(toks)
		for i, t := range toks {
			if t.c == 0 {
				continue
			}
			fl := fieldOf(t.c)
			if seen[fl] {
				split = i
				break
			}
			seen[fl] = true
		}
		// literals between the halves are shared
		start := split
		for start > 0 && toks[start-1].c == 0 {
			start--
		}
		var out []Part
		out = f.formatToks(toks[:start], ta, out, "startRange")
		out = f.formatToks(toks[start:split], ta, out, "shared")
		out = f.formatToks(toks[split:], tb, out, "endRange")
		// fields after the end date's last differing one are shared in ICU's
		// output only through the pattern; keep as is.
		return out
	}
	fb := f.fallback
	if fb == "" {
		fb = "{0} – {1}"
	}
	var out []Part
	for fb != "" {
		i := indexPlaceholder(fb)
		if i < 0 {
			out = appendLit(out, fb, "shared")
			break
		}
		if i > 0 {
			out = appendLit(out, fb[:i], "shared")
		}
		if fb[i+1] == '0' {
			out = f.formatToks(f.toks, ta, out, "startRange")
		} else {
			out = f.formatToks(f.toks, tb, out, "endRange")
		}
		fb = fb[i+3:]
	}
	return out
}

func indexPlaceholder(s string) int {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '{' && (s[i+1] == '0' || s[i+1] == '1') && s[i+2] == '}' {
			return i
		}
	}
	return -1
}

// largestDiff returns the interval field letter (G y M d a h H m s) of the
// largest field, among those the pattern shows, that differs; 0 if none.
func (f *Formatter) largestDiff(a, b time.Time) byte {
	has := map[int]bool{}
	hour24 := false
	for _, t := range f.toks {
		if t.c != 0 {
			has[fieldOf(t.c)] = true
			if t.c == 'H' || t.c == 'k' {
				hour24 = true
			}
		}
	}
	switch {
	case (a.Year() <= 0) != (b.Year() <= 0) && has[fEra]:
		return 'G'
	case a.Year() != b.Year() && (has[fYear] || has[fMonth] || has[fDay] || has[fWeekday]):
		return 'y'
	case a.Month() != b.Month() && (has[fMonth] || has[fDay] || has[fWeekday]):
		return 'M'
	case a.Day() != b.Day() && (has[fDay] || has[fWeekday]):
		return 'd'
	case (a.Hour() < 12) != (b.Hour() < 12) && has[fHour] && !hour24:
		return 'a'
	case a.Hour() != b.Hour() && has[fHour]:
		if hour24 {
			return 'H'
		}
		return 'h'
	case a.Minute() != b.Minute() && has[fMinute]:
		return 'm'
	case a.Second() != b.Second() && has[fSecond]:
		return 's'
	case has[fFraction] && fracDiffers(a, b, f.fracDigits()):
		return 'S'
	}
	if !has[fHour] && !has[fMinute] && (a.Year() != b.Year() || a.YearDay() != b.YearDay()) && !has[fDay] {
		// a date-only pattern whose shown fields agree
		return 0
	}
	if a.Equal(b) || a.Sub(b) < time.Second && a.Sub(b) > -time.Second {
		return 0
	}
	return 0
}

func (f *Formatter) fracDigits() int {
	for _, t := range f.toks {
		if t.c == 'S' {
			return t.n
		}
	}
	return 0
}

func fracDiffers(a, b time.Time, n int) bool {
	div := 1000000
	for i := 0; i < n; i++ {
		div /= 10
	}
	return a.Nanosecond()/div != b.Nanosecond()/div
}
