package runtimetest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestTest262Runner runs small tests written in test262's format through
// the runner, with the real harness files, and checks each verdict: the
// runner must be able to say "fail".
func TestTest262Runner(t *testing.T) {
	shared := findTest262(t)
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "harness"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"assert.js", "sta.js", "doneprintHandle.js", "compareArray.js"} {
		b, err := os.ReadFile(filepath.Join(shared, "harness", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, "harness", name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct{ name, src, want string }{
		{"pass", "/*---\nincludes: [compareArray.js]\n---*/\nassert.compareArray([1, 2], [1, 2]);", ""},
		{"fail", "/*---\n---*/\nassert.sameValue(1, 2);", "threw in phase runtime: Test262Error: Expected SameValue(«1», «2») to be true"},
		{"strict-only-failure", "/*---\n---*/\nvar f = function () { return this; }; assert.sameValue(f(), globalThis);", "strict mode: threw"},
		{"nostrict", "/*---\nflags: [noStrict]\n---*/\nwith ({}) {}", ""},
		{"negative-parse", "/*---\nnegative:\n  phase: parse\n  type: SyntaxError\n---*/\n$DONOTEVALUATE();\nvar = ;", ""},
		{"negative-missing", "/*---\nnegative:\n  phase: runtime\n  type: TypeError\n---*/\n1;", "expected a TypeError error in phase runtime, but the test completed"},
		{"negative-wrong-type", "/*---\nnegative:\n  phase: runtime\n  type: TypeError\n---*/\nthrow new RangeError('x');", "expected TypeError, got RangeError"},
		{"async-pass", "/*---\nflags: [async]\n---*/\nPromise.resolve().then(() => setTimeout(() => $DONE(), 1));", ""},
		{"async-fail", "/*---\nflags: [async]\n---*/\nPromise.reject(new Test262Error('late')).then($DONE, $DONE);", "Test262Error: late"},
		{"async-never", "/*---\nflags: [async]\n---*/\n1;", "did not call $DONE"},
		{"module", "/*---\nflags: [module]\n---*/\nexport {};", "module tests are not supported"},
	}
	if err := os.MkdirAll(filepath.Join(root, "test", "t"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		if err := os.WriteFile(filepath.Join(root, "test", "t", c.name+".js"), []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := &test262Runner{root: root, timeout: 300 * time.Millisecond, harness: map[string]string{}}
	for _, c := range cases {
		got := r.run("t/" + c.name + ".js")
		switch {
		case c.want == "" && got != "":
			t.Errorf("%s: want pass, got %q", c.name, got)
		case c.want != "" && !strings.Contains(got, c.want):
			t.Errorf("%s: want a failure containing %q, got %q", c.name, c.want, got)
		}
	}
}

func TestParseMeta(t *testing.T) {
	m := parseMeta("/*---\nincludes:\n  - a.js\n  - b.js\nflags: [onlyStrict, async]\nnegative:\n  phase: parse\n  type: SyntaxError\nfeatures: [Intl.Locale]\n---*/")
	if strings.Join(m.includes, ",") != "a.js,b.js" || !m.flags["onlyStrict"] || !m.flags["async"] || m.flags["Intl.Locale"] ||
		m.negativePhase != "parse" || m.negativeType != "SyntaxError" {
		t.Errorf("parseMeta = %+v", m)
	}
}
