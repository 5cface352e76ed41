package dev_test

// The dashboard in a real headless Chromium (Debian's chromium package,
// which `make test` installs when it is missing), driven by chromedp. The
// screenshots in the README come from here: go test ./dev -run Browser
// -screenshots writes them to docs/.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"edgedev/dev"
)

var screenshots = flag.Bool("screenshots", false, "write the dashboard screenshots to docs/")

// chromium finds Debian's chromium; the test is skipped without it only
// outside CI (make test installs it).
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed: make test installs it (apt-get install -y chromium)")
	}
	t.Skip("chromium is not installed; make test installs it")
	return ""
}

type browser struct {
	t   *testing.T
	ctx context.Context
	url string
	log *syncBuffer // the page's console and exceptions
}

func newBrowser(t *testing.T, url string) *browser {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.WindowSize(1280, 860), chromedp.Flag("disable-gpu", true))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	b := &browser{t: t, ctx: ctx, url: url, log: &syncBuffer{}}
	if err := chromedp.Do(ctx); err != nil {
		cancelC()
		cancelA()
		t.Fatalf("start chromium: %v", err)
	}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() {
				fmt.Fprintf(b.log, "exception: %s\n", m)
			} else {
				fmt.Fprintf(b.log, "%s\n", m)
			}
		}
	}()
	t.Cleanup(func() { cancelC(); cancelA(); <-done })
	return b
}

// run runs steps with a deadline, failing the test with the page's log.
func (b *browser) run(what string, steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		shown, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		b.t.Fatalf("%s: %v\npage log:\n%s\npage text:\n%s", what, err, b.log.String(), shown)
	}
}

// open loads the dashboard at hash and waits for ready to show.
func (b *browser) open(hash, ready string) {
	b.t.Helper()
	// A fresh document each time, so no element of the last view counts.
	b.run("open #"+hash, chromedp.Navigate("about:blank"), chromedp.Navigate(b.url+"/cdn-cgi/edgedev/#"+hash), chromedp.WaitVisible(chromedp.CSS(ready)))
}

func (b *browser) text(sel string) string {
	b.t.Helper()
	b.run("wait for "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
	return evalAs[string](b, fmt.Sprintf(`document.querySelector(%q).textContent`, sel))
}

func evalAs[T any](b *browser, js string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("eval %s: %v\npage log:\n%s", js, err, b.log.String())
	}
	return v
}

// waitText polls sel until its text contains want.
func (b *browser) waitText(sel, want string) string {
	b.t.Helper()
	var got string
	for range 100 {
		got = evalAs[string](b, fmt.Sprintf(`(document.querySelector(%q)||{}).textContent||""`, sel))
		if strings.Contains(got, want) {
			return got
		}
		b.run("wait", chromedp.Sleep(50*time.Millisecond))
	}
	b.t.Fatalf("%s never showed %q; it shows %q\npage log:\n%s", sel, want, got, b.log.String())
	return got
}

// set sets an input's value and tells the page, as typing would.
func (b *browser) set(sel, value string) {
	b.t.Helper()
	b.run("set "+sel, chromedp.SetValue(chromedp.CSS(sel), value))
}

