// Intl.PluralRules (ECMA-402 §17) over the CLDR rule compiler in
// runtime/web/intl/plural; numbers are rounded as NumberFormat would first.
//
// This file is one function expression; Go calls it with native, the Intl
// object and the shared helpers (fmtshared.js).
(function (native, H, Intl, h) {
  "use strict";

  const slots = new WeakMap();
  const internal = (pr, what) => {
    const o = pr !== null && typeof pr === "object" ? slots.get(pr) : undefined;
    if (!o) throw new TypeError(`Method Intl.PluralRules.prototype.${what} called on incompatible receiver ${typeof pr === "object" ? "#<Object>" : String(pr)}`);
    return o;
  };

  class PluralRules {
    constructor(locales = undefined, options = undefined) {
      if (new.target === undefined) throw new TypeError("Constructor Intl.PluralRules requires 'new'");
      const requested = H.CanonicalizeLocaleList(locales);
      options = h.coerceOptions(options);
      const matcher = h.getOption(options, "localeMatcher", "string", ["lookup", "best fit"], "best fit");
      const type = h.getOption(options, "type", "string", ["cardinal", "ordinal"], "cardinal");
      const notation = h.getOption(options, "notation", "string", ["standard", "scientific", "engineering", "compact"], "standard");
      const compactDisplay = h.getOption(options, "compactDisplay", "string", ["short", "long"], "short");
      const d = {};
      h.setDigitOptions(d, options, 0, 3, notation);
      const r = h.resolve(requested, { localeMatcher: matcher }, []);
      // ICU's plural data is per language (a few regions have their own)
      const o = { locale: native.pluralLocale(r.locale, r.lang), type, notation, compactDisplay, digits: d, lang: r.lang };
      o.handle = native.nfNew(Object.assign(Object.create(null), { data: r.data, lang: r.lang, style: "decimal", useGrouping: "false", notation, compactDisplay }, d));
      slots.set(this, o);
    }
    select(n) {
      const o = internal(this, "select");
      return native.pluralOf(o.handle, Number(n), o.type === "ordinal");
    }
    selectRange(start, end) {
      const o = internal(this, "selectRange");
      if (start === undefined || end === undefined) throw new TypeError("start or end is undefined");
      const x = Number(start), y = Number(end);
      if (Number.isNaN(x) || Number.isNaN(y)) throw new RangeError("Invalid number value: NaN");
      const a = native.pluralOf(o.handle, x, o.type === "ordinal"), b = native.pluralOf(o.handle, y, o.type === "ordinal");
      return native.pluralRange(o.lang, a, b);
    }
    resolvedOptions() {
      const o = internal(this, "resolvedOptions");
      const d = o.digits;
      const r = { locale: o.locale, type: o.type, notation: o.notation };
      if (o.notation === "compact") r.compactDisplay = o.compactDisplay;
      r.minimumIntegerDigits = d.minimumIntegerDigits;
      for (const k of ["minimumFractionDigits", "maximumFractionDigits", "minimumSignificantDigits", "maximumSignificantDigits"]) if (d[k] !== undefined) r[k] = d[k];
      r.pluralCategories = native.pluralCategories(o.lang, o.type === "ordinal");
      r.roundingIncrement = d.roundingIncrement;
      r.roundingMode = d.roundingMode;
      r.roundingPriority = d.roundingPriority;
      r.trailingZeroDisplay = d.trailingZeroDisplay;
      return r;
    }
    static supportedLocalesOf(locales, options = undefined) { return H.SupportedLocales(H.CanonicalizeLocaleList(locales), options); }
  }
  Object.defineProperty(PluralRules.prototype, Symbol.toStringTag, { value: "Intl.PluralRules", configurable: true });
  Object.defineProperty(Intl, "PluralRules", { value: PluralRules, writable: true, enumerable: false, configurable: true });
  return PluralRules;
})
