package bundler

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeProject writes files (path -> content) under a temp dir and returns it.
func writeProject(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuild_RegExpLiteralsBecomeConstructorCalls(t *testing.T) {
	dir := writeProject(t, map[string]string{"src/index.ts": `
export const letters = /^\p{L}+$/u;
export const plain = /^[a-z]+$/u;
export const indices = /a(b)/d;
`})
	res := mustBuild(t, newBundler(t, dir, "src/index.ts", Options{}))
	for _, want := range []string{`new RegExp("^\\p{L}+$", "u")`, `/^[a-z]+$/u`, `new RegExp("a(b)", "d")`} {
		if !strings.Contains(res.Script, want) {
			t.Errorf("bundle does not contain %s", want)
		}
	}
}

func TestBuild_Lint(t *testing.T) {
	dir := writeProject(t, map[string]string{
		"src/index.ts": `import { helper } from "./util";
const fmt = new Intl.DurationFormat("en");    // line 2
const ok = new Intl.NumberFormat("en-US") + new Intl.ListFormat("fr") + Intl.Locale + Intl.Segmenter + Intl.DisplayNames;
const s = "Intl.RelativeTimeFormat in a string is fine";
// Intl.DisplayNames in a comment is fine
const re = /\p{Klingon}/u;                     // line 6
const good = /\p{Lu}/u;
const ref = new WeakRef({});                   // line 8
const cache = caches.default;                  // line 9
const obj = { caches: 1, HTMLRewriter: 2 };
const own = { caches: { default: 1 } }.caches.default;
const rw = () => new HTMLRewriter();           // line 12
export default { fetch() { return new Response(helper() + fmt + ok + s + re + good + ref + cache + obj.caches + own + rw); } };
`,
		"src/util.ts": "export function helper() {\n  return `${1 + 2}/2` + Intl.DurationFormat; // line 2\n}\n",
	})
	res := mustBuild(t, newBundler(t, dir, "src/index.ts", Options{}))
	type want struct {
		file       string
		line, col  int
		textSubstr string
	}
	// Bundle order: util.ts comes before index.ts.
	wants := []want{
		{"src/util.ts", 2, 25, "Intl.DurationFormat is not available"},
		{"src/index.ts", 2, 17, "Intl.DurationFormat is not available"},
		{"src/index.ts", 6, 12, `\p{Klingon}`},
		{"src/index.ts", 8, 17, "WeakRef holds a strong reference"},
		{"src/index.ts", 9, 15, "the Cache API (caches) is not available in edgedev yet"},
		{"src/index.ts", 12, 22, "HTMLRewriter is not available in edgedev yet"},
	}
	if len(res.Warnings) != len(wants) {
		for _, w := range res.Warnings {
			t.Log(w.String())
		}
		t.Fatalf("got %d warnings, want %d", len(res.Warnings), len(wants))
	}
	for i, w := range wants {
		got := res.Warnings[i]
		if got.File != w.file || got.Line != w.line || got.Column != w.col || !strings.Contains(got.Text, w.textSubstr) || got.Kind != "warning" {
			t.Errorf("warning %d = %s:%d:%d %q, want %s:%d:%d containing %q", i, got.File, got.Line, got.Column, got.Text, w.file, w.line, w.col, w.textSubstr)
		}
		if got.LineText == "" {
			t.Errorf("warning %d has no source line", i)
		}
	}
}

// A missing platform global is reported only where the user's code uses
// it with no plan for its absence.
func TestBuild_LintMissingGlobals(t *testing.T) {
	for _, c := range []struct {
		name, code string
		want       string // substring of the one expected warning; "" for none
	}{
		{"unguarded member", `export const f = () => caches.open("x");`, "the Cache API (caches)"},
		{"instanceof", `export const f = (x: unknown) => x instanceof WebSocket;`, "WebSocket is not available"},
		{"guarded with typeof", `export const f = () => typeof caches !== "undefined" ? caches.open("x") : null;`, ""},
		{"guarded elsewhere in the bundle", `const has = typeof MessageChannel === "function";
export const f = () => has ? new MessageChannel() : null;`, ""},
		{"own class of that name", `class WebSocket { static OPEN = 1; }
export const f = () => WebSocket.OPEN;`, ""},
		{"library code", `import { open } from "cachelib";
export const f = () => open();`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := writeProject(t, map[string]string{
				"src/index.ts":                       c.code + "\nexport default { fetch() { return new Response(String(f)); } };\n",
				"node_modules/cachelib/package.json": `{"name":"cachelib","main":"index.js"}`,
				"node_modules/cachelib/index.js":     "exports.open = () => caches.open(\"lib\");\n",
			})
			res := mustBuild(t, newBundler(t, dir, "src/index.ts", Options{}))
			switch {
			case c.want == "" && len(res.Warnings) != 0:
				t.Errorf("want no warning, got %s", res.Warnings[0].String())
			case c.want != "" && (len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0].Text, c.want)):
				t.Errorf("want one warning containing %q, got %d: %v", c.want, len(res.Warnings), res.Warnings)
			}
		})
	}
}

func TestLexJS_RegexVersusDivision(t *testing.T) {
	toks := lexJS("a = b / c / d; x = /re\\/[/]/g.test(y); t = `${a / 2}/x`; z = (1) / 2")
	var regexes []string
	for _, tk := range toks {
		if tk.kind == 'r' {
			regexes = append(regexes, tk.text)
		}
	}
	if len(regexes) != 1 || regexes[0] != `/re\/[/]/g` {
		t.Errorf("regexes = %q, want one /re\\/[/]/g", regexes)
	}
}

func BenchmarkLint_Hono(b *testing.B) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "apps", "hono"))
	if err != nil {
		b.Fatal(err)
	}
	entries, _ := filepath.Glob(filepath.Join(dir, "src", "index.*"))
	if len(entries) == 0 {
		b.Skip("no hono fixture")
	}
	bu, err := New(Options{Dir: dir, Entry: entries[0]})
	if err != nil {
		b.Fatal(err)
	}
	defer bu.Close()
	res, err := bu.Build()
	if err != nil {
		b.Skipf("hono fixture does not build (run make test to install it): %v", err)
	}
	b.SetBytes(int64(len(res.Script)))
	for b.Loop() {
		lint(res.Script, dir)
	}
}
