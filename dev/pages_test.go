package dev_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"edgedev/config"
	"edgedev/dev"
)

// TestPagesExample runs examples/pages-functions end to end over HTTP: the
// banner's route table, then every command of its README, verbatim, with
// the README's expected output.
func TestPagesExample(t *testing.T) {
	dir := copyDir(t, "../examples/pages-functions")
	r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{}})
	banner := r.out.String()
	for _, want := range []string{
		"edgedev pages dev: public/ (config wrangler.toml)",
		"Routes (functions/, in the order they are tried):",
		"  GET     /api/admin/sessions      api/admin/sessions.ts:onRequestGet\n  GET     /api/users/me            api/users/me.ts:onRequestGet\n  GET     /api/users/:id           api/users/[id].ts:onRequestGet\n  *       /api/files/:path*        api/files/[[path]].ts:onRequest\n",
		"  *       /api (middleware)        api/_middleware.ts:onRequest\n",
		"_headers: 2 rules, _redirects: 3 rules",
		"env.SESSIONS", "env.ADMIN_TOKEN", "env.CF_PAGES ", "env.ASSETS",
	} {
		if !strings.Contains(banner, want) {
			t.Errorf("banner lacks %q:\n%s", want, banner)
		}
	}
	if strings.Contains(banner, "__edgedev") {
		t.Errorf("banner shows the internal router binding:\n%s", banner)
	}
	t.Run("README walk-through", func(t *testing.T) {
		runREADME(t, filepath.Join(dir, "README.md"), strings.TrimPrefix(r.url, "http://"))
	})
}

// runREADME runs each ```sh block of a README in one shell, with
// localhost:8788 pointed at hostport, and compares each command's output
// with the "# ..." lines under it (<placeholders> match anything).
func runREADME(t *testing.T, path, hostport string) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	type command struct {
		line   string
		expect []string
	}
	var blocks [][]command
	var cur []command
	inBlock := false
	sc := bufio.NewScanner(strings.NewReader(string(src)))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "```sh":
			inBlock, cur = true, nil
		case inBlock && line == "```":
			inBlock = false
			blocks = append(blocks, cur)
		case inBlock && strings.HasPrefix(line, "# "):
			cur[len(cur)-1].expect = append(cur[len(cur)-1].expect, strings.TrimPrefix(line, "# "))
		case inBlock && strings.TrimSpace(line) != "":
			cur = append(cur, command{line: line})
		}
	}
	checked := 0
	for _, block := range blocks {
		var script strings.Builder
		for i, c := range block {
			fmt.Fprintf(&script, "echo '@@@%d'\n%s\n", i, strings.ReplaceAll(c.line, "localhost:8788", hostport))
		}
		out, err := exec.Command("sh", "-c", script.String()).CombinedOutput()
		if err != nil {
			t.Fatalf("block failed: %v\n%s\n%s", err, script.String(), out)
		}
		parts := regexp.MustCompile(`@@@\d+\n`).Split(string(out), -1)[1:]
		for i, c := range block {
			if c.expect == nil {
				continue
			}
			checked++
			got := strings.TrimRight(parts[i], "\n")
			want := strings.Join(c.expect, "\n")
			pattern := "^" + strings.ReplaceAll(regexp.QuoteMeta(want), "<id>", "[0-9a-f-]{36}")
			pattern = strings.ReplaceAll(pattern, "<time>", `[0-9T:.Z-]+`)
			pattern = strings.ReplaceAll(pattern, "<n>", `[0-9]+`)
			re := regexp.MustCompile(pattern + "$")
			if !re.MatchString(got) {
				t.Errorf("README command\n  %s\nprinted\n  %q\nthe README says\n  %q", c.line, got, want)
			}
		}
	}
	if checked < 25 {
		t.Errorf("only %d README commands had an expected output; the parser may be broken", checked)
	}
}

