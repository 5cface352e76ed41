// The helpers every Intl constructor shares (ECMA-402 §9 "Locale and
// Parameter Negotiation" and §9.2's option readers), in the spec's
// observable order. Go calls this file first with `native` (intl.go) and
// passes what it returns, `H`, to every other file in js/.
//
// This file is one function expression returning H.
(function (native) {
  "use strict";

  const H = {};

  // Intrinsics taken before user code can replace them.
  const ArrayIncludes = Function.prototype.call.bind(Array.prototype.includes);
  H.includes = (list, v) => ArrayIncludes(list, v);

  // Appends to a list without Set semantics (a setter on
  // Object.prototype must not see it).
  const defineProperty = Object.defineProperty;
  H.append = (list, v) => { defineProperty(list, list.length, { value: v, writable: true, enumerable: true, configurable: true }); };

  // A record for internal use: no prototype, so no inherited setter.
  H.record = () => Object.create(null);

  // ECMA-262 ToString (a Symbol is a TypeError, unlike String(v)).
  H.ToString = (v) => (typeof v === "string" ? v : `${v}`);

  // Hooks set by locale.js: whether a value is an Intl.Locale and its tag.
  H.localeTagOf = (v) => undefined;

  // ECMA-402 CanonicalizeLocaleList.
  H.CanonicalizeLocaleList = function CanonicalizeLocaleList(locales) {
    if (locales === undefined) return [];
    const seen = [];
    let O;
    if (typeof locales === "string" || H.localeTagOf(locales) !== undefined) O = [locales];
    else O = Object(locales);
    if (locales === null) throw new TypeError("Cannot convert undefined or null to object");
    const len = H.ToLength(O.length);
    for (let k = 0; k < len; k++) {
      const Pk = String(k);
      if (!(Pk in O)) continue;
      const kValue = O[Pk];
      if (typeof kValue !== "string" && (typeof kValue !== "object" || kValue === null)) {
        throw new TypeError("Language ID should be string or object.");
      }
      let tag = typeof kValue === "object" ? H.localeTagOf(kValue) : undefined;
      if (tag === undefined) tag = H.ToString(kValue);
      const canon = native.canonicalize(tag);
      if (!H.includes(seen, canon)) H.append(seen, canon);
    }
    return seen;
  };

  H.ToLength = function (v) {
    const n = Number(v);
    if (Number.isNaN(n) || n <= 0) return 0;
    return Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER);
  };

  // ECMA-402 CoerceOptionsToObject: undefined gives an empty object with
  // no prototype, anything else ToObject.
  H.CoerceOptionsToObject = function (options) {
    if (options === undefined) return Object.create(null);
    if (options === null) throw new TypeError("Cannot convert undefined or null to object");
    return Object(options);
  };

  // ECMA-402 GetOptionsObject: undefined gives an empty object, an object
  // is taken as it is, anything else is a TypeError.
  H.GetOptionsObject = function (options) {
    if (options === undefined) return Object.create(null);
    if ((typeof options === "object" && options !== null) || typeof options === "function") return options;
    throw new TypeError("Options must be an object");
  };

  // ECMA-402 GetOption: type is "boolean" or "string"; values a list or
  // undefined (any); fallback is returned for undefined. where names the
  // constructor in V8's RangeError text ("Intl.Segmenter").
  H.GetOption = function (options, property, type, values, fallback, where) {
    let value = options[property];
    if (value === undefined) return fallback;
    if (type === "boolean") value = Boolean(value);
    else if (type === "string") value = H.ToString(value);
    if (values !== undefined && !H.includes(values, value)) {
      throw new RangeError(`Value ${String(value)} out of range for ${where || "Intl"} options property ${property}`);
    }
    return value;
  };

  // ECMA-402 DefaultNumberOption and GetNumberOption.
  H.DefaultNumberOption = function (value, minimum, maximum, fallback, property) {
    if (value === undefined) return fallback;
    value = Number(value);
    if (Number.isNaN(value) || value < minimum || value > maximum) {
      throw new RangeError(`${property || "value"} value is out of range.`);
    }
    return Math.floor(value);
  };
  H.GetNumberOption = function (options, property, minimum, maximum, fallback) {
    return H.DefaultNumberOption(options[property], minimum, maximum, fallback, property);
  };

  // ECMA-402 GetBooleanOrStringNumberFormatOption (useGrouping and the
  // like): true gives trueValue, false-ish gives falseValue, a string
  // must be one of stringValues.
  H.GetBooleanOrStringNumberFormatOption = function (options, property, stringValues, trueValue, falsyValue, fallback) {
    let value = options[property];
    if (value === undefined) return fallback;
    if (value === true) return trueValue;
    if (!value) return falsyValue;
    value = H.ToString(value);
    if (value === "true" || value === "false") return fallback;
    if (!H.includes(stringValues, value)) throw new RangeError(`Value ${value} out of range for Intl options property ${property}`);
    return value;
  };

  // The localeMatcher option, read as every constructor reads it.
  H.GetLocaleMatcher = function (options, where) {
    return H.GetOption(options, "localeMatcher", "string", ["lookup", "best fit"], "best fit", where);
  };

  // ECMA-402 ResolveLocale, in Go (locale.ResolveLocale). requested is
  // CanonicalizeLocaleList's result; opt holds localeMatcher and, for each
  // relevant key, the option value or undefined; relevantKeys lists the
  // constructor's keys ("ca", "nu", ...); service names the set of
  // available locales when it is not every locale ("collator": V8's
  // collator has languages only). The result has locale, dataLocale and
  // each key's value (null where ECMA-402 has null).
  H.ResolveLocale = function (requested, opt, relevantKeys, service) {
    const vals = [];
    for (let i = 0; i < relevantKeys.length; i++) {
      const v = opt[relevantKeys[i]];
      H.append(vals, v === undefined || v === null ? undefined : H.ToString(v));
    }
    const r = native.resolveLocale(requested, opt.localeMatcher || "best fit", relevantKeys.join(" "), vals, service || "");
    const out = H.record();
    out.locale = r[0];
    out.dataLocale = r[1];
    for (let i = 0; i < relevantKeys.length; i++) out[relevantKeys[i]] = r[2 + i];
    return out;
  };

  // ECMA-402 SupportedLocales, the body of every supportedLocalesOf.
  H.SupportedLocales = function (requested, options, service) {
    options = H.CoerceOptionsToObject(options);
    const matcher = H.GetLocaleMatcher(options);
    return native.supportedLocales(requested, matcher, service || "");
  };

  // supportedLocalesOf(C) makes a constructor's static supportedLocalesOf
  // with the right name and length.
  H.supportedLocalesOf = function (service) {
    return {
      supportedLocalesOf(locales, options = undefined) {
        return H.SupportedLocales(H.CanonicalizeLocaleList(locales), options, service);
      },
    }.supportedLocalesOf;
  };

  // Finishes a constructor as ECMA-402 shapes one: a static
  // supportedLocalesOf, the prototype's Symbol.toStringTag, and a
  // non-writable prototype. Intl[name] gets it (writable, configurable,
  // not enumerable).
  H.install = function (Intl, name, C, service) {
    Object.defineProperty(C, "supportedLocalesOf", { value: H.supportedLocalesOf(service), writable: true, enumerable: false, configurable: true });
    Object.defineProperty(C.prototype, Symbol.toStringTag, { value: "Intl." + name, writable: false, enumerable: false, configurable: true });
    Object.defineProperty(Intl, name, { value: C, writable: true, enumerable: false, configurable: true });
  };

  // Makes a constructor callable without new (Collator, DateTimeFormat,
  // NumberFormat, as ECMA-402 specifies), over a class C. The result has
  // C's prototype, name and length; subclassing still works.
  H.callable = function (C, length) {
    const name = C.name;
    const F = {
      [name]: function (locales, options) {
        return Reflect.construct(C, [locales, options], new.target === undefined ? F : new.target);
      },
    }[name];
    Object.defineProperty(F, "prototype", { value: C.prototype, writable: false, enumerable: false, configurable: false });
    Object.defineProperty(F, "length", { value: length === undefined ? 0 : length, configurable: true });
    Object.defineProperty(C.prototype, "constructor", { value: F, writable: true, enumerable: false, configurable: true });
    return F;
  };

  // Wraps a class so that calling it without new throws V8's TypeError
  // ("Constructor Intl.X requires 'new'"), not the engine's; the result
  // shares C's prototype, length and name, and subclassing still works.
  H.newOnly = function (C, name) {
    const F = {
      [C.name]: function (...args) {
        if (new.target === undefined) throw new TypeError(`Constructor Intl.${name} requires 'new'`);
        return Reflect.construct(C, args, new.target === F ? C : new.target);
      },
    }[C.name];
    Object.defineProperty(F, "length", { value: C.length, configurable: true });
    Object.defineProperty(F, "prototype", { value: C.prototype, writable: false, enumerable: false, configurable: false });
    Object.defineProperty(C.prototype, "constructor", { value: F, writable: true, enumerable: false, configurable: true });
    for (const k of Object.getOwnPropertyNames(C)) {
      if (k !== "length" && k !== "name" && k !== "prototype") Object.defineProperty(F, k, Object.getOwnPropertyDescriptor(C, k));
    }
    return F;
  };

  // Methods defined with the attributes and names built-ins have.
  H.methods = function (proto, fns) {
    for (const [k, f] of Object.entries(fns)) {
      Object.defineProperty(proto, k, { value: f, writable: true, enumerable: false, configurable: true });
    }
  };

  // The TypeError for a method called on the wrong receiver.
  H.incompatible = (method, recv) => new TypeError(`Method ${method} called on incompatible receiver ${describe(recv)}`);
  function describe(v) {
    switch (typeof v) {
      case "string": return JSON.stringify(v);
      case "symbol": return v.toString();
      case "object": return v === null ? "null" : "#<Object>";
      case "function": return "function";
      default: return String(v);
    }
  }

  H.gap = (what) => new TypeError(`${what} is not supported by edgedev yet (goja has no Intl; edgedev implements it in runtime/web/intl)`);

  // A constructor not built yet: calling it throws a TypeError naming
  // the gap.
  H.missing = function (name) {
    const C = { [name]: function () { throw H.gap("Intl." + name); } }[name];
    Object.defineProperty(C, "length", { value: 0 });
    return C;
  };

  return H;
})
