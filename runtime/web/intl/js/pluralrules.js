// Intl.PluralRules for en only (cardinal and ordinal). Any other
// locale is a RangeError. Owned by the intlfmt work, which replaces this
// file.
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.PluralRules.
(function (native, H, Intl) {
  "use strict";

  const locale = H.enOnly, opt = H.enOpt, gap = H.gap;

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
    
  }

  H.install(Intl, "PluralRules", PluralRules);
})
