// Intl: the part of ECMA-402 (https://tc39.es/ecma402/) that libraries
// commonly touch, for the en-US locale, which is what workerd uses by
// default. goja has no Intl at all. What is here:
//   - DateTimeFormat: format, formatToParts, resolvedOptions (timeZone is
//     "UTC" unless one is given; other IANA zones come from Go's tz data),
//     dateStyle/timeStyle and the common component options;
//   - NumberFormat: decimal, percent, currency (USD, EUR, GBP, JPY, ... with
//     en-US symbols) and unit-less grouping and fraction digits;
//   - Collator and String.prototype.localeCompare: Unicode collation from
//     golang.org/x/text/collate (sensitivity, numeric);
//   - PluralRules: en cardinal and ordinal rules;
//   - getCanonicalLocales and supportedLocalesOf.
// Knowingly missing, and loud about it: every locale other than en/en-US
// (RangeError), Segmenter, ListFormat, RelativeTimeFormat, DisplayNames,
// Locale, DurationFormat (each constructor throws a TypeError naming the
// gap), compact/scientific/engineering notation and unit style.
//
// This file is one function expression; Go calls it with `native`.
(function (native) {
  "use strict";

  const gap = (what) => new TypeError(`${what} is not supported by edgedev (goja has no Intl; edgedev implements DateTimeFormat, NumberFormat, Collator and PluralRules for en-US)`);

  function locale(locales, what) {
    if (locales === undefined) return "en-US";
    const list = typeof locales === "string" ? [locales] : Array.from(locales, String);
    if (list.length === 0) return "en-US";
    for (const l of list) {
      const low = l.toLowerCase();
      if (low === "en" || low === "en-us" || low.startsWith("en-us-u-") || low.startsWith("en-u-")) return "en-US";
    }
    throw new RangeError(`${what}: locale ${JSON.stringify(list[0])} is not supported by edgedev, which formats for en-US only`);
  }

  function getCanonicalLocales(locales) {
    if (locales === undefined) return [];
    const list = typeof locales === "string" ? [locales] : Array.from(locales, String);
    return list.map((l) => {
      if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(l)) throw new RangeError(`Incorrect locale information provided: ${l}`);
      const parts = l.split("-");
      return parts.map((p, i) => i === 0 ? p.toLowerCase() : p.length === 2 ? p.toUpperCase() : p.length === 4 ? p[0].toUpperCase() + p.slice(1).toLowerCase() : p.toLowerCase()).join("-");
    });
  }

  function supportedLocalesOf(locales) {
    return getCanonicalLocales(locales).filter((l) => l === "en" || l === "en-US");
  }

  function opt(options, name, allowed, fallback) {
    const v = options[name];
    if (v === undefined) return fallback;
    const s = String(v);
    if (allowed && !allowed.includes(s)) throw new RangeError(`Value ${s} out of range for Intl options property ${name}`);
    return s;
  }

  // ---- DateTimeFormat ---------------------------------------------------

  const monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const daysLong = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const textWidth = ["narrow", "short", "long"];
  const numWidth = ["numeric", "2-digit"];

  const pad2 = (n) => (n < 10 ? "0" : "") + n;

  class DateTimeFormat {
    #o;
    constructor(locales, options) {
      const loc = locale(locales, "Intl.DateTimeFormat");
      options = options === undefined ? {} : Object(options);
      const o = { locale: loc, calendar: "gregory", numberingSystem: "latn" };
      const tz = options.timeZone === undefined ? "UTC" : native.timeZone(String(options.timeZone));
      o.timeZone = tz;
      o.dateStyle = opt(options, "dateStyle", ["full", "long", "medium", "short"]);
      o.timeStyle = opt(options, "timeStyle", ["full", "long", "medium", "short"]);
      const comps = {
        weekday: opt(options, "weekday", textWidth), era: opt(options, "era", textWidth),
        year: opt(options, "year", numWidth), month: opt(options, "month", [...numWidth, ...textWidth]),
        day: opt(options, "day", numWidth), hour: opt(options, "hour", numWidth),
        minute: opt(options, "minute", numWidth), second: opt(options, "second", numWidth),
        fractionalSecondDigits: options.fractionalSecondDigits === undefined ? undefined : Number(options.fractionalSecondDigits),
        timeZoneName: opt(options, "timeZoneName", ["short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"]),
      };
      const any = Object.keys(comps).some((k) => comps[k] !== undefined);
      if ((o.dateStyle || o.timeStyle) && any) throw new TypeError("Can't set option " + Object.keys(comps).find((k) => comps[k] !== undefined) + " when dateStyle or timeStyle is used");
      if (comps.era) throw gap("Intl.DateTimeFormat option era");
      if (!o.dateStyle && !o.timeStyle && !any) {
        comps.year = "numeric"; comps.month = "numeric"; comps.day = "numeric";
      }
      const hour12 = options.hour12 === undefined ? undefined : !!options.hour12;
      const hc = opt(options, "hourCycle", ["h11", "h12", "h23", "h24"]);
      o.hourCycle = hour12 === undefined ? (hc || "h12") : hour12 ? "h12" : "h23";
      o.hour12 = o.hourCycle === "h12" || o.hourCycle === "h11";
      if (!o.dateStyle && !o.timeStyle) {
        for (const k of Object.keys(comps)) if (comps[k] !== undefined) o[k] = comps[k];
      }
      if (o.hour === undefined && !o.timeStyle) { delete o.hourCycle; delete o.hour12; }
      this.#o = o;
    }

    #bound;
    // format is a getter returning a bound function, as in ECMA-402, so
    // dates.map(dtf.format) works.
    get format() { return this.#bound || (this.#bound = (date) => this.formatToParts(date).map((p) => p.value).join("")); }

    formatToParts(date) {
      const t = date === undefined ? Date.now() : Number(date instanceof Date ? date.getTime() : date);
      if (!isFinite(t)) throw new RangeError("Invalid time value");
      const [year, month, day, hour, minute, second, ms, weekday, abbr] = native.dateParts(t, this.#o.timeZone);
      const o = this.#o;
      const parts = [];
      const lit = (v) => parts.push({ type: "literal", value: v });
      const part = (type, value) => parts.push({ type, value: String(value) });
      const dateOpts = o.dateStyle ? {
        full: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
        long: { month: "long", day: "numeric", year: "numeric" },
        medium: { month: "short", day: "numeric", year: "numeric" },
        short: { month: "numeric", day: "numeric", year: "2-digit" },
      }[o.dateStyle] : o.timeStyle ? {} : o;
      const timeOpts = o.timeStyle ? {
        full: { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "long" },
        long: { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" },
        medium: { hour: "numeric", minute: "2-digit", second: "2-digit" },
        short: { hour: "numeric", minute: "2-digit" },
      }[o.timeStyle] : o.dateStyle ? {} : o;

      const yearStr = dateOpts.year === "2-digit" ? pad2(year % 100) : String(year);
      const hasDate = dateOpts.year || dateOpts.month || dateOpts.day || dateOpts.weekday;
      if (hasDate) {
        const wd = dateOpts.weekday && (dateOpts.weekday === "long" ? daysLong[weekday] : dateOpts.weekday === "short" ? daysLong[weekday].slice(0, 3) : daysLong[weekday][0]);
        const textMonth = dateOpts.month && !numWidth.includes(dateOpts.month);
        if (textMonth || (!dateOpts.month && !dateOpts.day && dateOpts.year === undefined)) {
          const mon = dateOpts.month && (dateOpts.month === "long" ? monthsLong[month - 1] : dateOpts.month === "short" ? monthsLong[month - 1].slice(0, 3) : monthsLong[month - 1][0]);
          if (wd) { part("weekday", wd); if (mon || dateOpts.day || dateOpts.year) lit(", "); }
          if (mon) part("month", mon);
          if (dateOpts.day) { if (mon) lit(" "); part("day", dateOpts.day === "2-digit" ? pad2(day) : day); }
          if (dateOpts.year) { if (dateOpts.day) lit(", "); else if (mon) lit(" "); part("year", yearStr); }
        } else {
          if (wd) { part("weekday", wd); lit(", "); }
          const fields = [];
          if (dateOpts.month) fields.push(["month", dateOpts.month === "2-digit" ? pad2(month) : month]);
          if (dateOpts.day) fields.push(["day", dateOpts.day === "2-digit" ? pad2(day) : day]);
          if (dateOpts.year) fields.push(["year", yearStr]);
          fields.forEach(([type, v], i) => { if (i > 0) lit("/"); part(type, v); });
        }
      }
      const hasTime = timeOpts.hour || timeOpts.minute || timeOpts.second;
      if (hasTime) {
        if (hasDate) lit(o.dateStyle === "full" || o.dateStyle === "long" ? " at " : ", ");
        const cycle = o.hourCycle || "h12";
        let h = hour;
        if (cycle === "h12") h = hour % 12 === 0 ? 12 : hour % 12;
        else if (cycle === "h11") h = hour % 12;
        else if (cycle === "h24") h = hour === 0 ? 24 : hour;
        const twelve = cycle === "h12" || cycle === "h11";
        if (timeOpts.hour) part("hour", timeOpts.hour === "2-digit" || (!twelve && (timeOpts.minute || o.timeStyle)) ? pad2(h) : h);
        if (timeOpts.minute) { if (timeOpts.hour) lit(":"); part("minute", timeOpts.hour || timeOpts.minute === "2-digit" ? pad2(minute) : minute); }
        if (timeOpts.second) { if (timeOpts.hour || timeOpts.minute) lit(":"); part("second", timeOpts.hour || timeOpts.minute || timeOpts.second === "2-digit" ? pad2(second) : second); }
        if (o.fractionalSecondDigits) { lit("."); part("fractionalSecond", String(ms).padStart(3, "0").slice(0, o.fractionalSecondDigits)); }
        if (timeOpts.hour && twelve) { lit(" "); part("dayPeriod", hour < 12 ? "AM" : "PM"); }
      }
      if (timeOpts.timeZoneName) {
        lit(" ");
        const long = timeOpts.timeZoneName.startsWith("long");
        part("timeZoneName", o.timeZone === "UTC" ? (long ? "Coordinated Universal Time" : "UTC") : abbr);
      }
      return parts;
    }

    formatRange() { throw gap("Intl.DateTimeFormat.prototype.formatRange"); }

    resolvedOptions() { return Object.assign({}, this.#o); }

    static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
  }

  // ---- NumberFormat -----------------------------------------------------

  const currencySymbols = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", CNY: "CN¥", INR: "₹", CAD: "CA$", AUD: "A$", KRW: "₩", BRL: "R$", MXN: "MX$", ILS: "₪", VND: "₫", TWD: "NT$", NZD: "NZ$", HKD: "HK$", PHP: "₱" };
  const zeroDecimalCurrencies = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG", "RWF"]);

  function group(intStr) {
    let out = "";
    for (let i = 0; i < intStr.length; i++) {
      if (i > 0 && (intStr.length - i) % 3 === 0) out += ",";
      out += intStr[i];
    }
    return out;
  }

  class NumberFormat {
    #o;
    constructor(locales, options) {
      const loc = locale(locales, "Intl.NumberFormat");
      options = options === undefined ? {} : Object(options);
      const style = opt(options, "style", ["decimal", "percent", "currency", "unit"], "decimal");
      if (style === "unit") throw gap("Intl.NumberFormat style \"unit\"");
      const notation = opt(options, "notation", ["standard", "scientific", "engineering", "compact"], "standard");
      if (notation !== "standard") throw gap(`Intl.NumberFormat notation "${notation}"`);
      const o = { locale: loc, numberingSystem: "latn", style };
      let minFD = 0, maxFD = style === "percent" ? 0 : 3;
      if (style === "currency") {
        if (options.currency === undefined) throw new TypeError("Currency code is required with currency style.");
        o.currency = String(options.currency).toUpperCase();
        if (!/^[A-Z]{3}$/.test(o.currency)) throw new RangeError("Invalid currency code : " + options.currency);
        o.currencyDisplay = opt(options, "currencyDisplay", ["symbol", "narrowSymbol", "code", "name"], "symbol");
        if (o.currencyDisplay === "name") throw gap("Intl.NumberFormat currencyDisplay \"name\"");
        o.currencySign = opt(options, "currencySign", ["standard", "accounting"], "standard");
        minFD = maxFD = zeroDecimalCurrencies.has(o.currency) ? 0 : 2;
      }
      const mnfd = options.minimumFractionDigits, mxfd = options.maximumFractionDigits;
      if (mnfd !== undefined) { minFD = Number(mnfd); if (!(minFD >= 0 && minFD <= 100)) throw new RangeError("minimumFractionDigits value is out of range."); if (mxfd === undefined && maxFD < minFD) maxFD = minFD; }
      if (mxfd !== undefined) { maxFD = Number(mxfd); if (!(maxFD >= 0 && maxFD <= 100)) throw new RangeError("maximumFractionDigits value is out of range."); if (mnfd === undefined && minFD > maxFD) minFD = maxFD; }
      if (minFD > maxFD) throw new RangeError("maximumFractionDigits value is out of range.");
      o.minimumIntegerDigits = options.minimumIntegerDigits === undefined ? 1 : Number(options.minimumIntegerDigits);
      o.minimumFractionDigits = minFD;
      o.maximumFractionDigits = maxFD;
      if (options.maximumSignificantDigits !== undefined || options.minimumSignificantDigits !== undefined) {
        o.minimumSignificantDigits = options.minimumSignificantDigits === undefined ? 1 : Number(options.minimumSignificantDigits);
        o.maximumSignificantDigits = options.maximumSignificantDigits === undefined ? 21 : Number(options.maximumSignificantDigits);
      }
      const ug = options.useGrouping;
      o.useGrouping = ug === undefined ? "auto" : ug === false || ug === "false" ? false : ug === true ? "always" : String(ug);
      o.notation = "standard";
      o.signDisplay = opt(options, "signDisplay", ["auto", "never", "always", "exceptZero", "negative"], "auto");
      this.#o = o;
    }

    #bound;
    get format() { return this.#bound || (this.#bound = (n) => this.formatToParts(n).map((p) => p.value).join("")); }

    formatToParts(n) {
      const o = this.#o;
      let x = typeof n === "bigint" ? Number(n) : Number(n);
      const parts = [];
      const push = (type, value) => parts.push({ type, value });
      if (Number.isNaN(x)) { push("nan", "NaN"); return parts; }
      let neg = x < 0 || Object.is(x, -0);
      if (o.style === "percent") x *= 100;
      let body;
      if (!isFinite(x)) body = [["infinity", "∞"]];
      else {
        let digits;
        if (o.maximumSignificantDigits !== undefined) {
          digits = Math.abs(x).toPrecision(o.maximumSignificantDigits);
          if (digits.includes("e")) digits = Number(digits).toFixed(0);
          if (digits.includes(".")) digits = digits.replace(/0+$/, "").replace(/\.$/, "");
        } else {
          digits = native.toFixed(Math.abs(x), o.maximumFractionDigits);
          if (digits.includes(".")) {
            let [i, f] = digits.split(".");
            while (f.length > o.minimumFractionDigits && f.endsWith("0")) f = f.slice(0, -1);
            digits = f ? i + "." + f : i;
          }
        }
        let [ip, fp] = digits.split(".");
        if (o.minimumFractionDigits && (fp || "").length < o.minimumFractionDigits) fp = (fp || "").padEnd(o.minimumFractionDigits, "0");
        ip = ip.padStart(o.minimumIntegerDigits, "0");
        body = [];
        const grouped = o.useGrouping === false || (o.useGrouping === "min2" && ip.length < 5) ? ip : group(ip);
        grouped.split(",").forEach((g, i) => { if (i > 0) body.push(["group", ","]); body.push(["integer", g]); });
        if (fp) { body.push(["decimal", "."]); body.push(["fraction", fp]); }
      }
      const zero = body.length && body.every(([t, v]) => t !== "integer" && t !== "fraction" || /^0*$/.test(v));
      const sd = o.signDisplay;
      const accounting = o.style === "currency" && o.currencySign === "accounting";
      let sign = "";
      if (neg && sd !== "never" && !((sd === "exceptZero" || sd === "negative") && zero)) sign = "-";
      else if (!neg && (sd === "always" || (sd === "exceptZero" && !zero))) sign = "+";
      if (sign === "-" && accounting) push("literal", "(");
      else if (sign) push(sign === "-" ? "minusSign" : "plusSign", sign);
      if (o.style === "currency") {
        const sym = o.currencyDisplay === "code" ? o.currency + "\u00a0" : o.currencyDisplay === "narrowSymbol" ? (currencySymbols[o.currency] || o.currency).replace(/^[A-Z]+(?=\W)/, "") : currencySymbols[o.currency] || o.currency + "\u00a0";
        push("currency", sym.replace(/\u00a0$/, ""));
        if (sym.endsWith("\u00a0")) push("literal", "\u00a0");
      }
      for (const [t, v] of body) push(t, v);
      if (o.style === "percent") push("percentSign", "%");
      if (sign === "-" && accounting) push("literal", ")");
      return parts;
    }

    resolvedOptions() { return Object.assign({}, this.#o); }

    static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
  }

  // ---- Collator ---------------------------------------------------------

  class Collator {
    #o;
    constructor(locales, options) {
      const loc = locale(locales, "Intl.Collator");
      options = options === undefined ? {} : Object(options);
      const usage = opt(options, "usage", ["sort", "search"], "sort");
      const sensitivity = opt(options, "sensitivity", ["base", "accent", "case", "variant"], "variant");
      const numeric = !!options.numeric;
      const ignorePunctuation = !!options.ignorePunctuation;
      if (ignorePunctuation) throw gap("Intl.Collator option ignorePunctuation");
      const caseFirst = opt(options, "caseFirst", ["upper", "lower", "false"], "false");
      this.#o = { locale: loc, usage, sensitivity, ignorePunctuation, collation: "default", numeric, caseFirst };
      const o = this.#o;
      // A bound compare, as the spec's getter returns.
      Object.defineProperty(this, "compare", { value: (a, b) => native.compare(String(a), String(b), o.sensitivity, o.numeric), configurable: true });
    }
    resolvedOptions() { return Object.assign({}, this.#o); }
    static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
  }

  // ---- PluralRules (en) -------------------------------------------------

  class PluralRules {
    #o;
    constructor(locales, options) {
      const loc = locale(locales, "Intl.PluralRules");
      options = options === undefined ? {} : Object(options);
      this.#o = { locale: loc, type: opt(options, "type", ["cardinal", "ordinal"], "cardinal"), minimumIntegerDigits: 1, minimumFractionDigits: 0, maximumFractionDigits: 3 };
    }
    select(n) {
      n = Number(n);
      if (!isFinite(n)) return "other";
      const abs = Math.abs(n);
      if (this.#o.type === "ordinal") {
        if (!Number.isInteger(abs)) return "other";
        const m10 = abs % 10, m100 = abs % 100;
        if (m10 === 1 && m100 !== 11) return "one";
        if (m10 === 2 && m100 !== 12) return "two";
        if (m10 === 3 && m100 !== 13) return "few";
        return "other";
      }
      return abs === 1 && Number.isInteger(n) ? "one" : "other";
    }
    resolvedOptions() { return Object.assign({ pluralCategories: this.#o.type === "ordinal" ? ["few", "one", "two", "other"] : ["one", "other"] }, this.#o); }
    static supportedLocalesOf(locales) { return supportedLocalesOf(locales); }
  }

  const missing = (name) => {
    const C = function () { throw gap("Intl." + name); };
    Object.defineProperty(C, "name", { value: name });
    C.supportedLocalesOf = () => [];
    return C;
  };

  // DateTimeFormat, NumberFormat and Collator may be called without new.
  const legacy = (C) => {
    const F = { [C.name]: function (locales, options) { return new C(locales, options); } }[C.name];
    Object.defineProperty(F, "prototype", { value: C.prototype });
    Object.defineProperty(C.prototype, "constructor", { value: F, writable: true, configurable: true });
    F.supportedLocalesOf = C.supportedLocalesOf;
    return F;
  };

  const Intl = {
    DateTimeFormat: legacy(DateTimeFormat), NumberFormat: legacy(NumberFormat), Collator: legacy(Collator), PluralRules,
    Segmenter: missing("Segmenter"), ListFormat: missing("ListFormat"), RelativeTimeFormat: missing("RelativeTimeFormat"),
    DisplayNames: missing("DisplayNames"), Locale: missing("Locale"), DurationFormat: missing("DurationFormat"),
    getCanonicalLocales,
    supportedValuesOf() { throw gap("Intl.supportedValuesOf"); },
  };
  Object.defineProperty(Intl, Symbol.toStringTag, { value: "Intl", configurable: true });
  for (const C of [DateTimeFormat, NumberFormat, Collator, PluralRules]) {
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: "Intl." + C.name, configurable: true });
  }
  Object.defineProperty(globalThis, "Intl", { value: Intl, writable: true, enumerable: false, configurable: true });

  const defaultCollator = new Collator();
  Object.defineProperty(String.prototype, "localeCompare", {
    value: function localeCompare(that, locales, options) {
      if (this === null || this === undefined) throw new TypeError("String.prototype.localeCompare called on null or undefined");
      const c = locales === undefined && options === undefined ? defaultCollator : new Collator(locales, options);
      return c.compare(String(this), String(that));
    },
    writable: true, enumerable: false, configurable: true,
  });
})
