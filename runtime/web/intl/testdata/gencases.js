// gencases.js writes wrangler_cases.json: the calls TestWranglerCases makes
// under edgedev and that were recorded under wrangler dev 4.86.0.
const cases = [];
const locs = ["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "ar-EG", "hi-IN"];
const d1 = Date.UTC(2024, 0, 5, 15, 4, 9, 123), d2 = Date.UTC(2024, 6, 21, 3, 30, 0), d3 = Date.UTC(2025, 11, 31, 23, 59, 59);
const dtfOpts = [
  { dateStyle: "full" }, { dateStyle: "long" }, { dateStyle: "medium" }, { dateStyle: "short" },
  { timeStyle: "full" }, { timeStyle: "long" }, { timeStyle: "medium" }, { timeStyle: "short" },
  { dateStyle: "full", timeStyle: "short" }, { dateStyle: "medium", timeStyle: "medium" }, { dateStyle: "short", timeStyle: "short" },
  {}, { year: "numeric", month: "long", day: "numeric" }, { month: "short", day: "numeric" }, { weekday: "long" },
  { hour: "numeric", minute: "2-digit" }, { hour: "2-digit", minute: "2-digit", hour12: false }, { hour: "numeric", hour12: true },
  { year: "numeric", month: "2-digit", day: "2-digit" }, { month: "long", year: "numeric" }, { weekday: "short", day: "numeric", month: "short" },
  { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
  { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" },
  { hour: "numeric", minute: "2-digit", timeZoneName: "long", timeZone: "America/New_York" },
  { hour: "numeric", timeZoneName: "shortOffset", timeZone: "Asia/Kolkata" },
  { era: "short", year: "numeric" }, { minute: "2-digit", second: "2-digit", fractionalSecondDigits: 3 },
  { dateStyle: "long", timeStyle: "long", timeZone: "Europe/Berlin" },
  { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" },
  { hour: "numeric", dayPeriod: "short" }, { timeStyle: "short", hourCycle: "h23" }, { timeStyle: "short", hour12: true },
];
for (const l of locs) {
  for (const o of dtfOpts) {
    cases.push({ c: "DateTimeFormat", l, o, a: [{ date: d1 }] });
  }
  cases.push({ c: "DateTimeFormat", l, o: { hour: "numeric", minute: "2-digit" }, a: [{ date: d2 }] });
  cases.push({ c: "DateTimeFormat", l, o: { dateStyle: "medium" }, m: "formatRange", a: [{ date: d1 }, { date: d2 }] });
  cases.push({ c: "DateTimeFormat", l, o: { month: "short", day: "numeric" }, m: "formatRange", a: [{ date: d1 }, { date: d1 + 5 * 864e5 }] });
  cases.push({ c: "DateTimeFormat", l, o: { hour: "numeric", minute: "numeric" }, m: "formatRange", a: [{ date: d1 }, { date: d1 + 7200e3 }] });
  cases.push({ c: "DateTimeFormat", l, o: { dateStyle: "long" }, m: "formatToParts", a: [{ date: d3 }] });
  cases.push({ c: "DateTimeFormat", l, o: {}, m: "resolvedOptions" });
  cases.push({ c: "DateTimeFormat", l, o: { hour: "numeric", minute: "numeric" }, m: "resolvedOptions" });
  cases.push({ c: "toLocaleString", l, x: { date: d1 } });
  cases.push({ c: "toLocaleDateString", l, x: { date: d1 } });
  cases.push({ c: "toLocaleTimeString", l, x: { date: d1 } });
  const nums = [1234567.891, -0.5, 0, 1e21, 42];
  for (const n of nums) cases.push({ c: "NumberFormat", l, o: {}, a: [n] });
  for (const cur of ["EUR", "JPY", "INR", "USD"]) {
    cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: cur }, a: [1234.5] });
    cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: cur, currencyDisplay: "code" }, a: [-1234.5] });
    cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: cur, currencyDisplay: "name" }, a: [1] });
    cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: cur, currencyDisplay: "name" }, a: [1234.5] });
  }
  cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: "USD", currencySign: "accounting" }, a: [-5] });
  cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: "EUR", currencyDisplay: "narrowSymbol" }, a: [5] });
  cases.push({ c: "NumberFormat", l, o: { style: "percent" }, a: [0.256] });
  cases.push({ c: "NumberFormat", l, o: { style: "percent", minimumFractionDigits: 1 }, a: [-0.0125] });
  for (const n of [999, 1234, 12345, 1234567, 999999, 1.5e9]) {
    cases.push({ c: "NumberFormat", l, o: { notation: "compact" }, a: [n] });
    cases.push({ c: "NumberFormat", l, o: { notation: "compact", compactDisplay: "long" }, a: [n] });
  }
  cases.push({ c: "NumberFormat", l, o: { notation: "compact", style: "currency", currency: "EUR" }, a: [1234567] });
  cases.push({ c: "NumberFormat", l, o: { notation: "scientific" }, a: [123456] });
  cases.push({ c: "NumberFormat", l, o: { notation: "engineering" }, a: [0.000123] });
  for (const [u, d] of [["kilometer-per-hour", "short"], ["kilometer", "long"], ["celsius", "narrow"], ["megabyte", "short"], ["liter", "long"], ["percent", "short"], ["mile-per-gallon", "long"], ["byte", "narrow"]]) {
    cases.push({ c: "NumberFormat", l, o: { style: "unit", unit: u, unitDisplay: d }, a: [1] });
    cases.push({ c: "NumberFormat", l, o: { style: "unit", unit: u, unitDisplay: d }, a: [12.5] });
  }
  cases.push({ c: "NumberFormat", l, o: { signDisplay: "always" }, a: [5] });
  cases.push({ c: "NumberFormat", l, o: { signDisplay: "exceptZero" }, a: [0] });
  cases.push({ c: "NumberFormat", l, o: { maximumSignificantDigits: 3 }, a: [123456] });
  cases.push({ c: "NumberFormat", l, o: { useGrouping: "min2" }, a: [1234] });
  cases.push({ c: "NumberFormat", l, o: {}, a: [{ big: "123456789012345678901234567890" }] });
  cases.push({ c: "NumberFormat", l, o: {}, a: ["1234567.125"] });
  cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: "EUR" }, m: "formatToParts", a: [-1234.56] });
  cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: "EUR" }, m: "formatRange", a: [3, 5] });
  cases.push({ c: "NumberFormat", l, o: {}, m: "formatRange", a: [3, 3] });
  cases.push({ c: "NumberFormat", l, o: {}, m: "resolvedOptions" });
  cases.push({ c: "NumberFormat", l, o: { notation: "compact" }, m: "resolvedOptions" });
  cases.push({ c: "toLocaleString", l, x: { num: 1234.5 } });
  cases.push({ c: "PluralRules", l, o: {}, m: "resolvedOptions" });
  cases.push({ c: "PluralRules", l, o: { type: "ordinal" }, m: "resolvedOptions" });
  for (const u of ["day", "hour", "month", "year"]) {
    for (const v of [-1, 0, 1, 2, -3]) {
      cases.push({ c: "RelativeTimeFormat", l, o: { numeric: "auto" }, a: [v, u] });
    }
    cases.push({ c: "RelativeTimeFormat", l, o: { style: "short" }, a: [5, u] });
  }
  cases.push({ c: "RelativeTimeFormat", l, o: {}, m: "formatToParts", a: [100, "day"] });
}
for (const l of ["ru", "ar", "en", "fr", "pl", "cy"]) {
  for (const n of [0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 1.5]) {
    cases.push({ c: "PluralRules", l, o: {}, m: "select", a: [n] });
    cases.push({ c: "PluralRules", l, o: { type: "ordinal" }, m: "select", a: [n] });
  }
  cases.push({ c: "PluralRules", l, o: {}, m: "selectRange", a: [1, 5] });
}
for (const l of ["xx", "de-XX", "en-XX", "zh", "zh-TW", "pt-BR", "es-MX", "sv-SE", "ko", "th", "tr", "he", "fa", "bn"]) {
  cases.push({ c: "NumberFormat", l, o: {}, m: "resolvedOptions" });
  cases.push({ c: "DateTimeFormat", l, o: { dateStyle: "full", timeStyle: "long" }, a: [{ date: d1 }] });
  cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: "EUR" }, a: [-1234.5] });
}
// every modern locale (the list generated into cldr/tables_gen.go)
const tables = require("fs").readFileSync(__dirname + "/../cldr/tables_gen.go", "utf8");
const modern = JSON.parse("[" + /var Modern = \[\.\.\.\]string\{([^}]*)\}/.exec(tables)[1] + "]").filter((l) => l !== "und");
for (const l of modern) {
  cases.push({ c: "DateTimeFormat", l, o: { dateStyle: "full", timeStyle: "full", timeZone: "Europe/Paris" }, a: [{ date: d2 }] });
  cases.push({ c: "DateTimeFormat", l, o: { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }, a: [{ date: d1 }] });
  cases.push({ c: "NumberFormat", l, o: { style: "currency", currency: "EUR" }, a: [-1234567.891] });
  cases.push({ c: "NumberFormat", l, o: { notation: "compact", compactDisplay: "long" }, a: [1234567] });
  cases.push({ c: "NumberFormat", l, o: { style: "unit", unit: "kilometer-per-hour", unitDisplay: "long" }, a: [3] });
  cases.push({ c: "RelativeTimeFormat", l, o: { numeric: "auto" }, a: [-1, "day"] });
  cases.push({ c: "PluralRules", l, o: {}, m: "resolvedOptions" });
}
require("fs").writeFileSync(__dirname + "/wrangler_cases.json", JSON.stringify(cases));
console.log(cases.length, "cases");
