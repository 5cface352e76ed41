// Node.js's errors with codes (lib/internal/errors.js): the same classes
// (TypeError, RangeError, Error) with a `code` property and the same message
// builders, so a package that tests err.code or prints err.message sees what
// it would see under workerd.
(function () {
  "use strict";
  const kTypes = ["string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol"];
  const classRe = /^([A-Z][a-z0-9]*)+$/;

  function make(Base, code, message) {
    const e = new Base(message);
    e.code = code;
    return e;
  }

  function quote(s) {
    return s.indexOf("'") === -1 ? `'${s}'` : JSON.stringify(s);
  }

  // inspect is the short form Node's messages use for a received value.
  function inspect(v) {
    switch (typeof v) {
      case "string": return quote(v);
      case "number": return Object.is(v, -0) ? "-0" : String(v);
      case "bigint": return `${v}n`;
      case "undefined": return "undefined";
      case "symbol": return String(v);
      case "function": return v.name ? `[Function: ${v.name}]` : "[Function (anonymous)]";
      case "boolean": return String(v);
    }
    if (v === null) return "null";
    if (Array.isArray(v)) return `[ ${v.map(inspect).join(", ")} ]`;
    try {
      const keys = Object.keys(v);
      if (keys.length === 0) return "{}";
      return `{ ${keys.map((k) => `${k}: ${typeof v[k] === "object" && v[k] !== null ? "[Object]" : inspect(v[k])}`).join(", ")} }`;
    } catch {
      return String(v);
    }
  }

  function specificType(v) {
    if (v === null) return "null";
    if (v === undefined) return "undefined";
    switch (typeof v) {
      case "bigint": return `type bigint (${v}n)`;
      case "number":
        if (v === 0) return 1 / v === -Infinity ? "type number (-0)" : "type number (0)";
        return `type number (${v})`;
      case "boolean": return `type boolean (${v})`;
      case "symbol": return `type symbol (${String(v)})`;
      case "function": return `function ${v.name}`;
      case "object":
        if (v.constructor && "name" in v.constructor) return `an instance of ${v.constructor.name}`;
        return inspect(v);
      case "string":
        if (v.length > 28) v = `${v.slice(0, 25)}...`;
        return `type string (${quote(v)})`;
    }
    return String(v);
  }

  function list(words, joiner) {
    if (words.length > 2) return `${words.slice(0, -1).join(", ")}, or ${words[words.length - 1]}`;
    return words.join(joiner);
  }

  function invalidArgType(name, expected, actual) {
    if (!Array.isArray(expected)) expected = [expected];
    let msg = "The ";
    if (name.endsWith(" argument")) msg += `${name} `;
    else msg += `"${name}" ${name.includes(".") ? "property" : "argument"} `;
    msg += "must be ";
    const types = [], instances = [], other = [];
    for (const v of expected) {
      if (kTypes.includes(v)) types.push(v.toLowerCase());
      else if (classRe.test(v)) instances.push(v);
      else other.push(v);
    }
    if (instances.length > 0) {
      const pos = types.indexOf("object");
      if (pos !== -1) { types.splice(pos, 1); instances.push("Object"); }
    }
    if (types.length > 0) {
      msg += types.length > 1 ? `one of type ${list(types, " or ")}` : `of type ${types[0]}`;
      if (instances.length > 0 || other.length > 0) msg += " or ";
    }
    if (instances.length > 0) {
      msg += `an instance of ${list(instances, " or ")}`;
      if (other.length > 0) msg += " or ";
    }
    if (other.length > 0) {
      if (other.length > 1) msg += `one of ${list(other, " or ")}`;
      else msg += (other[0].toLowerCase() !== other[0] ? "an " : "") + other[0];
    }
    return make(TypeError, "ERR_INVALID_ARG_TYPE", `${msg}. Received ${specificType(actual)}`);
  }

  function separate(s) {
    let res = "", i = s.length;
    const start = s[0] === "-" ? 1 : 0;
    for (; i >= start + 4; i -= 3) res = `_${s.slice(i - 3, i)}${res}`;
    return `${s.slice(0, i)}${res}`;
  }

  function outOfRange(name, range, input) {
    let received;
    if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) received = separate(String(input));
    else if (typeof input === "bigint") {
      received = String(input);
      if (input > 2n ** 32n || input < -(2n ** 32n)) received = separate(received);
      received += "n";
    } else received = inspect(input);
    return make(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${received}`);
  }

  function invalidArgValue(name, value, reason = "is invalid") {
    const kind = name.includes(".") ? "property" : "argument";
    return make(TypeError, "ERR_INVALID_ARG_VALUE", `The ${kind} '${name}' ${reason}. Received ${inspect(value)}`);
  }

  const errors = {
    inspect,
    make,
    ERR_INVALID_ARG_TYPE: invalidArgType,
    ERR_OUT_OF_RANGE: outOfRange,
    ERR_INVALID_ARG_VALUE: invalidArgValue,
    ERR_MISSING_ARGS: (...names) => make(TypeError, "ERR_MISSING_ARGS", `The ${list(names.map((n) => `"${n}"`), " and ")} argument${names.length > 1 ? "s" : ""} must be specified`),
    ERR_UNKNOWN_ENCODING: (enc) => make(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`),
    ERR_METHOD_NOT_IMPLEMENTED: (m) => make(Error, "ERR_METHOD_NOT_IMPLEMENTED", `The ${m} method is not implemented`),
    ERR_STREAM_PREMATURE_CLOSE: () => make(Error, "ERR_STREAM_PREMATURE_CLOSE", "Premature close"),
    ERR_STREAM_WRITE_AFTER_END: () => make(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end"),
    ERR_STREAM_PUSH_AFTER_EOF: () => make(Error, "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF"),
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT: () => make(Error, "ERR_STREAM_UNSHIFT_AFTER_END_EVENT", "stream.unshift() after end event"),
    ERR_STREAM_NULL_VALUES: () => make(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream"),
    ERR_STREAM_DESTROYED: (m) => make(Error, "ERR_STREAM_DESTROYED", `Cannot call ${m} after a stream was destroyed`),
    ERR_STREAM_ALREADY_FINISHED: (m) => make(Error, "ERR_STREAM_ALREADY_FINISHED", `Cannot call ${m} after a stream was finished`),
    ERR_STREAM_CANNOT_PIPE: () => make(Error, "ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable"),
    ERR_MULTIPLE_CALLBACK: () => make(Error, "ERR_MULTIPLE_CALLBACK", "Callback called multiple times"),
    ERR_METHOD_NOT_IMPLEMENTED_STREAM: (m) => make(Error, "ERR_METHOD_NOT_IMPLEMENTED", `The ${m} method is not implemented`),
    ERR_INVALID_RETURN_VALUE: (input, name, value) => make(TypeError, "ERR_INVALID_RETURN_VALUE", `Expected ${input} to be returned from the "${name}" function but got ${specificType(value)}.`),
    ERR_MISSING_OPTION: (o) => make(TypeError, "ERR_MISSING_OPTION", `${o} is required`),
    ERR_INVALID_STATE: (m) => make(Error, "ERR_INVALID_STATE", `Invalid state: ${m}`),
    ERR_CRYPTO_HASH_FINALIZED: () => make(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called"),
    ERR_CRYPTO_HASH_UPDATE_FAILED: () => make(Error, "ERR_CRYPTO_HASH_UPDATE_FAILED", "Hash update failed"),
    ERR_CRYPTO_INVALID_DIGEST: (d) => make(TypeError, "ERR_CRYPTO_INVALID_DIGEST", `Invalid digest: ${d}`),
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE: (t, e) => make(TypeError, "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", `Invalid key object type ${t}, expected ${e}.`),
    ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS: (a, b) => make(Error, "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", `The selected key encoding ${a} ${b}.`),
    ERR_CRYPTO_INVALID_JWK: () => make(TypeError, "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data"),
    ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH: () => make(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length"),
    ERR_ABORT: () => { const e = new Error("The operation was aborted"); e.code = "ABORT_ERR"; e.name = "AbortError"; return e; },
    specificType,
  };
  return errors;
})
