// Intl.RelativeTimeFormat (ECMA-402 §18) from CLDR's dateFields.
//
// This file is one function expression; Go calls it with native, the Intl
// object and the shared helpers (fmtshared.js).
(function (native, H, Intl, h) {
  "use strict";

  const slots = new WeakMap();
  const internal = (rtf, what) => {
    const o = rtf !== null && typeof rtf === "object" ? slots.get(rtf) : undefined;
    if (!o) throw new TypeError(`Method Intl.RelativeTimeFormat.prototype.${what} called on incompatible receiver ${typeof rtf === "object" ? "#<Object>" : String(rtf)}`);
    return o;
  };
  const units = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"];

  function singular(unit) {
    unit = H.ToString(unit);
    const u = unit.endsWith("s") ? unit.slice(0, -1) : unit;
    if (!units.includes(u)) throw new RangeError(`Invalid unit argument for format() '${unit}'`);
    return u;
  }

  function partition(o, value, unit) {
    value = +value;
    if (!Number.isFinite(value)) throw new RangeError("Invalid time value");
    unit = singular(unit);
    const key = o.style === "long" ? unit : `${unit}-${o.style}`;
    let pats = o.patterns.get(key);
    if (!pats) { pats = native.relPatterns(o.data, key); o.patterns.set(key, pats); }
    if (o.numeric === "auto") {
      const s = Object.is(value, -0) ? "0" : String(value);
      const lit = pats[`relative-type-${s}`];
      if (lit !== undefined) return [{ type: "literal", value: lit }];
    }
    const future = value > 0 || Object.is(value, 0);
    const cat = native.pluralOf(o.nf, Math.abs(value), false);
    const dir = future ? "future" : "past";
    let p = pats[`relativeTime-type-${dir}/relativeTimePattern-count-${cat}`];
    if (p === undefined) p = pats[`relativeTime-type-${dir}/relativeTimePattern-count-other`];
    const numParts = native.nfFormat(o.nf, Math.abs(value), true).map((x) => (x.type === "literal" ? x : { type: x.type, value: x.value, unit }));
    const out = [];
    const i = p.indexOf("{0}");
    if (i < 0) return [{ type: "literal", value: p }];
    if (i > 0) out.push({ type: "literal", value: p.slice(0, i) });
    out.push(...numParts);
    if (i + 3 < p.length) out.push({ type: "literal", value: p.slice(i + 3) });
    return out;
  }

  class RelativeTimeFormat {
    constructor(locales = undefined, options = undefined) {
      if (new.target === undefined) throw new TypeError("Constructor Intl.RelativeTimeFormat requires 'new'");
      const requested = H.CanonicalizeLocaleList(locales);
      options = h.coerceOptions(options);
      const matcher = h.getOption(options, "localeMatcher", "string", ["lookup", "best fit"], "best fit");
      const nu = h.getOption(options, "numberingSystem", "string", undefined, undefined);
      if (nu !== undefined && !h.typeSequence.test(nu)) throw new RangeError(`Invalid numberingSystem : ${nu}`);
      const r = h.resolve(requested, { localeMatcher: matcher, nu }, ["nu"]);
      const locale = r.locale;
      const ns = r.keys.nu && native.numberingSystemOK(r.keys.nu) ? r.keys.nu : r.defaultNu;
      const style = h.getOption(options, "style", "string", ["long", "short", "narrow"], "long");
      const numeric = h.getOption(options, "numeric", "string", ["always", "auto"], "always");
      const nf = native.nfNew({ __proto__: null, data: r.data, lang: r.lang, numberingSystem: ns, style: "decimal", useGrouping: "auto", minimumIntegerDigits: 1, minimumFractionDigits: 0, maximumFractionDigits: 3, roundingType: "fractionDigits", roundingIncrement: 1, roundingMode: "halfExpand" });
      slots.set(this, { locale, style, numeric, numberingSystem: ns, data: r.data, nf, patterns: new Map() });
    }
    format(value, unit) {
      const o = internal(this, "format");
      return partition(o, value, unit).map((p) => p.value).join("");
    }
    formatToParts(value, unit) {
      const o = internal(this, "formatToParts");
      return partition(o, value, unit);
    }
    resolvedOptions() {
      const o = internal(this, "resolvedOptions");
      return { locale: o.locale, style: o.style, numeric: o.numeric, numberingSystem: o.numberingSystem };
    }
    static supportedLocalesOf(locales, options = undefined) { return H.SupportedLocales(H.CanonicalizeLocaleList(locales), options); }
  }
  Object.defineProperty(RelativeTimeFormat.prototype, Symbol.toStringTag, { value: "Intl.RelativeTimeFormat", configurable: true });
  Object.defineProperty(Intl, "RelativeTimeFormat", { value: RelativeTimeFormat, writable: true, enumerable: false, configurable: true });

  // Array.prototype.toLocaleString and %TypedArray%.prototype.toLocaleString
  // pass locales and options on (ECMA-402 §19.5.1).
  function listLocaleString(O, len, locales, options) {
    let r = "";
    for (let k = 0; k < len; k++) {
      if (k > 0) r += ",";
      const e = O[k];
      if (e !== undefined && e !== null) r += String(Object(e).toLocaleString(locales, options));
    }
    return r;
  }
  Object.defineProperty(Array.prototype, "toLocaleString", {
    value: function toLocaleString(locales = undefined, options = undefined) {
      const O = Object(this);
      const len = Math.min(Math.max(Math.trunc(Number(O.length)) || 0, 0), 2 ** 53 - 1);
      return listLocaleString(O, len, locales, options);
    },
    writable: true, enumerable: false, configurable: true,
  });
  const TA = Object.getPrototypeOf(Int8Array.prototype);
  const lengthOf = Object.getOwnPropertyDescriptor(TA, "length").get;
  Object.defineProperty(TA, "toLocaleString", {
    value: function toLocaleString(locales = undefined, options = undefined) {
      const len = lengthOf.call(this);
      return listLocaleString(this, len, locales, options);
    },
    writable: true, enumerable: false, configurable: true,
  });
  return RelativeTimeFormat;
})
