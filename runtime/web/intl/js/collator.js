// Intl.Collator (ECMA-402 §10) and String.prototype.localeCompare, over
// Unicode collation in Go (golang.org/x/text/collate).
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.Collator and replaces
// String.prototype.localeCompare.
(function (native, H, Intl) {
  "use strict";

  class Collator {
    #o;
    #bound;
    constructor(locales, options) {
      const requested = H.CanonicalizeLocaleList(locales);
      options = H.CoerceOptionsToObject(options);
      const usage = H.GetOption(options, "usage", "string", ["sort", "search"], "sort");
      const opt = {};
      opt.localeMatcher = H.GetLocaleMatcher(options);
      const collation = H.GetOption(options, "collation", "string", undefined, undefined);
      if (collation !== undefined && !/^[0-9A-Za-z]{3,8}(-[0-9A-Za-z]{3,8})*$/.test(collation)) throw new RangeError("Invalid collation : " + collation);
      opt.co = collation;
      const numeric = H.GetOption(options, "numeric", "boolean", undefined, undefined);
      opt.kn = numeric === undefined ? undefined : String(numeric);
      opt.kf = H.GetOption(options, "caseFirst", "string", ["upper", "lower", "false"], undefined);
      const r = H.ResolveLocale(requested, opt, ["co", "kf", "kn"]);
      const sensitivity = H.GetOption(options, "sensitivity", "string", ["base", "accent", "case", "variant"], "variant");
      const ignorePunctuation = H.GetOption(options, "ignorePunctuation", "boolean", undefined, false);
      this.#o = {
        locale: r.locale, usage, sensitivity, ignorePunctuation,
        collation: r.co === null || r.co === "" ? "default" : r.co,
        numeric: r.kn === "true", caseFirst: r.kf || "false",
        dataLocale: r.dataLocale,
      };
    }

    static #check(c, m) {
      if (c === null || typeof c !== "object" || !(#o in c)) throw H.incompatible("Intl.Collator.prototype." + m, c);
      return c;
    }

    get compare() {
      const c = Collator.#check(this, "compare");
      if (c.#bound === undefined) {
        const o = c.#o;
        c.#bound = (x, y) => native.compare(String(x), String(y), o.sensitivity, o.numeric);
        Object.defineProperty(c.#bound, "name", { value: "" });
      }
      return c.#bound;
    }

    resolvedOptions() {
      const o = Collator.#check(this, "resolvedOptions").#o;
      return { locale: o.locale, usage: o.usage, sensitivity: o.sensitivity, ignorePunctuation: o.ignorePunctuation, collation: o.collation, numeric: o.numeric, caseFirst: o.caseFirst };
    }
  }

  const F = H.callable(Collator);
  H.install(Intl, "Collator", F);

  let defaultCollator;
  H.methods(String.prototype, {
    localeCompare(that, locales = undefined, options = undefined) {
      if (this === null || this === undefined) throw new TypeError("String.prototype.localeCompare called on null or undefined");
      const s = String(this), t = String(that);
      let c;
      if (locales === undefined && options === undefined) c = defaultCollator || (defaultCollator = new F());
      else c = new F(locales, options);
      return c.compare(s, t);
    },
  });
})
