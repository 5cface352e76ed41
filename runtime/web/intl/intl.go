// Intl (ECMA-402): Install runs the files of js/ in order (doc.go says
// which owns what) over the Go helpers of this package: locale
// negotiation and CLDR data (natives.go, names.go, package locale),
// collation (collate.go), segmentation (segment.go), case mapping
// (casing.go), and time zones and decimal rounding for the en-US
// DateTimeFormat and NumberFormat.
package intl

import (
	"embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
	"edgedev/runtime/webidl"
)

//go:embed localecompare.js
var localeCompareJS string

//go:embed js/*.js
var jsFiles embed.FS

// files are the JS files in the order Install runs them: common.js gives
// the shared helpers, intl.js the namespace object, and each of the rest
// defines its constructors on it (doc.go says which file owns what).
var files = []string{
	"common", "intl", "locale",
	"collator", "casing", "segmenter", "listformat", "displaynames",
	"datetimeformat", "numberformat", "pluralrules", "relativetimeformat",
}

var (
	loaded = sync.OnceValue(func() []*module.JSFile {
		out := make([]*module.JSFile, len(files))
		for i, f := range files {
			src, err := jsFiles.ReadFile("js/" + f + ".js")
			if err != nil {
				panic(err)
			}
			out[i] = module.NewJSFile("edgedev:intl/"+f+".js", string(src))
		}
		return out
	})
	localeCompareFile = module.NewJSFile("edgedev:localecompare.js", localeCompareJS)
)

// Install defines the global Intl in h's runtime and replaces
// String.prototype.localeCompare with a collating one. It only needs h.VM.
func Install(h module.Host) error {
	vm := h.VM()
	n := module.NewNatives(vm)
	installLocaleNatives(vm, n)
	installCollateNatives(vm, n)
	installCaseNatives(vm, n)
	installSegmentNatives(vm, n)
	installNameNatives(vm, n)
	installCodeNatives(vm, n)
	set := n.Func
	set("timeZone", func(c goja.FunctionCall) goja.Value {
		name := c.Argument(0).String()
		loc, err := loadZone(name)
		if err != nil {
			panic(vm.NewGoError(err))
		}
		if loc == nil {
			panic(webidl.NewRangeError(vm, "Invalid time zone specified: "+name))
		}
		return vm.ToValue(loc.String())
	})
	set("dateParts", func(c goja.FunctionCall) goja.Value {
		ms := c.Argument(0).ToFloat()
		loc, _ := loadZone(c.Argument(1).String())
		if loc == nil {
			loc = time.UTC
		}
		t := time.UnixMilli(int64(math.Floor(ms))).In(loc)
		abbr, _ := t.Zone()
		return vm.NewArray(t.Year(), int(t.Month()), t.Day(), t.Hour(), t.Minute(), t.Second(),
			t.Nanosecond()/1e6, int(t.Weekday()), abbr)
	})
	set("toFixed", func(c goja.FunctionCall) goja.Value {
		return vm.ToValue(roundDecimal(c.Argument(0).ToFloat(), int(c.Argument(1).ToInteger())))
	})
	native := n.Object()
	fs := loaded()
	run := func(i int, args ...goja.Value) (goja.Value, error) {
		fn, err := fs[i].Load(vm)
		if err != nil {
			return nil, err
		}
		return fn(goja.Undefined(), args...)
	}
	shared, err := run(0, native)
	if err != nil {
		return err
	}
	intlObj, err := run(1, native, shared)
	if err != nil {
		return err
	}
	for i := 2; i < len(fs); i++ {
		if _, err := run(i, native, shared, intlObj); err != nil {
			return err
		}
	}
	return vm.GlobalObject().DefineDataProperty("Intl", intlObj, goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE)
}

// InstallLocaleCompareStub replaces String.prototype.localeCompare with a
// stand-in whose first call sets Intl up (reading the lazy global Intl runs
// Install, which puts the collating localeCompare in place) and then calls
// it. The runtime runs it after every global is defined, so a worker that
// never compares strings never pays for Intl.
func InstallLocaleCompareStub(h module.Host) error {
	vm := h.VM()
	fn, err := localeCompareFile.Load(vm)
	if err != nil {
		return err
	}
	_, err = fn(goja.Undefined(), vm.GlobalObject())
	return err
}

// loadZone resolves an IANA time zone name as Intl does (UTC aliases
// included); nil, nil means there is no such zone.
func loadZone(name string) (*time.Location, error) {
	switch strings.ToUpper(name) {
	case "UTC", "ETC/UTC", "GMT", "ETC/GMT", "Z", "ZULU", "UCT", "ETC/UCT", "UNIVERSAL", "ETC/UNIVERSAL":
		return time.UTC, nil
	}
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "..") || strings.EqualFold(name, "local") {
		return nil, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, nil
	}
	return loc, nil
}

// roundDecimal formats |x| with exactly digits fraction digits, rounding
// the shortest decimal that round-trips x half away from zero, as ICU does
// (so 1.005 gives "1.01", where JS's toFixed gives "1.00").
func roundDecimal(x float64, digits int) string {
	x = math.Abs(x)
	s := strconv.FormatFloat(x, 'f', -1, 64)
	ip, fp, _ := strings.Cut(s, ".")
	if len(fp) <= digits {
		if digits == 0 {
			return ip
		}
		return ip + "." + fp + strings.Repeat("0", digits-len(fp))
	}
	all := []byte(ip + fp[:digits])
	if fp[digits] >= '5' {
		i := len(all) - 1
		for ; i >= 0; i-- {
			if all[i] == '9' {
				all[i] = '0'
				continue
			}
			all[i]++
			break
		}
		if i < 0 {
			all = append([]byte{'1'}, all...)
		}
	}
	n := len(all) - digits
	if digits == 0 {
		return string(all)
	}
	return string(all[:n]) + "." + string(all[n:])
}
