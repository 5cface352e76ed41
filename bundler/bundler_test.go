package bundler

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dop251/goja"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/diagnostics")

// abs returns the absolute path of a file under testdata.
func abs(t testing.TB, elem ...string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(append([]string{"testdata"}, elem...)...))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// newBundler builds a Bundler for dir/entry and closes it when the test ends.
func newBundler(t testing.TB, dir, entry string, opts Options) *Bundler {
	t.Helper()
	opts.Dir = dir
	opts.Entry = filepath.Join(dir, entry)
	b, err := New(opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(b.Close)
	return b
}

func mustBuild(t testing.TB, b *Bundler) *Result {
	t.Helper()
	res, err := b.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return res
}

// run executes the bundle in a bare goja runtime, compiled under
// res.Filename as the runtime will, and returns the entry's exports.
func run(t testing.TB, res *Result) (*goja.Runtime, *goja.Object) {
	t.Helper()
	vm := goja.New()
	if _, err := vm.RunScript(res.Filename, res.Script); err != nil {
		t.Fatalf("run bundle: %v", err)
	}
	exports := vm.Get(res.GlobalName)
	if exports == nil || goja.IsUndefined(exports) {
		t.Fatalf("bundle did not set globalThis.%s", res.GlobalName)
	}
	return vm, exports.ToObject(vm)
}

// call calls exports[path[0]][path[1]]... with args and returns the result,
// awaiting it if it is a promise (goja settles promises that need no I/O
// before the call returns).
func call(t testing.TB, vm *goja.Runtime, exports *goja.Object, method string, args ...any) (goja.Value, error) {
	t.Helper()
	obj := exports
	parts := strings.Split(method, ".")
	for _, p := range parts[:len(parts)-1] {
		obj = obj.Get(p).ToObject(vm)
	}
	fn, ok := goja.AssertFunction(obj.Get(parts[len(parts)-1]))
	if !ok {
		t.Fatalf("%s is not a function", method)
	}
	jsArgs := make([]goja.Value, len(args))
	for i, a := range args {
		jsArgs[i] = vm.ToValue(a)
	}
	v, err := fn(obj, jsArgs...)
	if err != nil {
		return nil, err
	}
	if p, ok := v.Export().(*goja.Promise); ok {
		switch p.State() {
		case goja.PromiseStateFulfilled:
			return p.Result(), nil
		case goja.PromiseStateRejected:
			return nil, errors.New(p.Result().String())
		default:
			t.Fatalf("%s: promise still pending", method)
		}
	}
	return v, nil
}

func TestBuild_SmallWorker(t *testing.T) {
	dir := abs(t, "small")
	b := newBundler(t, dir, "src/index.ts", Options{})
	res := mustBuild(t, b)
	vm, exports := run(t, res)

	t.Run("default export combines a local module, JSON and an npm package", func(t *testing.T) {
		v, err := call(t, vm, exports, "default.fetch", "world")
		if err != nil {
			t.Fatal(err)
		}
		// "HELLO" comes from config.json, the "!" from tiny-case's workerd build.
		if got, want := v.String(), "HELLO, WORLD!"; got != want {
			t.Errorf("fetch() = %q, want %q", got, want)
		}
	})

	t.Run("text import is a string", func(t *testing.T) {
		v, err := call(t, vm, exports, "bannerText")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v.String(), "edgedev test banner"; got != want {
			t.Errorf("bannerText() = %q, want %q", got, want)
		}
	})

	t.Run("async generators and for await are lowered for goja", func(t *testing.T) {
		v, err := call(t, vm, exports, "spell", "abc")
		if err != nil {
			t.Fatal(err)
		}
		if got, want := v.String(), "a-b-c"; got != want {
			t.Errorf("spell() = %q, want %q", got, want)
		}
	})

	t.Run("class field named set is lowered for goja", func(t *testing.T) {
		v, err := call(t, vm, exports, "remember", "k", "v")
		if err != nil {
			t.Fatal(err)
		}
		if got := v.String(); got != "v" {
			t.Errorf("remember() = %q, want %q", got, "v")
		}
	})

	t.Run("defines are absent unless given", func(t *testing.T) {
		v, err := call(t, vm, exports, "buildId")
		if err != nil {
			t.Fatal(err)
		}
		if got := v.String(); got != "dev" {
			t.Errorf("buildId() = %q, want %q", got, "dev")
		}
	})

	t.Run("stack of an error thrown in a .ts file names the .ts lines", func(t *testing.T) {
		_, err := call(t, vm, exports, "default.fetch", "boom")
		var ex *goja.Exception
		if !errors.As(err, &ex) {
			t.Fatalf("fetch(boom) error = %v, want a goja exception", err)
		}
		stack := ex.String()
		// greet.ts:6 is `throw new Error(...)`, index.ts:17 is `explode(input)`.
		for _, want := range []string{"exploded on boom", "at explode (src/greet.ts:6:", "at fetch (src/index.ts:17:"} {
			if !strings.Contains(stack, want) {
				t.Errorf("stack does not contain %q:\n%s", want, stack)
			}
		}
	})

	t.Run("script ends with an inline source map", func(t *testing.T) {
		script := strings.TrimRight(res.Script, "\n")
		last := script[strings.LastIndexByte(script, '\n')+1:]
		if !strings.HasPrefix(last, "//# sourceMappingURL=data:application/json;base64,") {
			t.Errorf("last line = %.80q, want an inline source map", last)
		}
	})

	t.Run("result names the file and global to use", func(t *testing.T) {
		if res.Filename != "worker.js" || res.GlobalName != "__edgedev_worker" {
			t.Errorf("Filename, GlobalName = %q, %q", res.Filename, res.GlobalName)
		}
		if len(res.Warnings) != 0 {
			t.Errorf("unexpected warnings: %v", res.Warnings)
		}
		if res.Took <= 0 {
			t.Errorf("Took = %v, want > 0", res.Took)
		}
	})

	t.Run("inputs are every file read, absolute and sorted", func(t *testing.T) {
		want := []string{
			filepath.Join(dir, "node_modules/tiny-case/worker.js"),
			filepath.Join(dir, "src/banner.txt"),
			filepath.Join(dir, "src/config.json"),
			filepath.Join(dir, "src/greet.ts"),
			filepath.Join(dir, "src/index.ts"),
		}
		if !slices.Equal(res.Inputs, want) {
			t.Errorf("Inputs =\n%s\nwant\n%s", strings.Join(res.Inputs, "\n"), strings.Join(want, "\n"))
		}
	})
}

func TestBuild_Options(t *testing.T) {
	dir := abs(t, "small")

	t.Run("define replaces a global", func(t *testing.T) {
		b := newBundler(t, dir, "src/index.ts", Options{Define: map[string]string{"BUILD_ID": `"abc123"`}})
		vm, exports := run(t, mustBuild(t, b))
		v, err := call(t, vm, exports, "buildId")
		if err != nil {
			t.Fatal(err)
		}
		if got := v.String(); got != "abc123" {
			t.Errorf("buildId() = %q, want %q", got, "abc123")
		}
	})

	t.Run("minified bundle is smaller, runs, and still maps to .ts lines", func(t *testing.T) {
		plain := mustBuild(t, newBundler(t, dir, "src/index.ts", Options{}))
		mini := mustBuild(t, newBundler(t, dir, "src/index.ts", Options{Minify: true}))
		code := func(s string) int { return strings.LastIndex(s, "//# sourceMappingURL=") }
		if code(mini.Script) >= code(plain.Script) {
			t.Errorf("minified code is %d bytes, unminified %d", code(mini.Script), code(plain.Script))
		}
		vm, exports := run(t, mini)
		v, err := call(t, vm, exports, "default.fetch", "world")
		if err != nil || v.String() != "HELLO, WORLD!" {
			t.Errorf("fetch() = %v, %v", v, err)
		}
		_, err = call(t, vm, exports, "default.fetch", "boom")
		if err == nil || !strings.Contains(err.Error(), "src/greet.ts:6:") {
			t.Errorf("fetch(boom) error does not point at src/greet.ts:6: %v", err)
		}
	})
}

func TestBuild_ServiceWorkerExportsNothing(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "index.js"),
		`addEventListener("fetch", (event) => event.respondWith("hi"));`+"\n")
	res := mustBuild(t, newBundler(t, dir, "index.js", Options{}))

	vm := goja.New()
	var registered []string
	vm.Set("addEventListener", func(name string, _ goja.Value) { registered = append(registered, name) })
	if _, err := vm.RunScript(res.Filename, res.Script); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(registered, []string{"fetch"}) {
		t.Errorf("registered listeners = %v, want [fetch]", registered)
	}
	if v := vm.Get(res.GlobalName); v != nil && !goja.IsUndefined(v) {
		t.Errorf("%s = %v, want undefined for a script without exports", res.GlobalName, v)
	}
}

