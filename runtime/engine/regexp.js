// The RegExp wrapper (regexp.go): replaces the global RegExp with a
// function that rewrites its arguments when needed and otherwise constructs
// the native RegExp. The native prototype, statics (via the prototype chain)
// and Symbol.species stay, so literals, instanceof and subclasses behave as
// before. Go calls it once per runtime with rewrite(pattern, flags), which
// returns [pattern, flags] to use instead, or null to keep them.
(function (rewrite) {
  "use strict";
  const Native = globalThis.RegExp;
  const isRegExp = (v) => {
    if (v === null || typeof v !== "object") return false;
    const m = v[Symbol.match];
    return m !== undefined ? !!m : v instanceof Native;
  };
  const RegExp = function RegExp(pattern, flags) {
    if (new.target === undefined && isRegExp(pattern) && flags === undefined && pattern.constructor === RegExp) return pattern;
    let p = pattern, f = flags;
    if (pattern instanceof Native) {
      p = pattern.source;
      if (flags === undefined) f = pattern.flags;
    }
    if (f !== undefined || typeof p === "string") {
      const ps = p === undefined ? "" : String(p);
      const fs = f === undefined ? "" : String(f);
      const r = rewrite(ps, fs);
      if (r !== null) { p = r[0]; f = r[1]; }
    }
    return Reflect.construct(Native, [p, f], new.target === undefined || new.target === RegExp ? Native : new.target);
  };
  Object.setPrototypeOf(RegExp, Native);
  Object.defineProperty(RegExp, "prototype", { value: Native.prototype, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(Native.prototype, "constructor", { value: RegExp, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(globalThis, "RegExp", { value: RegExp, writable: true, enumerable: false, configurable: true });
});
