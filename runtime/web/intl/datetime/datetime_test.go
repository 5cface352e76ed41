package datetime

import (
	"testing"
	"time"

	"edgedev/runtime/web/intl/cldr"
)

// The expected strings came from wrangler dev 4.86.0 (workerd 2026-04-26,
// ICU 77) for the same options through Intl.DateTimeFormat.
func TestFormat(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tz data:", err)
	}
	const when = 1704467049123 // 2024-01-05T15:04:09.123Z
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Locale: cldr.Best("en"), Lang: "en", Region: "US", HourCycle: "h12", Year: "numeric", Month: "2-digit", Day: "2-digit"}, "01/05/2024"},
		{Options{Locale: cldr.Best("en-GB"), Lang: "en", Region: "GB", HourCycle: "h23", Year: "numeric", Month: "numeric", Day: "numeric"}, "05/01/2024"},
		{Options{Locale: cldr.Best("en"), Lang: "en", Region: "US", HourCycle: "h12", Hour: "numeric", Minute: "2-digit", TimeZoneName: "long", TimeZone: ny, TimeZoneID: "America/New_York"}, "10:04 AM Eastern Standard Time"},
		{Options{Locale: cldr.Best("de"), Lang: "de", Region: "DE", HourCycle: "h23", DateStyle: "full", TimeStyle: "short"}, "Freitag, 5. Januar 2024 um 15:04"},
		{Options{Locale: cldr.Best("ja"), Lang: "ja", Region: "JP", HourCycle: "h23", Weekday: "short", Month: "short", Day: "numeric"}, "1月5日(金)"},
		{Options{Locale: cldr.Best("en"), Lang: "en", Region: "US", HourCycle: "h12", Minute: "2-digit", Second: "2-digit", FractionalSecondDigits: 3}, "04:09.123"},
		{Options{Locale: cldr.Best("ar-EG"), Lang: "ar", Region: "EG", NumberingSystem: "arab", HourCycle: "h12", DateStyle: "medium"}, "٠٥‏/٠١‏/٢٠٢٤"},
	} {
		if c.o.TimeZone == nil {
			c.o.TimeZone, c.o.TimeZoneID = time.UTC, "UTC"
		}
		f := New(c.o)
		if got := f.Format(when); got != c.want {
			t.Errorf("%+v: got %q (pattern %q), want %q", c.o, got, f.Pattern, c.want)
		}
	}
	en := New(Options{Locale: cldr.Best("en"), Lang: "en", Region: "US", HourCycle: "h12", TimeZone: time.UTC, TimeZoneID: "UTC", Month: "short", Day: "numeric"})
	var got string
	for _, p := range en.FormatRangeToParts(when, when+5*864e5) {
		got += p.Value
	}
	if want := "Jan 5\u2009–\u200910"; got != want {
		t.Errorf("range = %q, want %q", got, want)
	}
}
