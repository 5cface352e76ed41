package intl_test

import (
	"testing"

	"edgedev/runtime/runtimetest"
)

// Expected strings are what Node 20 (ICU, en-US) prints for the same calls.
func TestIntl_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"DateTimeFormat defaults to en-US in UTC", `
			assertEq(Intl.DateTimeFormat().resolvedOptions().timeZone, "UTC");
			assertEq(new Intl.DateTimeFormat().resolvedOptions().locale, "en-US");
			const d = new Date(Date.UTC(2024, 0, 5, 15, 4, 9));
			assertEq(new Intl.DateTimeFormat().format(d), "1/5/2024");
			assertEq(new Intl.DateTimeFormat("en-US", { dateStyle: "full" }).format(d), "Friday, January 5, 2024");
			assertEq(new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(d), "Jan 5, 2024, 3:04 PM");
			assertEq(new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "long" }).format(d), "January 5, 2024 at 3:04:09 PM UTC");
			assertEq(new Intl.DateTimeFormat("en-US", { dateStyle: "short" }).format(d), "1/5/24");
			assertEq(new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric" }).format(d), "January 5, 2024");
			assertEq(new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" }).format(d), "Jan 5");
			assertEq(new Intl.DateTimeFormat("en-US", { weekday: "long" }).format(d), "Friday");
			assertEq(new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" }).format(d), "3:04 PM");
			assertEq(new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hour12: false }).format(d), "15:04");
			assertEq(new Intl.DateTimeFormat("en-US", { year: "numeric", month: "2-digit", day: "2-digit" }).format(d), "01/05/2024");
			assertEq(new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric" }).format(d), "10 AM");
			assertEq(new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric" }).format(d), "January 2024");`},
		{"DateTimeFormat errors", `
			assertThrows(() => new Intl.DateTimeFormat("en-US", { timeZone: "Mars/Olympus" }), RangeError, undefined, "bad zone");
			assertEq(new Intl.DateTimeFormat("de-DE").resolvedOptions().locale, "de-DE");
			assertEq(new Intl.DateTimeFormat("zz-ZZ").resolvedOptions().locale, "en-US");
			assertThrows(() => new Intl.DateTimeFormat("en-"), RangeError, undefined, "malformed tag");
			assertThrows(() => new Intl.DateTimeFormat("en", { dateStyle: "short", year: "numeric" }), TypeError, undefined, "style and component");
			assertThrows(() => new Intl.DateTimeFormat().format(NaN), RangeError, undefined, "invalid date");`},
		{"NumberFormat", `
			assertEq(new Intl.NumberFormat().format(1234567.891), "1,234,567.891");
			assertEq(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(1234.5), "$1,234.50");
			assertEq(new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(-3), "-€3.00");
			assertEq(new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY" }).format(1234.5), "¥1,235");
			assertEq(new Intl.NumberFormat("en-US", { style: "percent" }).format(0.256), "26%");
			assertEq(new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(1.005), "1.01");
			assertEq(new Intl.NumberFormat("en-US", { minimumFractionDigits: 2 }).format(5), "5.00");
			assertEq(new Intl.NumberFormat("en-US", { useGrouping: false }).format(12345), "12345");
			assertEq(new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(123456), "123,000");
			assertEq(new Intl.NumberFormat().format(-0), "-0");
			assertEq([1000, 2].map(new Intl.NumberFormat().format).join(" "), "1,000 2");
			assertEq(Intl.NumberFormat() instanceof Intl.NumberFormat, true);
			assertEq(new Intl.NumberFormat("en", { notation: "compact" }).format(1234), "1.2K");
			assertThrows(() => new Intl.NumberFormat("en", { style: "currency" }), TypeError, undefined, "currency missing");`},
		{"Collator and localeCompare", `
			assertEq(["b", "a", "C", "ä"].sort(new Intl.Collator().compare).join(""), "aäbC");
			assertEq(["item10", "item2"].sort(new Intl.Collator("en", { numeric: true }).compare).join(","), "item2,item10");
			assertEq(new Intl.Collator("en", { sensitivity: "base" }).compare("a", "Á"), 0);
			assertEq("a".localeCompare("B"), -1); assertEq("résumé".localeCompare("resume", "en", { sensitivity: "base" }), 0);`},
		{"PluralRules en", `
			const p = new Intl.PluralRules("en-US");
			assertEq(p.select(1), "one"); assertEq(p.select(0), "other"); assertEq(p.select(2), "other"); assertEq(p.select(1.5), "other");
			const o = new Intl.PluralRules("en", { type: "ordinal" });
			assertEq([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => o.select(n)).join(","), "one,two,few,other,other,other,other,one,two,few,one");`},
		{"every constructor exists", `
			for (const name of ["DateTimeFormat", "NumberFormat", "PluralRules", "RelativeTimeFormat", "Collator", "Segmenter", "ListFormat", "DisplayNames", "Locale"]) {
				assertEq(typeof new Intl[name]("en", name === "DisplayNames" ? { type: "region" } : undefined), "object", name);
			}
			assertEq(Intl.getCanonicalLocales("EN-us")[0], "en-US");
			assertEq(Object.prototype.toString.call(Intl), "[object Intl]");`},
		{"ES shims", `
			const g = Object.groupBy([1, 2, 3, 4], (n) => n % 2 ? "odd" : "even");
			assertEq(g.odd.join(), "1,3"); assertEq(Object.getPrototypeOf(g), null);
			assertEq(Map.groupBy([1, 2, 3], (n) => n > 1).get(true).join(), "2,3");
			const { promise, resolve } = Promise.withResolvers(); resolve(5);
			const got = promise.then((v) => v);
			const r = new WeakRef({ a: 1 }); assertEq(r.deref().a, 1);
			new FinalizationRegistry(() => {}).register({});
			const o = {}; Error.captureStackTrace(o); assertEq(typeof o.stack, "string");
			const arr = Array.fromAsync([1, Promise.resolve(2)]);
			assertEq(await got, 5); assertEq((await arr).join(), "1,2");`},
	}
	h := runtimetest.New(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { h.Run(t, tt.src) })
	}
}

