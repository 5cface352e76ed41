// gen.js writes ../tables_gen.go and ../locales.bin from the CLDR 47 JSON
// packages on npm (CLDR 47 is what ICU 77 carries, and ICU 77 is in the V8
// of workerd 2026-04-26). cldr-units-full has no 47 release on npm; 46.1.0's
// unit names are used (units did not change between 46.1 and 47 for the
// units ECMA-402 sanctions). Run through `go generate` (see ../cldr.go):
//
//   mkdir /tmp/cldrgen && cd /tmp/cldrgen && npm init -y
//   npm install --legacy-peer-deps cldr-core@47.0.0 cldr-dates-full@47.0.0 \
//     cldr-numbers-full@47.0.0 cldr-units-full@46.1.0
//   NODE_PATH=/tmp/cldrgen/node_modules node gen/gen.js
//
// Every locale CLDR rates "modern" (cldr-core/coverageLevels.json), and each
// of their ancestors, gets one flate-compressed record in locales.bin that
// holds only the keys whose value differs from its parent's (a key path is
// an index into Keys). The Go side resolves a locale on first use by
// overlaying its record on its parent's resolved table.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const out = path.join(__dirname, "..");
const need = (p) => require(p);
if (need("cldr-core/package.json").version !== "47.0.0") throw new Error("want cldr-core 47.0.0");
const sup = (f) => need("cldr-core/supplemental/" + f + ".json").supplemental;

const coverage = need("cldr-core/coverageLevels.json").effectiveCoverageLevels;
const modern = Object.keys(coverage).filter((l) => coverage[l] === "modern").sort();
const parentMap = sup("parentLocales").parentLocales.parentLocale;
const parentOf = (l) => {
  if (l === "und") return "";
  if (parentMap[l]) return parentMap[l] === "root" ? "und" : parentMap[l];
  const i = l.lastIndexOf("-");
  return i < 0 ? "und" : l.slice(0, i);
};
const all = new Set();
for (let l of modern) for (; l; l = parentOf(l)) all.add(l);
const exists = (l) => fs.existsSync(path.dirname(require.resolve("cldr-dates-full/package.json")) + "/main/" + l);
const locales = [...all].filter(exists).sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1));
function depth(l) { let d = 0; for (; l; l = parentOf(l)) d++; return d; }

// The units ECMA-402 sanctions (IsSanctionedSingleUnitIdentifier).
const sanctioned = ["acre", "bit", "byte", "celsius", "centimeter", "day", "degree", "fahrenheit", "fluid-ounce", "foot",
  "gallon", "gigabit", "gigabyte", "gram", "hectare", "hour", "inch", "kilobit", "kilobyte", "kilogram", "kilometer",
  "liter", "megabit", "megabyte", "meter", "microsecond", "mile", "mile-scandinavian", "milliliter", "millimeter",
  "millisecond", "minute", "month", "nanosecond", "ounce", "percent", "petabyte", "pound", "second", "stone", "terabit",
  "terabyte", "week", "yard", "year"];
const relFields = new Set(["year", "quarter", "month", "week", "day", "hour", "minute", "second"]);

function flatten(obj, prefix, into) {
  for (const [k, v] of Object.entries(obj)) {
    if (k.endsWith("-alt-ascii")) continue;
    if (v !== null && typeof v === "object") flatten(v, prefix + k + "/", into);
    else into[prefix + k] = String(v);
  }
  return into;
}

