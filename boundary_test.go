package edgedev

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// rule says, for the packages matching pkg, which edgedev packages they may
// import directly, what they must never depend on, directly or not, and,
// for a leaf, the only modules outside the standard library it may reach. A
// pattern ending in "/..." matches the package and everything under it.
type rule struct {
	pkg     string
	imports []string // edgedev packages allowed as direct imports
	never   []string // packages (any module, or the standard library) never to reach
	modules []string // when non-nil: the only third-party modules it may reach (none: the standard library only)
}

// none is an empty allow-list: the standard library only.
var none = []string{}

// leaves are the small packages with no edgedev imports that anything may use.
var leaves = []string{"edgedev/hint", "edgedev/clock", "edgedev/weburl", "edgedev/urlpattern", "edgedev/jsregexp", "edgedev/jspromise"}

// gojaModules is goja and what it pulls in.
var gojaModules = []string{"github.com/dop251/goja/...", "github.com/dlclark/regexp2/...", "github.com/go-sourcemap/sourcemap/...", "github.com/google/pprof/...", "golang.org/x/text/..."}

const (
	goja    = "github.com/dop251/goja/..."
	esbuild = "github.com/evanw/esbuild/..."
	bbolt   = "go.etcd.io/bbolt/..."
	http    = "net/http"
)

