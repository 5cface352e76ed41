// Package datetime formats dates as ECMA-402's Intl.DateTimeFormat does:
// it turns options into a CLDR skeleton, finds the locale's best pattern
// for it as ICU's DateTimePatternGenerator does (availableFormats, field
// length adjustment, the date-time glue), and formats instants in a Go
// time zone into parts, single or as a range (intervalFormats).
package datetime

import (
	"strings"
)

// field types, in the order ICU ranks them.
const (
	fEra = iota
	fYear
	fQuarter
	fMonth
	fWeek
	fWeekday
	fDay
	fDayPeriod
	fHour
	fMinute
	fSecond
	fFraction
	fZone
	nFields
)

func fieldOf(c byte) int {
	switch c {
	case 'G':
		return fEra
	case 'y', 'Y', 'u', 'U', 'r':
		return fYear
	case 'Q', 'q':
		return fQuarter
	case 'M', 'L':
		return fMonth
	case 'w', 'W':
		return fWeek
	case 'E', 'c', 'e':
		return fWeekday
	case 'd', 'D', 'F', 'g':
		return fDay
	case 'a', 'b', 'B':
		return fDayPeriod
	case 'h', 'H', 'K', 'k', 'j', 'J', 'C':
		return fHour
	case 'm':
		return fMinute
	case 's':
		return fSecond
	case 'S', 'A':
		return fFraction
	case 'z', 'Z', 'O', 'v', 'V', 'X', 'x':
		return fZone
	}
	return -1
}

// skel is a skeleton: per field type, the letter and its count.
type skel struct {
	ch [nFields]byte
	n  [nFields]int
}

func parseSkeleton(s string) skel {
	var k skel
	for i := 0; i < len(s); {
		c := s[i]
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		if f := fieldOf(c); f >= 0 {
			k.ch[f], k.n[f] = c, j-i
		}
		i = j
	}
	return k
}

func (k skel) has(f int) bool { return k.ch[f] != 0 }

func (k skel) String() string {
	var b strings.Builder
	for f := 0; f < nFields; f++ {
		for i := 0; i < k.n[f]; i++ {
			b.WriteByte(k.ch[f])
		}
	}
	return b.String()
}

// kind sorts field letters into numeric and text variants, and the zone's styles.
func kind(c byte, n int) int {
	switch c {
	case 'M', 'L', 'E', 'c', 'e', 'Q', 'q':
		if n >= 3 || c == 'E' {
			return 1
		}
		return 0
	case 'z':
		return 10
	case 'v':
		return 11
	case 'O':
		return 12
	case 'h', 'K':
		return 20
	case 'H', 'k':
		return 21
	case 'a', 'b', 'B':
		return 30 + int(c)
	}
	return 0
}

// distance of candidate c from request r; -1 disqualifies.
func distance(r, c skel) (int, [nFields]bool) {
	d := 0
	var missing [nFields]bool
	for f := 0; f < nFields; f++ {
		switch {
		case r.has(f) && !c.has(f):
			d += 0x1000
			missing[f] = true
		case !r.has(f) && c.has(f):
			return -1, missing
		case r.has(f):
			if f == fHour && kind(r.ch[f], r.n[f]) != kind(c.ch[f], c.n[f]) {
				// a 12-hour pattern for a 24-hour request (or the reverse)
				// loses to one that lacks a field
				d += 0x2000
			} else if kind(r.ch[f], r.n[f]) != kind(c.ch[f], c.n[f]) {
				d += 0x100
			} else if rn, cn := normN(r.ch[f], r.n[f]), normN(c.ch[f], c.n[f]); rn != cn {
				x := rn - cn
				if x < 0 {
					x = -x
				}
				d += x
			}
		}
	}
	return d, missing
}

// adjust rewrites the fields of pattern p (matched from skeleton c) to the
// request's lengths and letters, as ICU's adjustFieldTypes does: a field
// keeps the pattern's length when the matched skeleton already had the
// requested length, or when one of them is numeric and the other text.
func adjust(p string, r, c skel, exact, keepHour bool) string {
	var b strings.Builder
	forEachToken(p, func(lit string, pc byte, n int) {
		if pc == 0 {
			b.WriteString(quoteLiteral(lit))
			return
		}
		f := fieldOf(pc)
		if f < 0 || !r.has(f) {
			b.WriteString(strings.Repeat(string(pc), n))
			return
		}
		rc, rn := r.ch[f], r.n[f]
		outC, outN := pc, rn
		switch f {
		case fHour, fDayPeriod, fZone:
			outC = pc
			if f == fZone || f == fDayPeriod {
				outC = rc
				if f == fDayPeriod && (pc == 'a') && rc == 'a' {
					outC = 'a'
				}
			}
		case fMonth:
			outC = pc
			if pc == 'M' && rc == 'L' {
				outC = 'L'
			}
		case fWeekday:
			outC = pc
		default:
			outC = pc
		}
		if exact && c.n[f] == rn || f == fHour && keepHour || (kind(pc, n) == 0) != (kind(rc, rn) == 0) && f != fDayPeriod && f != fZone {
			if f != fZone && f != fDayPeriod {
				outN = n
			}
		}
		if f == fWeekday && pc == 'c' && outN < 3 {
			outN = 3
		}
		b.WriteString(strings.Repeat(string(outC), outN))
	})
	return b.String()
}

// forEachToken walks a pattern: literals (quotes resolved) as lit with c == 0,
// fields as letter c repeated n times.
func forEachToken(p string, fn func(lit string, c byte, n int)) {
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			fn(lit.String(), 0, 0)
			lit.Reset()
		}
	}
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\'':
			if i+1 < len(p) && p[i+1] == '\'' {
				lit.WriteByte('\'')
				i += 2
				continue
			}
			j := i + 1
			for j < len(p) {
				if p[j] == '\'' {
					if j+1 < len(p) && p[j+1] == '\'' {
						lit.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				lit.WriteByte(p[j])
				j++
			}
			i = j + 1
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			flush()
			j := i
			for j < len(p) && p[j] == c {
				j++
			}
			fn("", c, j-i)
			i = j
		default:
			lit.WriteByte(c)
			i++
		}
	}
	flush()
}

// quoteLiteral quotes text for use in a pattern.
func quoteLiteral(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '\'' {
			need = true
		}
	}
	if !need {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// normN folds the lengths ICU treats as one width: E, EE and EEE (and G,
// a, z, and text months below MMM) are all the abbreviated form.
func normN(c byte, n int) int {
	switch c {
	case 'E', 'G', 'a', 'z', 'b', 'B':
		if n <= 3 {
			return 3
		}
	case 'c', 'e', 'M', 'L':
		if n == 3 || n < 3 && false {
			return 3
		}
	}
	return n
}