func (b *browser) click(sel string) {
	b.t.Helper()
	b.run("click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

func (b *browser) shot(name string) {
	b.t.Helper()
	if !*screenshots {
		return
	}
	b.run("settle", chromedp.Sleep(150*time.Millisecond))
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("..", "docs", name), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

func TestDashboardBrowser(t *testing.T) {
	dir := dashProject(t)
	r := start(t, dev.Options{Dir: dir, Consistency: simOn})

	// 10,000 keys through the control API's bulk put, as `edgedev kv bulk
	// put` would.
	var writes []map[string]any
	for i := range 10_000 {
		writes = append(writes, map[string]any{"key": fmt.Sprintf("user:%05d", i), "value": base64.StdEncoding.EncodeToString(fmt.Appendf(nil, `{"id":%d,"name":"user %d"}`, i, i))})
	}
	body, _ := json.Marshal(map[string]any{"namespace": "dash", "writes": writes})
	if got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/bulk-put", string(body)); got.status != 200 {
		t.Fatalf("bulk put: %d %s", got.status, got.body)
	}
	r.do(t, "POST", "/cdn-cgi/edgedev/kv/settle", "")
	b := newBrowser(t, r.url)

	t.Run("a namespace of 10,000 keys, paged", func(t *testing.T) {
		b.open("kv", "#keys tr.key")
		if got := b.text("#namespaces .count"); got != "10000" {
			t.Errorf("count: %q", got)
		}
		n := evalAs[int](b, `document.querySelectorAll("#keys tr.key").length`)
		if n != 100 {
			t.Errorf("first page: %d keys", n)
		}
		b.run("next page", chromedp.Click(chromedp.CSS("#more")))
		b.waitText("#keystatus", "200 keys shown")
		last := evalAs[string](b, `[...document.querySelectorAll("#keys tr.key")].at(-1).dataset.key`)
		if last != "user:00199" {
			t.Errorf("last key of page 2: %q", last)
		}
		// Page weight: a fresh load of the KV page until the first page of
		// keys is on screen. Reported, not asserted (timings are noisy here).
		b.run("reload", chromedp.Navigate("about:blank"))
		start := time.Now()
		b.open("kv", "#keys tr.key")
		wall := time.Since(start)
		ms := evalAs[float64](b, `performance.now()`)
		t.Logf("page weight: KV page with 10,000 keys, first page of 100 keys on screen %.0f ms after navigation start (%s wall, including the CDP round trips)", ms, wall.Round(time.Millisecond))
		if *screenshots {
			b.run("filter", chromedp.Navigate(b.url+"/cdn-cgi/edgedev/#kv/dash/"+"user%3A00042"), chromedp.WaitVisible(chromedp.CSS("#edit-value")))
			b.shot("dashboard-kv.png")
		}
	})

	t.Run("edit a value and the worker serves it", func(t *testing.T) {
		b.open("kv/dash/user%3A00007", "#edit-value")
		if got := b.text("pre.value"); !strings.Contains(got, `"id": 7`) {
			t.Errorf("pretty JSON view: %q", got)
		}
		b.run("edit", chromedp.SetValue(chromedp.CSS("#edit-value"), `{"id":7,"name":"edited"}`),
			chromedp.SetValue(chromedp.CSS("#edit-metadata"), `{"by":"dashboard"}`),
			chromedp.SetValue(chromedp.CSS("#edit-ttl"), "300"),
			chromedp.Click(chromedp.CSS("#save")))
		b.waitText("#metadata", `{"by":"dashboard"}`)
		if got := b.waitText("#expiration", "in 5 min"); !strings.Contains(got, "2026-01-01T00:05:00Z") {
			t.Errorf("expiration: %q", got)
		}
		// The dashboard's write is a central one, like the CLI's: with the
		// simulation on, locations see it after the propagation delay.
		r.do(t, "POST", "/cdn-cgi/edgedev/kv/settle", "")
		if got := r.do(t, "GET", "/?key=user:00007", ""); got.body != `{"id":7,"name":"edited"}` {
			t.Errorf("the worker serves %q", got.body)
		}
	})

	t.Run("the platform's validation errors show inline", func(t *testing.T) {
		b.open("kv/dash/user%3A00008", "#edit-value")
		b.run("bad ttl", chromedp.SetValue(chromedp.CSS("#edit-ttl"), "30"), chromedp.Click(chromedp.CSS("#save")))
		got := b.waitText("#edit-msg", "expiration_ttl")
		if !strings.Contains(got, "60") {
			t.Errorf("error: %q", got)
		}
	})

	t.Run("delete a key", func(t *testing.T) {
		b.open("kv/dash/user%3A00009", "#delete")
		evalAs[bool](b, `window.confirm = () => true, true`)
		b.click("#delete")
		b.waitText("#namespaces .count", "9999")
		r.do(t, "POST", "/cdn-cgi/edgedev/kv/settle", "")
		if got := r.do(t, "GET", "/?key=user:00009", ""); got.body != "null" {
			t.Errorf("the worker still sees it: %q", got.body)
		}
	})

	t.Run("an image value previews; any value shows as hex", func(t *testing.T) {
		// A 1x1 PNG.
		png, _ := base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
		body, _ := json.Marshal(map[string]any{"namespace": "dash", "key": "img:dot", "value": png})
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/put", string(body)); got.status != 200 {
			t.Fatalf("put: %d %s", got.status, got.body)
		}
		b.open("kv/dash/img%3Adot", "img.preview")
		b.waitText("#editor", "image") // the first view offered is the image
		for i := 0; !evalAs[bool](b, `document.querySelector("img.preview").complete && document.querySelector("img.preview").naturalWidth === 1`); i++ {
			if i == 100 {
				t.Fatal("the image never decoded")
			}
			b.run("wait", chromedp.Sleep(20*time.Millisecond))
		}
		b.click(`button[data-mode="hex"]`)
		if got := b.waitText("pre.value", "89 50 4e 47"); !strings.Contains(got, ".PNG") {
			t.Errorf("hex: %q", got)
		}
	})

	t.Run("delete by prefix, after a typed confirmation", func(t *testing.T) {
		b.open("kv/dash", "#keys tr.key")
		b.set("#prefix", "user:005")
		evalAs[bool](b, `window.prompt = (msg) => { window.asked = msg; return "100"; }, true`)
		b.click("#delete-prefix")
		b.waitText("#namespaces .count", "9900") // 10,000 - user:00009 + img:dot - 100
		if asked := evalAs[string](b, `window.asked`); !strings.Contains(asked, `Delete 100 keys starting with "user:005"`) {
			t.Errorf("the confirmation said %q", asked)
		}
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/kv/list", `{"namespace":"dash","prefix":"user:005"}`); !strings.Contains(got.body, `"keys":[]`) {
			t.Errorf("keys left: %s", got.body)
		}
	})

	t.Run("a stale read appears after a write elsewhere and goes after advancing the clock", func(t *testing.T) {
		// SIN caches the current value; then a write lands centrally.
		if got := r.do(t, "GET", "/?key=user:00001", "", "X-Edgedev-Location", "SIN"); !strings.Contains(got.body, `"id":1`) {
			t.Fatalf("SIN read: %s", got.body)
		}
		b.open("kv/dash/user%3A00001", "#edit-value")
		b.run("write", chromedp.SetValue(chromedp.CSS("#edit-value"), "new value"), chromedp.Click(chromedp.CSS("#save")))
		b.waitText("#expiration", "never")

		b.open("consistency/dash/user%3A00001", "#c-locations")
		if got := b.text(`#c-locations tr[data-location="SIN"]`); !strings.Contains(got, "STALE") || !strings.Contains(got, `"id":1`) {
			t.Errorf("SIN row: %q", got)
		}
		if got := b.text("#c-pending"); !strings.Contains(got, "new value") || !strings.Contains(got, "in 10 s") {
			t.Errorf("pending: %q", got)
		}
		b.run("send from SIN", chromedp.SetValue(chromedp.CSS("#t-location"), "SIN"), chromedp.SetValue(chromedp.CSS("#t-path"), "/?key=user:00001"),
			chromedp.Click(chromedp.CSS("#t-send")))
		if got := b.waitText("#t-out", "from SIN"); !strings.Contains(got, `"id":1`) {
			t.Errorf("test request: %q", got)
		}
		b.waitText("#trace", "STALE")
		b.shot("dashboard-consistency.png")

		b.run("advance", chromedp.Click(chromedp.CSS(`button[data-advance="60s"]`)))
		b.waitText("#c-nopending", "none")
		if got := b.text(`#c-locations tr[data-location="SIN"]`); strings.Contains(got, "STALE") || !strings.Contains(got, "fresh") {
			t.Errorf("SIN after 60 s: %q", got)
		}
		if got := r.do(t, "GET", "/?key=user:00001", "", "X-Edgedev-Location", "SIN"); got.body != "new value" {
			t.Errorf("SIN now reads %q", got.body)
		}
	})

	t.Run("the request log shows a failure's source-mapped stack", func(t *testing.T) {
		r.do(t, "GET", "/boom", "")
		b.open("requests", "#requests tr.req")
		b.run("open the failure", chromedp.Click(chromedp.CSS(`#requests tr.req .s5`)))
		if got := b.waitText("#r-stack", "src/index.ts:3"); !strings.Contains(got, "at explode") {
			t.Errorf("stack: %q", got)
		}
		b.shot("dashboard-requests.png")
	})

	t.Run("the error page links to its entry in the log", func(t *testing.T) {
		b.run("open the failing page", chromedp.Navigate("about:blank"), chromedp.Navigate(b.url+"/boom"), chromedp.WaitVisible(chromedp.CSS("pre.code")))
		if got := b.text("details[open] pre.code"); !strings.Contains(got, `throw new Error("no handler for " + name);`) || !strings.Contains(got, "^") {
			t.Errorf("code frame: %q", got)
		}
		b.shot("error-page.png")
		b.click("#log-link")
		if got := b.waitText("#r-stack", "src/index.ts:3"); !strings.Contains(got, "no handler for /boom") {
			t.Errorf("the log entry: %q", got)
		}
	})

	t.Run("D1: tables, rows page by page, a query and its errors", func(t *testing.T) {
		var qs []string
		qs = append(qs, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, avatar BLOB)")
		for i := range 150 {
			qs = append(qs, fmt.Sprintf("INSERT INTO users (name, avatar) VALUES ('user %d', X'00ff')", i))
		}
		var wire []map[string]any
		for _, q := range qs {
			wire = append(wire, map[string]any{"sql": q})
		}
		body, _ := json.Marshal(map[string]any{"id": "x", "queries": wire})
		if got := r.do(t, "POST", "/cdn-cgi/edgedev/d1/run", string(body)); got.status != 200 || strings.Contains(got.body, `"error"`) {
			t.Fatalf("seed: %d %s", got.status, got.body)
		}
		b.open("d1", "#tables")
		b.click(`#tables tr[data-table="users"]`)
		if got := b.waitText("#d1-count", "150 rows"); got != "150 rows" {
			t.Errorf("count: %q", got)
		}
		if n := evalAs[int](b, `document.querySelectorAll("#d1-rows tr.r").length`); n != 100 {
			t.Errorf("first page: %d rows", n)
		}
		if got := b.text("#d1-rows tr.r"); !strings.Contains(got, "user 0") || !strings.Contains(got, "BLOB 2 bytes") {
			t.Errorf("first row: %q", got)
		}
		b.click("#d1-next")
		b.waitText("#d1-rows", "user 149")
		b.set("#d1-sql", "SELECT name FROM users WHERE id > 148")
		b.click("#d1-run")
		if got := b.waitText("#d1-out", "2 rows"); !strings.Contains(got, "user 148") || !strings.Contains(got, "user 149") {
			t.Errorf("query: %q", got)
		}
		b.set("#d1-sql", "SELECT nope FROM users")
		b.click("#d1-run")
		b.waitText("#d1-out", "no such column: nope")
		evalAs[bool](b, `window.scrollTo(0, 0), true`)
		b.shot("dashboard-d1.png")
	})

	t.Run("bindings", func(t *testing.T) {
		b.open("bindings", "#bindings")
		if got := b.text("#bindings"); !strings.Contains(got, "env.DB") || !strings.Contains(got, "D1 database") || !strings.Contains(got, "env.KV") ||
			!strings.Contains(got, "env.BUCKET") || !strings.Contains(got, "not emulated yet") {
			t.Errorf("bindings: %q", got)
		}
		b.shot("dashboard-bindings.png")
	})
	if l := b.log.String(); strings.Contains(l, "exception") {
		t.Errorf("the page threw:\n%s", l)
	}
}
