package runtimetest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"

	edgeruntime "edgedev/runtime"
)

// Test262Options says which tests to run and what is known to fail.
type Test262Options struct {
	// Root is the test262 checkout (harness/ and test/); empty means the
	// repository's copy in testdata/test262, found by walking up from the
	// test's directory.
	Root string
	// Dir is the directory under test/ to run, e.g. "built-ins/JSON".
	Dir string
	// KnownFailures is an expected-failures file (see ExpectedFailures):
	// "<path under test/> <reason>" lines. A listed test that passes fails
	// the run, so the list stays honest.
	KnownFailures string
	// Timeout bounds one async test; 0 means 10 s.
	Timeout time.Duration
}

// Test262 runs every test under opts.Dir the way test262's INTERPRETING.md
// says, each in a fresh worker instance with every global a worker has:
// the harness files of its `includes` (after assert.js and sta.js unless
// the test is `raw`), once in sloppy and once in strict mode unless its
// flags say otherwise, `async` tests finished by the `$DONE` protocol
// (print "Test262:AsyncTestComplete"), `negative` tests passing only when
// they throw the named error in the named phase. Module tests are not
// supported and count as failures. It returns how many tests passed; the
// count per subdirectory is logged (go test -v).
func Test262(t *testing.T, opts Test262Options) (pass int) {
	t.Helper()
	root := opts.Root
	if root == "" {
		root = findTest262(t)
	}
	if opts.Timeout == 0 {
		opts.Timeout = 10 * time.Second
	}
	base := filepath.Join(root, "test")
	var files []string
	err := filepath.WalkDir(filepath.Join(base, opts.Dir), func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".js") && !strings.Contains(p, "_FIXTURE") {
			rel, _ := filepath.Rel(base, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatalf("no tests under %s", filepath.Join(base, opts.Dir))
	}
	r := &test262Runner{root: root, timeout: opts.Timeout, harness: map[string]string{}}

	results := make([][2]string, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = [2]string{files[i], r.run(files[i])}
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	type tally struct{ pass, all int }
	per := map[string]*tally{}
	for _, res := range results {
		dir := pathDir(res[0], opts.Dir)
		if per[dir] == nil {
			per[dir] = &tally{}
		}
		per[dir].all++
		if res[1] == "" {
			per[dir].pass++
		}
	}
	dirs := make([]string, 0, len(per))
	for d := range per {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		t.Logf("test262 %-50s %4d/%d pass", d, per[d].pass, per[d].all)
	}
	if os.Getenv("EDGEDEV_TEST262_LIST") != "" {
		for _, res := range results {
			if res[1] != "" {
				t.Logf("FAIL %s %s", res[0], oneLine(res[1]))
			}
		}
	}
	pass = Conformance(t, results, opts.KnownFailures)
	t.Logf("test262 %s: %d/%d pass", opts.Dir, pass, len(files))
	return pass
}

// pathDir is the directory of rel one level below dir, for the per-directory
// pass counts ("built-ins/JSON/parse").
func pathDir(rel, dir string) string {
	rest := strings.TrimPrefix(strings.TrimPrefix(rel, dir), "/")
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return dir + "/" + rest[:i]
	}
	return dir
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " | ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

func findTest262(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "testdata", "test262")
		if st, err := os.Stat(filepath.Join(p, "harness")); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	t.Fatalf("test262 not found: no testdata/test262 above %s", dir)
	return ""
}

// test262Meta is the part of a test's YAML frontmatter the runner reads.
type test262Meta struct {
	includes      []string
	flags         map[string]bool
	negativePhase string
	negativeType  string
}

var frontmatter = regexp.MustCompile(`(?s)/\*---(.*?)---\*/`)

// parseMeta reads the frontmatter's includes, flags and negative; these are
// written either as `key: [a, b]` or as a block list of `- a` lines.
func parseMeta(src string) test262Meta {
	m := test262Meta{flags: map[string]bool{}}
	fm := frontmatter.FindStringSubmatch(src)
	if fm == nil {
		return m
	}
	var key string
	for _, line := range strings.Split(fm[1], "\n") {
		trimmed := strings.TrimSpace(line)
		indented := line != "" && (line[0] == ' ' || line[0] == '\t')
		if !indented {
			k, v, ok := strings.Cut(trimmed, ":")
			if !ok {
				continue
			}
			key = strings.TrimSpace(k)
			v = strings.TrimSpace(v)
			if strings.HasPrefix(v, "[") {
				for _, item := range strings.Split(strings.Trim(v, "[]"), ",") {
					m.add(key, strings.TrimSpace(item))
				}
			}
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "- "):
			m.add(key, strings.TrimSpace(trimmed[2:]))
		case key == "negative":
			k, v, _ := strings.Cut(trimmed, ":")
			switch strings.TrimSpace(k) {
			case "phase":
				m.negativePhase = strings.TrimSpace(v)
			case "type":
				m.negativeType = strings.TrimSpace(v)
			}
		}
	}
	return m
}

