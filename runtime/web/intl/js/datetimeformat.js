// Intl.DateTimeFormat for en-US only: format, formatToParts,
// resolvedOptions (timeZone is "UTC" unless one is given; other IANA zones
// come from Go's tz data), dateStyle/timeStyle and the common component
// options. Any other locale is a RangeError. Owned by the intlfmt work,
// which replaces this file.
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.DateTimeFormat.
(function (native, H, Intl) {
  "use strict";

  const locale = H.enOnly, opt = H.enOpt, gap = H.gap;

  // ---- DateTimeFormat ---------------------------------------------------

  const monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const daysLong = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const textWidth = ["narrow", "short", "long"];
  const numWidth = ["numeric", "2-digit"];

  const pad2 = (n) => (n < 10 ? "0" : "") + n;

  class DateTimeFormat {
    #o;
    constructor(locales, options) {
      const loc = locale(locales, "Intl.DateTimeFormat");
      options = options === undefined ? {} : Object(options);
      const o = { locale: loc, calendar: "gregory", numberingSystem: "latn" };
      const tz = options.timeZone === undefined ? "UTC" : native.timeZone(String(options.timeZone));
      o.timeZone = tz;
      o.dateStyle = opt(options, "dateStyle", ["full", "long", "medium", "short"]);
      o.timeStyle = opt(options, "timeStyle", ["full", "long", "medium", "short"]);
      const comps = {
        weekday: opt(options, "weekday", textWidth), era: opt(options, "era", textWidth),
        year: opt(options, "year", numWidth), month: opt(options, "month", [...numWidth, ...textWidth]),
        day: opt(options, "day", numWidth), hour: opt(options, "hour", numWidth),
        minute: opt(options, "minute", numWidth), second: opt(options, "second", numWidth),
        fractionalSecondDigits: options.fractionalSecondDigits === undefined ? undefined : Number(options.fractionalSecondDigits),
        timeZoneName: opt(options, "timeZoneName", ["short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"]),
      };
      const any = Object.keys(comps).some((k) => comps[k] !== undefined);
      if ((o.dateStyle || o.timeStyle) && any) throw new TypeError("Can't set option " + Object.keys(comps).find((k) => comps[k] !== undefined) + " when dateStyle or timeStyle is used");
      if (comps.era) throw gap("Intl.DateTimeFormat option era");
      if (!o.dateStyle && !o.timeStyle && !any) {
        comps.year = "numeric"; comps.month = "numeric"; comps.day = "numeric";
      }
      const hour12 = options.hour12 === undefined ? undefined : !!options.hour12;
      const hc = opt(options, "hourCycle", ["h11", "h12", "h23", "h24"]);
      o.hourCycle = hour12 === undefined ? (hc || "h12") : hour12 ? "h12" : "h23";
      o.hour12 = o.hourCycle === "h12" || o.hourCycle === "h11";
      if (!o.dateStyle && !o.timeStyle) {
        for (const k of Object.keys(comps)) if (comps[k] !== undefined) o[k] = comps[k];
      }
      if (o.hour === undefined && !o.timeStyle) { delete o.hourCycle; delete o.hour12; }
      this.#o = o;
    }

    #bound;
    // format is a getter returning a bound function, as in ECMA-402, so
    // dates.map(dtf.format) works.
    get format() { return this.#bound || (this.#bound = (date) => this.formatToParts(date).map((p) => p.value).join("")); }

    formatToParts(date) {
      const t = date === undefined ? Date.now() : Number(date instanceof Date ? date.getTime() : date);
      if (!isFinite(t)) throw new RangeError("Invalid time value");
      const [year, month, day, hour, minute, second, ms, weekday, abbr] = native.dateParts(t, this.#o.timeZone);
      const o = this.#o;
      const parts = [];
      const lit = (v) => parts.push({ type: "literal", value: v });
      const part = (type, value) => parts.push({ type, value: String(value) });
      const dateOpts = o.dateStyle ? {
        full: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
        long: { month: "long", day: "numeric", year: "numeric" },
        medium: { month: "short", day: "numeric", year: "numeric" },
        short: { month: "numeric", day: "numeric", year: "2-digit" },
      }[o.dateStyle] : o.timeStyle ? {} : o;
      const timeOpts = o.timeStyle ? {
        full: { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "long" },
        long: { hour: "numeric", minute: "2-digit", second: "2-digit", timeZoneName: "short" },
        medium: { hour: "numeric", minute: "2-digit", second: "2-digit" },
        short: { hour: "numeric", minute: "2-digit" },
      }[o.timeStyle] : o.dateStyle ? {} : o;

      const yearStr = dateOpts.year === "2-digit" ? pad2(year % 100) : String(year);
      const hasDate = dateOpts.year || dateOpts.month || dateOpts.day || dateOpts.weekday;
      if (hasDate) {
        const wd = dateOpts.weekday && (dateOpts.weekday === "long" ? daysLong[weekday] : dateOpts.weekday === "short" ? daysLong[weekday].slice(0, 3) : daysLong[weekday][0]);
        const textMonth = dateOpts.month && !numWidth.includes(dateOpts.month);
        if (textMonth || (!dateOpts.month && !dateOpts.day && dateOpts.year === undefined)) {
          const mon = dateOpts.month && (dateOpts.month === "long" ? monthsLong[month - 1] : dateOpts.month === "short" ? monthsLong[month - 1].slice(0, 3) : monthsLong[month - 1][0]);
          if (wd) { part("weekday", wd); if (mon || dateOpts.day || dateOpts.year) lit(", "); }
          if (mon) part("month", mon);
          if (dateOpts.day) { if (mon) lit(" "); part("day", dateOpts.day === "2-digit" ? pad2(day) : day); }
          if (dateOpts.year) { if (dateOpts.day) lit(", "); else if (mon) lit(" "); part("year", yearStr); }
        } else {
          if (wd) { part("weekday", wd); lit(", "); }
          const fields = [];
          if (dateOpts.month) fields.push(["month", dateOpts.month === "2-digit" ? pad2(month) : month]);
          if (dateOpts.day) fields.push(["day", dateOpts.day === "2-digit" ? pad2(day) : day]);
          if (dateOpts.year) fields.push(["year", yearStr]);
          fields.forEach(([type, v], i) => { if (i > 0) lit("/"); part(type, v); });
        }
      }
      const hasTime = timeOpts.hour || timeOpts.minute || timeOpts.second;
      if (hasTime) {
        if (hasDate) lit(o.dateStyle === "full" || o.dateStyle === "long" ? " at " : ", ");
        const cycle = o.hourCycle || "h12";
        let h = hour;
        if (cycle === "h12") h = hour % 12 === 0 ? 12 : hour % 12;
        else if (cycle === "h11") h = hour % 12;
        else if (cycle === "h24") h = hour === 0 ? 24 : hour;
        const twelve = cycle === "h12" || cycle === "h11";
        if (timeOpts.hour) part("hour", timeOpts.hour === "2-digit" || (!twelve && (timeOpts.minute || o.timeStyle)) ? pad2(h) : h);
        if (timeOpts.minute) { if (timeOpts.hour) lit(":"); part("minute", timeOpts.hour || timeOpts.minute === "2-digit" ? pad2(minute) : minute); }
        if (timeOpts.second) { if (timeOpts.hour || timeOpts.minute) lit(":"); part("second", timeOpts.hour || timeOpts.minute || timeOpts.second === "2-digit" ? pad2(second) : second); }
        if (o.fractionalSecondDigits) { lit("."); part("fractionalSecond", String(ms).padStart(3, "0").slice(0, o.fractionalSecondDigits)); }
        if (timeOpts.hour && twelve) { lit(" "); part("dayPeriod", hour < 12 ? "AM" : "PM"); }
      }
      if (timeOpts.timeZoneName) {
        lit(" ");
        const long = timeOpts.timeZoneName.startsWith("long");
        part("timeZoneName", o.timeZone === "UTC" ? (long ? "Coordinated Universal Time" : "UTC") : abbr);
      }
      return parts;
    }

    formatRange() { throw gap("Intl.DateTimeFormat.prototype.formatRange"); }

    resolvedOptions() { return Object.assign({}, this.#o); }

    
  }

  H.install(Intl, "DateTimeFormat", H.callable(DateTimeFormat));
})
