package node_test

import (
	"testing"

	"edgedev/bindings"
	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func vars(t *testing.T, kv ...any) []bindings.Named {
	var out []bindings.Named
	for i := 0; i < len(kv); i += 2 {
		v, err := bindings.NewValue(kv[i+1])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, bindings.Named{Name: kv[i].(string), Kind: "var", Binding: v})
	}
	return out
}

func TestLoader_V2(t *testing.T) {
	h := runtimetest.New(t, runtimetest.Options{
		Node:     runtime.NodeCompat{Mode: "v2", PopulateProcessEnv: true},
		Bindings: vars(t, "GREETING", "hi", "CONF", map[string]any{"a": int64(1)}),
	})
	h.RunCases(t, []runtimetest.Case{
		{Name: "global is globalThis", Src: `return global === globalThis;`, Want: `true`},
		{Name: "process is node:process", Src: `return process === __edgedev_import("node:process");`, Want: `true`},
		{Name: "process.env holds the vars, JSON ones as JSON text", Src: `return process.env;`, Want: `{"GREETING":"hi","CONF":"{\"a\":1}"}`},
		{Name: "a module is made once", Src: `return __edgedev_import("node:timers") === __edgedev_import("node:timers");`, Want: `true`},
		{Name: "node:sys is node:util", Src: `return __edgedev_import("node:sys") === __edgedev_import("node:util");`, Want: `true`},
		{Name: "util.isBuffer", Src: `return [__edgedev_import("node:util").isBuffer(Buffer.alloc(1)), __edgedev_import("node:util").isBuffer(new Uint8Array(1))];`, Want: `[true,false]`},
		{Name: "an unknown module", Src: `assertThrows(() => __edgedev_import("node:nope"), "Error", 'No such module "node:nope".'); return 1;`, Want: `1`},
		{Name: "the loader is not enumerable", Src: `return Object.keys(globalThis).filter(k => k.startsWith("__edgedev_import")).length;`, Want: `0`},
		{Name: "setImmediate is a global", Src: `return __edgedev_import("node:timers").setImmediate === setImmediate;`, Want: `true`},
	})
}

func TestLoader_Off(t *testing.T) {
	h := runtimetest.New(t)
	h.RunCases(t, []runtimetest.Case{
		{Name: "no Node globals", Src: `return [typeof process, typeof global, typeof Buffer, typeof setImmediate].join();`, Want: `"undefined,undefined,undefined,function"`},
		{Name: "no node: modules", Src: `assertThrows(() => __edgedev_import("node:process"), "Error", 'No such module "node:process".'); return 1;`, Want: `1`},
	})
}

func TestLoader_V1AndALS(t *testing.T) {
	v1 := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v1"}, Bindings: vars(t, "A", "x")})
	v1.RunCases(t, []runtimetest.Case{
		{Name: "v1: modules but no globals", Src: `return [typeof __edgedev_import("node:process"), typeof process].join();`, Want: `"object,undefined"`},
		{Name: "v1: env not populated", Src: `return __edgedev_import("node:process").env;`, Want: `{}`},
	})
	als := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "als"}})
	als.RunCases(t, []runtimetest.Case{
		{Name: "als: only async_hooks", Src: `assertThrows(() => __edgedev_import("node:process"), "Error", 'No such module "node:process".'); return 1;`, Want: `1`},
	})
}
