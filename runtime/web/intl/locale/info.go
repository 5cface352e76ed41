package locale

import (
	"sort"
	"strings"
	"sync"
)

// Calendars is Intl.Locale's getCalendars for l: the calendars of l's
// region (its -u-rg or likely region), most preferred first (CLDR
// calendarPreferenceData), or l's own -u-ca.
func Calendars(l string) []string {
	if id, err := Parse(l); err == nil {
		if ca, ok := id.Keyword("ca"); ok && ca != "" {
			return []string{ca}
		}
	}
	r := Region(l)
	if v, ok := calPrefT.lookup(r); ok {
		return strings.Fields(v)
	}
	v, _ := calPrefT.lookup("001")
	return strings.Fields(v)
}

// NumberingSystem is l's default numbering system (CLDR
// defaultNumberingSystem, inherited down the parent chain), or its -u-nu.
func NumberingSystem(l string) string {
	id, err := Parse(l)
	if err != nil {
		return "latn"
	}
	if nu, ok := id.Keyword("nu"); ok && nu != "" {
		if _, ok := digitsT.lookup(nu); ok {
			return nu
		}
	}
	base := id.BaseName()
	for p := base; p != ""; p = Parent(p) {
		if v, ok := numsT.lookup(p); ok {
			return v
		}
		if IsAvailable(p) && p != base {
			// an available ancestor without an entry inherits from its own parent
			continue
		}
	}
	// Not available: go by the best match.
	if _, data, _, ok := Match(base, BestFit); ok && data != base {
		return NumberingSystem(data)
	}
	return "latn"
}

// NumberingSystems lists the numbering systems with plain decimal digits
// (the nu values Intl accepts), sorted.
var NumberingSystems = sync.OnceValue(func() []string {
	var out []string
	digitsT.each(func(k, _ string) { out = append(out, k) })
	sort.Strings(out)
	return out
})

// Digits gives the ten digits of a numeric numbering system, "" if there
// is no such system.
func Digits(nu string) string {
	v, _ := digitsT.lookup(nu)
	return v
}

// collationsByLanguage are the alternate collations CLDR 47 has per
// language (CLDR's collation data is not in cldr-json; this list is taken
// from CLDR's common/collation/*.xml, without "standard" and "search",
// which ECMA-402 leaves out). Every language also has emoji and eor.
var collationsByLanguage = map[string][]string{
	"ar": {"compat"},
	"bn": {"trad"},
	"de": {"phonebk"},
	"es": {"trad"},
	"fi": {"trad"},
	"ja": {"unihan"},
	"kn": {"trad"},
	"ko": {"searchjl", "unihan"},
	"ln": {"phonetic"},
	"sv": {"trad"},
	"vi": {"trad"},
	"zh": {"pinyin", "stroke", "unihan", "zhuyin"},
}

// Collations is Intl.Locale's getCollations: l's -u-co, or the language's
// collations, sorted.
func Collations(l string) []string {
	id, err := Parse(l)
	if err != nil {
		return []string{"emoji", "eor"}
	}
	if co, ok := id.Keyword("co"); ok && co != "" {
		return []string{co}
	}
	list := collationsByLanguage[id.Language]
	if id.Language == "zh" && Maximize(id).Script == "Hant" {
		list = []string{"pinyin", "stroke", "zhuyin"}
	}
	out := append([]string{"emoji", "eor"}, list...)
	sort.Strings(out)
	return out
}

