// node:querystring, after Node's lib/querystring.js: parse (with + as a
// space, repeated keys as arrays, maxKeys), stringify, escape, unescape,
// and the decode/encode aliases. The result of parse has a null prototype.
(function (native) {
  "use strict";
  const { Buffer } = native.buffer;
  const { codes } = native.internal.errors;

  const hexTable = new Array(256);
  for (let i = 0; i < 256; ++i) hexTable[i] = "%" + ((i < 16 ? "0" : "") + i.toString(16)).toUpperCase();

  function unescapeBuffer(s, decodeSpaces) {
    const out = Buffer.allocUnsafe(s.length);
    let index = 0;
    let outIndex = 0;
    let currentChar;
    let nextChar;
    let hexHigh;
    let hexLow;
    const maxLength = s.length - 2;
    let hasHex = false;
    const unhex = (c) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
    while (index < s.length) {
      currentChar = s.charCodeAt(index);
      if (currentChar === 43 /* '+' */ && decodeSpaces) {
        out[outIndex++] = 32;
        index++;
        continue;
      }
      if (currentChar === 37 /* '%' */ && index < maxLength) {
        currentChar = s.charCodeAt(++index);
        hexHigh = unhex(currentChar);
        if (!(hexHigh >= 0)) {
          out[outIndex++] = 37;
          continue;
        } else {
          nextChar = s.charCodeAt(++index);
          hexLow = unhex(nextChar);
          if (!(hexLow >= 0)) {
            out[outIndex++] = 37;
            index--;
          } else {
            hasHex = true;
            currentChar = hexHigh * 16 + hexLow;
          }
        }
      }
      out[outIndex++] = currentChar;
      index++;
    }
    return hasHex ? out.slice(0, outIndex) : out;
  }

  function qsUnescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s);
    } catch {
      return QueryString.unescapeBuffer(s, decodeSpaces).toString();
    }
  }

  function qsEscape(str) {
    if (typeof str !== "string") {
      if (typeof str === "object") str = String(str);
      else str += "";
    }
    try {
      return encodeURIComponent(str);
    } catch {
      const err = new URIError("URI malformed");
      err.code = "ERR_INVALID_URI";
      throw err;
    }
  }

  function stringifyPrimitive(v) {
    if (typeof v === "string") return v;
    if (typeof v === "number" && isFinite(v)) return "" + v;
    if (typeof v === "bigint") return "" + v;
    if (typeof v === "boolean") return v ? "true" : "false";
    return "";
  }
  function encodeStringified(v, encode) {
    if (typeof v === "string") return v.length ? encode(v) : "";
    if (typeof v === "number" && isFinite(v)) return Math.abs(v) < 1e21 ? "" + v : encode("" + v);
    if (typeof v === "bigint") return "" + v;
    if (typeof v === "boolean") return v ? "true" : "false";
    return "";
  }

  function stringify(obj, sep, eq, options) {
    sep = sep || "&";
    eq = eq || "=";
    let encode = QueryString.escape;
    if (options && typeof options.encodeURIComponent === "function") encode = options.encodeURIComponent;
    const convert = encode === qsEscape ? encodeStringified : (v, e) => e(stringifyPrimitive(v));
    if (obj !== null && typeof obj === "object") {
      const keys = Object.keys(obj);
      const len = keys.length;
      let fields = "";
      for (let i = 0; i < len; ++i) {
        const k = keys[i];
        const v = obj[k];
        let ks = convert(k, encode);
        ks += eq;
        if (Array.isArray(v)) {
          const vlen = v.length;
          if (vlen === 0) continue;
          if (fields) fields += sep;
          for (let j = 0; j < vlen; ++j) {
            if (j) fields += sep;
            fields += ks;
            fields += convert(v[j], encode);
          }
        } else {
          if (fields) fields += sep;
          fields += ks;
          fields += convert(v, encode);
        }
      }
      return fields;
    }
    return "";
  }

  function parse(qs, sep, eq, options) {
    const obj = { __proto__: null };
    if (typeof qs !== "string" || qs.length === 0) return obj;
    sep = sep ? String(sep) : "&";
    eq = eq ? String(eq) : "=";
    let maxKeys = 1000;
    if (options && typeof options.maxKeys === "number") maxKeys = options.maxKeys;
    let pairs = maxKeys > 0 ? maxKeys : Infinity;
    let decode = QueryString.unescape;
    if (options && typeof options.decodeURIComponent === "function") decode = options.decodeURIComponent;
    const customDecode = decode !== qsUnescape;
    const decodeStr = (s) => {
      const hasPlus = s.includes("+");
      const hasPct = s.includes("%");
      if (hasPlus) s = s.replace(/\+/g, " ");
      if (!hasPct && !customDecode) return s;
      try {
        return decode(s);
      } catch {
        return QueryString.unescape(s, true);
      }
    };
    const addKeyVal = (key, value) => {
      key = decodeStr(key);
      value = decodeStr(value);
      const cur = obj[key];
      if (cur === undefined) obj[key] = value;
      else if (typeof cur === "string") obj[key] = [cur, value];
      else cur.push(value);
    };
    let start = 0;
    while (pairs > 0) {
      let end = qs.indexOf(sep, start);
      const last = end === -1;
      if (last) end = qs.length;
      const part = qs.slice(start, end);
      if (part.length > 0 || !last) {
        if (part.length > 0) {
          const i = part.indexOf(eq);
          if (i === -1) addKeyVal(part, "");
          else addKeyVal(part.slice(0, i), part.slice(i + eq.length));
        }
        pairs--;
      }
      if (last) break;
      start = end + sep.length;
    }
    return obj;
  }

  const QueryString = {
    unescapeBuffer, unescape: qsUnescape, escape: qsEscape, stringify, encode: stringify, parse, decode: parse,
  };
  return QueryString;
})