func TestBuild_DynamicImport(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "src/lazy.ts"), "export const value = 42;\n")
	writeFile(t, filepath.Join(dir, "src/index.ts"), `
export function loadLocal(): Promise<number> {
  return import("./lazy").then((m) => m.value);
}
export function loadByName(name: string): Promise<unknown> {
  return import(name);
}
`)
	// goja cannot parse import(); a literal one is inlined, and a computed
	// one must not break the whole script, only reject when it runs.
	vm, exports := run(t, mustBuild(t, newBundler(t, dir, "src/index.ts", Options{})))

	v, err := call(t, vm, exports, "loadLocal")
	if err != nil || v.ToInteger() != 42 {
		t.Errorf("loadLocal() = %v, %v; want 42", v, err)
	}
	_, err = call(t, vm, exports, "loadByName", "some-module")
	if err == nil || !strings.Contains(err.Error(), `Dynamic require of "some-module" is not supported`) {
		t.Errorf("loadByName() error = %v, want a clear rejection", err)
	}
}

func TestBuild_Rebuild(t *testing.T) {
	dir := copyTree(t, abs(t, "small"))
	b := newBundler(t, dir, "src/index.ts", Options{})
	greet := filepath.Join(dir, "src/greet.ts")
	fetch := func(res *Result) string {
		t.Helper()
		vm, exports := run(t, res)
		v, err := call(t, vm, exports, "default.fetch", "world")
		if err != nil {
			t.Fatal(err)
		}
		return v.String()
	}

	if got := fetch(mustBuild(t, b)); got != "HELLO, WORLD!" {
		t.Fatalf("first build: fetch() = %q", got)
	}

	t.Run("picks up an edited file", func(t *testing.T) {
		editFile(t, greet, "`${greeting}, ${name}`", "`${greeting} there, ${name}`")
		if got, want := fetch(mustBuild(t, b)), "HELLO THERE, WORLD!"; got != want {
			t.Errorf("after edit: fetch() = %q, want %q", got, want)
		}
	})

	t.Run("a broken edit fails and the fix builds again", func(t *testing.T) {
		editFile(t, greet, "return `", "return return `")
		_, err := b.Build()
		var be *BuildError
		if !errors.As(err, &be) || len(be.Messages) != 1 || be.Messages[0].File != "src/greet.ts" || be.Messages[0].Line != 2 {
			t.Fatalf("broken build: err = %v, want one error at src/greet.ts:2", err)
		}
		editFile(t, greet, "return return `", "return `")
		if got := fetch(mustBuild(t, b)); got != "HELLO THERE, WORLD!" {
			t.Errorf("after fix: fetch() = %q", got)
		}
	})

	t.Run("a new import shows up in Inputs", func(t *testing.T) {
		writeFile(t, filepath.Join(dir, "src/suffix.ts"), "export const suffix = \"?\";\n")
		editFile(t, greet, "export function greet", "import { suffix } from \"./suffix\";\nexport function greet")
		editFile(t, greet, "${name}`", "${name}${suffix}`")
		res := mustBuild(t, b)
		if got, want := fetch(res), "HELLO THERE, WORLD?!"; got != want {
			t.Errorf("fetch() = %q, want %q", got, want)
		}
		if !slices.Contains(res.Inputs, filepath.Join(dir, "src/suffix.ts")) {
			t.Errorf("Inputs lack src/suffix.ts: %v", res.Inputs)
		}
	})
}

