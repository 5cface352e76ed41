package intl

import (
	"testing"
	"time"

	"edgedev/runtime/web/intl/cldr"
	"edgedev/runtime/web/intl/datetime"
	"edgedev/runtime/web/intl/number"
)

// BenchmarkFormatDate formats one instant with a dateStyle/timeStyle formatter.
func BenchmarkFormatDate(b *testing.B) {
	f := datetime.New(datetime.Options{Locale: cldr.Get("de"), Lang: "de", Region: "DE", TimeZone: time.UTC, TimeZoneID: "UTC",
		DateStyle: "medium", TimeStyle: "short", HourCycle: "h23"})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = f.Format(1704467049123 + float64(i))
	}
}

// BenchmarkFormatCurrency formats one number as EUR in de.
func BenchmarkFormatCurrency(b *testing.B) {
	f := number.New(number.Options{Locale: cldr.Get("de"), Lang: "de", Style: "currency", Currency: "EUR", CurrencyDisplay: "symbol",
		MinInt: 1, MinFrac: 2, MaxFrac: 2, RoundingType: "fractionDigits", RoundingIncrement: 1})
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = f.Format(number.FromFloat(1234.5 + float64(i%100)))
	}
}

// BenchmarkLocaleFirstUse is the cost of a locale's first use: decompressing
// its family and resolving its record over its parents (the cache is reset
// each time).
func BenchmarkLocaleFirstUse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		cldr.ResetForBenchmark()
		if cldr.Get("de-CH") == nil {
			b.Fatal("no de-CH")
		}
	}
}
