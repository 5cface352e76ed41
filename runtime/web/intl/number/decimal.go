// Package number formats numbers as ECMA-402's Intl.NumberFormat does, from
// CLDR patterns and symbols (package cldr): decimal arithmetic on exact
// digit strings, every rounding mode and option, grouping, notations,
// currencies, units and parts.
package number

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Decimal is digits × 10^Exp with no leading zeros in Digits ("" is zero),
// or NaN or an infinity.
type Decimal struct {
	Neg    bool
	Digits string
	Exp    int
	NaN    bool
	Inf    bool
}

// FromFloat is the shortest decimal that reads back as x, as ICU takes a double.
func FromFloat(x float64) Decimal {
	switch {
	case math.IsNaN(x):
		return Decimal{NaN: true}
	case math.IsInf(x, 0):
		return Decimal{Inf: true, Neg: x < 0}
	}
	d := Decimal{Neg: math.Signbit(x)}
	if x == 0 {
		return d
	}
	s := strconv.FormatFloat(math.Abs(x), 'e', -1, 64)
	mant, ex, _ := strings.Cut(s, "e")
	e, _ := strconv.Atoi(ex)
	ip, fp, _ := strings.Cut(mant, ".")
	d.Digits = ip + fp
	d.Exp = e - len(fp)
	d.trim()
	return d
}

// Parse reads a StringNumericLiteral (decimal, with exponent, or 0x/0o/0b
// integer, or Infinity) exactly; ok is false if s is not one (NaN).
func Parse(s string) (Decimal, bool) {
	s = strings.TrimSpace(s)
	var d Decimal
	if s == "" {
		return d, true
	}
	if len(s) > 2 && s[0] == '0' && strings.ContainsRune("xXoObB", rune(s[1])) {
		base := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[s[1]]
		n, ok := new(big.Int).SetString(s[2:], base)
		if !ok {
			return Decimal{NaN: true}, false
		}
		return FromBigInt(n.String()), true
	}
	switch s[0] {
	case '-':
		d.Neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	if s == "Infinity" {
		d.Inf = true
		return d, true
	}
	mant, ex := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mant, ex = s[:i], s[i+1:]
		if ex == "" || ex == "+" || ex == "-" {
			return Decimal{NaN: true}, false
		}
	}
	ip, fp, _ := strings.Cut(mant, ".")
	if ip == "" && fp == "" || strings.Count(mant, ".") > 1 || !allDigits(ip) || !allDigits(fp) {
		return Decimal{NaN: true}, false
	}
	e := 0
	if ex != "" {
		v, err := strconv.Atoi(ex)
		if err != nil || !allDigits(strings.TrimLeft(ex, "+-")) {
			if allDigits(strings.TrimLeft(ex, "+-")) {
				// A huge exponent: the value is 0 or infinite.
				if ex[0] == '-' {
					return Decimal{Neg: d.Neg}, true
				}
				return Decimal{Inf: true, Neg: d.Neg}, true
			}
			return Decimal{NaN: true}, false
		}
		e = v
	}
	d.Digits = ip + fp
	d.Exp = e - len(fp)
	d.trim()
	// V8 reads a string beyond the double range as an infinity
	if d.Magnitude() > 308 {
		if f, _ := strconv.ParseFloat(strings.TrimPrefix(s, "+"), 64); math.IsInf(f, 0) {
			return Decimal{Inf: true, Neg: d.Neg}, true
		}
	}
	return d, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// FromBigInt reads a BigInt's decimal string ("-123").
func FromBigInt(s string) Decimal {
	d := Decimal{}
	if strings.HasPrefix(s, "-") {
		d.Neg = true
		s = s[1:]
	}
	d.Digits = s
	d.trim()
	return d
}

func (d *Decimal) trim() {
	s := strings.TrimLeft(d.Digits, "0")
	n := len(s)
	s = strings.TrimRight(s, "0")
	d.Exp += n - len(s)
	d.Digits = s
	if s == "" {
		d.Exp = 0
	}
}

// IsZero reports whether d is zero (of either sign).
func (d Decimal) IsZero() bool { return !d.NaN && !d.Inf && d.Digits == "" }

// Magnitude is the exponent of the leading digit (0 for zero).
func (d Decimal) Magnitude() int {
	if d.Digits == "" {
		return 0
	}
	return len(d.Digits) + d.Exp - 1
}

// Shift multiplies d by 10^n.
func (d Decimal) Shift(n int) Decimal {
	if d.Digits != "" {
		d.Exp += n
	}
	return d
}

// Cmp compares a and b (finite or infinite, not NaN).
func Cmp(a, b Decimal) int {
	sa, sb := a.sign(), b.sign()
	if sa != sb {
		if sa < sb {
			return -1
		}
		return 1
	}
	c := cmpAbs(a, b)
	if sa < 0 {
		return -c
	}
	return c
}

func (d Decimal) sign() int {
	if d.Inf {
		if d.Neg {
			return -2
		}
		return 2
	}
	if d.Digits == "" {
		return 0
	}
	if d.Neg {
		return -1
	}
	return 1
}

func cmpAbs(a, b Decimal) int {
	if a.Inf || b.Inf {
		return 0
	}
	ma, mb := a.Magnitude(), b.Magnitude()
	if ma != mb {
		if ma < mb {
			return -1
		}
		return 1
	}
	as, bs := a.Digits, b.Digits
	for len(as) < len(bs) {
		as += "0"
	}
	for len(bs) < len(as) {
		bs += "0"
	}
	return strings.Compare(as, bs)
}

var bigTen = big.NewInt(10)

func pow10(n int) *big.Int { return new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil) }

