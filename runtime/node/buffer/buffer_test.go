package buffer_test

import (
	"encoding/json"
	"os"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

func node(t testing.TB) *runtimetest.Harness {
	return runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
}

// engineDiffs are the cases where goja's own error text stands in for
// V8's: the error class is the same, the words are the engine's.
var engineDiffs = map[string]string{}

// TestBufferCorpus runs testdata/buffer_corpus.js and compares each
// result with what workerd gave under wrangler 4.86.0
// (testdata/buffer_workerd.json; testdata/buffer_node.json is Node
// v20.20.2's, kept to show where workerd differs from Node).
func TestBufferCorpus(t *testing.T) {
	corpus, err := os.ReadFile("testdata/buffer_corpus.js")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/buffer_workerd.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	h := node(t)
	out := h.Run(t, `const util = __edgedev_import("node:util");
globalThis.__edgedev_import_or_require = (name) => __edgedev_import("node:" + name);
const corpus = `+string(corpus)+`;
const out = {};
for (const [name, fn] of corpus) {
  try { out[name] = util.inspect(fn(), { depth: 4, breakLength: Infinity }); } catch (e) { out[name] = "THROWS " + e.name + " " + e.code + ": " + e.message; }
}
return out;`)
	var got map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for name, w := range want {
		if d, ok := engineDiffs[name]; ok {
			w = d
		}
		if g := got[name]; g != w {
			t.Errorf("%s:\n got: %s\nwant: %s", name, g, w)
		}
	}
}
