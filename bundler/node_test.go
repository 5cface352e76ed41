package bundler

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// nodeProject writes a worker that imports node:buffer from ESM and whose
// CommonJS dependency requires "events" and "node:util".
func nodeProject(t *testing.T) string {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "src/index.js"), `import { Buffer } from "node:buffer";
import * as path from "path";
import dep from "dep";
export default { value: () => [Buffer, path.join, dep.events, dep.util, dep.sys].join(",") };
`)
	writeFile(t, filepath.Join(dir, "node_modules/dep/package.json"), `{"name":"dep","main":"index.js"}`)
	writeFile(t, filepath.Join(dir, "node_modules/dep/index.js"), `exports.events = require("events").name;
exports.util = require("node:util").name;
exports.sys = require("sys").name;
`)
	// A package of the same name as a built-in: under v2 the built-in wins,
	// as under wrangler.
	writeFile(t, filepath.Join(dir, "node_modules/events/package.json"), `{"name":"events","main":"index.js"}`)
	writeFile(t, filepath.Join(dir, "node_modules/events/index.js"), `exports.name = "npm events";`)
	return dir
}

func TestNode_V2LeavesBuiltinsToTheLoader(t *testing.T) {
	dir := nodeProject(t)
	res := mustBuild(t, newBundler(t, dir, "src/index.js", Options{NodeCompat: NodeV2}))
	vm := goja.New()
	var asked []string
	_ = vm.Set(BuiltinLoader, func(spec string) map[string]any {
		asked = append(asked, spec)
		return map[string]any{"Buffer": "B", "join": "J", "name": spec}
	})
	if _, err := vm.RunScript(res.Filename, res.Script); err != nil {
		t.Fatal(err)
	}
	v, err := call(t, vm, vm.Get(res.GlobalName).ToObject(vm).Get("default").ToObject(vm), "value")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), "B,J,node:events,node:util,node:util"; got != want {
		t.Errorf("value() = %q, want %q", got, want)
	}
	if got := strings.Join(asked, " "); !strings.Contains(got, "node:buffer") || !strings.Contains(got, "node:path") {
		t.Errorf("the loader was asked for %q", got)
	}
	for _, in := range res.Inputs {
		if strings.Contains(in, "node:") || strings.Contains(in, "node_modules/events") {
			t.Errorf("input %s: a built-in is not a file to watch", in)
		}
	}
}

func TestNode_V1OnlyThePrefix(t *testing.T) {
	dir := nodeProject(t)
	// Under v1 "path" and "sys" are not built-ins: esbuild looks for
	// packages of those names and finds none.
	_, err := newBundler(t, dir, "src/index.js", Options{NodeCompat: NodeV1}).Build()
	var be *BuildError
	if !errors.As(err, &be) {
		t.Fatalf("Build = %v, want a BuildError", err)
	}
	var texts []string
	for _, m := range be.Messages {
		texts = append(texts, m.Text)
	}
	if got := strings.Join(texts, "\n"); !strings.Contains(got, `Could not resolve "path"`) || !strings.Contains(got, `Could not resolve "sys"`) || strings.Contains(got, "node:buffer") {
		t.Errorf("errors:\n%s", got)
	}
}

func TestNode_OffNamesTheFlagAndTheFile(t *testing.T) {
	for _, c := range []struct {
		mode, config, src, want, hint string
	}{
		{NodeOff, "wrangler.toml", `import { Buffer } from "node:buffer"; export default Buffer;`,
			`"node:buffer" is a Node.js built-in module, which a worker gets only with Node.js compatibility`,
			`add compatibility_flags = ["nodejs_compat"] to wrangler.toml`},
		{NodeOff, "wrangler.jsonc", `const u = require("node:util"); export default u;`,
			`"node:util" is a Node.js built-in`, `add "compatibility_flags": ["nodejs_compat"] to wrangler.jsonc`},
		{NodeALS, "wrangler.toml", `import "node:async_hooks"; import "node:events";`,
			`"node:events" is a Node.js`, `nodejs_compat`},
		{NodeOff, "wrangler.toml", `import "node:async_hooks";`, `"node:async_hooks" is`, `"nodejs_als" for AsyncLocalStorage alone`},
	} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "src/index.js"), c.src)
		_, err := newBundler(t, dir, "src/index.js", Options{NodeCompat: c.mode, ConfigName: c.config}).Build()
		var be *BuildError
		if !errors.As(err, &be) || len(be.Messages) != 1 {
			t.Fatalf("%s: Build = %v, want one error", c.src, err)
		}
		m := be.Messages[0]
		if !strings.Contains(m.Text, c.want) || !strings.Contains(m.Hint, c.hint) || m.File != "src/index.js" || m.Line != 1 {
			t.Errorf("%s: got %+v\nwant text with %q, hint with %q, at src/index.js:1", c.src, m, c.want, c.hint)
		}
	}
}

func TestNode_ALSAllowsAsyncHooks(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "src/index.js"), `import { AsyncLocalStorage } from "node:async_hooks"; export default AsyncLocalStorage;`)
	res := mustBuild(t, newBundler(t, dir, "src/index.js", Options{NodeCompat: NodeALS}))
	if !strings.Contains(res.Script, BuiltinLoader+`("node:async_hooks")`) {
		t.Errorf("the bundle does not ask the loader for node:async_hooks:\n%s", res.Script)
	}
}

func TestNodeSpecifier(t *testing.T) {
	for _, c := range []struct {
		spec, mode, want string
		ok               bool
	}{
		{"node:buffer", NodeV1, "node:buffer", true},
		{"buffer", NodeV1, "", false},
		{"buffer", NodeV2, "node:buffer", true},
		{"fs/promises", NodeV2, "node:fs/promises", true},
		{"sys", NodeV2, "node:util", true},
		{"node:sys", NodeV1, "node:util", true},
		{"test", NodeV2, "", false}, // node:test only with the prefix, as in Node
		{"node:test", NodeV2, "node:test", true},
		{"buffer/", NodeV2, "", false},
	} {
		got, ok := NodeSpecifier(c.spec, c.mode)
		if got != c.want || ok != c.ok {
			t.Errorf("NodeSpecifier(%q, %q) = %q, %v; want %q, %v", c.spec, c.mode, got, ok, c.want, c.ok)
		}
	}
}
