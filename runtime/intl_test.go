package runtime

import (
	"testing"

	"github.com/dop251/goja"
)

func newIntlVM(t testing.TB) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if err := installIntl(vm); err != nil {
		t.Fatal(err)
	}
	if err := installESShims(vm); err != nil {
		t.Fatal(err)
	}
	return vm
}

// Expected strings are what Node 20 (ICU, en-US) prints for the same calls.
func TestIntl_JS(t *testing.T) {
	tests := []struct{ name, src string }{
		{"DateTimeFormat defaults to en-US in UTC", `
			eq(Intl.DateTimeFormat().resolvedOptions().timeZone, "UTC");
			eq(new Intl.DateTimeFormat().resolvedOptions().locale, "en-US");
			const d = new Date(Date.UTC(2024, 0, 5, 15, 4, 9));
			eq(new Intl.DateTimeFormat().format(d), "1/5/2024");
			eq(new Intl.DateTimeFormat("en-US", { dateStyle: "full" }).format(d), "Friday, January 5, 2024");
			eq(new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" }).format(d), "Jan 5, 2024, 3:04 PM");
			eq(new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "long" }).format(d), "January 5, 2024 at 3:04:09 PM UTC");
			eq(new Intl.DateTimeFormat("en-US", { dateStyle: "short" }).format(d), "1/5/24");
			eq(new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric" }).format(d), "January 5, 2024");
			eq(new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric" }).format(d), "Jan 5");
			eq(new Intl.DateTimeFormat("en-US", { weekday: "long" }).format(d), "Friday");
			eq(new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" }).format(d), "3:04 PM");
			eq(new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hour12: false }).format(d), "15:04");
			eq(new Intl.DateTimeFormat("en-US", { year: "numeric", month: "2-digit", day: "2-digit" }).format(d), "01/05/2024");
			eq(new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric" }).format(d), "10 AM");
			eq(new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric" }).format(d), "January 2024");`},
		{"DateTimeFormat errors", `
			throws(() => new Intl.DateTimeFormat("en-US", { timeZone: "Mars/Olympus" }), RangeError, "bad zone");
			const e = throws(() => new Intl.DateTimeFormat("de-DE"), RangeError, "other locale");
			eq(e.message.includes("de-DE"), true);
			throws(() => new Intl.DateTimeFormat("en", { dateStyle: "short", year: "numeric" }), TypeError, "style and component");
			throws(() => new Intl.DateTimeFormat().format(NaN), RangeError, "invalid date");`},
		{"NumberFormat", `
			eq(new Intl.NumberFormat().format(1234567.891), "1,234,567.891");
			eq(new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(1234.5), "$1,234.50");
			eq(new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(-3), "-€3.00");
			eq(new Intl.NumberFormat("en-US", { style: "currency", currency: "JPY" }).format(1234.5), "¥1,235");
			eq(new Intl.NumberFormat("en-US", { style: "percent" }).format(0.256), "26%");
			eq(new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(1.005), "1.01");
			eq(new Intl.NumberFormat("en-US", { minimumFractionDigits: 2 }).format(5), "5.00");
			eq(new Intl.NumberFormat("en-US", { useGrouping: false }).format(12345), "12345");
			eq(new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 }).format(123456), "123,000");
			eq(new Intl.NumberFormat().format(-0), "-0");
			eq([1000, 2].map(new Intl.NumberFormat().format).join(" "), "1,000 2");
			eq(Intl.NumberFormat() instanceof Intl.NumberFormat, true);
			throws(() => new Intl.NumberFormat("en", { notation: "compact" }), TypeError, "compact");
			throws(() => new Intl.NumberFormat("en", { style: "currency" }), TypeError, "currency missing");`},
		{"Collator and localeCompare", `
			eq(["b", "a", "C", "ä"].sort(new Intl.Collator().compare).join(""), "aäbC");
			eq(["item10", "item2"].sort(new Intl.Collator("en", { numeric: true }).compare).join(","), "item2,item10");
			eq(new Intl.Collator("en", { sensitivity: "base" }).compare("a", "Á"), 0);
			eq("a".localeCompare("B"), -1); eq("résumé".localeCompare("resume", "en", { sensitivity: "base" }), 0);`},
		{"PluralRules en", `
			const p = new Intl.PluralRules("en-US");
			eq(p.select(1), "one"); eq(p.select(0), "other"); eq(p.select(2), "other"); eq(p.select(1.5), "other");
			const o = new Intl.PluralRules("en", { type: "ordinal" });
			eq([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => o.select(n)).join(","), "one,two,few,other,other,other,other,one,two,few,one");`},
		{"missing parts throw, naming the gap", `
			for (const name of ["Segmenter", "ListFormat", "RelativeTimeFormat", "DisplayNames", "Locale"]) {
				const e = throws(() => new Intl[name]("en"), TypeError, name);
				eq(e.message.includes("Intl." + name), true, name + " message");
			}
			eq(Intl.getCanonicalLocales("EN-us")[0], "en-US");
			eq(Object.prototype.toString.call(Intl), "[object Intl]");`},
		{"ES shims", `
			const g = Object.groupBy([1, 2, 3, 4], (n) => n % 2 ? "odd" : "even");
			eq(g.odd.join(), "1,3"); eq(Object.getPrototypeOf(g), null);
			eq(Map.groupBy([1, 2, 3], (n) => n > 1).get(true).join(), "2,3");
			const { promise, resolve } = Promise.withResolvers(); resolve(5);
			let got; promise.then((v) => { got = v; });
			const r = new WeakRef({ a: 1 }); eq(r.deref().a, 1);
			new FinalizationRegistry(() => {}).register({});
			const o = {}; Error.captureStackTrace(o); eq(typeof o.stack, "string");
			let arr; Array.fromAsync([1, Promise.resolve(2)]).then((v) => { arr = v; });
			globalThis.check = () => { eq(got, 5); eq(arr.join(), "1,2"); };`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			vm := newIntlVM(t)
			if _, err := vm.RunString(urlAssertJS + tt.src); err != nil {
				t.Fatal(err)
			}
			if check, ok := goja.AssertFunction(vm.Get("check")); ok {
				if _, err := check(goja.Undefined()); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}
