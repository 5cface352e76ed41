package intl

import (
	"strings"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/web/intl/locale"
)

// installNameNatives adds displayName and listPatterns (DisplayNames and
// ListFormat, over CLDR 47's names in package locale) to n.
func installNameNatives(vm *goja.Runtime, n *module.Natives) {
	// displayName(dataLocale, type, canonicalCode, style, languageDisplay, fallback):
	// the name, or undefined when CLDR has none.
	n.Func("displayName", func(c goja.FunctionCall) goja.Value {
		name, ok := displayName(c.Argument(0).String(), c.Argument(1).String(), c.Argument(2).String(), c.Argument(3).String(), c.Argument(4).String(), c.Argument(5).String() != "none")
		if !ok {
			return goja.Undefined()
		}
		return vm.ToValue(name)
	})
	// listPatterns(dataLocale, type, style): [start, middle, end, two].
	n.Func("listPatterns", func(c goja.FunctionCall) goja.Value {
		l := c.Argument(0).String()
		typ := map[string]string{"conjunction": "standard", "disjunction": "or", "unit": "unit"}[c.Argument(1).String()]
		if s := c.Argument(2).String(); s != "long" {
			typ += "-" + s
		}
		out := make([]any, 4)
		for i, part := range []string{"start", "middle", "end", "2"} {
			v, _ := locale.Name(l, "L", typ+"|"+part)
			out[i] = v
		}
		return vm.NewArray(out...)
	})
}

// calendarTypeNames maps bcp47 calendar ids to CLDR's type names, under
// which CLDR keeps their display names.
var calendarTypeNames = map[string]string{"gregory": "gregorian", "ethioaa": "ethiopic-amete-alem"}

// dateTimeFields maps DisplayNames' dateTimeField codes to CLDR's fields.
var dateTimeFields = map[string]string{
	"era": "era", "year": "year", "quarter": "quarter", "month": "month", "weekOfYear": "week",
	"weekday": "weekday", "day": "day", "dayPeriod": "dayperiod", "hour": "hour", "minute": "minute",
	"second": "second", "timeZoneName": "zone",
}

// displayName is Intl.DisplayNames' of() after the code is checked and
// canonicalized: CLDR's name in l, as V8 (ICU 77) composes it.
func displayName(l, typ, code, style, languageDisplay string, codeFallback bool) (string, bool) {
	short := style != "long"
	lookup := func(cat, key string) (string, bool) {
		if short {
			if v, ok := locale.Name(l, cat, key+"@short"); ok {
				return v, true
			}
		}
		return locale.Name(l, cat, key)
	}
	switch typ {
	case "region":
		return regionName(code, lookup)
	case "script":
		return lookup("s", code)
	case "currency":
		if code == "XXX" { // V8 gives the code for "no currency"
			return "", false
		}
		return locale.Name(l, "c", code)
	case "calendar":
		if t, ok := calendarTypeNames[code]; ok {
			code = t
		}
		return locale.Name(l, "k", code)
	case "dateTimeField":
		f := dateTimeFields[code]
		if style != "long" {
			f += "-" + style
		}
		return locale.Name(l, "f", f)
	case "language":
		return languageName(l, code, languageDisplay == "dialect", codeFallback, lookup)
	}
	return "", false
}

// regionName is a region's name as V8 gives it: looked up by the code as
// given (V8 has no name for "us"), the deprecated codes by their
// replacement ("SU" is Russia), Hong Kong and Macao by their short names
// (Chromium's ICU data), and no name for the numeric (UN M.49) regions but
// Latin America (419).
func regionName(code string, lookup func(cat, key string) (string, bool)) (string, bool) {
	if code == "" || code[0] >= '0' && code[0] <= '9' && code != "419" {
		return "", false
	}
	if code == "HK" || code == "MO" {
		if v, ok := lookup("r", code+"@short"); ok {
			return v, true
		}
	}
	if v, ok := lookup("r", code); ok {
		return v, true
	}
	if code != strings.ToUpper(code) {
		return "", false
	}
	if id, err := locale.Parse("und-" + code); err == nil {
		locale.CanonicalizeID(&id)
		if id.Region != code {
			return lookup("r", id.Region)
		}
	}
	return "", false
}

// languageName composes a language tag's name: the language (or, for
// dialect names, the CLDR name of language-Script-REGION, language-Script
// or language-REGION, whichever the tag has), then the rest in the
// locale's pattern: "Chinese (Traditional, Hong Kong)". ok is false when
// the language has no name, or (without codeFallback) a script or region
// has none; with codeFallback such a part is given by its code.
func languageName(l, code string, dialect, codeFallback bool, lookup func(cat, key string) (string, bool)) (string, bool) {
	if code == "und" {
		return "root", true // ICU's name for und, as V8 gives it
	}
	id, err := locale.Parse(code)
	if err != nil {
		return "", false
	}
	script, region := id.Script, id.Region
	var name string
	found := false
	if dialect {
		key := id.Language
		switch {
		case script != "" && region != "":
			key += "-" + script + "-" + region
		case script != "":
			key += "-" + script
		case region != "":
			key += "-" + region
		}
		if key != id.Language {
			if v, ok := lookup("l", key); ok {
				name, found, script, region = v, true, "", ""
			}
		}
	}
	if !found {
		v, ok := lookup("l", id.Language)
		if !ok {
			return "", false
		}
		name = v
	}
	var rest []string
	if script != "" {
		v, ok := locale.Name(l, "s", script)
		if !ok {
			if !codeFallback {
				return "", false
			}
			v = script
		}
		rest = append(rest, v)
	}
	if region != "" {
		v, ok := regionName(region, lookup)
		if !ok {
			if !codeFallback {
				return "", false
			}
			v = region
		}
		rest = append(rest, v)
	}
	// ICU gives variants by their codes here (V8: "Swiss High German (1996)").
	rest = append(rest, id.Variants...)
	if len(rest) == 0 {
		return name, true
	}
	sep, _ := locale.Name(l, "p", "localeSeparator")
	if sep == "" {
		sep = "{0}, {1}"
	}
	joined := rest[0]
	for _, r := range rest[1:] {
		joined = strings.Replace(strings.Replace(sep, "{0}", joined, 1), "{1}", r, 1)
	}
	pat, _ := locale.Name(l, "p", "localePattern")
	if pat == "" {
		pat = "{0} ({1})"
	}
	return strings.Replace(strings.Replace(pat, "{0}", name, 1), "{1}", joined, 1), true
}

// installCodeNatives adds displayLanguageCode (CanonicalCodeForDisplayNames
// for languages: a unicode_language_id, canonicalized, else undefined) and
// canonicalCalendar to n.
func installCodeNatives(vm *goja.Runtime, n *module.Natives) {
	n.Func("displayLanguageCode", func(c goja.FunctionCall) goja.Value {
		code := c.Argument(0).String()
		id, err := locale.Parse(code)
		if err != nil || id.HasT || len(id.Keywords) > 0 || len(id.Attributes) > 0 || len(id.Others) > 0 || id.Private != "" {
			return goja.Undefined()
		}
		locale.CanonicalizeID(&id)
		return vm.ToValue(id.String())
	})
	n.Func("canonicalCalendar", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(locale.CanonicalizeUValue("ca", c.Argument(0).String()))
	})
}
