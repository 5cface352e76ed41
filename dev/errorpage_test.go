package dev_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"edgedev/dev"
)

// errorProject throws from .ts code called through a node_modules package.
func errorProject(t *testing.T) string {
	return project(t, map[string]string{
		"wrangler.toml":                         toml,
		"node_modules/tiny-router/package.json": `{"name":"tiny-router","version":"1.0.0","main":"index.js"}`,
		"node_modules/tiny-router/index.js":     "function dispatch(handler, req) {\n  return handler(req);\n}\nmodule.exports.route = function route(handler, req) {\n  return dispatch(handler, req);\n};\n",
		"src/index.ts": `import { route } from "tiny-router";

function parseOrder(body: string): { id: number } {
  const order = JSON.parse(body);
	if (typeof order.id !== "number") throw new TypeError("order id must be a number");
  return order;
}

export default {
  async fetch(req: Request): Promise<Response> {
    return route(() => Response.json(parseOrder('{"id":"7"}')), req);
  },
};
`,
	})
}

func TestErrorPage(t *testing.T) {
	dir := errorProject(t)
	r := start(t, dev.Options{Dir: dir, Consistency: dev.Consistency{Locations: []string{"LHR", "SIN"}}})
	plain := r.do(t, "GET", "/order", "")
	// The caret goes under the column the stack reports (1-based, a tab
	// counting as one), whatever the source map made of it; here that is
	// at the "new" of "throw new TypeError", or the space before it.
	src, _ := os.ReadFile(filepath.Join(dir, "src/index.ts"))
	line5 := strings.Split(string(src), "\n")[4]
	cm := regexp.MustCompile(`at parseOrder \(src/index\.ts:5:(\d+)\)`).FindStringSubmatch(plain.body)
	if cm == nil {
		t.Fatalf("no parseOrder frame: %q", plain.body)
	}
	col, _ := strconv.Atoi(cm[1])
	if n := strings.Index(line5, "new TypeError") + 1; col != n && col != n-1 {
		t.Errorf("column %d; the new is at %d", col, n)
	}
	at := "src/index.ts:5:" + cm[1]
	page := r.do(t, "GET", "/order?x=1", "", "Accept", "text/html", "X-Edgedev-Location", "SIN", "X-Trace", "abc<def>")
	t.Run("plain text for clients that do not ask for HTML", func(t *testing.T) {
		if plain.status != 500 || !strings.HasPrefix(plain.body, "TypeError: order id must be a number\n    at parseOrder ("+at+")\n") ||
			!strings.Contains(plain.body, "node_modules/tiny-router/index.js:2:") || strings.Contains(plain.body, "<") {
			t.Errorf("plain: %d %q", plain.status, plain.body)
		}
	})
	if page.status != 500 || !strings.Contains(page.header.Get("Content-Type"), "text/html") {
		t.Fatalf("page: %d %v", page.status, page.header)
	}
	t.Run("a code frame of the .ts source with a caret under the column", func(t *testing.T) {
		// The first frame of the user's code is open; its line is marked
		// (a block, so no newline of its own), tabs kept in the caret's
		// indent so it lines up.
		m := regexp.MustCompile(`(?s)<details class="frame" open><summary><span class="fn">parseOrder</span> <span class="at">` + at + `</span>.*?<pre class="code">(.*?)</pre>`).FindStringSubmatch(page.body)
		if m == nil {
			t.Fatalf("no open frame for parseOrder:\n%s", page.body)
		}
		code := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], ""))
		want := "2\n3function parseOrder(body: string): { id: number } {\n4  const order = JSON.parse(body);\n5\tif (typeof order.id !== \"number\") throw new TypeError(\"order id must be a number\");\t" + strings.Repeat(" ", col-2) + "^\n6  return order;\n7}\n8\n"
		if code != want {
			t.Errorf("code frame:\n%q\nwant\n%q", code, want)
		}
	})
	t.Run("every frame expands to its own code frame; node_modules folded", func(t *testing.T) {
		frames := regexp.MustCompile(`<details class="frame[^"]*"`).FindAllString(page.body, -1)
		if got := strings.Join(frames, " "); got != `<details class="frame" <details class="frame" <details class="frame vendor" <details class="frame" <details class="frame" <details class="frame"` {
			t.Errorf("frames: %s", got)
		}
		if !strings.Contains(page.body, `<summary>2 frames in node_modules</summary>`) || !strings.Contains(page.body, `<span class="fn">dispatch</span> <span class="at">node_modules/tiny-router/index.js:2:`) {
			t.Errorf("node_modules fold:\n%s", page.body)
		}
		if n := strings.Count(page.body, `<pre class="code">`); n != 5 {
			t.Errorf("%d code frames, want one per frame (5)", n)
		}
	})
	t.Run("open in editor", func(t *testing.T) {
		abs := filepath.ToSlash(filepath.Join(dir, "src/index.ts"))
		if want := `href="vscode://file/` + strings.TrimPrefix(abs, "/") + `:5:` + strconv.Itoa(col) + `"`; !strings.Contains(page.body, want) {
			t.Errorf("no %s in:\n%s", want, page.body)
		}
	})
	t.Run("the request, cf and the simulated location", func(t *testing.T) {
		for _, want := range []string{"<td>url</td><td>/order?x=1</td>", "<td>location</td><td>SIN (simulated)</td>", "<td>X-Trace</td><td>abc&lt;def&gt;</td>", `&#34;colo&#34;: &#34;SIN&#34;`} {
			if !strings.Contains(page.body, want) {
				t.Errorf("page lacks %s", want)
			}
		}
	})
	t.Run("a link to the request in the dashboard's log", func(t *testing.T) {
		m := regexp.MustCompile(`<a id="log-link" href="/cdn-cgi/edgedev/#requests/(\d+)">`).FindStringSubmatch(page.body)
		if m == nil {
			t.Fatalf("no log link:\n%s", page.body)
		}
		type rec struct {
			ID          uint64
			Path, Error string
		}
		all := dashJSON[struct{ Requests []rec }](t, r.do(t, "GET", "/cdn-cgi/edgedev/api/requests", "")).Requests
		var found *rec
		for i := range all {
			if strconv.FormatUint(all[i].ID, 10) == m[1] {
				found = &all[i]
			}
		}
		if found == nil || found.Path != "/order?x=1" || !strings.Contains(found.Error, "at parseOrder ("+at+")") {
			t.Errorf("link #%s: %+v in %+v", m[1], found, all)
		}
	})
	t.Run("no editor or dashboard link without the dashboard", func(t *testing.T) {
		r2 := start(t, dev.Options{Dir: errorProject(t), NoDashboard: true})
		p := r2.do(t, "GET", "/order", "", "Accept", "text/html")
		if p.status != 500 || strings.Contains(p.body, "log-link") || !strings.Contains(p.body, "vscode://") {
			t.Errorf("without the dashboard: %s", p.body)
		}
	})
}
