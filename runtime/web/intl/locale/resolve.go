package locale

import (
	"sort"
	"strings"
	"sync"
)

// Default is the default locale (ECMA-402 DefaultLocale): workerd's, en-US.
const Default = "en-US"

var availableSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Fields(availableLocales) {
		m[l] = true
	}
	return m
})

// IsAvailable says whether Intl serves the canonical tag l as it is (no
// extensions).
func IsAvailable(l string) bool { return availableSet()[l] }

// AvailableLocales lists the locales Intl serves, sorted: CLDR 47's modern
// coverage, their parents and their default-content children.
func AvailableLocales() []string { return strings.Fields(availableLocales) }

// Parent is CLDR's parent of an available locale ("en-AU" -> "en-001",
// "de-AT" -> "de", "de" -> ""), for data fallback.
func Parent(l string) string {
	if p, ok := parentT.lookup(l); ok {
		if p == "und" || p == "root" {
			return ""
		}
		return p
	}
	if i := strings.LastIndexByte(l, '-'); i > 0 {
		return l[:i]
	}
	return ""
}

// truncate drops the last subtag of a tag, and a singleton left in front
// of it (ECMA-402 LookupMatchingLocaleByPrefix).
func truncate(p string) string {
	i := strings.LastIndexByte(p, '-')
	if i < 0 {
		return ""
	}
	if i >= 2 && p[i-2] == '-' {
		i -= 2
	}
	return p[:i]
}

// stripU removes the -u- extension from a canonical tag, giving the tag
// and the extension (with its leading "-u").
func stripU(tag string) (string, string) {
	parts := strings.Split(tag, "-")
	start := -1
	for i, p := range parts {
		if len(p) == 1 {
			if p == "x" {
				break
			}
			if start >= 0 {
				return strings.Join(append(parts[:start:start], parts[i:]...), "-"), "-" + strings.Join(parts[start:i], "-")
			}
			if p == "u" {
				start = i
			}
		}
	}
	if start < 0 {
		return tag, ""
	}
	end := len(parts)
	for i := start + 1; i < len(parts); i++ {
		if len(parts[i]) == 1 {
			end = i
			break
		}
	}
	return strings.Join(append(parts[:start:start], parts[end:]...), "-"), "-" + strings.Join(parts[start:end], "-")
}

// Services is which available-locale set a constructor negotiates in.
// V8 takes each service's available locales from ICU: most have every
// locale, but the collator only has languages (and a few scripts),
// because ICU's collation data is per language.
type Service int

const (
	General   Service = iota // every available locale
	Collation                // Intl.Collator: languages, language-Script, en-US and fr-CA
)

// ServiceByName maps the names JS uses ("collator") to a Service; any
// other name is General.
func ServiceByName(name string) Service {
	if name == "collator" {
		return Collation
	}
	return General
}

// availableIn says whether the canonical tag l is available to s.
func availableIn(s Service, l string) bool {
	if !IsAvailable(l) {
		return false
	}
	if s == Collation {
		if l == "en-US" || l == "fr-CA" { // the regional collations ICU has
			return true
		}
		id, err := Parse(l)
		return err == nil && id.Region == "" && len(id.Variants) == 0
	}
	return true
}

// Matcher is the localeMatcher option.
type Matcher int

const (
	BestFit Matcher = iota
	Lookup
)

// Match finds the available locale for one canonical requested tag. It
// gives the locale to report, the available locale whose data serves it,
// and the -u- extension of the request ("" if none). ok is false when
// nothing matches (the caller moves on to the next tag or the default).
//
// Lookup is ECMA-402's LookupMatchingLocaleByPrefix. BestFit first takes
// a tag whose likely-subtags form is available ("zh-TW" is served by
// zh-Hant-TW and reported as zh-TW, as V8 does), then does the lookup.
func Match(tag string, m Matcher) (locale, data, ext string, ok bool) {
	return MatchIn(General, tag, m)
}

// MatchIn is Match over the available locales of service s.
func MatchIn(s Service, tag string, m Matcher) (locale, data, ext string, ok bool) {
	IsAvailable := func(l string) bool { return availableIn(s, l) }
	noExt, ext := stripU(tag)
	if m == BestFit && !IsAvailable(noExt) {
		if id, err := Parse(noExt); err == nil && len(id.Variants) == 0 && !id.HasT && len(id.Others) == 0 && id.Private == "" {
			if max, ok := addLikely(id); ok {
				// The full likely form ("zh-Hant-TW" for zh-TW), then the
				// language and script when the script is not the
				// language's own default ("zh-Hant" for zh-TW, not "sr-Cyrl"
				// for sr-RS).
				if full := max.BaseName(); id.Region != "" && IsAvailable(full) {
					return noExt, full, ext, true
				}
				ls := ID{Language: max.Language, Script: max.Script}.BaseName()
				def, _ := addLikely(ID{Language: max.Language})
				if IsAvailable(ls) && (id.Script != "" || def.Script != max.Script) {
					return noExt, ls, ext, true
				}
			}
		}
	}
	for p := noExt; p != ""; p = truncate(p) {
		if IsAvailable(p) {
			return p, p, ext, true
		}
	}
	return "", "", "", false
}

// SupportedLocales is ECMA-402's FilterLocales: the requested canonical
// tags that some available locale serves, in order.
func SupportedLocales(requested []string, m Matcher) []string {
	return SupportedLocalesIn(General, requested, m)
}