// AllCollations is every collation some available locale has, sorted
// (Intl.supportedValuesOf("collation"): what Intl.Collator accepts).
var AllCollations = sync.OnceValue(func() []string {
	set := map[string]bool{"emoji": true, "eor": true}
	for lang, l := range collationsByLanguage {
		if !IsAvailable(lang) {
			continue
		}
		for _, c := range l {
			set[c] = true
		}
	}
	var out []string
	for c := range set {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
})

// HourCycle is l's preferred hour cycle (h12 or h23, or h11/h24 where
// CLDR prefers K or k), from CLDR timeData for its region, or its -u-hc.
func HourCycle(l string) string {
	id, _ := Parse(l)
	if hc, ok := id.Keyword("hc"); ok && hc != "" {
		return hc
	}
	r := Region(l)
	v, ok := timeDataT.lookup(id.Language + "-" + r)
	if !ok {
		v, ok = timeDataT.lookup(r)
	}
	if !ok {
		v, _ = timeDataT.lookup("001")
	}
	pref, _, _ := strings.Cut(v, " ")
	switch pref {
	case "h":
		return "h12"
	case "K":
		return "h11"
	case "k":
		return "h24"
	}
	return "h23"
}

// TimeZones is Intl.Locale's getTimeZones for a region: its zones by
// their CLDR canonical names (as V8 gives them: "Asia/Calcutta"), sorted;
// nil for a region with none.
func TimeZones(region string) []string {
	want := lower(region)
	if len(want) != 2 {
		return nil
	}
	var out []string
	tzCanonT.each(func(k, v string) {
		if len(k) == 5 && k[:2] == want {
			out = append(out, v)
		}
	})
	sort.Strings(out)
	return out
}

// AllTimeZones is Intl.supportedValuesOf("timeZone") as V8 gives it: the
// canonical names of CLDR's (ICU's) zones with a location, sorted:
// "Asia/Calcutta", not the IANA "Asia/Kolkata"; no UTC or Etc/ zones.
var AllTimeZones = sync.OnceValue(func() []string {
	set := map[string]bool{}
	tzCanonT.each(func(k, v string) {
		if k == "unk" || !strings.Contains(v, "/") || strings.HasPrefix(v, "Etc/") {
			return
		}
		set[v] = true
	})
	var out []string
	for z := range set {
		out = append(out, z)
	}
	sort.Strings(out)
	return out
})

// utcName writes the names of UTC as ECMA-402 does: "UTC".
func utcName(z string) string {
	switch z {
	case "Etc/UTC", "Etc/GMT", "GMT", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu", "Etc/Greenwich", "Greenwich", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0":
		return "UTC"
	}
	return z
}

// CanonicalTimeZone gives the primary IANA name for any name or alias CLDR
// knows, matched without regard to case; ok is false for an unknown name.
func CanonicalTimeZone(name string) (string, bool) {
	idOf := tzLowerIndex()
	id, ok := idOf[strings.ToLower(name)]
	if !ok {
		return "", false
	}
	v, ok := tzIDT.lookup(id)
	return utcName(v), ok
}

var tzLowerIndex = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	tzAliasT.each(func(k, v string) {
		// a deprecated short id points at its preferred one
		if p, ok := uValueAliasT.lookup("tz:" + v); ok {
			v = p
		}
		m[strings.ToLower(k)] = v
	})
	return m
})

// IsRightToLeft says whether l is written right to left (CLDR layout's
// characterOrder, by l's best available match, else by its likely script).
func IsRightToLeft(l string) bool {
	rtl := rtlSet()
	id, err := Parse(l)
	if err != nil {
		return false
	}
	base := id.BaseName()
	if _, data, _, ok := Match(base, BestFit); ok {
		for p := data; p != ""; p = Parent(p) {
			if rtl[p] {
				return true
			}
		}
		return false
	}
	m := Maximize(id)
	switch m.Script {
	case "Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Yezi":
		return true
	}
	return false
}

var rtlSet = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Fields(rightToLeft) {
		m[l] = true
	}
	return m
})

// Week is Intl.Locale's getWeekInfo: the first day (1 = Monday ... 7 =
// Sunday), the weekend days, and the minimal days in the first week.
type Week struct {
	FirstDay    int
	Weekend     []int
	MinimalDays int
}

var dayNumber = map[string]int{"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}

// WeekInfo is CLDR weekData for l's region (or its -u-rg), with -u-fw
// overriding the first day.
func WeekInfo(l string) Week {
	r := Region(l)
	get := func(t *table) string {
		if v, ok := t.lookup(r); ok {
			return v
		}
		v, _ := t.lookup("001")
		return v
	}
	w := Week{FirstDay: dayNumber[get(firstDayT)]}
	if id, err := Parse(l); err == nil {
		if fw, ok := id.Keyword("fw"); ok && dayNumber[fw] != 0 {
			w.FirstDay = dayNumber[fw]
		}
	}
	ws, we := dayNumber[get(weekendStartT)], dayNumber[get(weekendEndT)]
	for d := ws; ; d = d%7 + 1 {
		w.Weekend = append(w.Weekend, d)
		if d == we || len(w.Weekend) == 7 {
			break
		}
	}
	sort.Ints(w.Weekend)
	md := get(minDaysT)
	w.MinimalDays = int(md[0] - '0')
	return w
}

// SupportedCalendars is Intl.supportedValuesOf("calendar"): every calendar
// Intl knows, sorted.
func SupportedCalendars() []string { return strings.Fields(calendarTypes) }

// SupportedCurrencies is Intl.supportedValuesOf("currency"): ICU 77's
// common, non-deprecated ISO 4217 codes (ucurr's list, which CLDR's JSON
// does not carry; taken from production, wrangler 4.86.0), sorted.
func SupportedCurrencies() []string { return append([]string(nil), icuCurrencies...) }

var icuCurrencies = []string{
	"AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD",
	"BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY",
	"COP", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD",
	"FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF", "IDR",
	"ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
	"KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP",
	"MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB",
	"PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
	"SEK", "SGD", "SHP", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
	"TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF",
	"XCD", "XDR", "XOF", "XPF", "XSU", "YER", "ZAR", "ZMW", "ZWL",
}
