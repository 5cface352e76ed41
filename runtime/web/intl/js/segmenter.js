// Intl.Segmenter (ECMA-402 §18): grapheme, word and sentence boundaries
// from Go (segment.go: UAX #29), Segments objects with containing() and
// iteration, and %SegmentIteratorPrototype%.
//
// This file is one function expression; Go calls it with native, H
// (common.js) and Intl, and it defines Intl.Segmenter.
(function (native, H, Intl) {
  "use strict";

  // The state of Segments objects and their iterators: { segmenter's
  // granularity, string, ends (lazily), wordLike }.
  const segmentsState = new WeakMap();
  const iteratorState = new WeakMap();
  const WeakMapGet = Function.prototype.call.bind(WeakMap.prototype.get);
  const WeakMapSet = Function.prototype.call.bind(WeakMap.prototype.set);

  class Segmenter {
    #locale;
    #granularity;
    constructor(locales = undefined, options = undefined) {
      if (new.target === undefined) throw new TypeError("Constructor Intl.Segmenter requires 'new'");
      const requested = H.CanonicalizeLocaleList(locales);
      options = H.GetOptionsObject(options);
      const opt = H.record();
      opt.localeMatcher = H.GetLocaleMatcher(options, "Intl.Segmenter");
      const r = H.ResolveLocale(requested, opt, []);
      this.#locale = r.locale;
      this.#granularity = H.GetOption(options, "granularity", "string", ["grapheme", "word", "sentence"], "grapheme", "Intl.Segmenter");
    }

    static #check(s, m) {
      if (s === null || typeof s !== "object" || !(#locale in s)) throw H.incompatible("Intl.Segmenter.prototype." + m, s);
      return s;
    }

    resolvedOptions() {
      const s = Segmenter.#check(this, "resolvedOptions");
      return { locale: s.#locale, granularity: s.#granularity };
    }

    segment(string) {
      const s = Segmenter.#check(this, "segment");
      const str = H.ToString(string);
      const segments = Object.create(SegmentsPrototype);
      WeakMapSet(segmentsState, segments, { granularity: s.#granularity, string: str, ends: undefined, wordLike: undefined });
      return segments;
    }
  }

  // The boundaries of a Segments state, computed on first use.
  function boundaries(st) {
    if (st.ends === undefined) {
      const flat = native.segment(st.string, st.granularity);
      if (st.granularity === "word") {
        const ends = [], wl = [];
        for (let i = 0; i < flat.length; i += 2) { ends[ends.length] = flat[i]; wl[wl.length] = flat[i + 1]; }
        st.ends = ends;
        st.wordLike = wl;
      } else {
        st.ends = flat;
      }
    }
    return st.ends;
  }

  // ECMA-402 CreateSegmentDataObject for segment i of st.
  function segmentData(st, i) {
    const ends = st.ends;
    const start = i === 0 ? 0 : ends[i - 1];
    const end = ends[i];
    const o = { segment: st.string.slice(start, end), index: start, input: st.string };
    if (st.granularity === "word") o.isWordLike = st.wordLike[i];
    return o;
  }

  // The segment containing code unit n (binary search over the ends).
  function segmentAt(ends, n) {
    let lo = 0, hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] <= n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

  const SegmentsPrototype = Object.create(Object.prototype);
  H.methods(SegmentsPrototype, {
    containing(index) {
      const st = this !== null && typeof this === "object" ? WeakMapGet(segmentsState, this) : undefined;
      if (st === undefined) throw H.incompatible("%Segments.prototype%.containing", this);
      let n = +index;
      n = Number.isNaN(n) ? 0 : Math.trunc(n);
      const len = st.string.length;
      if (n < 0 || n >= len) return undefined;
      const ends = boundaries(st);
      return segmentData(st, segmentAt(ends, n));
    },
  });
  Object.defineProperty(SegmentsPrototype, Symbol.iterator, {
    value: {
      [Symbol.iterator]() {
        const st = this !== null && typeof this === "object" ? WeakMapGet(segmentsState, this) : undefined;
        if (st === undefined) throw H.incompatible("%Segments.prototype%[@@iterator]", this);
        const it = Object.create(SegmentIteratorPrototype);
        WeakMapSet(iteratorState, it, { segments: st, position: 0 });
        return it;
      },
    }[Symbol.iterator],
    writable: true, enumerable: false, configurable: true,
  });

  const SegmentIteratorPrototype = Object.create(IteratorPrototype);
  H.methods(SegmentIteratorPrototype, {
    next() {
      const it = this !== null && typeof this === "object" ? WeakMapGet(iteratorState, this) : undefined;
      if (it === undefined) throw H.incompatible("%SegmentIterator.prototype%.next", this);
      const st = it.segments;
      if (it.position >= st.string.length) return { value: undefined, done: true };
      const ends = boundaries(st);
      const i = segmentAt(ends, it.position);
      it.position = ends[i];
      return { value: segmentData(st, i), done: false };
    },
  });
  Object.defineProperty(SegmentIteratorPrototype, Symbol.toStringTag, { value: "Segmenter String Iterator", writable: false, enumerable: false, configurable: true });

  Object.defineProperty(Segmenter, "prototype", { writable: false });
  H.install(Intl, "Segmenter", H.newOnly(Segmenter, "Segmenter"));
})
