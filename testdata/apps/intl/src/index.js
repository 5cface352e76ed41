// Formats dates and numbers in six locales, sorts in de and sv, pluralizes
// in ru and ar, and imports @date-fns/utc (which builds
// Intl.DateTimeFormat("en-GB") at module scope). Its response must equal
// what wrangler dev returns, byte for byte (see dev/intl_app_test.go).
import { UTCDate } from "@date-fns/utc";

const when = new UTCDate(Date.UTC(2024, 0, 5, 15, 4, 9, 123));
const locales = ["en-GB", "de-DE", "fr-FR", "ja-JP", "ar-EG", "hi-IN"];

export default {
  async fetch() {
    const out = [];
    for (const l of locales) {
      out.push(`# ${l}`);
      out.push(new Intl.DateTimeFormat(l, { dateStyle: "full", timeStyle: "long", timeZone: "UTC" }).format(when));
      out.push(new Intl.DateTimeFormat(l, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(when));
      out.push(new Intl.DateTimeFormat(l, { weekday: "short", month: "long", day: "numeric", timeZone: "UTC" }).format(when));
      out.push(new Intl.DateTimeFormat(l, { hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: "America/New_York" }).format(when));
      out.push(when.toLocaleDateString(l), when.toLocaleTimeString(l, { timeZone: "UTC" }));
      out.push(new Intl.NumberFormat(l).format(1234567.891));
      for (const c of ["EUR", "JPY", "INR"]) out.push(new Intl.NumberFormat(l, { style: "currency", currency: c }).format(-1234.5));
      out.push(new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 1 }).format(0.4567));
      out.push(new Intl.NumberFormat(l, { notation: "compact" }).format(1234567));
      out.push(new Intl.NumberFormat(l, { notation: "compact", compactDisplay: "long" }).format(45000));
      out.push(new Intl.NumberFormat(l, { style: "unit", unit: "kilometer-per-hour" }).format(88));
      out.push(new Intl.NumberFormat(l, { style: "unit", unit: "liter", unitDisplay: "long" }).format(2.5));
      out.push((98765.4321).toLocaleString(l));
    }
    const words = ["Zebra", "äpple", "Apfel", "Österreich", "Ostern", "zoo", "Ärger", "öl"];
    out.push("# sort de: " + [...words].sort((a, b) => a.localeCompare(b, "de")).join(" "));
    out.push("# sort sv: " + [...words].sort((a, b) => a.localeCompare(b, "sv")).join(" "));
    for (const l of ["ru", "ar"]) {
      const pr = new Intl.PluralRules(l);
      out.push(`# plural ${l}: ` + [0, 1, 2, 3, 5, 11, 21, 22, 100, 101, 1.5].map((n) => `${n}=${pr.select(n)}`).join(" "));
    }
    out.push("# date-fns/utc: " + when.toISOString() + " " + when.getHours());
    return new Response(out.join("\n") + "\n", { headers: { "content-type": "text/plain;charset=UTF-8" } });
  },
};
