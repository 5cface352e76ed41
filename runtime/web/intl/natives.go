package intl

import (
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/web/intl/locale"
	"edgedev/runtime/webidl"
)

// invalidTag is V8's RangeError text for a malformed language tag.
const invalidTag = "Incorrect locale information provided"

// installLocaleNatives adds the Go side of locale negotiation and
// Intl.Locale to n (common.js, intl.js and locale.js call them).
func installLocaleNatives(vm *goja.Runtime, n *module.Natives) {
	strs := func(v goja.Value) []string {
		var out []string
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return out
		}
		vm.ForOf(v, func(x goja.Value) bool {
			out = append(out, x.String())
			return true
		})
		return out
	}
	arr := func(l []string) goja.Value {
		a := make([]any, len(l))
		for i, s := range l {
			a[i] = s
		}
		return vm.NewArray(a...)
	}
	orNull := func(s string, present bool) any {
		if !present {
			return nil
		}
		return s
	}
	matcher := func(v goja.Value) locale.Matcher {
		if v.String() == "lookup" {
			return locale.Lookup
		}
		return locale.BestFit
	}
	canon := func(tag string, forLocale bool) string {
		c, err := locale.Canonicalize(tag)
		if err != nil {
			// V8's texts: Intl.Locale's, and every locale list's.
			if forLocale {
				panic(webidl.NewRangeError(vm, invalidTag))
			}
			panic(webidl.NewRangeError(vm, "Invalid language tag: "+tag))
		}
		return c
	}
	set := n.Func

	// canonicalize(tag, forLocale): CanonicalizeUnicodeLocaleId, or a
	// RangeError (worded for Intl.Locale when forLocale).
	set("canonicalize", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(canon(c.Argument(0).String(), c.Argument(1).ToBoolean()))
	})
	// resolveLocale(requested, matcher, "k1 k2", [v1, v2], service):
	// [locale, dataLocale, value of k1 or null, ...].
	set("resolveLocale", func(c goja.FunctionCall) goja.Value {
		req := strs(c.Argument(0))
		keys := strings.Fields(c.Argument(2).String())
		opts := map[string]string{}
		if vals := c.Argument(3); !goja.IsUndefined(vals) {
			o := vals.ToObject(vm)
			for i, k := range keys {
				v := o.Get(itoa(i))
				if v != nil && !goja.IsUndefined(v) {
					opts[k] = v.String()
				}
			}
		}
		r := locale.ResolveLocaleIn(locale.ServiceByName(c.Argument(4).String()), req, matcher(c.Argument(1)), keys, opts, nil)
		out := []any{r.Locale, r.DataLocale}
		for _, k := range keys {
			v := r.Values[k]
			out = append(out, orNull(v, v != ""))
		}
		return vm.NewArray(out...)
	})
	set("supportedLocales", func(c goja.FunctionCall) goja.Value {
		return arr(locale.SupportedLocalesIn(locale.ServiceByName(c.Argument(2).String()), strs(c.Argument(0)), matcher(c.Argument(1))))
	})
	set("supportedValues", func(c goja.FunctionCall) goja.Value {
		switch c.Argument(0).String() {
		case "calendar":
			return arr(locale.SupportedCalendars())
		case "collation":
			return arr(locale.AllCollations())
		case "currency":
			return arr(locale.SupportedCurrencies())
		case "numberingSystem":
			return arr(locale.NumberingSystems())
		case "timeZone":
			return arr(locale.AllTimeZones())
		case "unit":
			return arr(sanctionedUnits)
		}
		return arr(nil)
	})
	// localeParts(canonicalTag): [baseName, language, script, region, variants].
	set("localeParts", func(c goja.FunctionCall) goja.Value {
		id, err := locale.Parse(c.Argument(0).String())
		if err != nil {
			panic(webidl.NewRangeError(vm, invalidTag))
		}
		return vm.NewArray(id.BaseName(), id.Language, orNull(id.Script, id.Script != ""), orNull(id.Region, id.Region != ""), orNull(strings.Join(id.Variants, "-"), len(id.Variants) > 0))
	})
	// makeLocale(tag, language, script, region, variants, [ca co fw hc kf kn nu]):
	// Intl.Locale's UpdateLanguageId and MakeLocaleRecord, giving
	// [locale, baseName, language, script, region, variants, ca, co, fw, hc, kf, kn, nu]
	// (null for a key that is absent).
	set("makeLocale", func(c goja.FunctionCall) goja.Value {
		id, err := locale.Parse(c.Argument(0).String())
		if err != nil {
			panic(webidl.NewRangeError(vm, invalidTag))
		}
		str := func(i int) (string, bool) {
			v := c.Argument(i)
			if goja.IsUndefined(v) {
				return "", false
			}
			return v.String(), true
		}
		lang, _ := str(1)
		if l, err := locale.Parse(lang); err != nil || l.BaseName() != strings.ToLower(lang) || l.Script != "" || l.Region != "" || len(l.Variants) > 0 {
			panic(webidl.NewRangeError(vm, invalidTag))
		}
		id.Language = strings.ToLower(lang)
		if s, ok := str(2); ok {
			if !isScriptSubtag(s) {
				panic(webidl.NewRangeError(vm, invalidTag))
			}
			id.Script = s
		}
		if r, ok := str(3); ok {
			if !isRegionSubtag(r) {
				panic(webidl.NewRangeError(vm, invalidTag))
			}
			id.Region = r
		}
		if v, ok := str(4); ok {
			vs, valid := parseVariants(v)
			if !valid {
				panic(webidl.NewRangeError(vm, invalidTag))
			}
			id.Variants = vs
		}
		keys := []string{"ca", "co", "fw", "hc", "kf", "kn", "nu"}
		vals := c.Argument(5).ToObject(vm)
		for i, k := range keys {
			v := vals.Get(itoa(i))
			if v == nil || goja.IsUndefined(v) {
				continue
			}
			id.SetKeyword(k, locale.CanonicalizeUValue(k, v.String()), false)
		}
		// Re-parse so the case and order of what the options gave are
		// checked and canonical.
		tag, err := locale.Canonicalize(id.String())
		if err != nil {
			panic(webidl.NewRangeError(vm, invalidTag))
		}
		id, _ = locale.Parse(tag)
		out := []any{tag, id.BaseName(), id.Language, orNull(id.Script, id.Script != ""), orNull(id.Region, id.Region != ""), orNull(strings.Join(id.Variants, "-"), len(id.Variants) > 0)}
		for _, k := range keys {
			v, ok := id.Keyword(k)
			out = append(out, orNull(v, ok))
		}
		return vm.NewArray(out...)
	})
	set("maximize", func(c goja.FunctionCall) goja.Value {
		id, err := locale.Parse(c.Argument(0).String())
		if err != nil {
			panic(webidl.NewRangeError(vm, invalidTag))
		}
		return vm.ToValue(locale.Maximize(id).String())
	})
	set("minimize", func(c goja.FunctionCall) goja.Value {
		id, err := locale.Parse(c.Argument(0).String())
		if err != nil {
			panic(webidl.NewRangeError(vm, invalidTag))
		}
		return vm.ToValue(locale.Minimize(id).String())
	})
	// localeInfo(what, tag): the Intl Locale Info getters' data.
	set("localeInfo", func(c goja.FunctionCall) goja.Value {
		tag := c.Argument(1).String()
		switch c.Argument(0).String() {
		case "calendars":
			return arr(locale.Calendars(tag))
		case "collations":
			return arr(locale.Collations(tag))
		case "hourCycles":
			return arr([]string{locale.HourCycle(tag)})
		case "numberingSystems":
			return arr([]string{locale.NumberingSystem(tag)})
		case "timeZones":
			id, _ := locale.Parse(tag)
			return arr(locale.TimeZones(id.Region))
		case "textInfo":
			if locale.IsRightToLeft(tag) {
				return vm.ToValue("rtl")
			}
			return vm.ToValue("ltr")
		case "weekInfo":
			w := locale.WeekInfo(tag)
			out := []any{w.FirstDay, w.MinimalDays}
			for _, d := range w.Weekend {
				out = append(out, d)
			}
			return vm.NewArray(out...)
		}
		return goja.Undefined()
	})
}