function localeData(l) {
  const d = {};
  const g = need(`cldr-dates-full/main/${l}/ca-gregorian.json`).main[l].dates.calendars.gregorian;
  for (const k of ["months", "days", "dayPeriods", "eras", "dateFormats", "timeFormats", "dateTimeFormats", "dateTimeFormats-atTime"]) {
    if (g[k]) flatten(g[k], "g/" + k + "/", d);
  }
  const f = need(`cldr-dates-full/main/${l}/dateFields.json`).main[l].dates.fields;
  for (const [k, v] of Object.entries(f)) {
    if (!relFields.has(k.replace(/-(short|narrow)$/, ""))) continue;
    for (const [kk, vv] of Object.entries(v)) {
      if (kk.startsWith("relative-type-")) d[`f/${k}/${kk}`] = vv;
      else if (kk.startsWith("relativeTime-type-")) flatten(vv, `f/${k}/${kk}/`, d);
    }
  }
  const z = need(`cldr-dates-full/main/${l}/timeZoneNames.json`).main[l].dates.timeZoneNames;
  for (const [k, v] of Object.entries(z)) {
    if (typeof v === "string") d["z/" + k] = v;
  }
  if (z.metazone) for (const [mz, v] of Object.entries(z.metazone)) flatten(v, `z/m/${mz}/`, d);
  const zones = (o, pre) => {
    for (const [k, v] of Object.entries(o)) {
      if (v._type === "zone" || v.long || v.short || v.exemplarCity) {
        for (const w of ["long", "short"]) if (v[w]) flatten(v[w], `z/z/${pre}${k}/${w}/`, d);
      } else if (typeof v === "object") zones(v, pre + k + "/");
    }
  };
  if (z.zone) zones(z.zone, "");
  const n = need(`cldr-numbers-full/main/${l}/numbers.json`).main[l].numbers;
  const systems = new Set(["latn", n.defaultNumberingSystem, ...Object.values(n.otherNumberingSystems || {})]);
  d["n/default"] = n.defaultNumberingSystem;
  d["n/minimumGroupingDigits"] = n.minimumGroupingDigits;
  if (n.otherNumberingSystems && n.otherNumberingSystems.native) d["n/native"] = n.otherNumberingSystems.native;
  for (const [k, v] of Object.entries(n)) {
    const m = /^(symbols|decimalFormats|percentFormats|currencyFormats|scientificFormats|miscPatterns)-numberSystem-(\w+)$/.exec(k);
    if (m && systems.has(m[2])) flatten(v, `n/${m[2]}/${m[1]}/`, d);
  }
  const c = need(`cldr-numbers-full/main/${l}/currencies.json`).main[l].numbers.currencies;
  for (const [code, v] of Object.entries(c)) {
    for (const [k, vv] of Object.entries(v)) {
      if (k === "displayName" || k.startsWith("displayName-count-") || k === "symbol" || k === "symbol-alt-narrow") d[`c/${code}/${k}`] = vv;
    }
  }
  let u;
  try { u = need(`cldr-units-full/main/${l}/units.json`).main[l].units; } catch { d["u/inherit"] = "1"; return d; }
  const ids = {};
  for (const k of Object.keys(u.long)) {
    const i = k.indexOf("-");
    if (i > 0) ids[k.slice(i + 1)] = ids[k.slice(i + 1)] || k;
  }
  for (const w of ["long", "short", "narrow"]) {
    const t = u[w];
    for (const [rest, full] of Object.entries(ids)) {
      const [a, b] = rest.split("-per-");
      const ok = rest.includes("-per-") ? sanctioned.includes(a) && sanctioned.includes(b) : sanctioned.includes(rest);
      if (!ok || !t[full]) continue;
      for (const [k, v] of Object.entries(t[full])) if (k !== "gender" && !k.includes("-case-")) d[`u/${w}/${rest}/${k}`] = v;
    }
    if (t.per) d[`u/${w}/per`] = t.per.compoundUnitPattern;
  }
  return d;
}

