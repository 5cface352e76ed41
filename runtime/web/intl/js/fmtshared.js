// The helpers the formatting constructors (datetimeformat.js,
// numberformat.js, pluralrules.js, relativetimeformat.js) share on top of
// common.js's H: resolve (H.ResolveLocale, then the CLDR data behind the
// data locale: native.fmtData), SetNumberFormatDigitOptions,
// ToIntlMathematicalValue and the bound format getter.
//
// This file is one function expression; Go calls it with native and H and
// it returns the helpers, which Install passes to every constructor file
// as a fourth argument.
(function (native, H) {
  "use strict";

  function coerceOptions(options) {
    return H.CoerceOptionsToObject(options);
  }
  function getOption(options, name, type, values, fallback) {
    return H.GetOption(options, name, type, values, fallback);
  }
  function defaultNumberOption(v, min, max, fallback, name) {
    return H.DefaultNumberOption(v, min, max, fallback, name);
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

  return { coerceOptions, getOption, getNumberOption, defaultNumberOption, typeSequence, resolve, setDigitOptions, toIntlMV, defineBoundGetter };
})
