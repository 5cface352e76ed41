package number

import (
	"testing"

	"edgedev/runtime/web/intl/cldr"
)

// The expected strings came from wrangler dev 4.86.0 (workerd 2026-04-26,
// ICU 77) for the same options through Intl.NumberFormat.
func TestFormat(t *testing.T) {
	dec := func(l string) Options {
		return Options{Locale: cldr.Best(l), Lang: l, Style: "decimal", MinInt: 1, MaxFrac: 3, RoundingType: "fractionDigits", RoundingIncrement: 1}
	}
	with := func(o Options, f func(*Options)) Options { f(&o); return o }
	num := func(x float64) Decimal { return FromFloat(x) }
	str := func(s string) Decimal { d, _ := Parse(s); return d }
	for _, c := range []struct {
		o    Options
		in   Decimal
		want string
	}{
		{with(dec("en"), func(o *Options) { o.MaxFrac, o.RoundingMode = 0, "halfEven" }), num(2.5), "2"},
		{with(dec("en"), func(o *Options) { o.MaxFrac, o.RoundingMode = 0, "halfEven" }), num(3.5), "4"},
		{with(dec("en"), func(o *Options) { o.MaxFrac, o.RoundingMode = 0, "floor" }), num(-2.1), "-3"},
		{with(dec("en"), func(o *Options) { o.MaxFrac, o.RoundingMode = 0, "trunc" }), num(-2.9), "-2"},
		{with(dec("en"), func(o *Options) { o.MinFrac, o.MaxFrac, o.RoundingIncrement = 2, 2, 5 }), num(1.234), "1.25"},
		{with(dec("en"), func(o *Options) { o.RoundingType, o.MinSig, o.MaxSig = "significantDigits", 1, 2 }), num(0.000123456), "0.00012"},
		{with(dec("en"), func(o *Options) { o.RoundingType, o.MinSig, o.MaxSig = "significantDigits", 5, 21 }), num(1.5), "1.5000"},
		{with(dec("en"), func(o *Options) { o.MinFrac, o.MaxFrac, o.TrailingZeroDisplay = 2, 2, "stripIfInteger" }), num(5), "5"},
		{dec("en-IN"), num(123456789), "12,34,56,789"},
		{dec("es"), num(1234), "1234"},
		{dec("es"), num(12345), "12.345"},
		{with(dec("en"), func(o *Options) { o.Notation = "scientific" }), num(0.00012345), "1.235E-4"},
		{with(dec("en"), func(o *Options) { o.Notation = "engineering" }), num(12345), "12.345E3"},
		{with(dec("en"), func(o *Options) {
			o.Notation, o.MaxFrac, o.MinSig, o.MaxSig, o.RoundingType, o.UseGrouping = "compact", 0, 1, 2, "morePrecision", "min2"
		}), num(999999), "1M"},
		{dec("en"), str("1e400"), "∞"},
		{dec("en"), str("0.1000000000000000000000001"), "0.1"},
		{dec("en"), FromBigInt("-123456789012345678901234567890"), "-123,456,789,012,345,678,901,234,567,890"},
		{with(dec("en"), func(o *Options) { o.Style, o.MaxFrac, o.SignDisplay = "percent", 0, "exceptZero" }), num(-0.0001), "0%"},
		{with(dec("en"), func(o *Options) {
			o.Style, o.Currency, o.CurrencyDisplay, o.MinFrac, o.MaxFrac = "currency", "USD", "name", 2, 2
		}), num(1), "1.00 US dollars"},
	} {
		if got := New(c.o).Format(c.in); got != c.want {
			t.Errorf("%+v of %+v = %q, want %q", c.in, c.o, got, c.want)
		}
	}
}