// roundTo rounds d to a multiple of inc×10^pos with mode.
func (d Decimal) roundTo(pos, inc int, mode string) Decimal {
	if d.Digits == "" || d.NaN || d.Inf {
		return d
	}
	if inc <= 1 {
		inc = 1
		if d.Exp >= pos {
			return d
		}
		// Fast path: drop digits with only the first dropped and the rest to decide.
		keep := len(d.Digits) - (pos - d.Exp)
		if keep < -1 {
			keep = -1
		}
		up := false
		var first byte = '0'
		rest := false
		kept := ""
		if keep >= 0 {
			kept = d.Digits[:keep]
			if keep < len(d.Digits) {
				first = d.Digits[keep]
				rest = keep+1 < len(d.Digits)
			}
		} else {
			rest = true // all digits are below the first dropped one
		}
		var last byte = '0'
		if kept != "" {
			last = kept[len(kept)-1]
		}
		up = roundUp(mode, d.Neg, first, rest, (last-'0')%2 == 1)
		r := Decimal{Neg: d.Neg, Digits: kept, Exp: pos}
		if up {
			r.Digits = increment(kept)
		}
		r.trim()
		return r
	}
	k := d.Exp
	if pos < k {
		k = pos
	}
	n, _ := new(big.Int).SetString(d.Digits, 10)
	n.Mul(n, pow10(d.Exp-k))
	u := new(big.Int).Mul(big.NewInt(int64(inc)), pow10(pos-k))
	q, r := new(big.Int).QuoRem(n, u, new(big.Int))
	if r.Sign() != 0 {
		twice := new(big.Int).Lsh(r, 1)
		c := twice.Cmp(u)
		var first byte = '0'
		rest := true
		switch {
		case c > 0:
			first = '6'
		case c == 0:
			first, rest = '5', false
		default:
			first = '1'
		}
		if roundUp(mode, d.Neg, first, rest, q.Bit(0) == 1) {
			q.Add(q, big.NewInt(1))
		}
	}
	q.Mul(q, big.NewInt(int64(inc)))
	res := Decimal{Neg: d.Neg, Digits: q.String(), Exp: pos}
	res.trim()
	return res
}

// roundUp says whether to increase the magnitude, given the first dropped
// digit, whether any nonzero digit follows it, and the parity of the last kept.
func roundUp(mode string, neg bool, first byte, rest bool, odd bool) bool {
	if first == '0' && !rest {
		return false
	}
	half := 0 // -1 below half, 0 exactly half, 1 above
	switch {
	case first > '5' || first == '5' && rest:
		half = 1
	case first < '5':
		half = -1
	}
	switch mode {
	case "ceil":
		return !neg
	case "floor":
		return neg
	case "expand":
		return true
	case "trunc":
		return false
	}
	if half != 0 {
		return half > 0
	}
	switch mode {
	case "halfCeil":
		return !neg
	case "halfFloor":
		return neg
	case "halfTrunc":
		return false
	case "halfEven":
		return odd
	}
	return true // halfExpand
}

func increment(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '9' {
			b[i] = '0'
			continue
		}
		b[i]++
		return string(b)
	}
	return "1" + string(b)
}

// plainString writes |d| with at least minInt integer digits and exactly
// frac fraction digits (d must have no digits below 10^-frac).
func (d Decimal) plainString(minInt, frac int) (ip, fp string) {
	digits := d.Digits
	exp := d.Exp
	if digits == "" {
		exp = 0
	}
	// integer part
	if n := len(digits) + exp; n > 0 {
		if exp >= 0 {
			ip = digits + strings.Repeat("0", exp)
		} else {
			ip = digits[:n]
		}
	}
	for len(ip) < minInt {
		ip = "0" + ip
	}
	if exp < 0 {
		f := digits
		if n := len(digits) + exp; n > 0 {
			f = digits[n:]
		} else {
			f = strings.Repeat("0", -n) + digits
		}
		fp = f
	}
	for len(fp) < frac {
		fp += "0"
	}
	return ip, fp
}
