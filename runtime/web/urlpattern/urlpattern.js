// URLPattern, the JS face of the URL Pattern Standard
// (https://urlpattern.spec.whatwg.org/#urlpattern-class). Parsing, compiling
// and matching are Go (package urlpattern); this file does the Web IDL part:
// overloads, dictionary and USVString conversion, and the result objects.
// Knowingly missing: the "v" flag's set notation inside custom regexp groups
// (rejected with a TypeError that says so).
//
// This file is one function expression; Go calls it with `native` and it
// returns the URLPattern class.
(function (native) {
  "use strict";

  // Web IDL reads dictionary members in lexicographic order.
  const initMembers = ["baseURL", "hash", "hostname", "password", "pathname", "port", "protocol", "search", "username"];

  function usv(v, what) {
    if (typeof v === "symbol") throw new TypeError(`${what}: cannot convert a Symbol to a string`);
    return native.usv(String(v));
  }

  function isDict(v) {
    return v === undefined || v === null || typeof v === "object" || typeof v === "function";
  }

  function toInit(v, what) {
    const init = {};
    if (v === undefined || v === null) return init;
    for (const k of initMembers) {
      const x = v[k];
      if (x !== undefined) init[k] = usv(x, `${what}: member ${k}`);
    }
    return init;
  }

  function toOptions(v, what) {
    if (v === undefined || v === null) return false;
    if (typeof v !== "object" && typeof v !== "function") {
      throw new TypeError(`${what}: options must be an object`);
    }
    return !!v.ignoreCase;
  }

  class URLPattern {
    #p;

    constructor(input = undefined, baseURL = undefined, options = undefined) {
      const what = "Failed to construct 'URLPattern'";
      let base;
      // Overloads: (input, baseURL, options) when the second argument is
      // a string, else (input, options).
      if (arguments.length >= 2 && !isDict(baseURL)) {
        base = usv(baseURL, what);
      } else {
        options = baseURL;
      }
      const ignoreCase = toOptions(options, what);
      if (isDict(input)) {
        if (base !== undefined) {
          throw new TypeError(`${what}: a base URL cannot be passed with a URLPatternInit; set its baseURL member instead`);
        }
        this.#p = native.compileInit(toInit(input, what), ignoreCase);
      } else {
        this.#p = native.compileString(usv(input, what), base, ignoreCase);
      }
    }

    test(input = undefined, baseURL = undefined) {
      return this.#match("test", input, baseURL, arguments.length) !== null;
    }

    exec(input = undefined, baseURL = undefined) {
      return this.#match("exec", input, baseURL, arguments.length);
    }

    #match(method, input, baseURL, argc) {
      const what = `Failed to execute '${method}' on 'URLPattern'`;
      const base = argc >= 2 && baseURL !== undefined ? usv(baseURL, what) : undefined;
      const testOnly = method === "test";
      let inputs, r;
      if (isDict(input)) {
        if (base !== undefined) {
          throw new TypeError(`${what}: a base URL cannot be passed with a URLPatternInit; set its baseURL member instead`);
        }
        const init = toInit(input, what);
        inputs = [init];
        r = native.matchInit(this.#p, init, testOnly);
      } else {
        const s = usv(input, what);
        inputs = base === undefined ? [s] : [s, base];
        r = native.matchURL(this.#p, s, base, testOnly);
      }
      if (r === null || testOnly) return r;
      // inputs first, as in the dictionary's member order.
      return Object.assign({ inputs }, r);
    }

    get protocol() { return native.component(this.#p, 0); }
    get username() { return native.component(this.#p, 1); }
    get password() { return native.component(this.#p, 2); }
    get hostname() { return native.component(this.#p, 3); }
    get port() { return native.component(this.#p, 4); }
    get pathname() { return native.component(this.#p, 5); }
    get search() { return native.component(this.#p, 6); }
    get hash() { return native.component(this.#p, 7); }
    get hasRegExpGroups() { return native.hasRegExpGroups(this.#p); }
  }
  Object.defineProperty(URLPattern.prototype, Symbol.toStringTag, { value: "URLPattern", configurable: true });

  return URLPattern;
})