func TestPagesWithoutConfig(t *testing.T) {
	dir := project(t, map[string]string{
		"site/index.html": "home",
		"functions/api/[name].ts": `
export const onRequestPut = async ({ params, env, request }) => {
  await env.NOTES.put(params.name, await request.text());
  return new Response(null, { status: 204 });
};
export const onRequestGet = async ({ params, env }) => Response.json({
  note: await env.NOTES.get(params.name), token: env.TOKEN, pages: env.CF_PAGES, branch: env.CF_PAGES_BRANCH,
});`,
	})
	r := start(t, dev.Options{
		Dir:   dir,
		Vars:  []config.Var{{Name: "TOKEN", Value: "t=1"}},
		Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "site"), KV: []string{"NOTES"}},
	})
	if got := r.do(t, "PUT", "/api/hello", "world"); got.status != 204 {
		t.Fatalf("PUT = %d %q", got.status, got.body)
	}
	if got := r.do(t, "GET", "/api/hello", ""); got.body != `{"note":"world","token":"t=1","pages":"1","branch":"local"}` {
		t.Errorf("GET = %d %s", got.status, got.body)
	}
	if got := r.do(t, "GET", "/", ""); got.body != "home" {
		t.Errorf("GET / = %q", got.body)
	}
	if !strings.Contains(r.out.String(), "env.NOTES") || !strings.Contains(r.out.String(), "NOTES (local)") {
		t.Errorf("banner:\n%s", r.out)
	}
	if _, err := os.Stat(filepath.Join(dir, ".edgedev", "state")); err != nil {
		t.Errorf("KV state is not under the project's .edgedev: %v", err)
	}
}