// rules is STYLE.md §1 as a table. The shape:
// cmd -> dev -> runtime -> bindings <- bindings/kv -> persist, with every Web
// API family and Node module under runtime on runtime/module only.
var rules = []rule{
	{pkg: "edgedev", imports: nil},
	{pkg: "edgedev/config", imports: []string{"edgedev/hint"}, never: []string{http}, modules: []string{"github.com/BurntSushi/toml/..."}},
	{pkg: "edgedev/bundler", imports: []string{"edgedev/jsregexp"}, modules: []string{esbuild, "golang.org/x/sys/..."}},
	{pkg: "edgedev/persist", imports: []string{"edgedev/hint"}, never: []string{http}, modules: []string{bbolt, "golang.org/x/sys/..."}},
	{pkg: "edgedev/persist/persisttest", imports: []string{"edgedev/persist"}, never: []string{http}, modules: []string{bbolt, "golang.org/x/sys/..."}},
	{pkg: "edgedev/hint", modules: none},
	{pkg: "edgedev/clock", modules: none},
	{pkg: "edgedev/weburl", never: []string{http}, modules: []string{"golang.org/x/net/...", "golang.org/x/text/..."}},
	{pkg: "edgedev/urlpattern", imports: []string{"edgedev/weburl", "edgedev/jsregexp"}, never: []string{http}, modules: []string{"golang.org/x/net/...", "golang.org/x/text/...", "github.com/dlclark/regexp2/..."}},
	{pkg: "edgedev/jsregexp", modules: none},
	{pkg: "edgedev/jspromise", never: []string{http}, modules: gojaModules},
	// The one SQLite engine, set up as workerd sets it up (D1, Durable Object storage).
	{pkg: "edgedev/sqlitefile", never: []string{http, goja}, modules: []string{"github.com/ncruces/...", "github.com/tetratelabs/...", "golang.org/x/sys/..."}},

	// The host interface and the WebIDL chores: nothing of runtime.
	{pkg: "edgedev/runtime/module", never: []string{http, "edgedev/runtime"}, modules: gojaModules},
	{pkg: "edgedev/runtime/webidl", imports: []string{"edgedev/runtime/module", "edgedev/runtime/engine/json"}, never: []string{http, "edgedev/runtime"}, modules: gojaModules},
	// JSON.parse and JSON.stringify: goja only, so webidl's Kit can use them.
	{pkg: "edgedev/runtime/engine/json", imports: none, never: []string{http, "edgedev/runtime"}, modules: gojaModules},
	// A Web API family or an engine shim sees the host through module only.
	{pkg: "edgedev/runtime/engine", imports: append([]string{"edgedev/runtime/module", "edgedev/runtime/webidl", "edgedev/runtime/engine/json"}, leaves...), never: []string{esbuild, bbolt, "edgedev/runtime"}},
	// The locale data of Intl: CLDR tables and BCP 47 code, no goja.
	{pkg: "edgedev/runtime/web/intl/locale", modules: none},
	// The formatting engines of Intl: CLDR 47 data and the Go formatters, no goja.
	{pkg: "edgedev/runtime/web/intl/cldr", modules: none},
	{pkg: "edgedev/runtime/web/intl/plural", imports: []string{"edgedev/runtime/web/intl/cldr"}, modules: none},
	{pkg: "edgedev/runtime/web/intl/number", imports: []string{"edgedev/runtime/web/intl/cldr", "edgedev/runtime/web/intl/plural"}, modules: none},
	{pkg: "edgedev/runtime/web/intl/datetime", imports: []string{"edgedev/runtime/web/intl/cldr"}, modules: none},
	{pkg: "edgedev/runtime/web/...", imports: append([]string{"edgedev/runtime/module", "edgedev/runtime/webidl", "edgedev/runtime/web/..."}, leaves...), never: []string{esbuild, bbolt, "edgedev/runtime"}},
	// A Node module too: its registry (runtime/node) and the modules under
	// it see module, webidl, the Web API families and each other only.
	{pkg: "edgedev/runtime/node/...", imports: append([]string{"edgedev/runtime/module", "edgedev/runtime/webidl", "edgedev/runtime/web/...", "edgedev/runtime/node/..."}, leaves...), never: []string{esbuild, bbolt, "edgedev/runtime", "edgedev/bindings", "edgedev/config"}},
	{pkg: "edgedev/runtime/cloudflare", imports: []string{"edgedev/runtime/module"}, never: []string{esbuild, bbolt, http, "edgedev/runtime", "edgedev/bindings", "edgedev/config"}},
	{pkg: "edgedev/runtime", imports: append([]string{"edgedev/bindings", "edgedev/runtime/module", "edgedev/runtime/webidl", "edgedev/runtime/engine", "edgedev/runtime/web/...", "edgedev/runtime/node", "edgedev/runtime/cloudflare"}, leaves...), never: []string{esbuild, bbolt, "edgedev/config", "edgedev/dev", "edgedev/persist"}},
	{pkg: "edgedev/runtime/runtimetest", imports: []string{"edgedev/runtime", "edgedev/bindings"}, never: []string{esbuild, bbolt}},

	{pkg: "edgedev/bindings", imports: []string{"edgedev/runtime/module", "edgedev/config"}, never: []string{esbuild, bbolt, http, "edgedev/runtime"}},
	// The Durable Object runtime: namespaces, ids, stubs, gates, storage on the one SQLite engine.
	{pkg: "edgedev/durable", imports: append([]string{"edgedev/bindings", "edgedev/config", "edgedev/sqlitefile", "edgedev/runtime/module", "edgedev/runtime/webidl"}, leaves...), never: []string{esbuild, http, "edgedev/runtime", "edgedev/dev"}},
	// builtin and the assets kind reach net/http through package assets
	// only: the asset server speaks HTTP headers (and writes responses for
	// the dev server), which no other kind does.
	{pkg: "edgedev/bindings/builtin", imports: append([]string{"edgedev/bindings", "edgedev/bindings/...", "edgedev/durable", "edgedev/config", "edgedev/persist", "edgedev/assets"}, leaves...), never: []string{esbuild, "edgedev/runtime"}},
	{pkg: "edgedev/bindings/assets", imports: append([]string{"edgedev/bindings", "edgedev/config", "edgedev/assets", "edgedev/runtime/module"}, leaves...), never: []string{esbuild, bbolt, "edgedev/runtime"}},
	{pkg: "edgedev/bindings/...", imports: append([]string{"edgedev/bindings", "edgedev/config", "edgedev/assets", "edgedev/persist", "edgedev/sqlitefile", "edgedev/runtime/module", "edgedev/runtime/webidl", "edgedev/runtime/web/encoding"}, leaves...), never: []string{esbuild, http, "edgedev/runtime"}},
	// The one asset server, for Workers and Pages: no JS, no bindings.
	{pkg: "edgedev/assets", imports: []string{"edgedev/weburl"}, never: []string{goja, esbuild, bbolt, "edgedev/bindings", "edgedev/runtime"}},
	{pkg: "edgedev/pages", imports: []string{"edgedev/assets", "edgedev/bindings", "edgedev/bindings/assets", "edgedev/bundler", "edgedev/weburl", "edgedev/runtime/module"}, never: []string{"edgedev/runtime", "edgedev/dev", "edgedev/persist", "edgedev/cmd/..."}},

	// `edgedev kv` reaches neither the dev server, the host nor the bundler.
	// (goja still comes in with bindings/kv, whose JS wrapper shares its
	// package with the Go API the CLI uses.)
	{pkg: "edgedev/kvcontrol", imports: append([]string{"edgedev/bindings/kv", "edgedev/persist"}, leaves...), never: []string{esbuild, "edgedev/runtime", "edgedev/dev", "edgedev/bundler"}},
	// `edgedev d1` likewise: the D1 control protocol reaches the databases
	// through bindings/d1 and borrows kvcontrol's token and announcement.
	{pkg: "edgedev/d1control", imports: append([]string{"edgedev/bindings/d1", "edgedev/kvcontrol"}, leaves...), never: []string{esbuild, "edgedev/runtime", "edgedev/dev", "edgedev/bundler"}},
	{pkg: "edgedev/dev", imports: []string{"edgedev/..."}, never: []string{"edgedev/cmd/..."}},
	{pkg: "edgedev/cmd/edgedev", imports: []string{"edgedev/..."}},
}

