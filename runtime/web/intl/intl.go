// Intl (ECMA-402): Install runs the files of js/ in order (doc.go says
// which owns what) over the Go helpers of this package: locale
// negotiation and CLDR data (natives.go, names.go, package locale),
// collation (collate.go), segmentation (segment.go), case mapping
// (casing.go), time zones, and the formatting constructors' Go side
// (fmt.go over packages cldr, number, datetime and plural).
package intl

import (
	"embed"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"edgedev/runtime/module"
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
	fmtSharedFile     = module.NewJSFile("edgedev:intl/fmtshared.js", mustRead("js/fmtshared.js"))
)

func mustRead(name string) string {
	b, err := jsFiles.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

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
	installFormatters(vm, n)
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
	fmtShared, err := fmtSharedFile.Load(vm)
	if err != nil {
		return err
	}
	fmtH, err := fmtShared(goja.Undefined(), native, shared)
	if err != nil {
		return err
	}
	for i := 2; i < len(fs); i++ {
		if _, err := run(i, native, shared, intlObj, fmtH); err != nil {
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
