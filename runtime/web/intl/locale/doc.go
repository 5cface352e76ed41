// Package locale is the locale side of ECMA-402 over CLDR data: BCP 47 /
// UTS 35 well-formedness (Parse), canonicalization as ECMA-402's
// CanonicalizeUnicodeLocaleId requires (Canonicalize: case, CLDR's
// supplemental aliases, variant and extension order, -u-/-t- value
// aliases), likely subtags (Maximize, Minimize), the available locales
// (CLDR's modern coverage, their parents and default-content children),
// ResolveLocale with the lookup and best-fit matchers, SupportedLocales,
// the default locale (en-US, as workerd), and the per-locale data of
// Intl.Locale and of the extension keys (calendars, numbering systems,
// hour cycles, collations, week data, time zones, text direction).
//
// Data: tables_gen.go, written by `go generate` (gen/main.go) from the
// CLDR JSON packages on npm: cldr-core, cldr-numbers-full and
// cldr-localenames-full 47.0.0 (CLDR 47, what ICU 77 in production's V8
// carries); cldr-misc-full and cldr-bcp47 at 46.1.0, the newest before 48
// on npm (there is no 47.0.0 of them). Each table is one string of sorted
// lines searched by binary search, so nothing is built at program start.
//
// Imports: the standard library only. Concurrency: everything is
// read-only after first use and safe for concurrent use.
package locale

//go:generate go run ./gen
