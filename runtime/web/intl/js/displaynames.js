// Intl.DisplayNames (ECMA-402 §12): names of languages, regions, scripts,
// currencies, calendars and date-time fields from CLDR 47, composed in Go
// (names.go) as V8 (ICU 77) composes them.
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.DisplayNames.
(function (native, H, Intl) {
  "use strict";

  const where = "Intl.DisplayNames";
  const RegExpTest = Function.prototype.call.bind(RegExp.prototype.test);
  const regionRE = /^([A-Za-z]{2}|[0-9]{3})$/;
  const scriptRE = /^[A-Za-z]{4}$/;
  const currencyRE = /^[A-Za-z]{3}$/;
  const typeRE = /^[0-9A-Za-z]{3,8}(-[0-9A-Za-z]{3,8})*$/;
  const fields = ["era", "year", "quarter", "month", "weekOfYear", "weekday", "day", "dayPeriod", "hour", "minute", "second", "timeZoneName"];
  const invalid = () => new RangeError("invalid_argument");

  class DisplayNames {
    #o;
    constructor(locales, options) {
      if (new.target === undefined) throw new TypeError("Constructor Intl.DisplayNames requires 'new'");
      const requested = H.CanonicalizeLocaleList(locales);
      if (options === undefined) throw new TypeError("invalid_argument");
      options = H.GetOptionsObject(options);
      const opt = H.record();
      opt.localeMatcher = H.GetLocaleMatcher(options, where);
      const r = H.ResolveLocale(requested, opt, []);
      const style = H.GetOption(options, "style", "string", ["narrow", "short", "long"], "long", where);
      const type = H.GetOption(options, "type", "string", ["language", "region", "script", "currency", "calendar", "dateTimeField"], undefined, where);
      if (type === undefined) throw new TypeError("invalid_argument");
      const fallback = H.GetOption(options, "fallback", "string", ["code", "none"], "code", where);
      const languageDisplay = H.GetOption(options, "languageDisplay", "string", ["dialect", "standard"], "dialect", where);
      this.#o = { __proto__: null, locale: r.locale, dataLocale: r.dataLocale, style, type, fallback, languageDisplay };
    }

    static #check(d, m) {
      if (d === null || typeof d !== "object" || !(#o in d)) throw H.incompatible("Intl.DisplayNames.prototype." + m, d);
      return d.#o;
    }

    of(code) {
      const o = DisplayNames.#check(this, "of");
      code = H.ToString(code);
      // ECMA-402 CanonicalCodeForDisplayNames.
      let canon;
      switch (o.type) {
        case "language":
          canon = native.displayLanguageCode(code);
          if (canon === undefined) throw invalid();
          break;
        case "region":
          if (!RegExpTest(regionRE, code)) throw invalid();
          canon = code; // V8 looks region codes up as given ("us" has no name)
          break;
        case "script":
          if (!RegExpTest(scriptRE, code)) throw invalid();
          canon = code; // as for regions
          break;
        case "calendar":
          if (!RegExpTest(typeRE, code)) throw invalid();
          canon = native.canonicalCalendar(code.toLowerCase());
          break;
        case "dateTimeField":
          if (!H.includes(fields, code)) throw invalid();
          canon = code;
          break;
        case "currency":
          if (!RegExpTest(currencyRE, code)) throw invalid();
          canon = code.toUpperCase();
          break;
      }
      const name = native.displayName(o.dataLocale, o.type, canon, o.style, o.languageDisplay, o.fallback);
      if (name !== undefined) return name;
      return o.fallback === "code" ? canon : undefined;
    }

    resolvedOptions() {
      const o = DisplayNames.#check(this, "resolvedOptions");
      const r = { locale: o.locale, style: o.style, type: o.type, fallback: o.fallback };
      if (o.type === "language") r.languageDisplay = o.languageDisplay;
      return r;
    }
  }

  Object.defineProperty(DisplayNames, "prototype", { writable: false });
  Object.defineProperty(DisplayNames, "length", { value: 2 });
  H.install(Intl, "DisplayNames", H.newOnly(DisplayNames, "DisplayNames"));
})