func itoa(i int) string { return strconv.Itoa(i) }

func isScriptSubtag(s string) bool {
	id, err := locale.Parse("und-" + s)
	return err == nil && len(s) == 4 && id.Script != "" && id.Region == "" && len(id.Variants) == 0 && len(id.Keywords) == 0
}

func isRegionSubtag(s string) bool {
	id, err := locale.Parse("und-" + s)
	return err == nil && (len(s) == 2 || len(s) == 3) && id.Region != "" && len(id.Variants) == 0
}

func parseVariants(s string) ([]string, bool) {
	id, err := locale.Parse("und-" + s)
	if err != nil || id.Script != "" || id.Region != "" || len(id.Variants) == 0 || id.BaseName() != "und-"+strings.ToLower(s) {
		return nil, false
	}
	return id.Variants, true
}

// sanctionedUnits is ECMA-402's table of sanctioned single units (§6.6.2).
var sanctionedUnits = []string{
	"acre", "bit", "byte", "celsius", "centimeter", "day", "degree", "fahrenheit", "fluid-ounce", "foot",
	"gallon", "gigabit", "gigabyte", "gram", "hectare", "hour", "inch", "kilobit", "kilobyte", "kilogram",
	"kilometer", "liter", "megabit", "megabyte", "meter", "microsecond", "mile", "mile-scandinavian",
	"milliliter", "millimeter", "millisecond", "minute", "month", "nanosecond", "ounce", "percent",
	"petabyte", "pound", "second", "stone", "terabit", "terabyte", "week", "yard", "year",
}
