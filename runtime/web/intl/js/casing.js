// String.prototype.toLocaleUpperCase and toLocaleLowerCase (ECMA-402
// §19.1.2-3): the language-sensitive mappings of Unicode's SpecialCasing
// for tr, az and lt, and Greek upper-casing without accents (el), as ICU
// does; other locales map as toUpperCase/toLowerCase.
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl.
(function (native, H, Intl) {
  "use strict";

  const upper = Function.prototype.call.bind(String.prototype.toUpperCase);
  const lower = Function.prototype.call.bind(String.prototype.toLowerCase);
  const special = ["tr", "az", "lt", "el"];

  // ECMA-402 TransformCase: the first requested locale (or the default),
  // its language if it has special mappings.
  function language(locales) {
    const requested = H.CanonicalizeLocaleList(locales);
    const tag = requested.length > 0 ? requested[0] : "en-US";
    const lang = tag.split("-")[0];
    return H.includes(special, lang) ? lang : undefined;
  }

  H.methods(String.prototype, {
    toLocaleUpperCase(locales = undefined) {
      if (this === null || this === undefined) throw new TypeError("String.prototype.toLocaleUpperCase called on null or undefined");
      const s = H.ToString(this);
      const lang = language(locales);
      return lang === undefined ? upper(s) : native.caseMap(s, lang, true);
    },
    toLocaleLowerCase(locales = undefined) {
      if (this === null || this === undefined) throw new TypeError("String.prototype.toLocaleLowerCase called on null or undefined");
      const s = H.ToString(this);
      const lang = language(locales);
      return lang === undefined || lang === "el" ? lower(s) : native.caseMap(s, lang, false);
    },
  });
})
