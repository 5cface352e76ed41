// Package intl is the Intl global of a worker (ECMA-402,
// https://tc39.es/ecma402/): JS files in js/, one per constructor or
// family, over Go helpers, with locale negotiation and CLDR 47 data in the
// subpackage locale.
//
// Which file owns what (Install runs them in this order):
//
//	js/common.js             the shared helpers H: CanonicalizeLocaleList, CoerceOptionsToObject,
//	                         GetOptionsObject, GetOption, GetNumberOption, DefaultNumberOption,
//	                         GetBooleanOrStringNumberFormatOption, GetLocaleMatcher, ResolveLocale
//	                         (Go's locale.ResolveLocale), SupportedLocales, supportedLocalesOf,
//	                         install (a constructor onto Intl), callable (callable without new),
//	                         methods, incompatible, gap, missing; the old en-US helpers enOnly/enOpt
//	js/intl.js               the Intl object: getCanonicalLocales, supportedValuesOf
//	js/locale.js             Intl.Locale (sets H.localeTagOf, so locale lists take Locale objects)
//	js/collator.js           Intl.Collator, String.prototype.localeCompare         (intltext)
//	js/casing.js             String.prototype.toLocaleUpperCase/LowerCase          (intltext)
//	js/segmenter.js          Intl.Segmenter                                        (intltext)
//	js/listformat.js         Intl.ListFormat                                       (intltext)
//	js/displaynames.js       Intl.DisplayNames                                     (intltext)
//	js/datetimeformat.js     Intl.DateTimeFormat, Date.prototype.toLocale*String   (intlfmt)
//	js/numberformat.js       Intl.NumberFormat, Number/BigInt toLocaleString       (intlfmt)
//	js/pluralrules.js        Intl.PluralRules                                      (intlfmt)
//	js/relativetimeformat.js Intl.RelativeTimeFormat                               (intlfmt)
//	js/fmtshared.js          the formatting constructors' helpers h (resolve, digit options)    (intlfmt)
//	natives.go               the Go side of common.js, intl.js and locale.js
//	fmt.go                   the Go side of the formatting constructors                          (intlfmt)
//	collate.go               collation (x/text/collate, CLDR 23) and what it lacks, for collator.js
//	segment.go               UAX #29 segmentation (rivo/uniseg) for segmenter.js
//	names.go                 DisplayNames' and ListFormat's CLDR 47 names and patterns
//	casing.go                tr/az/lt/el case mapping (x/text/cases) for casing.js
//	localecompare.js         the stand-ins that make Intl lazy until a string method or toLocaleString needs it
//	intl.go                  Install; time zones
//
// Every file but common.js and intl.js is one function expression called
// as f(native, H, Intl): native is the object of Go functions Install
// builds (module.Natives), H what common.js returns, Intl the namespace
// object. A constructor file defines its class and finishes it with
// H.install(Intl, "Name", C) (supportedLocalesOf, Symbol.toStringTag, the
// property on Intl). A new file is one line in intl.go's files list.
//
// A constructor negotiates its locale as ECMA-402 says:
//
//	const requested = H.CanonicalizeLocaleList(locales);
//	options = H.CoerceOptionsToObject(options);           // or GetOptionsObject
//	const opt = { localeMatcher: H.GetLocaleMatcher(options), nu: ..., ca: ... };
//	const r = H.ResolveLocale(requested, opt, ["ca", "hc", "nu"]);
//	// r.locale: what resolvedOptions().locale reports (with the -u- keys that took effect)
//	// r.dataLocale: the available locale whose CLDR data to use (walk locale.Parent from it)
//	// r.ca, r.hc, r.nu: the keys' values (null where ECMA-402 has null, as hc by default)
//
// An unknown but well-formed tag never throws: it falls back along the
// tag and finally to the default, en-US (workerd's). Only a malformed tag
// is a RangeError ("Incorrect locale information provided", V8's text).
//
// The formatting constructors take a fourth argument, h (js/fmtshared.js),
// and format in Go: package cldr holds CLDR 47's data for every modern
// locale (parent-diffed, flate-compressed per language family, decoded on
// a locale's first use; cldr/gen), package number the number formatter
// (exact decimal rounding, patterns, notations, currencies, units, parts,
// ranges), package datetime the date formatter (ICU's skeleton matching,
// time zones from Go's tz data, intervalFormats), package plural the
// plural rule compiler. testdata/wrangler_cases.json, recorded from
// wrangler dev, checks them against production's ICU 77.
//
// The Go API for the data side (package locale): Canonicalize, Parse (an
// ID with Language, Script, Region, Variants, Keywords ...), Maximize,
// Minimize, IsAvailable, AvailableLocales, Parent, Match, SupportedLocales,
// ResolveLocale (with a KeyValues hook for key data other than
// DefaultKeyValues), Region, Calendars, NumberingSystem, NumberingSystems,
// Digits, HourCycle, WeekInfo, TimeZones, CanonicalTimeZone, IsRightToLeft.
// Its tables come from CLDR by `go generate` (locale/gen).
//
// Imports: goja, golang.org/x/text, runtime/module, runtime/webidl,
// runtime/web/intl/locale and the standard library. Never edgedev/runtime:
// the runtime imports this package and lends it a module.Host.
//
// Data and its versions: locale data is CLDR 47 (package locale, by `go
// generate`); collation is golang.org/x/text/collate's CLDR 23 with the
// fixes collate.go lists; segmentation is UAX #29 of Unicode 15.0; case
// mapping x/text/cases. testdata/wrangler holds what production (wrangler
// 4.86.0: ICU 77) gives for ~200 expressions, compared by TestIntl_Wrangler.
//
// Concurrency: the Intl objects belong to their runtime and are touched
// only on its loop goroutine. The collators are shared by every runtime in
// the process and are not safe for concurrent use, so each comparison holds
// one process-wide lock (comparisons are short). The locale package's
// tables are read-only after their first use (sync.Once), its decompressed
// names are cached under a lock.
package intl