// TestLocaleCompareStub checks the stand-in localeCompare: Intl stays unset
// until the first comparison, which sets it up and compares with it.
func TestLocaleCompareStub(t *testing.T) {
	h := runtimetest.New(t)
	h.Run(t, `
		const lazy = () => typeof Object.getOwnPropertyDescriptor(globalThis, "Intl").get === "function";
		assert(lazy(), "Intl is not set up before the first comparison");
		const stub = String.prototype.localeCompare;
		assertEq(stub.name, "localeCompare");
		assertEq("a".localeCompare("B"), -1, "the first call collates");
		assert(!lazy(), "the first call set Intl up");
		assert(String.prototype.localeCompare !== stub, "Intl's localeCompare replaced the stub");
		assertEq("résumé".localeCompare("resume", "en", { sensitivity: "base" }), 0);
	`)
}

// TestIntl_Foundation checks locale negotiation and Intl.Locale end to end;
// the expected values are what V8 (ICU 77, CLDR 47) gives.
func TestIntl_Foundation(t *testing.T) {
	tests := []struct{ name, src string }{
		{"getCanonicalLocales", `
			assertEq(Intl.getCanonicalLocales(["EN-us", "sh", "en-US", "de-u-kn-true-co-phonebk"]).join(), "en-US,sr-Latn,de-u-co-phonebk-kn");
			assertEq(Intl.getCanonicalLocales("art-lojban")[0], "jbo");
			assertEq(Intl.getCanonicalLocales(new Intl.Locale("ZH-hant-tw"))[0], "zh-Hant-TW");
			assertThrows(() => Intl.getCanonicalLocales("en-"), RangeError, "Invalid language tag: en-");
			assertThrows(() => Intl.getCanonicalLocales([1]), TypeError);
			assertEq(Intl.getCanonicalLocales().length, 0);`},
		{"unknown but well-formed locales fall back", `
			assertEq(new Intl.Collator("xx-Qqqq").resolvedOptions().locale, "en-US");
			assertEq(new Intl.Collator("de-XX").resolvedOptions().locale, "de");
			assertEq(new Intl.Collator("de-u-co-phonebk").resolvedOptions().locale, "de-u-co-phonebk");
			assertEq(new Intl.Collator("de", { numeric: true }).resolvedOptions().numeric, true);
			assertEq(Intl.Collator.supportedLocalesOf(["xx", "fr-CA", "ja-JP"]).join(), "fr-CA,ja-JP");`},
		{"Locale", `
			const l = new Intl.Locale("en-latn-us-u-ca-gregory-hc-h12");
			assertEq(l.toString(), "en-Latn-US-u-ca-gregory-hc-h12");
			assertEq(l.baseName, "en-Latn-US"); assertEq(l.language, "en"); assertEq(l.script, "Latn"); assertEq(l.region, "US");
			assertEq(l.calendar, "gregory"); assertEq(l.hourCycle, "h12"); assertEq(l.numeric, false); assertEq(l.collation, undefined);
			assertEq(new Intl.Locale("en", { region: "GB", numeric: true }).toString(), "en-GB-u-kn");
			assertEq(new Intl.Locale("zh-TW").maximize().toString(), "zh-Hant-TW");
			assertEq(new Intl.Locale("zh-Hant-TW").minimize().toString(), "zh-TW");
			assertEq(new Intl.Locale("ar-EG").getNumberingSystems().join(), "arab");
			assertEq(new Intl.Locale("ar").getTextInfo().direction, "rtl");
			assertEq(new Intl.Locale("en-US").getHourCycles().join(), "h12");
			assertEq(new Intl.Locale("de").getHourCycles().join(), "h23");
			assertEq(new Intl.Locale("en-US").getWeekInfo().firstDay, 7);
			assertEq(new Intl.Locale("de-DE").getWeekInfo().firstDay, 1); assertEq(new Intl.Locale("ar-EG").getWeekInfo().weekend.join(), "5,6");
			assertEq(new Intl.Locale("en-NZ").getTimeZones().join(), "Pacific/Auckland,Pacific/Chatham");
			assertEq(new Intl.Locale("en").getTimeZones(), undefined);
			assertEq(new Intl.Locale("th-TH").getCalendars().join(), "buddhist,gregory");
			assertThrows(() => new Intl.Locale("en", { region: "USA" }), RangeError);
			assertThrows(() => Intl.Locale("en"), TypeError);
			assertEq(Object.prototype.toString.call(l), "[object Intl.Locale]");`},
		{"supportedValuesOf", `
			assert(Intl.supportedValuesOf("calendar").includes("gregory"));
			assert(Intl.supportedValuesOf("currency").includes("EUR"));
			assert(Intl.supportedValuesOf("timeZone").includes("Europe/Berlin"));
			assert(Intl.supportedValuesOf("numberingSystem").includes("arab"));
			assertThrows(() => Intl.supportedValuesOf("bogus"), RangeError);`},
	}
	h := runtimetest.New(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { h.Run(t, tt.src) })
	}
}
