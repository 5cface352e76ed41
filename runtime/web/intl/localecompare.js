// The stand-in for String.prototype.localeCompare until Intl is set up.
// Intl is a lazy global (most workers never use it) and intl.js replaces
// localeCompare with a collating one when it runs; the stub's first call
// reads globalThis.Intl, which sets Intl up, and then calls the real
// localeCompare. A worker that never compares strings never pays for Intl.
//
// This file is one function expression; Go calls it once per runtime with
// the global object.
(function (g) {
  "use strict";
  const stub = function localeCompare(...args) {
    // The stub was sloppy-mode code: a null or undefined receiver meant the
    // global object and a primitive one was boxed. Kept as it was.
    const self = this === null || this === undefined ? g : Object(this);
    void g.Intl;
    return String.prototype.localeCompare.apply(self, args);
  };
  Object.defineProperty(String.prototype, "localeCompare", { value: stub, writable: true, configurable: true });
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
