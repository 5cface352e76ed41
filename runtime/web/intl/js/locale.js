// Intl.Locale (ECMA-402 §14, with the Intl Locale Info additions:
// getCalendars, getCollations, getHourCycles, getNumberingSystems,
// getTimeZones, getTextInfo, getWeekInfo, firstDayOfWeek, variants). Tag
// parsing, canonicalization and the CLDR data are in Go (package
// runtime/web/intl/locale); this file reads the options in the spec's
// order.
//
// This file is one function expression; Go calls it with native, H and
// Intl.
(function (native, H, Intl) {
  "use strict";

  // ECMA-402's relevant extension keys of Intl.Locale, in the order
  // native.makeLocale takes them.
  const keys = ["ca", "co", "fw", "hc", "kf", "kn", "nu"];
  const typeRE = /^[0-9A-Za-z]{3,8}(-[0-9A-Za-z]{3,8})*$/;
  const weekdays = { "0": "sun", "1": "mon", "2": "tue", "3": "wed", "4": "thu", "5": "fri", "6": "sat", "7": "sun" };

  class Locale {
    // [locale, baseName, language, script, region, variants, ca, co, fw, hc, kf, kn, nu]
    #r;

    constructor(tag, options = undefined) {
      if (new.target === undefined) throw new TypeError("Constructor Intl.Locale requires 'new'");
      if (typeof tag !== "string" && (typeof tag !== "object" || tag === null)) {
        throw new TypeError("First argument to Intl.Locale constructor can't be empty or missing");
      }
      let t = typeof tag === "object" ? tagOf(tag) : undefined;
      if (t === undefined) t = H.ToString(tag);
      options = H.CoerceOptionsToObject(options);
      // IsStructurallyValidLanguageTag and CanonicalizeUnicodeLocaleId.
      if (t === "") throw new RangeError("First argument to Intl.Locale constructor can't be empty or missing");
      t = native.canonicalize(t, true);
      const base = native.localeParts(t); // [baseName, language, script, region, variants]
      // UpdateLanguageId.
      const language = H.GetOption(options, "language", "string", undefined, base[1], "Intl.Locale");
      const script = H.GetOption(options, "script", "string", undefined, orUndef(base[2]), "Intl.Locale");
      const region = H.GetOption(options, "region", "string", undefined, orUndef(base[3]), "Intl.Locale");
      const variants = H.GetOption(options, "variants", "string", undefined, orUndef(base[4]), "Intl.Locale");
      const opt = H.record();
      const readType = (name) => {
        const v = H.GetOption(options, name, "string", undefined, undefined, "Intl.Locale");
        if (v !== undefined && !typeRE.test(v)) throw new RangeError(`Incorrect locale information provided`);
        return v;
      };
      opt.ca = readType("calendar");
      opt.co = readType("collation");
      let fw = H.GetOption(options, "firstDayOfWeek", "string", undefined, undefined, "Intl.Locale");
      if (fw !== undefined) {
        if (Object.hasOwn(weekdays, fw)) fw = weekdays[fw];
        if (!typeRE.test(fw)) throw new RangeError(`Incorrect locale information provided`);
      }
      opt.fw = fw;
      opt.hc = H.GetOption(options, "hourCycle", "string", ["h11", "h12", "h23", "h24"], undefined, "Intl.Locale");
      opt.kf = H.GetOption(options, "caseFirst", "string", ["upper", "lower", "false"], undefined, "Intl.Locale");
      const kn = H.GetOption(options, "numeric", "boolean", undefined, undefined, "Intl.Locale");
      opt.kn = kn === undefined ? undefined : String(kn);
      opt.nu = readType("numberingSystem");
      this.#r = native.makeLocale(t, language, script, region, variants, keys.map((k) => opt[k]));
    }

    static tagOf(v) {
      return v !== null && typeof v === "object" && #r in v ? v.#r[0] : undefined;
    }

    static #check(v, method) {
      if (v === null || typeof v !== "object" || !(#r in v)) throw H.incompatible("Intl.Locale.prototype." + method, v);
      return v.#r;
    }

    maximize() { return new Locale(native.maximize(Locale.#check(this, "maximize")[0])); }
    minimize() { return new Locale(native.minimize(Locale.#check(this, "minimize")[0])); }
    toString() { return Locale.#check(this, "toString")[0]; }
    getCalendars() { return native.localeInfo("calendars", Locale.#check(this, "getCalendars")[0]); }
    getCollations() { return native.localeInfo("collations", Locale.#check(this, "getCollations")[0]); }
    getHourCycles() { return native.localeInfo("hourCycles", Locale.#check(this, "getHourCycles")[0]); }
    getNumberingSystems() { return native.localeInfo("numberingSystems", Locale.#check(this, "getNumberingSystems")[0]); }
    getTimeZones() {
      const r = Locale.#check(this, "getTimeZones");
      return r[4] === null ? undefined : native.localeInfo("timeZones", r[0]);
    }
    getTextInfo() {
      const dir = native.localeInfo("textInfo", Locale.#check(this, "getTextInfo")[0]);
      return { direction: dir };
    }
    getWeekInfo() {
      const w = native.localeInfo("weekInfo", Locale.#check(this, "getWeekInfo")[0]);
      return { firstDay: w[0], weekend: w.slice(2) };
    }

    get baseName() { return Locale.#check(this, "baseName")[1]; }
    get calendar() { return orUndef(Locale.#check(this, "calendar")[6]); }
    get caseFirst() { return orUndef(Locale.#check(this, "caseFirst")[10]); }
    get collation() { return orUndef(Locale.#check(this, "collation")[7]); }
    get firstDayOfWeek() { return orUndef(Locale.#check(this, "firstDayOfWeek")[8]); }
    get hourCycle() { return orUndef(Locale.#check(this, "hourCycle")[9]); }
    get numeric() { const kn = Locale.#check(this, "numeric")[11]; return kn === "" || kn === "true"; }
    get numberingSystem() { return orUndef(Locale.#check(this, "numberingSystem")[12]); }
    get language() { return Locale.#check(this, "language")[2]; }
    get script() { return orUndef(Locale.#check(this, "script")[3]); }
    get region() { return orUndef(Locale.#check(this, "region")[4]); }
    get variants() { return orUndef(Locale.#check(this, "variants")[5]); }
  }
  // A keyword given without a value ("-u-kn") reads as "", which the
  // getters give as "" too (except numeric); null means absent.
  function orUndef(v) { return v === null ? undefined : v; }

  const tagOf = Locale.tagOf;
  delete Locale.tagOf;
  H.localeTagOf = tagOf;

  Object.defineProperty(Locale.prototype, Symbol.toStringTag, { value: "Intl.Locale", writable: false, enumerable: false, configurable: true });
  Object.defineProperty(Intl, "Locale", { value: H.newOnly(Locale, "Locale"), writable: true, enumerable: false, configurable: true });
})