const keyIndex = new Map();
const keyOf = (k) => { if (!keyIndex.has(k)) keyIndex.set(k, keyIndex.size); return keyIndex.get(k); };
const resolved = new Map();
const records = [];
function uvarint(n, buf) { while (n >= 0x80) { buf.push((n & 0x7f) | 0x80); n >>>= 7; } buf.push(n); }
for (const l of locales) {
  const d = localeData(l);
  let p = parentOf(l);
  while (p && !exists(p)) p = parentOf(p);
  const base = p ? resolved.get(p) : {};
  if (d["u/inherit"]) {
    delete d["u/inherit"];
    for (const k of Object.keys(base)) if (k.startsWith("u/")) d[k] = base[k];
  }
  if (!base) throw new Error("parent " + p + " of " + l + " not done");
  const entries = [];
  for (const [k, v] of Object.entries(d)) if (base[k] !== v) entries.push([keyOf(k), v]);
  for (const k of Object.keys(base)) if (!(k in d)) entries.push([keyOf(k), "∅∅∅"]);
  const r = Object.assign({}, base, d);
  for (const k of Object.keys(r)) if (!(k in d)) delete r[k];
  resolved.set(l, r);
  entries.sort((a, b) => a[0] - b[0]);
  const buf = [];
  uvarint(entries.length, buf);
  let last = 0;
  for (const [k, v] of entries) {
    uvarint(k - last, buf); last = k;
    const b = Buffer.from(v, "utf8");
    uvarint(b.length, buf);
    for (const x of b) buf.push(x);
  }
  records.push({ l, p, raw: Buffer.from(buf) });
}

// Records are compressed in families (a language and its regional
// variants), so the strings a family shares are stored once; a family is
// decompressed whole on first use of any of its members.
const families = new Map();
for (const r of records) {
  const fam = r.l.split("-")[0];
  if (!families.has(fam)) families.set(fam, []);
  families.get(fam).push(r);
}
const blobs = [];
let offset = 0;
const famIndex = [];
for (const [fam, rs] of families) {
  let inner = 0;
  for (const r of rs) { r.famOff = inner; r.famLen = r.raw.length; inner += r.raw.length; }
  const z = zlib.deflateRawSync(Buffer.concat(rs.map((r) => r.raw)), { level: 9 });
  famIndex.push({ fam, off: offset, len: z.length, raw: inner });
  for (const r of rs) r.fam = famIndex.length - 1;
  blobs.push(z);
  offset += z.length;
}
fs.writeFileSync(path.join(out, "locales.bin"), Buffer.concat(blobs));

