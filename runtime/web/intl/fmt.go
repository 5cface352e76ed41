package intl

import (
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/web/intl/cldr"
	"edgedev/runtime/web/intl/datetime"
	"edgedev/runtime/web/intl/locale"
	"edgedev/runtime/web/intl/number"
	"edgedev/runtime/web/intl/plural"
	"edgedev/runtime/webidl"
)

func installFormatters(vm *goja.Runtime, n *module.Natives) {
	str := func(o *goja.Object, k string) string {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return ""
		}
		return v.String()
	}
	num := func(o *goja.Object, k string) int {
		v := o.Get(k)
		if v == nil || goja.IsUndefined(v) {
			return 0
		}
		return int(v.ToInteger())
	}
	n.Func("fmtData", func(c goja.FunctionCall) goja.Value {
		// the CLDR data, language and region behind a resolved data locale
		dl := c.Argument(0).String()
		if i := strings.Index(dl, "-u-"); i >= 0 {
			dl = dl[:i]
		}
		id, err := locale.Parse(dl)
		data := cldr.Best(dl)
		lang := "en"
		if err == nil {
			lang = id.Language
			if id.Script == "" {
				m := locale.Maximize(id)
				if m.Script != "" {
					full := m.Language + "-" + m.Script
					if id.Region != "" {
						full += "-" + id.Region
					}
					if d := cldr.Best(full); d != nil && len(d.Name) > len(data.Name) {
						data = d
					}
				}
			}
		}
		region := locale.Region(dl)
		o := vm.NewObject()
		o.Set("data", data.Name)
		o.Set("lang", lang)
		o.Set("region", region)
		o.Set("defaultNu", data.Get("n/default"))
		o.Set("hourCycle", datetime.DefaultHourCycle(data))
		o.Set("hourCycle12", datetime.HourCycle12(lang, region))
		return o
	})
	n.Func("fmtTimeZone", func(c goja.FunctionCall) goja.Value {
		name := c.Argument(0).String()
		if id, ok := offsetZone(name); ok {
			return vm.ToValue(id)
		}
		if id, ok := locale.V8TimeZone(name); ok {
			return vm.ToValue(id)
		}
		panic(webidl.NewRangeError(vm, "Invalid time zone specified: "+name))
	})
	n.Func("numberingSystemOK", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(cldr.Digits(c.Argument(0).String()) != "")
	})
	n.Func("currencyDigits", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(cldr.CurrencyDigits(strings.ToUpper(c.Argument(0).String())))
	})
	n.Func("nfNew", func(c goja.FunctionCall) goja.Value {
		o := c.Argument(0).ToObject(vm)
		data := cldr.Get(str(o, "data"))
		opts := number.Options{
			Locale: data, Lang: pluralLang(str(o, "data"), str(o, "lang")), NumberingSystem: str(o, "numberingSystem"),
			Style: str(o, "style"), Currency: str(o, "currency"), CurrencyDisplay: str(o, "currencyDisplay"),
			CurrencySign: str(o, "currencySign"), Unit: str(o, "unit"), UnitDisplay: str(o, "unitDisplay"),
			Notation: str(o, "notation"), CompactDisplay: str(o, "compactDisplay"), UseGrouping: str(o, "useGrouping"),
			SignDisplay: str(o, "signDisplay"),
			MinInt:      num(o, "minimumIntegerDigits"), MinFrac: num(o, "minimumFractionDigits"), MaxFrac: num(o, "maximumFractionDigits"),
			MinSig: num(o, "minimumSignificantDigits"), MaxSig: num(o, "maximumSignificantDigits"),
			RoundingType: str(o, "roundingType"), RoundingIncrement: num(o, "roundingIncrement"), RoundingMode: str(o, "roundingMode"),
			TrailingZeroDisplay: str(o, "trailingZeroDisplay"),
		}
		return vm.ToValue(numberFormatters.get(opts, func() *number.Formatter { return number.New(opts) }))
	})
	decimalOf := func(v goja.Value) number.Decimal {
		if v.ExportType() != nil && v.ExportType().String() == "*big.Int" {
			return number.FromBigInt(v.String())
		}
		if s, ok := v.Export().(string); ok {
			d, _ := number.Parse(s)
			return d
		}
		return number.FromFloat(v.ToFloat())
	}
	partsValue := func(ps []number.Part) goja.Value {
		arr := make([]any, len(ps))
		for i, p := range ps {
			o := vm.NewObject()
			o.Set("type", p.Type)
			o.Set("value", p.Value)
			arr[i] = o
		}
		return vm.NewArray(arr...)
	}
	n.Func("nfFormat", func(c goja.FunctionCall) goja.Value {
		f := c.Argument(0).Export().(*number.Formatter)
		d := decimalOf(c.Argument(1))
		if c.Argument(2).ToBoolean() {
			return partsValue(f.FormatToParts(d, nil))
		}
		return vm.ToValue(f.Format(d))
	})
	n.Func("nfRange", func(c goja.FunctionCall) goja.Value {
		f := c.Argument(0).Export().(*number.Formatter)
		a, b := decimalOf(c.Argument(1)), decimalOf(c.Argument(2))
		if a.NaN || b.NaN {
			panic(webidl.NewRangeError(vm, "Invalid number value: NaN"))
		}
		ps := f.FormatRangeToParts(a, b)
		if c.Argument(3).ToBoolean() {
			arr := make([]any, len(ps))
			for i, p := range ps {
				o := vm.NewObject()
				o.Set("type", p.Type)
				o.Set("value", p.Value)
				o.Set("source", p.Source)
				arr[i] = o
			}
			return vm.NewArray(arr...)
		}
		var sb strings.Builder
		for _, p := range ps {
			sb.WriteString(p.Value)
		}
		return vm.ToValue(sb.String())
	})
	n.Func("pluralOf", func(c goja.FunctionCall) goja.Value {
		f := c.Argument(0).Export().(*number.Formatter)
		d := decimalOf(c.Argument(1))
		if c.Argument(2).ToBoolean() {
			return vm.ToValue(f.OrdinalOf(d))
		}
		return vm.ToValue(f.PluralOf(d))
	})
	n.Func("pluralCategories", func(c goja.FunctionCall) goja.Value {
		var r *plural.Rules
		if c.Argument(1).ToBoolean() {
			r = plural.Ordinal(c.Argument(0).String())
		} else {
			r = plural.Cardinal(c.Argument(0).String())
		}
		cats := r.Categories()
		arr := make([]any, len(cats))
		for i, s := range cats {
			arr[i] = s
		}
		return vm.NewArray(arr...)
	})
	n.Func("pluralLocale", func(c goja.FunctionCall) goja.Value {
		loc := c.Argument(0).String()
		if cldr.CardinalRules(loc) != nil {
			return vm.ToValue(loc)
		}
		return c.Argument(1)
	})
	n.Func("pluralRange", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(plural.Range(c.Argument(0).String(), c.Argument(1).String(), c.Argument(2).String()))
	})
	n.Func("dtfNew", func(c goja.FunctionCall) goja.Value {
		o := c.Argument(0).ToObject(vm)
		tzid := str(o, "timeZone")
		var loc *time.Location
		if len(tzid) == 6 && (tzid[0] == '+' || tzid[0] == '-') {
			h, m := int(tzid[1]-'0')*10+int(tzid[2]-'0'), int(tzid[4]-'0')*10+int(tzid[5]-'0')
			off := h*3600 + m*60
			if tzid[0] == '-' {
				off = -off
			}
			loc = time.FixedZone(tzid, off)
		} else if loc, _ = loadZone(tzid); loc == nil {
			loc = time.UTC
		}
		opts := datetime.Options{
			Locale: cldr.Get(str(o, "data")), Lang: str(o, "lang"), Region: str(o, "region"),
			NumberingSystem: str(o, "numberingSystem"), TimeZone: loc, TimeZoneID: tzid,
			DateStyle: str(o, "dateStyle"), TimeStyle: str(o, "timeStyle"), HourCycle: str(o, "hourCycle"),
			Weekday: str(o, "weekday"), Era: str(o, "era"), Year: str(o, "year"), Month: str(o, "month"), Day: str(o, "day"),
			DayPeriod: str(o, "dayPeriod"), Hour: str(o, "hour"), Minute: str(o, "minute"), Second: str(o, "second"),
			TimeZoneName: str(o, "timeZoneName"), FractionalSecondDigits: num(o, "fractionalSecondDigits"),
		}
		f := dateFormatters.get(opts, func() *datetime.Formatter { return datetime.New(opts) })
		comps, hc, frac := f.Resolved()
		res := vm.NewObject()
		for _, kv := range comps {
			res.Set(kv[0], kv[1])
		}
		if frac > 0 {
			res.Set("fractionalSecondDigits", frac)
		}
		if hc != "" {
			res.Set("hourCycle", hc)
		}
		res.Set("handle", f)
		res.Set("pattern", f.Pattern)
		return res
	})
	dtParts := func(ps []datetime.Part, source bool) goja.Value {
		arr := make([]any, len(ps))
		for i, p := range ps {
			o := vm.NewObject()
			o.Set("type", p.Type)
			o.Set("value", p.Value)
			if source {
				o.Set("source", p.Source)
			}
			arr[i] = o
		}
		return vm.NewArray(arr...)
	}
	n.Func("dtfFormat", func(c goja.FunctionCall) goja.Value {
		f := c.Argument(0).Export().(*datetime.Formatter)
		ms := c.Argument(1).ToFloat()
		if c.Argument(2).ToBoolean() {
			return dtParts(f.FormatToParts(ms, nil), false)
		}
		return vm.ToValue(f.Format(ms))
	})
	n.Func("dtfRange", func(c goja.FunctionCall) goja.Value {
		f := c.Argument(0).Export().(*datetime.Formatter)
		ps := f.FormatRangeToParts(c.Argument(1).ToFloat(), c.Argument(2).ToFloat())
		if c.Argument(3).ToBoolean() {
			return dtParts(ps, true)
		}
		var sb strings.Builder
		for _, p := range ps {
			sb.WriteString(p.Value)
		}
		return vm.ToValue(sb.String())
	})
	n.Func("relPatterns", func(c goja.FunctionCall) goja.Value {
		// the CLDR dateFields of a unit: relative-type-N and relativeTime patterns
		l := cldr.Get(c.Argument(0).String())
		m := l.Children("f/" + c.Argument(1).String() + "/")
		o := vm.NewObject()
		for k, v := range m {
			o.Set(k, v)
		}
		return o
	})
}

