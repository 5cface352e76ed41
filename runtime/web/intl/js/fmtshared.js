// Shared option helpers for the formatting constructors (ECMA-402 §9.2):
// CanonicalizeLocaleList, GetOption, GetNumberOption, the locale lookup
// (over native.resolveLocale) and SetNumberFormatDigitOptions.
//
// This file is one function expression; Go calls it with `native` and it
// returns the helpers.
(function (native, H) {
  "use strict";

  function canonicalizeLocaleList(locales) {
    if (locales === undefined) return [];
    if (typeof locales === "string" || (locales !== null && typeof locales === "object" && typeof Intl.Locale === "function" && locales instanceof Intl.Locale)) {
      return Intl.getCanonicalLocales(String(locales));
    }
    if (locales === null) throw new TypeError("Cannot convert undefined or null to object");
    const O = Object(locales);
    const len = Math.min(Math.max(Number(O.length) || 0, 0), 2 ** 53 - 1);
    const seen = [];
    for (let k = 0; k < len; k++) {
      if (!(k in O)) continue;
      const v = O[k];
      if (typeof v !== "string" && (typeof v !== "object" || v === null)) throw new TypeError("Language ID should be string or object.");
      const tag = Intl.getCanonicalLocales(String(v))[0];
      if (!seen.includes(tag)) seen.push(tag);
    }
    return seen;
  }

  function coerceOptions(options) {
    return H.CoerceOptionsToObject(options);
  }
  function coerceOptionsOld(options) {
    if (options === undefined) return Object.create(null);
    return Object(options);
  }

  function getOptionsObject(options) {
    if (options === undefined) return Object.create(null);
    if (typeof options === "object" && options !== null || typeof options === "function") return options;
    throw new TypeError("Options must be an object");
  }

  function getOption(options, name, type, values, fallback) {
    return H.GetOption(options, name, type, values, fallback);
  }
  function getOptionOld(options, name, type, values, fallback) {
    let v = options[name];
    if (v === undefined) return fallback;
    if (type === "boolean") v = Boolean(v);
    else if (type === "string") v = String(v);
    if (values !== undefined && !values.includes(v)) throw new RangeError(`Value ${String(v)} out of range for Intl options property ${name}`);
    return v;
  }

  function defaultNumberOption(v, min, max, fallback, name) {
    return H.DefaultNumberOption(v, min, max, fallback, name);
  }
  function defaultNumberOptionOld(v, min, max, fallback, name) {
    if (v === undefined) return fallback;
    v = Number(v);
    if (Number.isNaN(v) || v < min || v > max) throw new RangeError(`${name} value is out of range.`);
    return Math.floor(v);
  }

  function getNumberOption(options, name, min, max, fallback) {
    return defaultNumberOption(options[name], min, max, fallback, name);
  }

  const typeSequence = /^[a-z0-9]{3,8}(-[a-z0-9]{3,8})*$/i;

  // resolve picks the locale for a request list; the result has locale,
  // data (the CLDR locale), lang, region, ext (Unicode extension keys).
  function resolve(requested, opt, keys) {
    const r = H.ResolveLocale(requested, opt, keys);
    const d = native.fmtData(r.dataLocale);
    d.locale = r.locale;
    d.keys = r;
    return d;
  }

  function supportedLocalesOf(locales, options) {
    const requested = canonicalizeLocaleList(locales);
    options = coerceOptions(options);
    getOption(options, "localeMatcher", "string", ["lookup", "best fit"], "best fit");
    return requested.filter((l) => native.fmtResolve([l]).locale !== "en-US" || /^en(-US)?(-|$)/i.test(l));
  }

  function setDigitOptions(o, options, mnfdDefault, mxfdDefault, notation) {
    const mnid = getNumberOption(options, "minimumIntegerDigits", 1, 21, 1);
    let mnfd = options.minimumFractionDigits;
    let mxfd = options.maximumFractionDigits;
    let mnsd = options.minimumSignificantDigits;
    let mxsd = options.maximumSignificantDigits;
    o.minimumIntegerDigits = mnid;
    const inc = getNumberOption(options, "roundingIncrement", 1, 5000, 1);
    if (![1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000].includes(inc)) throw new RangeError("roundingIncrement value is out of range.");
    const roundingMode = getOption(options, "roundingMode", "string", ["ceil", "floor", "expand", "trunc", "halfCeil", "halfFloor", "halfExpand", "halfTrunc", "halfEven"], "halfExpand");
    const priority = getOption(options, "roundingPriority", "string", ["auto", "morePrecision", "lessPrecision"], "auto");
    const tzd = getOption(options, "trailingZeroDisplay", "string", ["auto", "stripIfInteger"], "auto");
    if (inc !== 1) mxfdDefault = mnfdDefault;
    o.roundingIncrement = inc;
    o.roundingMode = roundingMode;
    o.trailingZeroDisplay = tzd;
    const hasSd = mnsd !== undefined || mxsd !== undefined;
    const hasFd = mnfd !== undefined || mxfd !== undefined;
    let needSd = true, needFd = true;
    if (priority === "auto") {
      needSd = hasSd;
      if (needSd || (!hasFd && notation === "compact")) needFd = false;
    }
    if (needSd) {
      if (hasSd) {
        mnsd = defaultNumberOption(mnsd, 1, 21, 1, "minimumSignificantDigits");
        mxsd = defaultNumberOption(mxsd, mnsd, 21, 21, "maximumSignificantDigits");
      } else { mnsd = 1; mxsd = 21; }
      o.minimumSignificantDigits = mnsd;
      o.maximumSignificantDigits = mxsd;
    }
    if (needFd) {
      if (hasFd) {
        mnfd = defaultNumberOption(mnfd, 0, 100, undefined, "minimumFractionDigits");
        mxfd = defaultNumberOption(mxfd, 0, 100, undefined, "maximumFractionDigits");
        if (mnfd === undefined) mnfd = Math.min(mnfdDefault, mxfd);
        else if (mxfd === undefined) mxfd = Math.max(mxfdDefault, mnfd);
        else if (mnfd > mxfd) throw new RangeError("maximumFractionDigits value is out of range.");
      } else { mnfd = mnfdDefault; mxfd = mxfdDefault; }
      o.minimumFractionDigits = mnfd;
      o.maximumFractionDigits = mxfd;
    }
    if (!needSd && !needFd) {
      o.minimumFractionDigits = 0; o.maximumFractionDigits = 0;
      o.minimumSignificantDigits = 1; o.maximumSignificantDigits = 2;
      o.roundingType = "morePrecision"; o.roundingPriority = "morePrecision";
    } else if (priority === "auto") {
      o.roundingType = needSd ? "significantDigits" : "fractionDigits";
      o.roundingPriority = "auto";
    } else {
      o.roundingType = priority; o.roundingPriority = priority;
    }
    if (inc !== 1) {
      if (o.roundingType !== "fractionDigits") throw new TypeError("roundingIncrement requires fraction digit rounding");
      if (o.maximumFractionDigits !== o.minimumFractionDigits) throw new RangeError("maximumFractionDigits must equal minimumFractionDigits when roundingIncrement is used");
    }
  }

  // ToIntlMathematicalValue: a Number, a BigInt, or a numeric string kept exact.
  function toIntlMV(v) {
    if (typeof v === "object" && v !== null || typeof v === "function") {
      v = v[Symbol.toPrimitive] ? v[Symbol.toPrimitive]("number") : (typeof v.valueOf === "function" && typeof v.valueOf() !== "object" ? v.valueOf() : String(v));
    }
    if (typeof v === "bigint" || typeof v === "string") return v;
    return Number(v);
  }

  function defineBoundGetter(C, name, make) {
    const slots = new WeakMap();
    const get = Object.getOwnPropertyDescriptor({
      get [name]() {
        let f = (typeof this === "object" && this !== null) ? slots.get(this) : undefined;
        if (!f) { f = make(this); slots.set(this, f); }
        return f;
      },
    }, name).get;
    Object.defineProperty(C.prototype, name, { get, enumerable: false, configurable: true });
  }

  return { canonicalizeLocaleList, coerceOptions, getOptionsObject, getOption, getNumberOption, defaultNumberOption, typeSequence, resolve, supportedLocalesOf, setDigitOptions, toIntlMV, defineBoundGetter };
})