func TestPagesStartupErrors(t *testing.T) {
	t.Run("no assets directory and no config: the platform's message", func(t *testing.T) {
		dir := project(t, map[string]string{"functions/a.ts": "export const onRequest = () => new Response('')"})
		_, err := dev.New(dev.Options{Dir: dir, Pages: &dev.PagesOptions{}, Stdout: io.Discard, Stderr: io.Discard})
		if err == nil || err.Error() != "Must specify a directory of static assets to serve, or a command to run, or a proxy port, or configure `pages_build_output_dir` in your Wrangler configuration file." {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("a worker's config is ignored with a warning", func(t *testing.T) {
		dir := project(t, map[string]string{"wrangler.toml": "name = \"w\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-06-01\"\n", "public/a.txt": "a"})
		var errw syncBuffer
		srv, err := dev.New(dev.Options{Dir: dir, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")}, Stdout: io.Discard, Stderr: &errw})
		if err != nil {
			t.Fatal(err)
		}
		srv.Shutdown(context.Background())
		if !strings.Contains(errw.String(), "ignoring wrangler.toml: it has no pages_build_output_dir") {
			t.Errorf("stderr: %s", errw.String())
		}
	})
	cases := []struct{ name, file, content, want string }{
		{"an invalid parameter name", "functions/[user-id].ts", "export const onRequest = () => new Response('')",
			`functions/[user-id].ts: Invalid Pages function route parameter - "[user-id]". Parameter names must only contain alphanumeric and underscore characters.`},
		{"an invalid _routes.json", "public/_routes.json", `{"version":1,"include":[],"exclude":[]}`,
			"Invalid _routes.json file found at: public/_routes.json\nRoutes must have at least 1 include rule, but no include rules were detected."},
		{"a syntax error in a function", "functions/broken.ts", "export const onRequest = (;\n", "functions/broken.ts:1:"},
	}
	for _, c := range cases {
		t.Run(c.name+" is served as the error until fixed", func(t *testing.T) {
			dir := project(t, map[string]string{"public/index.html": "home", c.file: c.content})
			r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")}})
			got := r.do(t, "GET", "/", "")
			if got.status != 500 || !strings.Contains(got.body, c.want) {
				t.Errorf("got %d %q\nwant it to contain %q", got.status, got.body, c.want)
			}
			if !strings.Contains(r.out.String(), "failed to build") {
				t.Errorf("banner:\n%s", r.out)
			}
		})
	}
	t.Run("bad _headers and _redirects lines are warnings with file and line", func(t *testing.T) {
		dir := project(t, map[string]string{
			"public/index.html": "home",
			"public/_headers":   "/*\n  Bad Name: x\n  X-Ok: 1\n",
			"public/_redirects": "/a /b 999\n/c /d\n",
		})
		r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")}})
		for _, want := range []string{
			"warning: public/_headers:2: Header name cannot include spaces",
			"warning: public/_redirects:1: Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got 999.",
		} {
			if !strings.Contains(r.err.String(), want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.err)
			}
		}
		if status, loc := noFollow(t, r.url+"/c"); status != 302 || loc != "/d" {
			t.Errorf("the good rule: %d %q", status, loc)
		}
		if got := r.do(t, "GET", "/", ""); got.header.Get("X-Ok") != "1" {
			t.Errorf("the good header: %v", got.header)
		}
	})
}

func TestPagesHotReload(t *testing.T) {
	dir := project(t, map[string]string{
		"public/index.html":        "v1",
		"public/404.html":          "missing",
		"functions/api/hello.ts":   `export const onRequest = () => new Response("hello v1");`,
		"functions/_middleware.ts": `export const onRequest = async (c) => { const r = await c.next(); r.headers.set("x-mw", "1"); return r; };`,
	})
	r := start(t, dev.Options{Dir: dir, Watch: true, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")}})
	get := func(path string) reply { return r.do(t, "GET", path, "") }
	if got := get("/api/hello"); got.body != "hello v1" {
		t.Fatalf("first: %q", got.body)
	}
	t.Run("editing a function", func(t *testing.T) {
		write(t, filepath.Join(dir, "functions/api/hello.ts"), `export const onRequest = () => new Response("hello v2");`)
		eventually(t, "hello v2", func() bool { return get("/api/hello").body == "hello v2" })
	})
	t.Run("a new file in a new directory is a new route", func(t *testing.T) {
		if got := get("/api/users/7"); got.status != 404 {
			t.Fatalf("before: %d %q", got.status, got.body)
		}
		if err := os.MkdirAll(filepath.Join(dir, "functions/api/users"), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, filepath.Join(dir, "functions/api/users/[id].ts"), `export const onRequest = (c) => new Response("user " + c.params.id);`)
		eventually(t, "the new route", func() bool { return get("/api/users/7").body == "user 7" })
	})
	t.Run("a changed asset is served at once", func(t *testing.T) {
		write(t, filepath.Join(dir, "public/index.html"), "v2")
		eventually(t, "v2", func() bool { return get("/").body == "v2" })
		write(t, filepath.Join(dir, "public/site.css"), "body{}")
		if got := get("/site.css"); got.body != "body{}" || got.header.Get("X-Mw") != "1" {
			t.Errorf("new css: %q %v", got.body, got.header)
		}
	})
	t.Run("_headers and _redirects are read again", func(t *testing.T) {
		write(t, filepath.Join(dir, "public/_headers"), "/*\n  X-Edited: yes\n")
		eventually(t, "the new header", func() bool { return get("/").header.Get("X-Edited") == "yes" })
		write(t, filepath.Join(dir, "public/_redirects"), "/old / 301\n")
		eventually(t, "the new redirect", func() bool { status, _ := noFollow(t, r.url+"/old"); return status == 301 })
	})
	t.Run("_routes.json is read again", func(t *testing.T) {
		write(t, filepath.Join(dir, "public/_routes.json"), `{"version":1,"include":["/*"],"exclude":["/api/*"]}`)
		eventually(t, "the exclusion", func() bool { got := get("/api/hello"); return got.status == 404 && got.header.Get("X-Mw") == "" })
		if err := os.Remove(filepath.Join(dir, "public/_routes.json")); err != nil {
			t.Fatal(err)
		}
		eventually(t, "functions again", func() bool { return get("/api/hello").body == "hello v2" })
	})
	t.Run("a broken function keeps the last good build serving", func(t *testing.T) {
		write(t, filepath.Join(dir, "functions/api/hello.ts"), "export const onRequest = (;\n")
		eventually(t, "the error report", func() bool { return strings.Contains(r.err.String(), "functions/api/hello.ts:1:") })
		if got := get("/api/hello"); got.body != "hello v2" {
			t.Errorf("during the error: %d %q", got.status, got.body)
		}
		write(t, filepath.Join(dir, "functions/api/hello.ts"), `export const onRequest = () => new Response("hello v3");`)
		eventually(t, "hello v3", func() bool { return get("/api/hello").body == "hello v3" })
	})
	t.Run("the generated entry is not a watched change", func(t *testing.T) {
		out := r.out.String()
		if n := strings.Count(out, "reloaded ("); n == 0 || strings.Contains(out, ".entry.js") {
			t.Errorf("reload lines:\n%s", out)
		}
	})
}

// TestPagesLiveReload: static HTML gets the script, and a stylesheet edit,
// which needs no rebuild, still tells the browser to reload.
func TestPagesLiveReload(t *testing.T) {
	dir := project(t, map[string]string{"public/index.html": "<h1>home</h1>", "public/site.css": "a{}"})
	r := start(t, dev.Options{Dir: dir, Watch: true, LiveReload: true, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")}})
	if page := r.do(t, "GET", "/", ""); !strings.Contains(page.body, "/cdn-cgi/edgedev/live-reload") {
		t.Fatalf("static HTML without the live-reload script: %q", page.body)
	}
	if css := r.do(t, "GET", "/site.css", ""); css.body != "a{}" {
		t.Errorf("CSS changed: %q", css.body)
	}
	resp, err := http.Get(r.url + "/cdn-cgi/edgedev/live-reload")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 8)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if ev, ok := strings.CutPrefix(sc.Text(), "event: "); ok {
				events <- ev
			}
		}
	}()
	write(t, filepath.Join(dir, "public/site.css"), "a{color:red}")
	select {
	case ev := <-events:
		if ev != "reload" {
			t.Errorf("event %q", ev)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no live-reload event after a stylesheet edit")
	}
}

// TestPagesTraversalOverHTTP sends raw request lines, which no HTTP client
// would clean up, and checks nothing outside the assets directory leaks.
func TestPagesTraversalOverHTTP(t *testing.T) {
	dir := project(t, map[string]string{
		"secret.txt":        "SECRET",
		"public/index.html": "home",
		"public/404.html":   "missing",
	})
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(dir, "public", "link.txt")); err != nil {
		t.Skip(err)
	}
	r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")}})
	host := strings.TrimPrefix(r.url, "http://")
	for _, target := range []string{
		"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt",
		`/..\secret.txt`, "/..%5csecret.txt", "/%5c..%5csecret.txt", "/link.txt", "/link",
		"/./../secret.txt", "//../secret.txt", "/public/../../secret.txt",
	} {
		conn, err := net.Dial("tcp", host)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, host)
		resp, err := io.ReadAll(conn)
		conn.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(resp), "SECRET") || strings.HasPrefix(string(resp), "HTTP/1.1 200") {
			t.Errorf("GET %s:\n%s", target, resp)
		}
	}
}

// TestPagesConcurrentRequests mixes static files, functions, KV and
// redirects from many goroutines (run it with -race).
func TestPagesConcurrentRequests(t *testing.T) {
	dir := copyDir(t, "../examples/pages-functions")
	r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{}})
	paths := []string{"/", "/about", "/api/users/7", "/api/files/a/b", "/style.css", "/nope", "/api/session"}
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				p := paths[(g+i)%len(paths)]
				resp, err := http.Get(r.url + p)
				if err != nil {
					errs <- err.Error()
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode >= 500 {
					errs <- fmt.Sprintf("%s: %d", p, resp.StatusCode)
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// noFollow GETs url without following a redirect.
func noFollow(t *testing.T, url string) (int, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location")
}

// ---- benchmarks ---------------------------------------------------------------
//
// go test ./dev -run '^$' -bench Pages -benchtime 5s
// Throughput uses 16 concurrent keep-alive clients, like wrk -c16.

func benchServer(b *testing.B) (*dev.Server, string) {
	b.Helper()
	dir := copyDir(b, "../examples/pages-functions")
	srv, err := dev.New(dev.Options{Dir: dir, Port: -1, Pages: &dev.PagesOptions{}, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { srv.Shutdown(context.Background()) })
	return srv, srv.URL()
}

func benchGet(b *testing.B, url string, want int) {
	transport := &http.Transport{MaxIdleConnsPerHost: 64}
	client := &http.Client{Transport: transport}
	b.Cleanup(transport.CloseIdleConnections)
	b.SetParallelism(8) // 16 clients on GOMAXPROCS=2
	var once sync.Once
	cpu0 := cpuTime()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Get(url)
			if err != nil {
				once.Do(func() { b.Error(err) })
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want {
				once.Do(func() { b.Errorf("status %d", resp.StatusCode) })
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	// CPU time of the whole process (server and clients) per request: what
	// a request costs, much less sensitive than req/s to other processes
	// competing for the machine.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/req")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkPagesStaticAsset(b *testing.B) {
	_, url := benchServer(b)
	benchGet(b, url+"/about", 200)
}

func BenchmarkPagesFunctionRoute(b *testing.B) {
	_, url := benchServer(b)
	benchGet(b, url+"/api/users/42", 200)
}

// BenchmarkPagesBareFunction is a function route with no middleware, and
// BenchmarkPagesWorkerBaseline the same response from a plain worker: the
// difference is what the Pages layer costs.
func BenchmarkPagesBareFunction(b *testing.B) {
	dir := b.TempDir()
	for name, content := range map[string]string{
		"public/index.html":           "x",
		"functions/api/users/[id].ts": `export const onRequestGet = ({ params }) => Response.json({ id: params.id, name: "user " + params.id });`,
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644)
	}
	srv, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: io.Discard, Stderr: io.Discard, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")}})
	if err != nil {
		b.Fatal(err)
	}
	srv.Start()
	b.Cleanup(func() { srv.Shutdown(context.Background()) })
	benchGet(b, srv.URL()+"/api/users/42", 200)
}

func BenchmarkPagesWorkerBaseline(b *testing.B) {
	dir := b.TempDir()
	os.MkdirAll(filepath.Join(dir, "src"), 0o755)
	os.WriteFile(filepath.Join(dir, "wrangler.toml"), []byte("name = \"w\"\nmain = \"src/index.ts\"\ncompatibility_date = \"2025-06-01\"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "src/index.ts"), []byte(`export default { fetch() { return Response.json({ id: "42", name: "user 42" }); } };`), 0o644)
	srv, err := dev.New(dev.Options{Dir: dir, Port: -1, Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	srv.Start()
	b.Cleanup(func() { srv.Shutdown(context.Background()) })
	benchGet(b, srv.URL()+"/api/users/42", 200)
}

// BenchmarkPagesStartToFirstResponse is `pages dev` from nothing to the
// first function response on the example: config, route scan, entry,
// bundle, worker, KV store, listener, one request.
func BenchmarkPagesStartToFirstResponse(b *testing.B) {
	dir := copyDir(b, "../examples/pages-functions")
	var total time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		srv, err := dev.New(dev.Options{Dir: dir, Port: -1, Pages: &dev.PagesOptions{}, Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		if err := srv.Start(); err != nil {
			b.Fatal(err)
		}
		resp, err := http.Get(srv.URL() + "/api/users/42")
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("first response: %v", err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		total += time.Since(start)
		srv.Shutdown(context.Background())
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/start")
}

// TestPagesLocations checks that pages dev honours the consistency flags:
// X-Edgedev-Location picks request.cf.colo for functions, as in dev.
func TestPagesLocations(t *testing.T) {
	dir := project(t, map[string]string{
		"public/index.html": "<h1>hi</h1>",
		"functions/colo.ts": "export const onRequest = ({ request }: any) => new Response(request.cf.colo);\n",
	})
	r := start(t, dev.Options{Dir: dir, Pages: &dev.PagesOptions{AssetsDir: filepath.Join(dir, "public")},
		Consistency: dev.Consistency{Locations: []string{"AMS", "NRT"}}})
	if got := r.do(t, "GET", "/colo", "", "X-Edgedev-Location", "NRT"); got.body != "NRT" {
		t.Errorf("with the header: %d %q", got.status, got.body)
	}
	if got := r.do(t, "GET", "/colo", "", "X-Edgedev-Location", "XXX"); got.status != 400 {
		t.Errorf("unknown location: %d %q", got.status, got.body)
	}
	if !strings.Contains(r.out.String(), "AMS") {
		t.Errorf("banner does not show the simulation:\n%s", r.out)
	}
}