// offsetZone reads an offset time zone (±HH, ±HHMM, ±HH:MM) as
// ECMA-402 normalizes it ("+05:30"; "-00" is "+00:00").
func offsetZone(s string) (string, bool) {
	if len(s) < 3 || s[0] != '+' && s[0] != '-' {
		return "", false
	}
	d := strings.ReplaceAll(s[1:], ":", "")
	if len(d) != 2 && len(d) != 4 || len(s) == 6 && s[3] != ':' || len(s) == 5 && strings.Contains(s, ":") {
		return "", false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return "", false
		}
	}
	if len(d) == 2 {
		d += "00"
	}
	if d[0] > '2' || d[0] == '2' && d[1] > '3' || d[2] > '5' {
		return "", false
	}
	sign := s[:1]
	if d == "0000" {
		sign = "+"
	}
	return sign + d[:2] + ":" + d[2:], true
}

// pluralLang is the locale whose plural rules apply: the data locale when
// CLDR has rules of its own for it (pt-PT), else the language.
func pluralLang(data, lang string) string {
	if cldr.CardinalRules(data) != nil {
		return data
	}
	return lang
}

// formatterCache keeps the formatters made for each set of options (they
// are immutable and safe for concurrent use), so code that makes a new
// Intl object or calls toLocaleString per value pays for the pattern
// matching once. It stops growing at maxCached entries.
type formatterCache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

const maxCached = 4096

func (c *formatterCache[K, V]) get(k K, make func() V) V {
	c.mu.Lock()
	v, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = make()
	c.mu.Lock()
	if c.m == nil {
		c.m = map[K]V{}
	}
	if len(c.m) < maxCached {
		c.m[k] = v
	}
	c.mu.Unlock()
	return v
}

var (
	numberFormatters formatterCache[number.Options, *number.Formatter]
	dateFormatters   formatterCache[datetime.Options, *datetime.Formatter]
)
