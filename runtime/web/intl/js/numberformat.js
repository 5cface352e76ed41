// Intl.NumberFormat for en-US only: decimal, percent, currency
// (USD, EUR, GBP, JPY, ... with en-US symbols), grouping and fraction
// digits. Any other locale is a RangeError. Owned by the intlfmt work,
// which replaces this file.
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.NumberFormat.
(function (native, H, Intl) {
  "use strict";

  const locale = H.enOnly, opt = H.enOpt, gap = H.gap;

  // ---- NumberFormat -----------------------------------------------------

  const currencySymbols = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", CNY: "CN¥", INR: "₹", CAD: "CA$", AUD: "A$", KRW: "₩", BRL: "R$", MXN: "MX$", ILS: "₪", VND: "₫", TWD: "NT$", NZD: "NZ$", HKD: "HK$", PHP: "₱" };
  const zeroDecimalCurrencies = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG", "RWF"]);

  function group(intStr) {
    let out = "";
    for (let i = 0; i < intStr.length; i++) {
      if (i > 0 && (intStr.length - i) % 3 === 0) out += ",";
      out += intStr[i];
    }
    return out;
  }

  class NumberFormat {
    #o;
    constructor(locales, options) {
      const loc = locale(locales, "Intl.NumberFormat");
      options = options === undefined ? {} : Object(options);
      const style = opt(options, "style", ["decimal", "percent", "currency", "unit"], "decimal");
      if (style === "unit") throw gap("Intl.NumberFormat style \"unit\"");
      const notation = opt(options, "notation", ["standard", "scientific", "engineering", "compact"], "standard");
      if (notation !== "standard") throw gap(`Intl.NumberFormat notation "${notation}"`);
      const o = { locale: loc, numberingSystem: "latn", style };
      let minFD = 0, maxFD = style === "percent" ? 0 : 3;
      if (style === "currency") {
        if (options.currency === undefined) throw new TypeError("Currency code is required with currency style.");
        o.currency = String(options.currency).toUpperCase();
        if (!/^[A-Z]{3}$/.test(o.currency)) throw new RangeError("Invalid currency code : " + options.currency);
        o.currencyDisplay = opt(options, "currencyDisplay", ["symbol", "narrowSymbol", "code", "name"], "symbol");
        if (o.currencyDisplay === "name") throw gap("Intl.NumberFormat currencyDisplay \"name\"");
        o.currencySign = opt(options, "currencySign", ["standard", "accounting"], "standard");
        minFD = maxFD = zeroDecimalCurrencies.has(o.currency) ? 0 : 2;
      }
      const mnfd = options.minimumFractionDigits, mxfd = options.maximumFractionDigits;
      if (mnfd !== undefined) { minFD = Number(mnfd); if (!(minFD >= 0 && minFD <= 100)) throw new RangeError("minimumFractionDigits value is out of range."); if (mxfd === undefined && maxFD < minFD) maxFD = minFD; }
      if (mxfd !== undefined) { maxFD = Number(mxfd); if (!(maxFD >= 0 && maxFD <= 100)) throw new RangeError("maximumFractionDigits value is out of range."); if (mnfd === undefined && minFD > maxFD) minFD = maxFD; }
      if (minFD > maxFD) throw new RangeError("maximumFractionDigits value is out of range.");
      o.minimumIntegerDigits = options.minimumIntegerDigits === undefined ? 1 : Number(options.minimumIntegerDigits);
      o.minimumFractionDigits = minFD;
      o.maximumFractionDigits = maxFD;
      if (options.maximumSignificantDigits !== undefined || options.minimumSignificantDigits !== undefined) {
        o.minimumSignificantDigits = options.minimumSignificantDigits === undefined ? 1 : Number(options.minimumSignificantDigits);
        o.maximumSignificantDigits = options.maximumSignificantDigits === undefined ? 21 : Number(options.maximumSignificantDigits);
      }
      const ug = options.useGrouping;
      o.useGrouping = ug === undefined ? "auto" : ug === false || ug === "false" ? false : ug === true ? "always" : String(ug);
      o.notation = "standard";
      o.signDisplay = opt(options, "signDisplay", ["auto", "never", "always", "exceptZero", "negative"], "auto");
      this.#o = o;
    }

    #bound;
    get format() { return this.#bound || (this.#bound = (n) => this.formatToParts(n).map((p) => p.value).join("")); }

    formatToParts(n) {
      const o = this.#o;
      let x = typeof n === "bigint" ? Number(n) : Number(n);
      const parts = [];
      const push = (type, value) => parts.push({ type, value });
      if (Number.isNaN(x)) { push("nan", "NaN"); return parts; }
      let neg = x < 0 || Object.is(x, -0);
      if (o.style === "percent") x *= 100;
      let body;
      if (!isFinite(x)) body = [["infinity", "∞"]];
      else {
        let digits;
        if (o.maximumSignificantDigits !== undefined) {
          digits = Math.abs(x).toPrecision(o.maximumSignificantDigits);
          if (digits.includes("e")) digits = Number(digits).toFixed(0);
          if (digits.includes(".")) digits = digits.replace(/0+$/, "").replace(/\.$/, "");
        } else {
          digits = native.toFixed(Math.abs(x), o.maximumFractionDigits);
          if (digits.includes(".")) {
            let [i, f] = digits.split(".");
            while (f.length > o.minimumFractionDigits && f.endsWith("0")) f = f.slice(0, -1);
            digits = f ? i + "." + f : i;
          }
        }
        let [ip, fp] = digits.split(".");
        if (o.minimumFractionDigits && (fp || "").length < o.minimumFractionDigits) fp = (fp || "").padEnd(o.minimumFractionDigits, "0");
        ip = ip.padStart(o.minimumIntegerDigits, "0");
        body = [];
        const grouped = o.useGrouping === false || (o.useGrouping === "min2" && ip.length < 5) ? ip : group(ip);
        grouped.split(",").forEach((g, i) => { if (i > 0) body.push(["group", ","]); body.push(["integer", g]); });
        if (fp) { body.push(["decimal", "."]); body.push(["fraction", fp]); }
      }
      const zero = body.length && body.every(([t, v]) => t !== "integer" && t !== "fraction" || /^0*$/.test(v));
      const sd = o.signDisplay;
      const accounting = o.style === "currency" && o.currencySign === "accounting";
      let sign = "";
      if (neg && sd !== "never" && !((sd === "exceptZero" || sd === "negative") && zero)) sign = "-";
      else if (!neg && (sd === "always" || (sd === "exceptZero" && !zero))) sign = "+";
      if (sign === "-" && accounting) push("literal", "(");
      else if (sign) push(sign === "-" ? "minusSign" : "plusSign", sign);
      if (o.style === "currency") {
        const sym = o.currencyDisplay === "code" ? o.currency + "\u00a0" : o.currencyDisplay === "narrowSymbol" ? (currencySymbols[o.currency] || o.currency).replace(/^[A-Z]+(?=\W)/, "") : currencySymbols[o.currency] || o.currency + "\u00a0";
        push("currency", sym.replace(/\u00a0$/, ""));
        if (sym.endsWith("\u00a0")) push("literal", "\u00a0");
      }
      for (const [t, v] of body) push(t, v);
      if (o.style === "percent") push("percentSign", "%");
      if (sign === "-" && accounting) push("literal", ")");
      return parts;
    }

    resolvedOptions() { return Object.assign({}, this.#o); }

    
  }

  H.install(Intl, "NumberFormat", H.callable(NumberFormat));
})
