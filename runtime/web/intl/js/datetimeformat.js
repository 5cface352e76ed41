// Intl.DateTimeFormat (ECMA-402 §11) over the Go formatter in
// runtime/web/intl/datetime (CLDR skeleton matching, time zones from Go's
// tz data), and Date.prototype.toLocaleString / toLocaleDateString /
// toLocaleTimeString.
//
// This file is one function expression; Go calls it with native, the Intl
// object and the shared helpers (fmtshared.js).
(function (native, H, Intl, h) {
  "use strict";

  const slots = new WeakMap();
  const internal = (dtf, what) => {
    let o = dtf !== null && (typeof dtf === "object" || typeof dtf === "function") ? slots.get(dtf) : undefined;
    if (!o && dtf !== null && typeof dtf === "object" && dtf instanceof Intl.DateTimeFormat) o = slots.get(dtf[legacySym]);
    if (!o) throw new TypeError(`Method Intl.DateTimeFormat.prototype.${what} called on incompatible receiver ${typeof dtf === "object" || typeof dtf === "function" ? "#<Object>" : String(dtf)}`);
    return o;
  };

  const text = ["narrow", "short", "long"];
  const num = ["2-digit", "numeric"];
  const components = [
    ["weekday", text], ["era", text], ["year", num], ["month", [...num, ...text]], ["day", num], ["dayPeriod", text],
    ["hour", num], ["minute", num], ["second", num], ["fractionalSecondDigits", null],
    ["timeZoneName", ["short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"]],
  ];

  function timeZoneOf(tz) {
    if (tz === undefined) return "UTC";
    return native.fmtTimeZone(H.ToString(tz));
  }

  function create(dtf, locales, options, required, defaults) {
    const requested = H.CanonicalizeLocaleList(locales);
    options = h.coerceOptions(options);
    const matcher = h.getOption(options, "localeMatcher", "string", ["lookup", "best fit"], "best fit");
    const calendar = h.getOption(options, "calendar", "string", undefined, undefined);
    if (calendar !== undefined && !h.typeSequence.test(calendar)) throw new RangeError(`Invalid calendar : ${calendar}`);
    const nu = h.getOption(options, "numberingSystem", "string", undefined, undefined);
    if (nu !== undefined && !h.typeSequence.test(nu)) throw new RangeError(`Invalid numberingSystem : ${nu}`);
    const hour12 = h.getOption(options, "hour12", "boolean", undefined, undefined);
    let hourCycle = h.getOption(options, "hourCycle", "string", ["h11", "h12", "h23", "h24"], undefined);
    if (hour12 !== undefined) hourCycle = null;
    const r = h.resolve(requested, { localeMatcher: matcher, ca: calendar, hc: hourCycle, nu }, ["ca", "hc", "nu"]);
    let locale = r.locale;
    // only the Gregorian calendar is implemented: another one is not reported as taken
    const ca = r.keys.ca;
    if (ca !== "gregory" && ca !== null) locale = locale.replace(/-u-(.*)$/, (m, rest) => { const t = rest.replace(/(^|-)ca-[a-z0-9]+(-[a-z0-9]{3,8})*/, ""); return t ? "-u-" + t.replace(/^-/, "") : ""; });
    if (hour12 !== undefined) locale = locale.replace(/-hc-h[0-9]{2}/, "").replace(/-u$/, "");
    const o = { __proto__: null, locale, data: r.data, lang: r.lang, region: r.region, calendar: "gregory" };
    o.numberingSystem = r.keys.nu && native.numberingSystemOK(r.keys.nu) ? r.keys.nu : r.defaultNu;
    const extHc = hour12 === undefined && ["h11", "h12", "h23", "h24"].includes(r.keys.hc) ? r.keys.hc : undefined;
    o.timeZone = timeZoneOf(options.timeZone);
    const c = Object.create(null);
    for (const [name, values] of components) {
      if (values === null) c[name] = h.getNumberOption(options, name, 1, 3, undefined);
      else c[name] = h.getOption(options, name, "string", values, undefined);
    }
    h.getOption(options, "formatMatcher", "string", ["basic", "best fit"], "best fit");
    const dateStyle = h.getOption(options, "dateStyle", "string", ["full", "long", "medium", "short"], undefined);
    const timeStyle = h.getOption(options, "timeStyle", "string", ["full", "long", "medium", "short"], undefined);
    if (dateStyle !== undefined || timeStyle !== undefined) {
      const explicit = components.find(([n]) => c[n] !== undefined);
      if (explicit) throw new TypeError(`Can't set option ${explicit[0]} when ${dateStyle !== undefined ? "dateStyle" : "timeStyle"} is used`);
      if (required === "date" && timeStyle !== undefined) throw new TypeError("Invalid option : timeStyle");
      if (required === "time" && dateStyle !== undefined) throw new TypeError("Invalid option : dateStyle");
      o.dateStyle = dateStyle; o.timeStyle = timeStyle;
    } else {
      let needDefaults = true;
      if (required === "date" || required === "any") for (const k of ["weekday", "year", "month", "day"]) if (c[k] !== undefined) needDefaults = false;
      if (required === "time" || required === "any") for (const k of ["dayPeriod", "hour", "minute", "second", "fractionalSecondDigits"]) if (c[k] !== undefined) needDefaults = false;
      if (needDefaults && (defaults === "date" || defaults === "all")) c.year = c.month = c.day = "numeric";
      if (needDefaults && (defaults === "time" || defaults === "all")) c.hour = c.minute = c.second = "numeric";
    }
    // the hour cycle
    const hcDefault = r.hourCycle;
    let hc = extHc;
    if (hour12 === true) hc = r.hourCycle12;
    else if (hour12 === false) hc = "h23";
    if (hc === undefined) hc = hcDefault;
    const req = Object.assign(Object.create(null), { data: o.data, lang: o.lang, region: o.region, numberingSystem: o.numberingSystem, timeZone: o.timeZone, hourCycle: hc, dateStyle, timeStyle }, c);
    const res = native.dtfNew(req);
    o.handle = res.handle;
    o.pattern = res.pattern;
    o.resolved = res;
    o.hasHour = res.hourCycle !== undefined || (timeStyle !== undefined);
    o.hourCycle = res.hourCycle !== undefined ? res.hourCycle : (timeStyle !== undefined ? hc : undefined);
    slots.set(dtf, o);
    return dtf;
  }

  // ECMA-402 §4.3 note / ChainNumberFormat, ChainDateTimeFormat: a call without
  // new on an object that inherits from the prototype marks it as legacy-constructed.
  const legacySym = Symbol("IntlLegacyConstructedSymbol");
  function DateTimeFormat(locales = undefined, options = undefined) {
    const self = this;
    const dtf = new.target === undefined ? Object.create(DateTimeFormat.prototype) : this;
    create(dtf, locales, options, "any", "date");
    if (new.target === undefined && self !== null && typeof self === "object" && self instanceof DateTimeFormat) {
      Object.defineProperty(self, legacySym, { value: dtf, writable: false, enumerable: false, configurable: false });
      return self;
    }
    return dtf;
  }
  Object.defineProperty(DateTimeFormat, "prototype", { writable: false, enumerable: false, configurable: false });

  function timeOf(date) {
    const t = date === undefined ? Date.now() : Number(date);
    if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) throw new RangeError("Invalid time value");
    return Math.trunc(t) + 0;
  }

  h.defineBoundGetter(DateTimeFormat, "format", (dtf) => {
    const o = internal(dtf, "format");
    const f = (date) => native.dtfFormat(o.handle, timeOf(date), false);
    Object.defineProperty(f, "name", { value: "" });
    return f;
  });

  const methods = {
    formatToParts(date) { const o = internal(this, "formatToParts"); return native.dtfFormat(o.handle, timeOf(date), true); },
    formatRange(start, end) {
      const o = internal(this, "formatRange");
      if (start === undefined || end === undefined) throw new TypeError("startDate or endDate is undefined");
      return native.dtfRange(o.handle, timeOf(start), timeOf(end), false);
    },
    formatRangeToParts(start, end) {
      const o = internal(this, "formatRangeToParts");
      if (start === undefined || end === undefined) throw new TypeError("startDate or endDate is undefined");
      return native.dtfRange(o.handle, timeOf(start), timeOf(end), true);
    },
    resolvedOptions() {
      const o = internal(this, "resolvedOptions");
      const r = { locale: o.locale, calendar: o.calendar, numberingSystem: o.numberingSystem, timeZone: o.timeZone };
      if (o.hourCycle !== undefined) { r.hourCycle = o.hourCycle; r.hour12 = o.hourCycle === "h11" || o.hourCycle === "h12"; }
      if (o.dateStyle === undefined && o.timeStyle === undefined) {
        for (const [k] of components) if (o.resolved[k] !== undefined) r[k] = o.resolved[k];
      }
      if (o.dateStyle !== undefined) r.dateStyle = o.dateStyle;
      if (o.timeStyle !== undefined) r.timeStyle = o.timeStyle;
      return r;
    },
  };
  for (const [k, fn] of Object.entries(methods)) {
    Object.defineProperty(DateTimeFormat.prototype, k, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  Object.defineProperty(DateTimeFormat, "supportedLocalesOf", {
    value: { supportedLocalesOf(locales, options = undefined) { return H.SupportedLocales(H.CanonicalizeLocaleList(locales), options); } }.supportedLocalesOf,
    writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(DateTimeFormat.prototype, "constructor", { value: DateTimeFormat, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(DateTimeFormat.prototype, Symbol.toStringTag, { value: "Intl.DateTimeFormat", configurable: true });
  Object.defineProperty(Intl, "DateTimeFormat", { value: DateTimeFormat, writable: true, enumerable: false, configurable: true });

  const cache = new Map();
  function localeString(self, locales, options, required, defaults, what) {
    if (!(self instanceof Date)) throw new TypeError(`this is not a Date object.`);
    const t = Date.prototype.getTime.call(self);
    if (Number.isNaN(t)) return "Invalid Date";
    let f;
    if (locales === undefined && options === undefined) {
      f = cache.get(what);
      if (!f) { f = Object.create(DateTimeFormat.prototype); create(f, undefined, undefined, required, defaults); cache.set(what, f); }
    } else {
      f = Object.create(DateTimeFormat.prototype);
      create(f, locales, options, required, defaults);
    }
    return native.dtfFormat(slots.get(f).handle, t, false);
  }
  const dateMethods = {
    toLocaleString(locales = undefined, options = undefined) { return localeString(this, locales, options, "any", "all", "s"); },
    toLocaleDateString(locales = undefined, options = undefined) { return localeString(this, locales, options, "date", "date", "d"); },
    toLocaleTimeString(locales = undefined, options = undefined) { return localeString(this, locales, options, "time", "time", "t"); },
  };
  for (const [k, fn] of Object.entries(dateMethods)) {
    Object.defineProperty(Date.prototype, k, { value: fn, writable: true, enumerable: false, configurable: true });
  }
  return DateTimeFormat;
})
