package intl_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"edgedev/runtime/runtimetest"
)

// probeJS runs one recorded case: a constructor call and method, or a
// toLocale*String call, with Dates, BigInts and Numbers encoded as objects.
const probeJS = `
function arg(a) {
  if (a && typeof a === "object" && "date" in a) return new Date(a.date);
  if (a && typeof a === "object" && "big" in a) return BigInt(a.big);
  if (a && typeof a === "object" && "num" in a) return Number(a.num);
  return a;
}
function run(c) {
  try {
    if (c.c === "toLocaleString") return arg(c.x).toLocaleString(c.l, c.o);
    if (c.c === "toLocaleDateString") return arg(c.x).toLocaleDateString(c.l, c.o);
    if (c.c === "toLocaleTimeString") return arg(c.x).toLocaleTimeString(c.l, c.o);
    const f = new Intl[c.c](c.l, c.o);
    const m = c.m || "format";
    if (m === "resolvedOptions") return f.resolvedOptions();
    return f[m](...(c.a || []).map(arg));
  } catch (e) { return String(e); }
}
`

// TestWranglerCases runs testdata/wrangler_cases.json (made by
// testdata/gencases.js) and compares each result, as JSON, with what
// wrangler dev 4.86.0 (workerd 2026-04-26, ICU 77) returned for the same
// calls (testdata/wrangler_expect.json, recorded with the probe worker in
// testdata/probe). Cases listed in testdata/wrangler_known_differences.txt
// may differ; a listed case that matches fails the test.
func TestWranglerCases(t *testing.T) {
	casesJSON, err := os.ReadFile("testdata/wrangler_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []json.RawMessage
	if err := json.Unmarshal(casesJSON, &cases); err != nil {
		t.Fatal(err)
	}
	var want []json.RawMessage
	b, err := os.ReadFile("testdata/wrangler_expect.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	if kb, err := os.ReadFile("testdata/wrangler_known_differences.txt"); err == nil {
		for _, line := range strings.Split(string(kb), "\n") {
			if f := strings.Fields(line); len(f) > 0 && !strings.HasPrefix(f[0], "#") {
				known[f[0]] = true
			}
		}
	}
	h := runtimetest.New(t)
	// in slices, so no one run comes near the CPU limit (under -race too)
	var got []string
	for i := 0; i < len(cases); i += 300 {
		part, _ := json.Marshal(cases[i:min(i+300, len(cases))])
		out := h.Run(t, probeJS+"; const cases = "+string(part)+"; return cases.map((c) => JSON.stringify(run(c)));")
		var g []string
		if err := json.Unmarshal([]byte(out), &g); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		got = append(got, g...)
	}
	pass, fail := 0, 0
	for i := range cases {
		w := compact(want[i])
		id := caseID(cases[i])
		if compact(json.RawMessage(got[i])) == w {
			pass++
			if known[id] {
				t.Errorf("%s matches wrangler now; drop it from wrangler_known_differences.txt", id)
			}
			continue
		}
		if known[id] {
			continue
		}
		fail++
		if fail <= 50 || os.Getenv("EDGEDEV_WRANGLER_LIST") != "" {
			t.Errorf("case %d %s\n got %s\nwant %s", i, cases[i], got[i], w)
		}
	}
	t.Logf("%d of %d cases match wrangler", pass, len(cases))
}

func compact(m json.RawMessage) string {
	var v any
	_ = json.Unmarshal(m, &v)
	b, _ := jsonMarshalNoEscape(v)
	return string(b)
}

func jsonMarshalNoEscape(v any) ([]byte, error) {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return []byte(strings.TrimSuffix(sb.String(), "\n")), err
}

// caseID names a case by its JSON text.
func caseID(c json.RawMessage) string { return strings.ReplaceAll(string(c), " ", "") }