func (m *test262Meta) add(key, item string) {
	if item == "" {
		return
	}
	switch key {
	case "includes":
		m.includes = append(m.includes, item)
	case "flags":
		m.flags[item] = true
	}
}

type test262Runner struct {
	root    string
	timeout time.Duration

	mu      sync.Mutex
	harness map[string]string
}

func (r *test262Runner) include(name string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.harness[name]; ok {
		return s, nil
	}
	b, err := os.ReadFile(filepath.Join(r.root, "harness", name))
	if err != nil {
		return "", err
	}
	r.harness[name] = string(b)
	return string(b), nil
}

// run runs one test in each mode its flags ask for and returns "" when it
// passed, else why not.
func (r *test262Runner) run(rel string) string {
	b, err := os.ReadFile(filepath.Join(r.root, "test", rel))
	if err != nil {
		return err.Error()
	}
	src := string(b)
	meta := parseMeta(src)
	if meta.flags["module"] {
		return "module tests are not supported by the runner"
	}
	var prelude strings.Builder
	if !meta.flags["raw"] {
		names := []string{"assert.js", "sta.js"}
		if meta.flags["async"] {
			names = append(names, "doneprintHandle.js")
		}
		for _, name := range append(names, meta.includes...) {
			s, err := r.include(name)
			if err != nil {
				return "harness: " + err.Error()
			}
			prelude.WriteString(s)
			prelude.WriteString("\n")
		}
	}
	var modes []bool // strict?
	switch {
	case meta.flags["raw"], meta.flags["noStrict"]:
		modes = []bool{false}
	case meta.flags["onlyStrict"]:
		modes = []bool{true}
	default:
		modes = []bool{false, true}
	}
	for _, strict := range modes {
		code := src
		if strict {
			code = "\"use strict\";\n" + src
		}
		if msg := r.runOnce(rel, prelude.String(), code, meta); msg != "" {
			if len(modes) > 1 {
				mode := "sloppy"
				if strict {
					mode = "strict"
				}
				return mode + " mode: " + msg
			}
			return msg
		}
	}
	return ""
}

