package path_test

import (
	"encoding/json"
	"os"
	"testing"

	"edgedev/runtime"
	"edgedev/runtime/runtimetest"
)

// TestPathCorpus compares path.posix with Node v20.20.2's answers
// (testdata/path_node.json, made by testdata/record_path.js).
func TestPathCorpus(t *testing.T) {
	corpus, err := os.ReadFile("testdata/path_corpus.js")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/path_node.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	h := runtimetest.New(t, runtimetest.Options{Node: runtime.NodeCompat{Mode: "v2"}})
	out := h.Run(t, `const path = __edgedev_import("node:path"); const corpus = `+string(corpus)+`;
const out = {};
for (const [name, fn] of corpus) { try { out[name] = JSON.stringify(fn(path)); } catch (e) { out[name] = "THROWS " + e.name + " " + e.code + ": " + e.message; } }
out.same = [__edgedev_import("node:path/posix") === path, __edgedev_import("node:path/win32") === path.win32];
return out;`)
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s:\n got: %v\nwant: %s", k, got[k], w)
		}
	}
	if s, _ := json.Marshal(got["same"]); string(s) != "[true,true]" {
		t.Errorf("path/posix and path/win32 are not node:path's: %s", s)
	}
}
