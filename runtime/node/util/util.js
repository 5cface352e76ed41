// node:util as workerd gives it (src/node/util.ts): Node's inspect, format,
// promisify, callbackify, inherits, types, isDeepStrictEqual; debuglog
// always enabled; deprecate returns the function unchanged; parseArgs and
// the system-error helpers throw "not implemented", as in workerd.
(function (native) {
  "use strict";
  const { types, errors, inspect: I, compare } = native.internal;
  const { codes, validators } = errors;
  const { validateFunction, validateString, validateBoolean, validateOneOf, validateAbortSignal, validateObject } = validators;
  const { inspect, format, formatWithOptions, stripVTControlCharacters } = I;

  const kCustomPromisifiedSymbol = Symbol.for("nodejs.util.promisify.custom");
  const kCustomPromisifyArgsSymbol = Symbol.for("nodejs.util.promisify.custom.args");

  function promisify(original) {
    validateFunction(original, "original");
    if (original[kCustomPromisifiedSymbol]) {
      const fn = original[kCustomPromisifiedSymbol];
      validateFunction(fn, "util.promisify.custom");
      return Object.defineProperty(fn, kCustomPromisifiedSymbol, { value: fn, enumerable: false, writable: false, configurable: true });
    }
    const argumentNames = original[kCustomPromisifyArgsSymbol];
    function fn(...args) {
      return new Promise((resolve, reject) => {
        args.push((err, ...values) => {
          if (err) return reject(err);
          if (argumentNames !== undefined && values.length > 1) {
            const obj = {};
            for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
            resolve(obj);
          } else {
            resolve(values[0]);
          }
        });
        Reflect.apply(original, this, args);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, kCustomPromisifiedSymbol, { value: fn, enumerable: false, writable: false, configurable: true });
    const descriptors = Object.getOwnPropertyDescriptors(original);
    for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
    return Object.defineProperties(fn, descriptors);
  }
  promisify.custom = kCustomPromisifiedSymbol;

  function callbackifyOnRejected(reason, cb) {
    if (!reason) {
      const newReason = codes.ERR_FALSY_VALUE_REJECTION();
      newReason.reason = reason;
      reason = newReason;
    }
    cb(reason);
  }
  function callbackify(original) {
    validateFunction(original, "original");
    function callbackified(...args) {
      const maybeCb = args.pop();
      validateFunction(maybeCb, "last argument");
      const cb = maybeCb.bind(this);
      Reflect.apply(original, this, args).then(
        (ret) => { queueMicrotask(() => cb(null, ret)); },
        (rej) => { queueMicrotask(() => { callbackifyOnRejected(rej, cb); }); },
      );
    }
    const descriptors = Object.getOwnPropertyDescriptors(original);
    if (descriptors.length && typeof descriptors.length.value === "number") descriptors.length.value++;
    if (descriptors.name && typeof descriptors.name.value === "string") descriptors.name.value += "Callbackified";
    for (const d of Object.values(descriptors)) Object.setPrototypeOf(d, null);
    Object.defineProperties(callbackified, descriptors);
    return callbackified;
  }

  function inherits(ctor, superCtor) {
    if (ctor == null) throw codes.ERR_INVALID_ARG_TYPE("ctor", "Function", ctor);
    if (superCtor === undefined || superCtor === null) throw codes.ERR_INVALID_ARG_TYPE("superCtor", "Function", superCtor);
    if (superCtor.prototype === undefined) throw codes.ERR_INVALID_ARG_TYPE("superCtor.prototype", "Object", superCtor.prototype);
    Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  function _extend(target, source) {
    if (source === null || typeof source !== "object") return target;
    const keys = Object.keys(source);
    let i = keys.length;
    while (i--) target[keys[i]] = source[keys[i]];
    return target;
  }

  const debugImpls = {};
  function debuglogImpl(set) {
    if (debugImpls[set] === undefined) {
      debugImpls[set] = function debug(...args) {
        const msg = formatWithOptions({}, ...args);
        console.log(format("%s: %s\n", set, msg));
      };
    }
    return debugImpls[set];
  }
  function debuglog(set, cb) {
    let debug = (...args) => {
      set = set.toUpperCase();
      debug = debuglogImpl(set);
      if (typeof cb === "function") cb(debug);
      return debug(...args);
    };
    const logger = (...args) => debug(...args);
    Object.defineProperty(logger, "enabled", { get() { return true; }, configurable: true, enumerable: true });
    return logger;
  }

  function deprecate(fn) { return fn; }

  const pad = (n) => `${n}`.padStart(2, "0");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function timestamp() {
    const d = new Date();
    const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(":");
    return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
  }
  function log(...args) { console.log("%s - %s", timestamp(), format(...args)); }

  const notImplemented = (name) => function () { throw new Error(`node:util ${name} is not implemented`); };

  async function aborted(signal, resource) {
    if (signal === undefined) throw codes.ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal);
    validateAbortSignal(signal, "signal");
    validateObject(resource, "resource", { allowArray: true, allowFunction: true });
    if (signal.aborted) return;
    return new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
  }

  function isTTYStream(stream) {
    return stream != null && typeof stream === "object" && "isTTY" in stream && !!stream.isTTY && typeof stream.getColorDepth === "function";
  }
  const stdoutPlaceholder = Object.create(null);
  function styleText(format, text, { validateStream = true, stream = stdoutPlaceholder } = {}) {
    validateString(text, "text");
    if (validateStream !== true) validateBoolean(validateStream, "options.validateStream");
    let skipColorize = false;
    if (validateStream) {
      const isStream = stream instanceof ReadableStream || stream instanceof WritableStream ||
        (stream !== null && typeof stream === "object" && typeof stream.pipe === "function" && typeof stream.on === "function");
      if (!isStream && stream !== stdoutPlaceholder) {
        throw codes.ERR_INVALID_ARG_TYPE("stream", ["ReadableStream", "WritableStream", "Stream"], stream);
      }
      skipColorize = isTTYStream(stream) ? stream.getColorDepth() > 2 : true;
    }
    const formatArray = Array.isArray(format) ? format : [format];
    let left = "";
    let right = "";
    for (const key of formatArray) {
      if (key === "none") continue;
      const formatCodes = typeof key === "string" ? inspect.colors[key] : undefined;
      if (formatCodes == null) validateOneOf(key, "format", Object.keys(inspect.colors));
      if (skipColorize) continue;
      left += `\u001b[${formatCodes[0]}m`;
      right = `\u001b[${formatCodes[1]}m${right}`;
    }
    return skipColorize ? text : `${left}${text}${right}`;
  }

  function toUSVString(input) { return String(input).toWellFormed ? String(input).toWellFormed() : native.toUSV(String(input)); }

  const util = {
    types, callbackify, promisify, inspect, format, formatWithOptions, stripVTControlCharacters, inherits,
    _extend, toUSVString, log, aborted, debuglog, debug: debuglog, deprecate,
    getSystemErrorMap: notImplemented("getSystemErrorMap"),
    getSystemErrorMessage: notImplemented("getSystemErrorMessage"),
    getSystemErrorName: notImplemented("getSystemErrorName"),
    parseArgs: notImplemented("parseArgs"),
    transferableAbortController: notImplemented("transferableAbortController"),
    transferableAbortSignal: notImplemented("transferableAbortSignal"),
    styleText, isDeepStrictEqual: compare.isDeepStrictEqual,
    _errnoException() { throw codes.ERR_METHOD_NOT_IMPLEMENTED("_errnoException"); },
    _exceptionWithHostPort() { throw codes.ERR_METHOD_NOT_IMPLEMENTED("_exceptionWithHostPort"); },
    TextDecoder: globalThis.TextDecoder, TextEncoder: globalThis.TextEncoder,
    isArray: (val) => Array.isArray(val),
    // Deprecated since Node 4 and removed in Node 23; workerd keeps them
    // until remove_nodejs_compat_eol_v23 (not implied by any date yet).
    isBoolean: (val) => typeof val === "boolean",
    isBuffer: (val) => native.isBuffer(val),
    isDate: (val) => val instanceof Date,
    isError: (val) => I.isError(val),
    isFunction: (val) => typeof val === "function",
    isNull: (val) => val === null,
    isNullOrUndefined: (val) => val == null,
    isNumber: (val) => typeof val === "number",
    isObject: (val) => val != null && typeof val === "object",
    isPrimitive: (val) => val === null || (typeof val !== "object" && typeof val !== "function"),
    isRegExp: (val) => val instanceof RegExp,
    isString: (val) => typeof val === "string",
    isSymbol: (val) => typeof val === "symbol",
    isUndefined: (val) => val === undefined,
  };
  return util;
})
