// The stand-ins for String.prototype.localeCompare, toLocaleUpperCase and
// toLocaleLowerCase until Intl is set up. Intl is a lazy global (most
// workers never use it) and Intl's files replace these methods when they
// run; a stand-in's first call reads globalThis.Intl, which sets Intl up,
// and then calls the real method. A worker that never compares strings
// never pays for Intl.
//
// This file is one function expression; Go calls it once per runtime with
// the global object.
(function (g) {
  "use strict";
  const methods = {
    localeCompare(that) {
      if (this === null || this === undefined) throw new TypeError("String.prototype.localeCompare called on null or undefined");
      void g.Intl;
      return String.prototype.localeCompare.apply(this, arguments);
    },
    toLocaleUpperCase() {
      if (this === null || this === undefined) throw new TypeError("String.prototype.toLocaleUpperCase called on null or undefined");
      void g.Intl;
      return String.prototype.toLocaleUpperCase.apply(this, arguments);
    },
    toLocaleLowerCase() {
      if (this === null || this === undefined) throw new TypeError("String.prototype.toLocaleLowerCase called on null or undefined");
      void g.Intl;
      return String.prototype.toLocaleLowerCase.apply(this, arguments);
    },
  };
  for (const k of Object.keys(methods)) {
    Object.defineProperty(String.prototype, k, { value: methods[k], writable: true, enumerable: false, configurable: true });
  }
  // The toLocaleString family is Intl's too (number and date formatting):
  // the same stand-ins, whose first call sets Intl up and calls the real one.
  const TA = Object.getPrototypeOf(Int8Array.prototype);
  const targets = [[Number.prototype, "toLocaleString"], [Date.prototype, "toLocaleString"],
    [Date.prototype, "toLocaleDateString"], [Date.prototype, "toLocaleTimeString"], [Array.prototype, "toLocaleString"],
    [TA, "toLocaleString"]];
  if (typeof BigInt === "function") targets.push([BigInt.prototype, "toLocaleString"]);
  for (const [proto, name] of targets) {
    const f = { [name](locales = undefined, options = undefined) {
      void g.Intl;
      return proto[name].call(this, locales, options);
    } }[name];
    Object.defineProperty(proto, name, { value: f, writable: true, configurable: true });
  }
})
