// Intl.NumberFormat (ECMA-402 §16) over the Go formatter in
// runtime/web/intl/number: every style, notation, rounding option and
// formatToParts / formatRange. Number.prototype.toLocaleString and
// BigInt.prototype.toLocaleString use it.
//
// This file is one function expression; Go calls it with native, the Intl
// object and the shared helpers (fmtshared.js).
(function (native, H, Intl, h) {
  "use strict";

  const sanctioned = ["acre", "bit", "byte", "celsius", "centimeter", "day", "degree", "fahrenheit", "fluid-ounce", "foot",
    "gallon", "gigabit", "gigabyte", "gram", "hectare", "hour", "inch", "kilobit", "kilobyte", "kilogram", "kilometer",
    "liter", "megabit", "megabyte", "meter", "microsecond", "mile", "mile-scandinavian", "milliliter", "millimeter",
    "millisecond", "minute", "month", "nanosecond", "ounce", "percent", "petabyte", "pound", "second", "stone", "terabit",
    "terabyte", "week", "yard", "year"];
  const wellFormedUnit = (u) => {
    if (sanctioned.includes(u)) return true;
    const i = u.indexOf("-per-");
    return i > 0 && sanctioned.includes(u.slice(0, i)) && sanctioned.includes(u.slice(i + 5));
  };

  const slots = new WeakMap();
  const internal = (nf, what) => {
    let o = nf !== null && (typeof nf === "object" || typeof nf === "function") ? slots.get(nf) : undefined;
    if (!o && nf !== null && typeof nf === "object" && nf instanceof Intl.NumberFormat) o = slots.get(nf[legacySym]);
    if (!o) throw new TypeError(`Method Intl.NumberFormat.prototype.${what} called on incompatible receiver ${typeof nf === "object" || typeof nf === "function" ? "#<Object>" : String(nf)}`);
    return o;
  };

  function init(nf, locales, options) {
    const requested = H.CanonicalizeLocaleList(locales);
    options = h.coerceOptions(options);
    const o = Object.create(null);
    const matcher = h.getOption(options, "localeMatcher", "string", ["lookup", "best fit"], "best fit");
    const nu = h.getOption(options, "numberingSystem", "string", undefined, undefined);
    if (nu !== undefined && !h.typeSequence.test(nu)) throw new RangeError(`Invalid numberingSystem : ${nu}`);
    const r = h.resolve(requested, { localeMatcher: matcher, nu }, ["nu"]);
    o.locale = r.locale;
    o.data = r.data;
    o.lang = r.lang;
    o.numberingSystem = r.keys.nu && native.numberingSystemOK(r.keys.nu) ? r.keys.nu : r.defaultNu;
    const style = h.getOption(options, "style", "string", ["decimal", "percent", "currency", "unit"], "decimal");
    o.style = style;
    const currency = h.getOption(options, "currency", "string", undefined, undefined);
    if (currency === undefined) {
      if (style === "currency") throw new TypeError("Currency code is required with currency style.");
    } else if (!/^[A-Za-z]{3}$/.test(currency)) throw new RangeError(`Invalid currency code : ${currency}`);
    const currencyDisplay = h.getOption(options, "currencyDisplay", "string", ["code", "symbol", "narrowSymbol", "name"], "symbol");
    const currencySign = h.getOption(options, "currencySign", "string", ["standard", "accounting"], "standard");
    const unit = h.getOption(options, "unit", "string", undefined, undefined);
    if (unit === undefined) {
      if (style === "unit") throw new TypeError("Unit is required with unit style.");
    } else if (!wellFormedUnit(unit)) throw new RangeError(`Invalid unit argument for Intl.NumberFormat() '${unit}'`);
    const unitDisplay = h.getOption(options, "unitDisplay", "string", ["short", "narrow", "long"], "short");
    if (style === "currency") { o.currency = currency.toUpperCase(); o.currencyDisplay = currencyDisplay; o.currencySign = currencySign; }
    if (style === "unit") { o.unit = unit; o.unitDisplay = unitDisplay; }
    const notation = h.getOption(options, "notation", "string", ["standard", "scientific", "engineering", "compact"], "standard");
    let mnfdDefault = 0, mxfdDefault = style === "percent" ? 0 : 3;
    if (style === "currency" && notation === "standard") { mnfdDefault = mxfdDefault = native.currencyDigits(o.currency); }
    const digits = Object.create(null);
    h.setDigitOptions(digits, options, mnfdDefault, mxfdDefault, notation);
    const compactDisplay = h.getOption(options, "compactDisplay", "string", ["short", "long"], "short");
    const defaultGrouping = notation === "compact" ? "min2" : "auto";
    let g = options.useGrouping;
    if (g === undefined) g = defaultGrouping;
    else if (g === true) g = "always";
    else if (!g) g = false;
    else {
      g = String(g);
      if (g === "true" || g === "false") g = defaultGrouping;
      else if (!["min2", "auto", "always"].includes(g)) throw new RangeError(`Value ${g} out of range for Intl.NumberFormat options property useGrouping`);
    }
    const signDisplay = h.getOption(options, "signDisplay", "string", ["auto", "never", "always", "exceptZero", "negative"], "auto");
    o.minimumIntegerDigits = digits.minimumIntegerDigits;
    for (const k of ["minimumFractionDigits", "maximumFractionDigits", "minimumSignificantDigits", "maximumSignificantDigits"]) if (digits[k] !== undefined) o[k] = digits[k];
    o.useGrouping = g;
    o.notation = notation;
    if (notation === "compact") o.compactDisplay = compactDisplay;
    o.signDisplay = signDisplay;
    o.roundingIncrement = digits.roundingIncrement;
    o.roundingMode = digits.roundingMode;
    o.roundingPriority = digits.roundingPriority;
    o.trailingZeroDisplay = digits.trailingZeroDisplay;
    o.roundingType = digits.roundingType;
    o.handle = native.nfNew(Object.assign(Object.create(null), o, { useGrouping: String(g), compactDisplay }));
    slots.set(nf, o);
    return nf;
  }

  // ECMA-402 §4.3 note / ChainNumberFormat, ChainDateTimeFormat: a call without
  // new on an object that inherits from the prototype marks it as legacy-constructed.
  const legacySym = Symbol("IntlLegacyConstructedSymbol");
  function NumberFormat(locales = undefined, options = undefined) {
    const self = this;
    const nf = new.target === undefined ? Object.create(NumberFormat.prototype) : this;
    init(nf, locales, options);
    if (new.target === undefined && self !== null && typeof self === "object" && self instanceof NumberFormat) {
      Object.defineProperty(self, legacySym, { value: nf, writable: false, enumerable: false, configurable: false });
      return self;
    }
    return nf;
  }
  Object.defineProperty(NumberFormat, "prototype", { writable: false, enumerable: false, configurable: false });

  h.defineBoundGetter(NumberFormat, "format", (nf) => {
    const o = internal(nf, "format");
    const f = (x) => native.nfFormat(o.handle, h.toIntlMV(x), false);
    Object.defineProperty(f, "name", { value: "" });
    return f;
  });
  const methods = {
    formatToParts(x) { const o = internal(this, "formatToParts"); return native.nfFormat(o.handle, h.toIntlMV(x), true); },
    formatRange(start, end) {
      const o = internal(this, "formatRange");
      if (start === undefined || end === undefined) throw new TypeError("start or end is undefined");
      return native.nfRange(o.handle, h.toIntlMV(start), h.toIntlMV(end), false);
    },
    formatRangeToParts(start, end) {
      const o = internal(this, "formatRangeToParts");
      if (start === undefined || end === undefined) throw new TypeError("start or end is undefined");
      return native.nfRange(o.handle, h.toIntlMV(start), h.toIntlMV(end), true);
    },
    resolvedOptions() {
      const o = internal(this, "resolvedOptions");
      const r = {};
      for (const k of ["locale", "numberingSystem", "style", "currency", "currencyDisplay", "currencySign", "unit", "unitDisplay",
        "minimumIntegerDigits", "minimumFractionDigits", "maximumFractionDigits", "minimumSignificantDigits", "maximumSignificantDigits",
        "useGrouping", "notation", "compactDisplay", "signDisplay", "roundingIncrement", "roundingMode", "roundingPriority", "trailingZeroDisplay"]) {
        if (o[k] !== undefined) r[k] = o[k];
      }
      return r;
    },
  };
  for (const [k, fn] of Object.entries(methods)) {
    Object.defineProperty(NumberFormat.prototype, k, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  Object.defineProperty(NumberFormat, "supportedLocalesOf", {
    value: { supportedLocalesOf(locales, options = undefined) { return H.SupportedLocales(H.CanonicalizeLocaleList(locales), options); } }.supportedLocalesOf,
    writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(NumberFormat.prototype, "constructor", { value: NumberFormat, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(NumberFormat.prototype, Symbol.toStringTag, { value: "Intl.NumberFormat", configurable: true });
  Object.defineProperty(Intl, "NumberFormat", { value: NumberFormat, writable: true, enumerable: false, configurable: true });

  let defaultNF;
  const thisNumber = (v, what) => {
    if (typeof v === "number") return v;
    if (v instanceof Number) return Number.prototype.valueOf.call(v);
    throw new TypeError(`${what} requires that 'this' be a Number`);
  };
  Object.defineProperty(Number.prototype, "toLocaleString", {
    value: function toLocaleString(locales = undefined, options = undefined) {
      const x = thisNumber(this, "Number.prototype.toLocaleString");
      if (locales === undefined && options === undefined) return (defaultNF || (defaultNF = new NumberFormat())).format(x);
      return new NumberFormat(locales, options).format(x);
    },
    writable: true, enumerable: false, configurable: true,
  });
  if (typeof BigInt === "function") {
    Object.defineProperty(BigInt.prototype, "toLocaleString", {
      value: function toLocaleString(locales = undefined, options = undefined) {
        const x = BigInt.prototype.valueOf.call(this);
        return new NumberFormat(locales, options).format(x);
      },
      writable: true, enumerable: false, configurable: true,
    });
  }
  return NumberFormat;
})
