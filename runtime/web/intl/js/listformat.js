// Intl.ListFormat (ECMA-402 §13): CLDR 47's list patterns (Go:
// names.go), with ICU's Spanish and Hebrew conjunction rules ("y" before
// "i"/"hi" sounds becomes "e", "o" before "o"/"ho"/8/11 becomes "u",
// Hebrew "ו" before a non-Hebrew word becomes "ו-").
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.ListFormat.
(function (native, H, Intl) {
  "use strict";

  const where = "Intl.ListFormat";
  const RegExpTest = Function.prototype.call.bind(RegExp.prototype.test);
  const spanishE = /^([iI]|[hH][iI](?![aeAE]))/;
  const spanishU = /^([oO]|[hH][oO]|8|11(\d{3})*(\D|$))/;
  const hebrewLetter = /^[\u05D0-\u05EA]/;

  class ListFormat {
    #o;
    constructor(locales = undefined, options = undefined) {
      if (new.target === undefined) throw new TypeError("Constructor Intl.ListFormat requires 'new'");
      const requested = H.CanonicalizeLocaleList(locales);
      options = H.GetOptionsObject(options);
      const opt = H.record();
      opt.localeMatcher = H.GetLocaleMatcher(options, where);
      const r = H.ResolveLocale(requested, opt, []);
      const type = H.GetOption(options, "type", "string", ["conjunction", "disjunction", "unit"], "conjunction", where);
      const style = H.GetOption(options, "style", "string", ["long", "short", "narrow"], "long", where);
      const p = native.listPatterns(r.dataLocale, type, style);
      const lang = r.dataLocale.split("-")[0];
      this.#o = { __proto__: null, locale: r.locale, type, style, start: p[0], middle: p[1], end: p[2], two: p[3], lang };
    }

    static #check(l, m) {
      if (l === null || typeof l !== "object" || !(#o in l)) throw H.incompatible("Intl.ListFormat.prototype." + m, l);
      return l.#o;
    }

    format(list) {
      const o = ListFormat.#check(this, "format");
      const parts = partsOf(o, stringList(list));
      let s = "";
      for (let i = 0; i < parts.length; i++) s += parts[i].value;
      return s;
    }

    formatToParts(list) {
      const o = ListFormat.#check(this, "formatToParts");
      return partsOf(o, stringList(list));
    }

    resolvedOptions() {
      const o = ListFormat.#check(this, "resolvedOptions");
      return { locale: o.locale, type: o.type, style: o.style };
    }
  }

  // ECMA-402 StringListFromIterable.
  function stringList(iterable) {
    if (iterable === undefined) return [];
    const out = [];
    const it = iterable[Symbol.iterator]();
    if (it === null || (typeof it !== "object" && typeof it !== "function")) throw new TypeError("Result of the Symbol.iterator method is not an object");
    const next = it.next;
    for (;;) {
      const r = next.call(it);
      if (r === null || (typeof r !== "object" && typeof r !== "function")) throw new TypeError(`Iterator result ${String(r)} is not an object`);
      if (r.done) return out;
      const v = r.value;
      if (typeof v !== "string") {
        const e = new TypeError(`Iterable yielded ${typeof v === "symbol" ? v.toString() : String(v)} which is not a string`);
        if (typeof it.return === "function") {
          try { it.return(); } catch (_) { /* the TypeError wins */ }
        }
        throw e;
      }
      H.append(out, v);
    }
  }

  // The pattern around a pair, adjusted for the word that follows it.
  function pattern(o, pat, next) {
    if (o.lang === "es") {
      if (o.type === "conjunction" && RegExpTest(spanishE, next)) return pat.replace(" y ", " e ");
      if (o.type === "disjunction" && RegExpTest(spanishU, next)) return pat.replace(" o ", " u ");
    } else if (o.lang === "he" && !RegExpTest(hebrewLetter, next)) {
      return pat.replace(/ו(?=\{1\})/, "ו-");
    }
    return pat;
  }

  // ECMA-402 CreatePartsFromList: the elements in the nested patterns.
  function partsOf(o, list) {
    const n = list.length;
    const parts = [];
    const lit = (v) => {
      if (v === "") return;
      const last = parts[parts.length - 1];
      if (last !== undefined && last.type === "literal") last.value += v;
      else H.append(parts, { type: "literal", value: v });
    };
    const el = (v) => H.append(parts, { type: "element", value: v });
    if (n === 0) return parts;
    if (n === 1) { el(list[0]); return parts; }
    // Each pattern is "pre{0}mid{1}post"; the second place holds the rest.
    const split = (p) => {
      const a = p.indexOf("{0}"), b = p.indexOf("{1}");
      return [p.slice(0, a), p.slice(a + 3, b), p.slice(b + 3)];
    };
    const tails = [];
    for (let i = 0; i < n - 1; i++) {
      let p;
      if (n === 2) p = o.two;
      else if (i === 0) p = o.start;
      else if (i === n - 2) p = o.end;
      else p = o.middle;
      if (i === n - 2) p = pattern(o, p, list[n - 1]);
      const [pre, mid, post] = split(p);
      lit(pre);
      el(list[i]);
      lit(mid);
      tails[tails.length] = post;
    }
    el(list[n - 1]);
    for (let i = tails.length - 1; i >= 0; i--) lit(tails[i]);
    return parts;
  }

  Object.defineProperty(ListFormat, "prototype", { writable: false });
  H.install(Intl, "ListFormat", H.newOnly(ListFormat, "ListFormat"));
})