func match(pattern, pkg string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkg == base || strings.HasPrefix(pkg, base+"/")
	}
	return pkg == pattern
}

func ruleFor(pkg string) (rule, bool) {
	// The most specific rule wins: an exact match before a "/..." one.
	var best rule
	found := false
	for _, r := range rules {
		if match(r.pkg, pkg) && (!found || len(strings.TrimSuffix(r.pkg, "/...")) > len(strings.TrimSuffix(best.pkg, "/..."))) {
			best, found = r, true
		}
	}
	return best, found
}

type listed struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

func TestImportBoundaries(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps=false", "-json=ImportPath,Imports,Deps", "./...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	checked := 0
	for {
		var p listed
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		r, ok := ruleFor(p.ImportPath)
		if !ok {
			t.Errorf("%s has no line in boundary_test.go's rules: add one saying what it may import", p.ImportPath)
			continue
		}
		checked++
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, "edgedev/") || imp == p.ImportPath {
				continue
			}
			allowed := false
			for _, a := range r.imports {
				allowed = allowed || match(a, imp)
			}
			if !allowed {
				t.Errorf("%s imports %s; its rule allows %v", p.ImportPath, imp, r.imports)
			}
		}
		for _, dep := range p.Deps {
			for _, n := range r.never {
				if match(n, dep) && !match(n, p.ImportPath) {
					t.Errorf("%s depends on %s (%s must never be reached from it)", p.ImportPath, dep, n)
				}
			}
			if r.modules == nil || !strings.Contains(strings.SplitN(dep, "/", 2)[0], ".") {
				continue // unchecked, or the standard library or edgedev
			}
			allowed := false
			for _, m := range r.modules {
				allowed = allowed || match(m, dep)
			}
			if !allowed {
				t.Errorf("%s depends on %s; outside the standard library it may reach only %v", p.ImportPath, dep, r.modules)
			}
		}
	}
	if checked < 15 {
		t.Fatalf("checked only %d packages; is go list seeing the module?", checked)
	}
}

// TestKVCommandImports keeps `edgedev kv` off the dev server: the files of
// the kv commands import neither dev, runtime nor bundler (they reach a
// running server through kvcontrol), so the command can move into a binary
// of its own without the bundler or the host coming along.
func TestKVCommandImports(t *testing.T) {
	files, err := filepath.Glob("cmd/edgedev/kv*.go")
	if err != nil || len(files) < 3 {
		t.Fatalf("kv command files: %v %v", files, err)
	}
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range []string{"edgedev/dev/...", "edgedev/runtime/...", "edgedev/bundler/...", esbuild} {
				if match(bad, p) {
					t.Errorf("%s imports %s; the kv commands reach a dev server through edgedev/kvcontrol", f, p)
				}
			}
		}
	}
}

// TestTypeErrorFormats: goja's NewTypeError reads its first argument as a
// fmt format, so a message with a user's text concatenated into it turns a
// "%" in that text into "%!m(MISSING)". Every call passes a literal format
// (text goes in as "%s" arguments).
func TestTypeErrorFormats(t *testing.T) {
	files, err := filepath.Glob("*/*.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("*/*/*.go")
	deeper, _ := filepath.Glob("*/*/*/*.go")
	files = append(append(files, more...), deeper...)
	fset := token.NewFileSet()
	checked := 0
	for _, f := range files {
		if strings.Contains(f, "node_modules") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "NewTypeError" || len(call.Args) == 0 {
				return true
			}
			checked++
			if lit, ok := call.Args[0].(*ast.BasicLit); !ok || lit.Kind != token.STRING {
				t.Errorf("%s: NewTypeError's first argument is not a literal format; pass text as NewTypeError(\"%%s\", text)", fset.Position(call.Pos()))
			}
			return true
		})
	}
	if checked < 50 {
		t.Fatalf("found only %d NewTypeError calls; is the walk seeing the tree?", checked)
	}
}