// runOnce runs the harness prelude and the test in a fresh worker instance.
func (r *test262Runner) runOnce(rel, prelude, code string, meta test262Meta) (fail string) {
	w, err := edgeruntime.New(edgeruntime.Options{Script: test262Worker, Filename: "test262.js", CPULimit: 30 * time.Second})
	if err != nil {
		return "start worker: " + err.Error()
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = w.Close(ctx)
	}()

	done := make(chan string, 1)
	finish := func(s string) {
		select {
		case done <- s:
		default:
		}
	}
	var threw goja.Value
	var phase string
	err = w.RunOnLoop(func(vm *goja.Runtime) error {
		_ = vm.Set("print", func(c goja.FunctionCall) goja.Value {
			s := c.Argument(0).String()
			if strings.HasPrefix(s, "Test262:AsyncTestComplete") {
				finish("")
			} else if strings.HasPrefix(s, "Test262:AsyncTestFailure:") {
				finish(strings.TrimPrefix(s, "Test262:AsyncTestFailure:"))
			}
			return goja.Undefined()
		})
		if err := define262(vm); err != nil {
			return err
		}
		if prelude != "" {
			if _, err := vm.RunScript("harness.js", prelude); err != nil {
				return fmt.Errorf("harness: %w", err)
			}
		}
		prg, err := goja.Compile(rel, code, false)
		if err != nil {
			phase = "parse"
			threw = syntaxErrorValue(vm, err)
			return nil
		}
		func() {
			defer func() {
				if rec := recover(); rec != nil {
					if v, ok := rec.(goja.Value); ok {
						phase, threw = "runtime", v
						return
					}
					panic(rec)
				}
			}()
			if _, err := vm.RunProgram(prg); err != nil {
				phase = "runtime"
				if ex, ok := err.(*goja.Exception); ok {
					threw = ex.Value()
				} else {
					threw = vm.ToValue(err.Error())
				}
			}
		}()
		return nil
	})
	if err != nil {
		return err.Error()
	}

	if meta.negativePhase != "" {
		if threw == nil {
			return fmt.Sprintf("expected a %s error in phase %s, but the test completed", meta.negativeType, meta.negativePhase)
		}
		name := errorName(w, threw)
		if phase != meta.negativePhase && !(meta.negativePhase == "resolution" && phase == "runtime") {
			return fmt.Sprintf("expected %s in phase %s, got %s in phase %s: %s", meta.negativeType, meta.negativePhase, name, phase, describe262(w, threw))
		}
		if name != meta.negativeType {
			return fmt.Sprintf("expected %s, got %s: %s", meta.negativeType, name, describe262(w, threw))
		}
		return ""
	}
	if threw != nil {
		return fmt.Sprintf("threw in phase %s: %s", phase, describe262(w, threw))
	}
	if !meta.flags["async"] {
		return ""
	}
	select {
	case s := <-done:
		return s
	case <-time.After(r.timeout):
		return fmt.Sprintf("async test did not call $DONE within %s", r.timeout)
	}
}

// define262 gives the test's realm the host-defined $262 object, as far as
// one realm can: global, gc, evalScript, detachArrayBuffer.
func define262(vm *goja.Runtime) error {
	_, err := vm.RunString(`globalThis.$262 = {
  global: globalThis,
  gc() {},
  evalScript(src) { return (0, eval)(src); },
  detachArrayBuffer(buf) { if (typeof structuredClone !== "function") throw new Test262Error("no detach"); structuredClone(buf, { transfer: [buf] }); return null; },
  agent: {},
};`)
	return err
}

// syntaxErrorValue makes the SyntaxError a failed compile stands for.
func syntaxErrorValue(vm *goja.Runtime, err error) goja.Value {
	if ex, ok := err.(*goja.Exception); ok {
		return ex.Value()
	}
	ctor, _ := goja.AssertFunction(vm.Get("SyntaxError"))
	if ctor != nil {
		if v, e := ctor(goja.Undefined(), vm.ToValue(err.Error())); e == nil {
			return v
		}
	}
	return vm.ToValue(err.Error())
}

// errorName is the thrown value's constructor name ("TypeError").
func errorName(w *edgeruntime.Worker, v goja.Value) string {
	var name string
	_ = w.RunOnLoop(func(vm *goja.Runtime) error {
		o, ok := v.(*goja.Object)
		if !ok {
			name = "(not an object) " + v.String()
			return nil
		}
		if c := o.Get("constructor"); c != nil {
			if co, ok := c.(*goja.Object); ok {
				if n := co.Get("name"); n != nil {
					name = n.String()
				}
			}
		}
		return nil
	})
	return name
}

// describe262 is the thrown value as a line: "Test262Error: message".
func describe262(w *edgeruntime.Worker, v goja.Value) string {
	var s string
	_ = w.RunOnLoop(func(vm *goja.Runtime) error {
		defer func() {
			if recover() != nil {
				s = "(a value whose toString throws)"
			}
		}()
		if o, ok := v.(*goja.Object); ok {
			if n, m := o.Get("name"), o.Get("message"); n != nil && m != nil {
				s = n.String() + ": " + m.String()
				return nil
			}
		}
		s = v.String()
		return nil
	})
	return s
}

// test262Worker is the smallest worker: a test runs in its instance through
// RunOnLoop, never through a request.
const test262Worker = `addEventListener("fetch", (e) => e.respondWith(new Response("")));`
