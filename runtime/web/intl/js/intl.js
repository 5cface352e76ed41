// The Intl namespace object (ECMA-402 §8): Intl.getCanonicalLocales and
// Intl.supportedValuesOf. Go calls this file second, with native and H
// (common.js), and passes the object it returns to every constructor file,
// which defines its constructor on it.
//
// This file is one function expression returning the Intl object.
(function (native, H) {
  "use strict";

  const Intl = {};
  Object.defineProperty(Intl, Symbol.toStringTag, { value: "Intl", writable: false, enumerable: false, configurable: true });

  H.methods(Intl, {
    getCanonicalLocales(locales) {
      return H.CanonicalizeLocaleList(locales);
    },
    // The keys and their values come from CLDR (locale.Supported*).
    supportedValuesOf(key) {
      key = H.ToString(key);
      switch (key) {
        case "calendar": case "collation": case "currency": case "numberingSystem": case "timeZone": case "unit":
          return native.supportedValues(key);
      }
      throw new RangeError(`Invalid key : ${key}`);
    },
  });
  return Intl;
})
