// Intl.Collator (ECMA-402 §10) and String.prototype.localeCompare, over
// Unicode collation in Go (golang.org/x/text/collate).
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.Collator and replaces
// String.prototype.localeCompare.
(function (native, H, Intl) {
  "use strict";

  // The Unicode "type" nonterminal, which a collation option must match.
  const typeRE = /^[0-9A-Za-z]{3,8}(-[0-9A-Za-z]{3,8})*$/;
  const RegExpTest = Function.prototype.call.bind(RegExp.prototype.test);

  class Collator {
    #o;
    #bound;
    constructor(locales, options) {
      const requested = H.CanonicalizeLocaleList(locales);
      options = H.CoerceOptionsToObject(options);
      const usage = H.GetOption(options, "usage", "string", ["sort", "search"], "sort", "Intl.Collator");
      const opt = H.record();
      opt.localeMatcher = H.GetLocaleMatcher(options, "Intl.Collator");
      const collation = H.GetOption(options, "collation", "string", undefined, undefined, "Intl.Collator");
      if (collation !== undefined && !RegExpTest(typeRE, collation)) throw new RangeError("Invalid collation : " + collation);
      opt.co = collation;
      const numeric = H.GetOption(options, "numeric", "boolean", undefined, undefined, "Intl.Collator");
      opt.kn = numeric === undefined ? undefined : String(numeric);
      opt.kf = H.GetOption(options, "caseFirst", "string", ["upper", "lower", "false"], undefined, "Intl.Collator");
      const r = H.ResolveLocale(requested, opt, ["co", "kf", "kn"], "collator");
      const sensitivity = H.GetOption(options, "sensitivity", "string", ["base", "accent", "case", "variant"], "variant", "Intl.Collator");
      // Thai ignores punctuation by default (CLDR's th collation).
      const ignorePunctuation = H.GetOption(options, "ignorePunctuation", "boolean", undefined, r.dataLocale === "th" || r.dataLocale.startsWith("th-"), "Intl.Collator");
      const o = {
        __proto__: null,
        locale: r.locale, usage, sensitivity, ignorePunctuation,
        // V8 reports the collation ICU's data locale names, which for
        // Chinese is its default: pinyin, and stroke for zh-Hant.
        collation: r.co === null || r.co === "" ? native.defaultCollation(r.dataLocale) : r.co,
        numeric: r.kn === "true", caseFirst: r.kf || "false",
      };
      o.handle = native.collator(r.dataLocale, r.co || "", sensitivity, o.caseFirst, o.numeric, ignorePunctuation, usage);
      this.#o = o;
    }

    static #check(c, m) {
      if (c === null || typeof c !== "object" || !(#o in c)) throw H.incompatible("Intl.Collator.prototype." + m, c);
      return c;
    }

    get compare() {
      const c = Collator.#check(this, "compare");
      if (c.#bound === undefined) {
        const h = c.#o.handle;
        c.#bound = (x, y) => native.compare(h, H.ToString(x), H.ToString(y));
        Object.defineProperty(c.#bound, "name", { value: "" });
      }
      return c.#bound;
    }

    static handleOf(c) { return c.#o.handle; }

    resolvedOptions() {
      const o = Collator.#check(this, "resolvedOptions").#o;
      return { locale: o.locale, usage: o.usage, sensitivity: o.sensitivity, ignorePunctuation: o.ignorePunctuation, collation: o.collation, numeric: o.numeric, caseFirst: o.caseFirst };
    }
  }

  const handleOfCollator = Collator.handleOf;
  delete Collator.handleOf;
  const F = H.callable(Collator);
  H.install(Intl, "Collator", F, "collator");

  // localeCompare keeps the collator handles of the locale strings it was
  // called with (sorting calls it once per comparison, each time naming
  // the same locale), so only the first call negotiates.
  const handles = new Map();
  const MapGet = Function.prototype.call.bind(Map.prototype.get);
  const MapSet = Function.prototype.call.bind(Map.prototype.set);
  const MapSize = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(Map.prototype, "size").get);
  const handleOf = handleOfCollator;
  H.methods(String.prototype, {
    localeCompare(that, locales = undefined, options = undefined) {
      if (this === null || this === undefined) throw new TypeError("String.prototype.localeCompare called on null or undefined");
      const s = H.ToString(this), t = H.ToString(that);
      if (options === undefined && (locales === undefined || typeof locales === "string")) {
        const key = locales === undefined ? "" : locales;
        let h = MapGet(handles, key);
        if (h === undefined) {
          h = handleOf(new F(locales));
          if (MapSize(handles) < 64) MapSet(handles, key, h);
        }
        return native.compare(h, s, t);
      }
      return native.compare(handleOf(new F(locales, options)), s, t);
    },
  });
})