// SupportedLocalesIn is SupportedLocales over service s's locales.
func SupportedLocalesIn(s Service, requested []string, m Matcher) []string {
	out := []string{}
	for _, r := range requested {
		if _, _, _, ok := MatchIn(s, r, m); ok {
			out = append(out, r)
		}
	}
	return out
}

// Resolved is what ResolveLocale chose.
type Resolved struct {
	Locale     string            // to report in resolvedOptions().locale, with the -u- keywords that took effect
	DataLocale string            // the available locale whose data to use
	Values     map[string]string // each relevant key's value ("" for none, as hc and co have by default)
}

// KeyValues is a locale's data for one relevant extension key: the values
// it supports, its default first ("" meaning none, as ECMA-402's null).
type KeyValues func(dataLocale, key string) []string

// ResolveLocale is ECMA-402's ResolveLocale. requested holds canonical
// tags (CanonicalizeLocaleList's result), relevant the constructor's
// relevant extension keys in order, options each key's option value where
// the option was given (already a string; it is lower-cased and
// canonicalized here, as the spec does). keyData gives the locale data for
// a key; nil, or a nil answer, uses DefaultKeyValues.
func ResolveLocale(requested []string, m Matcher, relevant []string, options map[string]string, keyData KeyValues) Resolved {
	return ResolveLocaleIn(General, requested, m, relevant, options, keyData)
}

// ResolveLocaleIn is ResolveLocale over service s's available locales.
func ResolveLocaleIn(s Service, requested []string, m Matcher, relevant []string, options map[string]string, keyData KeyValues) Resolved {
	var locale, data, ext string
	found := false
	for _, r := range requested {
		if locale, data, ext, found = MatchIn(s, r, m); found {
			break
		}
	}
	if !found {
		locale, data, ext = Default, Default, ""
	}
	var kws []Keyword
	if ext != "" {
		if id, err := Parse("und" + ext); err == nil {
			kws = id.Keywords
		}
	}
	res := Resolved{DataLocale: data, Values: map[string]string{}}
	var supported []Keyword
	for _, key := range relevant {
		var vals []string
		if keyData != nil {
			vals = keyData(data, key)
		}
		if vals == nil {
			vals = DefaultKeyValues(data, key)
		}
		value := ""
		if len(vals) > 0 {
			value = vals[0]
		}
		var kw *Keyword
		for i := range kws {
			if kws[i].Key == key {
				kw = &kws[i]
				break
			}
		}
		var sk *Keyword
		if kw != nil {
			if kw.Value != "" {
				if contains(vals, kw.Value) {
					value = kw.Value
					sk = &Keyword{key, value}
				}
			} else if contains(vals, "true") {
				value = "true"
				sk = &Keyword{key, ""}
			}
		}
		if ov, ok := options[key]; ok {
			ov = CanonicalizeUValue(key, lower(ov))
			if ov == "" {
				ov = "true"
			}
			if ov != value && contains(vals, ov) {
				value = ov
				sk = nil
			}
		}
		if sk != nil {
			supported = append(supported, *sk)
		}
		res.Values[key] = value
	}
	if len(supported) > 0 {
		id, err := Parse(locale)
		if err == nil {
			id.Keywords = supported
			sort.SliceStable(id.Keywords, func(i, j int) bool { return id.Keywords[i].Key < id.Keywords[j].Key })
			locale = id.String()
		}
	}
	res.Locale = locale
	return res
}

func contains(l []string, s string) bool {
	for _, v := range l {
		if v == s {
			return true
		}
	}
	return false
}

// Region is the region whose data l uses: its -u-rg, its region subtag,
// its -u-sd, or the region of its likely subtags ("de" -> "DE").
func Region(l string) string {
	id, err := Parse(l)
	if err != nil {
		return "001"
	}
	if rg, ok := id.Keyword("rg"); ok && len(rg) >= 3 && isAlpha(rg[:2]) {
		return upper(rg[:2])
	}
	if id.Region != "" {
		return id.Region
	}
	if sd, ok := id.Keyword("sd"); ok && len(sd) >= 3 && isAlpha(sd[:2]) {
		return upper(sd[:2])
	}
	if m, ok := addLikely(id); ok && m.Region != "" {
		return m.Region
	}
	return "001"
}

// DefaultKeyValues is the built-in locale data for the extension keys
// Intl knows: ca (the region's calendars first, then every calendar), nu
// (the locale's numbering system first, then every one with plain
// digits), co (none, then the language's tailorings), hc (none, then
// h11 h12 h23 h24), kf (false lower upper) and kn (false true).
func DefaultKeyValues(dataLocale, key string) []string {
	switch key {
	case "ca":
		pref := Calendars(dataLocale)
		out := append([]string{}, pref...)
		for _, c := range strings.Fields(calendarTypes) {
			if !contains(out, c) {
				out = append(out, c)
			}
		}
		return out
	case "nu":
		out := []string{NumberingSystem(dataLocale)}
		for _, n := range NumberingSystems() {
			if n != out[0] {
				out = append(out, n)
			}
		}
		return out
	case "co":
		return append([]string{""}, Collations(dataLocale)...)
	case "hc":
		return []string{"", "h11", "h12", "h23", "h24"}
	case "kf":
		return []string{"false", "lower", "upper"}
	case "kn":
		return []string{"false", "true"}
	}
	return []string{}
}
