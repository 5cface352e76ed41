// node:assert and node:assert/strict as workerd gives them
// (src/node/internal/internal_assert.ts, internal_assertionerror.ts),
// which differ from Node's: equal and deepEqual are the strict forms,
// strictEqual's message is a line diff headed "[Diff] Actual / Expected",
// and AssertionError's own messages (deepStrictEqual without a message)
// are Node 16's, with the "+ actual - expected" diff and the "^" under
// the first difference of a one-line value. The line diff here is a
// longest-common-subsequence diff printing a change's removed lines
// before its added ones; for tangled multi-line changes its grouping may
// differ from workerd's.
(function (native) {
  "use strict";
  const { codes } = native.internal.errors;
  const { inspect } = native.internal.inspect;
  const { isDeepStrictEqual } = native.internal.compare;

  const kReadableOperator = {
    deepStrictEqual: "Expected values to be strictly deep-equal:",
    strictEqual: "Expected values to be strictly equal:",
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: "Expected values to be loosely deep-equal:",
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: "Values have same structure but are not reference-equal:",
    notDeepEqualUnequal: "Expected values not to be loosely deep-equal:",
  };
  const kMaxShortLength = 12;

  function inspectValue(val) {
    return inspect(val, { compact: true, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false, showProxy: false, sorted: true, getters: true });
  }

  // createErrDiff is Node 16's "+ actual - expected" rendering.
  function createErrDiff(actual, expected, operator) {
    let other = "";
    let res = "";
    let end = "";
    let skipped = false;
    const actualInspected = inspectValue(actual);
    const actualLines = actualInspected.split("\n");
    const expectedLines = inspectValue(expected).split("\n");
    let i = 0;
    let indicator = "";
    if (operator === "strictEqual" &&
        ((typeof actual === "object" && actual !== null && typeof expected === "object" && expected !== null) ||
         (typeof actual === "function" && typeof expected === "function"))) {
      operator = "strictEqualObject";
    }
    if (actualLines.length === 1 && expectedLines.length === 1 && actualLines[0] !== expectedLines[0]) {
      const actualRaw = actualLines[0];
      const expectedRaw = expectedLines[0];
      const inputLength = actualRaw.length + expectedRaw.length;
      if (inputLength <= kMaxShortLength) {
        if ((typeof actual !== "object" || actual === null) && (typeof expected !== "object" || expected === null) && (actual !== 0 || expected !== 0)) {
          return `${kReadableOperator[operator]}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
        }
      } else if (operator !== "strictEqualObject") {
        if (inputLength < 80) {
          while (actualRaw[i] === expectedRaw[i]) i++;
          if (i > 2) {
            indicator = `\n  ${" ".repeat(i)}^`;
            i = 0;
          }
        }
      }
    }
    let a = actualLines[actualLines.length - 1];
    let b = expectedLines[expectedLines.length - 1];
    while (a === b) {
      if (i++ < 3) end = `\n  ${a}${end}`;
      else other = a;
      actualLines.pop();
      expectedLines.pop();
      if (actualLines.length === 0 || expectedLines.length === 0) break;
      a = actualLines[actualLines.length - 1];
      b = expectedLines[expectedLines.length - 1];
    }
    const maxLines = Math.max(actualLines.length, expectedLines.length);
    if (maxLines === 0) {
      const lines = actualInspected.split("\n");
      if (lines.length > 50) {
        lines[46] = "...";
        while (lines.length > 47) lines.pop();
      }
      return `${kReadableOperator.notIdentical}\n\n${lines.join("\n")}\n`;
    }
    if (i >= 5) {
      end = `\n...${end}`;
      skipped = true;
    }
    if (other !== "") {
      end = `\n  ${other}${end}`;
      other = "";
    }
    let printedLines = 0;
    let identical = 0;
    const msg = kReadableOperator[operator] + "\n+ actual - expected";
    const skippedMsg = " ... Lines skipped";
    let lines = actualLines;
    let plusMinus = "+";
    let maxLength = expectedLines.length;
    if (actualLines.length < maxLines) {
      lines = expectedLines;
      plusMinus = "-";
      maxLength = actualLines.length;
    }
    const flushIdentical = (src) => {
      if (identical > 2) {
        if (identical > 3) {
          if (identical > 4) {
            if (identical === 5) {
              res += `\n  ${src[i - 3]}`;
              printedLines++;
            } else {
              res += "\n...";
              skipped = true;
            }
          }
          res += `\n  ${src[i - 2]}`;
          printedLines++;
        }
        res += `\n  ${src[i - 1]}`;
        printedLines++;
      }
      identical = 0;
    };
    for (i = 0; i < maxLines; i++) {
      if (maxLength < i + 1) {
        flushIdentical(lines);
        if (lines === actualLines) res += `\n${plusMinus} ${lines[i]}`;
        else other += `\n${plusMinus} ${lines[i]}`;
        printedLines++;
      } else {
        const expectedLine = expectedLines[i];
        let actualLine = actualLines[i];
        let divergingLines = actualLine !== expectedLine && (!actualLine.endsWith(",") || actualLine.slice(0, -1) !== expectedLine);
        if (divergingLines && expectedLine.endsWith(",") && expectedLine.slice(0, -1) === actualLine) {
          divergingLines = false;
          actualLine += ",";
        }
        if (divergingLines) {
          flushIdentical(actualLines);
          res += `\n+ ${actualLine}`;
          other += `\n- ${expectedLine}`;
          printedLines += 2;
        } else {
          res += other;
          other = "";
          identical++;
          if (identical <= 2) {
            res += `\n  ${actualLine}`;
            printedLines++;
          }
        }
      }
      if (printedLines > 50 && i < maxLines - 2) {
        return `${msg}${skippedMsg}\n${res}\n...${other}\n...`;
      }
    }
    return `${msg}${skipped ? skippedMsg : ""}\n${res}${other}${end}${indicator}`;
  }

  function copyError(source) {
    const target = Object.create(Object.getPrototypeOf(source));
    for (const key of Object.keys(source)) {
      const desc = Object.getOwnPropertyDescriptor(source, key);
      if (desc !== undefined) Object.defineProperty(target, key, desc);
    }
    Object.defineProperty(target, "message", { value: source.message });
    return target;
  }

  class AssertionError extends Error {
    constructor(options) {
      if (typeof options !== "object" || options === null) throw codes.ERR_INVALID_ARG_TYPE("options", "Object", options);
      const { message, operator, details } = options;
      let { actual, expected } = options;
      if (message != null) {
        super(String(message));
      } else {
        if (typeof actual === "object" && actual !== null && typeof expected === "object" && expected !== null &&
            "stack" in actual && actual instanceof Error && "stack" in expected && expected instanceof Error) {
          actual = copyError(actual);
          expected = copyError(expected);
        }
        if (operator === "deepStrictEqual" || operator === "strictEqual") {
          super(createErrDiff(actual, expected, operator));
        } else if (operator === "notDeepStrictEqual" || operator === "notStrictEqual") {
          let base = kReadableOperator[operator];
          const res = inspectValue(actual).split("\n");
          if (operator === "notStrictEqual" && ((typeof actual === "object" && actual !== null) || typeof actual === "function")) {
            base = kReadableOperator.notStrictEqualObject;
          }
          if (res.length > 50) {
            res[46] = "...";
            while (res.length > 47) res.pop();
          }
          if (res.length === 1) super(`${base}${res[0].length > 5 ? "\n\n" : " "}${res[0]}`);
          else super(`${base}\n\n${res.join("\n")}\n`);
        } else {
          let res = inspectValue(actual);
          let other = inspectValue(expected);
          const knownOperator = kReadableOperator[operator ?? ""];
          if (operator === "notDeepEqual" && res === other) {
            res = `${knownOperator}\n\n${res}`;
            if (res.length > 1024) res = `${res.slice(0, 1021)}...`;
            super(res);
          } else {
            if (res.length > 512) res = `${res.slice(0, 509)}...`;
            if (other.length > 512) other = `${other.slice(0, 509)}...`;
            if (operator === "deepEqual") {
              res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
            } else {
              const newOp = kReadableOperator[`${operator}Unequal`];
              if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
              else other = ` ${operator} ${other}`;
            }
            super(`${res}${other}`);
          }
        }
      }
      this.generatedMessage = !message;
      Object.defineProperty(this, "name", { value: "AssertionError [ERR_ASSERTION]", enumerable: false, writable: true, configurable: true });
      this.code = "ERR_ASSERTION";
      if (details) {
        this.actual = undefined;
        this.expected = undefined;
        this.operator = undefined;
        for (let i = 0; i < details.length; i++) {
          this["message " + i] = details[i].message;
          this["actual " + i] = details[i].actual;
          this["expected " + i] = details[i].expected;
          this["operator " + i] = details[i].operator;
          this["stack trace " + i] = details[i].stack;
        }
      } else {
        this.actual = actual;
        this.expected = expected;
        this.operator = operator;
      }
      if (typeof this.stack === "string") {
        const nl = this.stack.indexOf("\n    at");
        this.stack = `AssertionError [ERR_ASSERTION]: ${this.message}${nl === -1 ? "" : this.stack.slice(nl)}`;
      }
      this.name = "AssertionError";
    }
    toString() { return `${this.name} [${this.code}]: ${this.message}`; }
  }

  // The strictEqual diff, "[Diff] Actual / Expected" over lines.
  function lineDiff(a, b) {
    let pre = 0;
    while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
    let suf = 0;
    while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
    const A = a.slice(pre, a.length - suf);
    const B = b.slice(pre, b.length - suf);
    const n = A.length, m = B.length;
    const L = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    const out = a.slice(0, pre).map((v) => ({ type: "common", value: v }));
    let i = 0, j = 0;
    let removed = [], added = [];
    const flush = () => { out.push(...removed, ...added); removed = []; added = []; };
    while (i < n || j < m) {
      if (i < n && j < m && A[i] === B[j]) {
        flush();
        out.push({ type: "common", value: A[i] });
        i++;
        j++;
      } else if (j >= m || (i < n && L[i + 1][j] >= L[i][j + 1])) {
        removed.push({ type: "removed", value: A[i++] });
      } else {
        added.push({ type: "added", value: B[j++] });
      }
    }
    flush();
    out.push(...a.slice(a.length - suf).map((v) => ({ type: "common", value: v })));
    return out;
  }
  const sign = { added: "+   ", removed: "-   ", common: "    " };
  function buildMessage(diff, stringDiff) {
    const lines = diff.map((r) => `${sign[r.type]}${r.value}`);
    return ["", "", "[Diff] Actual / Expected", "", "", ...(stringDiff ? [lines.join("")] : lines), ""];
  }
  function escapeForDiff(s) {
    return s.replaceAll("\b", "\\b").replaceAll("\f", "\\f").replaceAll("\t", "\\t").replaceAll("\v", "\\v")
      .replace(/\r\n|\r|\n/g, (x) => (x === "\r" ? "\\r" : x === "\n" ? "\\n\n" : "\\r\\n\r\n"));
  }
  function tokenizeLines(s) {
    const tokens = [];
    const parts = s.split(/(\n|\r\n)/);
    if (!parts[parts.length - 1]) parts.pop();
    for (let i = 0; i < parts.length; i++) {
      if (i % 2) tokens[tokens.length - 1] += parts[i];
      else tokens.push(parts[i]);
    }
    return tokens;
  }

  function assert(actual, message) {
    if (arguments.length === 0) throw new AssertionError({ message: "No value argument passed to `assert.ok()`" });
    if (!actual) throw new AssertionError({ message, actual, expected: true, operator: "==" });
  }
  const ok = function ok(...args) { return assert(...args); };

  function strictEqual(actual, expected, message) {
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS("actual", "expected");
    if (Object.is(actual, expected)) return;
    if (message) {
      message = `${message}`;
    } else {
      const actualString = inspect(actual);
      const expectedString = inspect(expected);
      if (actualString === expectedString) {
        message = `Values have the same structure but are not reference-equal:\n\n${actualString.split("\n").map((l) => `    ${l}`).join("\n")}\n`;
      } else {
        const stringDiff = typeof actual === "string" && typeof expected === "string";
        const d = stringDiff
          ? lineDiff(tokenizeLines(`${escapeForDiff(actual)}\n`), tokenizeLines(`${escapeForDiff(expected)}\n`))
          : lineDiff(actualString.split("\n"), expectedString.split("\n"));
        message = `Values are not strictly equal:\n${buildMessage(d, stringDiff).join("\n")}`;
      }
    }
    throw new AssertionError({ message, actual, expected, operator: "strictEqual" });
  }
  function notStrictEqual(actual, expected, message) {
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS("actual", "expected");
    if (!Object.is(actual, expected)) return;
    throw new AssertionError({ message: message ? `${message}` : "Expected actual to be strictly unequal to expected", actual, expected, operator: "notStrictEqual" });
  }
  function deepStrictEqual(actual, expected, message) {
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS("actual", "expected");
    if (isDeepStrictEqual(actual, expected)) return;
    throw new AssertionError({ message: message ? `${message}` : message, actual, expected, operator: "deepStrictEqual" });
  }
  function notDeepStrictEqual(actual, expected, message) {
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS("actual", "expected");
    if (isDeepStrictEqual(actual, expected)) {
      throw new AssertionError({ message: message ? `${message}` : "Expected actual to not be deeply strictly equal to expected", actual, expected, operator: "notDeepStrictEqual" });
    }
  }
  function equal(actual, expected, message) { return strictEqual(actual, expected, message); }
  function notEqual(actual, expected, message) { return notStrictEqual(actual, expected, message); }
  function deepEqual(actual, expected, message) { return deepStrictEqual(actual, expected, message); }
  function notDeepEqual(actual, expected, message) { return notDeepStrictEqual(actual, expected, message); }

  function fail(message) {
    if (typeof message === "string" || message == null) {
      const e = new AssertionError({ message: message ?? "Failed", operator: "fail" });
      if (message == null) e.generatedMessage = true;
      throw e;
    }
    throw message;
  }
  function match(actual, regexp, message) {
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS("actual", "regexp");
    if (!(regexp instanceof RegExp)) throw codes.ERR_INVALID_ARG_TYPE("regexp", "RegExp", regexp);
    if (!regexp.test(actual)) {
      throw new AssertionError({ message: message ? `${message}` : `actual: "${actual}" expected to match: "${regexp}"`, actual, expected: regexp, operator: "match" });
    }
  }
  function doesNotMatch(string, regexp, message) {
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS("string", "regexp");
    if (!(regexp instanceof RegExp)) throw codes.ERR_INVALID_ARG_TYPE("regexp", "RegExp", regexp);
    if (typeof string !== "string") {
      if (message instanceof Error) throw message;
      throw new AssertionError({ message: message || `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`, actual: string, expected: regexp, operator: "doesNotMatch" });
    }
    if (regexp.test(string)) {
      throw new AssertionError({ message: message ? `${message}` : `actual: "${string}" expected to not match: "${regexp}"`, actual: string, expected: regexp, operator: "doesNotMatch" });
    }
  }

  function generated(options) {
    const e = new AssertionError(options);
    e.generatedMessage = true;
    return e;
  }
  function validateThrownError(e, error, message, operator, validationFunctionName) {
    if (typeof error === "string") {
      if (message != null) throw codes.ERR_INVALID_ARG_TYPE("error", ["Object", "Error", "Function", "RegExp"], error);
      if (typeof e === "object" && e !== null) {
        if (e.message === error) throw codes.ERR_AMBIGUOUS_ARGUMENT("error/message", `The error message "${e.message}" is identical to the message.`);
      } else if (e === error) {
        throw codes.ERR_AMBIGUOUS_ARGUMENT("error/message", `The error "${e}" is identical to the message.`);
      }
      message = error;
      error = undefined;
    }
    if (error instanceof Function && error.prototype !== undefined && (error === Error || error.prototype instanceof Error)) {
      if (e instanceof error) return true;
      throw generated({ message: `The error is expected to be an instance of "${error.name}". Received "${e && e.constructor && e.constructor.name}"\n\nError message:\n\n${e && e.message}`, actual: e, expected: error, operator });
    }
    if (error instanceof Function) {
      const received = error(e);
      if (received === true) return true;
      throw generated({ message: `The ${validationFunctionName ? `"${validationFunctionName}" validation` : "validation"} function is expected to return "true". Received ${inspect(received)}\n\nCaught error:\n\n${e}`, actual: e, expected: error, operator });
    }
    if (error instanceof RegExp) {
      if (error.test(String(e))) return true;
      throw generated({ message: `The input did not match the regular expression ${error.toString()}. Input:\n\n'${String(e)}'\n`, actual: e, expected: error, operator });
    }
    if (typeof error === "object" && error !== null) {
      const keys = Object.keys(error);
      if (error instanceof Error) keys.push("name", "message");
      for (const k of keys) {
        const fail = (m) => { const x = new AssertionError({ message: message || m, actual: e, expected: error, operator }); x.generatedMessage = message == null; return x; };
        if (e == null) throw fail("object is expected to thrown, but got null");
        if (typeof e === "string") throw fail(`object is expected to thrown, but got string: ${e}`);
        if (typeof e === "number") throw fail(`object is expected to thrown, but got number: ${e}`);
        if (!(k in e)) throw fail(`A key in the expected object is missing: ${k}`);
        const actual = e[k];
        const expected = error[k];
        if (typeof actual === "string" && expected instanceof RegExp) match(actual, expected);
        else deepStrictEqual(actual, expected);
      }
      return true;
    }
    if (typeof error === "undefined") return true;
    throw generated({ message: `Invalid expectation: ${error}`, operator });
  }
  function checkErrorArg(error, message) {
    if (typeof error === "object" && error !== null && Object.getPrototypeOf(error) === Object.prototype && Object.keys(error).length === 0) {
      throw codes.ERR_INVALID_ARG_VALUE("error", error, "may not be an empty object");
    }
    const okType = error instanceof RegExp || typeof error === "function" || error instanceof Error || typeof error === "object";
    if (typeof message === "string" ? !okType : (typeof error !== "undefined" && typeof error !== "string" && !okType)) {
      throw codes.ERR_INVALID_ARG_TYPE("error", ["Function", "Error", "RegExp", "Object"], error);
    }
  }
  function throws(fn, error, message) {
    if (typeof fn !== "function") throw codes.ERR_INVALID_ARG_TYPE("fn", "function", fn);
    checkErrorArg(error, message);
    try {
      fn();
    } catch (e) {
      if (validateThrownError(e, error, message, "throws")) return;
    }
    if (message) {
      let msg = `Missing expected exception: ${message}`;
      if (typeof error === "function" && error.name) msg = `Missing expected exception (${error.name}): ${message}`;
      throw new AssertionError({ message: msg, operator: "throws", actual: undefined, expected: error });
    } else if (typeof error === "string") {
      throw new AssertionError({ message: `Missing expected exception: ${error}`, operator: "throws", actual: undefined, expected: undefined });
    } else if (typeof error === "function" && error.prototype !== undefined) {
      throw new AssertionError({ message: `Missing expected exception (${error.name}).`, operator: "throws", actual: undefined, expected: error });
    }
    throw new AssertionError({ message: "Missing expected exception.", operator: "throws", actual: undefined, expected: error });
  }
  function gotUnwantedException(e, expected, message, operator) {
    if (typeof expected === "string") {
      throw new AssertionError({ message: `Got unwanted exception: ${expected}\nActual message: "${e.message}"`, operator });
    } else if (typeof expected === "function" && expected.prototype !== undefined) {
      if (e instanceof expected) {
        let msg = `Got unwanted exception: ${e.constructor && e.constructor.name}`;
        if (message) msg += ` ${String(message)}`;
        throw new AssertionError({ message: msg, operator });
      } else if (expected.prototype instanceof Error) {
        throw e;
      } else if (expected(e) === true) {
        let msg = `Got unwanted rejection.\nActual message: "${e.message}"`;
        if (message) msg += ` ${String(message)}`;
        throw new AssertionError({ message: msg, operator });
      }
      throw e;
    }
    if (message) throw new AssertionError({ message: `Got unwanted exception: ${message}\nActual message: "${e ? e.message : String(e)}"`, operator });
    throw new AssertionError({ message: `Got unwanted exception.\nActual message: "${e ? e.message : String(e)}"`, operator });
  }
  function doesNotThrow(fn, expected, message) {
    if (typeof fn !== "function") throw codes.ERR_INVALID_ARG_TYPE("fn", "function", fn);
    if (!(expected instanceof RegExp) && typeof expected !== "function" && typeof expected !== "string" && typeof expected !== "undefined") {
      throw codes.ERR_INVALID_ARG_TYPE("expected", ["Function", "RegExp"], fn);
    }
    try {
      fn();
    } catch (e) {
      gotUnwantedException(e, expected, message, "doesNotThrow");
    }
  }
  const isValidThenable = (p) => !!p && (p instanceof Promise || typeof p.then === "function");
  function toPromise(asyncFn) {
    if (typeof asyncFn === "function") {
      let p;
      try {
        p = asyncFn();
      } catch (err) {
        return [Promise.reject(err)];
      }
      if (!isValidThenable(p)) return [Promise.reject(codes.ERR_INVALID_RETURN_VALUE("instance of Promise", "promiseFn", p))];
      return [undefined, p];
    }
    if (!isValidThenable(asyncFn)) return [Promise.reject(codes.ERR_INVALID_ARG_TYPE("promiseFn", ["function", "Promise"], asyncFn))];
    return [undefined, asyncFn];
  }
  function rejects(asyncFn, error, message) {
    const [early, promise] = toPromise(asyncFn);
    if (early) return early;
    return promise.then(() => {
      let m = "Missing expected rejection";
      if (typeof error === "string") m += `: ${error}`;
      else if (typeof error === "function" && error.prototype !== undefined) m += ` (${error.name}).`;
      else m += ".";
      return Promise.reject(generated({ message: m, operator: "rejects" }));
    }, (e) => { validateThrownError(e, error, message, "rejects", "validate"); });
  }
  function doesNotReject(asyncFn, error, message) {
    const [early, promise] = toPromise(asyncFn);
    if (early) return early;
    return promise.then(() => {}, (e) => gotUnwantedException(e, error, message, "doesNotReject"));
  }
  function ifError(err) {
    if (err !== null && err !== undefined) {
      let message = "ifError got unwanted exception: ";
      if (typeof err === "object" && typeof err.message === "string") {
        if (err.message.length === 0 && err.constructor) message += err.constructor.name;
        else message += err.message;
      } else {
        message += inspect(err);
      }
      throw new AssertionError({ actual: err, expected: null, operator: "ifError", message });
    }
  }
  function partialDeepStrictEqual(actual, expected, message) {
    if (arguments.length < 2) throw codes.ERR_MISSING_ARGS("actual", "expected");
    const partial = (a, e) => {
      if (e === null || typeof e !== "object" || a === null || typeof a !== "object") return isDeepStrictEqual(a, e);
      if (Array.isArray(e)) return Array.isArray(a) && e.every((v) => a.some((x) => partial(x, v)));
      return Object.keys(e).every((k) => k in a && partial(a[k], e[k]));
    };
    if (partial(actual, expected)) return;
    throw new AssertionError({ message: message ? `${message}` : message, actual, expected, operator: "partialDeepStrictEqual" });
  }
  function strict(actual, message) {
    if (arguments.length === 0) throw new AssertionError({ message: "No value argument passed to `assert.ok()`" });
    assert(actual, message);
  }
  Object.assign(strict, {
    AssertionError, deepEqual: deepStrictEqual, deepStrictEqual, doesNotMatch, doesNotReject, doesNotThrow,
    equal: strictEqual, fail, ifError, match, notDeepEqual: notDeepStrictEqual, notDeepStrictEqual,
    notEqual: notStrictEqual, notStrictEqual, ok, partialDeepStrictEqual, rejects, strict, strictEqual, throws,
  });
  Object.assign(assert, {
    AssertionError, deepEqual, deepStrictEqual, doesNotMatch, doesNotReject, doesNotThrow, equal, fail, ifError,
    match, notDeepEqual, notDeepStrictEqual, notEqual, notStrictEqual, ok, partialDeepStrictEqual, rejects, strict,
    strictEqual, throws,
  });
  return { assert, strict };
})