func TestBuild_Diagnostics(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join("testdata", "diagnostics", "*"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no diagnostics cases: %v", err)
	}
	for _, c := range cases {
		name := filepath.Base(c)
		t.Run(name, func(t *testing.T) {
			dir := abs(t, "diagnostics", name)
			b := newBundler(t, dir, "src/index.ts", Options{})
			var got string
			res, err := b.Build()
			if err != nil {
				var be *BuildError
				if !errors.As(err, &be) {
					t.Fatalf("Build error is %T, want *BuildError: %v", err, err)
				}
				got = err.Error()
			} else {
				if len(res.Warnings) == 0 {
					t.Fatal("build succeeded without warnings; a diagnostics case must produce some")
				}
				var parts []string
				for _, w := range res.Warnings {
					parts = append(parts, w.String())
				}
				got = strings.Join(parts, "\n")
			}
			golden := filepath.Join(dir, "want.txt")
			if *update {
				writeFile(t, golden, got+"\n")
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got+"\n" != string(want) {
				t.Errorf("diagnostics differ from %s\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

func TestBuild_TopLevelAwaitMessage(t *testing.T) {
	// The golden file pins the whole rendering; this pins the fields callers
	// (the dev error page) use.
	dir := abs(t, "diagnostics", "top-level-await")
	_, err := newBundler(t, dir, "src/index.ts", Options{}).Build()
	var be *BuildError
	if !errors.As(err, &be) || len(be.Messages) != 1 {
		t.Fatalf("err = %v, want one *BuildError message", err)
	}
	want := Message{
		Kind: "error", Text: TextTopLevelAwait, Hint: HintTopLevelAwait,
		File: "src/index.ts", Line: 3, Column: 16, LineText: "const config = await load();",
	}
	if be.Messages[0] != want {
		t.Errorf("message = %#v\nwant %#v", be.Messages[0], want)
	}
}

func TestBuild_MissingEntry(t *testing.T) {
	dir := t.TempDir()
	_, err := newBundler(t, dir, "src/index.ts", Options{}).Build()
	want := "build failed with 1 error:\nerror: entry point src/index.ts does not exist\n" +
		"  hint: check the path of the worker's entry (main in wrangler.toml)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestNew_RejectsRelativePaths(t *testing.T) {
	root := t.TempDir()
	for _, opts := range []Options{
		{Dir: "project", Entry: filepath.Join(root, "index.ts")},
		{Dir: root, Entry: "src/index.ts"},
	} {
		if b, err := New(opts); err == nil {
			b.Close()
			t.Errorf("New(%+v) succeeded, want an error", opts)
		}
	}
}

func TestBundler_Close(t *testing.T) {
	b := newBundler(t, abs(t, "small"), "src/index.ts", Options{})
	mustBuild(t, b)
	b.Close()
	b.Close() // idempotent
	if _, err := b.Build(); !errors.Is(err, ErrClosed) {
		t.Errorf("Build after Close: err = %v, want ErrClosed", err)
	}
}

func TestBundler_ConcurrentBuilds(t *testing.T) {
	b := newBundler(t, abs(t, "small"), "src/index.ts", Options{})
	var wg sync.WaitGroup
	scripts := make([]string, 4)
	for i := range scripts {
		wg.Go(func() {
			res, err := b.Build()
			if err != nil {
				t.Error(err)
				return
			}
			scripts[i] = res.Script
		})
	}
	wg.Wait()
	for i := range scripts {
		if scripts[i] != scripts[0] {
			t.Errorf("build %d differs from build 0", i)
		}
	}
}

// TestBuild_FixtureApps bundles the npm-based apps that the end-to-end tests
// serve, and checks each runs far enough in bare goja to export a fetch
// handler (requests need the runtime's Request/Response).
func TestBuild_FixtureApps(t *testing.T) {
	apps := filepath.Join("..", "testdata", "apps")
	if _, err := os.Stat(filepath.Join(apps, "node_modules")); err != nil {
		t.Skip("testdata/apps/node_modules is missing: run `npm ci` in testdata/apps (make test does this)")
	}
	for _, app := range []struct{ name, pkg string }{{"hono", "hono"}, {"itty", "itty-router"}} {
		t.Run(app.name, func(t *testing.T) {
			dir, err := filepath.Abs(filepath.Join(apps, app.name))
			if err != nil {
				t.Fatal(err)
			}
			res := mustBuild(t, newBundler(t, dir, "src/index.ts", Options{}))
			if len(res.Warnings) != 0 {
				t.Errorf("unexpected warnings: %v", res.Warnings)
			}
			pkgDir := filepath.Join(filepath.Dir(dir), "node_modules", app.pkg) + string(filepath.Separator)
			if !slices.ContainsFunc(res.Inputs, func(p string) bool { return strings.HasPrefix(p, pkgDir) }) {
				t.Errorf("Inputs have nothing under %s: %v", pkgDir, res.Inputs)
			}
			if !slices.Contains(res.Inputs, filepath.Join(dir, "src/index.ts")) {
				t.Errorf("Inputs lack src/index.ts: %v", res.Inputs)
			}
			vm, exports := run(t, res)
			def := exports.Get("default")
			if def == nil || goja.IsUndefined(def) {
				t.Fatal("no default export")
			}
			if _, ok := goja.AssertFunction(def.ToObject(vm).Get("fetch")); !ok {
				t.Error("default export has no fetch function")
			}
		})
	}
}

func writeFile(t testing.TB, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editFile replaces the one occurrence of old in path with new.
func editFile(t testing.TB, path, old, new string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(string(b), old) != 1 {
		t.Fatalf("%s: want exactly one %q", path, old)
	}
	writeFile(t, path, strings.Replace(string(b), old, new, 1))
}

// copyTree copies the directory src into a new temporary directory.
func copyTree(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		writeFile(t, filepath.Join(dst, rel), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
