package crypto_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// skipped2 are the probes of testdata/probe2.js whose workerd answer is
// not ours to copy, with why.
var skipped2 = map[string]string{
	"gcmShortTag":    "workerd returns the cipher, and the answer is its internal stream state",
	"setTagOnCipher": "the TypeError's text is the engine's (V8: \"... is not a function\", goja: \"Object has no member ...\")",
	"rfsBad":         "workerd fills nothing and returns an empty Buffer for an offset past the end; we throw Node's ERR_OUT_OF_RANGE",
}

// TestCrypto_MatchesWorkerd2 runs the edge cases of testdata/probe2.js
// (crypto and zlib argument and state errors) and compares each with
// what wrangler 4.86.0 answered (testdata/workerd2.json).
func TestCrypto_MatchesWorkerd2(t *testing.T) {
	src, err := os.ReadFile("testdata/probe2.js")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/workerd2.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]json.RawMessage
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	body := string(src)
	body = body[:strings.Index(body, "export default")]
	var lines []string
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, "import ") {
			lines = append(lines, l)
		}
	}
	pre := `const crypto = __edgedev_import("node:crypto"); const zlib = __edgedev_import("node:zlib"); const { Buffer } = __edgedev_import("node:buffer");
` + strings.Join(lines, "\n")
	h := harness(t)
	for name, w := range want {
		t.Run(name, func(t *testing.T) {
			if why, ok := skipped2[name]; ok {
				t.Skip(why)
			}
			q, _ := json.Marshal(name)
			got := h.Run(t, pre+`
try { return { ok: show(probes[`+string(q)+`]()) }; } catch (e) { return { name: e.name, code: e.code, message: e.message }; }`)
			var g, wv any
			_ = json.Unmarshal([]byte(got), &g)
			_ = json.Unmarshal(w, &wv)
			gj, _ := json.Marshal(g)
			wj, _ := json.Marshal(wv)
			if string(gj) != string(wj) {
				t.Errorf("got  %s\nwant %s (workerd)", gj, wj)
			}
		})
	}
}
