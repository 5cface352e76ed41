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
const fmt = new Intl.ListFormat("en");        // line 2
const ok = new Intl.NumberFormat("en-US");
const s = "Intl.RelativeTimeFormat in a string is fine";
// Intl.DisplayNames in a comment is fine
const re = /\p{Klingon}/u;                     // line 6
const good = /\p{Lu}/u;
const ref = new WeakRef({});                   // line 8
const cache = caches.default;                  // line 9
const hasCaches = typeof caches !== "undefined";
const obj = { caches: 1, HTMLRewriter: 2 };
const rw = () => new HTMLRewriter();           // line 12
export default { fetch() { return new Response(helper() + fmt + ok + s + re + good + ref + cache + hasCaches + obj.caches + rw); } };
`,
		"src/util.ts": "export function helper() {\n  return `${1 + 2}/2` + Intl.Locale; // line 2\n}\n",
	})
	res := mustBuild(t, newBundler(t, dir, "src/index.ts", Options{}))
	type want struct {
		file       string
		line, col  int
		textSubstr string
	}
	// Bundle order: util.ts comes before index.ts.
	wants := []want{
		{"src/util.ts", 2, 25, "Intl.Locale is not available"},
		{"src/index.ts", 2, 17, "Intl.ListFormat is not available"},
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
