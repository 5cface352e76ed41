// The expressions whose results production gave (intl_text.json, recorded
// from wrangler 4.86.0: workerd 2026-04-26, V8 with ICU 77 / CLDR 47).
// This is a function body: TestIntl_Wrangler runs it in edgedev and
// compares every key with the recording; to re-record, wrap it in a
// worker's fetch that returns JSON.stringify(out) (see the test's comment).
const out = {};
const t = (k, f) => { try { out[k] = f(); } catch (e) { out[k] = "THROWS " + e.name + ": " + e.message; } };
const all = (fs) => fs.map((f) => { try { return f(); } catch (e) { return "THROWS " + e.name + ": " + e.message; } });
t("de sort", () => ["Zebra", "Äpfel", "Apfel", "Bär", "Ärger", "arg", "Müller", "Mueller", "Muller"].sort(new Intl.Collator("de").compare));
t("de phonebk sort", () => ["Müller", "Mueller", "Muller", "Mzz"].sort(new Intl.Collator("de-u-co-phonebk").compare));
t("sv sort", () => ["äpple", "zebra", "åsna", "öl", "apa", "ångest", "Öga", "ære", "vin", "web"].sort((a, b) => a.localeCompare(b, "sv")));
t("es trad sort", () => ["chico", "cuna", "llama", "luz", "cz", "lz", "dado"].sort(new Intl.Collator("es-u-co-trad").compare));
t("es sort", () => ["chico", "cuna", "llama", "luz", "ñu", "nube", "oso"].sort(new Intl.Collator("es").compare));
t("collator supportedLocalesOf", () => Intl.Collator.supportedLocalesOf(["zh-TW", "sr-RS", "sr-ME", "zh-CN", "en-XX", "no"]));
const dn = (loc, type, codes, o = {}) => codes.map((c) => { try { return new Intl.DisplayNames(loc, { type, ...o }).of(c); } catch (e) { return "THROWS " + e.message; } });
for (const loc of ["fr", "ja", "ar", "en", "de"]) {
  t("dn language " + loc, () => dn(loc, "language", ["en", "en-US", "en-GB", "fr-CA", "zh-Hant", "zh-Hans-CN", "sr-Latn", "es-419", "nl-BE", "xx", "de-AT", "pt-BR", "ar-001"]));
  t("dn language standard " + loc, () => dn(loc, "language", ["en-US", "fr-CA", "zh-Hant", "es-419"], { languageDisplay: "standard" }));
  t("dn region " + loc, () => dn(loc, "region", ["US", "GB", "419", "001", "HK", "XX", "MO", "CI"]));
  t("dn region short " + loc, () => dn(loc, "region", ["US", "GB", "HK"], { style: "short" }));
  t("dn script " + loc, () => dn(loc, "script", ["Latn", "Arab", "Hant", "Cyrl", "Zzzz", "Qaaa"]));
  t("dn currency " + loc, () => dn(loc, "currency", ["USD", "EUR", "JPY", "XXX", "ABC"]));
  t("dn currency narrow " + loc, () => dn(loc, "currency", ["USD", "EUR"], { style: "narrow" }));
  t("dn calendar " + loc, () => dn(loc, "calendar", ["gregory", "japanese", "islamic-civil", "roc", "iso8601"]));
  t("dn dtf " + loc, () => dn(loc, "dateTimeField", ["era", "year", "quarter", "month", "weekOfYear", "weekday", "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"]));
  t("dn dtf short " + loc, () => dn(loc, "dateTimeField", ["year", "month", "weekday", "dayPeriod"], { style: "short" }));
  t("dn dtf narrow " + loc, () => dn(loc, "dateTimeField", ["year", "month"], { style: "narrow" }));
  t("dn none " + loc, () => dn(loc, "region", ["XX"], { fallback: "none" }));
  t("dn ro " + loc, () => new Intl.DisplayNames(loc, { type: "language" }).resolvedOptions());
  const lf = (o) => { try { return new Intl.ListFormat(loc, o).format(["A", "B", "C"]) + " | " + new Intl.ListFormat(loc, o).format(["A", "B"]); } catch (e) { return "THROWS " + e.message; } };
  for (const type of ["conjunction", "disjunction", "unit"]) for (const style of ["long", "short", "narrow"]) t(`lf ${loc} ${type} ${style}`, () => lf({ type, style }));
  t("lf parts " + loc, () => new Intl.ListFormat(loc).formatToParts(["x", "y", "z"]));
}
t("lf es y/e", () => ["Juan", "Ignacio", "hijo", "Hilda"].map((w) => new Intl.ListFormat("es").format(["A", w])));
t("lf es o/u", () => ["Juan", "ocho", "Horacio", "11"].map((w) => new Intl.ListFormat("es", { type: "disjunction" }).format(["A", w])));
t("lf he", () => ["Juan", "שלום"].map((w) => new Intl.ListFormat("he").format(["A", w])));
t("lf en 4", () => new Intl.ListFormat("en").format(["a", "b", "c", "d"]));
t("lf ro", () => new Intl.ListFormat("xx").resolvedOptions());
t("dn edge cases", () => all([
  () => new Intl.DisplayNames("en"), () => new Intl.DisplayNames("en", {}), () => new Intl.DisplayNames("en", { type: "bogus" }),
  () => new Intl.DisplayNames("en", { type: "region" }).of("ZZZZ"), () => new Intl.DisplayNames("en", { type: "language" }).of("en-"),
  () => new Intl.DisplayNames("en", { type: "currency" }).of("US"), () => new Intl.DisplayNames("en", { type: "script" }).of("Lat"),
  () => new Intl.DisplayNames("en", { type: "calendar" }).of("x"), () => new Intl.DisplayNames("en", { type: "dateTimeField" }).of("days"),
  () => new Intl.DisplayNames("en", { type: "language" }).of("root"), () => new Intl.DisplayNames("en", { type: "region" }).of("us"),
  () => new Intl.DisplayNames("en", { type: "script" }).of("latn"), () => new Intl.DisplayNames("en", { type: "currency" }).of("usd"),
  () => new Intl.DisplayNames("en", { type: "language" }).of("EN-gb"), () => new Intl.DisplayNames("en", { type: "language" }).of("en-Latn-US-u-ca-gregory"),
  () => new Intl.DisplayNames("en", { type: "language" }).of("de-CH-1996"), () => new Intl.DisplayNames("en", { type: "language" }).of("sr-Cyrl-ME"),
  () => new Intl.DisplayNames("en", { type: "language" }).of("zh-Hant-HK"), () => new Intl.DisplayNames("en", { type: "language" }).of("und"),
  () => new Intl.DisplayNames("en", { type: "language" }).of("qaa"), () => new Intl.DisplayNames("en", { type: "language" }).of("en-XX"),
  () => new Intl.DisplayNames("en", { type: "language", fallback: "none" }).of("en-XX"), () => new Intl.DisplayNames("en", { type: "language", fallback: "none" }).of("xyz"),
  () => new Intl.DisplayNames("en", { type: "language", style: "short" }).of("en-GB"), () => new Intl.DisplayNames("en", { type: "language", style: "narrow" }).of("en-US"),
  () => new Intl.DisplayNames("pt-BR", { type: "region" }).resolvedOptions(), () => new Intl.DisplayNames("de-DE", { type: "region" }).resolvedOptions().locale,
  () => new Intl.DisplayNames("en", { type: "language" }).of("yue"),
  () => new Intl.DisplayNames("en", { type: "region" }).of("QO"), () => new Intl.DisplayNames("en", { type: "region" }).of("EU"), () => new Intl.DisplayNames("en", { type: "region" }).of("UN"), () => new Intl.DisplayNames("en", { type: "region" }).of("150"),
  () => new Intl.DisplayNames("en", { type: "region" }).of("SU"), () => new Intl.DisplayNames("en", { type: "language" }).of("iw"), () => new Intl.DisplayNames("en", { type: "language" }).of("en-u-nu-arab"),
]));
t("lf edge cases", () => all([
  () => new Intl.ListFormat("en", { type: "x" }), () => new Intl.ListFormat("en").format(["a", 1]), () => new Intl.ListFormat("en").format("abc"),
  () => new Intl.ListFormat("en").format(), () => new Intl.ListFormat("en").format([]), () => new Intl.ListFormat("en").format(["a"]), () => Intl.ListFormat("en"),
  () => new Intl.ListFormat("pt-BR").resolvedOptions().locale, () => new Intl.ListFormat("de-DE").resolvedOptions().locale, () => new Intl.ListFormat("en-GB").format(["a", "b", "c"]),
  () => new Intl.ListFormat("en-IN").format(["a", "b", "c"]), () => new Intl.ListFormat("zh").format(["a", "b", "c"]), () => new Intl.ListFormat("zh-TW").format(["a", "b", "c"]),
]));
t("seg errors", () => all([() => new Intl.Segmenter("en", { granularity: "line" }), () => Intl.Segmenter(), () => new Intl.Segmenter().segment(Symbol()), () => new Intl.Segmenter("pt-BR").resolvedOptions()]));
t("canon", () => Intl.getCanonicalLocales(["zh-TW", "sh", "und-Latn", "en-u-ca-gregory-nu-latn", "iw", "in", "ji", "tl", "mo", "hy-arevela", "sr-Latn-CS", "de-DD", "en-u-tz-utc", "en-u-tz-gmt"]));
t("canon errors", () => all([() => Intl.getCanonicalLocales("no-nyn"), () => Intl.getCanonicalLocales(""), () => Intl.getCanonicalLocales([null]), () => new Intl.Locale("en", { region: "USA" })]));
t("locale errors", () => all([() => new Intl.Locale("en-"), () => new Intl.Locale(""), () => new Intl.Locale(5), () => new Intl.Locale("en", { calendar: "x" }), () => new Intl.Collator("en-"), () => new Intl.Collator(["en", 5])]));
t("locale props", () => { const l = new Intl.Locale("en-Latn-US-u-ca-gregory-co-phonebk-hc-h12-kf-upper-kn-nu-latn-fw-mon"); return [l.toString(), l.baseName, l.calendar, l.collation, l.hourCycle, l.caseFirst, l.numeric, l.numberingSystem, l.firstDayOfWeek, l.language, l.script, l.region, l.variants, JSON.stringify(l)]; });
t("toLocaleUpperCase", () => ["istanbul".toLocaleUpperCase("tr"), "İSTANBUL".toLocaleLowerCase("tr"), "IŞIK".toLocaleLowerCase("az"), "άδεια".toLocaleUpperCase("el"), "Ὀδυσσεύς".toLocaleUpperCase("el"), "i".toLocaleUpperCase("lt"), "ß".toLocaleUpperCase("de"), "I".toLocaleLowerCase(["tr", "en"]), "I".toLocaleLowerCase("en-u-x-tr")]);
t("collator ro", () => ["th", "xx-Qqqq", "zh-TW", "pt-BR", "de-XX", "en-US-u-kn", "de-u-co-phonebk", "es-u-co-trad", "ja", "sv", "en-US"].map((l) => new Intl.Collator(l).resolvedOptions()));
t("collator options", () => [new Intl.Collator("de", { usage: "search" }).resolvedOptions(), new Intl.Collator("en", { sensitivity: "base", numeric: true, caseFirst: "lower", collation: "phonebk" }).resolvedOptions(), new Intl.Collator("de", { collation: "phonebk" }).resolvedOptions()]);
t("sensitivity", () => ["base", "accent", "case", "variant"].map((s) => { const c = new Intl.Collator("en", { sensitivity: s }).compare; return [c("a", "A"), c("a", "á"), c("a", "b"), c("A", "Á")]; }));
t("numeric", () => ["a10", "a2", "a1", "b", "A2"].sort(new Intl.Collator("en", { numeric: true }).compare));
for (const loc of ["zh", "zh-Hant", "zh-HK", "ru", "hi", "es-419", "es-MX", "pt-PT", "en-AU", "en-IN", "ko", "tr", "pl", "nl", "it", "sv", "fi", "he", "fa", "th", "vi", "id", "uk", "cs", "el", "sr-Latn", "bn", "ta", "sw", "ms", "ca", "ro", "hu", "da", "nb"]) {
  t("many " + loc, () => [
    dn(loc, "language", ["en", "fr", "de-CH", "zh-Hans", "es-MX", "pt"]), dn(loc, "region", ["US", "DE", "JP", "HK", "BR"]), dn(loc, "script", ["Latn", "Cyrl"]),
    dn(loc, "currency", ["USD", "EUR"]), dn(loc, "calendar", ["gregory"]), dn(loc, "dateTimeField", ["year", "weekday"]),
    new Intl.ListFormat(loc).format(["1", "2", "3"]), new Intl.ListFormat(loc, { type: "disjunction" }).format(["1", "2"]), new Intl.ListFormat(loc, { style: "short", type: "unit" }).format(["1", "2", "3"]),
    new Intl.DisplayNames(loc, { type: "region" }).resolvedOptions().locale, new Intl.Collator(loc).resolvedOptions().locale,
  ]);
}
const sorts = {
  pl: ["łódź", "lody", "źle", "zero", "żaba", "ćma", "cma", "śruba", "sroka", "ąb", "ab"],
  cs: ["chata", "hrad", "ich", "cyklus", "čaj", "řeka", "rak", "šum", "sud", "žal", "zub"],
  da: ["æble", "øl", "år", "aa", "zebra", "Aarhus", "Århus", "abe"],
  nb: ["æble", "øl", "år", "zebra", "abe", "ære"],
  fi: ["äiti", "öljy", "åke", "zeta", "vesi", "wc", "yö"],
  tr: ["ılık", "ilik", "Istanbul", "İzmir", "çay", "cam", "şeker", "sakız", "öğle", "ozon", "ürün", "uzun", "ğ", "g"],
  hu: ["cukor", "csak", "dzsem", "dz", "gyár", "gumi", "nyár", "nulla", "ösz", "őr", "ó", "zs", "zseb", "zümm"],
  lt: ["yla", "ilgas", "jūra", "šuo", "sūris", "žąsis", "zuikis", "čia", "cukrus"],
  ja: ["カタカナ", "ひらがな", "漢字", "かたかな", "アイウ", "あいう", "abc", "ＡＢＣ"],
  zh: ["中国", "北京", "上海", "广州", "深圳", "啊", "爱"],
  "zh-TW": ["中國", "北京", "上海", "台灣", "一", "二"],
  ko: ["한국", "서울", "가나다", "부산", "abc"],
  fr: ["côte", "cote", "côté", "coté"],
  "fr-CA": ["côte", "cote", "côté", "coté"],
  es: ["ñandú", "nube", "llave", "luz", "chico", "cuna"],
  de: ["ä", "a", "ö", "o", "ü", "u", "ß", "ss", "st"],
  en: ["résumé", "resume", "Resume", "RESUME", "a-b", "ab", "a b", "_a", "1", "A", "a", "10", "9"],
  ru: ["ёж", "еж", "жук", "яблоко", "абрикос", "Ёлка"],
  el: ["ωμέγα", "άλφα", "αλφα", "βήτα"],
  vi: ["đá", "da", "dá", "ă", "â", "a"],
  hr: ["čaj", "ćup", "cvijet", "džep", "dan", "đak", "lj", "ljubav", "lopta", "nj", "nož"],
  is: ["ð", "d", "þ", "ö", "æ", "z", "á", "a"],
  et: ["šokk", "sõna", "zoo", "žanr", "õun", "äär", "öö", "üks", "tee"],
  th: ["ไก่", "ขวด", "กา", "เก่า", "แก"],
  ar: ["ي", "ب", "ا", "ت", "ء"],
  he: ["ת", "א", "ב", "ש"],
};
for (const [loc, words] of Object.entries(sorts)) t("sort " + loc, () => words.slice().sort(new Intl.Collator(loc).compare));
t("sort base eq", () => [["a", "á"], ["a", "A"], ["æ", "ae"], ["ß", "ss"], ["ı", "i"], ["ö", "o"]].map(([a, b]) => ["de", "sv", "tr", "en", "da"].map((l) => new Intl.Collator(l, { sensitivity: "base" }).compare(a, b))));
const mixed = { ru: "яблоко", uk: "яблуко", bg: "ябълка", sr: "јабука", el: "μήλο", ar: "تفاحة", fa: "سیب", he: "תפוח", hi: "सेब", bn: "আপেল", ta: "ஆப்பிள்", th: "แอปเปิล", ka: "ვაშლი", hy: "խնձոր", am: "ፖም", ko: "사과", ja: "りんご", zh: "苹果", "zh-TW": "蘋果", km: "ផ្លែប៉ោម", my: "ပန်းသီး", mn: "алим", kk: "алма", ur: "سیب", si: "ඇපල්", te: "ఆపిల్", ml: "ആപ്പിൾ", gu: "સફરજન", mr: "सफरचंद", pa: "ਸੇਬ", ne: "स्याउ", lo: "ໝາກແອັບເປີ້ນ" };
for (const [loc, w] of Object.entries(mixed)) t("mixed " + loc, () => ["apple", w, "Zebra", "1", "αβ", "яя"].sort(new Intl.Collator(loc).compare));