// Supplemental data.
const lines = [];
const w = (s) => lines.push(s);
const q = (s) => JSON.stringify(s);
w("// Code generated by gen/gen.js from CLDR 47.0.0 (units 46.1.0); DO NOT EDIT.");
w("");
w("package cldr");
w("");
w("// Keys are the key paths of a locale record, by index.");
w("var Keys = [...]string{");
for (const k of keyIndex.keys()) w("\t" + q(k) + ",");
w("}");
w("");
w("// families are the compressed blocks of locales.bin: name, offset, length, raw length.");
w("var families = [...]family{");
for (const f of famIndex) w(`\t{${q(f.fam)}, ${f.off}, ${f.len}, ${f.raw}},`);
w("}");
w("");
w("// records are the locales, parents before children: name, parent, family, offset and length in the family's raw block.");
w("var records = [...]record{");
const idx = new Map(records.map((r, i) => [r.l, i]));
for (const r of records) w(`\t{${q(r.l)}, ${r.p ? idx.get(r.p) : -1}, ${r.fam}, ${r.famOff}, ${r.famLen}},`);
w("}");
w("");
w("// Modern lists the locales CLDR rates modern.");
w("var Modern = [...]string{" + modern.filter(exists).map(q).join(", ") + "}");
w("");
const plural = (type) => {
  const t = sup(type)["plurals-type-" + (type === "plurals" ? "cardinal" : "ordinal")];
  w(`var ${type === "plurals" ? "cardinalRules" : "ordinalRules"} = map[string][]string{`);
  for (const [lang, rules] of Object.entries(t).sort()) {
    const list = [];
    for (const c of ["zero", "one", "two", "few", "many", "other"]) {
      const r = rules["pluralRule-count-" + c];
      if (r !== undefined) list.push(c, r.split("@")[0].trim());
    }
    w(`\t${q(lang)}: {${list.map(q).join(", ")}},`);
  }
  w("}");
  w("");
};
plural("plurals");
plural("ordinals");
w("// pluralRanges maps a language to start+\" \"+end → result.");
w("var pluralRanges = map[string]map[string]string{");
for (const [lang, v] of Object.entries(sup("pluralRanges").plurals).sort()) {
  const m = Object.entries(v).map(([k, r]) => { const x = /start-(\w+)-end-(\w+)/.exec(k); return `${q(x[1] + " " + x[2])}: ${q(r)}`; });
  w(`\t${q(lang)}: {${m.join(", ")}},`);
}
w("}");
w("");
w("// timeData maps a region (or lang_REGION) to its allowed and preferred hour formats.");
w("var timeData = map[string][2]string{");
for (const [k, v] of Object.entries(sup("timeData").timeData).sort()) w(`\t${q(k)}: {${q(v._allowed)}, ${q(v._preferred)}},`);
w("}");
w("");
w("// numberingSystems maps a numeric numbering system to its ten digits.");
w("var numberingSystems = map[string]string{");
for (const [k, v] of Object.entries(sup("numberingSystems").numberingSystems).sort()) if (v._type === "numeric") w(`\t${q(k)}: ${q(v._digits)},`);
w("}");
w("");
w("// currencyDigits maps a currency to its fraction digits and rounding increment (DEFAULT: 2, 0).");
w("var currencyDigits = map[string][2]int{");
for (const [k, v] of Object.entries(sup("currencyData").currencyData.fractions).sort()) if (k !== "DEFAULT") w(`\t${q(k)}: {${+v._digits}, ${+v._rounding}},`);
w("}");
w("");
const mzs = sup("metaZones").metaZones;
w("// metaZones maps an IANA zone to its current metazone.");
w("var metaZones = map[string]string{");
const walk = (o, pre) => {
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v)) {
      const cur = v.find((e) => !e.usesMetazone._to);
      if (cur) w(`\t${q(pre + k)}: ${q(cur.usesMetazone._mzone)},`);
    } else walk(v, pre + k + "/");
  }
};
walk(mzs.metazoneInfo.timezone, "");
w("}");
w("");
w("// goldenZones maps metazone+\" \"+territory to its reference zone (territory 001 is the metazone's own).");
w("var goldenZones = map[string]string{");
for (const e of mzs.metazones) w(`\t${q(e.mapZone._other + " " + e.mapZone._territory)}: ${q(e.mapZone._type)},`);
w("}");
w("");
w("// likely maps a language (or lang-Script) to its likely full tag.");
w("var likely = map[string]string{");
const ls = sup("likelySubtags").likelySubtags;
const langs = new Set(locales.map((l) => l.split("-")[0]));
for (const [k, v] of Object.entries(ls).sort()) {
  const base = k.split("-")[0];
  if (langs.has(base) || k.startsWith("und-")) if (k.split("-").length <= 2) w(`\t${q(k)}: ${q(v)},`);
}
w("}");
w("");
w("// dayPeriodRules maps a language to its flexible day periods: name, from minute, before minute (at: from = before).");
w("var dayPeriodRules = map[string][]dayPeriod{");
for (const [lang, v] of Object.entries(sup("dayPeriods").dayPeriodRuleSet).sort()) {
  const min = (t) => { const [h, m] = t.split(":"); return +h * 60 + +m; };
  const list = Object.entries(v).map(([name, r]) => r._at ? `{${q(name)}, ${min(r._at)}, ${min(r._at)}}` : `{${q(name)}, ${min(r._from)}, ${min(r._before)}}`);
  w(`\t${q(lang)}: {${list.join(", ")}},`);
}
w("}");
fs.writeFileSync(path.join(out, "tables_gen.go"), lines.join("\n") + "\n");
console.error(`${records.length} locales, ${keyIndex.size} keys, locales.bin ${offset} bytes (raw ${records.reduce((a, r) => a + r.raw.length, 0)})`);
