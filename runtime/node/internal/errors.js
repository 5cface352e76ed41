// Node's errors (lib/internal/errors.js): an error with err.code, Node's
// message, and Node's "TypeError [ERR_X]: message" toString and stack
// head; and the validators (lib/internal/validators.js) that throw them.
(function (native) {
  "use strict";
  const kTypes = ["string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol"];
  const classRegExp = /^([A-Z][a-z0-9]*)+$/;
  let inspect = (v) => String(v);
  const setInspect = (f) => { inspect = f; };

  const protos = new Map();
  // makeNodeError builds an error of class Base (TypeError, RangeError,
  // Error) with the code; its prototype carries the code's toString, as
  // Node's per-code classes do, and err.constructor is Base.
  function makeNodeError(Base, code, message) {
    let proto = protos.get(code + "/" + Base.name);
    if (proto === undefined) {
      proto = Object.create(Base.prototype, {
        toString: {
          value() { return `${this.name} [${code}]: ${this.message}`; },
          enumerable: false, writable: true, configurable: true,
        },
      });
      protos.set(code + "/" + Base.name, proto);
    }
    const err = new Base(message);
    Object.setPrototypeOf(err, proto);
    Object.defineProperty(err, "code", { value: code, enumerable: true, writable: true, configurable: true });
    // The stack's first line names the code, as Node's does.
    const stack = err.stack;
    if (typeof stack === "string") {
      const head = `${Base.name}: ${message}`;
      const rest = stack.startsWith(head) ? stack.slice(head.length) : stack.slice(stack.indexOf("\n") === -1 ? stack.length : stack.indexOf("\n"));
      Object.defineProperty(err, "stack", { value: `${Base.name} [${code}]: ${message}${rest}`, enumerable: false, writable: true, configurable: true });
    }
    return err;
  }

  function addNumericalSeparator(val) {
    let res = "";
    let i = val.length;
    const start = val[0] === "-" ? 1 : 0;
    for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
    return `${val.slice(0, i)}${res}`;
  }

  function determineSpecificType(value) {
    if (value == null) return "" + value;
    if (typeof value === "function" && value.name) return `function ${value.name}`;
    if (typeof value === "object") {
      if (value.constructor && value.constructor.name) return `an instance of ${value.constructor.name}`;
      return `${inspect(value, { depth: -1 })}`;
    }
    let inspected = inspect(value, { colors: false });
    if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
    return `type ${typeof value} (${inspected})`;
  }

  function invalidArgTypeMessage(name, expected, actual) {
    if (!Array.isArray(expected)) expected = [expected];
    let msg = "The ";
    if (name.endsWith(" argument")) {
      msg += `${name} `;
    } else {
      const type = name.includes(".") ? "property" : "argument";
      msg += `"${name}" ${type} `;
    }
    msg += "must be ";
    const types = [];
    const instances = [];
    const other = [];
    for (const value of expected) {
      if (kTypes.includes(value)) types.push(value.toLowerCase());
      else if (classRegExp.test(value)) instances.push(value);
      else other.push(value);
    }
    if (instances.length > 0) {
      const pos = types.indexOf("object");
      if (pos !== -1) {
        types.splice(pos, 1);
        instances.push("Object");
      }
    }
    if (types.length > 0) {
      if (types.length > 2) {
        const last = types.pop();
        msg += `one of type ${types.join(", ")}, or ${last}`;
      } else if (types.length === 2) {
        msg += `one of type ${types[0]} or ${types[1]}`;
      } else {
        msg += `of type ${types[0]}`;
      }
      if (instances.length > 0 || other.length > 0) msg += " or ";
    }
    if (instances.length > 0) {
      if (instances.length > 2) {
        const last = instances.pop();
        msg += `an instance of ${instances.join(", ")}, or ${last}`;
      } else {
        msg += `an instance of ${instances[0]}`;
        if (instances.length === 2) msg += ` or ${instances[1]}`;
      }
      if (other.length > 0) msg += " or ";
    }
    if (other.length > 0) {
      if (other.length > 2) {
        const last = other.pop();
        msg += `one of ${other.join(", ")}, or ${last}`;
      } else if (other.length === 2) {
        msg += `one of ${other[0]} or ${other[1]}`;
      } else {
        if (other[0].toLowerCase() !== other[0]) msg += "an ";
        msg += `${other[0]}`;
      }
    }
    msg += `. Received ${determineSpecificType(actual)}`;
    return msg;
  }

  const E = (code, Base, msg) => (...args) => makeNodeError(Base, code, typeof msg === "function" ? msg(...args) : msg);
  const codes = {
    ERR_INVALID_ARG_TYPE: E("ERR_INVALID_ARG_TYPE", TypeError, invalidArgTypeMessage),
    ERR_INVALID_ARG_VALUE: E("ERR_INVALID_ARG_VALUE", TypeError, (name, value, reason = "is invalid") => {
      let inspected = inspect(value);
      if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
      const type = name.includes(".") ? "property" : "argument";
      return `The ${type} '${name}' ${reason}. Received ${inspected}`;
    }),
    ERR_OUT_OF_RANGE: E("ERR_OUT_OF_RANGE", RangeError, (str, range, input, replaceDefaultBoolean = false) => {
      let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
      let received;
      if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
        received = addNumericalSeparator(String(input));
      } else if (typeof input === "bigint") {
        received = String(input);
        if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
        received += "n";
      } else {
        received = inspect(input);
      }
      msg += ` It must be ${range}. Received ${received}`;
      return msg;
    }),
    ERR_UNKNOWN_ENCODING: E("ERR_UNKNOWN_ENCODING", TypeError, (enc) => `Unknown encoding: ${enc}`),
    ERR_BUFFER_OUT_OF_BOUNDS: E("ERR_BUFFER_OUT_OF_BOUNDS", RangeError, (name = undefined) => {
      if (name) return `"${name}" is outside of buffer bounds`;
      return "Attempt to access memory outside buffer bounds";
    }),
    ERR_INVALID_BUFFER_SIZE: E("ERR_INVALID_BUFFER_SIZE", RangeError, (s) => `Buffer size must be a multiple of ${s}`),
    ERR_MISSING_ARGS: E("ERR_MISSING_ARGS", TypeError, (...args) => {
      let msg = "The ";
      const len = args.length;
      const wrap = (a) => `"${a}"`;
      args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(" or ") : wrap(a)));
      switch (len) {
        case 1: msg += `${args[0]} argument`; break;
        case 2: msg += `${args[0]} and ${args[1]} arguments`; break;
        default: msg += args.slice(0, len - 1).join(", "); msg += `, and ${args[len - 1]} arguments`;
      }
      return `${msg} must be specified`;
    }),
    ERR_INVALID_RETURN_VALUE: E("ERR_INVALID_RETURN_VALUE", TypeError, (input, name, value) => {
      let type;
      if (value && value.constructor && value.constructor.name) type = `instance of ${value.constructor.name}`;
      else type = `type ${typeof value}`;
      return `Expected ${input} to be returned from the "${name}" function but got ${type}.`;
    }),
    ERR_UNHANDLED_ERROR: E("ERR_UNHANDLED_ERROR", Error, (err = undefined) => {
      const msg = "Unhandled error.";
      if (err === undefined) return msg;
      return `${msg} (${err})`;
    }),
    ERR_METHOD_NOT_IMPLEMENTED: E("ERR_METHOD_NOT_IMPLEMENTED", Error, (m) => `The ${m} method is not implemented`),
    ERR_INVALID_THIS: E("ERR_INVALID_THIS", TypeError, (t) => `Value of "this" must be of type ${t}`),
    ERR_ILLEGAL_CONSTRUCTOR: E("ERR_ILLEGAL_CONSTRUCTOR", TypeError, "Illegal constructor"),
    ERR_FALSY_VALUE_REJECTION: E("ERR_FALSY_VALUE_REJECTION", Error, "Promise was rejected with falsy value"),
    ERR_INVALID_URL: E("ERR_INVALID_URL", TypeError, "Invalid URL"),
    ERR_INVALID_URL_SCHEME: E("ERR_INVALID_URL_SCHEME", TypeError, (expected) => `The URL must be of scheme ${expected}`),
    ERR_INVALID_FILE_URL_HOST: E("ERR_INVALID_FILE_URL_HOST", TypeError, (p) => `File URL host must be "localhost" or empty on ${p}`),
    ERR_INVALID_FILE_URL_PATH: E("ERR_INVALID_FILE_URL_PATH", TypeError, (m) => `File URL path ${m}`),
    ERR_INVALID_ARG_VALUE_RANGE: E("ERR_OUT_OF_RANGE", RangeError, (m) => m),
    ERR_STRING_TOO_LONG: E("ERR_STRING_TOO_LONG", Error, "Cannot create a string longer than 0x1fffffe8 characters"),
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE: E("ERR_PARSE_ARGS_INVALID_OPTION_VALUE", TypeError, (m) => m),
    ERR_PARSE_ARGS_UNKNOWN_OPTION: E("ERR_PARSE_ARGS_UNKNOWN_OPTION", TypeError, (option, allowPositionals) => {
      const suggestDashDash = allowPositionals ? `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}` : "";
      return `Unknown option '${option}'${suggestDashDash}`;
    }),
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL: E("ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL", TypeError, (p) => `Unexpected argument '${p}'. This command does not take positional arguments`),
    ERR_INVALID_STATE: E("ERR_INVALID_STATE", Error, (m) => `Invalid state: ${m}`),
    ERR_ASYNC_CALLBACK: E("ERR_ASYNC_CALLBACK", TypeError, (name) => `${name} must be a function`),
    ERR_ASYNC_TYPE: E("ERR_ASYNC_TYPE", TypeError, (type) => `Invalid name for async "type": ${type}`),
    ERR_AMBIGUOUS_ARGUMENT: E("ERR_AMBIGUOUS_ARGUMENT", TypeError, (a, b) => `The "${a}" argument is ambiguous. ${b}`),
    ERR_NOT_IMPLEMENTED: E("ERR_METHOD_NOT_IMPLEMENTED", Error, (m) => `The ${m} method is not implemented`),
    ERR_UNAVAILABLE_DURING_EXIT: E("ERR_UNAVAILABLE_DURING_EXIT", Error, "Cannot call function in process exit handler"),
    ERR_INVALID_CHAR: E("ERR_INVALID_CHAR", TypeError, (name, field) => `Invalid character in ${name}${field ? ` ["${field}"]` : ""}`),
  };

  // Node's AbortError.
  class AbortError extends Error {
    constructor(message = "The operation was aborted", options = undefined) {
      super(message, options);
      this.code = "ABORT_ERR";
      this.name = "AbortError";
    }
  }

  const validators = {
    validateString(value, name) {
      if (typeof value !== "string") throw codes.ERR_INVALID_ARG_TYPE(name, "string", value);
    },
    validateFunction(value, name) {
      if (typeof value !== "function") throw codes.ERR_INVALID_ARG_TYPE(name, "Function", value);
    },
    validateBoolean(value, name) {
      if (typeof value !== "boolean") throw codes.ERR_INVALID_ARG_TYPE(name, "boolean", value);
    },
    validateNumber(value, name, min = undefined, max) {
      if (typeof value !== "number") throw codes.ERR_INVALID_ARG_TYPE(name, "number", value);
      if ((min != null && value < min) || (max != null && value > max) || ((min != null || max != null) && Number.isNaN(value))) {
        throw codes.ERR_OUT_OF_RANGE(name,
          `${min != null ? `>= ${min}` : ""}${min != null && max != null ? " && " : ""}${max != null ? `<= ${max}` : ""}`, value);
      }
    },
    validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
      if (typeof value !== "number") throw codes.ERR_INVALID_ARG_TYPE(name, "number", value);
      if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, "an integer", value);
      if (value < min || value > max) throw codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    },
    validateUint32(value, name, positive = false) {
      if (typeof value !== "number") throw codes.ERR_INVALID_ARG_TYPE(name, "number", value);
      if (!Number.isInteger(value)) throw codes.ERR_OUT_OF_RANGE(name, "an integer", value);
      const min = positive ? 1 : 0;
      const max = 4294967295;
      if (value < min || value > max) throw codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    },
    validateObject(value, name, options = null) {
      const allowArray = options && options.allowArray;
      const allowFunction = options && options.allowFunction;
      const nullable = options && options.nullable;
      if ((!nullable && value === null) || (!allowArray && Array.isArray(value)) ||
          (typeof value !== "object" && (!allowFunction || typeof value !== "function"))) {
        throw codes.ERR_INVALID_ARG_TYPE(name, "Object", value);
      }
    },
    validateArray(value, name, minLength = 0) {
      if (!Array.isArray(value)) throw codes.ERR_INVALID_ARG_TYPE(name, "Array", value);
      if (value.length < minLength) throw codes.ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
    },
    validateOneOf(value, name, oneOf) {
      if (!oneOf.includes(value)) {
        const allowed = oneOf.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ");
        throw codes.ERR_INVALID_ARG_VALUE(name, value, "must be one of: " + allowed);
      }
    },
    validateAbortSignal(signal, name) {
      if (signal !== undefined && (signal === null || typeof signal !== "object" || !("aborted" in signal))) {
        throw codes.ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal);
      }
    },
  };

  return { codes, makeNodeError, AbortError, validators, setInspect, determineSpecificType, invalidArgTypeMessage };
})
