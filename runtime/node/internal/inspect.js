// util.inspect and util.format, after Node's lib/internal/util/inspect.js
// (v20/v22), so the text is the same character for character: the same
// defaults (depth 2, breakLength 80, compact 3), the same line breaking
// and array grouping, the same quoting and escapes. Knowingly missing:
// the entries of a Map or Set iterator (goja cannot preview an iterator
// without consuming it: "<items unknown>"), the stack-frame
// colouring of node_modules and core frames, and the East Asian width of
// characters (every code unit counts as one column).
(function (native, T) {
  "use strict";
  const { types, typedArrayTag, mapSize, setSize, uncurry } = T;
  const hasOwn = uncurry(Object.prototype.hasOwnProperty);
  const propertyIsEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
  const fnToString = uncurry(Function.prototype.toString);
  const errorToString = uncurry(Error.prototype.toString);
  const symbolToString = uncurry(Symbol.prototype.toString);
  const dateToISOString = uncurry(Date.prototype.toISOString);
  const dateToString = uncurry(Date.prototype.toString);
  const dateGetTime = uncurry(Date.prototype.getTime);

  const customInspectSymbol = Symbol.for("nodejs.util.inspect.custom");

  const inspectDefaultOptions = {
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3,
    sorted: false, getters: false, numericSeparator: false,
  };
  const kObjectType = 0, kArrayType = 1, kArrayExtrasType = 2;

  const builtInObjects = new Set(Object.getOwnPropertyNames(globalThis).filter((e) => /^[A-Z][a-zA-Z0-9]+$/.test(e)));

  const meta = [];
  for (let i = 0; i < 32; i++) meta.push("\\x" + i.toString(16).toUpperCase().padStart(2, "0"));
  meta[8] = "\\b"; meta[9] = "\\t"; meta[10] = "\\n"; meta[12] = "\\f"; meta[13] = "\\r";
  for (let i = 32; i < 127; i++) meta.push("");
  meta[39] = "\\'"; meta[92] = "\\\\";
  for (let i = 127; i < 160; i++) meta.push("\\x" + i.toString(16).toUpperCase());

  const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
  const numberRegExp = /^(0|[1-9][0-9]*)$/;
  const classRegExp = /^(\s+[^(]*?)\s*{/;
  const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;

  // inspect.colors in Node 22's order (workerd lists them in this order
  // in styleText's error), then the aliases, not enumerable.
  const colors = {
    reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], blink: [5, 25],
    inverse: [7, 27], hidden: [8, 28], strikethrough: [9, 29], doubleunderline: [21, 24],
    black: [30, 39], red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39],
    cyan: [36, 39], white: [37, 39], bgBlack: [40, 49], bgRed: [41, 49], bgGreen: [42, 49], bgYellow: [43, 49],
    bgBlue: [44, 49], bgMagenta: [45, 49], bgCyan: [46, 49], bgWhite: [47, 49], framed: [51, 54],
    overlined: [53, 55], gray: [90, 39], redBright: [91, 39], greenBright: [92, 39], yellowBright: [93, 39],
    blueBright: [94, 39], magentaBright: [95, 39], cyanBright: [96, 39], whiteBright: [97, 39],
    bgGray: [100, 49], bgRedBright: [101, 49], bgGreenBright: [102, 49], bgYellowBright: [103, 49],
    bgBlueBright: [104, 49], bgMagentaBright: [105, 49], bgCyanBright: [106, 49], bgWhiteBright: [107, 49],
  };
  for (const [alias, target] of [["grey", "gray"], ["blackBright", "gray"], ["bgGrey", "bgGray"], ["bgBlackBright", "bgGray"],
    ["dim", "dim"], ["faint", "dim"], ["crossedout", "strikethrough"], ["strikeThrough", "strikethrough"],
    ["crossedOut", "strikethrough"], ["conceal", "hidden"], ["swapColors", "inverse"], ["swapcolors", "inverse"],
    ["doubleUnderline", "doubleunderline"]]) {
    if (alias === target) continue;
    Object.defineProperty(colors, alias, { get() { return this[target]; }, set(v) { this[target] = v; }, configurable: true, enumerable: false });
  }

  const styles = {
    special: "cyan", number: "yellow", bigint: "yellow", boolean: "yellow", undefined: "grey",
    null: "bold", string: "green", symbol: "green", date: "magenta", regexp: "red", module: "underline",
  };

  function stylizeWithColor(str, styleType) {
    const style = styles[styleType];
    if (style !== undefined) {
      const color = colors[style];
      if (color !== undefined) return `\u001b[${color[0]}m${str}\u001b[${color[1]}m`;
    }
    return str;
  }
  function stylizeNoColor(str) { return str; }

  function getUserOptions(ctx, isCrossContext) {
    const ret = { stylize: ctx.stylize, ...ctx.userOptions };
    for (const key of Object.keys(inspectDefaultOptions)) if (!(key in ret)) ret[key] = ctx[key];
    ret.showHidden = ctx.showHidden; ret.depth = ctx.depth; ret.colors = ctx.colors;
    ret.customInspect = ctx.customInspect; ret.showProxy = ctx.showProxy;
    ret.maxArrayLength = ctx.maxArrayLength; ret.maxStringLength = ctx.maxStringLength;
    ret.breakLength = ctx.breakLength; ret.compact = ctx.compact; ret.sorted = ctx.sorted;
    ret.getters = ctx.getters; ret.numericSeparator = ctx.numericSeparator;
    if (isCrossContext) {
      Object.setPrototypeOf(ret, null);
      for (const key of Object.keys(ret)) {
        if ((typeof ret[key] === "object" || typeof ret[key] === "function") && ret[key] !== null) delete ret[key];
      }
      ret.stylize = Object.setPrototypeOf((value, flavour) => {
        let stylized;
        try { stylized = `${ctx.stylize(value, flavour)}`; } catch { /* ignore */ }
        if (typeof stylized !== "string") return value;
        return stylized;
      }, null);
    }
    return ret;
  }

  function inspect(value, opts) {
    const ctx = {
      budget: {}, indentationLvl: 0, seen: [], currentDepth: 0, stylize: stylizeNoColor,
      showHidden: inspectDefaultOptions.showHidden, depth: inspectDefaultOptions.depth,
      colors: inspectDefaultOptions.colors, customInspect: inspectDefaultOptions.customInspect,
      showProxy: inspectDefaultOptions.showProxy, maxArrayLength: inspectDefaultOptions.maxArrayLength,
      maxStringLength: inspectDefaultOptions.maxStringLength, breakLength: inspectDefaultOptions.breakLength,
      compact: inspectDefaultOptions.compact, sorted: inspectDefaultOptions.sorted,
      getters: inspectDefaultOptions.getters, numericSeparator: inspectDefaultOptions.numericSeparator,
    };
    if (arguments.length > 1) {
      if (arguments.length > 2) {
        if (arguments[2] !== undefined) ctx.depth = arguments[2];
        if (arguments.length > 3 && arguments[3] !== undefined) ctx.colors = arguments[3];
      }
      if (typeof opts === "boolean") {
        ctx.showHidden = opts;
      } else if (opts) {
        const optKeys = Object.keys(opts);
        for (let i = 0; i < optKeys.length; ++i) {
          const key = optKeys[i];
          if (hasOwn(inspectDefaultOptions, key) || key === "stylize") {
            ctx[key] = opts[key];
          } else if (ctx.userOptions === undefined) {
            ctx.userOptions = opts;
          }
        }
      }
    }
    if (ctx.colors) ctx.stylize = stylizeWithColor;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return formatValue(ctx, value, 0);
  }
  inspect.custom = customInspectSymbol;
  Object.defineProperty(inspect, "defaultOptions", {
    get() { return inspectDefaultOptions; },
    set(options) {
      if (options === null || typeof options !== "object") throw native.errors.ERR_INVALID_ARG_TYPE("options", "Object", options);
      Object.assign(inspectDefaultOptions, options);
    },
  });
  inspect.colors = colors;
  inspect.styles = Object.assign(Object.create(null), styles);

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== "object" && typeof value !== "function") return formatPrimitive(ctx.stylize, value, ctx);
    if (value === null) return ctx.stylize("null", "null");
    const context = value;
    const proxy = native.proxyTarget(value);
    if (proxy !== undefined) {
      if (proxy === null || proxy[0] === null) return ctx.stylize("<Revoked Proxy>", "special");
      if (ctx.showProxy) {
        if (recurseTimes > ctx.depth && ctx.depth !== null) return ctx.stylize("Proxy [Array]", "special");
        recurseTimes += 1;
        ctx.indentationLvl += 2;
        const res = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
        ctx.indentationLvl -= 2;
        return reduceToSingleString(ctx, res, "", ["Proxy [", "]"], kArrayExtrasType, recurseTimes);
      }
      value = proxy[0];
    }
    if (ctx.customInspect) {
      const maybeCustom = value[customInspectSymbol];
      if (typeof maybeCustom === "function" && maybeCustom !== inspect &&
          !(value.constructor && value.constructor.prototype === value)) {
        const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
        const isCrossContext = proxy !== undefined;
        const ret = maybeCustom.call(context, depth, getUserOptions(ctx, isCrossContext), inspect);
        if (ret !== context) {
          if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
          return ret.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
        }
      }
    }
    if (ctx.seen.includes(value)) {
      let index = 1;
      if (ctx.circular === undefined) {
        ctx.circular = new Map();
        ctx.circular.set(value, index);
      } else {
        index = ctx.circular.get(value);
        if (index === undefined) {
          index = ctx.circular.size + 1;
          ctx.circular.set(value, index);
        }
      }
      return ctx.stylize(`[Circular *${index}]`, "special");
    }
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  function getEmptyFormatArray() { return []; }

  function isInstanceof(object, proto) {
    try { return object instanceof proto; } catch { return false; }
  }

  function getConstructorName(obj, ctx, recurseTimes, protoProps) {
    let firstProto;
    const tmp = obj;
    while (obj) {
      const descriptor = Object.getOwnPropertyDescriptor(obj, "constructor");
      if (descriptor !== undefined && typeof descriptor.value === "function" &&
          descriptor.value.name !== "" && isInstanceof(tmp, descriptor.value)) {
        if (protoProps !== undefined && (firstProto !== obj || !builtInObjects.has(descriptor.value.name))) {
          addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
        }
        return String(descriptor.value.name);
      }
      obj = Object.getPrototypeOf(obj);
      if (firstProto === undefined) firstProto = obj;
    }
    if (firstProto === null) return null;
    const res = native.className(tmp);
    if (recurseTimes > ctx.depth && ctx.depth !== null) return `${res} <Complex prototype>`;
    const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
    if (protoConstr === null) {
      return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
    }
    return `${res} <${protoConstr}>`;
  }

  function addPrototypeProperties(ctx, main, obj, recurseTimes, output) {
    let depth = 0;
    let keys;
    let keySet;
    do {
      if (depth !== 0 || main === obj) {
        obj = Object.getPrototypeOf(obj);
        if (obj === null) return;
        const descriptor = Object.getOwnPropertyDescriptor(obj, "constructor");
        if (descriptor !== undefined && typeof descriptor.value === "function" && builtInObjects.has(descriptor.value.name)) return;
      }
      if (depth === 0) {
        keySet = new Set();
      } else {
        keys.forEach((key) => keySet.add(key));
      }
      keys = Reflect.ownKeys(obj);
      ctx.seen.push(main);
      for (const key of keys) {
        if (key === "constructor" || hasOwn(main, key) || (depth !== 0 && keySet.has(key))) continue;
        const desc = Object.getOwnPropertyDescriptor(obj, key);
        if (typeof desc.value === "function") continue;
        const value = formatProperty(ctx, obj, recurseTimes, key, kObjectType, desc, main);
        if (ctx.colors) output.push(`\u001b[2m${value}\u001b[22m`);
        else output.push(value);
      }
      ctx.seen.pop();
    } while (++depth !== 3);
  }

  function getPrefix(constructor, tag, fallback, size = "") {
    if (constructor === null) {
      if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  function getKeys(value, showHidden) {
    let keys;
    const symbols = Object.getOwnPropertySymbols(value);
    if (showHidden) {
      keys = Object.getOwnPropertyNames(value);
      if (symbols.length !== 0) keys.push(...symbols);
    } else {
      keys = Object.keys(value);
      if (symbols.length !== 0) keys.push(...symbols.filter((key) => propertyIsEnumerable(value, key)));
    }
    return keys;
  }

  function getOwnNonIndexProperties(value, showHidden) {
    const keys = showHidden ? Object.getOwnPropertyNames(value) : Object.keys(value);
    const out = keys.filter((k) => !isArrayIndex(k));
    const symbols = Object.getOwnPropertySymbols(value);
    for (const s of symbols) if (showHidden || propertyIsEnumerable(value, s)) out.push(s);
    return out;
  }
  function isArrayIndex(k) {
    if (!numberRegExp.test(k)) return false;
    return Number(k) < 4294967295;
  }

  function getCtxName(constructor, tag, fallback) { return getPrefix(constructor, tag, fallback); }

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    let keys;
    let protoProps;
    if (ctx.showHidden && (recurseTimes <= ctx.depth || ctx.depth === null)) protoProps = [];
    const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
    if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

    let tag = value[Symbol.toStringTag];
    if (typeof tag !== "string" || (tag !== "" && (ctx.showHidden ? hasOwn : propertyIsEnumerable)(value, Symbol.toStringTag))) {
      tag = "";
    }
    let base = "";
    let formatter = getEmptyFormatArray;
    let braces;
    let noIterator = true;
    let i = 0;
    let extrasType = kObjectType;

    if (Symbol.iterator in value || constructor === null) {
      noIterator = false;
      if (Array.isArray(value)) {
        const prefix = (constructor !== "Array" || tag !== "") ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
        keys = getOwnNonIndexProperties(value, ctx.showHidden);
        braces = [`${prefix}[`, "]"];
        if (value.length === 0 && keys.length === 0 && protoProps === undefined) return `${braces[0]}]`;
        extrasType = kArrayExtrasType;
        formatter = formatArray;
      } else if (types.isSet(value)) {
        const size = setSize(value);
        const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = formatSet.bind(null, value);
        if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (types.isMap(value)) {
        const size = mapSize(value);
        const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
        keys = getKeys(value, ctx.showHidden);
        formatter = formatMap.bind(null, value);
        if (size === 0 && keys.length === 0 && protoProps === undefined) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (types.isTypedArray(value)) {
        keys = getOwnNonIndexProperties(value, ctx.showHidden);
        let bound = value;
        let fallback = "";
        if (constructor === null) {
          fallback = typedArrayTag(value);
          bound = new globalThis[fallback](value);
        }
        const size = value.length;
        const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
        braces = [`${prefix}[`, "]"];
        if (value.length === 0 && keys.length === 0 && !ctx.showHidden) return `${braces[0]}]`;
        formatter = formatTypedArray.bind(null, bound, size);
        extrasType = kArrayExtrasType;
      } else if (types.isMapIterator(value)) {
        keys = getKeys(value, ctx.showHidden);
        braces = getIteratorBraces("Map", tag);
        formatter = formatIterator.bind(null, braces);
      } else if (types.isSetIterator(value)) {
        keys = getKeys(value, ctx.showHidden);
        braces = getIteratorBraces("Set", tag);
        formatter = formatIterator.bind(null, braces);
      } else {
        noIterator = true;
      }
    }
    if (noIterator) {
      keys = getKeys(value, ctx.showHidden);
      braces = ["{", "}"];
      if (constructor === "Object") {
        if (types.isArgumentsObject(value)) {
          braces[0] = "[Arguments] {";
        } else if (tag !== "") {
          braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        }
        if (keys.length === 0 && protoProps === undefined) return `${braces[0]}}`;
      } else if (typeof value === "function") {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, "special");
      } else if (types.isRegExp(value)) {
        // goja writes a "/" in a RegExp's source as \u002f; V8 as \/.
        base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value)).replace(/\\u002f/g, "\\/");
        const prefix = getPrefix(constructor, tag, "RegExp");
        if (prefix !== "RegExp ") base = `${prefix}${base}`;
        if ((keys.length === 0 && protoProps === undefined) || (recurseTimes > ctx.depth && ctx.depth !== null)) {
          return ctx.stylize(base, "regexp");
        }
      } else if (types.isDate(value)) {
        if (Number.isNaN(dateGetTime(value))) base = dateToString(value);
        else base = dateToISOString(value);
        const prefix = getPrefix(constructor, tag, "Date");
        if (prefix !== "Date ") base = `${prefix}${base}`;
        if (keys.length === 0 && protoProps === undefined) return ctx.stylize(base, "date");
      } else if (isError(value)) {
        base = formatError(value, constructor, tag, ctx, keys);
        if (keys.length === 0 && protoProps === undefined) return base;
      } else if (types.isAnyArrayBuffer(value)) {
        const arrayType = types.isArrayBuffer(value) ? "ArrayBuffer" : "SharedArrayBuffer";
        const prefix = getPrefix(constructor, tag, arrayType);
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0 && protoProps === undefined) {
          return prefix + `{ byteLength: ${formatNumber(ctx.stylize, value.byteLength, false)} }`;
        }
        braces[0] = `${prefix}{`;
        keys.unshift("byteLength");
      } else if (types.isDataView(value)) {
        braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
        keys.unshift("byteLength", "byteOffset", "buffer");
      } else if (types.isPromise(value)) {
        braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
        formatter = formatPromise;
      } else if (types.isWeakSet(value)) {
        braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
        formatter = formatWeakCollection;
      } else if (types.isWeakMap(value)) {
        braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
        formatter = formatWeakCollection;
      } else if (types.isBoxedPrimitive(value)) {
        base = getBoxedBase(value, ctx, keys, constructor, tag);
        if (keys.length === 0 && protoProps === undefined) return base;
      } else {
        if (keys.length === 0 && protoProps === undefined) {
          return `${getCtxName(constructor, tag, "Object")}{}`;
        }
        braces[0] = `${getCtxName(constructor, tag, "Object")}{`;
      }
    }

    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      let constructorName = getCtxName(constructor, tag, "Object").slice(0, -1);
      if (constructor !== null) constructorName = `[${constructorName}]`;
      return ctx.stylize(constructorName, "special");
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    const indentationLvl = ctx.indentationLvl;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (i = 0; i < keys.length; i++) {
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
      if (protoProps !== undefined) output.push(...protoProps);
    } catch (err) {
      if (err instanceof RangeError && /call stack|recursion/i.test(err.message)) {
        const constructorName = getCtxName(constructor, tag, "Object").slice(0, -1);
        ctx.seen.pop();
        ctx.indentationLvl = indentationLvl;
        return ctx.stylize(`[${constructorName}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`, "special");
      }
      throw err;
    }
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = ctx.stylize(`<ref *${index}>`, "special");
        if (ctx.compact !== true) base = base === "" ? reference : `${reference} ${base}`;
        else braces[0] = `${reference} ${braces[0]}`;
      }
    }
    ctx.seen.pop();
    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) {
        output = output.sort(comparator);
      } else if (keys.length > 1) {
        const sorted = output.slice(output.length - keys.length).sort(comparator);
        output.splice(output.length - keys.length, keys.length, ...sorted);
      }
    }
    const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    const budget = ctx.budget[ctx.indentationLvl] || 0;
    const newLength = budget + res.length;
    ctx.budget[ctx.indentationLvl] = newLength;
    if (newLength > 2 ** 27) ctx.depth = -1;
    return res;
  }

  function getIteratorBraces(type, tag) {
    if (tag !== `${type} Iterator`) {
      if (tag !== "") tag += "] [";
      tag += `${type} Iterator`;
    }
    return [`[${tag}] {`, "}"];
  }

  function isError(e) {
    return types.isNativeError(e) || isInstanceof(e, Error);
  }

  function getFunctionBase(value, constructor, tag) {
    const stringified = fnToString(value);
    if (stringified.startsWith("class") && stringified.endsWith("}")) {
      const slice = stringified.slice(5, -1);
      const bracketIndex = slice.indexOf("{");
      if (bracketIndex !== -1 &&
          (!slice.slice(0, bracketIndex).includes("(") ||
           classRegExp.exec(slice.replace(stripCommentsRegExp, "")) !== null)) {
        return getClassBase(value, constructor, tag);
      }
    }
    let type = "Function";
    if (types.isGeneratorFunction(value)) type = `Generator${type}`;
    if (types.isAsyncFunction(value) || Object.prototype.toString.call(value) === "[object AsyncGeneratorFunction]") type = `Async${type}`;
    let base = `[${type}`;
    if (constructor === null) base += " (null prototype)";
    if (value.name === "") base += " (anonymous)";
    else base += `: ${value.name}`;
    base += "]";
    if (constructor !== type && constructor !== null) base += ` ${constructor}`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  function getClassBase(value, constructor, tag) {
    const hasName = hasOwn(value, "name");
    const name = (hasName && value.name) || "(anonymous)";
    let base = `class ${name}`;
    if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = Object.getPrototypeOf(value).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += " extends [null prototype]";
    }
    return `[${base}]`;
  }

  function getBoxedBase(value, ctx, keys, constructor, tag) {
    let fn;
    let type;
    if (types.isNumberObject(value)) { fn = Number.prototype.valueOf; type = "Number"; }
    else if (types.isStringObject(value)) {
      fn = String.prototype.valueOf; type = "String";
      keys.splice(0, value.length);
    } else if (types.isBooleanObject(value)) { fn = Boolean.prototype.valueOf; type = "Boolean"; }
    else if (types.isBigIntObject(value)) { fn = BigInt.prototype.valueOf; type = "BigInt"; }
    else { fn = Symbol.prototype.valueOf; type = "Symbol"; }
    let base = `[${type}`;
    if (type !== constructor) {
      if (constructor === null) base += " (null prototype)";
      else base += ` (${constructor})`;
    }
    base += `: ${formatPrimitive(stylizeNoColor, fn.call(value), ctx)}]`;
    if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
    if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
    return ctx.stylize(base, type.toLowerCase());
  }

  function getStackString(error) {
    return error.stack ? String(error.stack) : errorToString(error);
  }

  function removeDuplicateErrorKeys(ctx, keys, err, stack) {
    if (!ctx.showHidden && keys.length !== 0) {
      for (const name of ["name", "message", "stack"]) {
        const index = keys.indexOf(name);
        if (index !== -1 && stack.includes(err[name])) keys.splice(index, 1);
      }
    }
  }

  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null ||
        (name.endsWith("Error") && stack.startsWith(name) &&
         (stack.length === len || stack[len] === ":" || stack[len] === "\n"))) {
      let fallback = "Error";
      if (constructor === null) {
        const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) || /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (start && start[1]) || "";
        len = fallback.length;
        fallback = fallback || "Error";
      }
      const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prefix) {
        if (prefix.includes(name)) {
          if (len === 0) stack = `${prefix}: ${stack}`;
          else stack = `${prefix}${stack.slice(len)}`;
        } else {
          stack = `${prefix} [${name}]${stack.slice(len)}`;
        }
      }
    }
    return stack;
  }

  function getStackFrames(ctx, err, stack) {
    const frames = stack.split("\n");
    let cause;
    try {
      ({ cause } = err);
    } catch { /* ignore */ }
    if (cause != null && isError(cause)) {
      const causeStack = getStackString(cause);
      const causeStackStart = causeStack.indexOf("\n    at");
      if (causeStackStart !== -1) {
        const causeFrames = causeStack.slice(causeStackStart + 1).split("\n");
        const { len, offset } = identicalSequenceRange(frames, causeFrames);
        if (len > 0) {
          const skipped = len - 2;
          const msg = `    ... ${skipped} lines matching cause stack trace ...`;
          frames.splice(offset + 1, skipped, ctx.stylize(msg, "undefined"));
        }
      }
    }
    return frames;
  }

  function identicalSequenceRange(a, b) {
    for (let i = 0; i < a.length - 3; i++) {
      const pos = b.indexOf(a[i]);
      if (pos !== -1) {
        const rest = b.length - pos;
        if (rest > 3) {
          let len = 1;
          const maxLen = Math.min(a.length - i, rest);
          while (maxLen > len && a[i + len] === b[pos + len]) len++;
          if (len > 3) return { len, offset: i };
        }
      }
    }
    return { len: 0, offset: 0 };
  }

  function formatError(err, constructor, tag, ctx, keys) {
    const name = err.name != null ? String(err.name) : "Error";
    const stack0 = getStackString(err);
    removeDuplicateErrorKeys(ctx, keys, err, stack0);
    if ("cause" in err && (keys.length === 0 || !keys.includes("cause"))) keys.push("cause");
    if (Array.isArray(err.errors) && (keys.length === 0 || !keys.includes("errors"))) keys.push("errors");
    let stack = improveStack(stack0, constructor, name, tag);
    let pos = (err.message && stack.indexOf(err.message)) || -1;
    if (pos !== -1) pos += err.message.length;
    const stackStart = stack.indexOf("\n    at", pos);
    if (stackStart === -1) {
      stack = `[${stack}]`;
    } else {
      let newStack = stack.slice(0, stackStart);
      const lines = getStackFrames(ctx, err, stack.slice(stackStart + 1));
      if (ctx.colors) {
        for (const line of lines) newStack += `\n${/node_modules|node:/.test(line) ? ctx.stylize(line, "undefined") : line}`;
      } else {
        newStack += `\n${lines.join("\n")}`;
      }
      stack = newStack;
    }
    if (ctx.indentationLvl !== 0) {
      const indentation = " ".repeat(ctx.indentationLvl);
      stack = stack.replace(/\n/g, `\n${indentation}`);
    }
    return stack;
  }

  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let i = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) outputLength--;
    const separatorSpace = 2;
    const dataLen = new Array(outputLength);
    for (; i < outputLength; i++) {
      const len = getStringWidth(output[i], ctx.colors);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
        (totalLength / actualMax > 5 || maxLength <= 6)) {
      const approxCharHeights = 2.5;
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(
        Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const tmp = [];
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      let order = String.prototype.padStart;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
            order = String.prototype.padEnd;
            break;
          }
        }
      }
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let str = "";
        let j = i;
        for (; j < max - 1; j++) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
          str += order.call(`${output[j]}, `, padding, " ");
        }
        if (order === String.prototype.padStart) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
          str += output[j].padStart(padding, " ");
        } else {
          str += output[j];
        }
        tmp.push(str);
      }
      if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
      output = tmp;
    }
    return output;
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      if (ctx.colors) totalLength += removeColors(output[i]).length;
      else totalLength += output[i].length;
      if (totalLength > ctx.breakLength) return false;
    }
    return base === "" || !base.includes("\n");
  }

  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === "number" && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) output = groupArrayElements(ctx, output, value);
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joinedOutput = output.join(", ");
            if (!joinedOutput.includes("\n")) {
              return `${base ? `${base} ` : ""}${braces[0]} ${joinedOutput}` + ` ${braces[1]}`;
            }
          }
        }
      }
      const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ""} ${output.join(", ")} ` + braces[1];
    }
    const indentation = " ".repeat(ctx.indentationLvl);
    const ln = base === "" && braces[0].length === 1 ? " " : `${base ? ` ${base}` : ""}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }

  const ansi = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;
  function removeColors(str) { return String(str).replace(ansi, ""); }
  function getStringWidth(str, removeControlChars = true) {
    if (removeControlChars) str = removeColors(str);
    let width = 0;
    for (const ch of str.normalize("NFC")) {
      const code = ch.codePointAt(0);
      if (isFullWidthCodePoint(code)) width += 2;
      else if (!isZeroWidthCodePoint(code)) width++;
    }
    return width;
  }
  function isFullWidthCodePoint(code) {
    return code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) || (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) || (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) || (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) || (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x20000 && code <= 0x3fffd));
  }
  function isZeroWidthCodePoint(code) {
    return code <= 0x1F || (code >= 0x7F && code <= 0x9F) || (code >= 0x300 && code <= 0x36F) ||
      (code >= 0x200B && code <= 0x200F) || (code >= 0x20D0 && code <= 0x20FF) ||
      (code >= 0xFE00 && code <= 0xFE0F) || (code >= 0xFE20 && code <= 0xFE2F) ||
      (code >= 0xE0100 && code <= 0xE01EF);
  }

  function addQuotes(str, quotes) {
    if (quotes === -1) return `"${str}"`;
    if (quotes === -2) return `\`${str}\``;
    return `'${str}'`;
  }

  function strEscape(str) {
    let singleQuote = 39;
    if (str.includes("'")) {
      if (!str.includes('"')) singleQuote = -1;
      else if (!str.includes("`") && !str.includes("${")) singleQuote = -2;
    }
    let result = "";
    let last = 0;
    for (let i = 0; i < str.length; i++) {
      const point = str.charCodeAt(i);
      if (point === singleQuote || point === 92 || point < 32 || (point > 126 && point < 160)) {
        result += str.slice(last, i) + meta[point];
        last = i + 1;
      } else if (point >= 0xd800 && point <= 0xdfff) {
        if (point <= 0xdbff && i + 1 < str.length) {
          const next = str.charCodeAt(i + 1);
          if (next >= 0xdc00 && next <= 0xdfff) {
            i++;
            continue;
          }
        }
        result += `${str.slice(last, i)}\\u${point.toString(16)}`;
        last = i + 1;
      }
    }
    if (last !== str.length) result += str.slice(last);
    return addQuotes(result, singleQuote);
  }

  function addNumericSeparator(integerString) {
    let result = "";
    let i = integerString.length;
    const start = integerString.startsWith("-") ? 1 : 0;
    for (; i >= start + 4; i -= 3) result = `_${integerString.slice(i - 3, i)}${result}`;
    return i === integerString.length ? integerString : `${integerString.slice(0, i)}${result}`;
  }
  function addNumericSeparatorEnd(integerString) {
    let result = "";
    let i = 0;
    for (; i < integerString.length - 3; i += 3) result += `${integerString.slice(i, i + 3)}_`;
    return i === 0 ? integerString : `${result}${integerString.slice(i)}`;
  }

  function formatNumber(fn, number, numericSeparator) {
    if (!numericSeparator) {
      if (Object.is(number, -0)) return fn("-0", "number");
      return fn(`${number}`, "number");
    }
    const integer = Math.trunc(number);
    const string = String(integer);
    if (integer === number) {
      if (!Number.isFinite(number) || string.includes("e")) return fn(string, "number");
      return fn(`${addNumericSeparator(string)}`, "number");
    }
    if (Number.isNaN(number)) return fn(string, "number");
    return fn(`${addNumericSeparator(string)}.${addNumericSeparatorEnd(String(number).slice(string.length + 1))}`, "number");
  }

  function formatBigInt(fn, bigint, numericSeparator) {
    const string = String(bigint);
    if (!numericSeparator) return fn(`${string}n`, "bigint");
    return fn(`${addNumericSeparator(string)}n`, "bigint");
  }

  function formatPrimitive(fn, value, ctx) {
    if (typeof value === "string") {
      let trailer = "";
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = value.slice(0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
      }
      if (ctx.compact !== true && value.length > 16 && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        const lines = [];
        let from = 0;
        for (let i = 0; i < value.length; i++) {
          if (value.charCodeAt(i) === 10) {
            lines.push(value.slice(from, i + 1));
            from = i + 1;
          }
        }
        if (from < value.length || lines.length === 0) lines.push(value.slice(from));
        return lines.map((line) => fn(strEscape(line), "string")).join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
      }
      return fn(strEscape(value), "string") + trailer;
    }
    if (typeof value === "number") return formatNumber(fn, value, ctx.numericSeparator);
    if (typeof value === "bigint") return formatBigInt(fn, value, ctx.numericSeparator);
    if (typeof value === "boolean") return fn(`${value}`, "boolean");
    if (typeof value === "undefined") return fn("undefined", "undefined");
    return fn(symbolToString(value), "symbol");
  }

  function formatArrayBuffer(ctx, value) {
    let buffer;
    try {
      buffer = new Uint8Array(value);
    } catch {
      return [ctx.stylize("(detached)", "special")];
    }
    let str = native.hex(buffer, Math.min(ctx.maxArrayLength, buffer.length)).replace(/(.{2})/g, "$1 ").trim();
    const remaining = buffer.length - ctx.maxArrayLength;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    return [`${ctx.stylize("[Uint8Contents]", "special")}: <${str}>`];
  }

  function remainingText(remaining) { return `... ${remaining} more item${remaining > 1 ? "s" : ""}`; }

  function formatArray(ctx, value, recurseTimes) {
    const valLen = value.length;
    const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
    const remaining = valLen - len;
    const output = [];
    for (let i = 0; i < len; i++) {
      if (!hasOwn(value, i)) return formatSpecialArray(ctx, value, recurseTimes, len, output, i);
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (remaining > 0) output.push(remainingText(remaining));
    return output;
  }

  function formatSpecialArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = Object.keys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const tmp = +key;
      if (tmp > 2 ** 32 - 2) break;
      if (`${index}` !== key) {
        if (!numberRegExp.test(key)) break;
        const emptyItems = tmp - index;
        const ending = emptyItems > 1 ? "s" : "";
        const message = `<${emptyItems} empty item${ending}>`;
        output.push(ctx.stylize(message, "undefined"));
        index = tmp;
        if (output.length === maxLength) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        const ending = remaining > 1 ? "s" : "";
        output.push(ctx.stylize(`<${remaining} empty item${ending}>`, "undefined"));
      }
    } else if (remaining > 0) {
      output.push(remainingText(remaining));
    }
    return output;
  }

  function formatTypedArray(value, length, ctx, ignored, recurseTimes) {
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = value.length - maxLength;
    const output = new Array(maxLength);
    const elementFormatter = value.length > 0 && typeof value[0] === "number" ? formatNumber : formatBigInt;
    for (let i = 0; i < maxLength; ++i) output[i] = elementFormatter(ctx.stylize, value[i], ctx.numericSeparator);
    if (remaining > 0) output[maxLength] = remainingText(remaining);
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"]) {
        const str = formatValue(ctx, value[key], recurseTimes, true);
        output.push(`[${key}]: ${str}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function formatSet(value, ctx, ignored, recurseTimes) {
    const length = setSize(value);
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const v of Set.prototype.values.call(value)) {
      if (i >= maxLength) break;
      output.push(formatValue(ctx, v, recurseTimes));
      i++;
    }
    if (remaining > 0) output.push(remainingText(remaining));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(value, ctx, ignored, recurseTimes) {
    const length = mapSize(value);
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    ctx.indentationLvl += 2;
    let i = 0;
    for (const { 0: k, 1: v } of Map.prototype.entries.call(value)) {
      if (i >= maxLength) break;
      output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
      i++;
    }
    if (remaining > 0) output.push(remainingText(remaining));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatWeakCollection(ctx) {
    return [ctx.stylize("<items unknown>", "special")];
  }

  function formatIterator(braces, ctx, value, recurseTimes) {
    // The entries of a live iterator cannot be read without consuming it;
    // as when V8 cannot preview one, say so.
    return [ctx.stylize("<items unknown>", "special")];
  }

  function formatPromise(ctx, value, recurseTimes) {
    let output;
    const [state, result] = native.promiseState(value);
    if (state === "pending") {
      output = [ctx.stylize("<pending>", "special")];
    } else {
      ctx.indentationLvl += 2;
      const str = formatValue(ctx, result, recurseTimes);
      ctx.indentationLvl -= 2;
      output = [state === "rejected" ? `${ctx.stylize("<rejected>", "special")} ${str}` : str];
    }
    return output;
  }

  function formatProperty(ctx, value, recurseTimes, key, type, desc, original = value) {
    let name, str;
    let extra = " ";
    desc = desc || Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      const diff = (ctx.compact !== true || type !== kObjectType) ? 2 : 3;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
        extra = `\n${" ".repeat(ctx.indentationLvl)}`;
      }
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
      const s = ctx.stylize;
      const sp = "special";
      if (ctx.getters && (ctx.getters === true ||
            (ctx.getters === "get" && desc.set === undefined) ||
            (ctx.getters === "set" && desc.set !== undefined))) {
        try {
          const tmp = desc.get.call(original);
          ctx.indentationLvl += 2;
          if (tmp === null) str = `${s(`[${label}:`, sp)} ${s("null", "null")}${s("]", sp)}`;
          else if (typeof tmp === "object") str = `${s(`[${label}]`, sp)} ${formatValue(ctx, tmp, recurseTimes)}`;
          else {
            const primitive = formatPrimitive(s, tmp, ctx);
            str = `${s(`[${label}:`, sp)} ${primitive}${s("]", sp)}`;
          }
          ctx.indentationLvl -= 2;
        } catch (err) {
          const message = `<Inspection threw (${err.message})>`;
          str = `${s(`[${label}:`, sp)} ${message}${s("]", sp)}`;
        }
      } else {
        str = ctx.stylize(`[${label}]`, sp);
      }
    } else if (desc.set !== undefined) {
      str = ctx.stylize("[Setter]", "special");
    } else {
      str = ctx.stylize("undefined", "undefined");
    }
    if (type === kArrayType) return str;
    // Property names as workerd's inspect (internal_inspect.ts) writes
    // them, where it differs from Node 20's: a symbol key without brackets,
    // a non-enumerable key in brackets around its usual form.
    if (typeof key === "symbol") {
      name = ctx.stylize(escapeKey(symbolToString(key)), "symbol");
    } else if (keyStrRegExp.test(key)) {
      name = key === "__proto__" ? "['__proto__']" : ctx.stylize(key, "name");
    } else {
      name = ctx.stylize(strEscape(key), "string");
    }
    if (desc.enumerable === false) name = `[${name}]`;
    return `${name}:${extra}${str}`;
  }
  function escapeKey(s) {
    let out = "";
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out += (c === 39 || c === 92 || c < 32 || (c > 126 && c < 160)) ? meta[c] : s[i];
    }
    return out;
  }

  function hasBuiltInToString(value) {
    const proxyTarget = native.proxyTarget(value);
    if (proxyTarget !== undefined) {
      if (proxyTarget === null || proxyTarget[0] === null) return true;
      value = proxyTarget[0];
    }
    if (typeof value.toString !== "function") return true;
    if (hasOwn(value, "toString")) return false;
    let pointer = value;
    do {
      pointer = Object.getPrototypeOf(pointer);
    } while (pointer !== null && !hasOwn(pointer, "toString"));
    if (pointer === null) return true;
    const descriptor = Object.getOwnPropertyDescriptor(pointer, "constructor");
    return descriptor !== undefined && typeof descriptor.value === "function" && builtInObjects.has(descriptor.value.name);
  }

  function tryStringify(arg) {
    try {
      return JSON.stringify(arg);
    } catch (err) {
      if (err instanceof TypeError && /circular/i.test(err.message)) return "[Circular]";
      throw err;
    }
  }

  function formatWithOptionsInternal(inspectOptions, args) {
    const first = args[0];
    let a = 0;
    let str = "";
    let join = "";
    if (typeof first === "string") {
      if (args.length === 1) return first;
      let tempStr;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) === 37) {
          const nextChar = first.charCodeAt(++i);
          if (a + 1 !== args.length) {
            switch (nextChar) {
              case 115: {
                const tempArg = args[++a];
                if (typeof tempArg === "number") tempStr = formatNumber(stylizeNoColor, tempArg, false);
                else if (typeof tempArg === "bigint") tempStr = formatBigInt(stylizeNoColor, tempArg, false);
                else if (typeof tempArg !== "object" || tempArg === null || !hasBuiltInToString(tempArg)) tempStr = String(tempArg);
                else tempStr = inspect(tempArg, { ...inspectOptions, depth: 0, colors: false, compact: 3 });
                break;
              }
              case 106: tempStr = tryStringify(args[++a]); break;
              case 100: {
                const tempNum = args[++a];
                if (typeof tempNum === "bigint") tempStr = formatBigInt(stylizeNoColor, tempNum, false);
                else if (typeof tempNum === "symbol") tempStr = "NaN";
                else tempStr = formatNumber(stylizeNoColor, Number(tempNum), false);
                break;
              }
              case 79: tempStr = inspect(args[++a], inspectOptions); break;
              case 111: tempStr = inspect(args[++a], { ...inspectOptions, showHidden: true, showProxy: true, depth: 4 }); break;
              case 105: {
                const tempInteger = args[++a];
                if (typeof tempInteger === "bigint") tempStr = formatBigInt(stylizeNoColor, tempInteger, false);
                else if (typeof tempInteger === "symbol") tempStr = "NaN";
                else tempStr = formatNumber(stylizeNoColor, Number.parseInt(tempInteger), false);
                break;
              }
              case 102: {
                const tempFloat = args[++a];
                if (typeof tempFloat === "symbol") tempStr = "NaN";
                else tempStr = formatNumber(stylizeNoColor, Number.parseFloat(tempFloat), false);
                break;
              }
              case 99: a += 1; tempStr = ""; break;
              case 37: str += first.slice(lastPos, i); lastPos = i + 1; continue;
              default: continue;
            }
            if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
            str += tempStr;
            lastPos = i + 1;
          } else if (nextChar === 37) {
            str += first.slice(lastPos, i);
            lastPos = i + 1;
          }
        }
      }
      if (lastPos !== 0) {
        a++;
        join = " ";
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== "string" ? inspect(value, inspectOptions) : value;
      join = " ";
      a++;
    }
    return str;
  }

  function format(...args) { return formatWithOptionsInternal(undefined, args); }
  function formatWithOptions(inspectOptions, ...args) {
    if (inspectOptions === null || typeof inspectOptions !== "object") {
      throw native.errors.ERR_INVALID_ARG_TYPE("inspectOptions", "object", inspectOptions);
    }
    return formatWithOptionsInternal(inspectOptions, args);
  }

  return { inspect, format, formatWithOptions, stripVTControlCharacters: removeColors, getStringWidth, isError, colors };
})
